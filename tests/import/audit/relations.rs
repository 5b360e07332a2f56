//! What a reader knows about one sensitive theme after reading the whole export, as linear
//! relations over the theme's underlying counts (named variables, all ≥ 0): counts read
//! exactly, rounded percentages as intervals, bar heights as intervals, and the additive
//! structure any reader can see (a table's Total row, months adding up to the year,
//! referrals adding up to cases where they do). The audit then asks, for every count that
//! is hidden (shown "<5" or "*") or small and never printed, how narrow a range a reader
//! can pin it to, by exact linear programming after eliminating what is read exactly.
//!
//! A count from 1 to threshold − 1 read exactly anywhere fails at once. Interval
//! protection: the range (integers within the LP bounds) must be at least the threshold
//! wide, with nothing assumed beyond "counts are not negative". A second,
//! label-aware check also gives the reader the "<5" labels (1 to 4) and asks that every
//! such count can still be anything from 1 to 4.

use super::lp::{maximise, q, ratio, Optimum, Rel, Row, Q};
use num_traits::{ToPrimitive, Zero};
use std::collections::{BTreeMap, BTreeSet};

/// How an output showed a hidden count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// "<5": small.
    Small,
    /// "*": withheld (or suppressed at source).
    Withheld,
}

#[derive(Debug, Default)]
pub struct Knowledge {
    pub threshold: i64,
    names: Vec<String>,
    truth: Vec<i64>,
    rows: Vec<(Row, String)>,
    marks: BTreeMap<usize, Mark>,
    /// Variables read exactly somewhere (for the report of what was read).
    pub read: BTreeSet<String>,
}

impl Knowledge {
    pub fn new(threshold: i64) -> Knowledge {
        Knowledge {
            threshold,
            ..Knowledge::default()
        }
    }

    /// A count of the theme and its true value (from the crafted input).
    pub fn truth(&mut self, name: &str, value: i64) {
        assert!(!self.names.iter().any(|n| n == name), "{name} twice");
        self.names.push(name.into());
        self.truth.push(value);
    }

    pub fn value(&self, name: &str) -> i64 {
        self.truth[self.var(name)]
    }

