//! `csp-assessment indicators --db FILE [--json]`: every partner indicator the file holds,
//! with its unit, source and values by period (and area). The `--json` shape is a
//! contract: `{ "indicators": [ { "name", "unit", "source", "periods": [ { "period",
//! "value", "suppressed", "area_code" } ] } ] }`, periods in time order, quarters of
//! financial years as `YYYY/YY-Qn`, months `YYYY-MM`, financial years `YYYY/YY`.

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::action_plan::status::number;
use crate::analysis::partner::indicators::{indicator_listing, IndicatorListing};
use crate::store::Store;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
struct IndicatorsJson {
    indicators: Vec<IndicatorListing>,
}

/// `indicators`' words: the assessment file.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    Ok(Command::Indicators {
        db: args.need_db()?,
        json: args.json,
    })
}

pub fn run(db: &Path, json: bool) -> i32 {
    let rows = match Store::open_existing(db).and_then(|s| s.partner_rows()) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_REJECTED;
        }
    };
    let indicators = indicator_listing(&rows.indicators);
    if json {
        match serde_json::to_string_pretty(&IndicatorsJson { indicators }) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_REJECTED;
            }
        }
        return EXIT_OK;
    }
    if indicators.is_empty() {
        println!("The assessment file holds no partner indicators yet: import a partner's indicator table (Indicator, Period, Value, or one column per period) with import.");
    }
    for i in &indicators {
        let about: Vec<String> = [i.unit.clone(), i.source.clone()]
            .into_iter()
            .flatten()
            .collect();
        println!(
            "{}{}",
            i.name,
            if about.is_empty() {
                String::new()
            } else {
                format!(" ({})", about.join(", "))
            }
        );
        for p in &i.periods {
            let value = p.value.map_or_else(|| "withheld".to_string(), number);
            let area = p
                .area_code
                .as_deref()
                .map(|a| format!(" [{a}]"))
                .unwrap_or_default();
            println!("  {}{area}: {value}", p.period);
        }
    }
    EXIT_OK
}
