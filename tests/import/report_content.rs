//! What the exported assessment says (issue 12): every section's presence follows what the
//! file holds; the executive summary against values worked out by hand on a small crafted
//! file; one number style over the document's text; area-mode sentences; alternative
//! text; no words from the app's screens; the written sections carried from another file
//! and the list of what is left out. The document's text is read back from the DOCX's XML.

use super::export::{run_export, three_ward_lookup, tree, zip_text};
use super::*;
use csp_assessment::analysis::priority::PriorityIssue;
use csp_assessment::import::partner::PartnerLayout;
use csp_assessment::report::content::{build_report, ReportContent, ReportOptions};
use csp_assessment::ui::Page;
use std::collections::BTreeMap;
use std::process::Command;

const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n";

/// police.uk rows, numbered so every crime has its own id.
struct Rows {
    text: String,
    n: usize,
}

impl Rows {
    fn new() -> Rows {
        Rows {
            text: HEADER.to_string(),
            n: 0,
        }
    }

    /// `per_month` rows of a type in every month of the financial year starting in April
    /// of `year`, in `lsoa` (or with no location).
    fn year(&mut self, year: u32, lsoa: Option<&str>, crime_type: &str, per_month: usize) {
        for m in 0..12 {
            let month = if m < 9 {
                format!("{year}-{:02}", m + 4)
            } else {
                format!("{}-{:02}", year + 1, m - 8)
            };
            for _ in 0..per_month {
                self.n += 1;
                let id = if crime_type == "Anti-social behaviour" {
                    String::new()
                } else {
                    format!("{:064x}", self.n)
                };
                let place = match lsoa {
                    Some(code) => format!("0.5,51.3,On or near High Street,{code},{code} name"),
                    None => ",,No Location,,".to_string(),
                };
                self.text.push_str(&format!(
                    "{id},{month},Testshire Police,Testshire Police,{place},{crime_type},,\n"
                ));
            }
        }
    }
}

/// Two financial years in three wards (Alpha, Bravo, Charlie), worked out by hand:
///
/// | | 2022/23 | 2023/24 |
/// |---|---|---|
/// | Burglary, Alpha (E01000001) | 20 a month = 240 | 10 a month = 120 |
/// | Burglary, no location | 12 | 12 |
/// | Shoplifting, Bravo (E01000002) | 10 a month = 120 | 20 a month = 240 |
/// | Shoplifting, Charlie (E01000003) | 0 | 5 a month = 60 |
/// | All crime | 372 | 432 (+60, +16.1%) |
/// | ASB, Alpha | 30 a month = 360 | 31 a month = 372 (+12, +3.3%) |
fn crafted_files(dir: &Path) -> Vec<PathBuf> {
    let mut rows = Rows::new();
    rows.year(2022, Some("E01000001"), "Burglary", 20);
    rows.year(2022, None, "Burglary", 1);
    rows.year(2022, Some("E01000002"), "Shoplifting", 10);
    rows.year(2022, Some("E01000001"), "Anti-social behaviour", 30);
    rows.year(2023, Some("E01000001"), "Burglary", 10);
    rows.year(2023, None, "Burglary", 1);
    rows.year(2023, Some("E01000002"), "Shoplifting", 20);
    rows.year(2023, Some("E01000003"), "Shoplifting", 5);
    rows.year(2023, Some("E01000001"), "Anti-social behaviour", 31);
    let street = dir.join("testshire-street.csv");
    std::fs::write(&street, rows.text).unwrap();
    vec![street, three_ward_lookup(dir)]
}

