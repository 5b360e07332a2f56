#!/usr/bin/env python3
"""Generate the SYNTHETIC sample data for the fictional borough of Northvale.

Northvale does not exist. Every area, street, population count and crime record written by
this script is invented from a seeded pseudo-random generator; none of it describes a real
place or real events. The files imitate the public formats the app imports:

  geography/lsoa_ward_lookup.csv      ONS best-fit LSOA -> ward -> local authority lookup
  geography/lsoa_population.csv       code,name,total
  geography/ward_population.csv       code,name,total
  geography/lsoa_boundaries.geojson   LSOA polygons (WGS84)
  geography/ward_boundaries.geojson   ward polygons (WGS84)
  police-uk/YYYY-MM/YYYY-MM-northvale-street.csv   police.uk street-level crime + ASB
  partners/domestic_abuse_incidents.csv            DA incidents, reference layout
  partners/marac_quarterly.csv                     MARAC quarterly summary, reference layout
  partners/asb_cases.csv                           council ASB cases, reference layout
  partners/treatment.csv                           drug/alcohol treatment counts, reference layout
  partners/da_extract_other_force_layout.csv       DA incidents in another layout (needs a mapping)

Usage:  python3 sample-data/generate.py [--seed N]

Same seed -> byte-identical files (Python 3.11, standard library only). Randomness comes only
from random.Random.random() and .getrandbits() through the helpers below, never from
choices()/randrange()/gauss()/shuffle(), whose algorithms may change between versions.
"""

import argparse
import bisect
import csv
import datetime
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path

DEFAULT_SEED = 20261123

HERE = Path(__file__).resolve().parent

LAD_CODE = "E06000999"
LAD_NAME = "Northvale"
FORCE = "Northvale Police"

FIRST_MONTH = (2019, 4)
LAST_MONTH = (2025, 9)

N_LSOA = 165
N_WARD = 22

# ---------------------------------------------------------------------------------------------
# Random helpers (only .random() and .getrandbits())
# ---------------------------------------------------------------------------------------------


def sub_rng(seed, name):
    """An independent, stable stream per purpose, so changing one step leaves the others."""
    digest = hashlib.sha256(f"northvale:{seed}:{name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def uniform(rng, a, b):
    return a + (b - a) * rng.random()


def randint_below(rng, n):
    """0 <= k < n."""
    k = int(rng.random() * n)
    return n - 1 if k >= n else k


def pick(rng, seq):
    return seq[randint_below(rng, len(seq))]


def cumulative(weights):
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def weighted_index(rng, cum):
    """Index drawn with probability proportional to its weight (cum = cumulative weights)."""
    k = bisect.bisect_right(cum, rng.random() * cum[-1])
    return min(k, len(cum) - 1)


def normal(rng):
    """Standard normal by Box-Muller (one value per call, deterministic)."""
    u1 = 1.0 - rng.random()  # (0, 1]
    u2 = rng.random()
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


# ---------------------------------------------------------------------------------------------
# Step 1: geography
# ---------------------------------------------------------------------------------------------

CELL = 100.0  # metres
NX, NY = 200, 160
X0, Y0 = -10000.0, -8000.0  # grid origin, metres east/north of the centre point
LON0, LAT0 = -0.85, 52.31
M_PER_DEG_LAT = 111250.0
M_PER_DEG_LON = 111320.0 * math.cos(math.radians(LAT0))

TOWN_CENTRE = (700.0, -400.0)  # Northvale town centre
MARSH_END = (-4300.0, 2100.0)  # small second town
VILLAGE = (3900.0, 2600.0)  # large village / local centre

# Pull of the town centres on crime: (centre, height, spread in metres).
CENTRES = [(TOWN_CENTRE, 1.0, 2000.0), (MARSH_END, 0.35, 1500.0), (VILLAGE, 0.20, 1200.0)]

WARD_NAMES = {
    "central": "Northvale Central",
    "inner": ["Castle Hill", "Riverside", "Abbey Fields", "Kingsmead"],
    "second_town": "Marsh End",
    "east": "Northvale East",
    "west": "Northvale West",
    "suburban": [
        "Ashby Green", "Brookfield", "Elmstead Park", "Fenwick & Oldfield", "Harrowgate",
        "Hollins Cross", "Millbrook", "Orchard Vale", "Quarry Bank", "St Aldhelm's",
    ],
    "rural": ["Upper Weald", "Yarrow Down", "Wexcombe", "Thornbury Heath"],
}


def lonlat(x, y):
    return LON0 + x / M_PER_DEG_LON, LAT0 + y / M_PER_DEG_LAT


def fmt_lonlat(x, y):
    lon, lat = lonlat(x, y)
    return f"{lon:.6f}", f"{lat:.6f}"


def cell_centre(i, j):
    return X0 + (i + 0.5) * CELL, Y0 + (j + 0.5) * CELL


def gauss_bump(x, y, centre, sigma):
    dx, dy = x - centre[0], y - centre[1]
    return math.exp(-(dx * dx + dy * dy) / (2.0 * sigma * sigma))


def settlement_density(x, y):
    return (0.12 + 1.0 * gauss_bump(x, y, TOWN_CENTRE, 1700.0)
            + 0.45 * gauss_bump(x, y, MARSH_END, 1000.0)
            + 0.30 * gauss_bump(x, y, VILLAGE, 800.0))


def neighbours4(i, j):
    return ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1))


def components(cells):
    """4-connected components of a set of cells, largest first (deterministic order)."""
    todo = set(cells)
    comps = []
    for start in sorted(cells):
        if start not in todo:
            continue
        todo.discard(start)
        stack, comp = [start], [start]
        while stack:
            c = stack.pop()
            for n in neighbours4(*c):
                if n in todo:
                    todo.discard(n)
                    stack.append(n)
                    comp.append(n)
        comps.append(sorted(comp))
    comps.sort(key=lambda c: (-len(c), c[0]))
    return comps


def build_outline(rng):
    harmonics = []
    for k, amp in ((2, 0.07), (3, 0.07), (4, 0.05), (5, 0.035), (7, 0.02), (9, 0.015),
                   (13, 0.01)):
        harmonics.append((k, amp * uniform(rng, 0.6, 1.0), uniform(rng, 0.0, 2.0 * math.pi)))
    a, b = 7800.0, 5900.0
    mask = set()
    for i in range(NX):
        for j in range(NY):
            x, y = cell_centre(i, j)
            u, v = x / a, y / b
            rho = math.hypot(u, v)
            th = math.atan2(v, u)
            r = 1.0 + sum(amp * math.cos(k * th + ph) for k, amp, ph in harmonics)
            if rho < r:
                mask.add((i, j))
    mask = set(components(mask)[0])
    # Fill holes: outside cells not connected to the grid border become inside.
    outside = {(i, j) for i in range(NX) for j in range(NY)} - mask
    for comp in components(outside):
        if not any(i in (0, NX - 1) or j in (0, NY - 1) for i, j in comp):
            mask.update(comp)
    return mask


def nearest_index(x, y, points):
    best, best_d = 0, float("inf")
    for k, (px, py) in enumerate(points):
        d = (x - px) * (x - px) + (y - py) * (y - py)
        if d < best_d:
            best, best_d = k, d
    return best


def place_lsoa_seeds(rng, mask_list):
    seeds, radii = [], []
    r0, misses = 560.0, 0
    while len(seeds) < N_LSOA:
        i, j = pick(rng, mask_list)
        x = X0 + (i + uniform(rng, 0.1, 0.9)) * CELL
        y = Y0 + (j + uniform(rng, 0.1, 0.9)) * CELL
        r = r0 / math.sqrt(settlement_density(x, y))
        ok = all((x - sx) ** 2 + (y - sy) ** 2 >= (0.5 * (r + sr)) ** 2
                 for (sx, sy), sr in zip(seeds, radii))
        if ok:
            seeds.append((x, y))
            radii.append(r)
            misses = 0
        else:
            misses += 1
            if misses > 2000:
                r0 *= 0.95
                radii = [rr * 0.95 for rr in radii]
                misses = 0
    return seeds


def voronoi(mask_list, seeds):
    return {c: nearest_index(*cell_centre(*c), seeds) for c in mask_list}


def lloyd(mask_list, seeds, iterations):
    for _ in range(iterations):
        owner = voronoi(mask_list, seeds)
        sx = [0.0] * len(seeds)
        sy = [0.0] * len(seeds)
        sw = [0.0] * len(seeds)
        for c in mask_list:
            x, y = cell_centre(*c)
            w = settlement_density(x, y)
            k = owner[c]
            sx[k] += w * x
            sy[k] += w * y
            sw[k] += w
        seeds = [(sx[k] / sw[k], sy[k] / sw[k]) if sw[k] > 0 else seeds[k]
                 for k in range(len(seeds))]
    return seeds


def make_regions_contiguous(owner, n):
    """Give stray pieces of a region to the neighbour they share most edges with."""
    for _ in range(50):
        changed = False
        cells_of = [[] for _ in range(n)]
        for c in sorted(owner):
            cells_of[owner[c]].append(c)
        for k in range(n):
            comps = components(cells_of[k])
            for comp in comps[1:]:
                counts = {}
                for c in comp:
                    for nb in neighbours4(*c):
                        o = owner.get(nb)
                        if o is not None and o != k:
                            counts[o] = counts.get(o, 0) + 1
                if not counts:
                    continue
                target = min(counts, key=lambda o: (-counts[o], o))
                for c in comp:
                    owner[c] = target
                changed = True
        if not changed:
            return owner
    raise RuntimeError("could not make regions contiguous")


