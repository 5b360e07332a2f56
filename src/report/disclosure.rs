//! Disclosure control for exported tables: small counts (1 to threshold − 1, "<5" by
//! default) are suppressed, and then — secondary suppression — every published total that
//! would let a reader recompute a suppressed cell gets a second suppressed entry beside it.
//!
//! The table is a count matrix with optional row totals, column totals and a grand total.
//! Each published total is a constraint "cells of the line add up to the total"; a line
//! with exactly one suppressed entry (cell or total) gives it away, so the smallest other
//! published entry of that line is suppressed too, repeated until no line has exactly one.
//! This is the standard "at least two per line" rule used for published crime and health
//! tables. Zero is never primary-suppressed (nothing to protect), but may be chosen as the
//! complementary cell when nothing else is left. Exports only; the screen shows counts.
//!
//! This table-by-table rule serves the police ward and LSOA tables. Sensitive partner
//! themes are planned as one system per export instead (see [`plan`]), so that numbers in
//! the text, charts and other tables cannot undo a suppression.

pub mod plan;

/// Default: counts 1–4 are shown as "<5".
pub const DEFAULT_THRESHOLD: i64 = 5;

/// A table of counts before suppression.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CountMatrix {
    /// `cells[row][column]`; every row the same length.
    pub cells: Vec<Vec<i64>>,
    /// Each row's total is published (a "Total" column).
    pub row_totals: bool,
    /// Each column's total is published (a "Total" row).
    pub column_totals: bool,
}

/// What an export may show of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(i64),
    /// Small (1 to threshold − 1): shown as "<5".
    Suppressed,
    /// Not small, hidden so that a small one cannot be worked out: shown as "*".
    Withheld,
    /// Part of the count was suppressed in the partner's file: at least this many,
    /// shown as "≥12" (never as the known part alone, which would understate it).
    AtLeast(i64),
}

impl Shown {
    /// Hidden: "<5" or "*" (a lower bound is published).
    pub fn is_suppressed(self) -> bool {
        matches!(self, Shown::Suppressed | Shown::Withheld)
    }

    /// The text of the entry: the count, "<5" for a small count (threshold 5), or "*".
    pub fn text(self, threshold: i64, format: impl Fn(i64) -> String) -> String {
        match self {
            Shown::Count(n) => format(n),
            Shown::Suppressed => format!("<{threshold}"),
            Shown::Withheld => WITHHELD.to_string(),
            Shown::AtLeast(n) => format!("≥{}", format(n)),
        }
    }
}

/// What is shown for an entry hidden to protect a small one (and for shares and rates of
/// rows with a hidden count).
pub const WITHHELD: &str = "*";

/// The matrix as it may be published.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppressed {
    pub cells: Vec<Vec<Shown>>,
    /// One per row when row totals are published, else empty.
    pub row_totals: Vec<Shown>,
    /// One per column when column totals are published, else empty.
    pub column_totals: Vec<Shown>,
    /// The grand total, when both margins are published.
    pub grand_total: Option<Shown>,
    /// Entries suppressed because they were small.
    pub primary: usize,
    /// Entries suppressed so that a small one cannot be recomputed.
    pub secondary: usize,
}

/// Entry positions in the matrix augmented with its margins: `(row, column)` where row
/// `rows` is the column-totals row and column `columns` the row-totals column.
type Pos = (usize, usize);

