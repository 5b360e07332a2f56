#!/usr/bin/env python3
"""Lay out a synthetic national police.uk archive, as police.uk does:
OUT_DIR/YYYY-MM/YYYY-MM-<force>-street.csv, one street file per force and month.

Usage: make-national-archive.py OUT_DIR [--months 36] [--forces 43] [--rows N]
                                [--seed 1] [--generator PATH]

Rows are drawn by the shared generator (../shared/bench/gen_policeuk.py: its sampling
tables of 87,348 real West Yorkshire rows — crime type, outcome, "no location" rate,
street names, LSOA frequencies), then placed in England and Wales:

* the 43 territorial forces of England and Wales, in the order below (--forces takes
  the first ones);
* every current local authority district (assets/lad-names-codes.csv, 318) goes to a
  force in turn (district k to force k mod 43), so each force has about 7 districts of
  mixed types — synthetic, not the real force geography;
* each West Yorkshire LSOA of the sample becomes an LSOA of one of the force's districts
  (by its position in the sample's LSOA list), with a code unique to the force
  (E01…, W01… in Wales) and a police.uk-style name ("Leeds 004A" → "Wirral 012C");
  LSOAs the sample holds just over the West Yorkshire border (Tameside, Harrogate, …)
  become LSOAs of the next force's districts, as police.uk files hold a few incidents
  placed over a force's border;
* months are the --months months ending March 2025 (36: 2022/23 to 2024/25), each force
  and month getting rows / (forces × months) rows.

Also writes OUT_DIR/district-population.csv in the ONS mid-year estimates layout
(Code,Name,Geography,All ages): residents = the district's rows per year over a rate drawn
between 40 and 120 per 1,000 — so rates differ between districts and the comparison has
something to find. Importing OUT_DIR imports it too.

Deterministic (same arguments, same bytes); standard library only; streams (memory does
not grow with --rows). 18M rows (the default) take a few minutes.
"""
import argparse
import csv
import importlib.util
import os
import random
import sys

FORCES = [
    "avon-and-somerset", "bedfordshire", "cambridgeshire", "cheshire", "city-of-london",
    "cleveland", "cumbria", "derbyshire", "devon-and-cornwall", "dorset", "durham",
    "dyfed-powys", "essex", "gloucestershire", "greater-manchester", "gwent", "hampshire",
    "hertfordshire", "humberside", "kent", "lancashire", "leicestershire", "lincolnshire",
    "merseyside", "metropolitan", "norfolk", "north-wales", "north-yorkshire",
    "northamptonshire", "northumbria", "nottinghamshire", "south-wales", "south-yorkshire",
    "staffordshire", "suffolk", "surrey", "sussex", "thames-valley", "warwickshire",
    "west-mercia", "west-midlands", "west-yorkshire", "wiltshire",
]
WEST_YORKSHIRE = {"Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"}
HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
          "LSOA code,LSOA name,Crime type,Last outcome category,Context\n")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def force_title(slug):
    if slug == "metropolitan":
        return "Metropolitan Police Service"
    words = " ".join(w if w == "and" else w.capitalize() for w in slug.split("-"))
    return words + " Police"


def months_ending_march_2025(count):
    out = []
    y, m = 2025, 3
    for _ in range(count):
        out.append("%04d-%02d" % (y, m))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out[::-1]


