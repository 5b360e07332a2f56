//! The financial year and theme a command works on, from `--fy` and `--theme`: the
//! latest complete financial year unless one is given, all recorded crime unless a theme
//! key of `stats --json` is given. Errors are the analyst's sentences.

use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::default_year;
use crate::analysis::theme::Theme;
use crate::store::cube::CountCube;

/// The year `--fy` names, or the latest complete one.
pub fn year_of(cube: &CountCube, fy: Option<&str>) -> Result<FinancialYear, String> {
    match fy {
        Some(text) => FinancialYear::parse(text)
            .ok_or_else(|| format!("\"{text}\" is not a financial year (write it like 2024/25)")),
        None => default_year(&cube.months).ok_or_else(|| {
            "the assessment file has no complete financial year (April to March) of police data yet"
                .to_string()
        }),
    }
}

/// The theme `--theme` names by its key, or all recorded crime.
pub fn theme_of(cube: &CountCube, key: Option<&str>) -> Result<Theme, String> {
    let themes = Theme::all(&cube.groups);
    let key = key.unwrap_or("all_crime");
    themes.into_iter().find(|t| t.key() == key).ok_or_else(|| {
        let keys: Vec<String> = Theme::all(&cube.groups).iter().map(Theme::key).collect();
        format!("unknown theme {key} (one of: {})", keys.join(", "))
    })
}