def region_adjacency(owner):
    adj = {}
    for (i, j), k in owner.items():
        for nb in ((i + 1, j), (i, j + 1)):
            o = owner.get(nb)
            if o is not None and o != k:
                a, b = min(k, o), max(k, o)
                adj[(a, b)] = adj.get((a, b), 0) + 1
    nbrs = {}
    for a, b in sorted(adj):
        nbrs.setdefault(a, []).append(b)
        nbrs.setdefault(b, []).append(a)
    return nbrs


def connected(members, nbrs):
    members = set(members)
    if not members:
        return True
    start = min(members)
    seen, stack = {start}, [start]
    while stack:
        k = stack.pop()
        for n in nbrs.get(k, ()):
            if n in members and n not in seen:
                seen.add(n)
                stack.append(n)
    return len(seen) == len(members)


def dist2(a, b):
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def kmeans(rng, points, k, iterations=30):
    # k-means++ initialisation with our own draws.
    centres = [pick(rng, points)]
    while len(centres) < k:
        d = [min(dist2(p, c) for c in centres) for p in points]
        centres.append(points[weighted_index(rng, cumulative(d))])
    for _ in range(iterations):
        groups = [[] for _ in range(k)]
        for p in points:
            groups[nearest_index(p[0], p[1], centres)].append(p)
        centres = [(sum(p[0] for p in g) / len(g), sum(p[1] for p in g) / len(g)) if g
                   else centres[n] for n, g in enumerate(groups)]
    return centres


def group_wards(rng, centroids, nbrs):
    """Grow N_WARD contiguous wards of 5-10 LSOAs over the LSOA adjacency graph."""
    n = len(centroids)
    centres = kmeans(rng, centroids, N_WARD)
    ward_of = [-1] * n
    members = [[] for _ in range(N_WARD)]
    for w, c in enumerate(centres):
        free = [l for l in range(n) if ward_of[l] == -1]
        l = min(free, key=lambda l: (dist2(centroids[l], c), l))
        ward_of[l] = w
        members[w].append(l)

    def frontier(w):
        return sorted({m for l in members[w] for m in nbrs.get(l, ()) if ward_of[m] == -1})

    while -1 in ward_of:
        order = sorted(range(N_WARD), key=lambda w: (len(members[w]), w))
        done = False
        for w in order:
            if len(members[w]) >= 10:
                continue
            f = frontier(w)
            if f:
                l = min(f, key=lambda l: (dist2(centroids[l], centres[w]), l))
                ward_of[l] = w
                members[w].append(l)
                done = True
                break
        if not done:  # everything reachable is capped: give to the smallest neighbour ward
            l = next(l for l in range(n) if ward_of[l] == -1
                     and any(ward_of[m] != -1 for m in nbrs.get(l, ())))
            w = min({ward_of[m] for m in nbrs[l] if ward_of[m] != -1},
                    key=lambda w: (len(members[w]), w))
            ward_of[l] = w
            members[w].append(l)

    def try_move(receiver_ok, donor_ok, w_small=None, w_big=None):
        best = None
        for l in range(n):
            v = ward_of[l]
            for w in sorted({ward_of[m] for m in nbrs.get(l, ())} - {v}):
                if not (receiver_ok(w) and donor_ok(v)):
                    continue
                if w_small is not None and w != w_small:
                    continue
                if w_big is not None and v != w_big:
                    continue
                rest = [m for m in members[v] if m != l]
                if not connected(rest, nbrs):
                    continue
                key = (dist2(centroids[l], centres[w]), l, w)
                if best is None or key < best[0]:
                    best = (key, l, v, w)
        if best is None:
            return False
        _, l, v, w = best
        members[v].remove(l)
        members[w].append(l)
        ward_of[l] = w
        return True

    for _ in range(500):
        small = [w for w in range(N_WARD) if len(members[w]) < 5]
        big = [w for w in range(N_WARD) if len(members[w]) > 10]
        if not small and not big:
            break
        if small:
            if not try_move(lambda w: True, lambda v: len(members[v]) > 5, w_small=small[0]):
                return None
        else:
            if not try_move(lambda w: len(members[w]) < 10, lambda v: True, w_big=big[0]):
                return None
    for w in range(N_WARD):
        if not 5 <= len(members[w]) <= 10 or not connected(members[w], nbrs):
            return None
    return ward_of


def name_wards(ward_centroids):
    order = sorted(range(N_WARD), key=lambda w: (dist2(ward_centroids[w], TOWN_CENTRE), w))
    names = [None] * N_WARD
    names[order[0]] = WARD_NAMES["central"]
    for w, nm in zip(order[1:5], WARD_NAMES["inner"]):
        names[w] = nm
    rest = [w for w in range(N_WARD) if names[w] is None]
    w = min(rest, key=lambda w: (dist2(ward_centroids[w], MARSH_END), w))
    names[w] = WARD_NAMES["second_town"]
    rest.remove(w)
    w = max(rest, key=lambda w: (ward_centroids[w][0], -w))
    names[w] = WARD_NAMES["east"]
    rest.remove(w)
    w = min(rest, key=lambda w: (ward_centroids[w][0], w))
    names[w] = WARD_NAMES["west"]
    rest.remove(w)
    rest.sort(key=lambda w: (dist2(ward_centroids[w], TOWN_CENTRE), w))
    pool = WARD_NAMES["suburban"] + WARD_NAMES["rural"]
    for w, nm in zip(rest, pool):
        names[w] = nm
    assert None not in names and len(set(names)) == N_WARD
    return names


# Street names ---------------------------------------------------------------------------------

TOWN_STREETS = [
    "High Street", "Market Place", "Station Road", "Bridge Street", "King Street",
    "Queen Street", "Church Street", "The Broadway", "Castle Street", "Abbey Road",
    "Corn Exchange Walk", "Sheep Street", "Gold Street", "Riverside Walk", "Cattle Market Road",
    "Union Street", "Regent Street", "Victoria Road", "Albert Street", "Silver Street",
]

STREET_FIRST = [
    "Abbey", "Acacia", "Albion", "Alder", "Alexandra", "Ash", "Aspen", "Back", "Barley",
    "Beech", "Belmont", "Birch", "Blackthorn", "Bramble", "Brook", "Buttercup", "Canal",
    "Cedar", "Chapel", "Cherry", "Chestnut", "Church", "Clarence", "Clover", "Coronation",
    "Cromwell", "Cross", "Dale", "Derwent", "Dove", "Elm", "Fairfield", "Fern", "Field",
    "Forge", "Foxglove", "Garden", "Glebe", "Grange", "Granville", "Green", "Grove",
    "Hawthorn", "Hazel", "Heath", "Heron", "Highfield", "Hill", "Holly", "Honeysuckle",
    "Ivy", "Jubilee", "Juniper", "Kestrel", "Kingfisher", "Laburnum", "Lark", "Laurel",
    "Lime", "Linden", "Lodge", "London", "Manor", "Maple", "Marsh", "Mayfield", "Meadow",
    "Mill", "Moor", "Mulberry", "Nelson", "New", "Newlands", "North", "Nursery", "Oak",
    "Orchard", "Osprey", "Park", "Pear Tree", "Pinfold", "Poplar", "Primrose", "Priory",
    "Queens", "Rectory", "Red Lion", "Richmond", "Rose", "Rowan", "St Andrew's",
    "St John's", "St Mary's", "School", "Seymour", "Sherwood", "South", "Spencer",
    "Spring", "Stanley", "Swallow", "Sycamore", "Tannery", "Thistle", "Tudor", "Vicarage",
    "Walnut", "Warren", "Water", "Wellington", "West", "Westfield", "Willow", "Windmill",
    "Woodland", "Wren", "Yew",
]

STREET_SUFFIX = [
    ("Road", 10), ("Street", 5), ("Lane", 7), ("Close", 8), ("Avenue", 5), ("Drive", 5),
    ("Way", 4), ("Gardens", 3), ("Crescent", 3), ("Place", 2), ("Grove", 2), ("Court", 2),
    ("Walk", 2), ("Rise", 1), ("Terrace", 1), ("Mews", 1), ("View", 1), ("Row", 1),
]

# Non-street police.uk snap points: (name, count, where) where = "centre" | "local" | "any".
SPECIAL_POINTS = [
    ("Shopping Area", 7, "shops"),
    ("Supermarket", 16, "local"),
    ("Petrol Station", 11, "any"),
    ("Parking Area", 70, "any"),
    ("Nightclub", 6, "night"),
    ("Sports/Recreation Area", 28, "any"),
    ("Bus/Coach Station", 1, "centre"),
    ("Hospital", 1, "local"),
    ("Police Station", 2, "local"),
    ("Further/Higher Educational Building", 3, "local"),
    ("Theatre/Concert Hall", 1, "centre"),
    ("Pedestrian Subway", 4, "local"),
    ("Conference/Exhibition Centre", 1, "centre"),
]
N_POINTS = 2500


def make_street_pool(rng, n):
    suffix_cum = cumulative([w for _, w in STREET_SUFFIX])
    names, seen = [], set(TOWN_STREETS)
    while len(names) < n:
        first = pick(rng, STREET_FIRST)
        suffix = STREET_SUFFIX[weighted_index(rng, suffix_cum)][0]
        nm = f"{first} {suffix}"
        if nm not in seen:
            seen.add(nm)
            names.append(nm)
    return names


