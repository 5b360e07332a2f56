//! The usage text `help` prints and every usage error is shown with.

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
