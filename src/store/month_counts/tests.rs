//! Month counts: the blob format and the pending changes, checked.

use super::*;
use proptest::prelude::*;

proptest! {
    #[test]
    fn encode_decode_round_trips(mut cells in proptest::collection::vec((1u8..15, 0u32..5_000_000, 1i64..10_000_000), 0..200)) {
        cells.sort();
        cells.dedup_by_key(|c| (c.0, c.1));
        let cells: Vec<Cell> = cells.into_iter().map(|(crime_type, lsoa, n)| Cell { crime_type, lsoa, n }).collect();
        prop_assert_eq!(decode(&encode(&cells)).unwrap(), cells);
    }

    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = decode(&bytes);
    }
}

#[test]
fn changes_gathered_in_any_order_are_written_as_their_sum() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE month_count (month INTEGER PRIMARY KEY, counts BLOB NOT NULL)",
    )
    .unwrap();
    add(&conn, &[((202104, 3, 7), 2), ((202104, 5, 1), 1)]).unwrap();
    // A file replaces the stored rows and a later one in the same batch adds rows:
    // the removal is seen before the additions it is weighed against.
    let mut pending = PendingCounts::default();
    pending.add(&[((202104, 3, 7), -2), ((202104, 3, 9), -4)]);
    let mut file = PendingCounts::default();
    file.add(&[
        ((202104, 3, 9), 4),
        ((202104, 3, 9), 1),
        ((202105, 1, 0), 3),
    ]);
    pending.merge(file);
    // Entries held, a file's listed beside the rest: (3, 9) is held twice until written.
    assert_eq!(pending.len(), 4);
    pending.flush(&conn).unwrap();
    assert!(pending.is_empty());
    let cell = |crime_type, lsoa, n| Cell {
        crime_type,
        lsoa,
        n,
    };
    assert_eq!(
        read_months(&conn, None).unwrap(),
        vec![
            (202104, vec![cell(3, 9, 1), cell(5, 1, 1)]),
            (202105, vec![cell(1, 0, 3)])
        ]
    );
}

#[test]
fn adding_and_removing_leaves_only_positive_cells() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE month_count (month INTEGER PRIMARY KEY, counts BLOB NOT NULL)",
    )
    .unwrap();
    add(
        &conn,
        &[
            ((202104, 3, 7), 5),
            ((202104, 1, 0), 2),
            ((202105, 3, 7), 1),
        ],
    )
    .unwrap();
    add(&conn, &[((202104, 3, 7), -5), ((202105, 3, 7), -1)]).unwrap();
    let months = read_months(&conn, None).unwrap();
    assert_eq!(
        months,
        vec![(
            202104,
            vec![Cell {
                crime_type: 1,
                lsoa: 0,
                n: 2
            }]
        )]
    );
}
