//! Tests of the rendered outputs: the PNG decodes at the documented size and resolution
//! with text and bars actually drawn, the SVG is well-formed and carries every label,
//! both are byte-for-byte repeatable. The figures built here are shared with `bad_data`,
//! the tests that bad data gives an error instead of a panic.
//! `write_previews` (ignored) writes one PNG and SVG of each kind to look at.

use super::page::{HEIGHT_PX, PX_PER_METRE, PX_PER_PT, WIDTH_PX};
use super::style::{PRIMARY, PRIMARY_LIGHT, SIGNAL};
use super::*;
use plotters::style::RGBColor;

mod bad_data;

const SOURCE: &str = "Source: police.uk street-level crime, Northvale CSP assessment file";
const MONTHS: [&str; 12] = [
    "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
];

fn figure(title: &str, y_label: &str, body: FigureBody) -> Figure {
    Figure {
        title: title.into(),
        subtitle: Some("Northvale CSP, financial years April to March".into()),
        y_label: y_label.into(),
        x_label: None,
        source_line: SOURCE.into(),
        body,
    }
}

fn trend() -> Figure {
    let years = [
        "2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25",
    ];
    figure(
        "Recorded crime by financial year",
        "Recorded crimes",
        FigureBody::Bars {
            categories: years.iter().map(|y| y.to_string()).collect(),
            values: vec![17_195.0, 15_480.0, 16_902.0, 18_754.0, 18_120.0, 19_679.0],
            highlight_last: true,
            suppressed: Vec::new(),
        },
    )
}

fn seasonality() -> Figure {
    let this_year = [
        1602.0, 1688.0, 1731.0, 1804.0, 1712.0, 1650.0, 1598.0, 1544.0, 1497.0,
    ];
    let earlier = [
        1480.0, 1530.0, 1575.0, 1640.0, 1602.0, 1551.0, 1522.0, 1470.0, 1395.0, 1402.0, 1350.0,
        1468.0,
    ];
    figure(
        "Seasonality: 2024/25 against the average of earlier years",
        "Recorded crimes per month",
        FigureBody::Lines {
            categories: MONTHS.iter().map(|m| m.to_string()).collect(),
            series: vec![
                Series {
                    name: "2024/25 (to December)".into(),
                    values: (0..12).map(|i| this_year.get(i).copied()).collect(),
                    style: LineStyle::Solid,
                },
                Series {
                    name: "Average of 2019/20 to 2023/24".into(),
                    values: earlier.iter().map(|v| Some(*v)).collect(),
                    style: LineStyle::Dashed,
                },
            ],
        },
    )
}

fn control_chart() -> Figure {
    let months: Vec<String> = (0..36)
        .map(|i| {
            let (year, month) = (2022 + (i + 3) / 12, (i + 3) % 12 + 1);
            format!("{year}-{month:02}")
        })
        .collect();
    let values: Vec<f64> = (0..36)
        .map(|i| 410.0 + 35.0 * ((i as f64) * 0.52).sin() + if i == 29 { 95.0 } else { 0.0 })
        .map(f64::round)
        .collect();
    figure(
        "Violence against the person: is any month unusual?",
        "Offences per month",
        FigureBody::ControlChart {
            categories: months,
            values,
            centre: 412.4,
            upper: 473.3,
            lower: 351.5,
            flagged: vec![29],
        },
    )
}

fn breakdown() -> Figure {
    let types = [
        ("Violence and sexual offences", 5372.0),
        ("Anti-social behaviour", 4102.0),
        ("Criminal damage and arson", 1893.0),
        ("Public order", 1650.0),
        ("Shoplifting", 1544.0),
        ("Other theft", 1210.0),
        ("Vehicle crime", 987.0),
        ("Burglary", 802.0),
    ];
    let total: f64 = types.iter().map(|(_, v)| v).sum();
    figure(
        "Recorded crime by type, 2024/25",
        "Crime type",
        FigureBody::HorizontalBars {
            categories: types.iter().map(|(t, _)| t.to_string()).collect(),
            values: types.iter().map(|(_, v)| *v).collect(),
            value_labels: types
                .iter()
                .map(|(_, v)| format!("{:.1} %", v / total * 100.0))
                .collect(),
        },
    )
}

fn all_kinds() -> Vec<Figure> {
    vec![trend(), seasonality(), control_chart(), breakdown(), map()]
}

