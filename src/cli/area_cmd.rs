//! `csp-assessment area --db FILE (--district NAME | --wards CODE,… [--name N] | --all)`:
//! set the area of interest every page and export is filtered to.

use super::{EXIT_OK, EXIT_REJECTED};
use crate::store::geography::AreaChoice;
use crate::store::Store;
use std::path::Path;

pub fn run(db: &Path, choice: &AreaChoice) -> i32 {
    let result = Store::open_existing(db).and_then(|mut store| store.set_area(choice));
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
