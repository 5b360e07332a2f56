//! Published counts in partner and indicator files: a whole number (with thousands
//! separators or Excel's `12.0`), or a value withheld for disclosure control (`*`, `<5`,
//! `[c]`, …) kept as written.

use super::ValueProblem;

/// A count as published: a number, or a value withheld for disclosure control.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CountValue {
    Count(u32),
    /// Suppressed in the source (`*`, `<5`, `[c]`, …); the text is kept as written.
    Suppressed(String),
}

impl CountValue {
    /// The number, when it was published.
    pub fn value(&self) -> Option<u32> {
        match self {
            CountValue::Count(n) => Some(*n),
            CountValue::Suppressed(_) => None,
        }
    }

    pub fn is_suppressed(&self) -> bool {
        matches!(self, CountValue::Suppressed(_))
    }
}

fn is_suppression_marker(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let small = lower
        .strip_prefix('<')
        .is_some_and(|n| !n.trim().is_empty() && n.trim().bytes().all(|b| b.is_ascii_digit()));
    small
        || matches!(
            lower.as_str(),
            "*" | "**"
                | "x"
                | "c"
                | "s"
                | "~"
                | "[c]"
                | "[x]"
                | "[s]"
                | ".."
                | "supp"
                | "suppressed"
        )
}

/// A non-negative whole number (`1,234` and Excel's `12.0` accepted), or a suppressed
/// published value. Blank is a problem: a missing count is not zero.
pub fn count(text: &str) -> Result<CountValue, ValueProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ValueProblem::Blank);
    }
    if is_suppression_marker(text) {
        return Ok(CountValue::Suppressed(text.to_string()));
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let whole = match digits.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') => {
            whole
        }
        Some(_) => return Err(ValueProblem::NotCount),
        None => digits,
    };
    if !thousands_grouped(whole) {
        return Err(ValueProblem::NotCount);
    }
    let value: u32 = whole
        .replace(',', "")
        .parse()
        .map_err(|_| ValueProblem::NotCount)?;
    if negative && value > 0 {
        return Err(ValueProblem::NegativeCount);
    }
    Ok(CountValue::Count(value))
}

/// Digits, optionally with commas between groups of three: `1234`, `1,234`, not `12,34`.
fn thousands_grouped(text: &str) -> bool {
    let mut groups = text.split(',');
    let first = groups.next().unwrap_or_default();
    let first_ok = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
    let grouped = !text.contains(',') || first.len() <= 3;
    first_ok && grouped && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}
