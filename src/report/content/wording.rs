//! Sentences shared by the sections and the executive summary: a change on an earlier
//! year with whether it is real, and how concentrated a theme is in the area's wards —
//! worded for the area as it is (five busiest of many wards, or "the two wards").

use crate::analysis::change::ChangeTest;
use crate::analysis::overview::{ThemeOverview, TOP_N};
use crate::report::numbers::{count, how_many, list_in_words, percent, signed_percent};

/// What the report knows of the area's shape, for sentences that depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// An area of interest filters the counts (incidents with no location are outside it).
    pub is_filtered: bool,
    /// Wards in the area (0 without a ward lookup).
    pub wards: usize,
}

/// "1,559 more than in 2023/24 (+6.3%), a real rise rather than chance variation".
pub fn change_clause(test: &ChangeTest, earlier: &str) -> String {
    let (amount, direction) = match test.change {
        c if c > 0 => (count(c), "more"),
        c if c < 0 => (count(-c), "fewer"),
        _ => return format!("the same as in {earlier}"),
    };
    let pct = test
        .change_pct
        .map_or_else(String::new, |p| format!(" ({})", signed_percent(p)));
    let verdict = match (test.significant, test.change > 0) {
        (true, true) => "a real rise rather than chance variation",
        (true, false) => "a real fall rather than chance variation",
        (false, _) => "within normal year-to-year variation, so not a real change",
    };
    format!("{amount} {direction} than in {earlier}{pct}, {verdict}")
}

/// True when a theme's top wards are the busiest few of more (five of many wards), so a
/// sentence about "the five busiest wards" means something; false when they are all the
/// wards of the area, or all the wards with any incident.
pub fn lists_busiest_few(f: &ThemeOverview, place: Place) -> bool {
    f.top_wards.len() == TOP_N && place.wards > TOP_N
}

/// How a theme's incidents are spread over the area's wards, or `None` when the wards
/// cannot say (no lookup, one ward, or no incidents placed in a ward).
pub fn ward_concentration(f: &ThemeOverview, place: Place, what: &str) -> Option<String> {
    let top = f.top_wards.first()?;
    if f.total == 0 || place.wards < 2 {
        return None;
    }
    if lists_busiest_few(f, place) {
        let names: Vec<String> = f.top_wards.iter().map(|w| w.name.clone()).collect();
        let share = f.top5_share_pct?;
        return Some(format!(
            "The {} busiest wards ({}) hold {} of {what}.",
            how_many(f.top_wards.len()),
            list_in_words(&names),
            percent(share)
        ));
    }
    Some(format!(
        "Of the {} wards, {} holds {} of {what}.",
        how_many(place.wards),
        top.name,
        percent(top.share_pct)
    ))
}

/// How concentrated a theme is in neighbourhoods (LSOAs), when the file can say.
pub fn neighbourhood_concentration(f: &ThemeOverview) -> Option<String> {
    let decile = f.lsoa_top_decile_share_pct?;
    Some(format!(
        "The busiest tenth of neighbourhoods (LSOAs) hold {}: {}.",
        percent(decile),
        if decile >= 30.0 {
            "a concentrated pattern that place-based work can target"
        } else {
            "a spread-out pattern"
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::change::test_change;

    #[test]
    fn changes_say_their_direction_size_and_verdict() {
        assert_eq!(
            change_clause(&test_change(26348, 24789), "2023/24"),
            "1,559 more than in 2023/24 (+6.3%), a real rise rather than chance variation"
        );
        assert_eq!(
            change_clause(&test_change(98, 100), "2023/24"),
            "2 fewer than in 2023/24 (\u{2212}2.0%), within normal year-to-year variation, so not a real change"
        );
    }
}
