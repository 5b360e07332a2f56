//! Checks a figure before anything is drawn, so bad numbers give a clear error rather than
//! a panic or a misleading chart: there must be categories, every list must match them
//! in length, and every value must be finite and not negative (figures show counts,
//! averages and shares, and the bars start at zero). A missing value in a line series
//! (`None`) is allowed and drawn as a gap.

use super::spec::{Figure, FigureBody};
use super::FigureError;

pub fn validate(figure: &Figure) -> Result<(), FigureError> {
    let categories = figure.body.categories();
    if categories.is_empty() {
        return Err(FigureError::NoData {
            title: figure.title.clone(),
        });
    }
    let same_length = |what: &'static str, found: usize| {
        if found == categories.len() {
            Ok(())
        } else {
            Err(FigureError::LengthMismatch {
                what,
                expected: categories.len(),
                found,
            })
        }
    };
    let values_ok = |values: &mut dyn Iterator<Item = (usize, f64)>| {
        for (i, value) in values {
            if !value.is_finite() || value < 0.0 {
                return Err(FigureError::BadValue {
                    category: categories.get(i).cloned().unwrap_or_default(),
                    value,
                });
            }
        }
        Ok(())
    };
    match &figure.body {
        FigureBody::Bars { values, .. } => {
            same_length("values", values.len())?;
            values_ok(&mut values.iter().copied().enumerate())
        }
        FigureBody::Lines { series, .. } => {
            if series.is_empty() {
                return Err(FigureError::NoSeries);
            }
            for s in series {
                same_length("series values", s.values.len())?;
                values_ok(
                    &mut s
                        .values
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| Some((i, (*v)?))),
                )?;
            }
            Ok(())
        }
        FigureBody::ControlChart {
            values,
            centre,
            upper,
            lower,
            flagged,
            ..
        } => {
            same_length("values", values.len())?;
            values_ok(&mut values.iter().copied().enumerate())?;
            let ordered = lower <= centre && centre <= upper;
            if !(centre.is_finite() && upper.is_finite() && lower.is_finite() && ordered) {
                return Err(FigureError::BadLimits {
                    centre: *centre,
                    upper: *upper,
                    lower: *lower,
                });
            }
            match flagged.iter().find(|&&i| i >= values.len()) {
                Some(&index) => Err(FigureError::FlaggedOutOfRange {
                    index,
                    months: values.len(),
                }),
                None => Ok(()),
            }
        }
        FigureBody::HorizontalBars {
            values,
            value_labels,
            ..
        } => {
            same_length("values", values.len())?;
            same_length("value labels", value_labels.len())?;
            values_ok(&mut values.iter().copied().enumerate())
        }
        FigureBody::Funnel {
            marks,
            target,
            limits,
            ..
        } => {
            same_length("funnel marks", marks.len())?;
            let fine = |v: f64| v.is_finite() && v >= 0.0;
            let marks_ok = marks
                .iter()
                .all(|m| m.population > 0.0 && fine(m.population) && fine(m.rate));
            let limits_ok = limits.len() >= 2
                && limits.iter().all(|l| {
                    [l.population, l.lo95, l.hi95, l.lo998, l.hi998]
                        .into_iter()
                        .all(fine)
                        && l.lo998 <= l.lo95
                        && l.lo95 <= l.hi95
                        && l.hi95 <= l.hi998
                });
            if marks_ok && limits_ok && fine(*target) {
                Ok(())
            } else {
                Err(FigureError::BadFunnel)
            }
        }
        FigureBody::Map { areas, classes, .. } => {
            let bad = areas.iter().find(|a| {
                a.class >= classes.len()
                    || a.rings
                        .iter()
                        .flatten()
                        .any(|(x, y)| !x.is_finite() || !y.is_finite())
            });
            match bad {
                Some(a) => Err(FigureError::BadMapArea {
                    class: a.class,
                    classes: classes.len(),
                }),
                None if areas.is_empty() => Err(FigureError::NoData {
                    title: figure.title.clone(),
                }),
                None => Ok(()),
            }
        }
    }
}
