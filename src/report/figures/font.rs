//! The one typeface of every figure: egui's Ubuntu Light, shipped inside the binary and
//! registered once with plotters' ab_glyph text renderer under the family name the SVG
//! names, so no system font (or fontconfig) is ever looked up. Also how a point size
//! becomes plotters' size on each backend, which the two backends read differently.

use super::FigureError;
use ab_glyph::{Font, FontRef};
use plotters::style::{register_font, FontStyle};
use std::sync::OnceLock;

/// The family every text element names; an SVG viewer without Ubuntu substitutes its own
/// sans-serif face.
pub const FAMILY: &str = "sans-serif";

const FONT_BYTES: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// The font's line height (ascent − descent) in ems: ab_glyph sizes text by it, not by
/// the em.
fn line_height_per_em() -> Result<f64, FigureError> {
    static RATIO: OnceLock<Option<f64>> = OnceLock::new();
    RATIO
        .get_or_init(|| {
            let font = FontRef::try_from_slice(FONT_BYTES).ok()?;
            let em = font.units_per_em()?;
            Some(f64::from(font.height_unscaled() / em))
        })
        .ok_or(FigureError::Font)
}

/// Register the font with plotters (only the first call does the work).
pub fn ensure_registered() -> Result<(), FigureError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED
        .get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT_BYTES).is_ok());
    if ok {
        Ok(())
    } else {
        Err(FigureError::Font)
    }
}

/// How a backend turns plotters' font size into glyphs. Plotters' bitmap text (ab_glyph)
/// takes the size as the font's line height and puts the baseline half a size below the
/// top of the text box; its SVG text writes `font-size = size / 1.24` and puts the
/// baseline 0.76 em below the top (`dy="0.76em"`). Converting through these keeps the
/// letters the same size and on the same baseline in both outputs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextMetrics {
    /// Plotters size for a 1 px em.
    size_per_em: f64,
    /// Distance from the top of plotters' text box to the baseline, in ems.
    baseline_below_top: f64,
}

impl TextMetrics {
    pub fn bitmap() -> Result<TextMetrics, FigureError> {
        let ratio = line_height_per_em()?;
        Ok(TextMetrics {
            size_per_em: ratio,
            baseline_below_top: ratio / 2.0,
        })
    }

    pub fn svg() -> TextMetrics {
        TextMetrics {
            size_per_em: 1.24,
            baseline_below_top: 0.76,
        }
    }

    /// Plotters' size for text whose em is `em_px` pixels.
    pub fn plotters_size(&self, em_px: f64) -> f64 {
        em_px * self.size_per_em
    }

    /// Where plotters' text box must start for the baseline to fall at `baseline_px`.
    pub fn top_for_baseline(&self, baseline_px: f64, em_px: f64) -> f64 {
        baseline_px - self.baseline_below_top * em_px
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_loads_and_registers() {
        ensure_registered().unwrap();
        let ratio = line_height_per_em().unwrap();
        assert!(
            (1.0..1.5).contains(&ratio),
            "Ubuntu's line height is a little over one em, got {ratio}"
        );
        let bitmap = TextMetrics::bitmap().unwrap();
        assert!((bitmap.plotters_size(10.0) - 10.0 * ratio).abs() < 1e-9);
        assert_eq!(TextMetrics::svg().top_for_baseline(100.0, 10.0), 92.4);
    }
}
