//! Text laid out with ab_glyph: its width, and its coverage pixels for the PNG. Plotters'
//! own bitmap text drops each glyph's side bearing, which opens gaps such as "North vale";
//! placing glyphs by their outlines' real bounds keeps the spacing the font designer set.

use super::font::font;
use super::FigureError;
use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};

/// ab_glyph sizes text by its line height (ascent − descent), not by the em.
fn scale(font: &FontRef<'static>, em_px: f64) -> Result<PxScale, FigureError> {
    let em = font.units_per_em().ok_or(FigureError::Font)?;
    Ok(PxScale::from(em_px as f32 * font.height_unscaled() / em))
}

/// Width of `text` in pixels, with kerning.
pub fn width(text: &str, em_px: f64) -> Result<f64, FigureError> {
    let font = font()?;
    let scaled = font.as_scaled(scale(font, em_px)?);
    let mut caret = 0.0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            caret += scaled.kern(p, id);
        }
        caret += scaled.h_advance(id);
        previous = Some(id);
    }
    Ok(f64::from(caret))
}

/// Call `plot(x, y, coverage)` for every pixel of `text` set from `left` on `baseline`.
pub fn rasterize(
    text: &str,
    left: f64,
    baseline: f64,
    em_px: f64,
    mut plot: impl FnMut(i32, i32, f32),
) -> Result<(), FigureError> {
    let font = font()?;
    let px_scale = scale(font, em_px)?;
    let scaled = font.as_scaled(px_scale);
    let mut caret = left as f32;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            caret += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(px_scale, point(caret, baseline as f32));
        caret += scaled.h_advance(id);
        previous = Some(id);
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            let (x0, y0) = (bounds.min.x as i32, bounds.min.y as i32);
            outline.draw(|x, y, coverage| plot(x0 + x as i32, y0 + y as i32, coverage));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_grows_with_text_and_size() {
        let one = width("2024/25", 10.0).unwrap();
        assert!(one > 20.0 && one < 60.0, "{one}");
        assert!((width("2024/25", 20.0).unwrap() - 2.0 * one).abs() < 0.5);
        assert_eq!(width("", 10.0).unwrap(), 0.0);
    }

    #[test]
    fn glyphs_keep_their_side_bearings() {
        // "l" in Ubuntu has a left side bearing: its ink must not start at the caret.
        let mut first_x = i32::MAX;
        rasterize("l", 100.0, 100.0, 40.0, |x, _, c| {
            if c > 0.5 {
                first_x = first_x.min(x);
            }
        })
        .unwrap();
        assert!(first_x > 100, "ink starts at {first_x}");
    }
}
