//! Planar geometry on polygons with holes and multipolygons: point-in-polygon, area,
//! area-weighted centroid, bounding box, a point guaranteed inside, and distance to the
//! boundary. Coordinates are whatever plane the caller chose (BNG metres for areas and
//! distances to mean anything); nothing here reads files or panics on empty input.

use crate::import::boundaries::Polygon;
use serde::Serialize;

/// An axis-aligned bounding box.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BoundingBox {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl BoundingBox {
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }

    /// The smallest box holding all the points; `None` for no points.
    pub fn of_points(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BoundingBox> {
        points.into_iter().fold(None, |acc, (x, y)| {
            let b = acc.unwrap_or(BoundingBox {
                min_x: x,
                min_y: y,
                max_x: x,
                max_y: y,
            });
            Some(BoundingBox {
                min_x: b.min_x.min(x),
                min_y: b.min_y.min(y),
                max_x: b.max_x.max(x),
                max_y: b.max_y.max(y),
            })
        })
    }
}

/// Even-odd rule: whether `p` is inside a closed ring (points on an edge may fall either way).
pub fn ring_contains(ring: &[(f64, f64)], p: (f64, f64)) -> bool {
    let mut inside = false;
    for edge in ring.windows(2) {
        let [(x1, y1), (x2, y2)] = [edge[0], edge[1]];
        if (y1 > p.1) != (y2 > p.1) {
            let x_cross = x1 + (p.1 - y1) / (y2 - y1) * (x2 - x1);
            if p.0 < x_cross {
                inside = !inside;
            }
        }
    }
    inside
}

/// Inside the outer ring and in none of the holes.
pub fn polygon_contains(polygon: &Polygon, p: (f64, f64)) -> bool {
    ring_contains(&polygon.exterior, p) && !polygon.holes.iter().any(|h| ring_contains(h, p))
}

/// Inside any polygon of a multipolygon.
pub fn contains(polygons: &[Polygon], p: (f64, f64)) -> bool {
    polygons.iter().any(|polygon| polygon_contains(polygon, p))
}

/// Shoelace signed area: positive when the ring runs anticlockwise.
pub fn ring_signed_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|e| e[0].0 * e[1].1 - e[1].0 * e[0].1)
        .sum::<f64>()
        / 2.0
}

/// Area of a multipolygon: outer rings less holes, whatever their winding.
pub fn area(polygons: &[Polygon]) -> f64 {
    polygons
        .iter()
        .map(|p| {
            ring_signed_area(&p.exterior).abs()
                - p.holes
                    .iter()
                    .map(|h| ring_signed_area(h).abs())
                    .sum::<f64>()
        })
        .sum()
}

/// Area-weighted centroid of a multipolygon (holes subtract); `None` when the area is 0.
/// May lie outside a concave shape: see [`interior_point`].
pub fn centroid(polygons: &[Polygon]) -> Option<(f64, f64)> {
    let mut total = (0.0, 0.0, 0.0);
    for polygon in polygons {
        let rings = std::iter::once((&polygon.exterior, 1.0))
            .chain(polygon.holes.iter().map(|h| (h, -1.0)));
        for (ring, sign) in rings {
            let (a, cx, cy) = ring_moments(ring);
            // Orient each ring by its role, not by how the file wound it.
            let s = sign * a.signum();
            total = (total.0 + s * a, total.1 + s * cx, total.2 + s * cy);
        }
    }
    (total.0.abs() > 0.0).then(|| (total.1 / total.0, total.2 / total.0))
}

/// (signed area, area × centroid x, area × centroid y) of one ring.
fn ring_moments(ring: &[(f64, f64)]) -> (f64, f64, f64) {
    // Shift to the first vertex so large BNG coordinates do not lose precision.
    let Some(&(ox, oy)) = ring.first() else {
        return (0.0, 0.0, 0.0);
    };
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for e in ring.windows(2) {
        let (x1, y1, x2, y2) = (e[0].0 - ox, e[0].1 - oy, e[1].0 - ox, e[1].1 - oy);
        let cross = x1 * y2 - x2 * y1;
        a += cross;
        cx += (x1 + x2) * cross;
        cy += (y1 + y2) * cross;
    }
    let area = a / 2.0;
    (area, cx / 6.0 + area * ox, cy / 6.0 + area * oy)
}

/// Bounding box of all outer rings; `None` when there are no points.
pub fn bounding_box(polygons: &[Polygon]) -> Option<BoundingBox> {
    BoundingBox::of_points(polygons.iter().flat_map(|p| p.exterior.iter().copied()))
}

/// A point guaranteed to be inside the multipolygon (when it has any area): the middle of
/// the widest stretch inside the largest polygon along a horizontal line through the
/// middle of its box. Used when a centroid falls outside its own crescent-shaped area.
pub fn interior_point(polygons: &[Polygon]) -> Option<(f64, f64)> {
    let largest = polygons
        .iter()
        .max_by(|a, b| area(std::slice::from_ref(*a)).total_cmp(&area(std::slice::from_ref(*b))))?;
    let bbox = bounding_box(std::slice::from_ref(largest))?;
    // A line through a vertex would count it twice; try a few heights until one is clean.
    [0.5, 0.4999, 0.37, 0.63, 0.25, 0.75, 0.1, 0.9]
        .iter()
        .find_map(|fraction| {
            let y = bbox.min_y + fraction * bbox.height();
            widest_inside_run(largest, y).map(|(x0, x1)| ((x0 + x1) / 2.0, y))
        })
        .filter(|&p| polygon_contains(largest, p))
}

