//! A drawing surface measured in typographic points (1/72 inch) over any plotters
//! backend: text placed by its baseline, rectangles, solid and dashed lines, circles.
//! The chart code works in points only, so SVG and PNG share one layout; this is the one
//! place that knows pixels.

use super::font::FAMILY;
use super::{glyphs, FigureError};
use plotters::coord::Shift;
use plotters::element::{Circle, DashedPathElement, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{Color, DrawingArea, DrawingBackend, IntoFont, RGBColor};
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

/// How text reaches the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextOutput {
    /// Real `<text>` elements, through plotters' SVG backend.
    Svg,
    /// Glyph pixels blended into the bitmap, laid out by [`glyphs`].
    Pixels,
}

/// Plotters' SVG text writes `font-size = size / 1.24` and puts the baseline 0.76 em
/// below the point given (`dy="0.76em"`, top anchor).
const SVG_SIZE_PER_EM: f64 = 1.24;
const SVG_BASELINE_BELOW_TOP: f64 = 0.76;
/// An SVG viewer draws its own sans-serif face, not our Ubuntu Light: Arial (Word) sets
/// text about as wide, DejaVu Sans (Linux) about 13% wider. The SVG's layout leaves that
/// much room, so labels neither collide nor run off the page in any of them.
const SVG_WIDTH_SLACK: f64 = 1.15;

pub struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    px_per_pt: f64,
    text_output: TextOutput,
}

fn drawing_error(e: impl std::fmt::Display) -> FigureError {
    FigureError::Draw(e.to_string())
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(
        area: &'a DrawingArea<DB, Shift>,
        px_per_pt: f64,
        text_output: TextOutput,
    ) -> Canvas<'a, DB> {
        Canvas {
            area,
            px_per_pt,
            text_output,
        }
    }

    /// Width and height of the surface in points.
    pub fn size_pt(&self) -> (f64, f64) {
        let (w, h) = self.area.dim_in_pixel();
        (f64::from(w) / self.px_per_pt, f64::from(h) / self.px_per_pt)
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

    /// Width of `text` in points, as far as the layout is concerned: exact in pixels;
    /// in an SVG, wide enough for the viewer's substitute font (see [`SVG_WIDTH_SLACK`]).
    pub fn text_width(&self, text: &str, size_pt: f64) -> Result<f64, FigureError> {
        let slack = match self.text_output {
            TextOutput::Svg => SVG_WIDTH_SLACK,
            TextOutput::Pixels => 1.0,
        };
        Ok(glyphs::width(text, size_pt * self.px_per_pt)? * slack / self.px_per_pt)
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
        let (x_px, baseline_px) = (x * self.px_per_pt, baseline * self.px_per_pt);
        match self.text_output {
            TextOutput::Svg => {
                let h = match align {
                    Align::Left => HPos::Left,
                    Align::Centre => HPos::Center,
                    Align::Right => HPos::Right,
                };
                let style: TextStyle = (FAMILY, em_px * SVG_SIZE_PER_EM)
                    .into_font()
                    .color(&look.colour)
                    .pos(Pos::new(h, VPos::Top));
                let top = baseline_px - SVG_BASELINE_BELOW_TOP * em_px;
                self.area
                    .draw(&Text::new(
                        text.to_string(),
                        (x_px.round() as i32, top.round() as i32),
                        style,
                    ))
                    .map_err(drawing_error)
            }
            TextOutput::Pixels => {
                let width = glyphs::width(text, em_px)?;
                let left = match align {
                    Align::Left => x_px,
                    Align::Centre => x_px - width / 2.0,
                    Align::Right => x_px - width,
                };
                let mut result = Ok(());
                glyphs::rasterize(text, left, baseline_px, em_px, |x, y, coverage| {
                    if result.is_ok() && coverage > 0.0 {
                        result = self
                            .area
                            .draw_pixel((x, y), &look.colour.mix(f64::from(coverage.min(1.0))));
                    }
                })?;
                result.map_err(drawing_error)
            }
        }
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

    /// A filled polygon (any shape; the ring need not repeat its first point).
    pub fn polygon(&self, points: &[(f64, f64)], colour: RGBColor) -> Result<(), FigureError> {
        let points: Vec<(i32, i32)> = points.iter().map(|p| self.point(*p)).collect();
        self.area
            .draw(&Polygon::new(points, ShapeStyle::from(colour).filled()))
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
    pub fn dot(
        &self,
        centre: (f64, f64),
        radius_pt: f64,
        colour: RGBColor,
    ) -> Result<(), FigureError> {
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
