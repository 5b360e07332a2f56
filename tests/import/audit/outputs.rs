//! Reading an export folder as a reader would: the Word document's sections (paragraphs
//! and tables, from `word/document.xml`), every CSV table, and every SVG figure's text,
//! bars, lines and dots with their geometry — so the audit collects what was actually
//! published, not what the program meant to publish.

use super::lp::{ratio, Q};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

#[derive(Debug, Default)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// (caption, rows with the header first).
    pub tables: Vec<(String, Vec<Vec<String>>)>,
}

#[derive(Debug, Default)]
pub struct Svg {
    /// (x, y, anchor, text).
    pub texts: Vec<(f64, f64, String, String)>,
    /// (x, y, width, height, fill).
    pub rects: Vec<(f64, f64, f64, f64, String)>,
    /// (stroke, points).
    pub polylines: Vec<(String, Vec<(f64, f64)>)>,
    /// (fill, cx, cy).
    pub circles: Vec<(String, f64, f64)>,
}

#[derive(Debug, Default)]
pub struct Export {
    pub sections: Vec<Section>,
    /// CSV tables by slug (file name without its number), header first.
    pub csv: BTreeMap<String, Vec<Vec<String>>>,
    /// SVG figures by slug.
    pub svg: BTreeMap<String, Svg>,
}

impl Export {
    pub fn read(folder: &Path) -> Export {
        let docx = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "docx"))
            .expect("the export has a Word document");
        let mut export = Export {
            sections: sections(&std::fs::read(docx).unwrap()),
            ..Export::default()
        };
        for entry in std::fs::read_dir(folder.join("tables")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let slug = name
                .split_once('-')
                .map_or(name.clone(), |(_, s)| s.to_string());
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.strip_prefix('\u{feff}').unwrap();
            let rows = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .collect();
            export.csv.insert(slug, rows);
        }
        for entry in std::fs::read_dir(folder.join("figures")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "svg") {
                let name = path.file_stem().unwrap().to_string_lossy().to_string();
                let slug = name
                    .split_once('-')
                    .map_or(name.clone(), |(_, s)| s.to_string());
                export
                    .svg
                    .insert(slug, svg(&std::fs::read_to_string(&path).unwrap()));
            }
        }
        export
    }

    pub fn section(&self, heading: &str) -> &Section {
        self.sections
            .iter()
            .find(|s| s.heading == heading)
            .unwrap_or_else(|| panic!("no section {heading}"))
    }
}

fn sections(docx: &[u8]) -> Vec<Section> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let text_of = |node: roxmltree::Node| -> String {
        node.descendants()
            .filter(|n| n.has_tag_name("t"))
            .filter_map(|n| n.text())
            .collect()
    };
    let body = doc.descendants().find(|n| n.has_tag_name("body")).unwrap();
    let mut out: Vec<Section> = Vec::new();
    let mut caption = String::new();
    for node in body.children() {
        if node.has_tag_name("p") {
            let style = node
                .descendants()
                .find(|n| n.has_tag_name("pStyle"))
                .and_then(|n| {
                    n.attributes()
                        .find(|a| a.name() == "val")
                        .map(|a| a.value().to_string())
                })
                .unwrap_or_default();
            let text = text_of(node);
            match style.as_str() {
                "Heading1" => out.push(Section {
                    heading: text,
                    ..Section::default()
                }),
                "Caption" => caption = text,
                _ if !text.trim().is_empty() => {
                    if let Some(s) = out.last_mut() {
                        s.paragraphs.push(text);
                    }
                }
                _ => {}
            }
        } else if node.has_tag_name("tbl") {
            let rows = node
                .children()
                .filter(|n| n.has_tag_name("tr"))
                .map(|tr| {
                    tr.children()
                        .filter(|n| n.has_tag_name("tc"))
                        .map(text_of)
                        .collect()
                })
                .collect();
            if let Some(s) = out.last_mut() {
                s.tables.push((std::mem::take(&mut caption), rows));
            }
        }
    }
    out
}

fn svg(text: &str) -> Svg {
    let doc = roxmltree::Document::parse(text).unwrap();
    let num = |n: roxmltree::Node, a: &str| -> f64 {
        n.attribute(a).and_then(|v| v.parse().ok()).unwrap_or(0.0)
    };
    let mut out = Svg::default();
    for n in doc.descendants() {
        match n.tag_name().name() {
            "text" => out.texts.push((
                num(n, "x"),
                num(n, "y"),
                n.attribute("text-anchor").unwrap_or("").into(),
                n.text().unwrap_or("").trim().to_string(),
            )),
            "rect" => out.rects.push((
                num(n, "x"),
                num(n, "y"),
                num(n, "width"),
                num(n, "height"),
                n.attribute("fill").unwrap_or("").into(),
            )),
            "polyline" => out.polylines.push((
                n.attribute("stroke").unwrap_or("").into(),
                n.attribute("points")
                    .unwrap_or("")
                    .split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect(),
            )),
            "circle" => out.circles.push((
                n.attribute("fill").unwrap_or("").into(),
                num(n, "cx"),
                num(n, "cy"),
            )),
            _ => {}
        }
    }
    out
}

