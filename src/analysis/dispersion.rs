//! How much more (or less) a monthly series varies than chance alone would make it: the
//! over-dispersion of the Poisson log-linear model with a year effect and month-of-year
//! effects over two financial years, the measure the change test uses so that a series
//! swollen by operations, events or recording changes is not called "significant" on
//! Poisson arithmetic alone.
//!
//! The model count[y][m] ~ Poisson(exp(a + b·y + c_m)) over a 2 × 12 table has the closed
//! form fitted[y][m] = row[y] · column[m] / total (the independence model of a two-way
//! table), so the quasi-Poisson dispersion is Pearson's χ² over the residual degrees of
//! freedom, (2 − 1)(12 − 1) = 11 — the same numbers statsmodels' `GLM(..., Poisson).fit(
//! scale="X2")` gives (`scripts/reference-dispersion.py` fits it independently).
//! Seasonality is modelled, not taken as noise: month-to-month variance without the
//! month-of-year effects is many times the mean on any real crime series.
//!
//! Pure arithmetic on monthly counts.

use super::financial_year::FinancialYear;
use std::collections::BTreeMap;

/// Below this many incidents in either year (5 a month on average) Pearson's χ² is not a
/// reliable measure of extra variation, and the change test stays exact Poisson.
pub const SMALL_YEAR: i64 = 60;

/// The dispersion of two financial years' months (April to March each), `None` when it
/// cannot be measured: a year below [`SMALL_YEAR`] incidents, or no month with incidents
/// in more than one month-of-year.
pub fn seasonal_dispersion(previous: &[i64; 12], current: &[i64; 12]) -> Option<f64> {
    let clean = |year: &[i64; 12]| year.map(|n| n.max(0) as f64);
    let rows = [clean(previous), clean(current)];
    let row_totals = rows.map(|r| r.iter().sum::<f64>());
    if row_totals.iter().any(|&t| t < SMALL_YEAR as f64) {
        return None;
    }
    let total: f64 = row_totals.iter().sum();
    let mut chi_squared = 0.0;
    let mut months_with_incidents = 0usize;
    for m in 0..12 {
        let column = rows[0][m] + rows[1][m];
        if column == 0.0 {
            // A month-of-year with no incidents in either year fits exactly and takes
            // its parameter with it: no residual degree of freedom.
            continue;
        }
        months_with_incidents += 1;
        for (row, row_total) in rows.iter().zip(row_totals) {
            let fitted = row_total * column / total;
            chi_squared += (row[m] - fitted).powi(2) / fitted;
        }
    }
    let df = months_with_incidents.checked_sub(1)?;
    (df > 0).then(|| chi_squared / df as f64)
}

/// The dispersion of the financial year `fy` and the year before, from a monthly series;
/// `None` unless all 24 months are held (a missing month is not a month without crime).
pub fn dispersion_of_years(by_month: &BTreeMap<u32, i64>, fy: FinancialYear) -> Option<f64> {
    let year = |fy: FinancialYear| -> Option<[i64; 12]> {
        let mut counts = [0; 12];
        for (slot, month) in counts.iter_mut().zip(fy.months()) {
            *slot = *by_month.get(&month)?;
        }
        Some(counts)
    };
    seasonal_dispersion(&year(FinancialYear(fy.0.checked_sub(1)?))?, &year(fy)?)
}

