//! The one typeface of every figure: egui's Ubuntu Light, shipped inside the binary. It
//! is parsed once for our own text layout and registered once with plotters under the
//! family name the SVG names, so no system font (or fontconfig) is ever looked up.

use super::FigureError;
use ab_glyph::FontRef;
use plotters::style::{register_font, FontStyle};
use std::sync::OnceLock;

/// The family every SVG text element names; a viewer without Ubuntu substitutes its own
/// sans-serif face.
pub const FAMILY: &str = "sans-serif";

const FONT_BYTES: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// The parsed font.
pub fn font() -> Result<&'static FontRef<'static>, FigureError> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok())
        .as_ref()
        .ok_or(FigureError::Font)
}

/// Register the font with plotters (only the first call does the work).
pub fn ensure_registered() -> Result<(), FigureError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok =
        *REGISTERED.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT_BYTES).is_ok());
    if ok {
        Ok(())
    } else {
        Err(FigureError::Font)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_loads_and_registers() {
        ensure_registered().unwrap();
        assert!(font().is_ok());
    }
}
