//! A drawing surface measured in typographic points (1/72 inch) over any plotters
//! backend: text placed by its baseline, rectangles, solid and dashed lines, circles.
//! The chart code works in points only, so SVG and PNG share one layout; this is the one
//! place that knows pixels.

use super::font::{TextMetrics, FAMILY};
use super::FigureError;
use plotters::coord::Shift;
use plotters::element::{Circle, DashedPathElement, PathElement, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingBackend, IntoFont, RGBColor};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{ShapeStyle, TextStyle};

/// Which end of the text its x position is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// Size and colour of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextLook {
    pub size_pt: f64,
    pub colour: RGBColor,
}

pub struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    px_per_pt: f64,
    metrics: TextMetrics,
    /// Text widths are measured with the bitmap convention on every backend, so the
    /// layout does not depend on the output format.
    measure: TextMetrics,
}

fn drawing_error(e: impl std::fmt::Display) -> FigureError {
    FigureError::Draw(e.to_string())
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(
        area: &'a DrawingArea<DB, Shift>,
        px_per_pt: f64,
        metrics: TextMetrics,
    ) -> Result<Canvas<'a, DB>, FigureError> {
        Ok(Canvas {
            area,
            px_per_pt,
            metrics,
            measure: TextMetrics::bitmap()?,
        })
    }

    /// Width and height of the surface in points.
    pub fn size_pt(&self) -> (f64, f64) {
        let (w, h) = self.area.dim_in_pixel();
        (
            f64::from(w) / self.px_per_pt,
            f64::from(h) / self.px_per_pt,
        )
    }

    fn px(&self, pt: f64) -> i32 {
        (pt * self.px_per_pt).round() as i32
    }

    fn point(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    fn stroke(&self, colour: RGBColor, width_pt: f64) -> ShapeStyle {
        ShapeStyle {
            color: colour.into(),
            filled: false,
            stroke_width: self.px(width_pt).max(1) as u32,
        }
    }

    /// Width of `text` in points.
    pub fn text_width(&self, text: &str, size_pt: f64) -> Result<f64, FigureError> {
        let em_px = size_pt * self.px_per_pt;
        let font = TextStyle::from((FAMILY, self.measure.plotters_size(em_px)).into_font());
        let (w, _) = self
            .area
            .estimate_text_size(text, &font)
            .map_err(drawing_error)?;
        Ok(f64::from(w) / self.px_per_pt)
    }

    /// Draw `text` with its baseline at `baseline`.
    pub fn text(
        &self,
        text: &str,
        x: f64,
        baseline: f64,
        look: TextLook,
        align: Align,
    ) -> Result<(), FigureError> {
        if text.is_empty() {
            return Ok(());
        }
        let em_px = look.size_pt * self.px_per_pt;
        let top = self
            .metrics
            .top_for_baseline(baseline * self.px_per_pt, em_px);
        let h = match align {
            Align::Left => HPos::Left,
            Align::Centre => HPos::Center,
            Align::Right => HPos::Right,
        };
        let style: TextStyle = (FAMILY, self.metrics.plotters_size(em_px))
            .into_font()
            .color(&look.colour)
            .pos(Pos::new(h, VPos::Top));
        self.area
            .draw(&Text::new(
                text.to_string(),
                (self.px(x), top.round() as i32),
                style,
            ))
            .map_err(drawing_error)
    }

    /// A filled rectangle between two corners.
    pub fn rect(&self, a: (f64, f64), b: (f64, f64), colour: RGBColor) -> Result<(), FigureError> {
        self.area
            .draw(&Rectangle::new(
                [self.point(a), self.point(b)],
                ShapeStyle::from(colour).filled(),
            ))
            .map_err(drawing_error)
    }

    /// A solid polyline.
    pub fn line(
        &self,
        points: &[(f64, f64)],
        colour: RGBColor,
        width_pt: f64,
    ) -> Result<(), FigureError> {
        let points: Vec<(i32, i32)> = points.iter().map(|p| self.point(*p)).collect();
        self.area
            .draw(&PathElement::new(points, self.stroke(colour, width_pt)))
            .map_err(drawing_error)
    }

    /// A dashed polyline; dashes and gaps scale with the line width.
    pub fn dashed_line(
        &self,
        points: &[(f64, f64)],
        colour: RGBColor,
        width_pt: f64,
    ) -> Result<(), FigureError> {
        let points: Vec<(i32, i32)> = points.iter().map(|p| self.point(*p)).collect();
        let dash = self.px(width_pt * 4.0).max(2);
        let gap = self.px(width_pt * 2.5).max(2);
        self.area
            .draw(&DashedPathElement::new(
                points,
                dash,
                gap,
                self.stroke(colour, width_pt),
            ))
            .map_err(drawing_error)
    }

    /// A filled circle.
    pub fn dot(&self, centre: (f64, f64), radius_pt: f64, colour: RGBColor) -> Result<(), FigureError> {
        self.area
            .draw(&Circle::new(
                self.point(centre),
                self.px(radius_pt).max(1),
                ShapeStyle::from(colour).filled(),
            ))
            .map_err(drawing_error)
    }
}

/// A rectangle in points, y growing downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}
