//! The state behind the partner pages: the file's partner rows read once, the area they
//! are placed in, and for each dataset the years it offers, the chosen year and its
//! figures for it. Figures are recomputed when the year, the area or the data change,
//! never per frame.

use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::partner::{analysis_of, PartnerArea, PartnerFigures, PartnerInputs};
use crate::import::partner::PartnerLayout;
use crate::store::cube::CountCube;
use crate::store::partner::PartnerRows;
use crate::store::{Store, StoreError};
use std::collections::BTreeMap;

/// One partner dataset's years, the chosen one, and its figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeState {
    /// Newest first; empty when the file holds none of the dataset's rows.
    pub years: Vec<FinancialYear>,
    pub year: Option<FinancialYear>,
    pub figures: Option<PartnerFigures>,
}

impl ThemeState {
    /// Start at `preferred` when the dataset has it, else at its newest year.
    fn start(years: Vec<FinancialYear>, preferred: Option<FinancialYear>) -> Self {
        let year = preferred
            .filter(|y| years.contains(y))
            .or_else(|| years.first().copied());
        ThemeState {
            years,
            year,
            figures: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerView {
    rows: PartnerRows,
    area: PartnerArea,
    index: AreaIndex,
    cube: CountCube,
    themes: BTreeMap<PartnerLayout, ThemeState>,
}

impl PartnerView {
    /// Read the partner rows and place them; each dataset starts at `preferred` (the
    /// Overview's year) when it holds that year.
    pub fn load(
        store: &Store,
        preferred: Option<FinancialYear>,
    ) -> Result<PartnerView, StoreError> {
        let rows = store.partner_rows()?;
        let cube = store.count_cube()?;
        let index = AreaIndex::build(&cube);
        let area = PartnerArea::new(&index, store.lsoa_wards()?);
        let themes = PartnerLayout::ALL
            .into_iter()
            .map(|layout| {
                let years = (analysis_of(layout).years)(&rows);
                (layout, ThemeState::start(years, preferred))
            })
            .collect();
        let mut view = PartnerView {
            rows,
            area,
            index,
            cube,
            themes,
        };
        for layout in PartnerLayout::ALL {
            view.compute(layout);
        }
        Ok(view)
    }

    /// Load again (after an import, an area change or a new population), keeping the
    /// years chosen where they still exist.
    pub fn reload(store: &Store, before: &PartnerView) -> Result<PartnerView, StoreError> {
        let mut view = PartnerView::load(store, None)?;
        for layout in PartnerLayout::ALL {
            if let Some(year) = before.year(layout) {
                view.select(layout, year);
            }
        }
        Ok(view)
    }

    pub fn year(&self, layout: PartnerLayout) -> Option<FinancialYear> {
        self.themes.get(&layout).and_then(|t| t.year)
    }

    pub fn years(&self, layout: PartnerLayout) -> &[FinancialYear] {
        self.themes.get(&layout).map_or(&[], |t| &t.years)
    }

    /// The dataset's figures for its chosen year.
    pub fn figures(&self, layout: PartnerLayout) -> Option<&PartnerFigures> {
        self.themes.get(&layout).and_then(|t| t.figures.as_ref())
    }

    pub fn area_name(&self) -> &str {
        &self.area.name
    }

    /// Choose a dataset's year, recomputing its figures once.
    pub fn select(&mut self, layout: PartnerLayout, year: FinancialYear) {
        if !self.years(layout).contains(&year) || self.year(layout) == Some(year) {
            return;
        }
        if let Some(theme) = self.themes.get_mut(&layout) {
            theme.year = Some(year);
        }
        self.compute(layout);
    }

    fn compute(&mut self, layout: PartnerLayout) {
        let Some(year) = self.year(layout) else {
            return;
        };
        let inputs = PartnerInputs {
            rows: &self.rows,
            area: &self.area,
            cube: &self.cube,
            index: &self.index,
        };
        let figures = (analysis_of(layout).figures)(&inputs, year);
        if let Some(theme) = self.themes.get_mut(&layout) {
            theme.figures = Some(figures);
        }
    }
}
