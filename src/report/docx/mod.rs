//! A Word document (.docx, Office Open XML) written directly: a zip of XML parts with our
//! own styles (headings, captions, tables, contents), embedded PNG figures and a
//! contents list. Written by hand rather than through a crate so every byte is under our
//! control: the same document gives byte-identical files (fixed zip timestamps, no
//! generated ids or clock reads). Knows nothing of crime data: it lays out blocks.

mod body;
mod parts;
mod xml;

use std::io::Write;
use zip::write::SimpleFileOptions;

/// A block of the document body, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 or 2; level-1 headings start a new page (except the first).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// Small grey text: sources, suppression notes.
    Note(String),
    /// Lines in a small fixed-width font.
    Code(Vec<String>),
    Bullet(String),
    /// A table with a header row; `numeric[i]` right-aligns column i; `total_row` bolds
    /// the last row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        numeric: Vec<bool>,
        total_row: bool,
    },
    /// One of the document's images with its caption under it; width in cm (height
    /// follows the image's aspect ratio).
    Figure {
        image: usize,
        width_cm: f64,
        caption: String,
    },
    /// Caption above a table.
    TableCaption(String),
    /// The contents list (the level-1 and level-2 headings).
    Contents,
    PageBreak,
}

/// A PNG to embed, with its pixel size (for the aspect ratio) and a description for
/// screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
    pub description: String,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordDocument {
    /// Title page: title, then the lines under it (area, year, date…).
    pub title: String,
    pub title_lines: Vec<String>,
    /// Shown in the page footer beside the page number.
    pub footer: String,
    pub blocks: Vec<Block>,
    pub images: Vec<Image>,
    /// Core properties (File > Info in Word).
    pub author: String,
}

/// A problem writing the document.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("the Word document could not be assembled: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("the Word document could not be written: {0}")]
    Io(#[from] std::io::Error),
    #[error("figure {0} is referred to but was not supplied")]
    MissingImage(usize),
}

/// The .docx file's bytes.
pub fn write_docx(doc: &WordDocument) -> Result<Vec<u8>, DocxError> {
    for block in &doc.blocks {
        if let Block::Figure { image, .. } = block {
            if doc.images.get(*image).is_none() {
                return Err(DocxError::MissingImage(*image));
            }
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed timestamp (the zip epoch) keeps the output byte-identical.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let stored = options.compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, bytes: &[u8], opts: SimpleFileOptions| -> Result<(), DocxError> {
        zip.start_file(name, opts)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    add(
        "[Content_Types].xml",
        parts::content_types().as_bytes(),
        options,
    )?;
    add("_rels/.rels", parts::package_rels().as_bytes(), options)?;
    add(
        "docProps/core.xml",
        parts::core(&doc.title, &doc.author).as_bytes(),
        options,
    )?;
    add("docProps/app.xml", parts::app().as_bytes(), options)?;
    add("word/styles.xml", parts::styles().as_bytes(), options)?;
    add("word/settings.xml", parts::settings().as_bytes(), options)?;
    add(
        "word/footer1.xml",
        parts::footer(&doc.footer).as_bytes(),
        options,
    )?;
    add(
        "word/_rels/document.xml.rels",
        parts::document_rels(doc.images.len()).as_bytes(),
        options,
    )?;
    add("word/document.xml", body::document(doc).as_bytes(), options)?;
    for (i, image) in doc.images.iter().enumerate() {
        add(
            &format!("word/media/image{}.png", i + 1),
            &image.png,
            stored,
        )?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests;
