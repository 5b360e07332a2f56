//! The state behind the Overview's crime picture: the file's counts decoded once, the area
//! index, the themes and years on offer, the chosen theme and year, and the figures for
//! them. Figures are recomputed only when a selector changes, never per frame.

use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::{complete_years, default_year, theme_overview, ThemeOverview};
use crate::analysis::theme::Theme;
use crate::store::cube::CountCube;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub struct CrimePicture {
    cube: CountCube,
    area: AreaIndex,
    pub themes: Vec<Theme>,
    /// Complete financial years, newest first.
    pub years: Vec<FinancialYear>,
    pub theme: usize,
    pub year: FinancialYear,
    pub figures: ThemeOverview,
}

impl CrimePicture {
    /// `None` while the file holds no complete financial year of police data.
    pub fn load(store: &Store) -> Result<Option<CrimePicture>, StoreError> {
        let cube = store.count_cube()?;
        let Some(year) = default_year(&cube.months) else {
            return Ok(None);
        };
        let area = AreaIndex::build(&cube);
        let themes = Theme::all(&cube.groups);
        let figures = theme_overview(&cube.months, &themes[0], &area, year);
        Ok(Some(CrimePicture {
            years: complete_years(&cube.months),
            cube,
            area,
            themes,
            theme: 0,
            year,
            figures,
        }))
    }

    /// Change theme and/or year, recomputing the figures once.
    pub fn select(&mut self, theme: usize, year: FinancialYear) {
        let Some(chosen) = self.themes.get(theme) else {
            return;
        };
        if theme == self.theme && year == self.year {
            return;
        }
        self.figures = theme_overview(&self.cube.months, chosen, &self.area, year);
        self.theme = theme;
        self.year = year;
    }

    pub fn area_name(&self) -> &str {
        &self.area.name
    }
}
