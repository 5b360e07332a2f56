//! `csp-assessment stats --db FILE [--fy 2023/24] [--json]`: the Overview figures of every
//! theme for a financial year in the area of interest. The JSON fields listed in the README
//! (`financial_year`, `themes.all_crime`/`themes.asb` with `total`, `previous_total`,
//! `change`, `change_pct`, `change_significant`, `rate_per_1000`, `trend`, `months`,
//! `by_type`, `top_wards`, `top5_share_pct`, `unlocated`) are a contract, as are the
//! partner themes `themes.domestic_abuse`, `themes.marac`, `themes.asb_cases` and
//! `themes.treatment` (present only when the file holds that source).

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::{default_year, theme_overview, ThemeOverview};
use crate::analysis::partner::{
    latest_complete_partner_year, partner_headlines, PartnerArea, PartnerFigures, PartnerHeadlines,
    PartnerInputs,
};
use crate::analysis::theme::Theme;
use crate::report::format::thousands;
use crate::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Serialize)]
struct StatsJson {
    financial_year: String,
    area: String,
    population: Option<f64>,
    /// Whose residents `population` counts, in a sentence.
    population_basis: Option<String>,
    themes: ThemesJson,
}

/// Police themes by key, and the partner themes the file holds beside them.
#[derive(Serialize)]
struct ThemesJson {
    #[serde(flatten)]
    police: BTreeMap<String, ThemeOverview>,
    #[serde(flatten)]
    partner: PartnerHeadlines,
}

/// `stats`' words: the assessment file and perhaps `--fy`.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    Ok(Command::Stats {
        db: args.need_db()?,
        fy: args.take("--fy"),
        json: args.json,
    })
}

pub fn run(db: &Path, fy: Option<&str>, json: bool) -> i32 {
    match build(db, fy) {
        Ok(stats) => {
            if json {
                match serde_json::to_string_pretty(&stats) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return EXIT_REJECTED;
                    }
                }
            } else {
                print_page(&stats);
            }
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn build(db: &Path, fy: Option<&str>) -> Result<StatsJson, String> {
    let store = Store::open_existing(db).map_err(|e| e.to_string())?;
    let cube = store.count_cube().map_err(|e| e.to_string())?;
    let partner_rows = store.partner_rows().map_err(|e| e.to_string())?;
    let year = match fy {
        Some(text) => FinancialYear::parse(text)
            .ok_or_else(|| format!("\"{text}\" is not a financial year (write it like 2023/24)"))?,
        None => default_year(&cube.months)
            .or_else(|| latest_complete_partner_year(&partner_rows))
            .ok_or(
                "the assessment file has no complete financial year (April to March) of police data yet",
            )?,
    };
    let area = AreaIndex::build(&cube);
    let police = Theme::all(&cube.groups)
        .into_iter()
        .map(|theme| {
            let page = theme_overview(&cube.months, &theme, &area, year);
            (page.key.clone(), page)
        })
        .collect();
    let partner_area = PartnerArea::new(&area, store.lsoa_wards().map_err(|e| e.to_string())?);
    let inputs = PartnerInputs {
        rows: &partner_rows,
        area: &partner_area,
        cube: &cube,
        index: &area,
    };
    let partner = partner_headlines(&inputs, year);
    Ok(StatsJson {
        financial_year: year.label(),
        area: area.name.clone(),
        population: area.population,
        population_basis: area.population_basis.clone(),
        themes: ThemesJson { police, partner },
    })
}

fn print_page(stats: &StatsJson) {
    println!("Financial year {} — {}", stats.financial_year, stats.area);
    if let Some(basis) = &stats.population_basis {
        println!("{basis}");
    }
    for key in ["all_crime", "asb"] {
        let Some(t) = stats.themes.police.get(key) else {
            continue;
        };
        println!("\n{}", t.theme);
        let rate = t
            .rate_per_1000
            .map(|r| format!(", {r:.1} per 1,000 residents"))
            .unwrap_or_default();
        println!("  level: {}{rate}", thousands(t.total));
        println!("  {}", t.change_explained);
        let trend: Vec<String> = t
            .trend
            .iter()
            .map(|p| format!("{} {}", p.fy, thousands(p.total)))
            .collect();
        println!("  trend: {}", trend.join(", "));
        for w in &t.top_wards {
            println!(
                "  hotspot: {} {} ({:.1}%)",
                w.name,
                thousands(w.count),
                w.share_pct
            );
        }
        if let Some(share) = t.top5_share_pct {
            println!("  top 5 wards hold {share:.1}% of the total");
        }
    }
    print_partner(&stats.themes.partner);
}

fn print_partner(p: &PartnerHeadlines) {
    let pct = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.1}%"));
    for (_, figures) in &p.0 {
        match figures {
            PartnerFigures::DomesticAbuse(da) => {
                println!("\nDomestic abuse");
                println!(
                    "  {} incidents ({} crimes); repeat victims {}, high risk {}, {} referred to MARAC",
                    thousands(da.incidents),
                    thousands(da.crimes),
                    pct(da.repeat_victim_pct),
                    pct(da.high_risk_pct),
                    thousands(da.referred_to_marac)
                );
                println!("  {}", da.change.change_explained);
            }
            PartnerFigures::Marac(m) => {
                println!("\nMARAC");
                let rate = m
                    .cases_per_10000_women
                    .map_or("no female 16+ population".into(), |r| {
                        format!("{r:.1} per 10,000 women 16+ (benchmark 40)")
                    });
                println!(
                    "  {} cases in {} quarters; repeat rate {} (benchmark 30%); {rate}",
                    thousands(m.cases),
                    m.quarters_held,
                    pct(m.repeat_pct)
                );
            }
            PartnerFigures::AsbCases(a) => {
                println!("\nCouncil ASB cases");
                println!(
                    "  {} opened; repeat {}; {} open more than 90 days at {}",
                    thousands(a.opened),
                    pct(a.repeat_pct),
                    thousands(a.open_over_90_days),
                    a.as_at
                );
            }
            PartnerFigures::Treatment(t) => {
                println!("\nDrug and alcohol treatment");
                for g in t.groups.iter().chain(std::iter::once(&t.total)) {
                    println!(
                        "  {}: {} in treatment, {} new, completion rate {}",
                        g.substance_group,
                        thousands(g.in_treatment),
                        thousands(g.new_presentations),
                        pct(g.completion_rate_pct)
                    );
                }
            }
            PartnerFigures::Indicators(i) => {
                println!("\nPartner indicators");
                for indicator in &i.indicators {
                    println!(
                        "  {}: {} values ({} withheld)",
                        indicator.name,
                        indicator.periods.len(),
                        indicator.periods.iter().filter(|p| p.suppressed).count()
                    );
                }
            }
        }
    }
}
