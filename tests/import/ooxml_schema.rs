//! A small XML Schema reader and checker for the Office Open XML parts we write: it reads
//! the ECMA-376 transitional schemas in `tests/fixtures/ecma376/` (complex types, their
//! `xs:sequence` / `xs:choice` / `xs:all` content with min and max occurrences, groups,
//! extensions, attributes and attribute groups) and checks that every element of a part
//! has its children in an order the schema allows, only attributes the schema declares,
//! and every required one. The order is read from the schemas, never listed by hand, so
//! it cannot drift from what Word enforces.

use roxmltree::{Document, Node};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
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

/// What is wrong with a part, one line per problem.
pub type Problems = Vec<String>;

impl Schemas {
    /// Check a whole part from its root element.
    pub fn check(&self, part: &str, xml: &str) -> Problems {
        let doc = Document::parse(xml).unwrap_or_else(|e| panic!("{part} is not XML: {e}"));
        let root = doc.root_element();
        let name = qname(root);
        let mut problems = Vec::new();
        match self.elements.get(&name) {
            Some(ty) => self.check_element(root, ty, part, &mut problems),
            None => problems.push(format!("{part}: no schema declares the root {name:?}")),
        }
        problems
    }

    fn check_element(&self, node: Node, ty: &QName, path: &str, problems: &mut Problems) {
        let path = format!("{path}/{}", node.tag_name().name());
        if ty.0 == XSD {
            if node.children().any(|c| c.is_element()) {
                problems.push(format!("{path}: a simple value may not hold elements"));
            }
            return;
        }
        if !self.types.contains_key(ty) {
            problems.push(format!("{path}: the schemas do not define its type {ty:?}"));
            return;
        }
        self.check_attributes(node, ty, &path, problems);
        let model = self.model(ty);
        let children: Vec<Node> = node.children().filter(|c| c.is_element()).collect();
        let names: Vec<QName> = children.iter().map(|c| qname(*c)).collect();
        let automaton = self.automata.borrow().get(ty).cloned();
        let automaton = automaton.unwrap_or_else(|| {
            let built = Rc::new(self.automaton(&model));
            self.automata.borrow_mut().insert(ty.clone(), built.clone());
            built
        });
        if let Err(at) = automaton.accepts(&names) {
            let got: Vec<&str> = names.iter().map(|n| n.1.as_str()).collect();
            problems.push(format!(
                "{path} ({}): children [{}] break the schema's order at \"{}\"",
                ty.1,
                got.join(", "),
                got.get(at).copied().unwrap_or("(end)")
            ));
            return;
        }
        for (child, name) in children.iter().zip(&names) {
            // None: matched by `xs:any` in a namespace we have no schema for (lax).
            if let Some(child_ty) = self.declared_type(&model, name) {
                self.check_element(*child, &child_ty, &path, problems);
            }
        }
    }

    /// The content model of a type: its base's (for an extension) followed by its own.
    fn model(&self, ty: &QName) -> Vec<Particle> {
        let Some(def) = self.types.get(ty) else {
            return Vec::new();
        };
        let mut model = def.base.as_ref().map(|b| self.model(b)).unwrap_or_default();
        model.extend(def.content.clone());
        model
    }

    fn check_attributes(&self, node: Node, ty: &QName, path: &str, problems: &mut Problems) {
        let mut declared: Vec<(QName, bool)> = Vec::new();
        let mut any = false;
        self.collect_attributes(ty, &mut declared, &mut any);
        for a in node.attributes() {
            let name = (
                a.namespace().unwrap_or("").to_string(),
                a.name().to_string(),
            );
            if !any && !declared.iter().any(|(d, _)| *d == name) {
                problems.push(format!(
                    "{path}: attribute {}:{} is not in {}",
                    name.0, name.1, ty.1
                ));
            }
        }
        for (name, required) in &declared {
            let present = node
                .attributes()
                .any(|a| a.namespace().unwrap_or("") == name.0 && a.name() == name.1);
            if *required && !present {
                problems.push(format!("{path}: required attribute {} is missing", name.1));
            }
        }
    }

    fn collect_attributes(&self, ty: &QName, out: &mut Vec<(QName, bool)>, any: &mut bool) {
        let Some(def) = self.types.get(ty).or_else(|| self.attribute_groups.get(ty)) else {
            return;
        };
        out.extend(def.attributes.iter().cloned());
        *any |= def.any_attribute;
        if let Some(base) = &def.base {
            self.collect_attributes(base, out, any);
        }
        for group in &def.attribute_groups {
            if let Some(g) = self.attribute_groups.get(group) {
                out.extend(g.attributes.iter().cloned());
                *any |= g.any_attribute;
                for inner in &g.attribute_groups {
                    self.collect_attributes(inner, out, any);
                }
            }
        }
    }

    /// The type the content model gives a child of this name (first declaration found),
    /// or the global element's type when it came through `xs:any`.
    fn declared_type(&self, model: &[Particle], name: &QName) -> Option<QName> {
        fn find(s: &Schemas, p: &Particle, name: &QName, depth: usize) -> Option<QName> {
            if depth > 40 {
                return None;
            }
            match &p.term {
                Term::Element { name: n, ty } if n == name => {
                    ty.clone().or_else(|| s.elements.get(n).cloned())
                }
                Term::Element { .. } | Term::Any { .. } => None,
                Term::Seq(items) | Term::Choice(items) | Term::All(items) => {
                    items.iter().find_map(|i| find(s, i, name, depth + 1))
                }
                Term::Group(g) => s.groups.get(g).and_then(|g| find(s, g, name, depth + 1)),
            }
        }
        model
            .iter()
            .find_map(|p| find(self, p, name, 0))
            .or_else(|| self.elements.get(name).cloned())
    }

