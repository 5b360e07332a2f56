//! Tests of the Getis-Ord Gi* statistic: its values against worked cases and its behaviour on edge grids.
use super::*;

#[test]
fn erfc_matches_reference_values() {
    // Values from a correctly rounded libm (Python math.erfc).
    let cases = [
        (0.0, 1.0),
        (0.1, 0.887_537_083_981_715_2),
        (0.5, 0.479_500_122_186_953_5),
        (1.0, 0.157_299_207_050_285_13),
        (1.5, 0.033_894_853_524_689_274),
        (2.0, 0.004_677_734_981_047_265),
        (2.5, 0.000_406_952_017_444_958_9),
        (3.0, 2.209_049_699_858_543_8e-5),
        (5.0, 1.537_459_794_428_035_1e-12),
        (10.0, 2.088_487_583_762_545e-45),
        (26.0, 5.663_192_408_856_143e-296),
    ];
    for (x, expected) in cases {
        let got = erfc(x);
        assert!(
            ((got - expected) / expected).abs() < 1e-13,
            "erfc({x}) = {got}, not {expected}"
        );
    }
    assert!((erfc(-1.0) - (2.0 - 0.157_299_207_050_285_13)).abs() < 1e-15);
    assert!((two_sided_p(1.959_963_984_540_054) - 0.05).abs() < 1e-14);
    assert!((two_sided_p(-2.575_829_303_548_901) - 0.01).abs() < 1e-14);
}

#[test]
fn holm_and_bh_match_hand_computed_values() {
    let p = [0.01, 0.04, 0.03, 0.005];
    // Holm: sorted 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 = 0.04 → cummax.
    let h = holm(&p);
    for (got, want) in h.iter().zip([0.03, 0.06, 0.06, 0.02]) {
        assert!((got - want).abs() < 1e-15, "{h:?}");
    }
    // BH: descending 0.04×4/4 = 0.04, 0.03×4/3 = 0.04, 0.01×4/2 = 0.02, 0.005×4 = 0.02.
    let b = benjamini_hochberg(&p);
    for (got, want) in b.iter().zip([0.02, 0.04, 0.04, 0.02]) {
        assert!((got - want).abs() < 1e-15, "{b:?}");
    }
    assert_eq!(holm(&[0.5, 0.6]), vec![1.0, 1.0]);
    assert_eq!(benjamini_hochberg(&[0.9, 0.5]), vec![0.9, 0.9]);
    assert!(holm(&[]).is_empty());
}

/// Gi* straight from the published formula with an explicit n × n weight matrix.
fn reference_gi_star(cols: usize, x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let nf = n as f64;
    let xbar = x.iter().sum::<f64>() / nf;
    let s = (x.iter().map(|v| v * v).sum::<f64>() / nf - xbar * xbar).sqrt();
    (0..n)
        .map(|i| {
            let (ci, ri) = ((i % cols) as i64, (i / cols) as i64);
            let w: Vec<f64> = (0..n)
                .map(|j| {
                    let (cj, rj) = ((j % cols) as i64, (j / cols) as i64);
                    if (ci - cj).abs() <= 1 && (ri - rj).abs() <= 1 {
                        1.0
                    } else {
                        0.0
                    }
                })
                .collect();
            let wi: f64 = w.iter().sum();
            let s1: f64 = w.iter().map(|v| v * v).sum();
            let lag: f64 = w.iter().zip(x).map(|(w, x)| w * x).sum();
            (lag - xbar * wi) / (s * ((nf * s1 - wi * wi) / (nf - 1.0)).sqrt())
        })
        .collect()
}

