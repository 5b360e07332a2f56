//! The comparison's sentence, table and funnel figure on the hand-made file of the
//! analysis tests (Leeds, Bradford, Calderdale tied at 10 per 1,000; Wakefield without a
//! population; North Yorkshire on the border).

use super::*;
use crate::analysis::comparison::tests::{burglary, cube};
use crate::analysis::comparison::PeerChoice;
use crate::analysis::district::DistrictIndex;
use crate::report::figures::{render_png, render_svg};

#[test]
fn the_sentence_names_the_rank_among_the_type_and_the_peer_rate() {
    let index = DistrictIndex::build(&cube());
    let c = burglary(&index, &PeerChoice::AllDistricts, Some(3));
    assert_eq!(
        comparison_sentence(&c).unwrap(),
        "In 2024/25 Leeds's rate of burglary, 10.0 per 1,000 residents, was the 1st highest of 3 metropolitan districts in the file, and similar to the rate of all districts in the file (10.0 per 1,000)."
    );
    let saved = PeerChoice::Saved {
        name: "Most similar".into(),
        codes: vec!["E08000035".into(), "E08000032".into()],
    };
    let c = burglary(&index, &saved, Some(3));
    assert!(comparison_sentence(&c)
        .unwrap()
        .contains("(1st of 2 in the peer group \"Most similar\"), and similar to the peer group's rate (10.0 per 1,000)."));
    // Wakefield has no population: the sentence says why it cannot be ranked.
    let c = burglary(&index, &PeerChoice::AllDistricts, Some(4));
    assert!(comparison_sentence(&c).unwrap().starts_with(
        "Wakefield cannot be ranked on burglary in 2024/25: no population figure covers it"
    ));
    assert_eq!(
        comparison_sentence(&burglary(&index, &PeerChoice::AllDistricts, None)),
        None
    );
}

#[test]
fn the_section_has_the_table_and_a_funnel_figure_that_draws() {
    let index = DistrictIndex::build(&cube());
    let c = burglary(&index, &PeerChoice::AllDistricts, Some(3));
    let mut w = ContentWriter::new(5);
    let blocks = comparison_blocks(&mut w, &c, "Source: test");
    assert!(matches!(blocks[0], ContentBlock::SubHeading(ref h) if h == "How we compare"));
    assert_eq!(w.tables.len(), 1);
    let table = &w.tables[0];
    assert_eq!(table.display.len(), 5, "every district listed");
    assert_eq!(table.display[4][0], "Wakefield (E08000036)");
    assert_eq!(table.display[4][3], "–");
    assert_eq!(w.figures.len(), 1);
    let figure = &w.figures[0];
    let FigureBody::Funnel {
        marks, categories, ..
    } = &figure.body
    else {
        panic!("not a funnel: {figure:?}");
    };
    assert_eq!(categories, &["Bradford", "Calderdale", "Leeds"]);
    assert_eq!(marks.iter().filter(|m| m.highlight).count(), 1);
    let svg = render_svg(figure).unwrap();
    assert!(svg.contains("Leeds") && svg.contains("95% limits"));
    assert!(render_png(figure).unwrap().len() > 10_000);
}
