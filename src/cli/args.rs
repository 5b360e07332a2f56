//! The words after the command, scanned once the same way for every command: `--db`,
//! `--json`, `--kind`, the switches, the options that take a value, and file names. Each
//! command then takes what it needs ([`ParsedArgs::need_db`], [`ParsedArgs::take`]) beside
//! its own code in `*_cmd.rs`. Also the usage error and the readings several commands
//! share: how to read a table, a comma-separated list, a disclosure threshold.

use crate::import::kind::FileKind;
use crate::import::table::dialect::{DialectChoice, TextEncoding};
use crate::import::table::TableOptions;
use std::collections::HashMap;
use std::path::PathBuf;

/// A usage error, shown with the usage text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The options that take a value (given twice, the later one counts).
const VALUE_FLAGS: &[&str] = &[
    "--fy",
    "--district",
    "--wards",
    "--name",
    "--save",
    "--types",
    "--delete",
    "--out",
    "--format",
    "--threshold",
    "--date",
    "--mapping",
    "--layout",
    "--from",
    "--map",
    "--date-format",
    "--theme",
    "--cell-size",
    "--peers",
    "--codes",
    "--sheet",
    "--delimiter",
    "--encoding",
    "--level",
    "--set",
    "--text",
    "--file",
    "--as-at",
    "--import",
    "--report",
    "--priority",
];

/// The arguments after the command word. Options a command does not take are ignored.
#[derive(Debug, Default)]
pub(super) struct ParsedArgs {
    pub db: Option<PathBuf>,
    pub json: bool,
    pub kind: Option<FileKind>,
    pub all: bool,
    pub derive: bool,
    /// Every word that is not an option, in order (file, folder and zip names).
    pub positional: Vec<PathBuf>,
    values: HashMap<&'static str, String>,
}

impl ParsedArgs {
    /// Scan the arguments after the command word. Fails on an unknown option, an option
    /// without its value and an unknown `--kind`, whatever the command.
    pub fn scan(rest: &[String]) -> Result<Self, UsageError> {
        let mut parsed = Self::default();
        let mut iter = rest.iter();
        while let Some(arg) = iter.next() {
            match arg.as_str() {
                "--db" => {
                    let value = iter
                        .next()
                        .ok_or_else(|| UsageError("--db needs a file name".into()))?;
                    parsed.db = Some(PathBuf::from(value));
                }
                "--json" => parsed.json = true,
                "--all" => parsed.all = true,
                "--derive" => parsed.derive = true,
                "--kind" => {
                    let value = iter
                        .next()
                        .ok_or_else(|| UsageError("--kind needs a value".into()))?;
                    parsed.kind = Some(FileKind::from_name(value).ok_or_else(|| {
                        UsageError(format!(
                            "unknown kind {value} (police_street, ward_lookup, population, boundaries, domestic_abuse, marac, asb_cases, treatment, indicators)"
                        ))
                    })?);
                }
                word => {
                    if let Some(flag) = VALUE_FLAGS.iter().find(|f| **f == word) {
                        let value = iter
                            .next()
                            .ok_or_else(|| UsageError(format!("{flag} needs a value")))?;
                        parsed.values.insert(flag, value.clone());
                    } else if word.starts_with("--") {
                        return Err(UsageError(format!("unknown option {word}")));
                    } else {
                        parsed.positional.push(PathBuf::from(arg));
                    }
                }
            }
        }
        Ok(parsed)
    }

    /// The assessment file of `--db FILE`, which most commands require.
    pub fn need_db(&mut self) -> Result<PathBuf, UsageError> {
        self.db
            .take()
            .ok_or_else(|| UsageError("--db FILE is required".into()))
    }

    /// The value of an option that takes one, if given.
    pub fn take(&mut self, flag: &str) -> Option<String> {
        debug_assert!(VALUE_FLAGS.contains(&flag), "{flag} is not an option");
        self.values.remove(flag)
    }

    /// The value of an option naming a file or folder, if given.
    pub fn take_path(&mut self, flag: &str) -> Option<PathBuf> {
        self.take(flag).map(PathBuf::from)
    }

    /// `--threshold N`, the smallest count shown (2 or more), if given.
    pub fn take_threshold(&mut self) -> Result<Option<i64>, UsageError> {
        self.take("--threshold")
            .map(|text| {
                text.parse().ok().filter(|t: &i64| *t >= 2).ok_or_else(|| {
                    UsageError(format!(
                        "--threshold takes a whole number of 2 or more, not \"{text}\""
                    ))
                })
            })
            .transpose()
    }

    /// `--save NAME` with `--LIST A,B…`, `--delete NAME`, or neither (just list): what
    /// `groups` and `peers` change; anything else is the `usage` error.
    pub fn take_save_or_delete<T>(
        &mut self,
        list_flag: &str,
        usage: &str,
        none: T,
        save: impl FnOnce(String, Vec<String>) -> T,
        delete: impl FnOnce(String) -> T,
    ) -> Result<T, UsageError> {
        match (
            self.take("--save"),
            self.take(list_flag),
            self.take("--delete"),
        ) {
            (None, None, None) => Ok(none),
            (Some(name), Some(list), None) => Ok(save(name, comma_list(&list))),
            (None, None, Some(name)) => Ok(delete(name)),
            _ => Err(UsageError(usage.into())),
        }
    }

    /// `--sheet`, `--delimiter` and `--encoding`: how to read a workbook or CSV.
    pub fn table_options(&mut self) -> Result<TableOptions, UsageError> {
        let delimiter = match self.take("--delimiter").as_deref() {
            None => None,
            Some("comma" | ",") => Some(b','),
            Some("semicolon" | ";") => Some(b';'),
            Some("tab" | "\\t") => Some(b'\t'),
            Some("pipe" | "|") => Some(b'|'),
            Some(other) => {
                return Err(UsageError(format!(
                    "unknown delimiter {other} (comma, semicolon, tab, pipe)"
                )))
            }
        };
        let encoding = match self.take("--encoding") {
            None => None,
            Some(text) => Some(match text.to_ascii_lowercase().replace('_', "-").as_str() {
                "utf-8" | "utf8" => TextEncoding::Utf8,
                "windows-1252" | "cp1252" | "latin-1" | "latin1" | "iso-8859-1" => {
                    TextEncoding::Windows1252
                }
                "utf-16" | "utf16" | "utf-16le" | "unicode" => TextEncoding::Utf16Le,
                "utf-16be" => TextEncoding::Utf16Be,
                _ => {
                    return Err(UsageError(format!(
                        "unknown encoding {text} (utf-8, windows-1252, utf-16, utf-16be)"
                    )))
                }
            }),
        };
        Ok(TableOptions {
            sheet: self.take("--sheet"),
            dialect: DialectChoice {
                encoding,
                delimiter,
            },
        })
    }
}

/// `A, B,,C` as `["A", "B", "C"]`: the items of a comma-separated list, trimmed, blanks
/// dropped.
pub(super) fn comma_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}
