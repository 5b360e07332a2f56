//! The closed world typst compiles the report in: one source file, the figures' PNGs at
//! fixed virtual paths, the fonts shipped in the binary and no clock. Nothing is read from
//! disk or the network and no system font is looked up, so the same document gives the
//! same PDF on any machine.

use super::markup::image_path;
use crate::report::doc_font::ALL_FACES;
use std::collections::HashMap;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The shipped fonts, parsed once.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = ALL_FACES
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

pub struct ReportWorld {
    main: Source,
    images: HashMap<FileId, Bytes>,
}

impl ReportWorld {
    /// `source` is the typst markup; `pngs` the figures' images in order.
    pub fn new(source: String, pngs: &[Vec<u8>]) -> Option<ReportWorld> {
        let main = Source::new(file_id("/report.typ")?, source);
        let mut images = HashMap::new();
        for (i, png) in pngs.iter().enumerate() {
            images.insert(file_id(&image_path(i))?, Bytes::new(png.clone()));
        }
        Some(ReportWorld { main, images })
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.images
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    /// No clock: a date in the document would make two exports differ.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
