//! Which area a boundary feature outlines, from its attributes: found by their ONS shape
//! whatever the year digits (`WDnnCD`/`WDnnNM` wards with `LADnnCD` as the parent district,
//! `LSOAnnCD`/`LSOAnnNM`, `LADnnCD`/`LADnnNM`, any other `XXnnCD`), or — for a council's own
//! file with attributes like `ward_code` — from the attributes a saved mapping names.

use crate::import::boundaries::BoundaryLevel;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The attributes a mapping names for the code, name and parent district of each area,
/// and the level of the areas (found from the codes when not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundaryFields {
    pub code: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub parent_code: Option<String>,
    #[serde(default)]
    pub level: Option<String>,
}

/// A feature's area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub code: String,
    pub name: String,
    pub level: BoundaryLevel,
    pub parent_code: Option<String>,
}

/// An attribute's value as text (codes are sometimes stored as numbers).
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn attribute(properties: &Map<String, Value>, name: &str) -> Option<String> {
    properties
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| text_of(v))
}

/// The level an ONS code's prefix says: E05/W05 ward, E01/W01 LSOA, a district or unitary
/// authority (E06–E09, W06), else other.
pub fn level_of_code(code: &str) -> BoundaryLevel {
    match code.get(..3).map(|p| p.to_ascii_uppercase()).as_deref() {
        Some("E05" | "W05") => BoundaryLevel::Ward,
        Some("E01" | "W01") => BoundaryLevel::Lsoa,
        Some("E06" | "E07" | "E08" | "E09" | "W06") => BoundaryLevel::District,
        _ => BoundaryLevel::Other,
    }
}

/// The area a feature outlines, by `fields` when given, else by attribute names.
pub fn identify(
    properties: &Map<String, Value>,
    fields: Option<&BoundaryFields>,
) -> Option<Identity> {
    match fields {
        Some(fields) => identify_by_fields(properties, fields),
        None => identify_by_names(properties),
    }
}

fn identify_by_fields(
    properties: &Map<String, Value>,
    fields: &BoundaryFields,
) -> Option<Identity> {
    let code = attribute(properties, &fields.code)?;
    let name = fields
        .name
        .as_deref()
        .and_then(|n| attribute(properties, n))
        .unwrap_or_else(|| code.clone());
    let level = fields
        .level
        .as_deref()
        .and_then(BoundaryLevel::from_name)
        .unwrap_or_else(|| level_of_code(&code));
    Some(Identity {
        parent_code: fields
            .parent_code
            .as_deref()
            .and_then(|p| attribute(properties, p)),
        code,
        name,
        level,
    })
}

/// Finds the code/name pair by property names (year digits vary: WD19CD … WD25CD).
fn identify_by_names(properties: &Map<String, Value>) -> Option<Identity> {
    let find = |prefix: &str, suffix: &str| -> Option<String> {
        properties.iter().find_map(|(key, value)| {
            let upper = key.to_ascii_uppercase();
            let digits = upper.strip_prefix(prefix)?.strip_suffix(suffix)?;
            let is_year = digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit());
            let text = value.as_str()?.trim();
            (is_year && !text.is_empty()).then(|| text.to_string())
        })
    };
    let parent = find("LAD", "CD");
    let (prefix, level, parent_code) = if find("WD", "CD").is_some() {
        ("WD", BoundaryLevel::Ward, parent)
    } else if find("LSOA", "CD").is_some() {
        ("LSOA", BoundaryLevel::Lsoa, None)
    } else if parent.is_some() {
        ("LAD", BoundaryLevel::District, None)
    } else {
        return other_identity(properties);
    };
    let code = find(prefix, "CD")?;
    let name = find(prefix, "NM").unwrap_or_else(|| code.clone());
    Some(Identity {
        code,
        name,
        level,
        parent_code,
    })
}

/// Any other ONS geography (MSOA21CD, CTY23CD…): letters, two digits, `CD`.
fn other_identity(properties: &Map<String, Value>) -> Option<Identity> {
    let (key, code) = properties.iter().find_map(|(key, value)| {
        let upper = key.to_ascii_uppercase();
        let stem = upper.strip_suffix("CD")?;
        let split = stem.len().checked_sub(2)?;
        let (letters, digits) = (stem.get(..split)?, stem.get(split..)?);
        let shaped = !letters.is_empty()
            && letters.bytes().all(|b| b.is_ascii_alphabetic())
            && digits.bytes().all(|b| b.is_ascii_digit());
        let text = value.as_str()?.trim();
        (shaped && !text.is_empty()).then(|| (upper.clone(), text.to_string()))
    })?;
    let name_key = format!("{}NM", key.strip_suffix("CD").unwrap_or(&key));
    let name = attribute(properties, &name_key).unwrap_or_else(|| code.clone());
    Some(Identity {
        code,
        name,
        level: BoundaryLevel::Other,
        parent_code: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn ons_names_and_mapped_attributes() {
        let ward = identify(
            &props(r#"{"wd19cd":"E05000001","WD19NM":"Abbey","LAD19CD":"E06000035"}"#),
            None,
        )
        .unwrap();
        assert_eq!(ward.level, BoundaryLevel::Ward);
        assert_eq!(ward.parent_code.as_deref(), Some("E06000035"));
        let council = props(r#"{"ward_code":"E05000002","ward_name":"River","objectid":4}"#);
        assert_eq!(identify(&council, None), None);
        let fields = BoundaryFields {
            code: "WARD_CODE".into(),
            name: Some("ward_name".into()),
            ..BoundaryFields::default()
        };
        let mapped = identify(&council, Some(&fields)).unwrap();
        assert_eq!(
            (mapped.code.as_str(), mapped.name.as_str()),
            ("E05000002", "River")
        );
        assert_eq!(mapped.level, BoundaryLevel::Ward);
        let numbered = BoundaryFields {
            code: "objectid".into(),
            level: Some("lsoa".into()),
            ..BoundaryFields::default()
        };
        let by_number = identify(&council, Some(&numbered)).unwrap();
        assert_eq!(
            (by_number.code.as_str(), by_number.level),
            ("4", BoundaryLevel::Lsoa)
        );
        assert_eq!(level_of_code("E06000035"), BoundaryLevel::District);
    }
}
