//! The glossary: the abbreviations and technical terms the document actually uses, each
//! found in the text of the other sections (paragraphs, notes, tables, figure titles), in
//! alphabetical order. A term the document does not use is not listed.

use super::{ContentBlock, SectionContent};
use crate::report::figures::Figure;
use crate::report::table::{PublishedTable, ReportTable, TableCell};

/// (term, what to look for in the text, meaning).
const TERMS: [(&str, &[&str], &str); 21] = [
    ("ASB", &["ASB", "anti-social behaviour"], "Anti-social behaviour: behaviour that causes, or is likely to cause, harassment, alarm or distress to people outside the household."),
    ("Community Safety Partnership (CSP)", &["Community Safety Partnership", "Community Safety Partnerships", "CSP", "CSPs"], "The statutory partnership of the council, police, fire and rescue, probation and health services for an area, under the Crime and Disorder Act 1998."),
    ("Control chart (XmR)", &["XmR", "control chart", "control charts"], "A chart of monthly counts with limits worked out from the month-to-month variation (an individuals and moving range chart); a month beyond a limit, or a long run on one side of the mean, signals a change beyond routine variation."),
    ("DASH", &["DASH"], "The Domestic Abuse, Stalking, Harassment and Honour-based violence risk checklist, used by police and partners to assess the risk to a victim as standard, medium or high."),
    ("Disclosure control", &["disclosure control"], "Hiding small counts in published tables (and any count from which a small one could be worked out) so that no person can be identified."),
    ("Financial year", &["financial year", "financial years"], "The year from 1 April to 31 March, written 2024/25."),
    ("Funnel plot", &["funnel plot", "funnel limits", "funnel's"], "A chart of each area's rate against its population, with limits that narrow as the population grows: an area outside the limits differs from the group's rate by more than chance would give."),
    ("Getis-Ord Gi*", &["Gi*"], "A statistic that finds clusters of places with more (hot spots) or fewer (cold spots) incidents than chance would give."),
    ("IDVA", &["IDVA"], "Independent Domestic Violence Adviser: a specialist who supports high-risk victims of domestic abuse."),
    ("LSOA", &["LSOA"], "Lower layer Super Output Area: a small statistical area defined by the Office for National Statistics, of about 1,000 to 3,000 residents; used here as a neighbourhood."),
    ("MARAC", &["MARAC"], "Multi-Agency Risk Assessment Conference: a regular meeting at which agencies share information on high-risk domestic abuse cases and agree a safety plan for each victim."),
    ("MoRiLE", &["MoRiLE"], "Management of Risk in Law Enforcement: a method of scoring issues on threat, risk and harm, used to rank priorities."),
    ("NDTMS", &["NDTMS"], "The National Drug Treatment Monitoring System, which collects data on people in drug and alcohol treatment in England."),
    ("PESTELO", &["PESTELO"], "Political, economic, social, technological, environmental, legal and organisational: the headings used for horizon scanning."),
    ("police.uk", &["police.uk"], "The website on which police forces in England, Wales and Northern Ireland publish street-level crime and anti-social behaviour data each month."),
    ("Rate per 1,000 residents", &["per 1,000 residents"], "Incidents divided by the resident population and multiplied by 1,000, so that areas of different sizes can be compared."),
    ("Re-presentation", &["re-presentation", "re-presentations"], "Someone returning to drug or alcohol treatment within six months of completing it successfully."),
    ("Real change (statistically significant)", &["real rise", "real fall", "real change", "real rises", "real falls", "statistically significant"], "A change larger than normal year-to-year variation would give: the exact Poisson test of the two yearly counts gives p < 0.05 — or, where the months vary more than chance alone would make them, the quasi-Poisson test, which allows for that, does."),
    ("SafeLives", &["SafeLives"], "The national domestic abuse charity whose benchmarks are used for MARAC cases and repeat cases."),
    ("SHA-256 fingerprint", &["SHA-256"], "A code worked out from a file's exact contents; any change to the file changes it, so it shows which file the figures came from."),
    ("Ward", &["ward", "wards"], "An electoral ward of the local authority, the area used here to show where incidents happen."),
];