def build_geography(seed):
    rng = sub_rng(seed, "geography")
    mask = build_outline(rng)
    mask_list = sorted(mask)

    seeds = place_lsoa_seeds(rng, mask_list)
    seeds = lloyd(mask_list, seeds, 2)
    owner = voronoi(mask_list, seeds)
    owner = make_regions_contiguous(owner, N_LSOA)

    cells_of = [[] for _ in range(N_LSOA)]
    for c in mask_list:
        cells_of[owner[c]].append(c)
    if min(len(c) for c in cells_of) == 0:
        raise RuntimeError("an LSOA lost all its cells")
    centroids = []
    for cells in cells_of:
        xs = [cell_centre(*c) for c in cells]
        centroids.append((sum(p[0] for p in xs) / len(xs), sum(p[1] for p in xs) / len(xs)))
    nbrs = region_adjacency(owner)

    ward_of = None
    for attempt in range(50):
        ward_of = group_wards(sub_rng(seed, f"wards-{attempt}"), centroids, nbrs)
        if ward_of is not None:
            break
    if ward_of is None:
        raise RuntimeError("could not group LSOAs into wards")

    ward_members = [[l for l in range(N_LSOA) if ward_of[l] == w] for w in range(N_WARD)]
    ward_centroids = []
    for m in ward_members:
        tot = sum(len(cells_of[l]) for l in m)
        ward_centroids.append((sum(centroids[l][0] * len(cells_of[l]) for l in m) / tot,
                               sum(centroids[l][1] * len(cells_of[l]) for l in m) / tot))
    ward_names = name_wards(ward_centroids)

    # MSOA-like groups: one per ward, or two for wards of 7+ LSOAs (split along the long axis).
    msoas = []
    for w in range(N_WARD):
        m = ward_members[w]
        if len(m) <= 6:
            msoas.append(list(m))
            continue
        xs = [centroids[l][0] for l in m]
        ys = [centroids[l][1] for l in m]
        axis = 0 if max(xs) - min(xs) >= max(ys) - min(ys) else 1
        srt = sorted(m, key=lambda l: (centroids[l][axis], l))
        half = len(srt) // 2
        msoas.append(srt[:half])
        msoas.append(srt[half:])

    def msoa_centroid(g):
        return (sum(centroids[l][0] for l in g) / len(g), sum(centroids[l][1] for l in g) / len(g))

    msoas.sort(key=lambda g: (-round(msoa_centroid(g)[1]), round(msoa_centroid(g)[0]), g))
    lsoa_name = [None] * N_LSOA
    for number, g in enumerate(msoas, start=1):
        for letter, l in zip("ABCDEFGHIJ", sorted(g, key=lambda l: (-centroids[l][1],
                                                                      centroids[l][0], l))):
            lsoa_name[l] = f"{LAD_NAME} {number:03d}{letter}"
    lsoa_order = sorted(range(N_LSOA), key=lambda l: lsoa_name[l])
    lsoa_code = [None] * N_LSOA
    for k, l in enumerate(lsoa_order, start=1):
        lsoa_code[l] = f"E0199{k:04d}"
    ward_order = sorted(range(N_WARD), key=lambda w: ward_names[w])
    ward_code = [None] * N_WARD
    for k, w in enumerate(ward_order, start=1):
        ward_code[w] = f"E0599{k:04d}"

    # Residents (2011-style counts): 1,200-2,200 per LSOA.
    population = []
    for _ in range(N_LSOA):
        u = (rng.random() + rng.random() + rng.random()) / 3.0
        population.append(int(1200 + 1000 * u ** 1.25))

    # Area character: how central, how deprived (drives the crime weights).
    centrality = []
    for x, y in centroids:
        centrality.append(sum(h * gauss_bump(x, y, c, sigma) for c, h, sigma in CENTRES))
    estates = [(TOWN_CENTRE[0] + uniform(rng, -2500, 2500), TOWN_CENTRE[1] + uniform(rng, -2000, 2000))
               for _ in range(3)]
    estates.append((MARSH_END[0] + uniform(rng, -900, 900), MARSH_END[1] + uniform(rng, -900, 900)))
    deprivation = []
    for l, (x, y) in enumerate(centroids):
        d = math.exp(0.35 * normal(rng))
        d *= 1.0 + 0.9 * max(gauss_bump(x, y, e, 700.0) for e in estates)
        d *= 1.0 + 0.6 * centrality[l]
        d *= 0.75 + 0.5 * settlement_density(x, y) / 1.5
        deprivation.append(d)

    points = build_points(rng, cells_of, centroids, centrality, settlement_density)
    for p in points:
        p["lsoa_code"] = lsoa_code[p["lsoa"]]
        p["lsoa_name"] = lsoa_name[p["lsoa"]]

    return {
        "mask": mask, "owner": owner, "cells_of": cells_of, "centroids": centroids,
        "ward_of": ward_of, "ward_members": ward_members, "ward_names": ward_names,
        "ward_code": ward_code, "lsoa_name": lsoa_name, "lsoa_code": lsoa_code,
        "population": population, "centrality": centrality, "deprivation": deprivation,
        "points": points,
    }


def build_points(rng, cells_of, centroids, centrality, density_fn):
    n = len(cells_of)
    specials = []
    by_centre = sorted(range(n), key=lambda l: (-centrality[l], l))
    main_centre = sorted(range(n), key=lambda l: (dist2(centroids[l], TOWN_CENTRE), l))
    second = sorted(range(n), key=lambda l: (dist2(centroids[l], MARSH_END), l))
    village = sorted(range(n), key=lambda l: (dist2(centroids[l], VILLAGE), l))
    local_cum = cumulative([centrality[l] + 0.08 for l in range(n)])
    for name, count, where in SPECIAL_POINTS:
        for k in range(count):
            if where == "shops":  # 4 in the town centre, 2 in Marsh End, 1 in the village
                l = (main_centre[:4] + second[:2] + village[:1])[k % 7]
            elif where == "night":
                l = (main_centre[:5] + second[:1])[k % 6]
            elif where == "centre":
                l = main_centre[k % 3]
            elif where == "local":
                l = weighted_index(rng, local_cum)
            else:
                l = randint_below(rng, n)
            specials.append((l, name))

    # Ordinary street points: more in central, denser LSOAs.
    n_street = N_POINTS - len(specials)
    raw = [6.0 + 14.0 * min(1.0, centrality[l]) + 4.0 * rng.random() for l in range(n)]
    scale = n_street / sum(raw)
    counts = [max(5, int(round(r * scale))) for r in raw]
    diff = n_street - sum(counts)
    k = 0
    while diff != 0:
        l = by_centre[k % n]
        if diff > 0:
            counts[l] += 1
            diff -= 1
        elif counts[l] > 5:
            counts[l] -= 1
            diff += 1
        k += 1

    # Street names anchored in space so neighbouring points share streets.
    pool = make_street_pool(rng, 380)
    anchors = []
    for nm in TOWN_STREETS:
        a = rng.random() * 2 * math.pi
        r = 500.0 * math.sqrt(rng.random())
        anchors.append((TOWN_CENTRE[0] + r * math.cos(a), TOWN_CENTRE[1] + r * math.sin(a), nm))
    for nm in ("High Street", "Station Road", "Market Street", "Church Road"):
        for c, spread in ((MARSH_END, 350.0), (VILLAGE, 250.0)):
            a = rng.random() * 2 * math.pi
            anchors.append((c[0] + spread * math.cos(a), c[1] + spread * math.sin(a), nm))
    all_cells = [c for cells in cells_of for c in cells]
    dens_cum = cumulative([density_fn(*cell_centre(*c)) for c in all_cells])
    for nm in pool:
        i, j = all_cells[weighted_index(rng, dens_cum)]
        anchors.append((X0 + (i + rng.random()) * CELL, Y0 + (j + rng.random()) * CELL, nm))

    def place(l):
        i, j = pick(rng, cells_of[l])
        x = X0 + (i + uniform(rng, 0.05, 0.95)) * CELL
        y = Y0 + (j + uniform(rng, 0.05, 0.95)) * CELL
        return x, y

    points = []
    for l in range(n):
        for _ in range(counts[l]):
            x, y = place(l)
            near = sorted(anchors, key=lambda a: ((a[0] - x) ** 2 + (a[1] - y) ** 2, a[2]))[:3]
            u = rng.random()
            street = near[0][2] if u < 0.6 else near[1][2] if u < 0.85 else near[2][2]
            points.append({"lsoa": l, "x": x, "y": y, "kind": "street", "street": street})
    for l, name in specials:
        x, y = place(l)
        points.append({"lsoa": l, "x": x, "y": y, "kind": name, "street": name})
    points.sort(key=lambda p: (p["lsoa"], p["y"], p["x"]))
    for p in points:
        p["lon"], p["lat"] = fmt_lonlat(p["x"], p["y"])
        p["location"] = f"On or near {p['street']}"
    return points


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


def write_geography_tables(geo, out):
    gdir = out / "geography"
    lsoas = sorted(range(N_LSOA), key=lambda l: geo["lsoa_code"][l])
    write_csv(gdir / "lsoa_ward_lookup.csv",
              ["LSOA21CD", "LSOA21NM", "WD24CD", "WD24NM", "LAD24CD", "LAD24NM"],
              [[geo["lsoa_code"][l], geo["lsoa_name"][l], geo["ward_code"][geo["ward_of"][l]],
                geo["ward_names"][geo["ward_of"][l]], LAD_CODE, LAD_NAME] for l in lsoas])
    write_csv(gdir / "lsoa_population.csv", ["code", "name", "total"],
              [[geo["lsoa_code"][l], geo["lsoa_name"][l], geo["population"][l]] for l in lsoas])
    wards = sorted(range(N_WARD), key=lambda w: geo["ward_code"][w])
    write_csv(gdir / "ward_population.csv", ["code", "name", "total"],
              [[geo["ward_code"][w], geo["ward_names"][w],
                sum(geo["population"][l] for l in geo["ward_members"][w])] for w in wards])