fn widest_inside_run(polygon: &Polygon, y: f64) -> Option<(f64, f64)> {
    let mut crossings: Vec<f64> = std::iter::once(&polygon.exterior)
        .chain(&polygon.holes)
        .flat_map(|ring| ring.windows(2))
        .filter(|e| (e[0].1 > y) != (e[1].1 > y))
        .map(|e| e[0].0 + (y - e[0].1) / (e[1].1 - e[0].1) * (e[1].0 - e[0].0))
        .collect();
    crossings.sort_by(f64::total_cmp);
    crossings
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .filter(|(a, b)| b > a)
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
}

/// Shortest distance from `p` to any edge of the multipolygon (0 on the boundary;
/// `f64::INFINITY` when there are no edges). Does not say whether `p` is inside.
pub fn distance_to_boundary(polygons: &[Polygon], p: (f64, f64)) -> f64 {
    polygons
        .iter()
        .flat_map(|poly| std::iter::once(&poly.exterior).chain(&poly.holes))
        .flat_map(|ring| ring.windows(2))
        .map(|e| segment_distance(e[0], e[1], p))
        .fold(f64::INFINITY, f64::min)
}

fn segment_distance(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - (a.0 + t * dx)).hypot(p.1 - (a.1 + t * dy))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, size: f64) -> Vec<(f64, f64)> {
        vec![
            (x0, y0),
            (x0 + size, y0),
            (x0 + size, y0 + size),
            (x0, y0 + size),
            (x0, y0),
        ]
    }

    fn square_with_hole() -> Polygon {
        Polygon {
            exterior: square(0.0, 0.0, 10.0),
            holes: vec![square(4.0, 4.0, 2.0)],
        }
    }

    /// A "C": the 0..10 square less the bite 3..10 × 3..7, whose centroid is in the bite.
    fn c_shape() -> Polygon {
        Polygon {
            exterior: vec![
                (0.0, 0.0),
                (10.0, 0.0),
                (10.0, 3.0),
                (3.0, 3.0),
                (3.0, 7.0),
                (10.0, 7.0),
                (10.0, 10.0),
                (0.0, 10.0),
                (0.0, 0.0),
            ],
            holes: vec![],
        }
    }

    #[test]
    fn holes_are_outside_and_the_ring_around_them_inside() {
        let p = [square_with_hole()];
        assert!(contains(&p, (1.0, 1.0)));
        assert!(!contains(&p, (5.0, 5.0)));
        assert!(!contains(&p, (11.0, 5.0)));
    }

    #[test]
    fn multipolygon_contains_points_in_any_part() {
        let parts = [
            Polygon {
                exterior: square(0.0, 0.0, 1.0),
                holes: vec![],
            },
            Polygon {
                exterior: square(5.0, 5.0, 1.0),
                holes: vec![],
            },
        ];
        assert!(contains(&parts, (5.5, 5.5)));
        assert!(contains(&parts, (0.5, 0.5)));
        assert!(!contains(&parts, (3.0, 3.0)));
        assert_eq!(area(&parts), 2.0);
        assert_eq!(centroid(&parts), Some((3.0, 3.0)));
    }

    #[test]
    fn area_and_centroid_subtract_holes_whatever_the_winding() {
        let mut p = square_with_hole();
        assert_eq!(area(std::slice::from_ref(&p)), 96.0);
        assert_eq!(centroid(std::slice::from_ref(&p)), Some((5.0, 5.0)));
        p.exterior.reverse();
        assert_eq!(area(std::slice::from_ref(&p)), 96.0);
        let off_centre = Polygon {
            exterior: square(0.0, 0.0, 10.0),
            holes: vec![square(0.0, 0.0, 5.0)],
        };
        // L-shape: 75 area; centroid x = (100*5 − 25*2.5) / 75 = 5.8333…
        let (cx, cy) = centroid(&[off_centre]).unwrap();
        assert!((cx - 35.0 / 6.0).abs() < 1e-12 && (cy - 35.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn centroid_keeps_precision_at_national_grid_magnitudes() {
        let p = Polygon {
            exterior: square(584_000.0, 176_000.0, 300.0),
            holes: vec![],
        };
        let (cx, cy) = centroid(&[p]).unwrap();
        assert!((cx - 584_150.0).abs() < 1e-6 && (cy - 176_150.0).abs() < 1e-6);
    }

    #[test]
    fn interior_point_is_inside_when_the_centroid_is_not() {
        let c = [c_shape()];
        let centre = centroid(&c).unwrap();
        assert!(
            !contains(&c, centre),
            "the C's centroid should be in its bite"
        );
        let inside = interior_point(&c).unwrap();
        assert!(contains(&c, inside));
        let holed = [square_with_hole()];
        assert!(contains(&holed, interior_point(&holed).unwrap()));
    }

    #[test]
    fn bounding_box_and_boundary_distance() {
        let p = [square_with_hole()];
        let b = bounding_box(&p).unwrap();
        assert_eq!((b.min_x, b.min_y, b.max_x, b.max_y), (0.0, 0.0, 10.0, 10.0));
        assert_eq!(distance_to_boundary(&p, (13.0, 14.0)), 5.0);
        assert_eq!(distance_to_boundary(&p, (5.0, 5.0)), 1.0);
        assert_eq!(bounding_box(&[]), None);
        assert_eq!(centroid(&[]), None);
        assert_eq!(interior_point(&[]), None);
    }
}
