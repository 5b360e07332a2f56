//! egui panels and app state. Calls analysis and store; never writes SQL.
