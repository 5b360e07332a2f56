//! Checking a part against the schemas read by the parent module: each element's children
//! run through an automaton built from its type's content model (Thompson's construction,
//! so a body of a thousand paragraphs checks in linear time), attributes against the
//! declared ones.

use super::{Particle, QName, Schemas, Term, XSD};
use roxmltree::{Document, Node};
use std::collections::BTreeSet;
use std::rc::Rc;

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
pub(super) struct Nfa {
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
