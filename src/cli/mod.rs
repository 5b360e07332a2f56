//! The headless commands (`import`, `sources`): argument parsing, dispatch and exit codes.
//! Never touches the window system. Exit codes: 0 success, 1 something was rejected or
//! failed, 2 a usage error.

mod area_cmd;
mod area_proposal;
mod compare_cmd;
mod export_cmd;
mod groups_cmd;
mod hotspots_cmd;
mod import_cmd;
mod indicators_cmd;
mod lookup_cmd;
mod mappings_cmd;
mod peers_cmd;
mod plan_cmd;
mod rollup_cmd;
mod selection;
mod sources_cmd;
mod stats_cmd;
mod texts_cmd;

use crate::import::kind::FileKind;
use crate::import::table::dialect::{DialectChoice, TextEncoding};
use crate::import::table::TableOptions;
use crate::report::export::Formats;
use crate::store::geography::AreaChoice;
use crate::store::ingest::ImportOptions;
pub use compare_cmd::CompareArgs;
pub use export_cmd::ExportArgs;
pub use groups_cmd::GroupChange;
pub use hotspots_cmd::HotspotArgs;
pub use mappings_cmd::MappingSpec;
pub use peers_cmd::PeerChange;
pub use plan_cmd::PlanArgs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI32, Ordering};
pub use texts_cmd::{TextBody, TextChange};

pub const USAGE: &str = "\
csp-assessment — prepare a Community Safety Partnership strategic assessment

