//! Importing a file from the shared generator gives month × crime-type counts identical to
//! counting the CSV independently. Skips (saying so) where ../shared is absent.

use super::*;
use std::collections::BTreeMap;
use std::process::Command;

#[test]
fn generated_file_counts_match_an_independent_count() {
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_policeuk.py");
    if !generator.exists() {
        eprintln!(
            "SKIPPED: {} is absent (no ../shared beside the project)",
            generator.display()
        );
        return;
    }
    let (dir, path, mut store) = temp_store();
    let csv_path = dir.path().join("gen.csv");
    let status = Command::new("python3")
        .arg(&generator)
        .args(["30000", csv_path.to_str().unwrap(), "--seed", "7"])
        .status();
    match status {
        Ok(s) if s.success() => {}
        other => {
            eprintln!("SKIPPED: the generator could not run here ({other:?})");
            return;
        }
    }
    // Independent count with the csv crate: (Month, Crime type) → rows.
    let mut expected: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        *expected
            .entry((record[1].to_string(), record[9].to_string()))
            .or_default() += 1;
    }
    let report = import(&mut store, &[csv_path]);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(report.rows_accepted(), 30_000);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let from_fact_table: BTreeMap<(String, String), i64> = conn
        .prepare("SELECT printf('%04d-%02d', i.month / 100, i.month % 100), t.name, count(*) FROM incident i JOIN crime_type t ON t.id = i.crime_type_id GROUP BY 1, 2")
        .unwrap()
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(from_fact_table, expected, "fact table");
    let maintained: BTreeMap<(String, String), i64> = store
        .month_type_counts()
        .unwrap()
        .into_iter()
        .map(|(month, t, n)| {
            let name = csp_assessment::import::crime_types::crime_type_name(t).unwrap();
            (
                (
                    csp_assessment::import::month::month_label(month),
                    name.to_string(),
                ),
                n,
            )
        })
        .collect();
    assert_eq!(maintained, expected, "maintained counts");
}
