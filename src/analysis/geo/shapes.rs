//! Boundaries made ready to draw and to measure: projected to British National Grid
//! metres, simplified (Douglas–Peucker) so a map stays light, and cut into triangles (ear
//! clipping), since a renderer fills only convex shapes. Done once per file open.
//!
//! Holes are kept for hit-testing but not cut out of the fill: an area inside another's
//! hole (an enclave ward) is itself a boundary and is drawn after the larger area, over it
//! (see [`MapShape::area`]).

use super::polygon::{self, BoundingBox};
use super::projection::wgs84_to_bng;
use crate::import::boundaries::{Boundary, Polygon, Ring};

/// An area ready for the map, in BNG metres.
#[derive(Debug, Clone, PartialEq)]
pub struct MapShape {
    pub code: String,
    pub name: String,
    /// Simplified polygons (with holes), for outlines and hover tests.
    pub polygons: Vec<Polygon>,
    /// Fill triangles as a vertex list and index triples into it.
    pub vertices: Vec<(f64, f64)>,
    pub triangles: Vec<[u32; 3]>,
    pub bbox: Option<BoundingBox>,
    /// Square metres, so larger areas can be drawn first.
    pub area: f64,
}

impl MapShape {
    /// Whether a BNG point lies inside the area.
    pub fn contains(&self, p: (f64, f64)) -> bool {
        self.bbox
            .is_some_and(|b| p.0 >= b.min_x && p.0 <= b.max_x && p.1 >= b.min_y && p.1 <= b.max_y)
            && polygon::contains(&self.polygons, p)
    }
}

/// A ring projected to BNG metres.
pub fn project_ring(ring: &Ring) -> Ring {
    ring.iter()
        .map(|&(lon, lat)| wgs84_to_bng(lon, lat))
        .collect()
}

/// A boundary's polygons projected to BNG metres.
pub fn project_polygons(polygons: &[Polygon]) -> Vec<Polygon> {
    polygons
        .iter()
        .map(|p| Polygon {
            exterior: project_ring(&p.exterior),
            holes: p.holes.iter().map(project_ring).collect(),
        })
        .collect()
}

/// The BNG box around a set of boundaries; `None` when they have no points.
pub fn projected_bbox(boundaries: &[Boundary]) -> Option<BoundingBox> {
    let points = boundaries.iter().flat_map(|b| {
        b.polygons
            .iter()
            .flat_map(|p| p.exterior.iter().map(|&(lon, lat)| wgs84_to_bng(lon, lat)))
    });
    BoundingBox::of_points(points)
}

/// Project, simplify to `tolerance_m` and triangulate a boundary.
pub fn map_shape(boundary: &Boundary, tolerance_m: f64) -> MapShape {
    let polygons: Vec<Polygon> = project_polygons(&boundary.polygons)
        .into_iter()
        .map(|p| Polygon {
            exterior: simplify_ring(&p.exterior, tolerance_m),
            holes: p
                .holes
                .iter()
                .map(|h| simplify_ring(h, tolerance_m))
                .collect(),
        })
        .collect();
    let mut vertices = Vec::new();
    let mut triangles = Vec::new();
    for p in &polygons {
        let open = open_ring(&p.exterior);
        let base = u32::try_from(vertices.len()).unwrap_or(u32::MAX);
        for t in triangulate(open) {
            triangles.push(t.map(|i| base.saturating_add(i)));
        }
        vertices.extend_from_slice(open);
    }
    MapShape {
        code: boundary.code.clone(),
        name: boundary.name.clone(),
        bbox: polygon::bounding_box(&polygons),
        area: polygon::area(&polygons),
        polygons,
        vertices,
        triangles,
    }
}

/// A closed ring without its repeated last point.
fn open_ring(ring: &[(f64, f64)]) -> &[(f64, f64)] {
    match (ring.first(), ring.last()) {
        (Some(a), Some(b)) if a == b && ring.len() > 1 => {
            ring.get(..ring.len() - 1).unwrap_or(ring)
        }
        _ => ring,
    }
}

/// Douglas–Peucker on a closed ring; keeps at least 4 points (a closed triangle).
pub fn simplify_ring(ring: &[(f64, f64)], tolerance: f64) -> Ring {
    if ring.len() <= 4 || tolerance <= 0.0 {
        return ring.to_vec();
    }
    let mut keep = vec![false; ring.len()];
    keep[0] = true;
    keep[ring.len() - 1] = true;
    // A closed ring's ends coincide: split it at the point farthest from the start.
    let far = ring
        .iter()
        .enumerate()
        .max_by(|a, b| {
            let da = distance_sq(*a.1, ring[0]);
            let db = distance_sq(*b.1, ring[0]);
            da.total_cmp(&db)
        })
        .map_or(ring.len() / 2, |(i, _)| i);
    keep[far] = true;
    let mut stack = vec![(0, far), (far, ring.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut worst, mut worst_d) = (a, 0.0);
        for (i, p) in ring.iter().enumerate().take(b).skip(a + 1) {
            let d = segment_distance(*p, ring[a], ring[b]);
            if d > worst_d {
                worst = i;
                worst_d = d;
            }
        }
        if worst_d > tolerance {
            keep[worst] = true;
            stack.push((a, worst));
            stack.push((worst, b));
        }
    }
    let simplified: Ring = ring
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect();
    if simplified.len() < 4 {
        ring.to_vec()
    } else {
        simplified
    }
}

