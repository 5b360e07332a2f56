//! A figure as an SVG document: plotters' SVG backend on the same pixel grid as the PNG
//! (so the two share one layout), with the document's size set to 160 mm × 90 mm so Word
//! places it at print size. Text stays real `<text>` naming the font family.

use super::canvas::{Canvas, TextOutput};
use super::draw::draw_figure;
use super::page::{HEIGHT_MM, HEIGHT_PX, PX_PER_PT, WIDTH_MM, WIDTH_PX};
use super::spec::Figure;
use super::FigureError;
use plotters::prelude::{IntoDrawingArea, SVGBackend, WHITE};

pub fn render(figure: &Figure) -> Result<String, FigureError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH_PX, HEIGHT_PX)).into_drawing_area();
        root.fill(&WHITE)
            .map_err(|e| FigureError::Draw(e.to_string()))?;
        let canvas = Canvas::new(&root, PX_PER_PT, TextOutput::Svg);
        draw_figure(&canvas, figure)?;
        root.present()
            .map_err(|e| FigureError::Draw(e.to_string()))?;
    }
    // Plotters sizes the document in pixels; a viewer would take those at 96 dpi.
    Ok(out.replacen(
        &format!("width=\"{WIDTH_PX}\" height=\"{HEIGHT_PX}\""),
        &format!("width=\"{WIDTH_MM}mm\" height=\"{HEIGHT_MM}mm\""),
        1,
    ))
}
