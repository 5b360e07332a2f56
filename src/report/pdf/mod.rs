//! The print-ready PDF of the assessment for the board pack: the same laid-out document
//! as the Word file (same blocks, figures, disclosure-controlled tables, column widths),
//! typeset in-process by typst with the fonts shipped in the binary. The contents page's
//! page numbers are typst's own, so they are exact; the PDF is tagged and checked as
//! PDF/UA-1 (figures carry their descriptions as alternative text); no dates or random
//! ids, so the same document gives byte-identical files.

mod markup;
mod world;

use crate::report::document::Document;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use markup::document as typst_source;

/// Why the PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF could not be set up: {0}")]
    Setup(String),
    #[error("the PDF could not be typeset: {0}")]
    Typeset(String),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

fn messages(diagnostics: &[typst::diag::SourceDiagnostic]) -> String {
    let texts: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
            if hints.is_empty() {
                d.message.to_string()
            } else {
                format!("{} ({})", d.message, hints.join("; "))
            }
        })
        .collect();
    texts.join("; ")
}

/// The PDF's bytes.
pub fn write_pdf(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let pngs: Vec<Vec<u8>> = doc.images.iter().map(|i| i.png.clone()).collect();
    let world = world::ReportWorld::new(markup::document(doc), &pngs)
        .ok_or_else(|| PdfError::Setup("a file path was refused".into()))?;
    let paged: PagedDocument = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|e| PdfError::Typeset(messages(&e)))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .map_err(|e| PdfError::Setup(e.message().to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("csp-assessment {}", doc.title)),
        creator: Smart::Custom(Some("CSP Strategic Assessment".into())),
        timestamp: None,
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&paged, &options).map_err(|e| PdfError::Write(messages(&e)));
    // typst memoises across compilations in process-wide caches; the app lives long and
    // exports rarely, so give the memory back.
    typst::comemo::evict(0);
    pdf
}

#[cfg(test)]
mod tests;