Usage:
  csp-assessment                          open the app (on the sample assessment the first time)
  csp-assessment open FILE                open the app on an assessment file
  csp-assessment import --db FILE [--kind KIND] [--mapping NAME] [--sheet NAME]
                        [--delimiter comma|semicolon|tab|pipe]
                        [--encoding utf-8|windows-1252|utf-16] [--json] PATH...
                                          import police.uk CSV files, folders or zips, ONS ward
                                          lookups, population files (Census/Nomis/ONS
                                          downloads too), boundaries (GeoJSON, shapefiles
                                          zipped or not, GeoPackage) and partner extracts, as
                                          CSV (any common dialect) or workbooks (.xlsx, .xlsm,
                                          .xls, .xlsb, .ods; --sheet picks the sheet); kind
                                          recognised from the header, or forced with --kind
                                          police_street | ward_lookup | population |
                                          boundaries | domestic_abuse | marac | asb_cases |
                                          treatment | indicators; read other files with the
                                          saved column mapping NAME
  csp-assessment mappings --db FILE [--json]
                                          list the column mappings saved in the file
  csp-assessment mappings --db FILE --save NAME --layout LAYOUT --from FILE
                 --map 'Column=field,…' [--date-format iso|dmy|dmony|excel|mdy]
                 [--sheet NAME] [--level ward|lsoa|district]
                                          save a column mapping for FILE's header; LAYOUT is
                                          domestic_abuse | marac | asb_cases | treatment |
                                          police_street | ward_lookup | population |
                                          boundaries (the code and name attributes of a
                                          GeoJSON, shapefile or GeoPackage)
  csp-assessment sources --db FILE [--json]
                                          list what the assessment file holds
  csp-assessment stats --db FILE [--fy 2023/24] [--json]
                                          the Overview figures of every theme (latest
                                          complete financial year unless --fy is given)
  csp-assessment area --db FILE (--district NAME | --wards CODE,CODE… [--name NAME] | --all)
                                          set the area every page is filtered to
  csp-assessment groups --db FILE [--save NAME --types TYPE,TYPE… | --delete NAME] [--json]
                                          list, define or remove theme groups (sets of crime
                                          types, e.g. acquisitive crime)
  csp-assessment export --db FILE --out DIR [--fy 2024/25] [--format docx,pdf,png,svg,csv]
                       [--threshold 5] [--date TEXT] [--json]
                                          write the assessment summary: Word document,
                                          figures (PNG 300 dpi, SVG), tables (CSV)
  csp-assessment texts --db FILE [--from OTHER | --set KEY (--text TEXT | --file PATH)]
                       [--json]
                                          the written sections of the document (edited
                                          executive summary, data caveats, consultation,
                                          horizon scanning, partnership activity,
                                          recommendations): list them, start them from
                                          another assessment file (last year's) where this
                                          one has none, or write one
  csp-assessment lookup --db FILE [--derive] [--json]
                                          a best-fit LSOA → ward lookup from the imported ward
                                          and LSOA boundaries; --derive saves it
  csp-assessment hotspots --db FILE [--fy 2024/25] [--theme KEY] [--cell-size M] [--json]
                                          the hotspot grid of a theme (all_crime, asb, or a
                                          theme key of stats --json): counts, density, Gi*
                                          and hotspot classes per cell
  csp-assessment compare --db FILE [--fy 2024/25] [--theme KEY] [--peers NAME] [--json]
                                          how every district of the file compares on a
                                          theme: rate per 1,000 with its 95% interval, ranks
                                          (all, same type, peer group), above / similar /
                                          below the peer rate, funnel plot limits
  csp-assessment peers --db FILE [--save NAME --codes CODE,CODE… | --delete NAME] [--json]
                                          list, save or remove peer groups of districts
  csp-assessment indicators --db FILE [--json]
                                          every partner indicator with its values by period
  csp-assessment plan --db FILE [--as-at 2024-09 | 2024/25-Q2] [--json]
                                          the partnership plan reviewed: each measurable's
                                          baseline, latest value, status and reason
  csp-assessment plan --db FILE --import PLAN.csv|PLAN.xlsx [--json]
                                          read an existing action plan (Ref, Priority,
                                          Strand, Output, Outcome, Measurable, Lead, …)
                                          into the file, replacing the plan it held
  csp-assessment plan --db FILE --report DIR [--priority NAME] [--as-at …] [--date TEXT]
                                          write the performance report (Word and CSV)
  csp-assessment rollup [--json] [--out DIR] FILE.assessment FILE.assessment …
                                          county view: how many partnerships chose each
                                          priority issue (files are opened read-only)
  csp-assessment help                     this text
";

/// Exit codes.
pub const EXIT_OK: i32 = 0;
pub const EXIT_REJECTED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// What `main` should do with the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Gui {
        file: Option<PathBuf>,
    },
    Import {
        db: PathBuf,
        paths: Vec<PathBuf>,
        /// The kind forced, the saved column mapping to read unknown files with, the sheet
        /// of a workbook and any CSV dialect chosen.
        options: ImportOptions,
        json: bool,
    },
    Mappings {
        db: PathBuf,
        save: Option<MappingSpec>,
        json: bool,
    },
    Sources {
        db: PathBuf,
        json: bool,
    },
    Stats {
        db: PathBuf,
        fy: Option<String>,
        json: bool,
    },
    Area {
        db: PathBuf,
        choice: AreaChoice,
    },
    Groups {
        db: PathBuf,
        change: GroupChange,
        json: bool,
    },
    Export {
        db: PathBuf,
        out: PathBuf,
        args: ExportArgs,
        json: bool,
    },
    Lookup {
        db: PathBuf,
        derive: bool,
        json: bool,
    },
    Hotspots {
        db: PathBuf,
        args: HotspotArgs,
        json: bool,
    },
    Compare {
        db: PathBuf,
        args: CompareArgs,
        json: bool,
    },
    Peers {
        db: PathBuf,
        change: PeerChange,
        json: bool,
    },
    Texts {
        db: PathBuf,
        change: TextChange,
        json: bool,
    },
    Indicators {
        db: PathBuf,
        json: bool,
    },
    Plan {
        db: PathBuf,
        args: PlanArgs,
        json: bool,
    },
    Rollup {
        files: Vec<PathBuf>,
        out: Option<PathBuf>,
        date: Option<String>,
        json: bool,
    },
    Help,
}

