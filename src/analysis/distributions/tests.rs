use super::*;

fn close(x: f64, y: f64, rel: f64) -> bool {
    (x - y).abs() <= rel * y.abs().max(1e-300)
}

// Reference values from scipy 1.x (scipy.stats / scipy.special), printed with repr().

#[test]
fn normal_tail_and_quantile() {
    assert!(close(normal_upper_tail(1.959_963_984_540_054), 0.025, 1e-6));
    // norm.sf(10.4) = 1.2366e-25
    assert!(close(
        normal_upper_tail(10.4),
        1.239_665_979_584_001_7e-25,
        1e-6
    ));
    assert!(close(normal_quantile(0.975), 1.959_963_984_540_054, 1e-9));
    assert!(close(normal_quantile(0.999), 3.090_232_306_167_813_5, 1e-9));
    assert!(close(
        normal_quantile(0.001),
        -3.090_232_306_167_813_5,
        1e-9
    ));
    assert!(close(normal_quantile(0.6), 0.253_347_103_135_799_7, 1e-9));
}

#[test]
fn ln_gamma_matches_factorials() {
    assert!(close(ln_gamma(1.0).exp(), 1.0, 1e-13) || ln_gamma(1.0).abs() < 1e-13);
    assert!(close(ln_gamma(11.0), 3_628_800f64.ln(), 1e-13));
    // gammaln(0.5) = ln √π
    assert!(close(ln_gamma(0.5), 0.572_364_942_924_700_1, 1e-13));
    // gammaln(1e5)
    assert!(close(ln_gamma(1e5), 1_051_287.708_973_656_6, 1e-13));
}

#[test]
fn incomplete_gamma_matches_scipy() {
    // gammainc(a, x)
    for (a, x, want) in [
        (1.0, 1.0, 0.632_120_558_828_557_7),
        (5.0, 2.0, 0.052_653_017_343_711_14),
        (100.0, 110.0, 0.841_721_329_939_912_9),
        (0.5, 0.1, 0.345_279_153_981_423_4),
        (3_000.0, 2_900.0, 0.032_859_991_921_121_03),
    ] {
        let got = gamma_p(a, x);
        assert!(close(got, want, 1e-9), "P({a}, {x}) = {got}, want {want}");
        assert!(close(gamma_q(a, x), 1.0 - want, 1e-8));
    }
}

#[test]
fn garwood_intervals_match_scipy_chi2() {
    // chi2.ppf(0.025, 2y) / 2 and chi2.ppf(0.975, 2y + 2) / 2
    for (y, lo, hi) in [
        (0, 0.0, 3.688_879_454_113_936),
        (1, 0.025_317_807_984_289_876, 5.571_643_390_938_898),
        (10, 4.795_388_696_132_433_5, 18.390_356_042_017_78),
        (250, 219.967_995_630_937_3, 282.987_705_042_316_07),
    ] {
        let (got_lo, got_hi) = exact_interval(y, 0.95);
        assert!(
            close(got_lo, lo, 1e-8) || (lo == 0.0 && got_lo == 0.0),
            "{y}: {got_lo}"
        );
        assert!(close(got_hi, hi, 1e-8), "{y}: {got_hi}");
    }
    // Large counts take the cube-root approximation: within 10⁻⁵ of scipy.
    let (lo, hi) = exact_interval(40_000, 0.95);
    assert!(close(lo, 39_608.955_214_134_71, 1e-5), "{lo}");
    assert!(close(hi, 40_393.943_988_230_87, 1e-5), "{hi}");
}

#[test]
fn poisson_quantiles_and_cdf() {
    // poisson.ppf(p, mu), poisson.cdf(k, mu)
    assert_eq!(poisson_quantile(0.975, 10.0), 17.0);
    assert_eq!(poisson_quantile(0.025, 10.0), 4.0);
    assert_eq!(poisson_quantile(0.999, 100.0), 132.0);
    assert_eq!(poisson_quantile(0.001, 100.0), 71.0);
    assert!(close(
        poisson_cdf(17.0, 10.0),
        0.985_722_386_402_950_3,
        1e-9
    ));
    assert!(close(
        poisson_cdf(4.0, 10.0),
        0.029_252_688_076_961_14,
        1e-9
    ));
    assert_eq!(poisson_cdf(-1.0, 3.0), 0.0);
    assert_eq!(poisson_quantile(0.5, 0.0), 0.0);
}

#[test]
fn chi_squared_quantile_matches_scipy() {
    assert!(close(
        chi_squared_quantile(0.95, 11.0),
        19.675_137_572_682_495,
        1e-9
    ));
    assert!(close(
        chi_squared_quantile(0.95, 1.0),
        3.841_458_820_694_124,
        1e-9
    ));
}