/// All the text of the sections, tables and figures, for finding the terms used.
pub fn document_text(
    sections: &[SectionContent],
    tables: &[PublishedTable],
    figures: &[Figure],
) -> String {
    let mut text = String::new();
    for section in sections {
        text.push_str(&section.heading);
        text.push('\n');
        for block in &section.blocks {
            match block {
                ContentBlock::SubHeading(t)
                | ContentBlock::Paragraph(t)
                | ContentBlock::Bullet(t)
                | ContentBlock::Note(t) => text.push_str(t),
                ContentBlock::Code(lines) => text.push_str(&lines.join("\n")),
                ContentBlock::Table(i) => {
                    if let Some(t) = tables.get(*i) {
                        text.push_str(&t.title);
                        text.push_str(&t.columns.join(" "));
                        for row in &t.display {
                            text.push_str(&row.join(" "));
                        }
                    }
                }
                ContentBlock::Figure(i) => {
                    if let Some(f) = figures.get(*i) {
                        text.push_str(&f.title);
                        text.push_str(f.subtitle.as_deref().unwrap_or(""));
                        text.push_str(&f.y_label);
                    }
                }
            }
            text.push('\n');
        }
    }
    text
}

/// Whether `text` holds `word` as a whole word (or phrase): case-sensitive for an
/// abbreviation in capitals ("ASB"), otherwise in any case ("Anti-social behaviour").
fn uses(text: &str, lower_text: &str, word: &str) -> bool {
    let is_abbreviation = word.chars().any(|c| c.is_ascii_uppercase())
        && !word.chars().any(|c| c.is_ascii_lowercase());
    let (haystack, needle) = if is_abbreviation {
        (text, word.to_string())
    } else {
        (lower_text, word.to_lowercase())
    };
    haystack.match_indices(&needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The glossary table of the terms `text` (the document's, see [`document_text`]) uses,
/// or `None` when it uses none.
pub fn glossary_table(text: &str) -> Option<ReportTable> {
    let lower_text = text.to_lowercase();
    let rows: Vec<Vec<TableCell>> = TERMS
        .iter()
        .filter(|(_, looks, _)| looks.iter().any(|l| uses(text, &lower_text, l)))
        .map(|(term, _, meaning)| {
            vec![
                TableCell::Text((*term).into()),
                TableCell::Text((*meaning).into()),
            ]
        })
        .collect();
    (!rows.is_empty()).then(|| ReportTable {
        slug: "glossary".into(),
        title: "Terms used in this assessment".into(),
        columns: vec!["Term".into(), "Meaning".into()],
        rows,
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_terms_used_are_listed_in_order() {
        let sections = vec![SectionContent {
            key: "marac".into(),
            heading: "MARAC".into(),
            starts_chapter: false,
            blocks: vec![ContentBlock::Paragraph(
                "14.2% were assessed high risk on the DASH checklist.".into(),
            )],
        }];
        let table = glossary_table(&document_text(&sections, &[], &[])).unwrap();
        let terms: Vec<String> = table
            .rows
            .iter()
            .map(|r| match &r[0] {
                TableCell::Text(t) => t.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(terms, vec!["DASH", "MARAC"]);
        let none = vec![SectionContent {
            key: "x".into(),
            heading: "Plain words".into(),
            blocks: vec![],
            starts_chapter: false,
        }];
        assert!(glossary_table(&document_text(&none, &[], &[])).is_none());
        assert!(uses("Towards the wards.", "towards the wards.", "wards"));
        assert!(!uses("Towards it", "towards it", "ward"));
        assert!(!uses("CASB", "casb", "ASB"));
    }
}