/// What makes every optional part of the document possible: ward populations and
/// boundaries, the sample's partner extracts, a female 16+ population, every written
/// section, and a scored, chosen priority with its lead and narrative.
fn fill_everything(dir: &Path, store: &mut Store) {
    let population = dir.join("population.csv");
    std::fs::write(
        &population,
        "code,name,total\nE05000001,Alpha,4000\nE05000002,Bravo,3000\nE05000003,Charlie,2000\n",
    )
    .unwrap();
    let square = |code: &str, name: &str, x: f64| {
        format!(
            r#"{{"type":"Feature","properties":{{"WD24CD":"{code}","WD24NM":"{name}","LAD24CD":"E06000001"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},51.3],[{},51.3],[{},51.31],[{x},51.31],[{x},51.3]]]}}}}"#,
            x + 0.01,
            x + 0.01
        )
    };
    let boundaries = dir.join("wards.geojson");
    std::fs::write(
        &boundaries,
        format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{}]}}"#,
            square("E05000001", "Alpha", 0.5),
            square("E05000002", "Bravo", 0.51),
            square("E05000003", "Charlie", 0.52)
        ),
    )
    .unwrap();
    let partners = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/partners");
    assert!(import(
        store,
        &[
            population,
            boundaries,
            partners.join("domestic_abuse_incidents.csv"),
            partners.join("marac_quarterly.csv"),
            partners.join("asb_cases.csv"),
            partners.join("treatment.csv"),
        ],
    )
    .is_clean());
    store.set_female_16_plus(Some(110_000.0)).unwrap();
    for (key, words) in [
        (
            "consultation",
            "Residents at three events named speeding and drug dealing.",
        ),
        (
            "partnership_activity",
            "- Opened a town-centre hub\n- Trained 120 staff",
        ),
        (
            "recommendations",
            "The board is asked to agree the priority.",
        ),
        ("horizon_political", "- PCC elections in May"),
        ("horizon_legal", "Victims and Prisoners Act duties"),
        (
            "data_caveats",
            "Testshire Police changed its crime recording system in October 2023.",
        ),
    ] {
        store.save_report_text(key, words).unwrap();
    }
    let issue = |name: &str, chosen: bool| PriorityIssue {
        name: name.into(),
        scores: BTreeMap::from([("physical_harm".into(), 3), ("volume".into(), 4)]),
        chosen,
        lead: if chosen {
            "Community Safety Manager".into()
        } else {
            String::new()
        },
        narrative: if chosen {
            "Shoplifting more than doubled in Bravo ward.".into()
        } else {
            String::new()
        },
        ..PriorityIssue::default()
    };
    store
        .save_priority_issue(&issue("Shoplifting", true))
        .unwrap();
    store
        .save_priority_issue(&issue("County lines", false))
        .unwrap();
}