/// The two-sided p-value of the year effect under quasi-Poisson variation: the Wald test
/// of ln(current / previous) with its Poisson variance 1/a + 1/b scaled by the dispersion
/// (normal reference, as statsmodels reports it). `None` when either count is zero.
pub fn quasi_poisson_p(current: i64, previous: i64, dispersion: f64) -> Option<f64> {
    if current <= 0 || previous <= 0 || !dispersion.is_finite() || dispersion <= 0.0 {
        return None;
    }
    let (a, b) = (current as f64, previous as f64);
    let z = (a / b).ln() / (dispersion * (1.0 / a + 1.0 / b)).sqrt();
    Some((2.0 * super::distributions::normal_upper_tail(z.abs())).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Northvale sample's monthly counts, 2023/24 then 2024/25, counted from the CSVs
    /// by `scripts/reference-dispersion.py` (python csv module, independent of the app).
    const ALL_CRIME: ([i64; 12], [i64; 12]) = (
        [
            1933, 2116, 2190, 2354, 2245, 2059, 2110, 1935, 2214, 1847, 1828, 1958,
        ],
        [
            2061, 2305, 2348, 2444, 2459, 2210, 2183, 2077, 2209, 2016, 1897, 2139,
        ],
    );
    const ASB: ([i64; 12], [i64; 12]) = (
        [538, 583, 651, 648, 673, 604, 610, 465, 367, 424, 404, 495],
        [540, 576, 615, 643, 661, 507, 545, 460, 421, 376, 374, 471],
    );

    // Reference (statsmodels GLM, Poisson family, count ~ C(year) + C(month_of_year);
    // quasi-Poisson with scale = "X2"), from scripts/reference-dispersion.py:
    //   all_crime: dispersion 0.8971912809, quasi p (normal) 3.406360158e-13
    //   asb:       dispersion 1.436434075,  quasi p (normal) 0.042868022,
    //              Poisson Wald p 0.01522502343
    #[test]
    fn dispersion_matches_the_statsmodels_quasi_poisson_fit() {
        let all = seasonal_dispersion(&ALL_CRIME.0, &ALL_CRIME.1).unwrap();
        assert!((all - 0.897_191_280_9).abs() < 1e-9, "{all}");
        let asb = seasonal_dispersion(&ASB.0, &ASB.1).unwrap();
        assert!((asb - 1.436_434_075).abs() < 1e-8, "{asb}");
    }

    #[test]
    fn quasi_p_matches_the_statsmodels_wald_test() {
        let asb = (ASB.1.iter().sum::<i64>(), ASB.0.iter().sum::<i64>());
        assert_eq!(asb, (6189, 6462));
        let p = quasi_poisson_p(asb.0, asb.1, 1.436_434_075).unwrap();
        assert!((p - 0.042_868_022).abs() < 1e-6, "{p}");
        let poisson = quasi_poisson_p(asb.0, asb.1, 1.0).unwrap();
        assert!((poisson - 0.015_225_023_43).abs() < 1e-7, "{poisson}");
        let all = (
            ALL_CRIME.1.iter().sum::<i64>(),
            ALL_CRIME.0.iter().sum::<i64>(),
        );
        assert_eq!(all, (26_348, 24_789));
        let p = quasi_poisson_p(all.0, all.1, 0.897_191_280_9).unwrap();
        assert!((p / 3.406_360_158e-13 - 1.0).abs() < 1e-4, "{p}");
    }

    #[test]
    fn a_flat_series_has_no_extra_variation_and_small_years_are_not_measured() {
        let flat = [100; 12];
        assert_eq!(seasonal_dispersion(&flat, &flat), Some(0.0));
        assert_eq!(seasonal_dispersion(&[4; 12], &[5; 12]), None);
        let mut one_month = [0; 12];
        one_month[3] = 200;
        assert_eq!(seasonal_dispersion(&one_month, &one_month), None);
        assert_eq!(quasi_poisson_p(0, 10, 1.5), None);
    }

    #[test]
    fn years_are_read_from_a_series_only_when_all_24_months_are_held() {
        let mut series: BTreeMap<u32, i64> = FinancialYear(2023)
            .months()
            .into_iter()
            .zip(ASB.0)
            .chain(FinancialYear(2024).months().into_iter().zip(ASB.1))
            .collect();
        let d = dispersion_of_years(&series, FinancialYear(2024)).unwrap();
        assert!((d - 1.436_434_075).abs() < 1e-8);
        assert_eq!(dispersion_of_years(&series, FinancialYear(2025)), None);
        series.remove(&202312);
        assert_eq!(dispersion_of_years(&series, FinancialYear(2024)), None);
    }

    #[test]
    fn an_operation_in_one_month_shows_as_over_dispersion() {
        let previous = [100; 12];
        let mut current = [100; 12];
        current[6] = 180;
        let d = seasonal_dispersion(&previous, &current).unwrap();
        // Pearson χ² 20.3 on 11 degrees of freedom.
        assert!((d - 1.845_238_095_238_093).abs() < 1e-9, "{d}");
    }
}
