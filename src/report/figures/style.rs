//! The house look of a printed figure: colours (the app's palette, from `ui::theme`,
//! repeated here because `report` must not depend on egui), type sizes in points and
//! line weights. Nothing here draws.

use super::canvas::TextLook;
use plotters::style::RGBColor;

/// Recorded crime blue, as `ui::theme::CRIME_COLOUR`.
pub const PRIMARY: RGBColor = RGBColor(31, 95, 168);
/// Anti-social behaviour orange, as `ui::theme::ASB_COLOUR`.
pub const SECONDARY: RGBColor = RGBColor(222, 120, 0);
/// The earlier years' bars when the latest is highlighted: the primary blue, lightened.
pub const PRIMARY_LIGHT: RGBColor = RGBColor(160, 188, 220);
/// Signals (flagged months) and control limits, as the app's control chart.
pub const SIGNAL: RGBColor = RGBColor(192, 57, 43);
/// Series after the first two.
pub const NEUTRAL: RGBColor = RGBColor(110, 110, 110);
/// Gridlines.
pub const GRID: RGBColor = RGBColor(222, 222, 222);
/// The zero line and tick marks.
pub const AXIS: RGBColor = RGBColor(150, 150, 150);
/// The centre line of a control chart.
pub const CENTRE_LINE: RGBColor = RGBColor(90, 90, 90);

/// The colour of the `index`th line series.
/// Light-to-dark sequential scale for map classes (ColorBrewer YlOrRd, 5 steps), the same
/// the app's map uses; fewer classes take evenly spaced steps.
pub fn class_colour(class: usize, classes: usize) -> RGBColor {
    const SCALE: [RGBColor; 5] = [
        RGBColor(255, 255, 178),
        RGBColor(254, 204, 92),
        RGBColor(253, 141, 60),
        RGBColor(240, 59, 32),
        RGBColor(189, 0, 38),
    ];
    let step = match classes {
        0 | 1 => SCALE.len() - 1,
        n => class.min(n - 1) * (SCALE.len() - 1) / (n - 1),
    };
    SCALE[step.min(SCALE.len() - 1)]
}

/// Outline of map areas.
pub const MAP_OUTLINE: RGBColor = RGBColor(120, 120, 120);

pub fn series_colour(index: usize) -> RGBColor {
    match index {
        0 => PRIMARY,
        1 => SECONDARY,
        _ => NEUTRAL,
    }
}

pub const TITLE: TextLook = TextLook {
    size_pt: 12.0,
    colour: RGBColor(20, 20, 20),
};
pub const SUBTITLE: TextLook = TextLook {
    size_pt: 9.0,
    colour: RGBColor(85, 85, 85),
};
/// Axis titles and legend entries.
pub const LABEL: TextLook = TextLook {
    size_pt: 9.0,
    colour: RGBColor(45, 45, 45),
};
/// Tick labels and the numbers written on bars.
pub const TICK: TextLook = TextLook {
    size_pt: 8.5,
    colour: RGBColor(60, 60, 60),
};
pub const SOURCE: TextLook = TextLook {
    size_pt: 7.5,
    colour: RGBColor(100, 100, 100),
};

/// Space between lines of text, as a multiple of the size.
pub const LINE_SPACING: f64 = 1.25;
/// How far the baseline sits below the top of a line, as a multiple of the size.
pub const ASCENT: f64 = 0.9;
/// White space around the whole figure, in points.
pub const MARGIN: f64 = 8.0;
/// Gap between a tick label and the plot, in points.
pub const TICK_GAP: f64 = 4.0;

pub const GRID_WIDTH: f64 = 0.5;
pub const AXIS_WIDTH: f64 = 0.75;
pub const SERIES_WIDTH: f64 = 1.5;
pub const REFERENCE_WIDTH: f64 = 1.0;

/// A line of text of this look takes this much height.
pub fn line_height(look: TextLook) -> f64 {
    look.size_pt * LINE_SPACING
}
