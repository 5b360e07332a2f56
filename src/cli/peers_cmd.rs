//! `csp-assessment peers --db FILE [--save NAME --codes E06000035,… | --delete NAME] [--json]`:
//! list, save or remove the peer groups `compare --peers NAME` ranks the area among (lists
//! of district codes, e.g. the partnership's most similar group).

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::store::districts::PeerGroup;
use crate::store::Store;
use std::path::Path;

/// What `peers` does besides listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerChange {
    None,
    Save { name: String, codes: Vec<String> },
    Delete(String),
}

/// `peers`' words: list, `--save NAME --codes …` or `--delete NAME`.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let change = args.take_save_or_delete(
        "--codes",
        "peers takes --save NAME with --codes CODE,CODE…, or --delete NAME",
        PeerChange::None,
        |name, codes| PeerChange::Save { name, codes },
        PeerChange::Delete,
    )?;
    Ok(Command::Peers {
        db: args.need_db()?,
        change,
        json: args.json,
    })
}

pub fn run(db: &Path, change: &PeerChange, json: bool) -> i32 {
    match apply(db, change) {
        Ok(groups) => {
            if json {
                match serde_json::to_string_pretty(&serde_json::json!({ "peer_groups": groups })) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return EXIT_REJECTED;
                    }
                }
            } else if groups.is_empty() {
                println!(
                    "No peer groups saved. Save one with: peers --save NAME --codes CODE,CODE…"
                );
            } else {
                for g in &groups {
                    println!(
                        "{} ({} districts): {}",
                        g.name,
                        g.codes.len(),
                        g.codes.join(", ")
                    );
                }
            }
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn apply(db: &Path, change: &PeerChange) -> Result<Vec<PeerGroup>, String> {
    let mut store = Store::open_existing(db).map_err(|e| e.to_string())?;
    match change {
        PeerChange::None => {}
        PeerChange::Save { name, codes } => {
            store
                .save_peer_group(name, codes)
                .map_err(|e| e.to_string())?;
        }
        PeerChange::Delete(name) => store.delete_peer_group(name).map_err(|e| e.to_string())?,
    }
    store.peer_groups().map_err(|e| e.to_string())
}