pub fn suppress(matrix: &CountMatrix, threshold: i64) -> Suppressed {
    let rows = matrix.cells.len();
    let columns = matrix.cells.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: usize, c: usize| -> i64 {
        matrix
            .cells
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .unwrap_or(0)
    };
    // Augmented values: cells, row totals (column `columns`), column totals (row `rows`).
    let mut value = vec![vec![0i64; columns + 1]; rows + 1];
    for (r, row) in value.iter_mut().enumerate().take(rows) {
        for (c, v) in row.iter_mut().enumerate().take(columns) {
            *v = cell(r, c);
        }
        row[columns] = (0..columns).map(|c| cell(r, c)).sum();
    }
    let column_totals: Vec<i64> = (0..=columns)
        .map(|c| value.iter().take(rows).map(|row| row[c]).sum())
        .collect();
    value[rows] = column_totals;
    let published = |(r, c): Pos| -> bool {
        match (r == rows, c == columns) {
            (false, false) => true,
            (false, true) => matrix.row_totals,
            (true, false) => matrix.column_totals,
            (true, true) => matrix.row_totals && matrix.column_totals,
        }
    };
    let is_small = |n: i64| n >= 1 && n < threshold;
    let mut hidden = vec![vec![false; columns + 1]; rows + 1];
    let mut small = vec![vec![false; columns + 1]; rows + 1];
    let mut primary = 0;
    for r in 0..=rows {
        for c in 0..=columns {
            if published((r, c)) && is_small(value[r][c]) {
                hidden[r][c] = true;
                small[r][c] = true;
                primary += 1;
            }
        }
    }
    // Constraint lines: each published row total with its row's cells, each published
    // column total with its column's cells (the margins themselves form lines with the
    // grand total when it is published).
    let mut lines: Vec<Vec<Pos>> = Vec::new();
    if matrix.row_totals {
        for r in 0..rows {
            lines.push((0..=columns).map(|c| (r, c)).collect());
        }
    }
    if matrix.column_totals {
        for c in 0..columns {
            lines.push((0..=rows).map(|r| (r, c)).collect());
        }
    }
    if matrix.row_totals && matrix.column_totals {
        lines.push((0..=rows).map(|r| (r, columns)).collect());
        lines.push((0..=columns).map(|c| (rows, c)).collect());
    }
    let mut secondary = 0;
    loop {
        let mut changed = false;
        for line in &lines {
            let hidden_here = line.iter().filter(|(r, c)| hidden[*r][*c]).count();
            if hidden_here != 1 {
                continue;
            }
            // The smallest published entry left, preferring a non-zero one.
            let pick = line
                .iter()
                .filter(|(r, c)| !hidden[*r][*c])
                .min_by_key(|(r, c)| (value[*r][*c] == 0, value[*r][*c], *r, *c));
            if let Some((r, c)) = pick {
                hidden[*r][*c] = true;
                secondary += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let shown = |r: usize, c: usize| match (hidden[r][c], small[r][c]) {
        (true, true) => Shown::Suppressed,
        (true, false) => Shown::Withheld,
        _ => Shown::Count(value[r][c]),
    };
    Suppressed {
        cells: (0..rows)
            .map(|r| (0..columns).map(|c| shown(r, c)).collect())
            .collect(),
        row_totals: if matrix.row_totals {
            (0..rows).map(|r| shown(r, columns)).collect()
        } else {
            Vec::new()
        },
        column_totals: if matrix.column_totals {
            (0..columns).map(|c| shown(rows, c)).collect()
        } else {
            Vec::new()
        },
        grand_total: (matrix.row_totals && matrix.column_totals).then(|| shown(rows, columns)),
        primary,
        secondary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hidden(s: &Suppressed) -> Vec<Vec<bool>> {
        s.cells
            .iter()
            .map(|row| row.iter().map(|c| c.is_suppressed()).collect())
            .collect()
    }

    #[test]
    fn small_counts_are_suppressed_and_zero_and_five_are_not() {
        let m = CountMatrix {
            cells: vec![vec![0], vec![1], vec![4], vec![5], vec![40]],
            ..CountMatrix::default()
        };
        let s = suppress(&m, 5);
        assert_eq!(
            hidden(&s),
            vec![
                vec![false],
                vec![true],
                vec![true],
                vec![false],
                vec![false]
            ]
        );
        assert_eq!((s.primary, s.secondary), (2, 0));
        assert_eq!(s.cells[1][0].text(5, |n| n.to_string()), "<5");
    }

    #[test]
    fn a_lone_small_cell_beside_a_total_takes_the_next_smallest_with_it() {
        // Victims by sex with a total: 3 would be 120 − 70 − 47.
        let m = CountMatrix {
            cells: vec![vec![70], vec![47], vec![3]],
            row_totals: false,
            column_totals: true,
        };
        let s = suppress(&m, 5);
        assert_eq!(hidden(&s), vec![vec![false], vec![true], vec![true]]);
        assert_eq!(s.column_totals, vec![Shown::Count(120)]);
        assert_eq!((s.primary, s.secondary), (1, 1));
    }

    #[test]
    fn secondary_suppression_runs_across_rows_and_columns() {
        // Ward × year with both margins. The 2 forces a partner in its row and its
        // column; those force partners in their own lines in turn.
        let m = CountMatrix {
            cells: vec![vec![2, 30, 40], vec![25, 35, 45], vec![50, 60, 70]],
            row_totals: true,
            column_totals: true,
        };
        let s = suppress(&m, 5);
        assert_eq!(s.primary, 1);
        assert!(s.secondary >= 3);
        assert_eq!(s.grand_total, Some(Shown::Count(357)));
        assert_no_line_has_a_single_suppression(&m, &s);
    }

    #[test]
    fn a_small_total_is_itself_suppressed_and_protected() {
        // Row total 3 (1 + 2): both cells and the total are small.
        let m = CountMatrix {
            cells: vec![vec![1, 2], vec![10, 20]],
            row_totals: true,
            column_totals: false,
        };
        let s = suppress(&m, 5);
        assert_eq!(s.row_totals, vec![Shown::Suppressed, Shown::Count(30)]);
        assert_eq!(hidden(&s), vec![vec![true, true], vec![false, false]]);
    }

    #[test]
    fn with_no_other_cell_left_the_total_goes() {
        let m = CountMatrix {
            cells: vec![vec![3]],
            row_totals: false,
            column_totals: true,
        };
        let s = suppress(&m, 5);
        assert_eq!(s.column_totals, vec![Shown::Suppressed]);
    }

    fn assert_no_line_has_a_single_suppression(m: &CountMatrix, s: &Suppressed) {
        let rows = m.cells.len();
        let columns = m.cells.first().map_or(0, Vec::len);
        if m.row_totals {
            for r in 0..rows {
                let n = s.cells[r].iter().filter(|c| c.is_suppressed()).count()
                    + usize::from(s.row_totals[r].is_suppressed());
                assert_ne!(n, 1, "row {r} gives its suppressed entry away: {s:?}");
            }
        }
        if m.column_totals {
            for c in 0..columns {
                let n = (0..rows).filter(|r| s.cells[*r][c].is_suppressed()).count()
                    + usize::from(s.column_totals[c].is_suppressed());
                assert_ne!(n, 1, "column {c} gives its suppressed entry away: {s:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn no_published_line_ever_reveals_a_single_suppressed_entry(
            cells in proptest::collection::vec(proptest::collection::vec(0i64..30, 3), 1..6),
            row_totals: bool,
            column_totals: bool,
        ) {
            let m = CountMatrix { cells, row_totals, column_totals };
            let s = suppress(&m, 5);
            assert_no_line_has_a_single_suppression(&m, &s);
            // Every small published count is hidden.
            for (r, row) in m.cells.iter().enumerate() {
                for (c, n) in row.iter().enumerate() {
                    if (1..5).contains(n) {
                        prop_assert!(s.cells[r][c].is_suppressed());
                    }
                }
            }
        }
    }
}