# ---------------------------------------------------------------------------------------------
# Step 2: police.uk street-level crime
# ---------------------------------------------------------------------------------------------

ASB = "Anti-social behaviour"

# Recorded-crime types: target share of all recorded crime over the whole period.
TYPE_SHARE = {
    "Violence and sexual offences": 38.0,
    "Criminal damage and arson": 10.0,
    "Public order": 10.0,
    "Shoplifting": 8.0,
    "Other theft": 7.0,
    "Vehicle crime": 7.0,
    "Burglary": 6.0,
    "Drugs": 3.0,
    "Other crime": 3.0,
    "Theft from the person": 1.5,
    "Bicycle theft": 1.5,
    "Robbery": 1.2,
    "Possession of weapons": 1.2,
}
CRIME_TYPES = list(TYPE_SHARE)
ALL_TYPES = CRIME_TYPES + [ASB]

# Financial years (April-March), by starting year. Targets: expected totals.
CRIME_TARGET = {2019: 22400, 2020: 21050, 2021: 23300, 2022: 24150, 2023: 24850,
                2024: 26250, 2025: 27000}
ASB_TARGET = {2019: 6600, 2020: 8950, 2021: 7250, 2022: 6750, 2023: 6450, 2024: 6200,
              2025: 6100}

# Relative level of each type by financial year (2019/20 = 1), before the covid months.
TYPE_INDEX = {
    "Violence and sexual offences": [1.00, 1.00, 1.07, 1.11, 1.12, 1.14, 1.15],
    "Criminal damage and arson":    [1.00, 0.97, 0.95, 0.92, 0.88, 0.85, 0.83],
    "Public order":                 [1.00, 1.10, 1.20, 1.22, 1.16, 1.13, 1.11],
    "Shoplifting":                  [1.00, 0.95, 0.86, 1.00, 1.32, 1.68, 1.85],
    "Other theft":                  [1.00, 0.95, 0.90, 0.94, 0.96, 0.99, 1.00],
    "Vehicle crime":                [1.00, 0.94, 0.86, 0.80, 0.74, 0.68, 0.65],
    "Burglary":                     [1.00, 0.93, 0.85, 0.78, 0.72, 0.67, 0.64],
    "Drugs":                        [1.00, 1.05, 1.08, 0.96, 1.00, 1.08, 1.12],
    "Other crime":                  [1.00, 1.07, 1.15, 1.22, 1.26, 1.29, 1.31],
    "Theft from the person":        [1.00, 0.95, 0.85, 1.05, 1.18, 1.32, 1.38],
    "Bicycle theft":                [1.00, 1.05, 0.96, 0.90, 0.87, 0.84, 0.82],
    "Robbery":                      [1.00, 0.95, 0.86, 0.96, 1.05, 1.12, 1.15],
    "Possession of weapons":        [1.00, 1.00, 1.05, 1.10, 1.17, 1.22, 1.26],
    ASB:                            [1.00] * 7,
}

# Month multipliers Jan..Dec (normalised to mean 1 below).
SEASON = {
    "Violence and sexual offences": [0.86, 0.82, 0.93, 0.97, 1.05, 1.10, 1.26, 1.22, 1.00, 0.96, 0.88, 1.10],
    "Public order":                 [0.84, 0.82, 0.93, 0.99, 1.08, 1.14, 1.27, 1.24, 1.02, 0.95, 0.86, 0.96],
    ASB:                            [0.75, 0.76, 0.88, 1.04, 1.12, 1.18, 1.30, 1.27, 1.00, 1.07, 0.87, 0.76],
    "Burglary":                     [1.16, 1.02, 0.95, 0.89, 0.87, 0.85, 0.88, 0.91, 0.94, 1.07, 1.20, 1.24],
    "Bicycle theft":                [0.62, 0.66, 0.82, 1.02, 1.18, 1.28, 1.38, 1.34, 1.18, 0.98, 0.82, 0.72],
    "Criminal damage and arson":    [0.92, 0.90, 0.98, 1.00, 1.04, 1.04, 1.06, 1.04, 0.98, 1.06, 1.06, 0.92],
    "Shoplifting":                  [0.95, 0.93, 1.00, 0.98, 1.00, 0.98, 1.00, 0.99, 0.97, 1.02, 1.06, 1.12],
    "Other theft":                  [0.93, 0.92, 0.98, 0.99, 1.03, 1.05, 1.08, 1.07, 1.00, 1.00, 0.98, 0.97],
    "Vehicle crime":                [1.04, 0.96, 0.98, 0.95, 0.96, 0.97, 1.00, 1.00, 0.98, 1.04, 1.08, 1.04],
    "Drugs":                        [1.02, 1.00, 1.05, 1.00, 1.02, 1.00, 0.98, 0.96, 1.00, 1.02, 1.00, 0.95],
    "Other crime":                  [0.98, 0.96, 1.02, 0.98, 1.00, 1.01, 1.03, 1.02, 1.00, 1.01, 0.99, 1.00],
    "Theft from the person":        [0.90, 0.88, 0.95, 0.95, 1.00, 1.02, 1.08, 1.05, 0.98, 1.02, 1.04, 1.13],
    "Robbery":                      [1.02, 0.94, 0.96, 0.94, 0.98, 0.98, 1.02, 1.00, 0.98, 1.04, 1.06, 1.08],
    "Possession of weapons":        [0.94, 0.92, 1.00, 0.98, 1.04, 1.06, 1.08, 1.06, 1.00, 0.98, 0.96, 0.98],
}

# Covid restrictions: intensity by month, and each type's response (multiplier 1 + e * L).
LOCKDOWN = {
    "2020-03": 0.25, "2020-04": 1.00, "2020-05": 0.85, "2020-06": 0.55, "2020-07": 0.25,
    "2020-08": 0.15, "2020-09": 0.15, "2020-10": 0.25, "2020-11": 0.65, "2020-12": 0.40,
    "2021-01": 0.90, "2021-02": 0.85, "2021-03": 0.60, "2021-04": 0.30, "2021-05": 0.15,
    "2021-06": 0.08,
}
COVID_RESPONSE = {
    "Violence and sexual offences": -0.18, "Criminal damage and arson": -0.12,
    "Public order": 0.05, "Shoplifting": -0.58, "Other theft": -0.48, "Vehicle crime": -0.30,
    "Burglary": -0.32, "Drugs": 0.55, "Other crime": 0.02, "Theft from the person": -0.72,
    "Bicycle theft": 0.12, "Robbery": -0.42, "Possession of weapons": -0.10, ASB: 0.75,
}

# Share of rows with no location, by type.
NO_LOCATION = {
    "Violence and sexual offences": 0.050, "Criminal damage and arson": 0.015,
    "Public order": 0.025, "Shoplifting": 0.004, "Other theft": 0.045, "Vehicle crime": 0.010,
    "Burglary": 0.010, "Drugs": 0.012, "Other crime": 0.080, "Theft from the person": 0.030,
    "Bicycle theft": 0.012, "Robbery": 0.020, "Possession of weapons": 0.020, ASB: 0.020,
}

# Location model. For each type: (pull of the town centres, exponent on deprivation).
AREA_PULL = {
    "Violence and sexual offences": (1.3, 1.0), "Criminal damage and arson": (0.36, 1.0),
    "Public order": (1.7, 1.0), "Shoplifting": (0.48, 0.5), "Other theft": (1.1, 0.6),
    "Vehicle crime": (0.36, 0.6), "Burglary": (0.15, 0.7), "Drugs": (1.45, 1.2),
    "Other crime": (0.6, 1.0), "Theft from the person": (3.6, 0.4), "Bicycle theft": (0.85, 0.4),
    "Robbery": (1.7, 1.0), "Possession of weapons": (1.2, 1.1), ASB: (0.85, 1.0),
}
# Pull of each kind of snap point: 1 unless given; "street" values are the default for all.
POINT_PULL = {
    "street": {"Shoplifting": 0.12},
    "Shopping Area": {"Shoplifting": 23, "Theft from the person": 9.5, "Other theft": 4,
                      "Violence and sexual offences": 2, "Public order": 2.5, ASB: 2.5,
                      "Robbery": 2.5, "Criminal damage and arson": 1.25, "Bicycle theft": 2,
                      "Burglary": 0.3, "Drugs": 1.5},
    "Supermarket": {"Shoplifting": 16.5, "Other theft": 2, "Theft from the person": 2.5,
                    "Public order": 1.5, ASB: 1.25, "Violence and sexual offences": 1.25,
                    "Burglary": 0.3},
    "Petrol Station": {"Other theft": 3, "Shoplifting": 3.5, "Criminal damage and arson": 1.25,
                       "Burglary": 0.5},
    "Parking Area": {"Vehicle crime": 4, "Shoplifting": 0.6, "Criminal damage and arson": 1.5, ASB: 1.5,
                     "Bicycle theft": 1.5, "Drugs": 1.5, "Other theft": 1.25, "Burglary": 0.2},
    "Nightclub": {"Violence and sexual offences": 7.5, "Public order": 5, "Drugs": 3.5,
                  "Theft from the person": 4.5, "Possession of weapons": 3, "Robbery": 2,
                  ASB: 2, "Shoplifting": 0.0, "Burglary": 0.2, "Vehicle crime": 0.5},
    "Sports/Recreation Area": {ASB: 2.5, "Criminal damage and arson": 1.75,
                               "Bicycle theft": 1.75, "Drugs": 1.5, "Burglary": 0.3},
    "Bus/Coach Station": {ASB: 3, "Violence and sexual offences": 2, "Public order": 3,
                          "Theft from the person": 3, "Robbery": 2, "Drugs": 2,
                          "Burglary": 0.1},
    "Hospital": {"Violence and sexual offences": 3, "Public order": 2, "Other theft": 2,
                 "Vehicle crime": 1.5, "Burglary": 0.3},
    "Police Station": {"Violence and sexual offences": 1.5, "Public order": 2.5, "Drugs": 2.5,
                       "Possession of weapons": 2.5, "Other crime": 2.5, "Burglary": 0.1},
    "Further/Higher Educational Building": {"Bicycle theft": 3.5, "Other theft": 2,
                                            "Burglary": 0.5},
    "Theatre/Concert Hall": {"Theft from the person": 2.5, "Public order": 1.5,
                             "Burglary": 0.3},
    "Pedestrian Subway": {ASB: 2, "Robbery": 2, "Criminal damage and arson": 1.5,
                          "Burglary": 0.0},
    "Conference/Exhibition Centre": {"Theft from the person": 2, "Other theft": 1.5,
                                     "Burglary": 0.3},
}
# Night-time economy and retail: extra pull of the main shopping streets.
HIGH_STREET_PULL = {"Violence and sexual offences": 2.0, "Public order": 2.0,
                    "Shoplifting": 2.5, "Theft from the person": 2.0, "Other theft": 1.5,
                    ASB: 1.5, "Drugs": 1.5, "Robbery": 1.5}