    fn var(&self, name: &str) -> usize {
        self.names
            .iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("the audit has no count called {name:?}"))
    }

    fn relate(&mut self, terms: &[(&str, Q)], rel: Rel, rhs: Q, why: String) {
        let row = Row {
            terms: terms
                .iter()
                .map(|(n, a)| (self.var(n), a.clone()))
                .collect(),
            rel,
            rhs,
        };
        let lhs: Q = row
            .terms
            .iter()
            .map(|(j, a)| a.clone() * q(self.truth[*j]))
            .sum();
        let holds = match rel {
            Rel::Eq => lhs == row.rhs,
            Rel::Le => lhs <= row.rhs,
            Rel::Ge => lhs >= row.rhs,
        };
        assert!(holds, "the export says something untrue: {why}");
        self.rows.push((row, why));
    }

    /// The output printed `name` as exactly `n`.
    pub fn exact(&mut self, name: &str, n: i64, source: &str) {
        self.read.insert(name.into());
        self.relate(
            &[(name, q(1))],
            Rel::Eq,
            q(n),
            format!("{name} = {n} ({source})"),
        );
    }

    /// The output showed `name` hidden.
    pub fn hidden(&mut self, name: &str, mark: Mark) {
        let v = self.var(name);
        let entry = self.marks.entry(v).or_insert(mark);
        if mark == Mark::Small {
            *entry = Mark::Small;
        }
    }

    /// `whole = Σ parts`, as any reader sees.
    pub fn sum(&mut self, whole: &str, parts: &[&str], why: &str) {
        let mut terms: Vec<(&str, Q)> = parts.iter().map(|p| (*p, q(1))).collect();
        terms.push((whole, q(-1)));
        self.relate(
            &terms,
            Rel::Eq,
            q(0),
            format!("{whole} = Σ {parts:?} ({why})"),
        );
    }

    /// `small ≤ large`.
    pub fn at_most(&mut self, small: &str, large: &str) {
        self.relate(
            &[(small, q(1)), (large, q(-1))],
            Rel::Le,
            q(0),
            format!("{small} ≤ {large}"),
        );
    }

    /// `Σ part / Σ whole` printed as `tenths`/10 percent, rounded to one decimal.
    pub fn percent(&mut self, part: &[&str], whole: &[&str], tenths: i64, source: &str) {
        let why = format!(
            "{part:?} / {whole:?} = {}.{}% ({source})",
            tenths / 10,
            tenths % 10
        );
        self.ratio_between(
            part,
            whole,
            ratio(2 * tenths - 1, 20),
            ratio(2 * tenths + 1, 20),
            &why,
        );
    }

    /// `lo ≤ 100 · Σ part / Σ whole ≤ hi`.
    pub fn ratio_between(&mut self, part: &[&str], whole: &[&str], lo: Q, hi: Q, why: &str) {
        for (rel, k) in [(Rel::Ge, lo), (Rel::Le, hi)] {
            let mut terms: Vec<(&str, Q)> = part.iter().map(|p| (*p, q(100))).collect();
            terms.extend(whole.iter().map(|w| (*w, -k.clone())));
            self.relate(&terms, rel, q(0), why.to_string());
        }
    }

    /// `lo ≤ name ≤ hi` (e.g. read off a bar's height).
    pub fn between(&mut self, name: &str, lo: Q, hi: Q, source: &str) {
        let why = format!("{name} in [{lo}, {hi}] ({source})");
        self.relate(&[(name, q(1))], Rel::Ge, lo, why.clone());
        self.relate(&[(name, q(1))], Rel::Le, hi, why);
    }

    /// `lo ≤ Σ terms ≤ hi`: e.g. a rate per 1,000 times the (public) population.
    pub fn scaled_between(&mut self, terms: &[(&str, Q)], lo: Q, hi: Q, source: &str) {
        let why = format!("{terms:?} in [{lo}, {hi}] ({source})");
        self.relate(terms, Rel::Ge, lo, why.clone());
        self.relate(terms, Rel::Le, hi, why);
    }

    /// Every count that must be protected: hidden in some output, or small (a small count
    /// read exactly is a failure of its own).
    fn targets(&self) -> Vec<usize> {
        (0..self.names.len())
            .filter(|v| self.marks.contains_key(v) || (1..self.threshold).contains(&self.truth[*v]))
            .collect()
    }

    /// Failures of interval protection, one sentence each (empty: protected).
    pub fn failures(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .read
            .iter()
            .filter(|name| (1..self.threshold).contains(&self.value(name)))
            .map(|name| {
                format!(
                    "{name} (true value {}) is printed exactly",
                    self.value(name)
                )
            })
            .collect();
        let plain = self.solver(false);
        let labelled = self.solver(true);
        for v in self.targets() {
            let name = &self.names[v];
            let truth = self.truth[v];
            let (lo, hi) = plain.range(v);
            let width = hi.map(|h| h - lo);
            if width.is_some_and(|w| w < self.threshold) {
                out.push(format!(
                    "{name} (true value {truth}) can be pinned to {lo}..{} from what is published",
                    hi.unwrap_or(i64::MAX)
                ));
                continue;
            }
            if self.marks.get(&v) == Some(&Mark::Small) {
                let (lo, hi) = labelled.range(v);
                if lo > 1 || hi.is_some_and(|h| h < self.threshold - 1) {
                    out.push(format!(
                        "{name} (true value {truth}, shown \"<{}\") can be narrowed to {lo}..{}",
                        self.threshold,
                        hi.unwrap_or(i64::MAX)
                    ));
                }
            }
        }
        out
    }

    fn solver(&self, labels: bool) -> Solver {
        let mut rows: Vec<Row> = self.rows.iter().map(|(r, _)| r.clone()).collect();
        if labels {
            for (v, mark) in &self.marks {
                if *mark == Mark::Small {
                    rows.push(Row {
                        terms: vec![(*v, q(1))],
                        rel: Rel::Ge,
                        rhs: q(1),
                    });
                    rows.push(Row {
                        terms: vec![(*v, q(1))],
                        rel: Rel::Le,
                        rhs: q(self.threshold - 1),
                    });
                }
            }
        }
        Solver::new(self.names.len(), rows)
    }
}

