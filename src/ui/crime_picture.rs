//! The state behind the Overview's crime picture: the file's counts decoded once, the area
//! index, the themes, years and areas on offer, the chosen theme and year, and the figures
//! for them. Figures are recomputed only when a selector changes, never per frame.

use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::{
    complete_years, default_year, last_three_years, theme_overview, ThemeOverview,
};
use crate::analysis::spc::{control_chart, ChartKind, ControlChart};
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
    pub trend_options: TrendOptions,
    /// The Trends page's control chart for the theme, year and options.
    pub trend_chart: ControlChart,
}

/// Which months the Trends page charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrendWindow {
    /// The 36 months to the end of the chosen financial year.
    #[default]
    LastThreeYears,
    /// Every month the file holds.
    AllMonths,
}

/// The Trends page's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendOptions {
    pub kind: ChartKind,
    pub window: TrendWindow,
}

impl Default for TrendOptions {
    /// XmR first: monthly crime counts vary more than Poisson limits allow, so a c-chart
    /// flags month after month at borough volumes.
    fn default() -> Self {
        TrendOptions {
            kind: ChartKind::Xmr,
            window: TrendWindow::LastThreeYears,
        }
    }
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
        let trend_options = TrendOptions::default();
        let trend_chart = trend_chart(&figures, year, trend_options);
        Ok(Some(CrimePicture {
            years: complete_years(&cube.months),
            districts: store.districts()?,
            cube,
            area,
            themes,
            theme: 0,
            year,
            figures,
            trend_options,
            trend_chart,
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
            picture.set_trend_options(before.trend_options);
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
        self.trend_chart = trend_chart(&self.figures, year, self.trend_options);
    }

    /// Change the Trends page's chart kind or months.
    pub fn set_trend_options(&mut self, options: TrendOptions) {
        if options != self.trend_options {
            self.trend_options = options;
            self.trend_chart = trend_chart(&self.figures, self.year, options);
        }
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

    /// The file's counts and geography as loaded (for the districts of the comparison).
    pub fn cube(&self) -> &CountCube {
        &self.cube
    }

    /// The decoded monthly counts (for figures other pages derive from the same data).
    pub fn months(&self) -> &[(u32, Vec<crate::store::month_counts::Cell>)] {
        &self.cube.months
    }

    /// Which LSOAs count in the area, and their wards.
    pub fn area_index(&self) -> &AreaIndex {
        &self.area
    }

    pub fn groups(&self) -> &[ThemeGroup] {
        &self.cube.groups
    }

    /// Any theme's figures for the chosen year and area (e.g. to score it as a priority).
    pub fn figures_for(&self, theme: &Theme) -> ThemeOverview {
        theme_overview(&self.cube.months, theme, &self.area, self.year)
    }

    /// The chosen theme.
    pub fn chosen_theme(&self) -> &Theme {
        const FALLBACK: &Theme = &Theme::AllCrime;
        self.themes.get(self.theme).unwrap_or(FALLBACK)
    }
}

fn trend_chart(
    figures: &ThemeOverview,
    year: FinancialYear,
    options: TrendOptions,
) -> ControlChart {
    match options.window {
        TrendWindow::LastThreeYears => {
            control_chart(&last_three_years(&figures.series, year), options.kind)
        }
        TrendWindow::AllMonths => control_chart(&figures.series, options.kind),
    }
}