fn crafted_store(dir: &Path, everything: bool) -> (PathBuf, Store) {
    let db = dir.join("crafted.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    assert!(import(&mut store, &crafted_files(dir)).is_clean());
    if everything {
        fill_everything(dir, &mut store);
    }
    (db, store)
}

/// The document's paragraphs (table cells one per line) and its figures' descriptions,
/// read from the DOCX's XML as a reader's tool would.
fn docx_text(docx: &[u8]) -> (String, Vec<String>) {
    let xml = zip_text(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let mut text = String::new();
    for p in doc.descendants().filter(|n| n.has_tag_name((w, "p"))) {
        for t in p.descendants().filter(|n| n.has_tag_name((w, "t"))) {
            text.push_str(t.text().unwrap_or(""));
        }
        text.push('\n');
    }
    let descriptions = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "docPr")
        .map(|n| n.attribute("descr").unwrap_or("").to_string())
        .collect();
    (text, descriptions)
}

fn headings(content: &ReportContent) -> Vec<&str> {
    content
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect()
}

fn export_folder(db: &Path, out: &Path) -> BTreeMap<String, Vec<u8>> {
    run_export(db, out);
    tree(out)
}

#[test]
fn every_section_is_there_only_when_the_file_can_fill_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = crafted_store(dir.path(), false);
    let bare = build_report(&store, &ReportOptions::default()).unwrap();
    assert_eq!(
        headings(&bare),
        vec![
            "Executive summary",
            "Introduction",
            "Methodology and data limitations",
            "Overall crime picture",
            "Anti-social behaviour",
            "Crime types: level and change",
            "Where: hotspot wards and neighbourhoods",
            "Glossary",
            "Appendix: disclosure control",
            "Appendix: data sources",
        ]
    );
    // No column or row the data cannot fill: no populations, no year three back.
    for table in &bare.tables {
        assert!(
            !table.columns.iter().any(|c| c.contains("1,000")),
            "{} has a rate column",
            table.title
        );
        assert!(
            !table
                .display
                .iter()
                .flatten()
                .any(|c| c.contains("per 1,000") || c == "Three years earlier"),
            "{} has a row it cannot fill",
            table.title
        );
    }
    let left_out: Vec<String> = bare.left_out.iter().map(|o| o.part.clone()).collect();
    for part in [
        "Rates per 1,000 residents",
        "Change on three years earlier",
        "Ward maps",
        "Domestic abuse",
        "MARAC (high-risk domestic abuse)",
        "Council ASB cases",
        "Drug and alcohol treatment",
        "Public consultation",
        "Horizon scanning",
        "Partnership activity",
        "Recommendations",
        "Priorities",
        "The area's standing among similar areas (executive summary)",
        "Recording-practice caveats (methodology)",
    ] {
        assert!(
            left_out.iter().any(|p| p == part),
            "{part} not listed in {left_out:?}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let (_, store) = crafted_store(dir.path(), true);
    let full = build_report(&store, &ReportOptions::default()).unwrap();
    let expected = [
        "Executive summary",
        "Introduction",
        "Methodology and data limitations",
        "Overall crime picture",
        "Anti-social behaviour",
        "Crime types: level and change",
        "Where: hotspot wards and neighbourhoods",
        "Partner themes: level and change",
        "Domestic abuse",
        "MARAC (high-risk domestic abuse)",
        "Council ASB cases",
        "Drug and alcohol treatment",
        "Public consultation",
        "Horizon scanning",
        "Partnership activity",
        "Priorities",
        "Recommendations",
        "Glossary",
        "Appendix: disclosure control",
        "Appendix: data sources",
    ];
    assert_eq!(headings(&full), expected);
    let left_out: Vec<String> = full.left_out.iter().map(|o| o.part.clone()).collect();
    assert_eq!(
        left_out,
        vec![
            "The area's standing among similar areas (executive summary)",
            "Change on three years earlier",
            "Partner indicators"
        ]
    );
    // Ward rates and maps now that populations and boundaries are held.
    assert!(full.tables.iter().any(|t| t.slug == "all_crime_top_wards"
        && t.columns.contains(&"Per 1,000 residents".to_string())));
    assert!(full.figures.iter().any(|f| f.title.contains("by ward")));
    // The horizon scanning table has only the headings written.
    let pestelo = full
        .tables
        .iter()
        .find(|t| t.slug == "horizon_scanning_pestelo")
        .unwrap();
    assert_eq!(
        pestelo.display,
        vec![
            vec!["Political", "PCC elections in May"],
            vec!["Legal", "Victims and Prisoners Act duties"]
        ]
    );
    // The chosen priority with its lead and narrative; the caveat in the methodology.
    let text = format!("{:?}", full.sections);
    assert!(text.contains("Priority: Shoplifting"));
    assert!(text.contains("Lead: Community Safety Manager."));
    assert!(text.contains("Shoplifting more than doubled in Bravo ward."));
    assert!(text.contains("changed its crime recording system in October 2023"));
    // A blank written section disappears again.
    let mut store = store;
    store.save_report_text("recommendations", "  ").unwrap();
    let fewer = build_report(&store, &ReportOptions::default()).unwrap();
    assert!(!headings(&fewer).contains(&"Recommendations"));
    assert!(fewer.left_out.iter().any(|o| o.part == "Recommendations"));
}

/// Two-sided p of the exact conditional test of counts a and b, summed directly in logs
/// (independent of the app's implementation).
fn exact_p(a: u64, b: u64) -> f64 {
    let n = a + b;
    let ln_fact = |k: u64| (1..=k).map(|i| (i as f64).ln()).sum::<f64>();
    let pmf = |i: u64| (ln_fact(n) - ln_fact(i) - ln_fact(n - i) - n as f64 * 2f64.ln()).exp();
    let lower: f64 = (0..=a).map(pmf).sum();
    let upper: f64 = (a..=n).map(pmf).sum();
    (2.0 * lower.min(upper)).min(1.0)
}

#[test]
fn the_executive_summary_says_what_was_worked_out_by_hand() {
    // The verdicts below rest on these.
    assert!(exact_p(432, 372) < 0.05);
    assert!(exact_p(372, 360) > 0.05);
    assert!(exact_p(300, 120) < 0.05 && exact_p(132, 252) < 0.05);
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = crafted_store(dir.path(), false);
    let issue = |name: &str, volume: u8, chosen: bool| PriorityIssue {
        name: name.into(),
        scores: BTreeMap::from([("volume".into(), volume)]),
        chosen,
        ..PriorityIssue::default()
    };
    store
        .save_priority_issue(&issue("County lines", 4, false))
        .unwrap();
    store
        .save_priority_issue(&issue("Shoplifting", 2, true))
        .unwrap();
    let peers = "Testshire had the 3rd lowest crime rate of 12 similar areas.";
    let content = build_report(
        &store,
        &ReportOptions {
            peer_standing: Some(peers.into()),
            ..ReportOptions::default()
        },
    )
    .unwrap();
    let paragraphs: Vec<&str> = content.drafted_summary.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "In 2023/24, Testshire recorded 432 crimes: 60 more than in 2022/23 (+16.1%), a real rise rather than chance variation. Testshire had the 3rd lowest crime rate of 12 similar areas. Police also recorded 372 incidents of anti-social behaviour: 12 more than in 2022/23 (+3.3%), within normal year-to-year variation, so not a real change.",
            "The largest real rises were in shoplifting (+180, +150.0%); the largest real falls were in burglary (\u{2212}120, \u{2212}47.6%).",
            "Of the three wards, Bravo holds 55.6% of all recorded crime. The busiest tenth of neighbourhoods (LSOAs) hold 57.1%: a concentrated pattern that place-based work can target. Of the three wards, Alpha holds 100.0% of anti-social behaviour.",
            "The partnership's priority for the coming year is: Shoplifting.",
        ]
    );
    // Not edited: the draft is what the document says.
    let summary = &content.sections[0];
    assert_eq!(summary.heading, "Executive summary");
    assert_eq!(summary.blocks.len(), 4);
    // Edited: the analyst's words replace it, and the peer sentence has no slot left.
    store
        .save_report_text(
            "executive_summary",
            "Crime rose; shoplifting drove it.\n\nWe will act.",
        )
        .unwrap();
    let edited = build_report(&store, &ReportOptions::default()).unwrap();
    assert_eq!(
        format!("{:?}", edited.sections[0].blocks),
        "[Paragraph(\"Crime rose; shoplifting drove it.\"), Paragraph(\"We will act.\")]"
    );
    // Without a peer comparison there is no trace of one anywhere.
    assert!(!edited.drafted_summary.contains("similar areas"));
    assert!(!format!("{:?}", edited.sections).contains("similar areas"));
    assert!(edited
        .left_out
        .iter()
        .any(|o| o.part.contains("similar areas")));
}