HIGH_STREETS = {"High Street", "Market Place", "The Broadway", "Bridge Street", "Sheep Street",
                "Gold Street", "Market Street", "Corn Exchange Walk"}

# Outcomes ------------------------------------------------------------------------------------

NS = "Investigation complete; no suspect identified"
UP = "Unable to prosecute suspect"
CHARGED = "<charged>"
CAU = "Offender given a caution"
LR = "Local resolution"
PN = "Offender given penalty notice"
DPW = "Offender given a drugs possession warning"
FI = "Further investigation is not in the public interest"
FA = "Formal action is not in the public interest"
FAN = "Further action is not in the public interest"
AO = "Action to be taken by another organisation"
SCA = "Suspect charged as part of another case"
UI = "Under investigation"
AC = "Awaiting court outcome"
SU = "Status update unavailable"

FINAL_OUTCOMES = {
    "Violence and sexual offences": {NS: 12, UP: 57, CHARGED: 9, CAU: 3, LR: 4, FI: 3, FA: 2,
                                     FAN: 2, AO: 3, SCA: 1},
    "Criminal damage and arson": {NS: 56, UP: 22, CHARGED: 5, CAU: 2, LR: 6, FI: 3, FA: 2,
                                  AO: 2, SCA: 1},
    "Public order": {NS: 15, UP: 51, CHARGED: 10, CAU: 4, LR: 6, PN: 3, FI: 3, FA: 2, AO: 3,
                     SCA: 1},
    "Shoplifting": {NS: 40, UP: 17, CHARGED: 22, CAU: 4, LR: 5, PN: 4, FI: 2, FA: 1, SCA: 3},
    "Other theft": {NS: 68, UP: 15, CHARGED: 4, CAU: 1, LR: 3, FI: 4, FA: 1, AO: 2, SCA: 1},
    "Vehicle crime": {NS: 85, UP: 7, CHARGED: 3, FI: 3, LR: 1, SCA: 1},
    "Burglary": {NS: 70, UP: 15, CHARGED: 6, FI: 3, SCA: 2, CAU: 1, LR: 1},
    "Drugs": {NS: 4, UP: 8, CHARGED: 28, CAU: 12, LR: 15, DPW: 18, PN: 4, FA: 6, FI: 2, SCA: 3},
    "Other crime": {NS: 15, UP: 40, CHARGED: 20, CAU: 5, LR: 3, FI: 5, FA: 3, AO: 6, SCA: 2},
    "Theft from the person": {NS: 82, UP: 10, CHARGED: 3, FI: 4, SCA: 1},
    "Bicycle theft": {NS: 85, UP: 6, CHARGED: 2, FI: 5, LR: 1, SCA: 1},
    "Robbery": {NS: 40, UP: 35, CHARGED: 16, FI: 3, SCA: 3, LR: 1, AO: 2},
    "Possession of weapons": {NS: 3, UP: 20, CHARGED: 50, CAU: 12, LR: 3, FA: 5, AO: 2, SCA: 5},
}
COURT_RESULTS = {
    "Court result unavailable": 30, "Offender sent to prison": 14,
    "Offender given suspended prison sentence": 8, "Offender fined": 14,
    "Offender given community sentence": 10, "Offender given conditional discharge": 6,
    "Defendant found not guilty": 7, "Court case unable to proceed": 5,
    "Offender otherwise dealt with": 2, "Offender ordered to pay compensation": 2,
    "Offender given absolute discharge": 1, "Offender deprived of property": 1,
}


def month_list():
    y, m = FIRST_MONTH
    out = []
    while (y, m) <= LAST_MONTH:
        out.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def fy_of(y, m):
    return y if m >= 4 else y - 1


def fy_label(fy):
    return f"{fy}/{(fy + 1) % 100:02d}"


def type_index(t, y, m):
    """Level of type t in month (y, m): linear between financial-year midpoints."""
    k = (y - FIRST_MONTH[0]) * 12 + (m - FIRST_MONTH[1])  # months since April 2019
    pos = (k - 5.5) / 12.0  # 0 at the middle of 2019/20
    idx = TYPE_INDEX[t]
    if pos <= 0:
        return idx[0]
    if pos >= len(idx) - 1:
        return idx[-1]
    lo = int(pos)
    f = pos - lo
    return idx[lo] * (1 - f) + idx[lo + 1] * f


def season(t, m):
    s = SEASON[t]
    return s[m - 1] * 12.0 / sum(s)


def expected_counts():
    """Expected monthly count per type, with each financial year scaled to its target."""
    mean_index = {t: sum(TYPE_INDEX[t]) / len(TYPE_INDEX[t]) for t in CRIME_TYPES}
    base_share = {t: TYPE_SHARE[t] / mean_index[t] for t in CRIME_TYPES}
    tot = sum(base_share.values())
    base_share = {t: v / tot for t, v in base_share.items()}
    raw = {}
    fy_months = {}
    for fy in CRIME_TARGET:  # all 12 months of each FY, even those not generated
        for k in range(12):
            y, m = (fy, 4 + k) if k < 9 else (fy + 1, k - 8)
            fy_months.setdefault(fy, []).append((y, m))
            key = f"{y:04d}-{m:02d}"
            for t in ALL_TYPES:
                share = base_share.get(t, 1.0)
                covid = 1.0 + COVID_RESPONSE[t] * LOCKDOWN.get(key, 0.0)
                raw[(t, y, m)] = share * type_index(t, y, m) * season(t, m) * covid
    lam = {}
    scale = {}
    for fy, months in fy_months.items():
        crime = sum(raw[(t, y, m)] for (y, m) in months for t in CRIME_TYPES)
        asb = sum(raw[(ASB, y, m)] for (y, m) in months)
        scale[fy] = (CRIME_TARGET[fy] / crime, ASB_TARGET[fy] / asb)
        for (y, m) in months:
            for t in CRIME_TYPES:
                lam[(t, y, m)] = raw[(t, y, m)] * scale[fy][0]
            lam[(ASB, y, m)] = raw[(ASB, y, m)] * scale[fy][1]
    return lam, scale


def location_tables(geo):
    """Cumulative weights over the map points for each crime type."""
    points = geo["points"]
    n_pts = [0] * N_LSOA
    for p in points:
        n_pts[p["lsoa"]] += 1
    tables = {}
    for t in ALL_TYPES:
        pull, dep_exp = AREA_PULL[t]
        area = [geo["population"][l] * (1.0 + pull * geo["centrality"][l])
                * geo["deprivation"][l] ** dep_exp for l in range(N_LSOA)]
        weights = []
        for p in points:
            kind_pull = POINT_PULL[p["kind"]].get(t, POINT_PULL["street"].get(t, 1.0))
            if p["kind"] == "street" and p["street"] in HIGH_STREETS:
                kind_pull *= HIGH_STREET_PULL.get(t, 1.0)
            weights.append(area[p["lsoa"]] * kind_pull / n_pts[p["lsoa"]])
        tables[t] = cumulative(weights)
    return tables


def outcome_tables():
    tables = {}
    for t, dist in FINAL_OUTCOMES.items():
        names = list(dist)
        tables[t] = (names, cumulative([dist[n] for n in names]))
    court = list(COURT_RESULTS)
    return tables, (court, cumulative([COURT_RESULTS[c] for c in court]))


def draw_outcome(rng, t, age, year_fy, tables, court):
    names, cum = tables[t]
    final = names[weighted_index(rng, cum)]
    # Still open: most of the last few months' crimes are still under investigation.
    p_open = 0.72 * math.exp(-age / 1.7) + 0.04 * math.exp(-age / 14.0)
    if final == CHARGED:
        p_open *= 0.8
    if rng.random() < p_open:
        return UI
    if rng.random() < (0.035 if year_fy <= 2020 else 0.012):
        return SU
    if final != CHARGED:
        return final
    p_court = 0.88 * math.exp(-age / 5.0) + 0.03 * math.exp(-age / 30.0)
    if rng.random() < p_court:
        return AC
    cn, ccum = court
    return cn[weighted_index(rng, ccum)]


