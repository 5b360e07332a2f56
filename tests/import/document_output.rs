//! The output layer on the Northvale sample (issue 12): every XML part of the Word
//! document validated against the ECMA-376 transitional schemas; only chapter headings
//! start a page; maps carry ward names, a scale bar, a north arrow and the OS/ONS licence
//! lines (in the figure and in its caption); the PDF is a real, tagged, byte-identical
//! PDF whose contents page gives the pages its headings really land on (checked with
//! poppler's `pdftotext`, skipped with a message where poppler is not installed).

use super::ooxml_schema::Schemas;
use super::*;
use csp_assessment::report::content::{build_report, ReportOptions};
use csp_assessment::report::export::{export, Formats};
use std::collections::BTreeMap;
use std::io::Read;
use std::process::Command;

/// The sample with boundaries and partner data, exported to `out` as DOCX, PDF and SVG.
fn export_sample(dir: &Path, outs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let db = dir.join("northvale.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    let partners = root.join("partners");
    assert!(import(
        &mut store,
        &[
            root.join("police-uk"),
            root.join("geography/lsoa_ward_lookup.csv"),
            root.join("geography/ward_population.csv"),
            root.join("geography/ward_boundaries.geojson"),
            partners.join("domestic_abuse_incidents.csv"),
            partners.join("marac_quarterly.csv"),
            partners.join("asb_cases.csv"),
            partners.join("treatment.csv"),
        ],
    )
    .is_clean());
    let options = ReportOptions {
        date: "23 November 2026".into(),
        ..ReportOptions::default()
    };
    let content = build_report(&store, &options).unwrap();
    let formats = Formats {
        docx: true,
        pdf: true,
        svg: true,
        ..Formats::NONE
    };
    outs.iter()
        .map(|name| {
            let out = dir.join(name);
            export(&content, &out, formats, &|_| {}, &AtomicBool::new(false)).unwrap();
            out
        })
        .collect()
}

fn zip_parts(path: &Path) -> BTreeMap<String, String> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            parts.insert(name, text);
        }
    }
    parts
}

fn check_docx(docx: &Path) {
    let schemas = Schemas::load(&fixture("ecma376"));
    let parts = zip_parts(docx);
    assert!(parts.len() >= 9, "{:?}", parts.keys());
    let problems: Vec<String> = parts
        .iter()
        .flat_map(|(name, xml)| schemas.check(name, xml))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // A new page only before chapter headings: the first section and the appendices.
    let body = &parts["word/document.xml"];
    let doc = roxmltree::Document::parse(body).unwrap();
    let breaks: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "pageBreakBefore")
        .map(|n| {
            n.ancestors()
                .find(|a| a.tag_name().name() == "p")
                .unwrap()
                .descendants()
                .filter(|t| t.tag_name().name() == "t")
                .map(|t| t.text().unwrap_or(""))
                .collect()
        })
        .collect();
    assert_eq!(
        breaks,
        vec!["Executive summary", "Appendix: disclosure control"]
    );
    // Map captions carry the licence.
    assert!(body.contains("Contains OS data © Crown copyright and database right 2026"));
    assert!(body.contains("licensed under the Open Government Licence v.3.0"));
}

fn check_map_svgs(folder: &Path) {
    let maps: Vec<PathBuf> = std::fs::read_dir(folder.join("figures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("-by-ward-"))
        .collect();
    assert_eq!(maps.len(), 2, "{maps:?}");
    for map in maps {
        let svg = std::fs::read_to_string(&map).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "text")
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        let has = |wanted: &str| texts.contains(&wanted);
        assert!(has("N"), "no north arrow in {map:?}");
        assert!(
            has("0")
                && texts
                    .iter()
                    .any(|t| t.ends_with(" km") || t.ends_with(" m")),
            "no scale bar: {texts:?}"
        );
        assert!(has(
            "Contains OS data © Crown copyright and database right 2026."
        ));
        assert!(has(
            "Contains National Statistics data © Crown copyright and database right 2026."
        ));
        assert!(has("Source: Office for National Statistics licensed under the Open Government Licence v.3.0."));
        // The busiest ward is named.
        assert!(has("Northvale Central"), "{texts:?}");
    }
}

/// `pdftotext -layout` of one page, or `None` when poppler is not installed.
fn page_text(pdf: &Path, page: usize) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn check_pdf(pdf: &Path) {
    let bytes = std::fs::read(pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        String::from_utf8_lossy(&bytes).contains("/StructTreeRoot"),
        "not tagged"
    );
    let Some(contents) = page_text(pdf, 2) else {
        eprintln!(
            "SKIPPED the PDF contents-page check: pdftotext (poppler-utils) is not installed"
        );
        return;
    };
    assert!(
        contents.contains("Contents"),
        "page 2 is not the contents: {contents}"
    );
    // "Overall crime picture . . . . . 3" → ("Overall crime picture", 3)
    let entries: Vec<(String, usize)> = contents
        .lines()
        .filter(|line| line.contains(" . ."))
        .filter_map(|line| {
            let line = line.trim();
            let (head, number) = line.rsplit_once(' ')?;
            // pdftotext keeps typst's word joiner (U+2060) before the number.
            let page: usize = number
                .trim_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .ok()?;
            let title = head.trim_end_matches(['.', ' ']).trim();
            (!title.is_empty()).then(|| (title.to_string(), page))
        })
        .collect();
    assert!(entries.len() >= 10, "{entries:?}\n{contents}");
    for (title, page) in &entries {
        let text = page_text(pdf, *page).unwrap();
        assert!(
            text.lines().any(|l| l.trim() == title),
            "\"{title}\" is listed on page {page} but is not a heading there:\n{text}"
        );
    }
}

#[test]
fn the_sample_is_word_strict_print_ready_and_licensed_issue_12() {
    let dir = tempfile::tempdir().unwrap();
    let outs = export_sample(dir.path(), &["first", "second"]);
    let docx = outs[0].join("strategic-assessment-2024-25.docx");
    let pdf = outs[0].join("strategic-assessment-2024-25.pdf");
    check_docx(&docx);
    check_map_svgs(&outs[0]);
    check_pdf(&pdf);
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        std::fs::read(outs[1].join("strategic-assessment-2024-25.pdf")).unwrap(),
        "two PDF exports differ"
    );
}
