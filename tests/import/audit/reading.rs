//! Turning what an export shows into relations: a table cell ("1,234", "<5", "*", "≥12",
//! "27.3%"), a sentence's numbers (each found by the words around it, as a reader finds
//! them, and then struck out so that any number left over — one the audit does not know
//! how to read — fails the audit), breakdown and ward tables, and bar charts.

use super::lp::q;
use super::outputs::{Export, Svg};
use super::relations::{Knowledge, Mark};

/// One published number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Token {
    Exact(i64),
    /// A percentage or one-decimal figure, in tenths.
    Tenths(i64),
    Small,
    Withheld,
    AtLeast(i64),
    Blank,
}

pub fn token(text: &str) -> Token {
    let t = text.trim().trim_end_matches('%').replace(',', "");
    if t.is_empty() || t == "–" {
        Token::Blank
    } else if t.starts_with('<') || t.starts_with("fewer than") {
        Token::Small
    } else if t == "*" {
        Token::Withheld
    } else if let Some(n) = t.strip_prefix('≥').or_else(|| t.strip_prefix("at least ")) {
        Token::AtLeast(n.parse().unwrap())
    } else if let Some((whole, tenth)) = t.split_once('.') {
        let sign = if whole.starts_with('-') || whole.starts_with('−') {
            -1
        } else {
            1
        };
        let whole: i64 = whole.trim_start_matches(['-', '−']).parse().unwrap();
        Token::Tenths(sign * (whole * 10 + tenth.parse::<i64>().unwrap()))
    } else {
        Token::Exact(
            t.parse()
                .unwrap_or_else(|_| panic!("not a number: {text:?}")),
        )
    }
}

/// A count as published.
pub fn count(k: &mut Knowledge, var: &str, text: &str, source: &str) {
    match token(text) {
        Token::Exact(n) | Token::AtLeast(n) => k.exact(var, n, source),
        Token::Small => k.hidden(var, Mark::Small),
        Token::Withheld => k.hidden(var, Mark::Withheld),
        Token::Blank => {}
        Token::Tenths(_) => panic!("{source}: a count of {var} reads {text:?}"),
    }
}

/// A share (percentage) of `part` in `whole` as published.
pub fn share(k: &mut Knowledge, part: &str, whole: &str, text: &str, source: &str) {
    match token(text) {
        Token::Tenths(t) => k.percent(&[part], &[whole], t, source),
        Token::Blank | Token::Withheld | Token::Small => {}
        other => panic!("{source}: a share of {part} reads {other:?}"),
    }
}

/// A breakdown table (label, count, share) whose "Total" row is `whole`: rows header
/// first, as in the CSV or the Word table.
pub fn breakdown(k: &mut Knowledge, rows: &[Vec<String>], prefix: &str, whole: &str, source: &str) {
    for row in rows.iter().skip(1) {
        let var = if row[0] == "Total" {
            whole.to_string()
        } else {
            format!("{prefix}:{}", row[0])
        };
        count(k, &var, &row[1], source);
        share(k, &var, whole, &row[2], source);
    }
}

/// A ward table (ward, count, share[, rate per 1,000 with the ward's population]).
pub fn wards(
    k: &mut Knowledge,
    rows: &[Vec<String>],
    prefix: &str,
    whole: &str,
    population: &[(&str, i64)],
    source: &str,
) {
    for row in rows.iter().skip(1) {
        let var = format!("{prefix}:{}", row[0]);
        count(k, &var, &row[1], source);
        share(k, &var, whole, &row[2], source);
        if let (Some(Token::Tenths(t)), Some((_, pop))) = (
            row.get(3).map(|r| token(r)),
            population.iter().find(|p| p.0 == row[0]),
        ) {
            // 10,000 · count / population within ±0.5 of the rate in tenths.
            k.scaled_between(
                &[(var.as_str(), q(20_000))],
                q((2 * t - 1) * pop),
                q((2 * t + 1) * pop),
                source,
            );
        }
    }
}

/// A bar chart of counts, one bar per variable.
pub fn count_bars(k: &mut Knowledge, svg: &Svg, vars: &[&str], source: &str) {
    let bars = svg.bars();
    assert_eq!(bars.len(), vars.len(), "{source}: bars {bars:?}");
    for (bar, var) in bars.iter().zip(vars) {
        if let Some(label) = &bar.label {
            count(k, var, label, source);
        }
        if let Some((lo, hi)) = &bar.height {
            k.between(
                var,
                lo.clone(),
                hi.clone(),
                &format!("{source}: bar height"),
            );
        }
    }
}

/// A bar chart of percentages, bar i = 100 · part i / whole i.
pub fn percent_bars(k: &mut Knowledge, svg: &Svg, pairs: &[(&str, &str)], source: &str) {
    let bars = svg.bars();
    assert_eq!(bars.len(), pairs.len(), "{source}: bars {bars:?}");
    for (bar, (part, whole)) in bars.iter().zip(pairs) {
        if let Some(label) = &bar.label {
            share(k, part, whole, label, source);
        }
        if let Some((lo, hi)) = &bar.height {
            let why = format!("{source}: bar height");
            k.ratio_between(&[part], &[whole], lo.clone(), hi.clone(), &why);
        }
    }
}

