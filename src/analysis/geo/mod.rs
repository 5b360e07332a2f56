//! Geography computed from boundaries: WGS84 ⇄ British National Grid projection, planar
//! polygon geometry, and a best-fit LSOA → ward lookup derived from boundary files.
//!
//! Pure functions on plain data; boundary files are read by `import::boundaries`.

pub mod best_fit;
pub mod polygon;
pub mod projection;
pub mod shapes;