def current_districts():
    path = os.path.join(ROOT, "assets", "lad-names-codes.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["LADCD"] == r["LADCD_ACTIVE"]]
    return sorted((r["LADCD"], r["LADNM"]) for r in rows)


def load_generator(path):
    spec = importlib.util.spec_from_file_location("gen_policeuk", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def geography_type(code):
    return {"E06": "Unitary Authority", "E07": "Non-metropolitan District",
            "E08": "Metropolitan District", "E09": "London Borough",
            "W06": "Unitary Authority"}[code[:3]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--forces", type=int, default=43)
    ap.add_argument("--rows", type=int, default=18_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--generator",
                    default=os.path.join(ROOT, "..", "shared", "bench", "gen_policeuk.py"))
    a = ap.parse_args()
    if not 1 <= a.forces <= len(FORCES):
        ap.error("--forces must be 1 to %d" % len(FORCES))
    if a.months < 1 or a.rows < 0:
        ap.error("--months must be 1 or more and --rows 0 or more")
    gen = load_generator(a.generator)
    kinds, located, unlocated, _ = gen.load(gen.ensure_source(gen.DEFAULT_SOURCE))

    districts = current_districts()
    by_force = [[] for _ in FORCES]
    for k, district in enumerate(districts):
        by_force[k % len(FORCES)].append(district)
    # Each located sample row once: (lon, lat, Location as CSV text, LSOA code).
    sample = []
    for lon, lat, place in located:
        location, code, name = next(csv.reader([place]))
        sample.append((lon, lat, gen.csv_field(location), code, name))
    # The sample's LSOAs in code order; West Yorkshire ones and those over its border.
    lsoas = sorted({(code, name) for _, _, _, code, name in sample if code})
    lsoa_index = {code: i for i, (code, _) in enumerate(lsoas)}
    inside = {code for code, name in lsoas if name.rsplit(" ", 1)[0] in WEST_YORKSHIRE}
    placed = {}

    def place_for(force, code):
        """(LSOA code, LSOA name, district) of a sample LSOA in `force`'s districts, or
        over the border in the next force's."""
        key = (force, code)
        if key not in placed:
            i = lsoa_index[code]
            target = force if code in inside else (force + 1) % a.forces
            ds = by_force[target]
            lad_code, lad_name = ds[i % len(ds)]
            prefix = "W01" if lad_code.startswith("W") else "E01"
            suffix = "%03d%s" % (i // 26 % 1000, chr(ord("A") + i % 26))
            placed[key] = ("%s%06d" % (prefix, target * 2000 + i),
                           gen.csv_field("%s %s" % (lad_name, suffix)), lad_name)
        return placed[key]

    rng = random.Random(a.seed)
    rnd, bits = rng.random, rng.getrandbits
    months = months_ending_march_2025(a.months)
    files = a.forces * len(months)
    per_file, extra = divmod(a.rows, files)
    nk, nl, nu = len(kinds), len(sample), len(unlocated)
    incidents = {}
    os.makedirs(a.out_dir, exist_ok=True)
    n = 0
    for month in months:
        os.makedirs(os.path.join(a.out_dir, month), exist_ok=True)
        for f in range(a.forces):
            slug = FORCES[f]
            reporter = gen.csv_field(force_title(slug))
            count = per_file + (1 if n < extra else 0)
            n += 1
            path = os.path.join(a.out_dir, month, "%s-%s-street.csv" % (month, slug))
            with open(path, "w", newline="", encoding="utf-8") as fh:
                fh.write(HEADER)
                buf = []
                for _ in range(count):
                    tail, is_asb, has_loc = kinds[int(rnd() * nk)]
                    if has_loc:
                        lon, lat, location, code, name = sample[int(rnd() * nl)]
                        if code:
                            code, name, district = place_for(f, code)
                            incidents[district] = incidents.get(district, 0) + 1
                        place = "%s,%s,%s" % (location, code, name)
                        coords = "%.6f,%.6f" % (lon + rnd() * 0.001 - 0.0005,
                                                lat + rnd() * 0.001 - 0.0005)
                    else:
                        place = unlocated[int(rnd() * nu)]
                        coords = ","
                    cid = "" if is_asb else "%064x" % bits(256)
                    buf.append("%s,%s,%s,%s,%s,%s,%s" % (cid, month, reporter, reporter,
                                                          coords, place, tail))
                    if len(buf) >= 20000:
                        fh.write("".join(buf))
                        buf.clear()
                fh.write("".join(buf))
    years = max(len(months) / 12.0, 1.0 / 12.0)
    names = dict((name, code) for code, name in districts)
    with open(os.path.join(a.out_dir, "district-population.csv"), "w", newline="",
              encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["Code", "Name", "Geography", "All ages"])
        for name in sorted(incidents, key=lambda d: names[d]):
            rate = (40 + 80 * rnd()) / 1000.0
            residents = max(1, round(incidents[name] / years / rate))
            out.writerow([names[name], name, geography_type(names[name]), residents])
    print("%s: %d rows in %d files (%d forces x %d months), %d districts"
          % (a.out_dir, a.rows, files, a.forces, len(months), len(incidents)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
