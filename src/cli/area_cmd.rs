//! `csp-assessment area --db FILE (--district NAME | --wards CODE,… [--name N] | --all)`:
//! set the area of interest every page and export is filtered to.

use super::{AreaChoice, EXIT_OK, EXIT_REJECTED};
use crate::store::Store;
use std::path::Path;

pub fn run(db: &Path, choice: &AreaChoice) -> i32 {
    let result = Store::open_existing(db).and_then(|mut store| match choice {
        AreaChoice::District(name) => store.set_area_to_district(name),
        AreaChoice::Wards { name, codes } => store.set_area_to_wards(name, codes),
        AreaChoice::All => store.set_area_to_wards("All data", &[]),
    });
    match result {
        Ok(area) => {
            if area.ward_codes.is_empty() {
                println!("Area of interest: all data in the file (no filter)");
            } else {
                println!(
                    "Area of interest: {} ({} wards)",
                    area.name,
                    area.ward_codes.len()
                );
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_REJECTED
        }
    }
}
