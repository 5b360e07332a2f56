//! Hexagonal binning of projected points (British National Grid metres) on a pointy-top hex
//! grid in axial coordinates (q, r), as in Red Blob Games' "Hexagonal Grids": a point's hex,
//! a hex's centre and corners, and the count of points in each hex.
//!
//! Plain arithmetic over plain data: no projection (the caller passes metres), no egui.

use std::collections::HashMap;

const SQRT_3: f64 = 1.732_050_807_568_877_2;

/// A pointy-top hex grid with a hex centred on the origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HexGrid {
    /// Centre to corner, metres.
    pub radius: f64,
}

impl HexGrid {
    /// A grid whose hexes are `width` metres across the flats (the spacing of neighbouring
    /// centres in a row), or `None` for a width that is not a positive number.
    pub fn with_width(width: f64) -> Option<HexGrid> {
        (width.is_finite() && width > 0.0).then(|| HexGrid {
            radius: width / SQRT_3,
        })
    }

    /// Across the flats, metres.
    pub fn width(&self) -> f64 {
        self.radius * SQRT_3
    }

    /// The axial coordinates of the hex holding `(x, y)`. A point on the edge between hexes
    /// goes to exactly one of them: rounding is a function of the point alone.
    pub fn hex_of(&self, (x, y): (f64, f64)) -> (i32, i32) {
        let q = (SQRT_3 / 3.0 * x - y / 3.0) / self.radius;
        let r = (2.0 / 3.0 * y) / self.radius;
        cube_round(q, r)
    }

    /// The centre of hex `(q, r)`.
    pub fn centre(&self, (q, r): (i32, i32)) -> (f64, f64) {
        let (q, r) = (f64::from(q), f64::from(r));
        (self.radius * SQRT_3 * (q + r / 2.0), self.radius * 1.5 * r)
    }

    /// The six corners of hex `(q, r)`, anticlockwise from the one to the east-north-east.
    pub fn corners(&self, hex: (i32, i32)) -> [(f64, f64); 6] {
        let (cx, cy) = self.centre(hex);
        let mut corners = [(0.0, 0.0); 6];
        for (i, corner) in corners.iter_mut().enumerate() {
            let angle = (30.0 + 60.0 * i as f64).to_radians();
            *corner = (
                cx + self.radius * angle.cos(),
                cy + self.radius * angle.sin(),
            );
        }
        corners
    }
}

/// Round fractional axial coordinates to the hex that holds them (via cube coordinates,
/// fixing the component that rounded furthest so q + r + s stays 0).
fn cube_round(q: f64, r: f64) -> (i32, i32) {
    let s = -q - r;
    let (mut rq, mut rr, rs) = (q.round(), r.round(), s.round());
    let (dq, dr, ds) = ((rq - q).abs(), (rr - r).abs(), (rs - s).abs());
    if dq > dr && dq > ds {
        rq = -rr - rs;
    } else if dr > ds {
        rr = -rq - rs;
    }
    (rq as i32, rr as i32)
}

/// One hex with points in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HexBin {
    pub hex: (i32, i32),
    pub count: u32,
}

/// The hexes that hold points, south to north then west to east (so the order does not
/// depend on the order of the points).
pub fn bin_counts(grid: &HexGrid, points: &[(f64, f64)]) -> Vec<HexBin> {
    let mut counts: HashMap<(i32, i32), u32> = HashMap::new();
    for p in points
        .iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
    {
        *counts.entry(grid.hex_of(*p)).or_default() += 1;
    }
    let mut bins: Vec<HexBin> = counts
        .into_iter()
        .map(|(hex, count)| HexBin { hex, count })
        .collect();
    bins.sort_by_key(|b| (b.hex.1, b.hex.0));
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> HexGrid {
        HexGrid::with_width(250.0).unwrap()
    }

    #[test]
    fn centres_round_trip() {
        let g = grid();
        for q in -20..20 {
            for r in -20..20 {
                assert_eq!(g.hex_of(g.centre((q, r))), (q, r));
            }
        }
        // Also at BNG magnitudes.
        let far = g.hex_of((530_000.0, 180_000.0));
        assert_eq!(g.hex_of(g.centre(far)), far);
    }

    #[test]
    fn neighbours_in_a_row_are_one_width_apart() {
        let g = grid();
        let (a, b) = (g.centre((3, 2)), g.centre((4, 2)));
        assert!((b.0 - a.0 - 250.0).abs() < 1e-9);
        assert!((b.1 - a.1).abs() < 1e-9);
    }

    #[test]
    fn a_point_exactly_between_hexes_goes_to_exactly_one_of_them() {
        let g = grid();
        let (a, b) = (g.centre((0, 0)), g.centre((1, 0)));
        let middle = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let hex = g.hex_of(middle);
        assert!(hex == (0, 0) || hex == (1, 0));
        let bins = bin_counts(&g, &[middle]);
        assert_eq!(bins.len(), 1);
        assert_eq!(bins[0].count, 1);
        // A corner, shared by three hexes, also lands in one of them.
        let corner = g.corners((0, 0))[0];
        let bins = bin_counts(&g, &[corner]);
        assert_eq!(bins.len(), 1);
    }

    #[test]
    fn corners_are_one_radius_from_the_centre_and_inside_their_hex_just_inwards() {
        let g = grid();
        let centre = g.centre((-2, 5));
        for (x, y) in g.corners((-2, 5)) {
            let d = ((x - centre.0).powi(2) + (y - centre.1).powi(2)).sqrt();
            assert!((d - g.radius).abs() < 1e-9);
            let inwards = (x + (centre.0 - x) * 0.01, y + (centre.1 - y) * 0.01);
            assert_eq!(g.hex_of(inwards), (-2, 5));
        }
    }

    #[test]
    fn counts_sum_to_the_points() {
        let g = grid();
        let mut points = Vec::new();
        for i in 0..5_000 {
            let i = f64::from(i);
            points.push((
                500_000.0 + (i * 37.3) % 4_000.0,
                170_000.0 + (i * 91.7) % 3_000.0,
            ));
        }
        points.push((f64::NAN, 0.0));
        let bins = bin_counts(&g, &points);
        let total: u32 = bins.iter().map(|b| b.count).sum();
        assert_eq!(total, 5_000);
        assert!(bins
            .windows(2)
            .all(|w| (w[0].hex.1, w[0].hex.0) < (w[1].hex.1, w[1].hex.0)));
    }

    #[test]
    fn a_width_must_be_positive() {
        assert!(HexGrid::with_width(0.0).is_none());
        assert!(HexGrid::with_width(f64::NAN).is_none());
        assert!((grid().width() - 250.0).abs() < 1e-9);
    }
}
