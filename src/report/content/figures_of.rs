//! The report's figures built from a theme's Overview figures: the trend over financial
//! years, this year's months against earlier years, the control chart of the last three
//! years and the type breakdown — the same charts the Overview shows on screen.

use crate::analysis::overview::ThemeOverview;
use crate::analysis::spc::ControlChart;
use crate::report::figures::{Figure, FigureBody, LineStyle, Series};

const MONTHS: [&str; 12] = [
    "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
];

fn subtitle(f: &ThemeOverview) -> Option<String> {
    Some(format!("{}, {}", f.area, f.financial_year))
}

/// What a theme counts, for axis titles: "Recorded crimes", "Incidents".
fn unit(f: &ThemeOverview) -> &'static str {
    if f.key == "asb" {
        "Incidents"
    } else {
        "Recorded crimes"
    }
}

pub fn trend(f: &ThemeOverview, source: &str) -> Figure {
    Figure {
        title: format!("{} by financial year", f.theme),
        subtitle: Some(f.area.clone()),
        y_label: unit(f).into(),
        x_label: None,
        source_line: source.into(),
        body: FigureBody::Bars {
            categories: f.trend.iter().map(|t| t.fy.clone()).collect(),
            values: f.trend.iter().map(|t| t.total as f64).collect(),
            highlight_last: true,
            suppressed: Vec::new(),
        },
    }
}

pub fn seasonality(f: &ThemeOverview, source: &str) -> Figure {
    let mut series = vec![Series {
        name: f.financial_year.clone(),
        values: f.months.iter().map(|m| Some(m.count as f64)).collect(),
        style: LineStyle::Solid,
    }];
    if f.seasonality.earlier_average.iter().any(Option::is_some) {
        series.push(Series {
            name: "Average of earlier years".into(),
            values: f.seasonality.earlier_average.clone(),
            style: LineStyle::Dashed,
        });
    }
    Figure {
        title: format!("{} by month: this year against earlier years", f.theme),
        subtitle: subtitle(f),
        y_label: format!("{} per month", unit(f)),
        x_label: None,
        source_line: source.into(),
        body: FigureBody::Lines {
            categories: MONTHS.iter().map(|m| m.to_string()).collect(),
            series,
        },
    }
}

pub fn control_chart(f: &ThemeOverview, chart: &ControlChart, source: &str) -> Figure {
    let flagged = chart
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.above_upper || p.below_lower || p.in_run)
        .map(|(i, _)| i)
        .collect();
    Figure {
        title: format!("{}: is any month unusual?", f.theme),
        subtitle: Some(format!(
            "{}, three years to March {}: mean and XmR control limits; red = signal",
            f.area,
            f.financial_year
                .get(..4)
                .and_then(|y| y.parse::<u32>().ok())
                .map_or(0, |y| y + 1)
        )),
        y_label: format!("{} per month", unit(f)),
        x_label: None,
        source_line: source.into(),
        body: FigureBody::ControlChart {
            categories: chart.points.iter().map(|p| p.month.clone()).collect(),
            values: chart.points.iter().map(|p| p.count as f64).collect(),
            centre: chart.mean,
            upper: chart.upper,
            lower: chart.lower,
            flagged,
        },
    }
}

pub fn breakdown(f: &ThemeOverview, source: &str) -> Figure {
    Figure {
        title: format!("{} by type", f.theme),
        subtitle: subtitle(f),
        y_label: "Crime type".into(),
        x_label: None,
        source_line: source.into(),
        body: FigureBody::HorizontalBars {
            categories: f.by_type.iter().map(|t| t.r#type.clone()).collect(),
            values: f.by_type.iter().map(|t| t.count as f64).collect(),
            value_labels: f
                .by_type
                .iter()
                .map(|t| format!("{:.1}%", t.share_pct))
                .collect(),
        },
    }
}