/// A usage error, shown with the usage text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Parse arguments (without the program name).
pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::Gui { file: None });
    };
    let mut db = None;
    let mut json = false;
    let mut kind = None;
    let mut values: std::collections::HashMap<&str, String> = Default::default();
    let mut all = false;
    let mut derive = false;
    let mut positional = Vec::new();
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--db" => {
                let value = iter
                    .next()
                    .ok_or_else(|| UsageError("--db needs a file name".into()))?;
                db = Some(PathBuf::from(value));
            }
            "--json" => json = true,
            "--all" => all = true,
            "--derive" => derive = true,
            flag @ ("--fy" | "--district" | "--wards" | "--name" | "--save" | "--types"
            | "--delete" | "--out" | "--format" | "--threshold" | "--date"
            | "--mapping" | "--layout" | "--from" | "--map" | "--date-format"
            | "--theme" | "--cell-size" | "--peers" | "--codes" | "--sheet"
            | "--delimiter" | "--encoding" | "--level" | "--set" | "--text" | "--file"
            | "--as-at" | "--import" | "--report" | "--priority") => {
                let value = iter
                    .next()
                    .ok_or_else(|| UsageError(format!("{flag} needs a value")))?;
                values.insert(flag, value.clone());
            }
            "--kind" => {
                let value = iter
                    .next()
                    .ok_or_else(|| UsageError("--kind needs a value".into()))?;
                kind = Some(FileKind::from_name(value).ok_or_else(|| {
                    UsageError(format!(
                        "unknown kind {value} (police_street, ward_lookup, population, boundaries, domestic_abuse, marac, asb_cases, treatment, indicators)"
                    ))
                })?);
            }
            flag if flag.starts_with("--") => {
                return Err(UsageError(format!("unknown option {flag}")));
            }
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    let need_db =
        |db: Option<PathBuf>| db.ok_or_else(|| UsageError("--db FILE is required".into()));
    match command.as_str() {
        "open" => match positional.as_slice() {
            [file] => Ok(Command::Gui {
                file: Some(file.clone()),
            }),
            _ => Err(UsageError("open takes one assessment file".into())),
        },
        "import" => {
            let db = need_db(db)?;
            if positional.is_empty() {
                return Err(UsageError(
                    "import needs at least one file, folder or zip".into(),
                ));
            }
            Ok(Command::Import {
                db,
                paths: positional,
                options: ImportOptions {
                    kind,
                    mapping: values.remove("--mapping"),
                    table: table_options(&mut values)?,
                },
                json,
            })
        }
        "mappings" => {
            let save = match (
                values.remove("--save"),
                values.remove("--layout"),
                values.remove("--from"),
                values.remove("--map"),
            ) {
                (None, None, None, None) => None,
                (Some(name), Some(layout), Some(from), Some(map)) => Some(MappingSpec {
                    name,
                    layout,
                    from: PathBuf::from(from),
                    map,
                    date_format: values.remove("--date-format"),
                    table: table_options(&mut values)?,
                    level: values.remove("--level"),
                }),
                _ => {
                    return Err(UsageError(
                        "mappings --save NAME needs --layout LAYOUT, --from CSV and --map \"Column=field,…\"".into(),
                    ))
                }
            };
            Ok(Command::Mappings {
                db: need_db(db)?,
                save,
                json,
            })
        }
        "sources" => {
            if !positional.is_empty() {
                return Err(UsageError(
                    "sources takes no file names besides --db".into(),
                ));
            }
            Ok(Command::Sources {
                db: need_db(db)?,
                json,
            })
        }
        "stats" => Ok(Command::Stats {
            db: need_db(db)?,
            fy: values.remove("--fy"),
            json,
        }),
        "area" => {
            let choice = match (values.remove("--district"), values.remove("--wards"), all) {
                (Some(d), None, false) => AreaChoice::District(d),
                (None, Some(w), false) => {
                    let codes: Vec<String> = w
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect();
                    let name = values
                        .remove("--name")
                        .unwrap_or_else(|| crate::store::geography::ward_count_name(codes.len()));
                    AreaChoice::Wards { name, codes }
                }
                (None, None, true) => AreaChoice::Everything,
                _ => {
                    return Err(UsageError(
                        "area takes one of --district NAME, --wards CODE,CODE or --all".into(),
                    ))
                }
            };
            Ok(Command::Area {
                db: need_db(db)?,
                choice,
            })
        }
        "groups" => {
            let change = match (
                values.remove("--save"),
                values.remove("--types"),
                values.remove("--delete"),
            ) {
                (None, None, None) => GroupChange::None,
                (Some(name), Some(types), None) => GroupChange::Save {
                    name,
                    types: types
                        .split(',')
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect(),
                },
                (None, None, Some(name)) => GroupChange::Delete(name),
                _ => {
                    return Err(UsageError(
                        "groups takes --save NAME with --types TYPE,TYPE…, or --delete NAME".into(),
                    ))
                }
            };
            Ok(Command::Groups {
                db: need_db(db)?,
                change,
                json,
            })
        }
        "export" => {
            let out = values.remove("--out").ok_or_else(|| {
                UsageError("export needs --out DIR (the folder to write to)".into())
            })?;
            let formats = match values.remove("--format") {
                Some(text) => Formats::parse(&text).map_err(UsageError)?,
                None => Formats::ALL,
            };
            let threshold = match values.remove("--threshold") {
                Some(text) => text.parse().ok().filter(|t: &i64| *t >= 2).ok_or_else(|| {
                    UsageError(format!(
                        "--threshold takes a whole number of 2 or more, not \"{text}\""
                    ))
                })?,
                None => crate::report::disclosure::DEFAULT_THRESHOLD,
            };
            Ok(Command::Export {
                db: need_db(db)?,
                out: PathBuf::from(out),
                args: ExportArgs {
                    fy: values.remove("--fy"),
                    formats,
                    threshold,
                    date: values.remove("--date"),
                },
                json,
            })
        }
        "lookup" => Ok(Command::Lookup {
            db: need_db(db)?,
            derive,
            json,
        }),
        "hotspots" => {
            let cell_size = match values.remove("--cell-size") {
                Some(text) => {
                    Some(text.parse::<u32>().ok().filter(|m| *m > 0).ok_or_else(|| {
                        UsageError(format!(
                            "--cell-size {text} is not a whole number of metres"
                        ))
                    })?)
                }
                None => None,
            };
            Ok(Command::Hotspots {
                db: need_db(db)?,
                args: HotspotArgs {
                    fy: values.remove("--fy"),
                    theme: values.remove("--theme"),
                    cell_size,
                },
                json,
            })
        }
        "compare" => Ok(Command::Compare {
            db: need_db(db)?,
            args: CompareArgs {
                fy: values.remove("--fy"),
                theme: values.remove("--theme"),
                peers: values.remove("--peers"),
            },
            json,
        }),
        "peers" => {
            let change = match (
                values.remove("--save"),
                values.remove("--codes"),
                values.remove("--delete"),
            ) {
                (None, None, None) => PeerChange::None,
                (Some(name), Some(codes), None) => PeerChange::Save {
                    name,
                    codes: codes
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect(),
                },
                (None, None, Some(name)) => PeerChange::Delete(name),
                _ => {
                    return Err(UsageError(
                        "peers takes --save NAME with --codes CODE,CODE…, or --delete NAME".into(),
                    ))
                }
            };
            Ok(Command::Peers {
                db: need_db(db)?,
                change,
                json,
            })
        }
        "texts" => {
            let change = match (
                values.remove("--from"),
                values.remove("--set"),
                values.remove("--text"),
                values.remove("--file"),
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
                _ => {
                    return Err(UsageError(
                        "texts takes --from OTHER.assessment, or --set KEY with --text TEXT or --file PATH".into(),
                    ))
                }
            };
            if let TextChange::Set { key, .. } = &change {
                if !crate::report::content::free_text::text_keys()
                    .iter()
                    .any(|(k, _)| k == key)
                {
                    return Err(UsageError(format!(
                        "unknown text \"{key}\" (one of {})",
                        texts_cmd::known_keys()
                    )));
                }
            }
            Ok(Command::Texts {
                db: need_db(db)?,
                change,
                json,
            })
        }
        "indicators" => Ok(Command::Indicators {
            db: need_db(db)?,
            json,
        }),
        "plan" => {
            let threshold = match values.remove("--threshold") {
                Some(text) => {
                    Some(text.parse().ok().filter(|t: &i64| *t >= 2).ok_or_else(|| {
                        UsageError(format!(
                            "--threshold takes a whole number of 2 or more, not \"{text}\""
                        ))
                    })?)
                }
                None => None,
            };
            let args = PlanArgs {
                as_at: values.remove("--as-at"),
                import: values.remove("--import").map(PathBuf::from),
                report: values.remove("--report").map(PathBuf::from),
                priority: values.remove("--priority"),
                date: values.remove("--date"),
                threshold,
            };
            if args.import.is_some() && (args.report.is_some() || args.as_at.is_some()) {
                return Err(UsageError(
                    "plan --import reads a plan; review it or write the report with a second command".into(),
                ));
            }
            if args.priority.is_some() && args.report.is_none() {
                return Err(UsageError(
                    "--priority chooses the priority of --report DIR".into(),
                ));
            }
            Ok(Command::Plan {
                db: need_db(db)?,
                args,
                json,
            })
        }
        "rollup" => {
            if positional.is_empty() {
                return Err(UsageError(
                    "rollup needs the assessment files of the partnerships to roll up".into(),
                ));
            }
            Ok(Command::Rollup {
                files: positional,
                out: values.remove("--out").map(PathBuf::from),
                date: values.remove("--date"),
                json,
            })
        }
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(UsageError(format!("unknown command {other}"))),
    }
}