/// A paragraph being read: numbers are taken out as they are understood.
pub struct Sentence {
    pub text: String,
}

impl Sentence {
    pub fn new(text: &str) -> Sentence {
        // Numbers that are not counts of the theme: years, dates, p-values, fixed terms.
        let mut text = text.to_string();
        for fixed in [
            "within 12 months",
            "more than 90 days",
            "10,000 women aged 16",
            "p < 0.001",
            "p < 0.05",
        ] {
            text = text.replace(fixed, "");
        }
        Sentence { text }
    }

    /// The number just before `phrase` ("182 domestic abuse incidents", "fewer than 5
    /// were …", "27.5% of incidents"), struck out with the phrase.
    pub fn before(&mut self, phrase: &str) -> Option<Token> {
        let at = self.text.find(phrase)?;
        let head = self.text[..at].trim_end();
        let small = head.rfind("fewer than ").filter(|i| {
            head[i + 11..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',')
        });
        let (start, token) = match small {
            Some(i) => (i, Token::Small),
            None => {
                let start = head.rfind(' ').map_or(0, |i| i + 1);
                (start, token(head[start..].trim_start_matches('(')))
            }
        };
        self.text.replace_range(start..at + phrase.len(), "");
        Some(token)
    }

    /// The number just after `phrase` ("from 170", "by 12"), struck out with the phrase.
    pub fn after(&mut self, phrase: &str) -> Option<Token> {
        let at = self.text.find(phrase)?;
        let from = at + phrase.len();
        let rest = &self.text[from..];
        let len = rest.find([' ', ':', ')']).unwrap_or(rest.len());
        let token = token(
            rest[..len]
                .trim_start_matches('(')
                .trim_end_matches([',', '.']),
        );
        self.text.replace_range(at..from + len, "");
        Some(token)
    }

    /// The change sentence "… rose by 12 (7.1%), from 170 to 182: …": (from, to).
    pub fn change(&mut self) -> Option<(i64, i64)> {
        let _by = self.after(" by ")?;
        let _pct = self.after(" (")?;
        let (Some(Token::Exact(from)), Some(Token::Exact(to))) =
            (self.after("from "), self.after("to "))
        else {
            panic!("a change without its years' counts: {}", self.text);
        };
        let _p = self.after("p = ");
        Some((from, to))
    }

    /// Fails when a number is left that the audit did not read (financial years and
    /// dates are not counts).
    pub fn assert_all_read(&self) {
        let left: Vec<&str> = self
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_ascii_digit());
                let year = w.len() == 7 && w.as_bytes()[4] == b'/';
                let date = w.len() == 10 && w.as_bytes()[4] == b'-';
                !(year || date)
            })
            .collect();
        assert!(
            left.is_empty(),
            "numbers the audit cannot read: {left:?} in {:?}",
            self.text
        );
    }
}

/// True counts of a breakdown (`prefix:label`) adding up to `whole`.
pub fn split_truth(k: &mut Knowledge, whole: &str, prefix: &str, split: &[(&str, usize)]) {
    let names: Vec<String> = split.iter().map(|(l, _)| format!("{prefix}:{l}")).collect();
    for (name, (_, n)) in names.iter().zip(split) {
        k.truth(name, *n as i64);
    }
    let parts: Vec<&str> = names.iter().map(String::as_str).collect();
    k.sum(whole, &parts, prefix);
}

/// The section's paragraph containing `marker`, ready to be read.
pub fn summary(export: &Export, heading: &str, marker: &str) -> Sentence {
    let paragraph = export
        .section(heading)
        .paragraphs
        .iter()
        .find(|p| p.contains(marker))
        .unwrap_or_else(|| panic!("no paragraph with {marker:?} in {heading}"));
    Sentence::new(paragraph)
}

/// A number read from a sentence: a count of `var`, or a percentage of it in `whole`.
pub fn sentence_number(k: &mut Knowledge, var: &str, whole: &str, t: Option<Token>) {
    let source = "the summary paragraph";
    match t {
        Some(Token::Exact(n) | Token::AtLeast(n)) => k.exact(var, n, source),
        Some(Token::Small) => k.hidden(var, Mark::Small),
        Some(Token::Tenths(t)) => k.percent(&[var], &[whole], t, source),
        Some(other) => panic!("{var}: {other:?}"),
        None => {}
    }
}

/// The section's Word tables (caption, rows) and the CSV of `slugs` (given captions).
pub fn tables<'a>(
    export: &'a Export,
    heading: &str,
    slugs: &[(&str, &'a str)],
) -> Vec<(&'a str, &'a [Vec<String>], &'a str)> {
    let mut out: Vec<(&str, &[Vec<String>], &str)> = export
        .section(heading)
        .tables
        .iter()
        .map(|(c, rows)| (c.as_str(), rows.as_slice(), "the Word table"))
        .collect();
    for (slug, caption) in slugs {
        let (name, rows) = export.csv.get_key_value(*slug).expect("the table's CSV");
        out.push((caption, rows.as_slice(), name.as_str()));
    }
    out
}
