//! Any bytes as a partner extract: the reader, layout recognition, a reference mapping
//! with date detection, and the preview that parses every row. Must never panic, and the
//! preview's counts must add up to the rows read.

#![no_main]

use csp_assessment::import::partner::{detect_layout, preview, ColumnMapping, PartnerLayout};
use csp_assessment::import::reader::TableReader;
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::AtomicU64;

fuzz_target!(|data: &[u8]| {
    let counter = AtomicU64::new(0);
    let Ok(mut table) = TableReader::open("fuzz.csv", data, &counter) else {
        return;
    };
    let header = table.header().to_vec();
    let mut rows = Vec::new();
    while let Ok(Some((_, record))) = table.next_record() {
        rows.push(record.clone());
    }
    // The detected layout, or each layout in turn (most inputs match none).
    let layouts: Vec<PartnerLayout> = match detect_layout(&header) {
        Some(matched) => vec![matched.layout],
        None => PartnerLayout::ALL.to_vec(),
    };
    for layout in layouts {
        let mut mapping = match ColumnMapping::from_reference(layout, &header) {
            Ok(mapping) => mapping,
            Err(_) => {
                // An arbitrary mapping: column i for the i-th field of the layout.
                let mut mapping = ColumnMapping::new("fuzz", layout, &header);
                for (column, spec) in layout.fields().iter().enumerate().take(header.len()) {
                    mapping.set(
                        column,
                        csp_assessment::import::partner::ColumnTarget::Field(spec.key),
                    );
                }
                mapping
            }
        };
        let _ = mapping.detect_date_format(&rows);
        if let Ok(p) = preview(&mapping, rows.iter().cloned(), 5) {
            assert_eq!(p.accepted + p.rejected, rows.len(), "every row counted once");
        }
    }
});
