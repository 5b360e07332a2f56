//! What the Overview and Trends pages change: the theme and year shown, the area every page
//! is filtered to (with the ward picker), theme groups, and the trend chart's options.

use super::app::App;
use super::area_chooser::WardChooser;
use super::crime_picture::CrimePicture;
use super::notice::Notice;
use super::report_app::reload_report;
use super::theme_group_editor::GroupEditor;
use crate::store::geography::AreaChoice;

impl App {
    /// Choose the theme (index into the picture's themes) and year the Overview shows.
    pub fn select_picture(
        &mut self,
        theme: usize,
        year: crate::analysis::financial_year::FinancialYear,
    ) {
        if let Some(picture) = self
            .assessment
            .as_mut()
            .and_then(|a| a.view.picture.as_mut())
        {
            picture.select(theme, year);
        }
    }

    /// Filter every page to an area; stored in the assessment file, so it is still chosen
    /// next time the file is opened.
    pub fn set_area(&mut self, choice: AreaChoice) {
        if self.refuse_read_only() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.set_area(&choice) {
            Ok(_) => {
                self.ward_chooser = None;
                self.dismiss_proposed_area();
                self.refresh_picture();
                self.refresh_partner();
                self.refresh_plan();
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The area could not be set: {e}")))
            }
        }
    }

    /// Open the ward picker, starting from the current area.
    pub fn choose_wards(&mut self) {
        if let Some(picture) = self.view().and_then(|v| v.picture.as_ref()) {
            self.ward_chooser = Some(WardChooser::starting_from(
                picture.area_ward_codes(),
                picture.area_name(),
            ));
        }
    }

    pub fn ward_chooser(&mut self) -> Option<&mut WardChooser> {
        self.ward_chooser.as_mut()
    }

    pub fn edit_theme_groups(&mut self) {
        self.group_editor = Some(GroupEditor::default());
    }

    pub fn group_editor(&mut self) -> Option<&mut GroupEditor> {
        self.group_editor.as_mut()
    }

    /// Create or redefine a theme group; it becomes a theme on every page at once.
    pub fn save_theme_group(&mut self, name: &str, crime_types: &[u8]) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.save_theme_group(name, crime_types) {
            Ok(_) => {
                self.group_editor = Some(GroupEditor::default());
                self.refresh_picture();
            }
            Err(e) => self.notice = Some(Notice::problem(format!("The group was not saved: {e}"))),
        }
    }

    pub fn delete_theme_group(&mut self, id: i64) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.delete_theme_group(id) {
            Ok(()) => self.refresh_picture(),
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The group was not deleted: {e}")))
            }
        }
    }

    /// Re-read the counts after the area or the groups changed, keeping the theme and year.
    fn refresh_picture(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match CrimePicture::reload(&assessment.store, assessment.view.picture.as_ref()) {
            Ok(picture) => {
                assessment.view.picture = picture;
                assessment.report = reload_report(
                    &assessment.store,
                    &assessment.view,
                    assessment.report.take(),
                );
            }
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    /// Choose the Trends page's chart kind and months.
    pub fn set_trend_options(&mut self, options: super::crime_picture::TrendOptions) {
        if let Some(picture) = self
            .assessment
            .as_mut()
            .and_then(|a| a.view.picture.as_mut())
        {
            picture.set_trend_options(options);
        }
    }
}
