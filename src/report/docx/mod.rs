//! A Word document (.docx, Office Open XML) written directly from the laid-out
//! [`Document`]: a zip of XML parts with our own styles (headings, captions, tables,
//! contents), embedded PNG figures and a contents list. Written by hand rather than through a crate so every byte is under our
//! control: the same document gives byte-identical files (fixed zip timestamps, no
//! generated ids or clock reads). Knows nothing of crime data: it lays out blocks.

mod body;
mod parts;
mod props;
mod xml;

use std::io::Write;
use zip::write::SimpleFileOptions;

pub use crate::report::document::{Block, Document, Image, TableBlock};

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
pub fn write_docx(doc: &Document) -> Result<Vec<u8>, DocxError> {
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
pub(crate) mod tests;
