//! `csp-assessment groups --db FILE [--save NAME --types T,T… | --delete NAME] [--json]`:
//! list, define or remove theme groups (user-defined sets of crime types). Crime types are
//! named as police.uk names them, in any case, or by their `stats` key (`vehicle_crime`).

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::theme::{slug, Theme};
use crate::import::crime_types::{crime_type_name, is_asb, match_crime_type, CRIME_TYPES};
use crate::store::cube::ThemeGroup;
use crate::store::{Store, StoreError};
use serde::Serialize;
use std::path::Path;

/// What `groups` does besides listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupChange {
    None,
    Save { name: String, types: Vec<String> },
    Delete(String),
}

#[derive(Serialize)]
struct GroupJson<'a> {
    name: &'a str,
    /// The theme's key in `stats --json`.
    key: String,
    crime_types: Vec<&'static str>,
}

/// `groups`' words: list, `--save NAME --types …` or `--delete NAME`.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let change = args.take_save_or_delete(
        "--types",
        "groups takes --save NAME with --types TYPE,TYPE…, or --delete NAME",
        GroupChange::None,
        |name, types| GroupChange::Save { name, types },
        GroupChange::Delete,
    )?;
    Ok(Command::Groups {
        db: args.need_db()?,
        change,
        json: args.json,
    })
}

pub fn run(db: &Path, change: &GroupChange, json: bool) -> i32 {
    match apply(db, change) {
        Ok(groups) => {
            print_groups(&groups, json);
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn apply(db: &Path, change: &GroupChange) -> Result<Vec<ThemeGroup>, String> {
    let mut store = Store::open_existing(db).map_err(|e| e.to_string())?;
    match change {
        GroupChange::None => {}
        GroupChange::Save { name, types } => {
            let ids = types
                .iter()
                .map(|t| crime_type_of(t))
                .collect::<Result<Vec<u8>, String>>()?;
            store
                .save_theme_group(name, &ids)
                .map_err(|e| e.to_string())?;
        }
        GroupChange::Delete(name) => {
            let groups = store.theme_groups().map_err(|e| e.to_string())?;
            let group = groups
                .iter()
                .find(|g| g.name.eq_ignore_ascii_case(name.trim()))
                .ok_or_else(|| format!("there is no theme group called \"{name}\""))?;
            store
                .delete_theme_group(group.id)
                .map_err(|e: StoreError| e.to_string())?;
        }
    }
    store.theme_groups().map_err(|e| e.to_string())
}

/// A crime type by police.uk name (any case) or key; ASB is not a crime type.
fn crime_type_of(text: &str) -> Result<u8, String> {
    let by_key = (1..=CRIME_TYPES.len() as u8)
        .find(|t| crime_type_name(*t).is_some_and(|n| slug(n) == text.trim()));
    let id = by_key
        .or_else(|| match_crime_type(text).map(|m| m.id()))
        .ok_or_else(|| {
            format!(
                "\"{text}\" is not a police.uk crime type (e.g. Burglary, Vehicle crime, shoplifting)"
            )
        })?;
    if is_asb(id) {
        return Err(
            "anti-social behaviour is a theme of its own, not a crime type to group".into(),
        );
    }
    Ok(id)
}

fn print_groups(groups: &[ThemeGroup], json: bool) {
    let rows: Vec<GroupJson> = groups
        .iter()
        .map(|g| GroupJson {
            name: &g.name,
            key: Theme::Group {
                name: g.name.clone(),
                crime_types: g.crime_types.clone(),
            }
            .key(),
            crime_types: g
                .crime_types
                .iter()
                .filter_map(|t| crime_type_name(*t))
                .collect(),
        })
        .collect();
    if json {
        let text = serde_json::json!({ "groups": rows });
        println!("{text:#}");
        return;
    }
    if rows.is_empty() {
        println!("No theme groups. Define one with --save NAME --types Burglary,Robbery,…");
    }
    for g in rows {
        println!("{} ({}): {}", g.name, g.key, g.crime_types.join(", "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crime_types_are_found_by_name_or_key_and_asb_is_refused() {
        assert_eq!(crime_type_of("Burglary"), Ok(3));
        assert_eq!(
            crime_type_of("vehicle crime"),
            crime_type_of("Vehicle crime")
        );
        assert_eq!(
            crime_type_of("vehicle_crime"),
            crime_type_of("Vehicle crime")
        );
        assert!(crime_type_of("Anti-social behaviour").is_err());
        assert!(crime_type_of("Fraud").unwrap_err().contains("\"Fraud\""));
    }
}