/// Two wards side by side in metres, one L-shaped (not convex), in two classes.
pub(super) fn map() -> Figure {
    let square = vec![(0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0), (0.0, 1000.0)];
    let l_shape = vec![
        (1000.0, 0.0),
        (3000.0, 0.0),
        (3000.0, 600.0),
        (1600.0, 600.0),
        (1600.0, 1000.0),
        (1000.0, 1000.0),
    ];
    Figure {
        title: "All recorded crime by ward".into(),
        subtitle: Some("Testtown, 2024/25".into()),
        y_label: "Count".into(),
        x_label: None,
        source_line: "Source: test".into(),
        body: FigureBody::Map {
            areas: vec![
                crate::report::figures::MapArea {
                    rings: vec![square],
                    class: 0,
                    label: None,
                },
                crate::report::figures::MapArea {
                    rings: vec![l_shape],
                    class: 1,
                    label: Some(crate::report::figures::MapLabel {
                        text: "Riverside".into(),
                        at: (2000.0, 300.0),
                    }),
                },
            ],
            classes: vec!["1 – 10".into(), "over 10 – 20".into()],
            attribution: vec!["Contains OS data © Crown copyright and database right 2025.".into()],
        },
    }
}

#[test]
fn a_map_fills_its_areas_in_class_colours_and_refuses_a_bad_class() {
    let png = render_png(&map()).unwrap();
    let decoded = decode(&png);
    assert!(decoded.ink_in(60.0, 60.0, 445.0, 220.0) > 10_000);
    let svg = render_svg(&map()).unwrap();
    assert!(svg.contains("over 10 – 20") && svg.contains("<polygon"));
    let mut bad = map();
    if let FigureBody::Map { areas, .. } = &mut bad.body {
        areas[1].class = 7;
    }
    assert!(matches!(
        render_png(&bad),
        Err(FigureError::BadMapArea {
            class: 7,
            classes: 2
        })
    ));
}

struct Decoded {
    width: u32,
    height: u32,
    pixels_per_metre: Option<(u32, u32)>,
    rgb: Vec<u8>,
}

impl Decoded {
    fn pixel(&self, x: u32, y: u32) -> RGBColor {
        let i = ((y * self.width + x) * 3) as usize;
        RGBColor(self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }

    /// Pixels in the rectangle (points from the top left) that are not white.
    fn ink_in(&self, left_pt: f64, top_pt: f64, right_pt: f64, bottom_pt: f64) -> usize {
        let px = |pt: f64| (pt * PX_PER_PT) as u32;
        let mut ink = 0;
        for y in px(top_pt)..px(bottom_pt).min(self.height) {
            for x in px(left_pt)..px(right_pt).min(self.width) {
                if self.pixel(x, y) != RGBColor(255, 255, 255) {
                    ink += 1;
                }
            }
        }
        ink
    }

    fn count_colour(&self, colour: RGBColor) -> usize {
        self.rgb
            .chunks_exact(3)
            .filter(|p| *p == [colour.0, colour.1, colour.2])
            .count()
    }
}

fn decode(bytes: &[u8]) -> Decoded {
    let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut rgb).unwrap();
    assert_eq!(frame.color_type, ::png::ColorType::Rgb);
    let info = reader.info();
    Decoded {
        width: info.width,
        height: info.height,
        pixels_per_metre: info
            .pixel_dims
            .filter(|d| d.unit == ::png::Unit::Meter)
            .map(|d| (d.xppu, d.yppu)),
        rgb,
    }
}

#[test]
fn png_has_the_print_size_and_300_dpi() {
    let png = decode(&render_png(&trend()).unwrap());
    assert_eq!((png.width, png.height), (WIDTH_PX, HEIGHT_PX));
    assert_eq!((png.width, png.height), (1890, 1063));
    assert_eq!(png.pixels_per_metre, Some((PX_PER_METRE, PX_PER_METRE)));
    assert_eq!(PX_PER_METRE, 11811);
}