/// One bar of a bar chart as drawn.
#[derive(Debug, Clone)]
pub struct Bar {
    /// The number written above it ("119", "3.9", "*"), if any.
    pub label: Option<String>,
    /// The value its height shows, as an interval allowing for pixel rounding; `None`
    /// when no bar is drawn.
    pub height: Option<(Q, Q)>,
}

const AXIS_STROKE: &str = "#969696";
const BACKGROUND: &str = "#FFFFFF";

impl Svg {
    /// The value axis: (y of zero, pixels per unit), from the axis line and the tick
    /// labels (right-aligned numbers left of the plot).
    fn value_axis(&self) -> (f64, f64) {
        let zero = self
            .polylines
            .iter()
            .find(|(stroke, pts)| stroke == AXIS_STROKE && pts.len() == 2 && pts[0].1 == pts[1].1)
            .map(|(_, pts)| pts[0].1)
            .expect("a zero line");
        let mut ticks: Vec<(f64, f64)> = self
            .texts
            .iter()
            .filter(|t| t.2 == "end")
            .filter_map(|t| Some((t.3.replace(',', "").parse::<f64>().ok()?, t.1)))
            .collect();
        ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (low, high) = (ticks.first().unwrap(), ticks.last().unwrap());
        (zero, (low.1 - high.1) / (high.0 - low.0))
    }

    /// The bars, left to right: each drawn rectangle or "*" marker on the axis, with the
    /// number written above it.
    pub fn bars(&self) -> Vec<Bar> {
        let (zero, per_unit) = self.value_axis();
        let mut slots: Vec<(f64, Option<(f64, f64)>)> = self
            .rects
            .iter()
            .filter(|r| r.4 != BACKGROUND && (r.1 + r.3 - zero).abs() <= 1.5)
            .map(|r| (r.0 + r.2 / 2.0, Some((r.1, r.3))))
            .collect();
        // A suppressed bar: a "*" just above the axis with no rectangle under it.
        for t in self.texts.iter().filter(|t| t.3 == "*" && t.2 == "middle") {
            if !slots.iter().any(|s| (s.0 - t.0).abs() < 3.0) {
                slots.push((t.0, None));
            }
        }
        slots.sort_by(|a, b| a.0.total_cmp(&b.0));
        slots
            .into_iter()
            .map(|(x, rect)| {
                let label = self
                    .texts
                    .iter()
                    .filter(|t| t.2 == "middle" && (t.0 - x).abs() < 3.0 && t.1 < zero)
                    .map(|t| t.3.clone())
                    .next();
                // Heights are whole pixels, and so are the tick positions the scale is
                // read from: allow 2 px either way.
                let height = rect.map(|(_, h)| {
                    let px = |v: f64| {
                        ratio(
                            (v * 1000.0).round() as i64,
                            (per_unit * 1000.0).round() as i64,
                        )
                    };
                    (px((h - 2.0).max(0.0)), px(h + 2.0))
                });
                (label, height)
            })
            .map(|(label, height)| Bar { label, height })
            .collect()
    }

    /// For a line chart over `categories`, which categories each series colour draws
    /// (a point, a dot, or a line piece within half a category of it).
    pub fn drawn(&self, categories: &[String], colour: &str) -> Vec<bool> {
        let labelled: Vec<(usize, f64)> = self
            .texts
            .iter()
            .filter(|t| t.2 == "middle")
            .filter_map(|t| Some((categories.iter().position(|c| *c == t.3)?, t.0)))
            .collect();
        let (a, b) = (labelled[0], labelled[labelled.len() - 1]);
        let step = (b.1 - a.1) / (b.0 - a.0) as f64;
        let x_of = |i: usize| a.1 + (i as f64 - a.0 as f64) * step;
        let (zero, _) = self.value_axis();
        let top = self
            .texts
            .iter()
            .filter(|t| t.2 == "end")
            .map(|t| t.1)
            .fold(f64::MAX, f64::min);
        let points: Vec<(f64, f64)> = self
            .polylines
            .iter()
            .filter(|(stroke, _)| stroke == colour)
            .flat_map(|(_, pts)| pts.iter().copied())
            .chain(
                self.circles
                    .iter()
                    .filter(|c| c.0 == colour)
                    .map(|c| (c.1, c.2)),
            )
            .filter(|(_, y)| *y >= top - 2.0 && *y <= zero + 2.0)
            .collect();
        (0..categories.len())
            .map(|i| {
                points
                    .iter()
                    .any(|(x, _)| (x - x_of(i)).abs() < step / 2.0 - 1.0)
            })
            .collect()
    }
}