def draw_counts(rng, lam, months):
    """How many rows of each type in each month.

    Each financial year's total (crime, and ASB separately) is drawn close to its expected
    value (sd 0.3 %), then spread over the types and months multinomially in proportion to
    the expected counts -- a set of Poisson counts conditioned on their sum, so month-to-month
    noise is Poisson-like while the year-on-year change stays as designed.
    """
    counts = {}
    by_fy = {}
    for (y, m) in months:
        by_fy.setdefault(fy_of(y, m), []).append((y, m))
    for fy in sorted(by_fy):
        for group in (CRIME_TYPES, [ASB]):
            cells = [(t, y, m) for (y, m) in by_fy[fy] for t in group]
            expected = sum(lam[c] for c in cells)
            total = max(0, int(round(expected * (1.0 + 0.003 * normal(rng)))))
            cum = cumulative([lam[c] for c in cells])
            n = [0] * len(cells)
            for _ in range(total):
                n[weighted_index(rng, cum)] += 1
            for c, k in zip(cells, n):
                counts[c] = k
    return counts


def write_police_files(geo, seed, out):
    rng = sub_rng(seed, "crime")
    lam, _ = expected_counts()
    loc = location_tables(geo)
    otab, court = outcome_tables()
    points = geo["points"]
    months = month_list()
    last_k = len(months) - 1
    type_rank = {t: k for k, t in enumerate(sorted(ALL_TYPES))}
    counts = draw_counts(rng, lam, months)
    summary = {"crime": {}, "asb": {}, "type": {t: 0 for t in ALL_TYPES}, "no_location": 0,
               "rows": 0, "lsoa": [0] * N_LSOA, "bytes": 0}
    header = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
              "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category",
              "Context"]
    for k, (y, m) in enumerate(months):
        month = f"{y:04d}-{m:02d}"
        fy = fy_of(y, m)
        age = last_k - k
        rows = []
        for t in ALL_TYPES:
            n = counts[(t, y, m)]
            is_asb = t == ASB
            key = "asb" if is_asb else "crime"
            summary[key][fy] = summary[key].get(fy, 0) + n
            summary["type"][t] += n
            for _ in range(n):
                crime_id = "" if is_asb else f"{rng.getrandbits(256):064x}"
                if rng.random() < NO_LOCATION[t]:
                    lon = lat = code = name = ""
                    location = "No Location"
                    summary["no_location"] += 1
                    sort_code = "~"
                else:
                    p = points[weighted_index(rng, loc[t])]
                    lon, lat, location = p["lon"], p["lat"], p["location"]
                    code, name = p["lsoa_code"], p["lsoa_name"]
                    sort_code = code
                    summary["lsoa"][p["lsoa"]] += 0 if is_asb else 1
                outcome = "" if is_asb else draw_outcome(rng, t, age, fy, otab, court)
                rows.append((sort_code, type_rank[t], len(rows),
                             [crime_id, month, FORCE, FORCE, lon, lat, location, code, name,
                              t, outcome, ""]))
        rows.sort(key=lambda r: r[:3])
        path = out / "police-uk" / month / f"{month}-northvale-street.csv"
        write_csv(path, header, [r[3] for r in rows])
        summary["rows"] += len(rows)
        summary["bytes"] += path.stat().st_size
    return summary


# ---------------------------------------------------------------------------------------------
# Step 3: boundaries (GeoJSON traced from the raster)
# ---------------------------------------------------------------------------------------------

def trace_rings(cells):
    """Closed rings of a cell set's boundary in grid-corner coordinates.

    Region on the left of every edge: outer rings counter-clockwise, holes clockwise. At a
    vertex where the region touches itself only diagonally the trace turns left, so the region
    is treated as 4-connected.
    """
    s = set(cells)
    out = {}
    for (i, j) in sorted(s):
        if (i, j - 1) not in s:
            out.setdefault((i, j), []).append((i + 1, j))
        if (i + 1, j) not in s:
            out.setdefault((i + 1, j), []).append((i + 1, j + 1))
        if (i, j + 1) not in s:
            out.setdefault((i + 1, j + 1), []).append((i, j + 1))
        if (i - 1, j) not in s:
            out.setdefault((i, j + 1), []).append((i, j))

    def succ(a, b):
        ends = out[b]
        if len(ends) == 1:
            return ends[0]
        dx, dy = b[0] - a[0], b[1] - a[1]
        left = (b[0] - dy, b[1] + dx)
        if left in ends:
            return left
        raise RuntimeError("ambiguous boundary vertex")

    unused = {(a, b) for a, ends in out.items() for b in ends}
    rings = []
    for a in sorted(out):
        for b in out[a]:
            if (a, b) not in unused:
                continue
            ring = [a]
            cur = (a, b)
            while True:
                unused.discard(cur)
                ring.append(cur[1])
                nxt = (cur[1], succ(*cur))
                if nxt == (a, b):
                    break
                cur = nxt
            ring.pop()  # last == first
            rings.append(simplify(ring))
    return rings


def simplify(ring):
    """Drop vertices where the direction does not change; start at the smallest corner."""
    n = len(ring)
    keep = []
    for k in range(n):
        p, c, q = ring[k - 1], ring[k], ring[(k + 1) % n]
        d1 = (c[0] - p[0], c[1] - p[1])
        d2 = (q[0] - c[0], q[1] - c[1])
        if d1[0] * d2[1] - d1[1] * d2[0] != 0:
            keep.append(c)
    start = keep.index(min(keep))
    return keep[start:] + keep[:start]


def ring_area(ring):
    return 0.5 * sum(ring[k - 1][0] * ring[k][1] - ring[k][0] * ring[k - 1][1]
                     for k in range(len(ring)))


def point_in_ring(pt, ring):
    x, y = pt
    inside = False
    n = len(ring)
    for k in range(n):
        (x1, y1), (x2, y2) = ring[k - 1], ring[k]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def geometry_json(cells):
    rings = trace_rings(cells)
    outers = [r for r in rings if ring_area(r) > 0]
    holes = [r for r in rings if ring_area(r) < 0]
    polys = [[o] for o in outers]
    for h in holes:
        probe = (h[0][0] + 0.5, h[0][1] - 0.5)  # a cell just inside the hole's first corner
        owner = next((p for p in polys if point_in_ring(probe, p[0])), polys[0])
        owner.append(h)

    def ring_text(r):
        pts = r + [r[0]]
        return "[" + ",".join(
            "[%s,%s]" % fmt_lonlat(X0 + i * CELL, Y0 + j * CELL) for i, j in pts) + "]"

    def poly_text(p):
        return "[" + ",".join(ring_text(r) for r in p) + "]"

    if len(polys) == 1:
        return '{"type":"Polygon","coordinates":' + poly_text(polys[0]) + "}"
    return ('{"type":"MultiPolygon","coordinates":['
            + ",".join(poly_text(p) for p in polys) + "]}")


def write_geojson(path, features):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for k, (props, geom) in enumerate(features):
            sep = ",\n" if k + 1 < len(features) else "\n"
            f.write('{"type":"Feature","properties":' + json.dumps(props, ensure_ascii=False,
                                                                     separators=(",", ":"))
                    + ',"geometry":' + geom + "}" + sep)
        f.write("]}\n")


def write_boundaries(geo, out):
    gdir = out / "geography"
    lsoas = sorted(range(N_LSOA), key=lambda l: geo["lsoa_code"][l])
    write_geojson(gdir / "lsoa_boundaries.geojson",
                  [({"LSOA21CD": geo["lsoa_code"][l], "LSOA21NM": geo["lsoa_name"][l]},
                    geometry_json(geo["cells_of"][l])) for l in lsoas])
    wards = sorted(range(N_WARD), key=lambda w: geo["ward_code"][w])
    write_geojson(gdir / "ward_boundaries.geojson",
                  [({"WD24CD": geo["ward_code"][w], "WD24NM": geo["ward_names"][w]},
                    geometry_json([c for l in geo["ward_members"][w] for c in geo["cells_of"][l]]))
                   for w in wards])


# Step 4: partner data (domestic abuse, MARAC, council ASB cases, drug/alcohol treatment)
#
# Drawn from its own stream, sub_rng(seed, "partners"), after everything else is written,
# so adding it left every police.uk and geography file byte-identical.
# ---------------------------------------------------------------------------------------------

DA_TARGET = {2019: 4300, 2020: 4650, 2021: 4700, 2022: 4850, 2023: 4950, 2024: 5100, 2025: 5200}
# Summer and Christmas/New Year bumps (January to December).
DA_SEASON = [1.05, 0.90, 0.95, 0.97, 1.02, 1.06, 1.10, 1.08, 0.98, 0.96, 0.92, 1.12]
DA_LOCKDOWN = {"2020-04": 0.10, "2020-05": 0.10, "2020-06": 0.06, "2021-01": 0.05,
               "2021-02": 0.05}
DA_CRIME_SHARE = 0.60
DA_OFFENCES = {
    "Assault without injury": 30, "Stalking and harassment": 25, "Assault with injury": 20,
    "Malicious communications": 8, "Criminal damage": 8, "Controlling or coercive behaviour": 5,
    "Sexual offences": 2, "Other offences": 2,
}
DA_AGE_BANDS = {"under 16": 1, "16-17": 3, "18-24": 17, "25-34": 31, "35-44": 23, "45-54": 14,
                "55-64": 7, "65+": 4}
