//! The size of every figure: 16 cm × 9 cm (a full text width on A4 with 2.5 cm margins,
//! at 16:9), drawn on a 300 dpi pixel grid. Both the PNG and the SVG use this grid, so
//! a point (1/72 inch) is the same number of pixels in each.

/// 160 mm.
pub const WIDTH_MM: u32 = 160;
/// 90 mm.
pub const HEIGHT_MM: u32 = 90;
/// Dots per inch of the PNG.
pub const DPI: f64 = 300.0;
/// 160 mm at 300 dpi is 1889.76 px, rounded to 1890.
pub const WIDTH_PX: u32 = 1890;
/// 90 mm at 300 dpi is 1062.99 px, rounded to 1063.
pub const HEIGHT_PX: u32 = 1063;
/// 300 dpi in pixels per metre, as the PNG `pHYs` chunk states it (300 / 0.0254, rounded).
pub const PX_PER_METRE: u32 = 11811;
/// Pixels in a typographic point at 300 dpi.
pub const PX_PER_PT: f64 = DPI / 72.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_sizes_match_the_millimetres() {
        let px = |mm: u32| (f64::from(mm) / 25.4 * DPI).round() as u32;
        assert_eq!((px(WIDTH_MM), px(HEIGHT_MM)), (WIDTH_PX, HEIGHT_PX));
        assert_eq!((DPI / 0.0254).round() as u32, PX_PER_METRE);
    }
}
