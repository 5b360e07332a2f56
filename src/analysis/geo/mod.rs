//! Geography computed from boundaries: WGS84 ⇄ British National Grid projection, planar
//! polygon geometry, and a best-fit LSOA → ward lookup derived from boundary files.
//!
//! Pure functions on plain data; boundary files are read by `import::boundaries`. The
//! projection itself lives with the importers (`import::gis::projection`), which need it to
//! read boundaries drawn in British National Grid; it is re-exported here for the analyses.

pub mod best_fit;
pub mod polygon;
pub mod shapes;

pub use crate::import::gis::projection;
