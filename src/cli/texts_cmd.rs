//! `csp-assessment texts --db FILE [--from OTHER | --set KEY (--text TEXT | --file PATH)]
//! [--json]`: the analyst's written sections of the assessment document (the edited
//! executive summary, data caveats, public consultation, horizon scanning under each
//! PESTELO heading, partnership activity, recommendations). Lists them; `--from` starts
//! them (and each section's commentary) from another assessment file, filling only what
//! this file lacks; `--set` writes one (blank text removes it).

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::report::content::free_text::{carry_from, text_keys};
use crate::store::Store;
use std::path::{Path, PathBuf};

/// What `texts` changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextChange {
    None,
    CopyFrom(PathBuf),
    Set { key: String, body: TextBody },
}

/// Where `--set` takes its words from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextBody {
    Text(String),
    File(PathBuf),
}

/// The keys `--set` accepts, for the usage error.
pub fn known_keys() -> String {
    text_keys()
        .iter()
        .map(|(k, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `texts`' words: list, `--from OTHER`, or `--set KEY` with `--text` or `--file`.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let change =
        match (
            args.take("--from"),
            args.take("--set"),
            args.take("--text"),
            args.take("--file"),
        ) {
            (None, None, None, None) => TextChange::None,
            (Some(from), None, None, None) => TextChange::CopyFrom(PathBuf::from(from)),
            (None, Some(key), Some(text), None) => TextChange::Set {
                key,
                body: TextBody::Text(text),
            },
            (None, Some(key), None, Some(file)) => TextChange::Set {
                key,
                body: TextBody::File(PathBuf::from(file)),
            },
            _ => return Err(UsageError(
                "texts takes --from OTHER.assessment, or --set KEY with --text TEXT or --file PATH"
                    .into(),
            )),
        };
    if let TextChange::Set { key, .. } = &change {
        if !text_keys().iter().any(|(k, _)| k == key) {
            return Err(UsageError(format!(
                "unknown text \"{key}\" (one of {})",
                known_keys()
            )));
        }
    }
    Ok(Command::Texts {
        db: args.need_db()?,
        change,
        json: args.json,
    })
}

pub fn run(db: &Path, change: &TextChange, json: bool) -> i32 {
    match apply(db, change, json) {
        Ok(()) => EXIT_OK,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn apply(db: &Path, change: &TextChange, json: bool) -> Result<(), String> {
    let mut store = Store::open_existing(db).map_err(|e| e.to_string())?;
    match change {
        TextChange::None => {}
        TextChange::CopyFrom(other) => {
            let theirs = Store::open_existing(other).map_err(|e| e.to_string())?;
            let carried = carry_from(&mut store, &theirs).map_err(|e| e.to_string())?;
            if !json {
                println!(
                    "Copied from {}: commentary for {} sections; written sections: {}.",
                    other.display(),
                    carried.commentary,
                    if carried.texts.is_empty() {
                        "none (this file already has them, or the other file has none)".to_string()
                    } else {
                        carried.texts.join(", ")
                    }
                );
            }
        }
        TextChange::Set { key, body } => {
            let words = match body {
                TextBody::Text(t) => t.clone(),
                TextBody::File(path) => std::fs::read_to_string(path).map_err(|e| {
                    format!(
                        "could not read {}: {e} (it must be UTF-8 text)",
                        path.display()
                    )
                })?,
            };
            store
                .save_report_text(key, &words)
                .map_err(|e| e.to_string())?;
        }
    }
    let texts = store.report_texts().map_err(|e| e.to_string())?;
    if json {
        let list: Vec<serde_json::Value> = text_keys()
            .iter()
            .filter_map(|(key, label)| {
                texts
                    .get(*key)
                    .map(|body| serde_json::json!({ "key": key, "section": label, "text": body }))
            })
            .collect();
        let text = serde_json::to_string_pretty(&serde_json::json!({ "texts": list }))
            .map_err(|e| e.to_string())?;
        println!("{text}");
    } else if matches!(change, TextChange::None) {
        for (key, label) in text_keys() {
            let first_line = texts
                .get(key)
                .and_then(|t| t.lines().find(|l| !l.trim().is_empty()))
                .map_or("(not written)".to_string(), |l| l.trim().to_string());
            println!("{key:<24} {label}: {first_line}");
        }
    }
    Ok(())
}
