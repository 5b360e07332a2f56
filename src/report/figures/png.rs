//! A figure as a 300 dpi PNG: plotters draws into an RGB buffer and the `png` crate
//! encodes it with a `pHYs` chunk saying 300 dpi, so Word places it at 16 cm × 9 cm. The
//! encoder writes no time or text chunks: the same figure gives the same bytes.

use super::canvas::{Canvas, TextOutput};
use super::draw::draw_figure;
use super::page::{HEIGHT_PX, PX_PER_METRE, PX_PER_PT, WIDTH_PX};
use super::spec::Figure;
use super::FigureError;
use plotters::backend::{BitMapBackend, RGBPixel};
use plotters::prelude::{IntoDrawingArea, WHITE};

pub fn render(figure: &Figure) -> Result<Vec<u8>, FigureError> {
    let mut rgb = vec![0u8; WIDTH_PX as usize * HEIGHT_PX as usize * 3];
    {
        let backend =
            BitMapBackend::<RGBPixel>::with_buffer_and_format(&mut rgb, (WIDTH_PX, HEIGHT_PX))
                .map_err(|e| FigureError::Draw(e.to_string()))?;
        let root = backend.into_drawing_area();
        root.fill(&WHITE)
            .map_err(|e| FigureError::Draw(e.to_string()))?;
        let canvas = Canvas::new(&root, PX_PER_PT, TextOutput::Pixels);
        draw_figure(&canvas, figure)?;
        root.present()
            .map_err(|e| FigureError::Draw(e.to_string()))?;
    }
    encode(&rgb)
}

fn encode(rgb: &[u8]) -> Result<Vec<u8>, FigureError> {
    let png_error = |e: ::png::EncodingError| FigureError::Png(e.to_string());
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, WIDTH_PX, HEIGHT_PX);
    encoder.set_color(::png::ColorType::Rgb);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(::png::Compression::Balanced);
    encoder.set_pixel_dims(Some(::png::PixelDimensions {
        xppu: PX_PER_METRE,
        yppu: PX_PER_METRE,
        unit: ::png::Unit::Meter,
    }));
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(rgb).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(out)
}