/// `--sheet`, `--delimiter` and `--encoding`: how to read a workbook or CSV.
fn table_options(
    values: &mut std::collections::HashMap<&str, String>,
) -> Result<TableOptions, UsageError> {
    let delimiter = match values.remove("--delimiter").as_deref() {
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
    let encoding = match values.remove("--encoding") {
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
        sheet: values.remove("--sheet"),
        dialect: DialectChoice {
            encoding,
            delimiter,
        },
    })
}

/// The exit code a command whose output is cut off (`sources | head`) ends with: what it
/// would have returned, set before it prints (0 unless said otherwise).
static EXIT_IF_OUTPUT_CLOSED: AtomicI32 = AtomicI32::new(EXIT_OK);

/// Note the exit code the command will return, before printing its results.
pub(crate) fn exit_code_if_output_closed(code: i32) {
    EXIT_IF_OUTPUT_CLOSED.store(code, Ordering::Relaxed);
}

/// Whether a panic is Rust's `println!` failing because the reader of the output went away.
fn is_closed_output(payload: &(dyn std::any::Any + Send)) -> bool {
    let message = crate::store::ingest::panic_message(payload);
    message.starts_with("failed printing to stdout")
        || message.starts_with("failed printing to stderr")
}

/// Run a headless command; returns the exit code. When the output is closed early
/// (`sources | head`), the command ends quietly with its normal exit code instead of a
/// panic message and exit 101.
pub fn run(command: Command) -> i32 {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !is_closed_output(info.payload()) {
            previous(info);
        }
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dispatch(command))) {
        Ok(code) => code,
        Err(payload) if is_closed_output(payload.as_ref()) => {
            EXIT_IF_OUTPUT_CLOSED.load(Ordering::Relaxed)
        }
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

fn dispatch(command: Command) -> i32 {
    match command {
        Command::Import {
            db,
            paths,
            options,
            json,
        } => import_cmd::run(&db, &paths, &options, json),
        Command::Mappings { db, save, json } => mappings_cmd::run(&db, save.as_ref(), json),
        Command::Sources { db, json } => sources_cmd::run(&db, json),
        Command::Stats { db, fy, json } => stats_cmd::run(&db, fy.as_deref(), json),
        Command::Area { db, choice } => area_cmd::run(&db, &choice),
        Command::Groups { db, change, json } => groups_cmd::run(&db, &change, json),
        Command::Export {
            db,
            out,
            args,
            json,
        } => export_cmd::run(&db, &out, &args, json),
        Command::Lookup { db, derive, json } => lookup_cmd::run(&db, derive, json),
        Command::Hotspots { db, args, json } => hotspots_cmd::run(&db, &args, json),
        Command::Compare { db, args, json } => compare_cmd::run(&db, &args, json),
        Command::Peers { db, change, json } => peers_cmd::run(&db, &change, json),
        Command::Texts { db, change, json } => texts_cmd::run(&db, &change, json),
        Command::Indicators { db, json } => indicators_cmd::run(&db, json),
        Command::Plan { db, args, json } => plan_cmd::run(&db, &args, json),
        Command::Rollup {
            files,
            out,
            date,
            json,
        } => rollup_cmd::run(&files, out.as_deref(), date.as_deref().unwrap_or(""), json),
        Command::Help => {
            print!("{USAGE}");
            EXIT_OK
        }
        Command::Gui { .. } => EXIT_USAGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_the_documented_commands() {
        assert_eq!(parse(&[]).unwrap(), Command::Gui { file: None });
        assert_eq!(
            parse(&args("import --db a.db x.csv y")).unwrap(),
            Command::Import {
                db: "a.db".into(),
                paths: vec!["x.csv".into(), "y".into()],
                options: ImportOptions::default(),
                json: false
            }
        );
        assert_eq!(
            parse(&args("sources --json --db a.db")).unwrap(),
            Command::Sources {
                db: "a.db".into(),
                json: true
            }
        );
        assert!(parse(&args("import x.csv")).is_err());
        assert!(parse(&args("import --db a.db")).is_err());
        assert!(parse(&args("frobnicate")).is_err());
        assert!(parse(&args("sources --db a.db --bogus")).is_err());
    }
}
