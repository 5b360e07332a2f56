//! Tests that bad figure data is refused with an error, never a panic: empty data, NaN,
//! infinite and negative values, mismatched lengths, flags outside the months and limits
//! on the wrong side; a line with a missing month and all-zero bars still draw.

use super::*;

#[test]
fn empty_data_is_an_error_not_a_panic() {
    for mut figure in all_kinds() {
        match &mut figure.body {
            FigureBody::Bars {
                categories, values, ..
            }
            | FigureBody::ControlChart {
                categories, values, ..
            } => {
                categories.clear();
                values.clear();
            }
            FigureBody::Lines { categories, series } => {
                categories.clear();
                series.clear();
            }
            FigureBody::HorizontalBars {
                categories,
                values,
                value_labels,
            } => {
                categories.clear();
                values.clear();
                value_labels.clear();
            }
            FigureBody::Map { areas, classes, .. } => {
                areas.clear();
                classes.clear();
            }
            FigureBody::Funnel {
                categories, marks, ..
            } => {
                categories.clear();
                marks.clear();
            }
        }
        assert!(matches!(
            render_png(&figure),
            Err(FigureError::NoData { .. })
        ));
        assert!(matches!(
            render_svg(&figure),
            Err(FigureError::NoData { .. })
        ));
    }
}

#[test]
fn nan_and_negative_values_are_refused() {
    for bad in [f64::NAN, -1.0, f64::INFINITY] {
        let mut figure = trend();
        if let FigureBody::Bars { values, .. } = &mut figure.body {
            values[2] = bad;
        }
        match render_png(&figure) {
            Err(FigureError::BadValue { category, .. }) => assert_eq!(category, "2021/22"),
            other => panic!("{bad} gave {other:?}"),
        }
    }
    let mut gap = seasonality();
    if let FigureBody::Lines { series, .. } = &mut gap.body {
        series[1].values[4] = None;
    }
    assert!(render_svg(&gap).is_ok(), "a missing month is a gap");
    if let FigureBody::Lines { series, .. } = &mut gap.body {
        series[1].values[5] = Some(f64::NAN);
    }
    assert!(matches!(
        render_svg(&gap),
        Err(FigureError::BadValue { .. })
    ));
}

#[test]
fn mismatched_lengths_and_bad_limits_are_refused() {
    let mut short = breakdown();
    if let FigureBody::HorizontalBars { value_labels, .. } = &mut short.body {
        value_labels.pop();
    }
    assert!(matches!(
        render_svg(&short),
        Err(FigureError::LengthMismatch {
            expected: 8,
            found: 7,
            ..
        })
    ));
    let mut flagged = control_chart();
    if let FigureBody::ControlChart { flagged, .. } = &mut flagged.body {
        flagged.push(36);
    }
    assert!(matches!(
        render_png(&flagged),
        Err(FigureError::FlaggedOutOfRange {
            index: 36,
            months: 36
        })
    ));
    let mut limits = control_chart();
    if let FigureBody::ControlChart { upper, .. } = &mut limits.body {
        *upper = 100.0;
    }
    assert!(matches!(
        render_png(&limits),
        Err(FigureError::BadLimits { .. })
    ));
}

#[test]
fn all_zero_values_still_draw() {
    let mut figure = trend();
    if let FigureBody::Bars { values, .. } = &mut figure.body {
        values.iter_mut().for_each(|v| *v = 0.0);
    }
    assert!(render_png(&figure).is_ok());
}
