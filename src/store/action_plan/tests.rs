use super::*;

fn sample_plan() -> ActionPlan {
    ActionPlan {
        priorities: vec![PlanPriority {
            name: "Reducing vulnerability".into(),
            lead: "Medway Council".into(),
            actions: vec![PlanAction {
                reference: "RV1".into(),
                strand: Strand::Prevent,
                output: "Homelessness preventions".into(),
                outcome: "Fewer people homeless".into(),
                lead: "Housing".into(),
                measurables: vec![Measurable {
                    name: "Homelessness prevented".into(),
                    series: Some("indicator:Homelessness prevented".into()),
                    baseline: Some("2023/24".into()),
                    direction: Direction::Increase,
                    target: Some(400.0),
                    ..Measurable::default()
                }],
                ..PlanAction::default()
            }],
            ..PlanPriority::default()
        }],
    }
}

#[test]
fn a_plan_survives_reopening_and_edits_touch_only_their_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.assessment");
    let mut store = Store::open_or_create(&path).unwrap();
    let source = PlanSource {
        file: "plan.csv".into(),
        sha256: "ab".repeat(32),
        imported_at: "2026-12-01T10:00:00Z".into(),
    };
    store.replace_action_plan(&sample_plan(), &source).unwrap();
    drop(store);
    let mut store = Store::open_existing(&path).unwrap();
    let plan = store.action_plan().unwrap();
    assert_eq!(plan.measurable_count(), 1);
    let action = &plan.priorities[0].actions[0];
    assert_eq!(action.strand, Strand::Prevent);
    assert_eq!(action.measurables[0].target, Some(400.0));
    assert_eq!(store.action_plan_source().unwrap(), Some(source));

    let mut m = action.measurables[0].clone();
    m.direction = Direction::Maintain;
    m.series = Some("  ".into());
    store.save_measurable(action.id, &m).unwrap();
    let added = store
        .save_measurable(
            action.id,
            &Measurable {
                name: "Rough sleepers".into(),
                ..Measurable::default()
            },
        )
        .unwrap();
    assert!(store
        .save_measurable(action.id, &Measurable::default())
        .is_err());
    let plan = store.action_plan().unwrap();
    let ms = &plan.priorities[0].actions[0].measurables;
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[0].direction, Direction::Maintain);
    assert_eq!(ms[0].series, None);
    assert_eq!(ms[1].id, added);

    store.delete_plan_priority(plan.priorities[0].id).unwrap();
    assert!(store.action_plan().unwrap().is_empty());
    let count: i64 = store
        .conn
        .query_row("SELECT count(*) FROM plan_measurable", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0, "measurables go with their priority");
}

#[test]
fn strands_and_directions_read_as_written() {
    assert_eq!(Strand::parse(" PURSUE "), Some(Strand::Pursue));
    assert_eq!(Strand::parse(""), Some(Strand::Unspecified));
    assert_eq!(Strand::parse("Partnership"), None);
    assert_eq!(Direction::parse("Decrease"), Some(Direction::Reduce));
    assert_eq!(Direction::parse("sideways"), None);
}
