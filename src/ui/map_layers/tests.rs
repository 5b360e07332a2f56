use super::*;

#[test]
fn sequential_legends_cover_the_values_and_colour_by_class() {
    let values: Vec<f64> = (1..=10).map(f64::from).collect();
    let (colour_of, legend) = sequential(&values, ClassMethod::Quantile, 0);
    assert_eq!(legend.len(), 5);
    assert!(legend[0].1.starts_with("1 – "));
    assert!(legend[4].1.ends_with("– 10"));
    assert_eq!(colour_of(1.0), SEQUENTIAL[0]);
    assert_eq!(colour_of(10.0), SEQUENTIAL[4]);
}

#[test]
fn changes_split_into_falls_and_rises() {
    let (colour_of, legend) = diverging(&[-9.0, -1.0, 0.0, 2.0, 10.0], ClassMethod::NaturalBreaks);
    assert_eq!(legend.len(), 5);
    assert_eq!(colour_of(0.0), DIVERGING[2]);
    assert_eq!(colour_of(-9.0), DIVERGING[0]);
    assert_eq!(colour_of(10.0), DIVERGING[4]);
    assert_eq!(colour_of(1.0), DIVERGING[3]);
}

#[test]
fn incidents_say_when_the_dots_are_a_sample_and_hexes_have_class_legends() {
    use crate::analysis::incident_map::incident_map;
    let points: Vec<(f64, f64)> = (0..30_000)
        .map(|i| (f64::from(i % 200) * 20.0, f64::from(i / 200) * 20.0))
        .collect();
    let map = incident_map(&points, 250.0);
    let options = MapOptions::default();
    let dots = incident_layer(&map, options, "Theft");
    assert_eq!(dots.legend[0].1, "30,000 incidents");
    assert!(dots.note.unwrap().starts_with("Showing 15,000 of 30,000"));
    let hexes = incident_layer(
        &map,
        MapOptions {
            incidents: IncidentStyle::HexBins,
            ..options
        },
        "Theft",
    );
    assert_eq!(hexes.title, "Theft — incidents per hex bin (250 m across)");
    assert_eq!(hexes.cells.len(), map.bins.len());
    assert!(!hexes.legend.is_empty());
}
