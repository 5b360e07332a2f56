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
    /// Write the Report page's plan, narrative, scores and weights to the file.
    SaveReport,
    /// Copy commentary from another assessment file (dialog).
    CopyNarrativeFromFile,
    /// Add an issue to the priority matrix; `theme` (index into the picture's themes)
    /// pre-fills volume and trend from the data.
    AddPriority {
        name: String,
        theme: Option<usize>,
    },
    DeletePriority(i64),
    ChooseExportFolder,
    StartExport,
    /// Build the report as it would be exported and show it on the page.
    PreviewReport,
    CancelExport,
    /// The Map page's layer and classes.
    SetMapOptions(super::map_view::MapOptions),
    /// Save the ward lookup derived from the boundaries.
    AcceptDerivedLookup,
    CloseRejectedRows,
    /// Choose a partner CSV to import with a column mapping (dialog).
    ImportWithMapping,
    /// Save the mapping window's mapping and import its file.
    SaveMappingAndImport,
    CloseMappingImport,
    /// Show a partner theme (by layout) for a financial year.
    SelectPartnerYear(
        crate::import::partner::PartnerLayout,
        crate::analysis::financial_year::FinancialYear,
    ),
    /// Set (or clear) the female 16+ population MARAC rates use.
    SetFemalePopulation(Option<f64>),
    /// The Comparison page's peer set (remembered in the file).
    SetPeers(crate::analysis::comparison::PeerChoice),
    /// Sort the Comparison table by a column (again to reverse).
    SortComparison(super::comparison_view::SortColumn),
    /// Open the peer-group editor.
    EditPeerGroups,
    SavePeerGroup {
        name: String,
        codes: Vec<String>,
    },
    DeletePeerGroup(String),
    ClosePeerGroups,
    /// Choose a CSV to read district codes from into the peer-group editor (dialog).
    ReadPeerCodesFromFile,
    /// Make the district proposed after the first import the area of interest.
    AcceptProposedArea,
    DismissProposedArea,
    CloseImportSummary,
    /// Paths chosen in the app's own file chooser, for its purpose.
    FileChosen(super::file_chooser::ChooserPurpose, Vec<PathBuf>),
    CloseFileChooser,
    DismissNotice,
    Quit,
    /// Choose an assessment file to open read-only, for review (dialog).
    OpenForReview,
    /// Review the plan as at another month or quarter.
    SetPlanAsAt(crate::analysis::action_plan::AsAt),
    /// Choose an action plan (CSV or workbook) to import (dialog).
    ImportPlan,
    AddPlanPriority {
        name: String,
        theme_key: Option<String>,
        lead: String,
    },
    DeletePlanPriority(i64),
    /// Save the Plan page's measurable form.
    SaveMeasurable,
    DeleteMeasurable(i64),
    ChoosePerformanceFolder,
    ExportPerformanceReport,
    /// Choose the partnerships' assessment files to roll up (dialog).
    ChooseRollupFiles,
    ChooseRollupFolder,
    ExportRollup,
}

impl Action {
    /// Whether the action changes the assessment file (refused when it is open read-only).
    pub fn is_edit(&self) -> bool {
        matches!(
            self,
            Action::ImportFiles
                | Action::ImportFolder
                | Action::SetArea(_)
                | Action::SaveThemeGroup { .. }
                | Action::DeleteThemeGroup(_)
                | Action::SaveReport
                | Action::CopyNarrativeFromFile
                | Action::AddPriority { .. }
                | Action::DeletePriority(_)
                | Action::AcceptDerivedLookup
                | Action::ImportWithMapping
                | Action::SaveMappingAndImport
                | Action::SetFemalePopulation(_)
                | Action::ImportPlan
                | Action::AddPlanPriority { .. }
                | Action::DeletePlanPriority(_)
                | Action::SaveMeasurable
                | Action::DeleteMeasurable(_)
                | Action::SavePeerGroup { .. }
                | Action::DeletePeerGroup(_)
                | Action::AcceptProposedArea
        )
    }
}
