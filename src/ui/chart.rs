//! The monthly chart of recorded crime and anti-social behaviour: the series, built once
//! when the data changes, and the egui_plot drawing with month labels on the x axis and
//! the month and count on hover.

use super::theme::{ASB_COLOUR, CRIME_COLOUR};
use crate::import::month::month_label;
use crate::report::format::thousands;
use crate::store::queries::MonthCounts;
use egui_plot::{
    Corner, GridInput, GridMark, HoverPosition, Legend, Line, Plot, PlotPoint, PlotPoints,
};

pub const CRIME_SERIES: &str = "Recorded crime";
pub const ASB_SERIES: &str = "Anti-social behaviour";

/// Both series with x as a month ordinal (`year * 12 + month - 1`), so months are evenly
/// spaced and a gap month is a zero, not a jump.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthlySeries {
    pub crime: Vec<PlotPoint>,
    pub asb: Vec<PlotPoint>,
    pub first_month: Option<u32>,
    pub last_month: Option<u32>,
}

impl MonthlySeries {
    pub fn from_counts(counts: &[MonthCounts]) -> MonthlySeries {
        let point = |month: u32, n: i64| PlotPoint::new(month_ordinal(month), n as f64);
        MonthlySeries {
            crime: counts.iter().map(|m| point(m.month, m.crime)).collect(),
            asb: counts.iter().map(|m| point(m.month, m.asb)).collect(),
            first_month: counts.first().map(|m| m.month),
            last_month: counts.last().map(|m| m.month),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.crime.is_empty()
    }

    pub fn month_count(&self) -> usize {
        self.crime.len()
    }
}

/// YYYYMM → months since year 0.
pub fn month_ordinal(month: u32) -> f64 {
    f64::from((month / 100) * 12 + (month % 100).saturating_sub(1))
}

/// The month at a whole ordinal; `None` between months or out of range.
pub fn month_at(x: f64) -> Option<u32> {
    let rounded = x.round();
    if (x - rounded).abs() > 1e-6 || !(0.0..=12.0 * 9999.0).contains(&rounded) {
        return None;
    }
    let ordinal = rounded as u32;
    Some((ordinal / 12) * 100 + ordinal % 12 + 1)
}

pub fn monthly_chart_ui(ui: &mut egui::Ui, series: &MonthlySeries, height: f32) {
    let crime = Line::new(CRIME_SERIES, PlotPoints::Borrowed(&series.crime))
        .color(CRIME_COLOUR)
        .width(2.0);
    let asb = Line::new(ASB_SERIES, PlotPoints::Borrowed(&series.asb))
        .color(ASB_COLOUR)
        .width(2.0);
    Plot::new("monthly_counts")
        .height(height)
        .legend(
            Legend::default()
                .position(Corner::LeftTop)
                .follow_insertion_order(true),
        )
        .include_y(0.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .x_grid_spacer(month_grid_marks)
        .y_grid_spacer(count_grid_marks)
        .x_axis_formatter(|mark, _| month_at(mark.value).map(month_label).unwrap_or_default())
        .y_axis_formatter(|mark, _| whole_number(mark.value))
        .y_axis_min_width(48.0)
        .label_formatter(hover_label)
        .show(ui, |plot_ui| {
            plot_ui.line(crime);
            plot_ui.line(asb);
        });
}

/// A mark at every quarter start; April (the start of the financial year) is the major
/// mark, so labels thin out to financial years as the chart narrows.
fn month_grid_marks(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    if !min.is_finite() || !max.is_finite() || max - min > 12.0 * 500.0 {
        return Vec::new();
    }
    let first = min.ceil().max(0.0) as u32;
    let last = max.floor().max(0.0) as u32;
    (first..=last)
        .filter(|ordinal| ordinal % 3 == 0)
        .map(|ordinal| GridMark {
            value: f64::from(ordinal),
            step_size: if ordinal % 12 == 3 { 12.0 } else { 3.0 },
        })
        .collect()
}

/// About six horizontal lines at round counts (1, 2 or 5 times a power of ten), so the
/// grid stays quiet whatever the size of the area.
fn count_grid_marks(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let span = max - min;
    if !span.is_finite() || span <= 0.0 {
        return Vec::new();
    }
    let rough = span / 6.0;
    let power = 10f64.powf(rough.log10().floor()).max(1.0);
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&step| step >= rough)
        .unwrap_or(10.0 * power);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last)
        .map(|i| GridMark {
            value: i as f64 * step,
            step_size: step,
        })
        .collect()
}

fn whole_number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 {
        thousands(value.round() as i64)
    } else {
        String::new()
    }
}

fn hover_label(position: &HoverPosition<'_>) -> Option<String> {
    match position {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{}: {}",
            month_at(position.x).map(month_label).unwrap_or_default(),
            whole_number(position.y.round())
        )),
        HoverPosition::Elsewhere { position } => month_at(position.x.round()).map(month_label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_survive_the_round_trip_through_the_x_axis() {
        for month in [201904, 201912, 202001, 202509] {
            assert_eq!(month_at(month_ordinal(month)), Some(month));
        }
        assert_eq!(month_at(month_ordinal(202103) + 0.5), None);
        assert_eq!(
            month_ordinal(202101) - month_ordinal(202012),
            1.0,
            "a year end is one step"
        );
    }

    #[test]
    fn april_is_the_major_mark() {
        let marks = month_grid_marks(GridInput {
            bounds: (month_ordinal(202101), month_ordinal(202112)),
            base_step_size: 1.0,
        });
        assert_eq!(marks.len(), 4, "quarter starts");
        let april = marks
            .iter()
            .find(|m| month_at(m.value) == Some(202104))
            .unwrap();
        assert_eq!(april.step_size, 12.0);
    }

    #[test]
    fn count_lines_are_round_and_few() {
        let marks = count_grid_marks(GridInput {
            bounds: (-120.0, 2700.0),
            base_step_size: 1.0,
        });
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(values, vec![0.0, 500.0, 1000.0, 1500.0, 2000.0, 2500.0]);
        let small = count_grid_marks(GridInput {
            bounds: (0.0, 3.2),
            base_step_size: 0.01,
        });
        assert!(
            small.iter().all(|m| m.value.fract() == 0.0),
            "whole incidents only"
        );
    }

    #[test]
    fn hover_shows_the_month_and_the_count() {
        let text = hover_label(&HoverPosition::NearDataPoint {
            plot_name: CRIME_SERIES,
            position: PlotPoint::new(month_ordinal(202104), 1234.0),
            index: 0,
        });
        assert_eq!(text.as_deref(), Some("Recorded crime\n2021-04: 1,234"));
    }
}
