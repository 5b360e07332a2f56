//! Idempotent re-import and replacement of re-published (force, month)s.

use super::*;

#[test]
fn reimporting_the_same_content_changes_nothing_and_says_so() {
    let (_dir, path, mut store) = temp_store();
    import(&mut store, &[fixture("street_bom_crlf.csv")]);
    let before = (store.totals().unwrap(), store.sources().unwrap().len());
    let again = import(&mut store, &[fixture("street_bom_crlf.csv")]);
    match &again.files[0].outcome {
        FileOutcome::AlreadyImported { earlier_name, .. } => {
            assert_eq!(earlier_name, "street_bom_crlf.csv")
        }
        other => panic!("{other:?}"),
    }
    assert!(again.is_clean());
    assert_eq!(
        (store.totals().unwrap(), store.sources().unwrap().len()),
        before
    );
    assert_eq!(sql_int(&path, "SELECT count(*) FROM incident"), 4);
}

#[test]
fn a_republished_month_replaces_the_earlier_rows_for_that_force() {
    let (_dir, path, mut store) = temp_store();
    import(&mut store, &[fixture("police-uk-download")]);
    // 2021-04 had 4 rows (2 ASB); the republished file has 5 (2 ASB) with new outcomes.
    let report = import(
        &mut store,
        &[fixture("republished-2021-04-testshire-street.csv")],
    );
    assert_eq!(counts(&report.files[0].outcome), (5, 0, 4));
    assert!(report.files[0]
        .notes
        .iter()
        .any(|n| n.contains("replaced 4 rows of 2021-04")));
    let totals = store.totals().unwrap();
    // 2021-04 now 3 crimes + 2 ASB; 2021-05 unchanged 2 crimes + 1 ASB.
    assert_eq!((totals.crime, totals.asb), (5, 3));
    assert_eq!(sql_int(&path, "SELECT count(*) FROM incident"), 8);
    assert_eq!(
        sql_int(&path, "SELECT count(*) FROM incident i JOIN outcome o ON o.id = i.outcome_id WHERE i.month = 202104 AND o.name = 'Under investigation'"),
        0
    );
    let sources = store.sources().unwrap();
    let april = sources
        .iter()
        .find(|s| s.file.contains("2021-04-testshire"))
        .unwrap();
    assert_eq!((april.rows_accepted, april.rows_current), (4, 0));
    // The maintained counts agree with a count of the fact table.
    let maintained: i64 = store.month_type_counts().unwrap().iter().map(|c| c.2).sum();
    assert_eq!(maintained, sql_int(&path, "SELECT count(*) FROM incident"));
}

#[test]
fn rejected_rows_are_counted_stored_with_line_and_reason() {
    let (_dir, _path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("street_bad_rows.csv")]);
    assert!(!report.is_clean());
    assert_eq!(counts(&report.files[0].outcome), (3, 6, 0));
    let source = &store.sources().unwrap()[0];
    assert_eq!((source.rows_accepted, source.rows_rejected), (3, 6));
    let rows = store.rejected_rows(source.id).unwrap();
    let got: Vec<(i64, Option<&str>, &str)> = rows
        .iter()
        .map(|r| (r.line, r.column.as_deref(), r.reason.as_str()))
        .collect();
    assert_eq!(got.len(), 6);
    assert_eq!(got[0].0, 3);
    assert_eq!(got[0].1, Some("Month"));
    assert!(got[0].2.contains("\"2021-13\" is not a month"));
    assert_eq!((got[1].0, got[1].1), (5, Some("Crime type")));
    assert!(got[2].2.contains("found 6 characters"), "{}", got[2].2);
    // Longitude given, Latitude blank: the blank column is named.
    assert_eq!((got[3].0, got[3].1), (7, Some("Latitude")));
    assert_eq!(got[4].0, 8);
    assert!(got[4].2.contains("3 fields but the header has 12"));
    assert!(got[5].2.contains("\"north\" is not a valid coordinate"));
    assert!(rows[0].raw.contains("2021-13"));
    assert_eq!(store.totals().unwrap().rejected, 6);
}
