//! A small XML Schema reader and checker for the Office Open XML parts we write: it reads
//! the ECMA-376 transitional schemas in `tests/fixtures/ecma376/` (complex types, their
//! `xs:sequence` / `xs:choice` / `xs:all` content with min and max occurrences, groups,
//! extensions, attributes and attribute groups) and checks that every element of a part
//! has its children in an order the schema allows, only attributes the schema declares,
//! and every required one. The order is read from the schemas, never listed by hand, so
//! it cannot drift from what Word enforces. This file reads the schemas; `check` checks
//! a part against them.

mod check;

use check::Nfa;
use roxmltree::{Document, Node};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

const XSD: &str = "http://www.w3.org/2001/XMLSchema";

type QName = (String, String);

#[derive(Debug, Clone)]
enum Term {
    Element { name: QName, ty: Option<QName> },
    Any { namespace: Option<String> },
    Seq(Vec<Particle>),
    Choice(Vec<Particle>),
    All(Vec<Particle>),
    Group(QName),
}

#[derive(Debug, Clone)]
struct Particle {
    term: Term,
    min: usize,
    max: usize,
}

#[derive(Debug, Clone, Default)]
struct TypeDef {
    base: Option<QName>,
    content: Option<Particle>,
    attributes: Vec<(QName, bool)>,
    attribute_groups: Vec<QName>,
    any_attribute: bool,
}

#[derive(Default)]
pub struct Schemas {
    /// Each type's content model as an automaton, built on first use.
    automata: RefCell<HashMap<QName, Rc<Nfa>>>,
    types: HashMap<QName, TypeDef>,
    elements: HashMap<QName, QName>,
    groups: HashMap<QName, Particle>,
    attribute_groups: HashMap<QName, TypeDef>,
    anonymous: usize,
}

fn xsd<'a>(node: Node<'a, 'a>, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(XSD) && node.tag_name().name() == name
}

/// A `prefix:local` value of a schema attribute as a qualified name.
fn resolve(node: Node, value: &str) -> QName {
    let (prefix, local) = match value.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, value),
    };
    // `xml:` is bound by XML itself, not declared in the schema documents.
    let ns = match prefix {
        Some("xml") => "http://www.w3.org/XML/1998/namespace",
        _ => node.lookup_namespace_uri(prefix).unwrap_or(""),
    };
    (ns.to_string(), local.to_string())
}

fn occurs(node: Node, name: &str) -> usize {
    match node.attribute(name) {
        Some("unbounded") => usize::MAX,
        Some(n) => n.parse().unwrap_or(1),
        None => 1,
    }
}

