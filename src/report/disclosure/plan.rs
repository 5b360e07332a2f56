//! The disclosure plan of one sensitive theme for one export: every count the export may
//! publish about the theme — table cells and totals, counts and percentages in the text,
//! chart bars — is one named cell of one system, and every additive relation between them
//! ("the age bands add up to the incidents", "police and other-agency referrals add up to
//! the cases of the quarter") is a line `whole = Σ parts`, whichever output publishes it.
//! Suppression is decided once over the whole system, so a count hidden in one output is
//! hidden in every output, and no published number anywhere undoes it.
//!
//! Rules (threshold T, 5 by default):
//! - **primary**: a count from 1 to T − 1 is hidden (shown "<5"); so is a count a partner
//!   suppressed in its file and that is only partly known (its known part is shown as a
//!   lower bound "≥n" when it is T or more, else hidden as "*");
//! - **secondary**, repeated until nothing changes, for every line holding a hidden entry
//!   that needs protecting (a hidden count, or a small count the export never prints but a
//!   reader could derive): the line must not have exactly one unknown entry; and when its
//!   whole is published, the hidden parts must add up to T or more and include one that is
//!   not small — so that neither differencing nor the "<5" labels pin a hidden count down to
//!   a range narrower than T. The next entry hidden is the line's smallest published part of
//!   T or more, else its smallest published part, else its whole.
//!
//! Percentages and rates are published only where both their count and its base are, so
//! they add nothing a reader could not already compute. This module decides; the content
//! builders word the text, tables and charts from its answers and never print a number of
//! the theme that did not come through it.

use super::Shown;
use crate::analysis::rates::percent_of;
use crate::report::format::thousands;

/// A cell of a [`DisclosureSystem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellId(usize);

#[derive(Debug, Clone, PartialEq)]
struct PlanCell {
    key: String,
    /// The count, or for a partly suppressed-at-source count the part that is known.
    value: i64,
    /// The export prints this cell (or a share or rate of it) somewhere.
    printed: bool,
    /// Some of it was suppressed in the partner's file: `value` is a lower bound.
    at_least: bool,
}

/// The cells of one theme and the lines between them, before suppression.
#[derive(Debug, Clone, PartialEq)]
pub struct DisclosureSystem {
    threshold: i64,
    cells: Vec<PlanCell>,
    lines: Vec<(CellId, Vec<CellId>)>,
}

impl DisclosureSystem {
    pub fn new(threshold: i64) -> DisclosureSystem {
        DisclosureSystem {
            threshold,
            cells: Vec::new(),
            lines: Vec::new(),
        }
    }

    fn push(&mut self, key: String, value: i64, printed: bool, at_least: bool) -> CellId {
        self.cells.push(PlanCell {
            key,
            value,
            printed,
            at_least,
        });
        CellId(self.cells.len() - 1)
    }

    /// A count the export publishes (in a table, the text or a chart).
    pub fn cell(&mut self, key: impl Into<String>, value: i64) -> CellId {
        self.push(key.into(), value, true, false)
    }

    /// A count the export publishes whose source suppressed some of it: `known` is the sum
    /// of the parts the partner's file gives, so the count is at least that.
    pub fn partly_known(&mut self, key: impl Into<String>, known: i64, at_least: bool) -> CellId {
        self.push(key.into(), known, true, at_least)
    }

    /// A count the export never prints but a reader could work out from lines it is part
    /// of (the wards outside the top ten, the non-crime incidents of a month).
    pub fn unprinted(&mut self, key: impl Into<String>, value: i64) -> CellId {
        self.push(key.into(), value, false, false)
    }

    /// `whole = Σ parts` holds and a reader may use it.
    pub fn line(&mut self, whole: CellId, parts: &[CellId]) {
        self.lines.push((whole, parts.to_vec()));
    }

    /// `whole = Σ parts` when it holds in the data (e.g. referrals by source adding up to
    /// the cases discussed): a reader who guesses it must gain nothing either.
    pub fn line_if_it_holds(&mut self, whole: CellId, parts: &[CellId]) {
        let sum: i64 = parts.iter().map(|p| self.cells[p.0].value).sum();
        let exact =
            !self.cells[whole.0].at_least && parts.iter().all(|p| !self.cells[p.0].at_least);
        if exact && sum == self.cells[whole.0].value {
            self.line(whole, parts);
        }
    }

    pub fn value(&self, id: CellId) -> i64 {
        self.cells[id.0].value
    }