/// Numbers in the text that break the house style, with the text around them.
fn number_style_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let around = |i: usize| -> String {
        chars[i.saturating_sub(30)..(i + 30).min(chars.len())]
            .iter()
            .collect()
    };
    let mut faults = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let before = if i > 0 { Some(chars[i - 1]) } else { None };
        let starts_number = chars[i].is_ascii_digit()
            && !before.is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, ',' | '.' | '-' | '/' | '\u{2212}' | '+')
            });
        // A negative number or change written with the ASCII hyphen-minus.
        if chars[i] == '-'
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && !before.is_some_and(char::is_alphanumeric)
        {
            faults.push(format!("hyphen for minus: …{}…", around(i)));
        }
        if starts_number {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let digits: String = chars[i..j].iter().collect();
            let next = chars.get(j).copied();
            let is_year =
                digits.len() == 4 && (1990..=2100).contains(&digits.parse::<u32>().unwrap_or(0));
            if digits.len() >= 5 || (digits.len() == 4 && !is_year && next != Some(',')) {
                faults.push(format!("no thousands separator: …{}…", around(i)));
            }
            // Skip the rest of a grouped or decimal number.
            while j < chars.len()
                && (chars[j].is_ascii_digit() || chars[j] == ',' || chars[j] == '.')
            {
                j += 1;
            }
            if chars.get(j) == Some(&'%') {
                let number: String = chars[i..j].iter().collect();
                let one_decimal = number.split_once('.').is_some_and(|(_, d)| d.len() == 1);
                // The SafeLives benchmark is a published round figure, not a measurement.
                let benchmark = around(i).contains("benchmark of about");
                if !one_decimal && !benchmark {
                    faults.push(format!("percentage not to one decimal: …{}…", around(i)));
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    faults
}

#[test]
fn the_document_keeps_one_number_style_and_says_nothing_of_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = crafted_store(dir.path(), true);
    drop(store);
    let first = export_folder(&db, &dir.path().join("first"));
    let second = export_folder(&db, &dir.path().join("second"));
    assert_eq!(first, second, "two exports differ");
    let (text, descriptions) = docx_text(&first["strategic-assessment-2023-24.docx"]);

    let faults = number_style_faults(&text);
    assert!(faults.is_empty(), "{faults:#?}");
    assert!(number_style_faults("fell by -12 (-4.2%) to 12345, 1234 or 12.25%").len() == 5);
    // Signed changes with a true minus, as tables print them.
    assert!(text.contains("\u{2212}47.6%") && text.contains("+150.0%"));

    // Nothing tells the reader to use the app.
    let mut banned: Vec<String> = Page::ALL
        .iter()
        .copied()
        .chain(PartnerLayout::ALL.into_iter().map(Page::Partner))
        .map(|p| format!("{} page", p.title()))
        .collect();
    banned.extend(
        [
            "click",
            "Click",
            "button",
            "tick",
            "Tick",
            "enter it",
            "Enter it",
            "Import ",
            "import them",
            "Score issues",
            "Preview",
            "Export the",
            "Start from last year",
            "Edit a copy",
            "No issues have been scored",
        ]
        .map(String::from),
    );
    for phrase in &banned {
        assert!(
            !text.contains(phrase.as_str()),
            "the document says \"{phrase}\""
        );
        for d in &descriptions {
            assert!(
                !d.contains(phrase.as_str()),
                "a figure's description says \"{phrase}\""
            );
        }
    }
}

#[test]
fn every_figure_is_described_with_its_numbers_not_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = crafted_store(dir.path(), true);
    let content = build_report(&store, &ReportOptions::default()).unwrap();
    assert_eq!(content.alt_texts.len(), content.figures.len());
    for (figure, alt) in content.figures.iter().zip(&content.alt_texts) {
        assert_ne!(alt, &figure.title);
        assert!(alt.len() > figure.title.len() + 20, "{alt}");
        assert!(
            alt.chars().any(|c| c.is_ascii_digit()),
            "no numbers in: {alt}"
        );
    }
    let trend = content
        .alt_texts
        .iter()
        .find(|a| a.starts_with("All recorded crime by financial year"))
        .unwrap();
    assert!(
        trend.ends_with("Bar chart of recorded crimes: 2022/23 372; 2023/24 432."),
        "{trend}"
    );
    let map = content
        .alt_texts
        .iter()
        .find(|a| a.starts_with("Map of All recorded crime by ward"))
        .unwrap();
    // Rates per 1,000: Alpha 120 ÷ 4,000 = 30.0 (the 12 with no location are in no
    // ward); Bravo 240 ÷ 3,000 = 80.0, the highest class; Charlie 60 ÷ 2,000 = 30.0.
    assert!(map.contains("Bravo (80.0)"), "{map}");
}

