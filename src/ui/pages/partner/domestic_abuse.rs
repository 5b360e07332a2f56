//! The Domestic abuse page: incidents and crimes for the year with the change on last
//! year and whether it is real, repeat-victim and high-risk shares, MARAC referrals, the
//! trend over years, this year's months, victim sex and age, risk, and the top wards.

use super::super::picture::table_ui;
use super::common::{
    bars_ui, card, cards_ui, change_card, change_ui, lines_ui, pct, shares_table_ui, wards_table_ui,
};
use super::PartnerPage;
use crate::analysis::partner::{DomesticAbuseFigures, PartnerFigures};
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::ui::widgets::section_heading_ui;

pub const PAGE: PartnerPage = PartnerPage {
    layout: PartnerLayout::DomesticAbuse,
    nav_title: "Domestic abuse",
    description: "Police domestic abuse incidents and crimes: level, change, risk, repeats, wards",
    title: "Domestic abuse",
    explanation: "Police domestic-abuse-flagged incidents and crimes, in the area of interest.",
    uses_area: true,
    body: |ui, figures, _| {
        if let PartnerFigures::DomesticAbuse(f) = figures {
            figures_ui(ui, f);
        }
    },
};

fn figures_ui(ui: &mut egui::Ui, f: &DomesticAbuseFigures) {
    let mut cards = vec![
        card(
            format!("DA incidents {}", f.financial_year),
            thousands(f.incidents),
            "Incidents and crimes flagged as domestic abuse",
        ),
        card("Crimes", thousands(f.crimes), "Recorded as crimes"),
        change_card(&f.change),
        card(
            "Repeat victims",
            pct(f.repeat_victim_pct),
            "Share of incidents whose victim had a previous incident within 12 months",
        ),
        card(
            "High risk (DASH)",
            pct(f.high_risk_pct),
            "Share of incidents assessed as high risk",
        ),
        card(
            "Referred to MARAC",
            thousands(f.referred_to_marac),
            "Incidents referred to the MARAC",
        ),
    ];
    if let Some(r) = f.rate_per_1000 {
        cards.push(card(
            "Per 1,000 residents",
            format!("{r:.1}"),
            "Incidents per 1,000 residents of the area",
        ));
    }
    cards_ui(ui, &cards);
    change_ui(ui, &f.change);
    ui.label(&f.crimes_change.change_explained);
    ui.columns(2, |cols| {
        section_heading_ui(&mut cols[0], "Incidents by financial year");
        let years: Vec<(String, f64)> = f
            .by_year
            .iter()
            .map(|y| (y.fy.clone(), y.incidents as f64))
            .collect();
        bars_ui(&mut cols[0], "da_years", &years, 200.0);
        section_heading_ui(&mut cols[1], "This year by month");
        let labels: Vec<String> = f.months.iter().map(|m| m.month.clone()).collect();
        let crimes: Vec<f64> = f.months.iter().map(|m| m.crimes as f64).collect();
        let non: Vec<f64> = f.months.iter().map(|m| m.non_crimes as f64).collect();
        lines_ui(
            &mut cols[1],
            "da_months",
            &labels,
            &[("Crimes", crimes), ("Non-crimes", non)],
            200.0,
        );
    });
    let years: Vec<Vec<String>> = f
        .by_year
        .iter()
        .map(|y| {
            vec![
                format!("{}{}", y.fy, if y.complete { "" } else { " (part)" }),
                thousands(y.incidents),
                thousands(y.crimes),
                thousands(y.non_crimes),
            ]
        })
        .collect();
    table_ui(
        ui,
        "By financial year",
        "da_by_year",
        &["Year", "Incidents", "Crimes", "Non-crimes"],
        &years,
    );
    ui.columns(3, |cols| {
        shares_table_ui(&mut cols[0], "Victim sex", "da_sex", "Sex", &f.by_sex);
        shares_table_ui(&mut cols[1], "Victim age", "da_age", "Age band", &f.by_age);
        shares_table_ui(&mut cols[2], "Risk (DASH)", "da_risk", "Risk", &f.by_risk);
    });
    ui.add_space(8.0);
    wards_table_ui(ui, "Wards with most incidents", "da_wards", &f.top_wards);
    if f.ward_unknown > 0 {
        ui.label(
            egui::RichText::new(format!(
                "{} incidents have an area the ward lookup does not place in a ward.",
                thousands(f.ward_unknown)
            ))
            .weak(),
        );
    }
}
