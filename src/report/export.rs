//! Writing an export: the Word document, the PDF, every figure as PNG (300 dpi) and SVG,
//! every table as CSV, into a folder the analyst chose. Files are first written into a hidden
//! working folder beside them and moved into place only when all of them are complete,
//! so a crash or a cancel never leaves a half-written export looking finished. Progress
//! is reported per file; cancelling stops before the next file.

use super::content::ReportContent;
use super::document::lay_out;
use super::docx::{write_docx, DocxError};
use super::figures::{render_png, render_svg, FigureError};
use super::pdf::{write_pdf, PdfError};
use super::table::to_csv;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Which outputs to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub docx: bool,
    pub pdf: bool,
    pub png: bool,
    pub svg: bool,
    pub csv: bool,
}

impl Formats {
    pub const ALL: Formats = Formats {
        docx: true,
        pdf: true,
        png: true,
        svg: true,
        csv: true,
    };

    pub const NONE: Formats = Formats {
        docx: false,
        pdf: false,
        png: false,
        svg: false,
        csv: false,
    };

    /// `docx,pdf,png,svg,csv` (any subset, any order).
    pub fn parse(text: &str) -> Result<Formats, String> {
        let mut f = Formats::NONE;
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.to_ascii_lowercase().as_str() {
                "docx" | "word" => f.docx = true,
                "pdf" => f.pdf = true,
                "png" => f.png = true,
                "svg" => f.svg = true,
                "csv" => f.csv = true,
                other => {
                    return Err(format!(
                        "unknown format \"{other}\" (docx, pdf, png, svg, csv)"
                    ))
                }
            }
        }
        if f == Formats::NONE {
            return Err("choose at least one format (docx, pdf, png, svg, csv)".into());
        }
        Ok(f)
    }
}

/// How far an export has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
    pub current: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write to {path}: {reason}")]
    Io { path: String, reason: String },
    #[error(transparent)]
    Figure(#[from] FigureError),
    #[error(transparent)]
    Docx(#[from] DocxError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error("the export was cancelled; nothing was written to the folder")]
    Cancelled,
}

fn io_error(path: &Path, e: std::io::Error) -> ExportError {
    ExportError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// What was written, relative to the export folder.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ExportSummary {
    pub folder: String,
    pub files: Vec<String>,
    pub figures: usize,
    pub tables: usize,
    pub suppressed: usize,
}

/// The Word document's name: `strategic-assessment-2024-25.docx`.
pub fn docx_name(content: &ReportContent) -> String {
    document_name(content, "docx")
}

/// The PDF's name: `strategic-assessment-2024-25.pdf`.
pub fn pdf_name(content: &ReportContent) -> String {
    document_name(content, "pdf")
}

fn document_name(content: &ReportContent, extension: &str) -> String {
    format!(
        "strategic-assessment-{}.{extension}",
        content.financial_year.replace('/', "-")
    )
}

pub fn export(
    content: &ReportContent,
    folder: &Path,
    formats: Formats,
    progress: &dyn Fn(ExportProgress),
    cancel: &AtomicBool,
) -> Result<ExportSummary, ExportError> {
    std::fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
    let work = folder.join(".csp-export-in-progress");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| io_error(&work, e))?;
    }
    let result = write_all(content, &work, formats, progress, cancel);
    let files = match result {
        Ok(files) => files,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&work);
            return Err(e);
        }
    };
    // Everything is complete: move it into place.
    for relative in &files {
        let target = folder.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        std::fs::rename(work.join(relative), &target).map_err(|e| io_error(&target, e))?;
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(ExportSummary {
        folder: folder.display().to_string(),
        files: files
            .iter()
            .map(|f| f.display().to_string().replace('\\', "/"))
            .collect(),
        figures: content.figures.len(),
        tables: content.tables.len(),
        suppressed: content.suppressed,
    })
}

/// A figure's or table's file stem: `03-all_crime_by_type`, numbered in document order.
fn stem(index: usize, slug: &str) -> String {
    format!("{:02}-{slug}", index + 1)
}

fn write_all(
    content: &ReportContent,
    work: &Path,
    formats: Formats,
    progress: &dyn Fn(ExportProgress),
    cancel: &AtomicBool,
) -> Result<Vec<PathBuf>, ExportError> {
    let figure_files = usize::from(formats.png) + usize::from(formats.svg);
    let total = content.figures.len() * figure_files
        + if formats.csv { content.tables.len() } else { 0 }
        + usize::from(formats.docx)
        + usize::from(formats.pdf);
    let mut done = 0;
    let mut files = Vec::new();
    let mut step = |name: &str| -> Result<(), ExportError> {
        if cancel.load(Ordering::Relaxed) {
            return Err(ExportError::Cancelled);
        }
        progress(ExportProgress {
            done,
            total,
            current: name.to_string(),
        });
        done += 1;
        Ok(())
    };
    let write = |relative: &Path, bytes: &[u8]| -> Result<(), ExportError> {
        let path = work.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| io_error(&path, e))
    };
    let mut pngs: Vec<Vec<u8>> = Vec::with_capacity(content.figures.len());
    for (i, figure) in content.figures.iter().enumerate() {
        let name = stem(i, &figure.slug());
        // The documents embed the PNGs, so they are drawn even when not exported.
        if formats.png || formats.docx || formats.pdf {
            if formats.png {
                step(&format!("{name}.png"))?;
            }
            let png = render_png(figure)?;
            if formats.png {
                let relative = PathBuf::from("figures").join(format!("{name}.png"));
                write(&relative, &png)?;
                files.push(relative);
            }
            pngs.push(png);
        }
        if formats.svg {
            step(&format!("{name}.svg"))?;
            let relative = PathBuf::from("figures").join(format!("{name}.svg"));
            write(&relative, render_svg(figure)?.as_bytes())?;
            files.push(relative);
        }
    }
    if formats.csv {
        for (i, table) in content.tables.iter().enumerate() {
            let name = format!("{}.csv", stem(i, &table.slug));
            step(&name)?;
            let relative = PathBuf::from("tables").join(name);
            write(&relative, to_csv(table).as_bytes())?;
            files.push(relative);
        }
    }
    let document = lay_out(content, pngs);
    if formats.docx {
        let name = docx_name(content);
        step(&name)?;
        let relative = PathBuf::from(name);
        write(&relative, &write_docx(&document)?)?;
        files.push(relative);
    }
    if formats.pdf {
        let name = pdf_name(content);
        step(&name)?;
        let relative = PathBuf::from(name);
        write(&relative, &write_pdf(&document)?)?;
        files.push(relative);
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(ExportError::Cancelled);
    }
    progress(ExportProgress {
        done: total,
        total,
        current: String::new(),
    });
    Ok(files)
}
