//! The sections the analyst writes — public consultation, horizon scanning under the seven
//! PESTELO headings, partnership activity, recommendations — plus the edited executive
//! summary and the data caveats, all kept in the assessment file by key. Each section is
//! in the document only when it has words; the carried ones can be copied from last
//! year's file.

use super::writer::{narrative_blocks, ContentWriter};
use super::ContentBlock;
use crate::report::table::{ReportTable, TableCell};
use crate::store::{Store, StoreError};
use std::collections::BTreeMap;

/// The analyst's edited executive summary (replaces the drafted one when not blank).
pub const EXECUTIVE_SUMMARY: &str = "executive_summary";
/// Caveats only the analyst can state (recording-practice changes), for the methodology.
pub const DATA_CAVEATS: &str = "data_caveats";

/// The free sections: (plan key, title, what the analyst is asked to write).
pub const FREE_SECTIONS: [(&str, &str, &str); 4] = [
    (
        "consultation",
        "Public consultation",
        "What residents and communities said: surveys, panels, engagement events.",
    ),
    (
        "horizon_scanning",
        "Horizon scanning",
        "Issues ahead under each PESTELO heading.",
    ),
    (
        "partnership_activity",
        "Partnership activity",
        "What the partnership did over the year against last year's priorities.",
    ),
    (
        "recommendations",
        "Recommendations",
        "What the partnership board is asked to agree or do.",
    ),
];

/// The PESTELO headings of horizon scanning, with their text keys.
pub const PESTELO: [(&str, &str); 7] = [
    ("horizon_political", "Political"),
    ("horizon_economic", "Economic"),
    ("horizon_social", "Social"),
    ("horizon_technological", "Technological"),
    ("horizon_environmental", "Environmental"),
    ("horizon_legal", "Legal"),
    ("horizon_organisational", "Organisational"),
];

/// The text keys a new year's file carries from last year's: every free section.
pub fn carried_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = FREE_SECTIONS
        .iter()
        .map(|(key, ..)| *key)
        .filter(|k| *k != "horizon_scanning")
        .collect();
    keys.extend(PESTELO.iter().map(|(key, _)| *key));
    keys
}

/// Every text key the analyst can write, with what it is called.
pub fn text_keys() -> Vec<(&'static str, String)> {
    let mut keys = vec![
        (
            EXECUTIVE_SUMMARY,
            "Executive summary (your edited version)".to_string(),
        ),
        (
            DATA_CAVEATS,
            "Data caveats (recording-practice changes)".to_string(),
        ),
    ];
    for (key, title, _) in FREE_SECTIONS {
        if key == "horizon_scanning" {
            keys.extend(
                PESTELO
                    .iter()
                    .map(|(k, heading)| (*k, format!("Horizon scanning: {heading}"))),
            );
        } else {
            keys.push((key, title.to_string()));
        }
    }
    keys
}

/// What was copied from another assessment file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Carried {
    /// Sections whose commentary was empty here and filled from the other file.
    pub commentary: usize,
    /// The written sections copied, by what they are called.
    pub texts: Vec<String>,
}

/// Start this year's words from another assessment file (last year's): the commentary of
/// each section and the written sections, wherever this file has none yet. The edited
/// executive summary and the data caveats are this year's and are not carried.
pub fn carry_from(store: &mut Store, other: &Store) -> Result<Carried, StoreError> {
    let commentary = store.copy_narrative_from(other)?;
    let copied = store.copy_report_texts_from(other, &carried_keys())?;
    let labels = text_keys();
    Ok(Carried {
        commentary,
        texts: copied
            .iter()
            .map(|k| {
                labels
                    .iter()
                    .find(|(key, _)| key == k)
                    .map_or_else(|| k.clone(), |(_, label)| label.clone())
            })
            .collect(),
    })
}

fn text<'a>(texts: &'a BTreeMap<String, String>, key: &str) -> Option<&'a str> {
    texts.get(key).map(|t| t.trim()).filter(|t| !t.is_empty())
}

/// Whether a free section has words to publish.
pub fn has_content(texts: &BTreeMap<String, String>, key: &str) -> bool {
    if key == "horizon_scanning" {
        PESTELO.iter().any(|(k, _)| text(texts, k).is_some())
    } else {
        text(texts, key).is_some()
    }
}

/// A free section's blocks (empty when it has no words): the text as paragraphs and
/// bullets; horizon scanning as a table of the PESTELO headings that have text.
pub fn free_section_blocks(
    w: &mut ContentWriter,
    texts: &BTreeMap<String, String>,
    key: &str,
) -> Vec<ContentBlock> {
    if key != "horizon_scanning" {
        return text(texts, key).map(narrative_blocks).unwrap_or_default();
    }
    let rows: Vec<Vec<TableCell>> = PESTELO
        .iter()
        .filter_map(|(k, heading)| {
            text(texts, k).map(|t| {
                vec![
                    TableCell::Text((*heading).into()),
                    TableCell::Text(one_cell(t)),
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        ContentBlock::Paragraph(
            "Horizon scanning looks at what may affect community safety in the coming years, under the PESTELO headings: political, economic, social, technological, environmental, legal and organisational.".into(),
        ),
        w.table(&ReportTable {
            slug: "horizon_scanning_pestelo".into(),
            title: "Horizon scanning (PESTELO)".into(),
            columns: vec!["Heading".into(), "Issues".into()],
            rows,
            total_row: false,
            sensitive: false,
            total_published_elsewhere: false,
        }),
    ]
}

/// A heading's text in one table cell: bullets and paragraphs joined by semicolons.
fn one_cell(text: &str) -> String {
    narrative_blocks(text)
        .into_iter()
        .filter_map(|b| match b {
            ContentBlock::Paragraph(t) | ContentBlock::Bullet(t) => Some(t),
            _ => None,
        })
        .map(|t| t.trim_end_matches(['.', ';']).to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horizon_scanning_is_a_table_of_the_headings_with_text() {
        let texts = BTreeMap::from([
            (
                "horizon_political".to_string(),
                "- PCC elections in May\n- New Home Secretary.".to_string(),
            ),
            (
                "horizon_legal".to_string(),
                "Victims and Prisoners Act".to_string(),
            ),
            ("horizon_social".to_string(), "   ".to_string()),
        ]);
        let mut w = ContentWriter::new(5);
        let blocks = free_section_blocks(&mut w, &texts, "horizon_scanning");
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            w.tables[0].display,
            vec![
                vec!["Political", "PCC elections in May; New Home Secretary"],
                vec!["Legal", "Victims and Prisoners Act"]
            ]
        );
        assert!(has_content(&texts, "horizon_scanning"));
        assert!(!has_content(&texts, "consultation"));
        assert!(free_section_blocks(&mut w, &texts, "consultation").is_empty());
    }
}