    /// The content model as a nondeterministic automaton over child element names.
    fn automaton(&self, model: &[Particle]) -> Nfa {
        let mut nfa = Nfa::default();
        let start = nfa.state();
        let mut at = start;
        for p in model {
            let (s, e) = self.fragment(&mut nfa, p, 0);
            nfa.eps[at].push(s);
            at = e;
        }
        nfa.end = at;
        nfa.start = start;
        nfa
    }

    /// A fragment (start, end) for a particle with its occurrences: `min` copies in a row,
    /// then a loop (unbounded) or `max − min` optional copies.
    fn fragment(&self, nfa: &mut Nfa, p: &Particle, depth: usize) -> (usize, usize) {
        let start = nfa.state();
        let mut at = start;
        for _ in 0..p.min {
            let (s, e) = self.term(nfa, &p.term, depth);
            nfa.eps[at].push(s);
            at = e;
        }
        if p.max == usize::MAX {
            let (s, e) = self.term(nfa, &p.term, depth);
            let end = nfa.state();
            nfa.eps[at].push(s);
            nfa.eps[e].push(at);
            nfa.eps[at].push(end);
            return (start, end);
        }
        for _ in p.min..p.max {
            let (s, e) = self.term(nfa, &p.term, depth);
            let next = nfa.state();
            nfa.eps[at].extend([s, next]);
            nfa.eps[e].push(next);
            at = next;
        }
        (start, at)
    }

    fn term(&self, nfa: &mut Nfa, term: &Term, depth: usize) -> (usize, usize) {
        assert!(depth < 64, "the schema's groups nest too deeply");
        let (start, end) = (nfa.state(), nfa.state());
        match term {
            Term::Element { name, .. } => {
                nfa.symbol[start] = Some((Symbol::Name(name.clone()), end))
            }
            Term::Any { namespace } => {
                nfa.symbol[start] = Some((Symbol::Any(namespace.clone()), end))
            }
            Term::Seq(items) => {
                let mut at = start;
                for item in items {
                    let (s, e) = self.fragment(nfa, item, depth + 1);
                    nfa.eps[at].push(s);
                    at = e;
                }
                nfa.eps[at].push(end);
            }
            // `xs:all`: each item at most once in any order; checked as any order.
            Term::Choice(items) | Term::All(items) => {
                let all = matches!(term, Term::All(_));
                for item in items {
                    let (s, e) = self.fragment(nfa, item, depth + 1);
                    nfa.eps[start].push(s);
                    nfa.eps[e].push(if all { start } else { end });
                }
                if all {
                    nfa.eps[start].push(end);
                }
            }
            Term::Group(g) => match self.groups.get(g) {
                Some(group) => {
                    let (s, e) = self.fragment(nfa, group, depth + 1);
                    nfa.eps[start].push(s);
                    nfa.eps[e].push(end);
                }
                None => nfa.eps[start].push(end),
            },
        }
        (start, end)
    }
}

#[derive(Debug, Clone)]
enum Symbol {
    Name(QName),
    Any(Option<String>),
}

/// A Thompson automaton: every state has empty moves and at most one named move.
#[derive(Debug, Default)]
struct Nfa {
    eps: Vec<Vec<usize>>,
    symbol: Vec<Option<(Symbol, usize)>>,
    start: usize,
    end: usize,
}

impl Nfa {
    fn state(&mut self) -> usize {
        self.eps.push(Vec::new());
        self.symbol.push(None);
        self.eps.len() - 1
    }

    fn closure(&self, states: Vec<usize>) -> BTreeSet<usize> {
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        let mut stack = states;
        while let Some(s) = stack.pop() {
            if seen.insert(s) {
                stack.extend(self.eps[s].iter().copied());
            }
        }
        seen
    }

    /// `Ok` when the names are a word of the automaton, else the index of the first name
    /// that cannot be read (the length when the names stop too early).
    fn accepts(&self, names: &[QName]) -> Result<(), usize> {
        let mut current = self.closure(vec![self.start]);
        for (i, name) in names.iter().enumerate() {
            let moves: Vec<usize> = current
                .iter()
                .filter_map(|s| match &self.symbol[*s] {
                    Some((Symbol::Name(n), to)) if n == name => Some(*to),
                    Some((Symbol::Any(ns), to)) if namespace_allows(ns.as_deref(), &name.0) => {
                        Some(*to)
                    }
                    _ => None,
                })
                .collect();
            if moves.is_empty() {
                return Err(i);
            }
            current = self.closure(moves);
        }
        if current.contains(&self.end) {
            Ok(())
        } else {
            Err(names.len())
        }
    }
}

fn namespace_allows(rule: Option<&str>, ns: &str) -> bool {
    match rule {
        None | Some("##any") => true,
        Some("##other") => true,
        Some(list) => list.split_whitespace().any(|n| n == ns),
    }
}

fn qname(node: Node) -> QName {
    (
        node.tag_name().namespace().unwrap_or("").to_string(),
        node.tag_name().name().to_string(),
    )
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
