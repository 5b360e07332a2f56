//! The report's figures built from a theme's Overview figures: the trend over financial
//! years, this year's months against earlier years, the control chart of the last three
//! years and the type breakdown — the same charts the Overview shows on screen.

use crate::analysis::overview::ThemeOverview;
use crate::analysis::spc::ControlChart;
use crate::report::figures::{Figure, FigureBody, LineStyle, Series};
use crate::report::numbers::{month_label_in_words, percent};

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
    let span = match (f.trend.first(), f.trend.last()) {
        (Some(first), Some(last)) => format!(", {} to {}", first.fy, last.fy),
        _ => String::new(),
    };
    Figure {
        title: format!("{} by financial year", f.theme),
        subtitle: Some(format!("{}{span}", f.area)),
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
    let earlier = &f.seasonality.earlier_years;
    let subtitle = match (earlier.first(), earlier.last()) {
        (Some(first), Some(last)) if first != last && series.len() > 1 => format!(
            "{}, {} against the average of {first} to {last}",
            f.area, f.financial_year
        ),
        (Some(only), _) if series.len() > 1 => {
            format!("{}, {} against {only}", f.area, f.financial_year)
        }
        _ => format!("{}, {}", f.area, f.financial_year),
    };
    Figure {
        title: format!("{} by month: this year against earlier years", f.theme),
        subtitle: Some(subtitle),
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
            "{}, {} to {}: mean and XmR control limits; larger dots mark months that signal",
            f.area,
            chart
                .points
                .first()
                .map_or_else(String::new, |p| month_label_in_words(&p.month)),
            chart
                .points
                .last()
                .map_or_else(String::new, |p| month_label_in_words(&p.month)),
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
            value_labels: f.by_type.iter().map(|t| percent(t.share_pct)).collect(),
        },
    }
}