#[test]
fn with_an_area_of_two_wards_the_sentences_fit_the_area() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = crafted_store(dir.path(), false);
    store
        .set_area_to_wards("Alpha and Bravo", &["E05000001".into(), "E05000002".into()])
        .unwrap();
    let content = build_report(&store, &ReportOptions::default()).unwrap();
    let text = format!("{:?}", content.sections);
    // 120 + 240 crimes in the two wards; the 12 with no location are outside the area.
    assert!(content
        .drafted_summary
        .starts_with("In 2023/24, Alpha and Bravo recorded 360 crimes"));
    assert!(
        text.contains("Of the two wards, Bravo holds 66.7% of all recorded crime."),
        "{text}"
    );
    assert!(!text.contains("five busiest"), "{text}");
    assert!(!text.contains("Busiest five"), "{text}");
    assert!(text.contains("cannot be placed in the area and are not counted in its figures"));
    assert!(
        !text.contains("they are in the totals but in no ward"),
        "{text}"
    );
    assert!(text.contains("the two wards of Alpha and Bravo"), "{text}");
    // The wards table lists both wards, titled as such.
    let wards = content
        .tables
        .iter()
        .find(|t| t.slug == "all_crime_top_wards")
        .unwrap();
    assert_eq!(wards.title, "All recorded crime by ward, 2023/24");
}

