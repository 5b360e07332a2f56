//! The document's typeface, shipped inside the binary: Liberation Sans (regular, bold,
//! italic) and Liberation Mono (SIL Open Font License 1.1, `assets/fonts/OFL.txt`).
//! Liberation Sans has exactly Arial's advance widths, so text measured here is as wide as
//! Word sets it in the Arial the .docx names, as LibreOffice sets it (it substitutes
//! Liberation Sans for Arial) and as the PDF sets it (typeset in Liberation Sans itself).
//! Used to size table columns so no word or number is ever broken. Nothing here draws.

use ab_glyph::{Font, FontRef};
use std::sync::OnceLock;

pub const SANS_REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
pub const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
pub const SANS_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf");
pub const MONO_REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationMono-Regular.ttf");

/// Every face the PDF may use.
pub const ALL_FACES: [&[u8]; 4] = [SANS_REGULAR, SANS_BOLD, SANS_ITALIC, MONO_REGULAR];

/// The family name the PDF's markup asks for.
pub const SANS_FAMILY: &str = "Liberation Sans";
pub const MONO_FAMILY: &str = "Liberation Mono";

/// Regular or bold (table headers and total rows are bold).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

fn face(weight: Weight) -> Option<&'static FontRef<'static>> {
    static REGULAR: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    static BOLD: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    let (cell, bytes) = match weight {
        Weight::Regular => (&REGULAR, SANS_REGULAR),
        Weight::Bold => (&BOLD, SANS_BOLD),
    };
    cell.get_or_init(|| FontRef::try_from_slice(bytes).ok())
        .as_ref()
}

/// Width of `text` set in Liberation Sans (= Arial) at `size_pt`, in points. Kerning is
/// left out: Word does not kern by default, and unkerned text is never narrower than
/// kerned text in these faces, so a column sized by this is wide enough for either.
pub fn text_width_pt(text: &str, size_pt: f64, weight: Weight) -> f64 {
    let Some(font) = face(weight) else {
        // The font is compiled in; if it ever failed to parse, over-estimate rather than
        // under-estimate (an average Arial glyph is about half an em wide).
        return text.chars().count() as f64 * size_pt * 0.6;
    };
    let units_per_em = f64::from(font.units_per_em().unwrap_or(2048.0));
    let advance: f64 = text
        .chars()
        .map(|c| f64::from(font.h_advance_unscaled(font.glyph_id(c))))
        .sum();
    advance * size_pt / units_per_em
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_arial_widths() {
        // Arial's advance widths in 2048ths of an em: "0" 1139, space 569, "W" 1933.
        let size = 2048.0;
        assert!((text_width_pt("0", size, Weight::Regular) - 1139.0).abs() < 0.01);
        assert!((text_width_pt(" ", size, Weight::Regular) - 569.0).abs() < 0.01);
        assert!((text_width_pt("W", size, Weight::Regular) - 1933.0).abs() < 0.01);
        // Bold is wider; width scales with size.
        let regular = text_width_pt("Completion rate", 9.5, Weight::Regular);
        assert!(text_width_pt("Completion rate", 9.5, Weight::Bold) > regular);
        assert!(
            (text_width_pt("Completion rate", 19.0, Weight::Regular) - 2.0 * regular).abs() < 1e-9
        );
    }
}
