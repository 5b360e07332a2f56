//! The state behind the Overview's crime picture: the file's counts decoded once, the area
//! index, the themes, years and areas on offer, the chosen theme and year, and the figures
//! for them. Figures are recomputed only when a selector changes, never per frame.

use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::{complete_years, default_year, theme_overview, ThemeOverview};
use crate::analysis::theme::Theme;
use crate::store::cube::{CountCube, ThemeGroup};
use crate::store::geography::{District, Ward};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub struct CrimePicture {
    cube: CountCube,
    area: AreaIndex,
    pub themes: Vec<Theme>,
    /// Complete financial years, newest first.
    pub years: Vec<FinancialYear>,
    /// Districts of the ward lookup, for the area selector.
    pub districts: Vec<District>,
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
            districts: store.districts()?,
            cube,
            area,
            themes,
            theme: 0,
            year,
            figures,
        }))
    }

    /// Load again after the area or the theme groups changed, keeping the theme (by key)
    /// and the year the analyst was looking at where they still exist.
    pub fn reload(
        store: &Store,
        previous: Option<&CrimePicture>,
    ) -> Result<Option<Self>, StoreError> {
        let Some(mut picture) = CrimePicture::load(store)? else {
            return Ok(None);
        };
        if let Some(before) = previous {
            let key = before.figures.key.as_str();
            let theme = picture
                .themes
                .iter()
                .position(|t| t.key() == key)
                .unwrap_or(0);
            let year = if picture.years.contains(&before.year) {
                before.year
            } else {
                picture.year
            };
            picture.select(theme, year);
        }
        Ok(Some(picture))
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

    /// Every ward of the lookup (not only those of the area), by name.
    pub fn all_wards(&self) -> &[Ward] {
        &self.cube.wards
    }

    /// Ward codes of the area of interest; empty when no area is set.
    pub fn area_ward_codes(&self) -> &[String] {
        &self.cube.area.ward_codes
    }

    pub fn groups(&self) -> &[ThemeGroup] {
        &self.cube.groups
    }

    /// The chosen theme.
    pub fn chosen_theme(&self) -> &Theme {
        const FALLBACK: &Theme = &Theme::AllCrime;
        self.themes.get(self.theme).unwrap_or(FALLBACK)
    }
}
