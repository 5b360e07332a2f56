//! What the user asked for while a frame was drawn. Drawing functions push these instead
//! of changing state, so the app applies them in one place once the frame's widgets are
//! drawn.

use super::navigation::Page;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Choose where to create a new assessment file (dialog).
    NewFile,
    /// Choose an assessment file to open (dialog).
    OpenFile,
    OpenRecent(PathBuf),
    OpenSample,
    /// Choose files or zips to import (dialog).
    ImportFiles,
    /// Choose a folder to import (dialog).
    ImportFolder,
    CancelImport,
    ShowPage(Page),
    ShowRejectedRows(i64),
    /// Show the crime picture of theme `.0` (index) for financial year `.1`.
    SelectPicture(usize, crate::analysis::financial_year::FinancialYear),
    /// Filter every page to an area (stored in the assessment file).
    SetArea(crate::store::geography::AreaChoice),
    /// Open the window that picks a set of wards as the area.
    ChooseWards,
    CloseWardChooser,
    /// Open the theme-group editor.
    EditThemeGroups,
    SaveThemeGroup {
        name: String,
        crime_types: Vec<u8>,
    },
    DeleteThemeGroup(i64),
    CloseThemeGroups,
    /// The Trends page's chart kind and months.
    SetTrendOptions(super::crime_picture::TrendOptions),
    /// The Map page's layer and classes.
    SetMapOptions(super::map_view::MapOptions),
    /// Save the ward lookup derived from the boundaries.
    AcceptDerivedLookup,
    CloseRejectedRows,
    CloseImportSummary,
    DismissNotice,
    Quit,
}
