//! Alternative text for the figures, as published council documents need (WCAG 2.2 AA):
//! what the chart shows with the numbers that matter — each bar when there are few, the
//! highest and lowest when there are many, the months that signal on a control chart —
//! never just the title again. Written from the figure's own data, so it always matches.

use crate::report::figures::{Figure, FigureBody, FunnelLimits, FunnelMark};
use crate::report::numbers::{count, decimal, how_many, list_in_words, month_label_in_words};

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

/// A bar's value, or that disclosure control hides it (its value is never read).
fn bar_value(values: &[f64], suppressed: &[usize], i: usize) -> String {
    if suppressed.contains(&i) {
        "not shown (disclosure control)".into()
    } else {
        values.get(i).map_or_else(String::new, |v| number(*v))
    }
}

fn bars(categories: &[String], values: &[f64], suppressed: &[usize], y_label: &str) -> String {
    let what = lower_first(y_label);
    let pairs: Vec<String> = (0..categories.len().min(values.len()))
        .map(|i| {
            format!(
                "{} {}",
                label(&categories[i]),
                bar_value(values, suppressed, i)
            )
        })
        .collect();
    let mut text = format!("Bar chart of {what}");
    // The highest and lowest of the bars that are shown; a hidden bar's value is never
    // compared, so its place in the order gives nothing away either.
    let shown: Vec<usize> = (0..pairs.len())
        .filter(|i| !suppressed.contains(i))
        .collect();
    let shown_values: Vec<f64> = shown.iter().map(|i| values[*i]).collect();
    if pairs.len() <= LISTED {
        text.push_str(&format!(": {}.", pairs.join("; ")));
    } else if let Some((high, low)) = extremes(&shown_values) {
        let (high, low, last) = (shown[high], shown[low], pairs.len() - 1);
        text.push_str(&format!(
            " for {} periods from {} to {}: highest {} ({}), lowest {} ({}), latest {} ({}).",
            pairs.len(),
            label(&categories[0]),
            label(&categories[last]),
            label(&categories[high]),
            number(values[high]),
            label(&categories[low]),
            number(values[low]),
            label(&categories[last]),
            bar_value(values, suppressed, last),
        ));
        if !suppressed.is_empty() {
            text.push_str(&format!(
                " {} not shown (disclosure control).",
                match suppressed.len() {
                    1 => "One bar is".to_string(),
                    n => format!("{} bars are", how_many(n)),
                }
            ));
        }
    }
    text
}

/// The funnel plot: how many areas lie outside the 95% limits, and where the highlighted
/// ones stand.
fn funnel(
    categories: &[String],
    marks: &[FunnelMark],
    target: f64,
    limits: &[FunnelLimits],
    y_label: &str,
) -> String {
    let (mut above, mut below) = (0, 0);
    let mut highlighted = Vec::new();
    for (name, mark) in categories.iter().zip(marks) {
        let position = limits_at(limits, mark.population).map(|(lo, hi)| {
            if mark.rate > hi {
                above += 1;
                ", above the 95% limits"
            } else if mark.rate < lo {
                below += 1;
                ", below the 95% limits"
            } else {
                ", within the 95% limits"
            }
        });
        if mark.highlight {
            highlighted.push(format!(
                "{name}: {} with {} residents{}",
                decimal(mark.rate),
                count(mark.population.round() as i64),
                position.unwrap_or("")
            ));
        }
    }
    let mut text = format!(
        "Funnel plot of {} against population for {} areas, around {} with 95% and 99.8% limits: {} above the 95% limits, {} below.",
        lower_first(y_label),
        count(marks.len() as i64),
        decimal(target),
        how_many(above),
        how_many(below),
    );
    if !highlighted.is_empty() {
        text.push_str(&format!(" {}.", highlighted.join("; ")));
    }
    text
}

/// The 95% limits at `population`, straight-line between the computed points.
fn limits_at(limits: &[FunnelLimits], population: f64) -> Option<(f64, f64)> {
    let after = limits.iter().position(|l| l.population >= population)?;
    let b = &limits[after];
    if after == 0 || b.population == population {
        return Some((b.lo95, b.hi95));
    }
    let a = &limits[after - 1];
    let t = (population - a.population) / (b.population - a.population);
    Some((
        a.lo95 + t * (b.lo95 - a.lo95),
        a.hi95 + t * (b.hi95 - a.hi95),
    ))
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
            categories,
            values,
            suppressed,
            ..
        } => bars(categories, values, suppressed, &figure.y_label),
        FigureBody::Funnel {
            categories,
            marks,
            target,
            limits,
        } => funnel(categories, marks, *target, limits, &figure.y_label),
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
        FigureBody::Map { areas, classes, .. } => {
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
            let named: Vec<String> = areas
                .iter()
                .filter_map(|a| a.label.as_ref().map(|l| l.text.clone()))
                .collect();
            let mut text = format!(
                "Map of {} areas shaded from light (low) to dark (high) in {} classes of {}. {}.",
                count(areas.len() as i64),
                how_many(classes.len()),
                lower_first(&figure.y_label),
                per_class.join("; ")
            );
            if !named.is_empty() {
                text.push_str(&format!(" Named on the map: {}.", list_in_words(&named)));
            }
            text
        }
    };
    match &figure.subtitle {
        Some(sub) => format!("{} ({sub}). {body}", figure.title),
        None => format!("{}. {body}", figure.title),
    }
}

#[cfg(test)]
mod tests;
