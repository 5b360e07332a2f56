//! The state behind the four partner pages: the file's partner rows read once, the area
//! they are placed in, the years each theme offers, the chosen year, and each theme's
//! figures for it. Figures are recomputed when the year, the area or the data change,
//! never per frame.

use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::partner::asb_cases::asb_years;
use crate::analysis::partner::domestic_abuse::da_years;
use crate::analysis::partner::headlines::police_asb_total;
use crate::analysis::partner::marac::marac_years;
use crate::analysis::partner::treatment::treatment_years;
use crate::analysis::partner::{
    asb_case_figures, domestic_abuse_figures, marac_figures, treatment_figures, AsbCaseFigures,
    DomesticAbuseFigures, MaracFigures, PartnerArea, TreatmentFigures,
};
use crate::import::partner::PartnerLayout;
use crate::store::cube::CountCube;
use crate::store::partner::PartnerRows;
use crate::store::{Store, StoreError};

/// One partner theme's years, the chosen one, and its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeState<F> {
    /// Newest first; empty when the file holds none of the theme's rows.
    pub years: Vec<FinancialYear>,
    pub year: Option<FinancialYear>,
    pub figures: Option<F>,
}

impl<F> Default for ThemeState<F> {
    fn default() -> Self {
        ThemeState {
            years: Vec::new(),
            year: None,
            figures: None,
        }
    }
}

impl<F> ThemeState<F> {
    /// Start at `preferred` when the theme has it, else at its newest year.
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
    pub domestic_abuse: ThemeState<DomesticAbuseFigures>,
    pub marac: ThemeState<MaracFigures>,
    pub asb_cases: ThemeState<AsbCaseFigures>,
    pub treatment: ThemeState<TreatmentFigures>,
}

impl PartnerView {
    /// Read the partner rows and place them; each theme starts at `preferred` (the
    /// Overview's year) when it holds that year.
    pub fn load(
        store: &Store,
        preferred: Option<FinancialYear>,
    ) -> Result<PartnerView, StoreError> {
        let rows = store.partner_rows()?;
        let cube = store.count_cube()?;
        let index = AreaIndex::build(&cube);
        let area = PartnerArea::new(&index, store.lsoa_wards()?);
        let mut view = PartnerView {
            domestic_abuse: ThemeState::start(da_years(&rows.domestic_abuse), preferred),
            marac: ThemeState::start(marac_years(&rows.marac), preferred),
            asb_cases: ThemeState::start(asb_years(&rows.asb_cases), preferred),
            treatment: ThemeState::start(treatment_years(&rows.treatment), preferred),
            rows,
            area,
            index,
            cube,
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
        match layout {
            PartnerLayout::DomesticAbuse => self.domestic_abuse.year,
            PartnerLayout::Marac => self.marac.year,
            PartnerLayout::AsbCases => self.asb_cases.year,
            PartnerLayout::Treatment => self.treatment.year,
        }
    }

    pub fn years(&self, layout: PartnerLayout) -> &[FinancialYear] {
        match layout {
            PartnerLayout::DomesticAbuse => &self.domestic_abuse.years,
            PartnerLayout::Marac => &self.marac.years,
            PartnerLayout::AsbCases => &self.asb_cases.years,
            PartnerLayout::Treatment => &self.treatment.years,
        }
    }

    pub fn area_name(&self) -> &str {
        &self.area.name
    }

    /// Choose a theme's year, recomputing its figures once.
    pub fn select(&mut self, layout: PartnerLayout, year: FinancialYear) {
        if !self.years(layout).contains(&year) || self.year(layout) == Some(year) {
            return;
        }
        match layout {
            PartnerLayout::DomesticAbuse => self.domestic_abuse.year = Some(year),
            PartnerLayout::Marac => self.marac.year = Some(year),
            PartnerLayout::AsbCases => self.asb_cases.year = Some(year),
            PartnerLayout::Treatment => self.treatment.year = Some(year),
        }
        self.compute(layout);
    }

    fn compute(&mut self, layout: PartnerLayout) {
        let Some(year) = self.year(layout) else {
            return;
        };
        match layout {
            PartnerLayout::DomesticAbuse => {
                self.domestic_abuse.figures = Some(domestic_abuse_figures(
                    &self.rows.domestic_abuse,
                    &self.area,
                    year,
                ));
            }
            PartnerLayout::Marac => {
                self.marac.figures = Some(marac_figures(
                    &self.rows.marac,
                    year,
                    self.rows.female_16_plus,
                ));
            }
            PartnerLayout::AsbCases => {
                let police = police_asb_total(&self.cube, &self.index, year);
                self.asb_cases.figures = Some(asb_case_figures(
                    &self.rows.asb_cases,
                    &self.area,
                    year,
                    police,
                ));
            }
            PartnerLayout::Treatment => {
                self.treatment.figures = Some(treatment_figures(&self.rows.treatment, year));
            }
        }
    }
}
