//! Tests of figure alternative text: bar charts, hidden bars, funnel plots and control
//! charts.

use super::*;

fn figure(body: FigureBody, y_label: &str) -> Figure {
    Figure {
        title: "All recorded crime by financial year".into(),
        subtitle: Some("Northvale, 2021/22 to 2024/25".into()),
        y_label: y_label.into(),
        x_label: None,
        source_line: String::new(),
        body,
    }
}

#[test]
fn a_bar_chart_lists_its_bars_with_separators() {
    let text = describe(&figure(
        FigureBody::Bars {
            categories: vec!["2023/24".into(), "2024/25".into()],
            values: vec![24789.0, 26348.0],
            highlight_last: true,
            suppressed: Vec::new(),
        },
        "Recorded crimes",
    ));
    assert!(
        text.ends_with("Bar chart of recorded crimes: 2023/24 24,789; 2024/25 26,348."),
        "{text}"
    );
    assert!(text.starts_with("All recorded crime by financial year (Northvale"));
}

#[test]
fn a_hidden_bar_is_named_but_its_value_never_given() {
    let text = describe(&figure(
        FigureBody::Bars {
            categories: vec!["2022/23".into(), "2023/24".into(), "2024/25".into()],
            values: vec![12.0, 0.0, 9.0],
            highlight_last: true,
            suppressed: vec![1],
        },
        "Incidents",
    ));
    assert!(
        text.ends_with(
            "Bar chart of incidents: 2022/23 12; 2023/24 not shown (disclosure control); 2024/25 9."
        ),
        "{text}"
    );
}

#[test]
fn a_funnel_plot_says_who_lies_outside_its_limits() {
    let limit = |population: f64, half: f64| FunnelLimits {
        population,
        lo95: 80.0 - half,
        hi95: 80.0 + half,
        lo998: 80.0 - 1.5 * half,
        hi998: 80.0 + 1.5 * half,
    };
    let mark = |population: f64, rate: f64, highlight: bool| FunnelMark {
        population,
        rate,
        highlight,
    };
    let text = describe(&figure(
        FigureBody::Funnel {
            categories: vec!["Northvale".into(), "Southdale".into(), "Eastmere".into()],
            marks: vec![
                mark(150_000.0, 98.6, true),
                mark(100_000.0, 70.0, false),
                mark(200_000.0, 81.0, false),
            ],
            target: 80.0,
            limits: vec![limit(50_000.0, 10.0), limit(250_000.0, 4.0)],
        },
        "Per 1,000 residents",
    ));
    assert!(
        text.contains("for 3 areas, around 80.0 with 95% and 99.8% limits: one above the 95% limits, one below. Northvale: 98.6 with 150,000 residents, above the 95% limits."),
        "{text}"
    );
}

#[test]
fn a_control_chart_names_its_signals_and_limits() {
    let text = describe(&figure(
        FigureBody::ControlChart {
            categories: vec!["2024-06".into(), "2024-07".into(), "2024-08".into()],
            values: vec![2000.0, 2600.0, 2100.0],
            centre: 2150.0,
            upper: 2500.5,
            lower: 1799.5,
            flagged: vec![1],
        },
        "Recorded crimes per month",
    ));
    assert!(
        text.contains(
            "from June 2024 to August 2024: mean 2,150.0, control limits 1,799.5 to 2,500.5."
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "1 month signals, marked with larger dots: July 2024 (2,600, above the upper limit)."
        ),
        "{text}"
    );
}