impl Schemas {
    /// Every `.xsd` file of `folder`.
    pub fn load(folder: &Path) -> Schemas {
        let mut schemas = Schemas::default();
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xsd"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let doc = Document::parse(&text).unwrap();
            schemas.read(doc.root_element());
        }
        assert!(schemas.types.len() > 500, "the schemas did not load");
        schemas
    }

    fn read(&mut self, schema: Node) {
        let target = schema
            .attribute("targetNamespace")
            .unwrap_or("")
            .to_string();
        let qualified = schema.attribute("attributeFormDefault") == Some("qualified");
        let ctx = Ctx {
            target: &target,
            qualified,
        };
        for node in schema.children().filter(|n| n.is_element()) {
            let name = || {
                (
                    target.clone(),
                    node.attribute("name").unwrap_or("").to_string(),
                )
            };
            if xsd(node, "complexType") {
                let def = self.complex(node, &ctx);
                self.types.insert(name(), def);
            } else if xsd(node, "simpleType") {
                self.types.insert(name(), TypeDef::default());
            } else if xsd(node, "element") {
                let ty = self.element_type(node, &ctx);
                self.elements.insert(name(), ty);
            } else if xsd(node, "group") {
                if let Some(p) = node.children().find_map(|c| self.particle(c, &ctx)) {
                    self.groups.insert(name(), p);
                }
            } else if xsd(node, "attributeGroup") {
                let mut def = TypeDef::default();
                self.attributes(node, &ctx, &mut def);
                self.attribute_groups.insert(name(), def);
            }
        }
    }

    /// The type of an element declaration: named, inline, or any content.
    fn element_type(&mut self, node: Node, ctx: &Ctx) -> QName {
        if let Some(ty) = node.attribute("type") {
            return resolve(node, ty);
        }
        let def = node
            .children()
            .find(|c| xsd(*c, "complexType"))
            .map(|c| self.complex(c, ctx))
            .unwrap_or_default();
        self.anonymous += 1;
        let name = (
            ctx.target.to_string(),
            format!("#anonymous{}", self.anonymous),
        );
        self.types.insert(name.clone(), def);
        name
    }

    fn complex(&mut self, node: Node, ctx: &Ctx) -> TypeDef {
        let mut def = TypeDef::default();
        for child in node.children().filter(|n| n.is_element()) {
            if xsd(child, "complexContent") || xsd(child, "simpleContent") {
                let simple = xsd(child, "simpleContent");
                for derivation in child.children().filter(|n| n.is_element()) {
                    // An extension inherits its base's content and attributes; a
                    // restriction restates them.
                    if xsd(derivation, "extension") {
                        def.base = derivation.attribute("base").map(|b| resolve(derivation, b));
                    }
                    if !simple {
                        def.content = derivation.children().find_map(|c| self.particle(c, ctx));
                    }
                    self.attributes(derivation, ctx, &mut def);
                }
            } else if let Some(p) = self.particle(child, ctx) {
                def.content = Some(p);
            }
        }
        self.attributes(node, ctx, &mut def);
        def
    }

    fn attributes(&mut self, node: Node, ctx: &Ctx, def: &mut TypeDef) {
        for a in node.children().filter(|n| n.is_element()) {
            if xsd(a, "attribute") {
                let required = a.attribute("use") == Some("required");
                let name = match (a.attribute("ref"), a.attribute("name")) {
                    (Some(r), _) => resolve(a, r),
                    (None, Some(n)) if ctx.qualified => (ctx.target.to_string(), n.to_string()),
                    (None, Some(n)) => (String::new(), n.to_string()),
                    (None, None) => continue,
                };
                def.attributes.push((name, required));
            } else if xsd(a, "attributeGroup") {
                if let Some(r) = a.attribute("ref") {
                    def.attribute_groups.push(resolve(a, r));
                }
            } else if xsd(a, "anyAttribute") {
                def.any_attribute = true;
            }
        }
    }

    fn particle(&mut self, node: Node, ctx: &Ctx) -> Option<Particle> {
        let (min, max) = (occurs(node, "minOccurs"), occurs(node, "maxOccurs"));
        let items = |s: &mut Schemas| -> Vec<Particle> {
            node.children().filter_map(|c| s.particle(c, ctx)).collect()
        };
        let term = if xsd(node, "sequence") {
            Term::Seq(items(self))
        } else if xsd(node, "choice") {
            Term::Choice(items(self))
        } else if xsd(node, "all") {
            Term::All(items(self))
        } else if xsd(node, "group") {
            Term::Group(resolve(node, node.attribute("ref")?))
        } else if xsd(node, "any") {
            Term::Any {
                namespace: node.attribute("namespace").map(String::from),
            }
        } else if xsd(node, "element") {
            match node.attribute("ref") {
                Some(r) => Term::Element {
                    name: resolve(node, r),
                    ty: None,
                },
                None => Term::Element {
                    name: (ctx.target.to_string(), node.attribute("name")?.to_string()),
                    ty: Some(self.element_type(node, ctx)),
                },
            }
        } else {
            return None;
        };
        Some(Particle { term, min, max })
    }
}

struct Ctx<'a> {
    target: &'a str,
    qualified: bool,
}

#[test]
fn the_checker_finds_the_misorders_issue_12_reported() {
    let schemas = Schemas::load(&super::fixture("ecma376"));
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let settings = |body: &str| format!("<w:settings {w}>{body}</w:settings>");
    let bad = settings(r#"<w:updateFields w:val="true"/><w:defaultTabStop w:val="720"/>"#);
    assert_eq!(schemas.check("settings.xml", &bad).len(), 1);
    let good = settings(r#"<w:defaultTabStop w:val="720"/><w:updateFields w:val="true"/>"#);
    assert_eq!(schemas.check("settings.xml", &good), Vec::<String>::new());
    let style = |ppr: &str| {
        format!(
            r#"<w:styles {w}><w:style w:type="paragraph" w:styleId="H"><w:name w:val="h"/><w:pPr>{ppr}</w:pPr></w:style></w:styles>"#
        )
    };
    let border =
        r#"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="1F3864"/></w:pBdr>"#;
    let spacing = r#"<w:spacing w:after="60"/>"#;
    let ind = r#"<w:ind w:left="360"/>"#;
    for wrong in [format!("{spacing}{border}"), format!("{ind}{spacing}")] {
        let problems = schemas.check("styles.xml", &style(&wrong));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("break the schema's order")),
            "{problems:?}"
        );
    }
    assert!(schemas
        .check("styles.xml", &style(&format!("{border}{spacing}{ind}")))
        .is_empty());
    // An attribute the schema does not declare, and a missing required one.
    let stray = settings(r#"<w:defaultTabStop w:val="720" w:colour="red"/>"#);
    assert!(schemas.check("settings.xml", &stray)[0].contains("colour"));
    let missing = settings("<w:defaultTabStop/>");
    assert!(schemas.check("settings.xml", &missing)[0].contains("required attribute val"));
}