DA_AGE_RANGES = {"under 16": (13, 15), "16-17": (16, 17), "18-24": (18, 24), "25-34": (25, 34),
                 "35-44": (35, 44), "45-54": (45, 54), "55-64": (55, 64), "65+": (65, 88)}
# (risk level, share, probability of being a repeat victim, probability of a MARAC referral)
DA_RISK = [("Standard", 0.57, 0.25, 0.0), ("Medium", 0.30, 0.34, 0.02), ("High", 0.10, 0.45, 0.78),
           ("", 0.03, 0.25, 0.0)]

ASB_CASES_TARGET = {2019: 880, 2020: 1250, 2021: 1050, 2022: 980, 2023: 930, 2024: 880, 2025: 860}
ASB_CATEGORIES = {  # share, summer lift
    "Noise": (34, 0.30), "Neighbour dispute": (18, 0.10), "Youth nuisance": (14, 0.35),
    "Verbal abuse and harassment": (8, 0.0), "Drugs": (8, 0.05), "Vehicle nuisance": (7, 0.15),
    "Street drinking": (4, 0.40), "Other": (7, 0.0),
}
ASB_ACTIONS = [("None", 44), ("Warning", 30), ("CPW", 12), ("CPN", 5), ("ABC", 4),
               ("PSPO FPN", 4), ("Injunction", 1)]

# name, in treatment, new presentations (a quarter), completion rate (a year: completions in
# the year / everyone in treatment during it, as NDTMS publishes), re-presentation rate.
# Annual rates near the national ones: opiate clients rarely complete in a year.
TREATMENT_GROUPS = [
    ("Opiate", 640, 45, 0.05, 0.16), ("Non-opiate only", 175, 50, 0.33, 0.08),
    ("Non-opiate and alcohol", 160, 38, 0.28, 0.10), ("Alcohol only", 395, 95, 0.36, 0.07),
]


def poisson_like(rng, lam):
    """A count near lam with Poisson-sized noise (normal approximation, lam is large)."""
    return max(0, int(round(lam + math.sqrt(lam) * normal(rng))))


def binomial(rng, n, p):
    return sum(1 for _ in range(n) if rng.random() < p)


def days_in_month(y, m):
    nxt = (y + (m == 12), m % 12 + 1)
    return (datetime.date(nxt[0], nxt[1], 1) - datetime.date(y, m, 1)).days


def fy_quarter_label(y, m):
    fy = fy_of(y, m)
    return f"{fy_label(fy)} Q{(m - 4) % 12 // 3 + 1}"


def season_weights(season):
    mean = sum(season) / 12.0
    return [s / mean for s in season]


def monthly_targets(targets, season, lockdown=None):
    """Expected count per month: each financial year's target spread by the season."""
    weights = season_weights(season)
    out = {}
    for (y, m) in month_list():
        lam = targets[fy_of(y, m)] / 12.0 * weights[m - 1]
        out[(y, m)] = lam * (1.0 + (lockdown or {}).get(f"{y:04d}-{m:02d}", 0.0))
    return out


def draw_da(rng, geo, lam, n_months=None):
    """DA incidents as dicts, month by month."""
    lsoa_cum = cumulative([geo["population"][l] * geo["deprivation"][l] ** 1.5
                           for l in range(N_LSOA)])
    offences, off_cum = list(DA_OFFENCES), cumulative(list(DA_OFFENCES.values()))
    bands, band_cum = list(DA_AGE_BANDS), cumulative(list(DA_AGE_BANDS.values()))
    risk_cum = cumulative([r[1] for r in DA_RISK])
    rows = []
    for (y, m) in (n_months or month_list()):
        for _ in range(poisson_like(rng, lam[(y, m)])):
            day = 1 + randint_below(rng, days_in_month(y, m))
            risk, _, p_repeat, p_marac = DA_RISK[weighted_index(rng, risk_cum)]
            is_crime = rng.random() < DA_CRIME_SHARE + (0.1 if risk == "High" else 0.0)
            u = rng.random()
            sex = "F" if u < 0.75 else ("M" if u < 0.99 else "")
            band = bands[weighted_index(rng, band_cum)]
            lo, hi = DA_AGE_RANGES[band]
            rows.append({
                "date": datetime.date(y, m, day),
                "is_crime": is_crime,
                "offence": offences[weighted_index(rng, off_cum)] if is_crime else "",
                "lsoa": weighted_index(rng, lsoa_cum),
                "sex": sex,
                "band": band,
                "age": lo + randint_below(rng, hi - lo + 1),
                "repeat": rng.random() < p_repeat,
                "risk": risk,
                "marac": rng.random() < p_marac,
            })
    rows.sort(key=lambda r: r["date"])
    return rows


def write_da_reference(rows, geo, pdir):
    counters = {}
    out = []
    for r in rows:
        fy = fy_of(r["date"].year, r["date"].month)
        counters[fy] = counters.get(fy, 0) + 1
        r["reference"] = f"NVDA-{fy}-{counters[fy]:05d}"
        out.append([r["reference"], r["date"].isoformat(), "Crime" if r["is_crime"] else "Non-crime",
                    r["offence"], geo["lsoa_code"][r["lsoa"]], r["sex"], r["band"],
                    "Y" if r["repeat"] else "N", r["risk"], "Y" if r["marac"] else "N"])
    write_csv(pdir / "domestic_abuse_incidents.csv",
              ["Reference", "Date", "Crime or non-crime", "Offence", "LSOA code", "Victim sex",
               "Victim age band", "Repeat victim", "Risk level", "Referred to MARAC"], out)


def write_da_other_force(rng, geo, pdir):
    """A neighbouring force's extract of DA incidents involving Northvale residents, in its
    own layout, for trying the column-mapping import. Two rows are deliberately bad."""
    months = [(y, m) for (y, m) in month_list() if fy_of(y, m) == 2024]
    lam = {k: 30.0 * w for k, w in zip(months, season_weights(DA_SEASON)[3:] +
                                       season_weights(DA_SEASON)[:3])}
    rows = draw_da(rng, geo, lam, months)
    gender = {"F": "Female", "M": "Male", "": "Not Stated"}
    out = []
    for k, r in enumerate(rows):
        out.append([geo["lsoa_code"][r["lsoa"]], r["date"].strftime("%d/%m/%Y"),
                    f"WM/{24000 + 7 * k + randint_below(rng, 7):06d}/DA",
                    "Yes" if r["marac"] else "No", {"High": "H", "Medium": "M", "Standard": "S",
                                                   "": ""}[r["risk"]],
                    gender[r["sex"]], str(r["age"]), "Crime" if r["is_crime"] else "Non Crime",
                    r["offence"], "Yes" if r["repeat"] else "No",
                    f"{1000 + randint_below(rng, 9000)}"])
    # Deliberate faults: an impossible date and a row with no area code.
    bad_date, no_area = len(out) // 3, 2 * len(out) // 3
    out[bad_date][1] = "31/02/2025"
    out[no_area][0] = ""
    write_csv(pdir / "da_extract_other_force_layout.csv",
              ["Geog", "Recorded On", "Occurrence_ID", "MARAC", "DASH Grade", "Victim Gender",
               "Victim Age", "Classification", "Home Office Class", "Repeat (12m)",
               "Officer Collar No"], out)
    return len(out)


def write_marac(rng, da_rows, pdir):
    police = {}
    for r in da_rows:
        if r["marac"]:
            key = fy_quarter_label(r["date"].year, r["date"].month)
            police[key] = police.get(key, 0) + 1
    quarters = []
    for (y, m) in month_list():
        key = fy_quarter_label(y, m)
        if (m - 4) % 3 == 0 and (y, m + 2 if m <= 10 else m) <= LAST_MONTH:
            quarters.append(key)
    out, totals = [], {}
    for key in quarters:
        from_police = police.get(key, 0)
        other = poisson_like(rng, from_police * 0.42)  # about 30 % of cases from other agencies
        cases = from_police + other
        repeat = int(round(cases * uniform(rng, 0.27, 0.33)))  # SafeLives: about 30 %
        out.append([key, cases, repeat, poisson_like(rng, cases * 1.3), from_police, other,
                    binomial(rng, cases, 0.06), binomial(rng, cases, 0.12),
                    binomial(rng, cases, 0.02), binomial(rng, cases, 0.14),
                    binomial(rng, cases, 0.015)])
        fy = key.split(" ")[0]
        t = totals.setdefault(fy, [0, 0])
        t[0] += cases
        t[1] += repeat
    write_csv(pdir / "marac_quarterly.csv",
              ["Quarter", "Cases discussed", "Repeat cases", "Children in households",
               "Referrals from police", "Referrals from other agencies", "Male victims",
               "BAME victims", "LGBT victims", "Victims with a disability", "Victims aged 16-17"],
              out)
    return len(out), totals


