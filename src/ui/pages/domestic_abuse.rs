//! The Domestic abuse page: incidents and crimes for the year with the change on last
//! year and whether it is real, repeat-victim and high-risk shares, MARAC referrals, the
//! trend over years, this year's months, victim sex and age, risk, and the top wards.

use super::partner_common::{
    bars_ui, change_text, change_ui, lines_ui, partner_heading_ui, pct, shares_table_ui,
    wards_table_ui,
};
use super::picture::table_ui;
use super::PageContext;
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::ui::actions::Action;
use crate::ui::widgets::{figure_card_ui, section_heading_ui};

pub fn domestic_abuse_page_ui(
    ui: &mut egui::Ui,
    context: &PageContext<'_>,
    actions: &mut Vec<Action>,
) {
    let view = &context.view.partner;
    if !partner_heading_ui(
        ui,
        view,
        PartnerLayout::DomesticAbuse,
        "Domestic abuse",
        "Police domestic-abuse-flagged incidents and crimes, in the area of interest.",
        true,
        actions,
    ) {
        return;
    }
    let Some(f) = &view.domestic_abuse.figures else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        figure_card_ui(
            ui,
            &format!("DA incidents {}", f.financial_year),
            &thousands(f.incidents),
            "Incidents and crimes flagged as domestic abuse",
        );
        figure_card_ui(ui, "Crimes", &thousands(f.crimes), "Recorded as crimes");
        figure_card_ui(
            ui,
            "Change on last year",
            &change_text(&f.change),
            &f.change.change_explained,
        );
        figure_card_ui(
            ui,
            "Repeat victims",
            &pct(f.repeat_victim_pct),
            "Share of incidents whose victim had a previous incident within 12 months",
        );
        figure_card_ui(
            ui,
            "High risk (DASH)",
            &pct(f.high_risk_pct),
            "Share of incidents assessed as high risk",
        );
        figure_card_ui(
            ui,
            "Referred to MARAC",
            &thousands(f.referred_to_marac),
            "Incidents referred to the MARAC",
        );
        if let Some(r) = f.rate_per_1000 {
            figure_card_ui(
                ui,
                "Per 1,000 residents",
                &format!("{r:.1}"),
                "Incidents per 1,000 residents of the area",
            );
        }
    });
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
