//! Alternative text for the figures, as published council documents need (WCAG 2.2 AA):
//! what the chart shows with the numbers that matter — each bar when there are few, the
//! highest and lowest when there are many, the months that signal on a control chart —
//! never just the title again. Written from the figure's own data, so it always matches.

use crate::report::figures::{Figure, FigureBody};
use crate::report::numbers::{count, decimal, how_many, month_label_in_words};

/// Bars listed one by one up to this many; beyond, the highest, lowest and latest.
const LISTED: usize = 8;
/// Signal months named up to this many.
const NAMED_SIGNALS: usize = 6;

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        count(v as i64)
    } else {
        decimal(v)
    }
}

/// "Recorded crimes" → "recorded crimes" (the axis label inside a sentence).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn label(text: &str) -> String {
    month_label_in_words(text)
}

/// Index of the highest and the lowest value (first of ties).
fn extremes(values: &[f64]) -> Option<(usize, usize)> {
    let mut high = 0;
    let mut low = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[high] {
            high = i;
        }
        if *v < values[low] {
            low = i;
        }
    }
    (!values.is_empty()).then_some((high, low))
}

fn bars(categories: &[String], values: &[f64], y_label: &str) -> String {
    let what = lower_first(y_label);
    let pairs: Vec<String> = categories
        .iter()
        .zip(values)
        .map(|(c, v)| format!("{} {}", label(c), number(*v)))
        .collect();
    let mut text = format!("Bar chart of {what}");
    if pairs.len() <= LISTED {
        text.push_str(&format!(": {}.", pairs.join("; ")));
    } else if let Some((high, low)) = extremes(values) {
        text.push_str(&format!(
            " for {} periods from {} to {}: highest {} ({}), lowest {} ({}), latest {} ({}).",
            values.len(),
            label(&categories[0]),
            label(&categories[categories.len() - 1]),
            label(&categories[high]),
            number(values[high]),
            label(&categories[low]),
            number(values[low]),
            label(&categories[categories.len() - 1]),
            number(values[values.len() - 1]),
        ));
    }
    text
}

fn lines(
    categories: &[String],
    series: &[crate::report::figures::Series],
    y_label: &str,
) -> String {
    let mut parts = Vec::new();
    for s in series {
        let known: Vec<(usize, f64)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        let values: Vec<f64> = known.iter().map(|(_, v)| *v).collect();
        if let Some((high, low)) = extremes(&values) {
            let at = |k: usize| {
                categories
                    .get(known[k].0)
                    .map_or_else(String::new, |c| label(c))
            };
            parts.push(format!(
                "{}: highest in {} ({}), lowest in {} ({})",
                s.name,
                at(high),
                number(values[high]),
                at(low),
                number(values[low])
            ));
        }
    }
    format!(
        "Line chart of {} from {} to {}, {} {}. {}.",
        lower_first(y_label),
        categories.first().map_or_else(String::new, |c| label(c)),
        categories.last().map_or_else(String::new, |c| label(c)),
        how_many(series.len()),
        if series.len() == 1 { "line" } else { "lines" },
        parts.join("; ")
    )
}

fn control_chart(
    categories: &[String],
    values: &[f64],
    (centre, upper, lower): (f64, f64, f64),
    flagged: &[usize],
    y_label: &str,
) -> String {
    let limits = if lower > 0.0 {
        format!("control limits {} to {}", decimal(lower), decimal(upper))
    } else {
        format!("upper control limit {}", decimal(upper))
    };
    let mut text = format!(
        "Control chart of {} from {} to {}: mean {}, {limits}.",
        lower_first(y_label),
        categories.first().map_or_else(String::new, |c| label(c)),
        categories.last().map_or_else(String::new, |c| label(c)),
        decimal(centre),
    );
    let named: Vec<String> = flagged
        .iter()
        .take(NAMED_SIGNALS)
        .filter_map(|i| {
            let v = values.get(*i)?;
            let side = if *v > upper {
                ", above the upper limit"
            } else if lower > 0.0 && *v < lower {
                ", below the lower limit"
            } else {
                ""
            };
            Some(format!(
                "{} ({}{side})",
                label(categories.get(*i)?),
                number(*v)
            ))
        })
        .collect();
    match flagged.len() {
        0 => text.push_str(" No month signals: the variation is routine."),
        n => {
            text.push_str(&format!(
                " {} {}, marked with larger dots: {}{}.",
                count(n as i64),
                if n == 1 {
                    "month signals"
                } else {
                    "months signal"
                },
                named.join(", "),
                if n > NAMED_SIGNALS { " and others" } else { "" }
            ));
        }
    }
    text
}

fn horizontal_bars(categories: &[String], value_labels: &[String], y_label: &str) -> String {
    let pairs: Vec<String> = categories
        .iter()
        .zip(value_labels)
        .map(|(c, v)| format!("{c} {v}"))
        .collect();
    if pairs.len() <= LISTED {
        return format!(
            "Bar chart of {} {}, largest first: {}.",
            how_many(pairs.len()),
            lower_first(y_label),
            pairs.join("; ")
        );
    }
    format!(
        "Bar chart of {} categories of {}, largest first: {}; the smallest is {}.",
        count(pairs.len() as i64),
        lower_first(y_label),
        pairs[..5].join("; "),
        pairs[pairs.len() - 1]
    )
}

/// The figure's alternative text: its title, then what its data show.
pub fn describe(figure: &Figure) -> String {
    let body = match &figure.body {
        FigureBody::Bars {
            categories, values, ..
        } => bars(categories, values, &figure.y_label),
        FigureBody::Lines { categories, series } => lines(categories, series, &figure.y_label),
        FigureBody::ControlChart {
            categories,
            values,
            centre,
            upper,
            lower,
            flagged,
        } => control_chart(
            categories,
            values,
            (*centre, *upper, *lower),
            flagged,
            &figure.y_label,
        ),
        FigureBody::HorizontalBars {
            categories,
            value_labels,
            ..
        } => horizontal_bars(categories, value_labels, &figure.y_label),
        FigureBody::Map { areas, classes } => {
            let per_class: Vec<String> = classes
                .iter()
                .enumerate()
                .rev()
                .map(|(i, c)| {
                    let n = areas.iter().filter(|a| a.class == i).count();
                    format!(
                        "{c}: {} {}",
                        how_many(n),
                        if n == 1 { "area" } else { "areas" }
                    )
                })
                .collect();
            format!(
                "Map of {} areas shaded from light (low) to dark (high) in {} classes of {}. {}.",
                count(areas.len() as i64),
                how_many(classes.len()),
                lower_first(&figure.y_label),
                per_class.join("; ")
            )
        }
    };
    match &figure.subtitle {
        Some(sub) => format!("{} ({sub}). {body}", figure.title),
        None => format!("{}. {body}", figure.title),
    }
}

#[cfg(test)]
mod tests {
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
        assert!(text.contains("1 month signals, marked with larger dots: July 2024 (2,600, above the upper limit)."), "{text}");
    }
}