/// The relations with everything read exactly substituted, ready for range questions.
struct Solver {
    known: BTreeMap<usize, Q>,
    rows: Vec<Row>,
}

impl Solver {
    fn new(variables: usize, rows: Vec<Row>) -> Solver {
        let mut known: BTreeMap<usize, Q> = BTreeMap::new();
        // Differencing: an equation with one unknown left gives it away.
        loop {
            let mut changed = false;
            for row in rows.iter().filter(|r| r.rel == Rel::Eq) {
                let (rest, unknown) = reduce(row, &known);
                if let [(j, a)] = unknown.as_slice() {
                    known.insert(*j, (row.rhs.clone() - rest) / a.clone());
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let rows = rows
            .iter()
            .filter_map(|row| {
                let (rest, unknown) = reduce(row, &known);
                (!unknown.is_empty()).then(|| Row {
                    terms: unknown,
                    rel: row.rel,
                    rhs: row.rhs.clone() - rest,
                })
            })
            .collect();
        let _ = variables;
        Solver { known, rows }
    }

    /// The integer range of variable `v`: (least, greatest or `None` when unbounded).
    fn range(&self, v: usize) -> (i64, Option<i64>) {
        if let Some(value) = self.known.get(&v) {
            let n = value.round().to_integer().to_i64().unwrap_or(i64::MAX);
            return (n, Some(n));
        }
        // Only the rows connected to v matter.
        let mut vars: BTreeSet<usize> = BTreeSet::from([v]);
        let mut picked = vec![false; self.rows.len()];
        loop {
            let mut changed = false;
            for (i, row) in self.rows.iter().enumerate() {
                if !picked[i] && row.terms.iter().any(|(j, _)| vars.contains(j)) {
                    picked[i] = true;
                    vars.extend(row.terms.iter().map(|(j, _)| *j));
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let index: BTreeMap<usize, usize> = vars.iter().enumerate().map(|(i, j)| (*j, i)).collect();
        let rows: Vec<Row> = self
            .rows
            .iter()
            .zip(&picked)
            .filter(|(_, p)| **p)
            .map(|(r, _)| Row {
                terms: r.terms.iter().map(|(j, a)| (index[j], a.clone())).collect(),
                rel: r.rel,
                rhs: r.rhs.clone(),
            })
            .collect();
        let target = index[&v];
        let low = match maximise(vars.len(), &rows, &[(target, q(-1))]) {
            Optimum::Value(m) => (-m).ceil().to_integer().to_i64().unwrap_or(0),
            other => panic!("the published relations are {other:?}"),
        };
        let high = match maximise(vars.len(), &rows, &[(target, q(1))]) {
            Optimum::Value(m) => Some(m.floor().to_integer().to_i64().unwrap_or(i64::MAX)),
            Optimum::Unbounded => None,
            Optimum::Infeasible => panic!("the published relations contradict each other"),
        };
        (low, high)
    }
}

/// (Σ known terms, unknown terms) of a row.
fn reduce(row: &Row, known: &BTreeMap<usize, Q>) -> (Q, Vec<(usize, Q)>) {
    let mut rest = Q::zero();
    let mut unknown: Vec<(usize, Q)> = Vec::new();
    for (j, a) in &row.terms {
        match known.get(j) {
            Some(value) => rest += a.clone() * value.clone(),
            None if !a.is_zero() => match unknown.iter_mut().find(|(k, _)| k == j) {
                Some(entry) => entry.1 += a.clone(),
                None => unknown.push((*j, a.clone())),
            },
            None => {}
        }
    }
    unknown.retain(|(_, a)| !a.is_zero());
    (rest, unknown)
}