def write_asb_cases(rng, geo, pdir):
    end = datetime.date(LAST_MONTH[0], LAST_MONTH[1], days_in_month(*LAST_MONTH))
    ward_weight = [0.0] * N_WARD
    for l in range(N_LSOA):
        ward_weight[geo["ward_of"][l]] += geo["population"][l] * geo["deprivation"][l] ** 1.5
    ward_cum = cumulative(ward_weight)
    cats = list(ASB_CATEGORIES)
    actions, action_cum = [a for a, _ in ASB_ACTIONS], cumulative([w for _, w in ASB_ACTIONS])
    summer = [0, 0, 0, 0, 0.3, 0.6, 1.0, 0.9, 0.3, 0, 0, 0]
    lam = monthly_targets(ASB_CASES_TARGET, [1.0] * 12, {k: 0.25 for k in LOCKDOWN_MONTHS_ASB})
    rows = []
    for (y, m) in month_list():
        weights = [ASB_CATEGORIES[c][0] * (1.0 + ASB_CATEGORIES[c][1] * summer[m - 1]) for c in cats]
        scale = sum(weights) / sum(ASB_CATEGORIES[c][0] for c in cats)
        cat_cum = cumulative(weights)
        for _ in range(poisson_like(rng, lam[(y, m)] * scale)):
            opened = datetime.date(y, m, 1 + randint_below(rng, days_in_month(y, m)))
            category = cats[weighted_index(rng, cat_cum)]
            duration = int(math.exp(3.3 + 0.95 * normal(rng)))  # median about 27 days
            closed = opened + datetime.timedelta(days=duration)
            still_open = closed > end or rng.random() < 0.01
            action = actions[weighted_index(rng, action_cum)]
            if duration > 90 and action == "None" and rng.random() < 0.5:
                action = "CPW"
            if still_open and rng.random() < 0.5:
                action = ""
            rows.append([opened, "" if still_open else closed.isoformat(), category,
                         geo["ward_code"][weighted_index(rng, ward_cum)],
                         "Y" if rng.random() < 0.25 else "N", action])
    rows.sort(key=lambda r: r[0])
    counters, out, summary = {}, [], {"open": 0, "open_90": 0, "fy": {}}
    for r in rows:
        fy = fy_of(r[0].year, r[0].month)
        counters[fy] = counters.get(fy, 0) + 1
        summary["fy"][fy] = counters[fy]
        if not r[1]:
            summary["open"] += 1
            summary["open_90"] += (end - r[0]).days > 90
        out.append([f"ASB/{fy}/{counters[fy]:05d}", r[0].isoformat()] + r[1:])
    write_csv(pdir / "asb_cases.csv",
              ["Case reference", "Date opened", "Date closed", "Category", "Ward code", "Repeat",
               "Action taken"], out)
    summary["rows"] = len(out)
    return summary


LOCKDOWN_MONTHS_ASB = ["2020-04", "2020-05", "2020-06", "2020-11", "2021-01", "2021-02"]


def published(n):
    """NDTMS-style publication: rounded to 5, small non-zero numbers suppressed."""
    if 0 < n < 5:
        return "*"
    return str(5 * int(round(n / 5.0)))


def write_treatment(rng, pdir):
    quarters = []
    for (y, m) in month_list():
        if (m - 4) % 3 == 0 and (y, m + 2 if m <= 10 else m) <= LAST_MONTH:
            quarters.append((y, m))
    out, rates = [], {}
    for k, (y, m) in enumerate(quarters):
        trend = 1.0 + 0.012 * k  # a slow rise in numbers in treatment
        for name, base, new, rate, re_rate in TREATMENT_GROUPS:
            drift = -0.004 * k if name == "Opiate" else 0.003 * k
            in_treatment = poisson_like(rng, base * (trend + drift))
            new_presentations = poisson_like(rng, new * (trend + drift))
            # A quarter's share of the year's completions: the year's caseload is about the
            # quarter's caseload plus three more quarters of new presentations.
            year_caseload = in_treatment + 3 * new_presentations
            completions = binomial(rng, year_caseload, rate / 4.0 * (1.0 + 0.08 * normal(rng)))
            re_presentations = binomial(rng, completions, re_rate)
            row = [fy_quarter_label(y, m), name, published(in_treatment),
                   published(new_presentations), published(completions),
                   published(re_presentations)]
            out.append(row)
            r = rates.setdefault(name, [0, 0])
            r[0] += completions
            r[1] += year_caseload / 4.0
    write_csv(pdir / "treatment.csv",
              ["Period", "Substance group", "In treatment", "New presentations",
               "Successful completions", "Re-presentations within 6 months"], out)
    return len(out), rates


def write_partner_files(geo, seed, out):
    rng = sub_rng(seed, "partners")
    pdir = out / "partners"
    da = draw_da(rng, geo, monthly_targets(DA_TARGET, DA_SEASON, DA_LOCKDOWN))
    write_da_reference(da, geo, pdir)
    n_marac, marac = write_marac(rng, da, pdir)
    asb = write_asb_cases(rng, geo, pdir)
    n_treatment, treatment = write_treatment(rng, pdir)
    n_other = write_da_other_force(rng, geo, pdir)
    return {"da": da, "marac_rows": n_marac, "marac": marac, "asb": asb,
            "treatment_rows": n_treatment, "treatment": treatment, "other_rows": n_other}


def print_partner_summary(s):
    print()
    print("Partner files (partners/):")
    print(f"  domestic_abuse_incidents.csv  {len(s['da']):,} rows")
    print("  | Financial year | DA incidents | Crimes | Repeat victim | High risk | Female victim"
          " | Referred to MARAC |")
    print("  |---|---:|---:|---:|---:|---:|---:|")
    by_fy = {}
    for r in s["da"]:
        by_fy.setdefault(fy_of(r["date"].year, r["date"].month), []).append(r)
    for fy in sorted(by_fy):
        rows = by_fy[fy]
        n = len(rows)
        pct = lambda f: f"{100.0 * sum(1 for r in rows if f(r)) / n:.1f}%"
        label = fy_label(fy) + (" (Apr-Sep)" if fy == fy_of(*LAST_MONTH) else "")
        print(f"  | {label} | {n:,} | {sum(r['is_crime'] for r in rows):,} | "
              f"{pct(lambda r: r['repeat'])} | {pct(lambda r: r['risk'] == 'High')} | "
              f"{pct(lambda r: r['sex'] == 'F')} | {sum(r['marac'] for r in rows):,} |")
    print(f"  marac_quarterly.csv  {s['marac_rows']} quarters; cases (repeat %) by year: "
          + ", ".join(f"{fy} {c:,} ({100.0 * r / c:.1f}%)" for fy, (c, r) in s["marac"].items()))
    a = s["asb"]
    print(f"  asb_cases.csv  {a['rows']:,} cases; by year: "
          + ", ".join(f"{fy_label(fy)} {n:,}" for fy, n in sorted(a["fy"].items()))
          + f"; still open {a['open']:,}, of which open > 90 days {a['open_90']:,}")
    print(f"  treatment.csv  {s['treatment_rows']} rows; annual completion rate (completions / "
          "everyone in treatment in the year, all years): "
          + ", ".join(f"{g} {100.0 * c / n:.1f}%" for g, (c, n) in s["treatment"].items()))
    print(f"  da_extract_other_force_layout.csv  {s['other_rows']} rows (2 deliberately bad)")


# ---------------------------------------------------------------------------------------------


MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate the synthetic Northvale sample data.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"random seed (default {DEFAULT_SEED})")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out = HERE

    geo = build_geography(args.seed)
    write_geography_tables(geo, out)
    print(f"geography: {N_WARD} wards, {N_LSOA} LSOAs, {len(geo['points'])} map points, "
          f"{sum(geo['population']):,} residents ({time.perf_counter() - started:.1f} s)")

    summary = write_police_files(geo, args.seed, out)
    print(f"police.uk: {len(month_list())} monthly files, {summary['rows']:,} rows, "
          f"{summary['bytes'] / 1e6:.1f} MB ({time.perf_counter() - started:.1f} s)")

    write_boundaries(geo, out)
    print(f"boundaries written ({time.perf_counter() - started:.1f} s)")

    partners = write_partner_files(geo, args.seed, out)
    print(f"partner files written ({time.perf_counter() - started:.1f} s)")

    print()
    print(f"SYNTHETIC data for the fictional borough of Northvale, seed {args.seed}")
    print()
    print("| Financial year | Recorded crime | Change | Anti-social behaviour | Change |")
    print("|---|---:|---:|---:|---:|")
    prev = None
    for fy in sorted(summary["crime"]):
        c, a = summary["crime"][fy], summary["asb"].get(fy, 0)
        label = fy_label(fy)
        partial = fy == fy_of(*LAST_MONTH) and LAST_MONTH[1] != 3
        if partial:
            label += f" (Apr-{MONTH_ABBR[LAST_MONTH[1] - 1]} only)"
        if prev is None or partial:
            dc = da = "-"
        else:
            dc = f"{100.0 * (c - prev[0]) / prev[0]:+.1f}%"
            da = f"{100.0 * (a - prev[1]) / prev[1]:+.1f}%"
        print(f"| {label} | {c:,} | {dc} | {a:,} | {da} |")
        prev = (c, a)
    crime_total = sum(summary["crime"].values())
    print()
    print("Recorded crime by type (all months):")
    for t in CRIME_TYPES:
        print(f"  {t:30s} {summary['type'][t]:7,d}  {100.0 * summary['type'][t] / crime_total:5.1f}%")
    print(f"  {ASB:30s} {summary['type'][ASB]:7,d}")
    ward_crime = [0] * N_WARD
    for l, n in enumerate(summary["lsoa"]):
        ward_crime[geo["ward_of"][l]] += n
    located = sum(ward_crime)
    top = sorted(range(N_WARD), key=lambda w: -ward_crime[w])[:5]
    print(f"No-location rows: {summary['no_location']:,} "
          f"({100.0 * summary['no_location'] / summary['rows']:.1f}% of all rows)")
    print("Top 5 wards by located recorded crime: "
          + ", ".join(f"{geo['ward_names'][w]} {100.0 * ward_crime[w] / located:.1f}%" for w in top)
          + f" = {100.0 * sum(ward_crime[w] for w in top) / located:.1f}%")
    print_partner_summary(partners)
    print(f"Done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
