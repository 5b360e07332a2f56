use super::*;

fn grid(rows: &[&[&str]]) -> Grid {
    Grid::of_text("plan.csv", rows)
}

#[test]
fn a_seed_like_table_with_merged_cells_and_bullets() {
    let table = parse_plan_grid(&grid(&[
            &["Ref", "Priority", "Strand", "Output", "Outcome", "Measurable", "Lead", "Target"],
            &["SG5", "Safeguarding", "Prevent", "Awareness in the CCPT", "Children diverted", "Reduction in the number of children arrested for drug supply", "Kent Police", ""],
            &["SG6", "", "", "Beat officers know their wards", "Suppliers targeted", "Increase in suspects arrested for supply", "Kent Police", ""],
            &["RV1", "Reducing vulnerability", "protect", "Homelessness preventions", "Fewer homeless", "• Number of vulnerable people prevented from homelessness\n• Numbers in temporary accommodation", "Housing", "400"],
            &["", "", "", "", "", "Rough sleepers", "", ""],
            &["RV2", "", "Sideways", "MEAM", "", "People worked with", "", ""],
            &["RV3", "", "", "Grants", "", "Funding secured", "", "lots"],
        ]))
        .unwrap();
    let plan = &table.plan;
    assert_eq!(plan.priorities.len(), 2);
    let sg = &plan.priorities[0];
    assert_eq!(sg.actions.len(), 2);
    assert_eq!(
        sg.actions[1].strand,
        Strand::Prevent,
        "strand continues down"
    );
    assert_eq!(sg.actions[0].measurables[0].direction, Direction::Reduce);
    assert_eq!(sg.actions[1].measurables[0].direction, Direction::Increase);
    let rv = &plan.priorities[1];
    assert_eq!(rv.actions.len(), 1);
    let names: Vec<&str> = rv.actions[0]
        .measurables
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Number of vulnerable people prevented from homelessness",
            "Numbers in temporary accommodation",
            "Rough sleepers"
        ]
    );
    assert_eq!(rv.actions[0].measurables[0].target, Some(400.0));
    let rejected: Vec<String> = table
        .rejected
        .iter()
        .map(|r| {
            format!(
                "{} {}: {}",
                r.place,
                r.column.clone().unwrap_or_default(),
                r.reason
            )
        })
        .collect();
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert!(rejected[0].starts_with("line 6 Strand: \"Sideways\" is not a 4P strand"));
    assert!(rejected[1].starts_with("line 7 Target: \"lots\" is not a number"));
    assert!(
        table.notes[0].contains("3 measurables do not say"),
        "{:?}",
        table.notes
    );
    assert_eq!(table.pending.len(), 5);
}

#[test]
fn optional_columns_are_read_and_checked() {
    let table = parse_plan_grid(&grid(&[
        &[
            "Priority",
            "Output",
            "Measurable",
            "Series",
            "Baseline",
            "Direction",
            "Target",
        ],
        &[
            "ASB",
            "Hotspot patrols",
            "Police recorded ASB",
            "theme:asb",
            "2023/24",
            "reduce",
            "",
        ],
        &[
            "ASB",
            "Case reviews",
            "Repeat cases",
            "",
            "Q4 2023/24",
            "",
            "25%",
        ],
        &["ASB", "x", "y", "", "next year", "", ""],
        &["ASB", "x", "y", "", "", "down-ish", ""],
    ]))
    .unwrap();
    let ms: Vec<&Measurable> = table.plan.priorities[0]
        .actions
        .iter()
        .flat_map(|a| &a.measurables)
        .collect();
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[0].baseline.as_deref(), Some("2023/24"));
    assert_eq!(ms[1].baseline.as_deref(), Some("2023/24-Q4"));
    assert_eq!(ms[1].target, Some(25.0));
    assert_eq!(table.pending[0].text.as_deref(), Some("theme:asb"));
    assert_eq!(table.rejected.len(), 2);
}

#[test]
fn other_tables_are_not_plans() {
    assert!(parse_plan_grid(&grid(&[&["Indicator", "Period", "Value"]])).is_err());
    assert!(parse_plan_grid(&grid(&[&["Name", "Address"]])).is_err());
}
