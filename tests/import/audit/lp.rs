//! A small exact linear-programming solver for the disclosure audit: two-phase simplex
//! over big rationals with Bland's rule (so it cannot cycle), variables ≥ 0. It answers
//! one question — how far can this variable go, given everything published? — so it has
//! only `maximise`, and a minimum is the maximum of the negation.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

pub type Q = BigRational;

pub fn q(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

/// `numerator / denominator`.
pub fn ratio(numerator: i64, denominator: i64) -> Q {
    Q::new(BigInt::from(numerator), BigInt::from(denominator))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Le,
    Ge,
    Eq,
}

/// `Σ coefficient·x (rel) rhs`.
#[derive(Debug, Clone)]
pub struct Row {
    pub terms: Vec<(usize, Q)>,
    pub rel: Rel,
    pub rhs: Q,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Optimum {
    Infeasible,
    Unbounded,
    Value(Q),
}

/// The maximum of `Σ objective·x` subject to `rows` and x ≥ 0 (`variables` of them).
pub fn maximise(variables: usize, rows: &[Row], objective: &[(usize, Q)]) -> Optimum {
    // Columns: variables, then one slack per inequality, then one artificial per row.
    let m = rows.len();
    let slacks: Vec<Option<usize>> = {
        let mut next = variables;
        rows.iter()
            .map(|r| {
                (r.rel != Rel::Eq).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    };
    let first_artificial = variables + slacks.iter().flatten().count();
    let columns = first_artificial + m;
    let mut t: Vec<Vec<Q>> = vec![vec![Q::zero(); columns + 1]; m];
    let mut basis = vec![0usize; m];
    for (i, r) in rows.iter().enumerate() {
        for (j, a) in &r.terms {
            t[i][*j] += a.clone();
        }
        if let Some(s) = slacks[i] {
            t[i][s] = if r.rel == Rel::Le {
                Q::one()
            } else {
                -Q::one()
            };
        }
        t[i][columns] = r.rhs.clone();
        if t[i][columns].is_negative() {
            for v in t[i].iter_mut() {
                *v = -v.clone();
            }
        }
        t[i][first_artificial + i] = Q::one();
        basis[i] = first_artificial + i;
    }
    // Phase 1: drive the artificials to zero.
    let mut phase_one = vec![Q::zero(); columns];
    for c in phase_one.iter_mut().skip(first_artificial) {
        *c = -Q::one();
    }
    if simplex(&mut t, &mut basis, &phase_one, columns) != Some(true) {
        return Optimum::Infeasible;
    }
    let infeasibility: Q = (0..m)
        .filter(|i| basis[*i] >= first_artificial)
        .map(|i| t[i][columns].clone())
        .sum();
    if infeasibility.is_positive() {
        return Optimum::Infeasible;
    }
    // Artificials left in the basis at zero: pivot them out, or drop a redundant row.
    let mut i = 0;
    while i < t.len() {
        if basis[i] >= first_artificial {
            match (0..first_artificial).find(|j| !t[i][*j].is_zero()) {
                Some(j) => pivot(&mut t, &mut basis, i, j),
                None => {
                    t.remove(i);
                    basis.remove(i);
                    continue;
                }
            }
        }
        i += 1;
    }
    for row in t.iter_mut() {
        for v in row.iter_mut().take(columns).skip(first_artificial) {
            *v = Q::zero();
        }
    }
    let mut costs = vec![Q::zero(); columns];
    for (j, c) in objective {
        costs[*j] += c.clone();
    }
    match simplex(&mut t, &mut basis, &costs, first_artificial) {
        Some(true) => Optimum::Value(
            basis
                .iter()
                .zip(&t)
                .map(|(b, row)| costs[*b].clone() * row[columns].clone())
                .sum(),
        ),
        Some(false) => Optimum::Unbounded,
        None => Optimum::Infeasible,
    }
}

/// Maximise `costs` from the current feasible basis, entering only columns below
/// `allowed`. `Some(true)` optimal, `Some(false)` unbounded.
fn simplex(t: &mut [Vec<Q>], basis: &mut [usize], costs: &[Q], allowed: usize) -> Option<bool> {
    let rhs = t.first().map_or(0, |r| r.len() - 1);
    loop {
        let entering = (0..allowed).find(|j| {
            let reduced = costs[*j].clone()
                - basis
                    .iter()
                    .zip(t.iter())
                    .map(|(b, row)| costs[*b].clone() * row[*j].clone())
                    .sum::<Q>();
            reduced.is_positive()
        });
        let Some(j) = entering else {
            return Some(true);
        };
        let leaving = (0..t.len())
            .filter(|i| t[*i][j].is_positive())
            .min_by(|a, b| {
                let ra = t[*a][rhs].clone() / t[*a][j].clone();
                let rb = t[*b][rhs].clone() / t[*b][j].clone();
                ra.cmp(&rb).then(basis[*a].cmp(&basis[*b]))
            });
        let Some(i) = leaving else {
            return Some(false);
        };
        pivot(t, basis, i, j);
    }
}

fn pivot(t: &mut [Vec<Q>], basis: &mut [usize], i: usize, j: usize) {
    let p = t[i][j].clone();
    for v in t[i].iter_mut() {
        *v = v.clone() / p.clone();
    }
    let pivot_row = t[i].clone();
    for (k, row) in t.iter_mut().enumerate() {
        if k == i || row[j].is_zero() {
            continue;
        }
        let f = row[j].clone();
        for (v, pv) in row.iter_mut().zip(&pivot_row) {
            if !pv.is_zero() {
                *v = v.clone() - f.clone() * pv.clone();
            }
        }
    }
    basis[i] = j;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(terms: &[(usize, i64)], rel: Rel, rhs: i64) -> Row {
        Row {
            terms: terms.iter().map(|(j, a)| (*j, q(*a))).collect(),
            rel,
            rhs: q(rhs),
        }
    }

    #[test]
    fn ranges_of_a_small_system() {
        // x + y = 4, x ≤ 3: x ∈ [0, 3], y ∈ [1, 4].
        let rows = [
            row(&[(0, 1), (1, 1)], Rel::Eq, 4),
            row(&[(0, 1)], Rel::Le, 3),
        ];
        assert_eq!(maximise(2, &rows, &[(0, q(1))]), Optimum::Value(q(3)));
        assert_eq!(maximise(2, &rows, &[(1, q(-1))]), Optimum::Value(q(-1)));
        assert_eq!(maximise(2, &rows[1..], &[(1, q(1))]), Optimum::Unbounded);
        let contradiction = [row(&[(0, 1)], Rel::Ge, 5), row(&[(0, 1)], Rel::Le, 3)];
        assert_eq!(
            maximise(1, &contradiction, &[(0, q(1))]),
            Optimum::Infeasible
        );
        // 1000·x ∈ [65.5·182, 66.5·182]: x ∈ [11.921, 12.103].
        let pct = [
            Row {
                terms: vec![(0, q(1000))],
                rel: Rel::Ge,
                rhs: ratio(655 * 182, 10),
            },
            Row {
                terms: vec![(0, q(1000))],
                rel: Rel::Le,
                rhs: ratio(665 * 182, 10),
            },
        ];
        assert_eq!(
            maximise(1, &pct, &[(0, q(1))]),
            Optimum::Value(ratio(665 * 182, 10_000))
        );
    }
}