    /// Decide what may be published.
    pub fn plan(self) -> DisclosurePlan {
        let t = self.threshold;
        let n = self.cells.len();
        let is_small = |v: i64| v >= 1 && v < t;
        // hidden: unknown to a reader; guarded: its value must not be derivable.
        let mut hidden = vec![false; n];
        let mut guarded = vec![false; n];
        let mut small = vec![false; n];
        let mut reason = vec![Shown::Count(0); n];
        for (i, c) in self.cells.iter().enumerate() {
            reason[i] = if c.at_least {
                Shown::AtLeast(c.value)
            } else {
                Shown::Count(c.value)
            };
            if !c.printed {
                hidden[i] = true;
                guarded[i] = is_small(c.value);
                small[i] = is_small(c.value);
            } else if c.at_least && c.value < t {
                hidden[i] = true;
                guarded[i] = true;
                small[i] = c.value > 0;
                reason[i] = Shown::Withheld;
            } else if is_small(c.value) {
                hidden[i] = true;
                guarded[i] = true;
                small[i] = true;
                reason[i] = Shown::Suppressed;
            }
        }
        let primary = reason.iter().filter(|r| r.is_suppressed()).count();
        let mut secondary = 0;
        loop {
            let mut changed = false;
            for (whole, parts) in &self.lines {
                let entries = || parts.iter().copied().chain(std::iter::once(*whole));
                if !entries().any(|e| hidden[e.0] && guarded[e.0]) {
                    continue;
                }
                let unknown = entries().filter(|e| hidden[e.0]).count();
                let needs_more = if unknown == 1 {
                    true
                } else if !hidden[whole.0] {
                    let hidden_parts: Vec<CellId> =
                        parts.iter().copied().filter(|p| hidden[p.0]).collect();
                    let mass: i64 = hidden_parts.iter().map(|p| self.cells[p.0].value).sum();
                    mass < t || hidden_parts.iter().all(|p| small[p.0])
                } else {
                    false
                };
                if !needs_more {
                    continue;
                }
                let value = |p: &CellId| self.cells[p.0].value;
                let open: Vec<CellId> = parts.iter().copied().filter(|p| !hidden[p.0]).collect();
                let pick = open
                    .iter()
                    .filter(|p| value(p) >= t)
                    .min_by_key(|p| (value(p), p.0))
                    .or_else(|| open.iter().min_by_key(|p| (value(p) == 0, value(p), p.0)))
                    .copied()
                    .or((!hidden[whole.0]).then_some(*whole));
                if let Some(p) = pick {
                    hidden[p.0] = true;
                    guarded[p.0] = true;
                    reason[p.0] = Shown::Withheld;
                    secondary += 1;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        DisclosurePlan {
            threshold: t,
            keys: self.cells.into_iter().map(|c| c.key).collect(),
            shown: reason,
            primary,
            secondary,
        }
    }
}

/// What an export may publish of each cell of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct DisclosurePlan {
    threshold: i64,
    keys: Vec<String>,
    shown: Vec<Shown>,
    /// Counts hidden because they are small (or partly suppressed at source).
    pub primary: usize,
    /// Counts hidden so that a hidden one cannot be worked out.
    pub secondary: usize,
}

impl DisclosurePlan {
    pub fn threshold(&self) -> i64 {
        self.threshold
    }

    /// How the cell may be shown.
    pub fn shown(&self, id: CellId) -> Shown {
        self.shown.get(id.0).copied().unwrap_or(Shown::Withheld)
    }

    /// The exact count, when it may be published.
    pub fn exact(&self, id: CellId) -> Option<i64> {
        match self.shown(id) {
            Shown::Count(n) => Some(n),
            _ => None,
        }
    }

    /// The cell in a table: "1,234", "≥1,234", "<5" or "*".
    pub fn text(&self, id: CellId) -> String {
        self.shown(id).text(self.threshold, thousands)
    }

    /// The cell in a sentence: "1,234", "at least 1,234", "fewer than 5", or `None` when
    /// it is withheld (the sentence must then be left out or reworded).
    pub fn words(&self, id: CellId) -> Option<String> {
        match self.shown(id) {
            Shown::Count(n) => Some(thousands(n)),
            Shown::AtLeast(n) => Some(format!("at least {}", thousands(n))),
            Shown::Suppressed => Some(format!("fewer than {}", self.threshold)),
            Shown::Withheld => None,
        }
    }

    /// `part` as a percentage of `whole` (one decimal), when both are published exactly.
    pub fn share(&self, part: CellId, whole: CellId) -> Option<f64> {
        percent_of(self.exact(part)?, self.exact(whole)?)
    }

    /// The height of the cell's bar in a chart; `None` draws it as a suppressed bar.
    pub fn bar(&self, id: CellId) -> Option<f64> {
        self.exact(id).map(|n| n as f64)
    }

    /// Cells hidden (primary and secondary), with their keys, for notes and tests.
    pub fn hidden_keys(&self) -> Vec<&str> {
        self.keys
            .iter()
            .zip(&self.shown)
            .filter(|(_, s)| s.is_suppressed())
            .map(|(k, _)| k.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn system(values: &[i64]) -> (DisclosureSystem, Vec<CellId>) {
        let mut s = DisclosureSystem::new(5);
        let ids = values
            .iter()
            .enumerate()
            .map(|(i, v)| s.cell(format!("c{i}"), *v))
            .collect();
        (s, ids)
    }

    #[test]
    fn a_small_part_of_a_published_whole_takes_a_partner_that_is_not_small() {
        let (mut s, c) = system(&[182, 12, 4, 80, 86]);
        s.line(c[0], &c[1..]);
        let p = s.plan();
        assert_eq!(p.shown(c[2]), Shown::Suppressed);
        assert_eq!(p.shown(c[1]), Shown::Withheld);
        assert_eq!(p.exact(c[0]), Some(182));
        assert_eq!(p.share(c[1], c[0]), None, "no share of a hidden count");
        assert_eq!(p.words(c[2]).as_deref(), Some("fewer than 5"));
    }

    #[test]
    fn two_small_parts_whose_sum_is_small_take_a_third() {
        // Both under-18 bands "<5" and 182 − 178 = 4 would give their sum.
        let (mut s, c) = system(&[182, 1, 3, 40, 138]);
        s.line(c[0], &c[1..]);
        let p = s.plan();
        assert_eq!(p.hidden_keys(), vec!["c1", "c2", "c3"]);
    }

    #[test]
    fn a_count_hidden_in_one_line_is_protected_in_every_line_it_is_in() {
        // Quarters × (police, other) with cases per quarter and the year's totals.
        let mut s = DisclosureSystem::new(40);
        let cases = [s.cell("cases q1", 119), s.cell("cases q2", 150)];
        let police = [s.cell("police q1", 81), s.cell("police q2", 100)];
        let other = [s.cell("other q1", 38), s.cell("other q2", 50)];
        let police_year = s.cell("police", 181);
        let other_year = s.cell("other", 88);
        for q in 0..2 {
            s.line_if_it_holds(cases[q], &[police[q], other[q]]);
        }
        s.line(police_year, &police);
        s.line(other_year, &other);
        let p = s.plan();
        for id in [police[0], police[1], other[0], other[1]] {
            assert!(p.shown(id).is_suppressed(), "{:?}", p.hidden_keys());
        }
        assert_eq!(p.exact(cases[0]), Some(119));
    }

    #[test]
    fn a_small_count_never_printed_but_derivable_is_protected() {
        // 10 incidents of which 8 crimes: the 2 non-crimes would be 10 − 8.
        let mut s = DisclosureSystem::new(5);
        let incidents = s.cell("incidents", 10);
        let crimes = s.cell("crimes", 8);
        let non_crimes = s.unprinted("non-crimes", 2);
        s.line(incidents, &[crimes, non_crimes]);
        let p = s.plan();
        assert_eq!(p.shown(crimes), Shown::Withheld);
        // A large remainder that is never printed protects a hidden part for free.
        let mut s = DisclosureSystem::new(5);
        let total = s.cell("all", 100);
        let listed = s.cell("ward", 3);
        let rest = s.unprinted("other wards", 97);
        s.line(total, &[listed, rest]);
        let p = s.plan();
        assert_eq!(p.exact(total), Some(100));
        assert_eq!(p.hidden_keys(), vec!["ward"]);
    }

    #[test]
    fn counts_partly_suppressed_at_source_are_lower_bounds_never_zero() {
        let mut s = DisclosureSystem::new(5);
        let total = s.partly_known("total", 48, true);
        let none_known = s.partly_known("alcohol", 0, true);
        let rest = [s.cell("opiate", 20), s.cell("other", 28)];
        s.line(total, &[none_known, rest[0], rest[1]]);
        let p = s.plan();
        assert_eq!(p.text(total), "≥48");
        assert_eq!(p.words(total).as_deref(), Some("at least 48"));
        assert_eq!(p.text(none_known), "*");
        assert_eq!(p.exact(total), None, "a lower bound is not a count");
        assert!(p.shown(rest[0]).is_suppressed());
    }
}