fn distance_sq(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let length_sq = distance_sq(a, b);
    if length_sq == 0.0 {
        return distance_sq(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / length_sq).clamp(0.0, 1.0);
    distance_sq(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

fn cross(o: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
}

/// Ear clipping of a simple polygon given as an open ring (either winding). Returns index
/// triples into `ring`. A ring that is not simple still gets a fan of its remaining points,
/// so nothing vanishes from the map.
pub fn triangulate(ring: &[(f64, f64)]) -> Vec<[u32; 3]> {
    let n = ring.len();
    if n < 3 {
        return Vec::new();
    }
    let sign = if polygon::ring_signed_area(ring) >= 0.0 {
        1.0
    } else {
        -1.0
    };
    let point = |i: usize| ring.get(i).copied().unwrap_or_default();
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut out = Vec::with_capacity(n - 2);
    let mut misses = 0;
    let mut i = 0;
    while remaining.len() > 3 {
        let m = remaining.len();
        let (ia, ib, ic) = (
            remaining[(i + m - 1) % m],
            remaining[i % m],
            remaining[(i + 1) % m],
        );
        let (a, b, c) = (point(ia), point(ib), point(ic));
        let convex = sign * cross(a, b, c) > 0.0;
        let is_ear = convex
            && !remaining.iter().any(|&j| {
                j != ia && j != ib && j != ic && {
                    let p = point(j);
                    sign * cross(a, b, p) >= 0.0
                        && sign * cross(b, c, p) >= 0.0
                        && sign * cross(c, a, p) >= 0.0
                }
            });
        if is_ear {
            out.push([ia as u32, ib as u32, ic as u32]);
            remaining.remove(i % m);
            misses = 0;
        } else {
            i += 1;
            misses += 1;
            if misses > m {
                break;
            }
        }
    }
    if let Some((&first, rest)) = remaining.split_first() {
        for pair in rest.windows(2) {
            out.push([first as u32, pair[0] as u32, pair[1] as u32]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triangle_area(ring: &[(f64, f64)], t: &[u32; 3]) -> f64 {
        let p = |i: u32| ring[i as usize];
        cross(p(t[0]), p(t[1]), p(t[2])).abs() / 2.0
    }

    #[test]
    fn a_concave_ring_is_covered_exactly_by_its_triangles() {
        // An L shape, clockwise: area 3.
        let ring = [
            (0.0, 0.0),
            (0.0, 2.0),
            (1.0, 2.0),
            (1.0, 1.0),
            (2.0, 1.0),
            (2.0, 0.0),
        ];
        let triangles = triangulate(&ring);
        assert_eq!(triangles.len(), 4);
        let total: f64 = triangles.iter().map(|t| triangle_area(&ring, t)).sum();
        assert!((total - 3.0).abs() < 1e-9, "{total}");
    }

    #[test]
    fn simplification_drops_near_straight_points_only() {
        let ring = vec![
            (0.0, 0.0),
            (50.0, 0.4),
            (100.0, 0.0),
            (100.0, 100.0),
            (0.0, 100.0),
            (0.0, 0.0),
        ];
        let simple = simplify_ring(&ring, 1.0);
        assert_eq!(simple.len(), 5);
        assert!(!simple.contains(&(50.0, 0.4)));
        assert_eq!(simplify_ring(&ring, 0.1), ring);
    }

    #[test]
    fn sample_wards_keep_their_area_once_simplified_and_triangulated() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-data/geography/ward_boundaries.geojson");
        let wards = crate::import::boundaries::read_boundaries(&path).unwrap();
        for ward in &wards {
            let shape = map_shape(ward, 5.0);
            let filled: f64 = shape
                .triangles
                .iter()
                .map(|t| {
                    let p = |i: u32| shape.vertices[i as usize];
                    cross(p(t[0]), p(t[1]), p(t[2])).abs() / 2.0
                })
                .sum();
            let exact = polygon::area(&project_polygons(&ward.polygons));
            assert!(
                (filled - exact).abs() / exact < 0.02,
                "{}: {filled} vs {exact}",
                ward.code
            );
            let inside = polygon::interior_point(&shape.polygons).unwrap();
            assert!(shape.contains(inside));
        }
    }
}
