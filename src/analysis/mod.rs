//! Pure statistics over query results: financial years, change tests, trends,
//! seasonality, SPC charts, type breakdowns, hotspots and rates, and the pages built
//! from them.
//!
//! Plain data in, plain data out: nothing here opens SQLite, reads a file or draws with
//! egui, and nothing panics on odd input (empty, zero or huge counts).

pub mod action_plan;
pub mod area;
pub mod area_figures;
pub mod area_proposal;
pub mod breakdown;
pub mod change;
pub mod classes;
pub mod comparison;
pub mod dispersion;
pub mod distributions;
pub mod district;
pub mod financial_year;
pub mod funnel;
pub mod geo;
pub mod hexbin;
pub mod hotspot_grid;
pub mod hotspots;
pub mod incident_map;
pub mod la_names;
pub mod monthly;
pub mod overview;
pub mod partner;
pub mod peers;
pub mod priority;
pub mod ranking;
pub mod rates;
pub mod rollup;
pub mod seasonality;
pub mod spc;
pub mod theme;
pub mod thinning;
pub mod trend;