/// 2 ∫ from |z| to ∞ of the normal density, by Simpson's rule (independent of erfc).
fn reference_p(z: f64) -> f64 {
    let (a, steps) = (z.abs(), 20_000);
    let h = 12.0 / steps as f64;
    let pdf = |t: f64| (-t * t / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let inner: f64 = (1..steps)
        .map(|k| pdf(a + k as f64 * h) * if k % 2 == 1 { 4.0 } else { 2.0 })
        .sum();
    2.0 * h / 3.0 * (pdf(a) + inner + pdf(a + 12.0))
}

const COUNTS_6X5: [f64; 30] = [
    0.0, 1.0, 0.0, 2.0, 1.0, 0.0, //
    1.0, 3.0, 2.0, 1.0, 0.0, 0.0, //
    2.0, 9.0, 12.0, 4.0, 1.0, 0.0, //
    1.0, 7.0, 10.0, 3.0, 0.0, 1.0, //
    0.0, 1.0, 2.0, 0.0, 0.0, 0.0,
];

#[test]
fn gi_star_equals_the_published_formula_on_a_6_by_5_grid() {
    let z = gi_star(6, 5, &COUNTS_6X5);
    let reference = reference_gi_star(6, &COUNTS_6X5);
    for (i, (a, b)) in z.iter().zip(&reference).enumerate() {
        assert!((a - b).abs() < 1e-12, "cell {i}: {a} vs {b}");
    }
    let tests = gi_star_tests(
        6,
        5,
        &COUNTS_6X5,
        GiStarOptions {
            method: PAdjustMethod::None,
            ..Default::default()
        },
    );
    for (t, z) in tests.iter().zip(&reference) {
        assert!(
            (t.p - reference_p(*z)).abs() < 1e-10,
            "{} vs {}",
            t.p,
            reference_p(*z)
        );
        assert_eq!(t.p_adjusted, t.p);
    }
    // The 12 and its neighbours form the peak.
    let max = z.iter().cloned().fold(f64::MIN, f64::max);
    assert_eq!(z.iter().position(|&v| v == max), Some(2 * 6 + 2));
}

#[test]
fn neighbourhood_adjustment_multiplies_by_the_family_size_like_p_adjust_sp() {
    let raw = gi_star_tests(
        6,
        5,
        &COUNTS_6X5,
        GiStarOptions {
            method: PAdjustMethod::None,
            ..Default::default()
        },
    );
    let by_neighbourhood = gi_star_tests(6, 5, &COUNTS_6X5, GiStarOptions::default());
    // Corner: itself + 3 neighbours + 1 = 5; edge: 6 + 1 = 7; interior: 9 + 1 = 10.
    for (index, family) in [(0, 5.0), (2, 7.0), (2 * 6 + 2, 10.0), (29, 5.0)] {
        let want = (raw[index].p * family).min(1.0);
        assert!(
            (by_neighbourhood[index].p_adjusted - want).abs() < 1e-15,
            "cell {index}"
        );
    }
    let all = gi_star_tests(
        6,
        5,
        &COUNTS_6X5,
        GiStarOptions {
            method: PAdjustMethod::Holm,
            family: AdjustFamily::AllCells,
        },
    );
    let p: Vec<f64> = raw.iter().map(|t| t.p).collect();
    assert_eq!(
        all.iter().map(|t| t.p_adjusted).collect::<Vec<_>>(),
        holm(&p)
    );
}

#[test]
fn flat_counts_give_no_hotspots() {
    let tests = gi_star_tests(4, 4, &[3.0; 16], GiStarOptions::default());
    assert!(tests
        .iter()
        .all(|t| t.z == 0.0 && t.p == 1.0 && t.significance == Significance::NotSignificant));
}

#[test]
fn significance_bands() {
    assert_eq!(Significance::of(3.0, 0.009), Significance::Hot99);
    assert_eq!(Significance::of(3.0, 0.01), Significance::Hot95);
    assert_eq!(Significance::of(-3.0, 0.049), Significance::Cold95);
    assert_eq!(Significance::of(-3.0, 0.001), Significance::Cold99);
    assert_eq!(Significance::of(3.0, 0.05), Significance::NotSignificant);
}