#[test]
fn png_draws_the_title_text_and_the_bars() {
    let png = decode(&render_png(&trend()).unwrap());
    // The title's line: 8 pt margin, 12 pt type.
    let title_ink = png.ink_in(8.0, 8.0, 200.0, 22.0);
    assert!(
        title_ink > 2_000,
        "title text drawn: {title_ink} dark pixels"
    );
    // Right of the title's end nothing is written on that line.
    assert_eq!(png.ink_in(300.0, 8.0, 445.0, 22.0), 0);
    let plot_ink = png.ink_in(60.0, 80.0, 445.0, 200.0);
    assert!(plot_ink > 50_000, "bars drawn: {plot_ink} pixels");
    let highlighted = png.count_colour(PRIMARY);
    let earlier = png.count_colour(PRIMARY_LIGHT);
    assert!(highlighted > 10_000, "latest bar in the strong colour");
    assert!(
        earlier > 3 * highlighted,
        "the five earlier bars in the light colour"
    );
}

#[test]
fn png_text_is_at_print_size() {
    // The title's capital R at 12 pt: Ubuntu's capitals are 0.693 em tall, so about
    // 8.3 pt, 35 px at 300 dpi.
    let png = decode(&render_png(&trend()).unwrap());
    let rows: Vec<u32> = (0..80)
        .filter(|&y| (30..70).any(|x| png.pixel(x, y) != RGBColor(255, 255, 255)))
        .collect();
    let cap_height = rows.last().unwrap() - rows.first().unwrap() + 1;
    assert!(
        (31..=39).contains(&cap_height),
        "capital R is {cap_height} px tall"
    );
}

#[test]
fn control_chart_flags_are_red_circles() {
    let png = decode(&render_png(&control_chart()).unwrap());
    assert!(png.count_colour(SIGNAL) > 300, "flag and limits in red");
    let mut unflagged = control_chart();
    if let FigureBody::ControlChart { flagged, .. } = &mut unflagged.body {
        flagged.clear();
    }
    let without = decode(&render_png(&unflagged).unwrap());
    assert!(
        png.count_colour(SIGNAL) > without.count_colour(SIGNAL) + 200,
        "the flagged month adds a red circle"
    );
}

#[test]
fn svg_is_well_formed_with_every_label_as_text() {
    let figure = trend();
    let svg = render_svg(&figure).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("160mm"));
    assert_eq!(root.attribute("height"), Some("90mm"));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim())
        .collect();
    assert!(texts.contains(&figure.title.as_str()));
    assert!(texts.contains(&SOURCE));
    assert!(texts.contains(&"Recorded crimes"), "y-axis title");
    for category in figure.body.categories() {
        assert!(texts.contains(&category.as_str()), "{category} missing");
    }
    assert!(
        texts.contains(&"20,000"),
        "tick labels with separators: {texts:?}"
    );
    assert!(doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .all(|n| n.attribute("font-family") == Some(font::FAMILY)));
}

#[test]
fn svg_lines_have_a_legend() {
    let svg = render_svg(&seasonality()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    assert!(texts.contains(&"2024/25 (to December)"));
    assert!(texts.contains(&"Average of 2019/20 to 2023/24"));
}

#[test]
fn svg_escapes_markup_in_labels() {
    let mut figure = breakdown();
    figure.title = "Theft <from> the person & robbery".into();
    let svg = render_svg(&figure).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(doc
        .descendants()
        .any(|n| n.text().map(str::trim) == Some("Theft <from> the person & robbery")));
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    for figure in all_kinds() {
        assert_eq!(render_png(&figure).unwrap(), render_png(&figure).unwrap());
        assert_eq!(render_svg(&figure).unwrap(), render_svg(&figure).unwrap());
    }
}

#[test]
fn every_kind_renders() {
    for figure in all_kinds() {
        let png = decode(&render_png(&figure).unwrap());
        assert!(
            png.ink_in(60.0, 60.0, 445.0, 220.0) > 10_000,
            "{} has a chart",
            figure.title
        );
        let svg = render_svg(&figure).unwrap();
        assert!(svg.contains(&figure.title), "{}", figure.title);
    }
}

/// Writes one PNG and SVG of each kind to /tmp/figures-preview/ to look at:
/// `cargo test --lib report::figures -- --ignored`.
#[test]
#[ignore]
fn write_previews() {
    let dir = std::path::Path::new("/tmp/figures-preview");
    std::fs::create_dir_all(dir).unwrap();
    for figure in all_kinds() {
        std::fs::write(
            dir.join(format!("{}.png", figure.slug())),
            render_png(&figure).unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.join(format!("{}.svg", figure.slug())),
            render_svg(&figure).unwrap(),
        )
        .unwrap();
    }
}
