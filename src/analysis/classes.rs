//! Class breaks for choropleth maps: quantiles (equal numbers of areas per class) or Jenks
//! natural breaks (classes that minimise the spread within each class, by Fisher's exact
//! dynamic programme, as R's `classInt::classIntervals(style = "fisher")` computes them).
//!
//! Breaks are the upper bound of each class, ascending; the last is the maximum value. Pure.

use serde::Serialize;

/// How values are cut into classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum ClassMethod {
    #[default]
    Quantile,
    NaturalBreaks,
}

impl ClassMethod {
    pub fn label(self) -> &'static str {
        match self {
            ClassMethod::Quantile => "Quantiles",
            ClassMethod::NaturalBreaks => "Natural breaks (Jenks)",
        }
    }
}

/// Upper bounds of up to `classes` classes of the finite `values` (fewer when there are
/// fewer distinct values); empty when there are no finite values.
pub fn class_breaks(values: &[f64], classes: usize, method: ClassMethod) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let distinct = {
        let mut d = sorted.clone();
        d.dedup();
        d.len()
    };
    let k = classes.min(distinct);
    if k == 0 {
        return Vec::new();
    }
    let mut breaks = match method {
        ClassMethod::Quantile => quantile_breaks(&sorted, k),
        ClassMethod::NaturalBreaks => jenks_breaks(&sorted, k),
    };
    breaks.dedup();
    breaks
}

/// The class (0-based) of a value: the first class whose upper bound it does not exceed.
pub fn class_of(breaks: &[f64], value: f64) -> usize {
    breaks
        .iter()
        .position(|b| value <= *b)
        .unwrap_or(breaks.len().saturating_sub(1))
}

/// Upper bounds at the 1/k, 2/k, … quantiles (type 7, R's default), the last the maximum.
fn quantile_breaks(sorted: &[f64], k: usize) -> Vec<f64> {
    let n = sorted.len();
    (1..=k)
        .map(|i| {
            let h = (n - 1) as f64 * i as f64 / k as f64;
            let low = h.floor() as usize;
            let high = (low + 1).min(n - 1);
            let (a, b) = (sorted.get(low), sorted.get(high));
            match (a, b) {
                (Some(a), Some(b)) => a + (h - low as f64) * (b - a),
                _ => sorted.last().copied().unwrap_or(0.0),
            }
        })
        .collect()
}

/// Fisher–Jenks: for each number of classes j and each prefix of the sorted values, the
/// least total within-class sum of squares, then walk back the class starts. O(k·n²).
fn jenks_breaks(sorted: &[f64], k: usize) -> Vec<f64> {
    let n = sorted.len();
    // Prefix sums give any run's sum of squared deviations in O(1).
    let mut sum = vec![0.0; n + 1];
    let mut sum_sq = vec![0.0; n + 1];
    for (i, v) in sorted.iter().enumerate() {
        sum[i + 1] = sum[i] + v;
        sum_sq[i + 1] = sum_sq[i] + v * v;
    }
    // Sum of squared deviations of sorted[a..b].
    let ssd = |a: usize, b: usize| -> f64 {
        let count = (b - a) as f64;
        let s = sum[b] - sum[a];
        (sum_sq[b] - sum_sq[a]) - s * s / count
    };
    // cost[j][i]: best cost of the first i values in j + 1 classes; start[j][i]: where the
    // last of those classes begins.
    let mut cost = vec![vec![f64::INFINITY; n + 1]; k];
    let mut start = vec![vec![0usize; n + 1]; k];
    for (i, c) in cost[0].iter_mut().enumerate().skip(1) {
        *c = ssd(0, i);
    }
    for j in 1..k {
        for i in (j + 1)..=n {
            for s in j..i {
                let c = cost[j - 1][s] + ssd(s, i);
                if c < cost[j][i] {
                    cost[j][i] = c;
                    start[j][i] = s;
                }
            }
        }
    }
    let mut breaks = vec![0.0; k];
    let mut end = n;
    for j in (0..k).rev() {
        breaks[j] = sorted[end - 1];
        end = start[j][end];
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_breaks_find_obvious_groups() {
        let values = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 20.0, 21.0, 22.0];
        assert_eq!(
            class_breaks(&values, 3, ClassMethod::NaturalBreaks),
            vec![3.0, 12.0, 22.0]
        );
        // Order does not matter, and NaN is ignored.
        let shuffled = [22.0, 1.0, 12.0, f64::NAN, 3.0, 20.0, 2.0, 11.0, 10.0, 21.0];
        assert_eq!(
            class_breaks(&shuffled, 3, ClassMethod::NaturalBreaks),
            vec![3.0, 12.0, 22.0]
        );
    }

    #[test]
    fn natural_breaks_match_an_exhaustive_search() {
        let values = [0.0, 1.0, 1.5, 4.0, 4.2, 4.3, 9.0, 15.0, 15.5, 16.0, 30.0];
        let ssd = |run: &[f64]| {
            let mean = run.iter().sum::<f64>() / run.len() as f64;
            run.iter().map(|v| (v - mean).powi(2)).sum::<f64>()
        };
        let mut best = (f64::INFINITY, vec![]);
        let n = values.len();
        for a in 1..n {
            for b in (a + 1)..n {
                let cost = ssd(&values[..a]) + ssd(&values[a..b]) + ssd(&values[b..]);
                if cost < best.0 {
                    best = (cost, vec![values[a - 1], values[b - 1], values[n - 1]]);
                }
            }
        }
        assert_eq!(class_breaks(&values, 3, ClassMethod::NaturalBreaks), best.1);
    }

    #[test]
    fn quantiles_split_evenly_and_classes_are_found() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        let breaks = class_breaks(&values, 5, ClassMethod::Quantile);
        assert_eq!(breaks, vec![2.8, 4.6, 6.4, 8.2, 10.0]);
        assert_eq!(class_of(&breaks, 1.0), 0);
        assert_eq!(class_of(&breaks, 2.8), 0);
        assert_eq!(class_of(&breaks, 3.0), 1);
        assert_eq!(class_of(&breaks, 10.0), 4);
        assert_eq!(class_of(&breaks, 99.0), 4);
    }

    #[test]
    fn few_distinct_values_give_few_classes() {
        assert_eq!(
            class_breaks(&[5.0, 5.0, 5.0], 5, ClassMethod::NaturalBreaks),
            vec![5.0]
        );
        assert_eq!(
            class_breaks(&[0.0, 0.0, 7.0], 5, ClassMethod::Quantile).last(),
            Some(&7.0)
        );
        assert!(class_breaks(&[], 5, ClassMethod::Quantile).is_empty());
    }
}
