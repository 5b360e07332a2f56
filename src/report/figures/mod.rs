//! Report figures drawn without a window: a [`Figure`] (plain data) becomes an SVG
//! document or a 300 dpi PNG that look the same, sized 16 cm × 9 cm for Word. One drawing
//! code serves both outputs; the font ships inside the binary, so nothing is looked up on
//! the machine. No egui here, and no analysis types: callers fill in a `Figure`.

mod axes;
mod bars;
mod canvas;
mod control_chart;
mod draw;
mod font;
mod funnel;
mod glyphs;
mod horizontal_bars;
mod legend;
mod lines;
mod map;
pub mod page;
mod png;
pub mod spec;
mod style;
mod svg;
mod validate;

#[cfg(test)]
mod tests;

pub use spec::{
    Figure, FigureBody, FunnelLimits, FunnelMark, LineStyle, MapArea, MapLabel, Series,
};

/// Why a figure could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum FigureError {
    #[error("the figure \"{title}\" has no data to show")]
    NoData { title: String },
    #[error("the figure has {expected} categories but {found} {what}")]
    LengthMismatch {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    #[error(
        "the value for \"{category}\" is {value}: a figure shows counts, averages or shares, \
         so every value must be a number of zero or more"
    )]
    BadValue { category: String, value: f64 },
    #[error("the line chart has no lines")]
    NoSeries,
    #[error(
        "the control chart's limits are not usable (lower {lower}, centre {centre}, \
         upper {upper}): they must be numbers with lower ≤ centre ≤ upper"
    )]
    BadLimits { centre: f64, upper: f64, lower: f64 },
    #[error("month {index} is flagged but the control chart has only {months} months")]
    FlaggedOutOfRange { index: usize, months: usize },
    #[error("the map has an area of class {class} but only {classes} classes, or a point that is not a number")]
    BadMapArea { class: usize, classes: usize },
    #[error("the funnel plot needs its limits at two or more populations, and a population above zero and a rate of zero or more for every area")]
    BadFunnel,
    #[error("the figure font built into the program could not be loaded")]
    Font,
    #[error("drawing the figure failed: {0}")]
    Draw(String),
    #[error("writing the PNG failed: {0}")]
    Png(String),
}

/// The figure as an SVG document, 160 mm × 90 mm.
pub fn render_svg(figure: &Figure) -> Result<String, FigureError> {
    validate::validate(figure)?;
    // Plotters' text elements resolve their family through its own font table.
    font::ensure_registered()?;
    svg::render(figure)
}

/// The figure as PNG bytes: 1890 × 1063 px at 300 dpi (16 cm × 9 cm).
pub fn render_png(figure: &Figure) -> Result<Vec<u8>, FigureError> {
    validate::validate(figure)?;
    self::png::render(figure)
}