#[test]
fn written_sections_are_carried_from_last_years_file_and_export_lists_what_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = crafted_store(dir.path(), false);
    drop(store);
    let last = dir.path().join("last.assessment");
    let mut last_year = Store::open_or_create(&last).unwrap();
    last_year
        .save_report_text("consultation", "Last year's survey.")
        .unwrap();
    last_year
        .save_report_text("horizon_economic", "- Cost of living")
        .unwrap();
    last_year
        .save_report_text("executive_summary", "Last year's numbers.")
        .unwrap();
    drop(last_year);
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
            .args(args)
            .output()
            .unwrap()
    };
    let db_text = db.display().to_string();
    let set = cli(&[
        "texts",
        "--db",
        &db_text,
        "--set",
        "consultation",
        "--text",
        "This year's survey.",
    ]);
    assert_eq!(set.status.code(), Some(0));
    let copied = cli(&[
        "texts",
        "--db",
        &db_text,
        "--from",
        &last.display().to_string(),
    ]);
    assert_eq!(
        copied.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    let said = String::from_utf8_lossy(&copied.stdout);
    assert!(
        said.contains("written sections: Horizon scanning: Economic."),
        "{said}"
    );
    let listed = cli(&["texts", "--db", &db_text, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let texts: BTreeMap<String, String> = json["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["key"].as_str().unwrap().into(),
                t["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    // This year's words kept, last year's filled in, last year's summary not carried.
    assert_eq!(
        texts,
        BTreeMap::from([
            (
                "consultation".to_string(),
                "This year's survey.".to_string()
            ),
            (
                "horizon_economic".to_string(),
                "- Cost of living".to_string()
            ),
        ])
    );
    let unknown = cli(&[
        "texts", "--db", &db_text, "--set", "foreword", "--text", "x",
    ]);
    assert_eq!(unknown.status.code(), Some(2));

    let out = dir.path().join("out");
    let export = cli(&[
        "export",
        "--db",
        &db_text,
        "--out",
        &out.display().to_string(),
        "--format",
        "docx",
        "--date",
        "1 May 2024",
    ]);
    assert_eq!(export.status.code(), Some(0));
    let said = String::from_utf8_lossy(&export.stdout);
    assert!(said.contains("Left out of the document:"), "{said}");
    assert!(
        said.contains("  - Priorities: no issue is scored on the priority matrix"),
        "{said}"
    );
    assert!(!said.contains("Public consultation:"), "{said}");
    let summary = run_export(&db, &dir.path().join("json"));
    assert!(summary["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["part"] == "Rates per 1,000 residents"));
}
