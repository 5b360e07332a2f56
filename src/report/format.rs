//! Number formatting for the report and the layers above it: the same functions as
//! [`crate::format`], which sits below every layer so `store` and `analysis` can use them
//! without reaching up into `report`.

pub use crate::format::{duration, thousands};
