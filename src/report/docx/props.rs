//! Paragraph properties (`w:pPr`) written in the order the ECMA-376 schema's `CT_PPrBase`
//! sequence requires, whatever order the caller lists them in: Word refuses a document
//! ("unreadable content") where LibreOffice shrugs at `spacing` before `pBdr` or `ind`
//! before `spacing`. The integration tests validate every part against the schema itself.

/// One paragraph property.
#[derive(Debug, Clone, PartialEq)]
pub enum Prop<'a> {
    Style(&'a str),
    KeepNext,
    PageBreakBefore,
    /// A bottom rule: width in eighths of a point, space in points, colour.
    BottomBorder {
        size: u32,
        space: u32,
        colour: &'a str,
    },
    /// A right-aligned tab stop at this position (twips).
    RightTab(u32),
    /// Space before and after (twips) and, optionally, the line height (240ths).
    Spacing {
        before: Option<u32>,
        after: Option<u32>,
        line: Option<u32>,
    },
    /// Left indent and hanging indent (twips).
    Indent {
        left: u32,
        hanging: Option<u32>,
    },
    /// `left`, `center` or `right`.
    Justify(&'a str),
    OutlineLevel(u8),
}

impl Prop<'_> {
    /// Position in `CT_PPrBase`'s sequence: pStyle, keepNext, (keepLines), pageBreakBefore,
    /// …, pBdr, shd, tabs, …, spacing, ind, …, jc, …, outlineLvl.
    fn rank(&self) -> u8 {
        match self {
            Prop::Style(_) => 0,
            Prop::KeepNext => 1,
            Prop::PageBreakBefore => 3,
            Prop::BottomBorder { .. } => 8,
            Prop::RightTab(_) => 10,
            Prop::Spacing { .. } => 21,
            Prop::Indent { .. } => 22,
            Prop::Justify(_) => 26,
            Prop::OutlineLevel(_) => 30,
        }
    }

    fn xml(&self) -> String {
        let attr =
            |name: &str, v: Option<u32>| v.map_or(String::new(), |v| format!(r#" w:{name}="{v}""#));
        match self {
            Prop::Style(id) => format!(r#"<w:pStyle w:val="{id}"/>"#),
            Prop::KeepNext => "<w:keepNext/>".into(),
            Prop::PageBreakBefore => "<w:pageBreakBefore/>".into(),
            Prop::BottomBorder {
                size,
                space,
                colour,
            } => format!(
                r#"<w:pBdr><w:bottom w:val="single" w:sz="{size}" w:space="{space}" w:color="{colour}"/></w:pBdr>"#
            ),
            Prop::RightTab(pos) => {
                format!(r#"<w:tabs><w:tab w:val="right" w:pos="{pos}"/></w:tabs>"#)
            }
            Prop::Spacing {
                before,
                after,
                line,
            } => format!(
                "<w:spacing{}{}{}{}/>",
                attr("before", *before),
                attr("after", *after),
                attr("line", *line),
                if line.is_some() {
                    r#" w:lineRule="auto""#
                } else {
                    ""
                }
            ),
            Prop::Indent { left, hanging } => {
                format!(r#"<w:ind w:left="{left}"{}/>"#, attr("hanging", *hanging))
            }
            Prop::Justify(how) => format!(r#"<w:jc w:val="{how}"/>"#),
            Prop::OutlineLevel(level) => format!(r#"<w:outlineLvl w:val="{level}"/>"#),
        }
    }
}

/// Spacing before and after, in twips.
pub fn spacing<'a>(before: Option<u32>, after: Option<u32>) -> Prop<'a> {
    Prop::Spacing {
        before,
        after,
        line: None,
    }
}

/// The properties in schema order, without the `w:pPr` wrapper (styles put them in
/// their own `w:pPr`).
pub fn ordered(props: &[Prop]) -> String {
    let mut sorted: Vec<&Prop> = props.iter().collect();
    sorted.sort_by_key(|p| p.rank());
    sorted.iter().map(|p| p.xml()).collect()
}

/// `<w:pPr>…</w:pPr>`, or nothing when there are no properties.
pub fn paragraph_properties(props: &[Prop]) -> String {
    if props.is_empty() {
        String::new()
    } else {
        format!("<w:pPr>{}</w:pPr>", ordered(props))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_come_out_in_schema_order_whatever_the_order_given() {
        let xml = paragraph_properties(&[
            Prop::Indent {
                left: 360,
                hanging: Some(360),
            },
            spacing(None, Some(60)),
            Prop::BottomBorder {
                size: 8,
                space: 4,
                colour: "1F3864",
            },
            Prop::KeepNext,
            Prop::Style("Heading1"),
        ]);
        let order: Vec<usize> = ["pStyle", "keepNext", "pBdr", "spacing", "ind"]
            .iter()
            .map(|tag| xml.find(&format!("<w:{tag}")).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{xml}");
        assert_eq!(paragraph_properties(&[]), "");
    }
}
