//! The assessment file's schema as an ordered list of migrations, applied by
//! `PRAGMA user_version` inside one transaction. A shipped migration is never edited:
//! changes are new entries at the end.

/// `PRAGMA application_id` of an assessment file ("CSPA"): tells our files from any
/// other SQLite database.
pub const APPLICATION_ID: i32 = 0x4353_5041;

/// Migration `i` brings a file from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    MIGRATION_1,
    MIGRATION_2,
    MIGRATION_3,
    MIGRATION_4,
    MIGRATION_5,
    MIGRATION_6,
    MIGRATION_7,
    MIGRATION_8,
    MIGRATION_9,
    MIGRATION_10,
    MIGRATION_11,
    MIGRATION_12,
];

/// The schema version this build writes.
pub fn current_version() -> i32 {
    i32::try_from(MIGRATIONS.len()).unwrap_or(i32::MAX)
}

const MIGRATION_1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per imported file. Rows stay as provenance even when a later file replaces
-- their months; rows_current says how many of its rows are still in the file.
CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    rows_accepted INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    rows_replaced INTEGER NOT NULL,
    rows_current  INTEGER NOT NULL,
    first_month   INTEGER,
    last_month    INTEGER,
    notes         TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sources_by_content ON sources(kind, sha256);

CREATE TABLE crime_type (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE outcome    (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE force      (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE location   (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE lsoa       (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL);

-- The fact table: one row per police.uk crime or ASB incident, integers only but for
-- the 32-byte crime id. month is YYYYMM; coordinates are micro-degrees; NULL lsoa /
-- coordinates = "No Location". Dimension ids are checked by the importer, which
-- assigns them, rather than by per-row foreign keys (a 3x slower load).
CREATE TABLE incident (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL,
    month           INTEGER NOT NULL,
    crime_type_id   INTEGER NOT NULL,
    reported_by_id  INTEGER NOT NULL,
    falls_within_id INTEGER NOT NULL,
    outcome_id      INTEGER,
    lsoa_id         INTEGER,
    location_id     INTEGER,
    lon             INTEGER,
    lat             INTEGER,
    crime_id        BLOB
);

-- Which source holds which (force, month), and where its rows sit (a rowid range):
-- replacing a re-published month deletes by range, with no index on the fact table.
CREATE TABLE source_month (
    reported_by_id INTEGER NOT NULL REFERENCES force(id),
    month          INTEGER NOT NULL,
    source_id      INTEGER NOT NULL REFERENCES sources(id),
    rows           INTEGER NOT NULL,
    first_rowid    INTEGER NOT NULL,
    last_rowid     INTEGER NOT NULL,
    PRIMARY KEY (reported_by_id, month, source_id)
) WITHOUT ROWID;

-- Counts kept current by every import and replacement, so pages never scan the fact
-- table: one row per month, a packed BLOB of (crime type, LSOA id, count) cells
-- (format in src/store/month_counts.rs; LSOA id 0 = "No Location").
CREATE TABLE month_count (
    month  INTEGER PRIMARY KEY,
    counts BLOB NOT NULL
);

CREATE TABLE rejected_row (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    column_name TEXT,
    reason    TEXT NOT NULL,
    raw       TEXT NOT NULL
);
CREATE INDEX rejected_row_by_source ON rejected_row(source_id, line);
"#;

/// Geography (ONS lookups and populations), the area of interest, and theme groups.
const MIGRATION_2: &str = r#"
CREATE TABLE ward (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    district_code TEXT NOT NULL DEFAULT '',
    district_name TEXT NOT NULL DEFAULT '',
    source_id     INTEGER NOT NULL REFERENCES sources(id)
) WITHOUT ROWID;

-- Best-fit LSOA -> ward. A later lookup re-assigns the LSOAs it lists.
CREATE TABLE lsoa_ward (
    lsoa_code TEXT PRIMARY KEY,
    lsoa_name TEXT NOT NULL,
    ward_code TEXT NOT NULL REFERENCES ward(code),
    source_id INTEGER NOT NULL REFERENCES sources(id)
) WITHOUT ROWID;

CREATE TABLE population (
    area_code TEXT PRIMARY KEY,
    area_kind TEXT NOT NULL CHECK (area_kind IN ('lsoa', 'ward')),
    name      TEXT NOT NULL,
    total     REAL NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id)
) WITHOUT ROWID;

-- The wards every page is filtered to; empty = everything in the file.
CREATE TABLE area_ward (ward_code TEXT PRIMARY KEY REFERENCES ward(code)) WITHOUT ROWID;

-- User-defined groups of crime types (e.g. acquisitive crime).
CREATE TABLE theme_group (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE theme_group_type (
    group_id      INTEGER NOT NULL REFERENCES theme_group(id) ON DELETE CASCADE,
    crime_type_id INTEGER NOT NULL REFERENCES crime_type(id),
    PRIMARY KEY (group_id, crime_type_id)
) WITHOUT ROWID;
"#;

/// The report: which sections, in what order, with the analyst's narrative; the priority
/// matrix (issues, their scores, the weights).
const MIGRATION_3: &str = r#"
CREATE TABLE report_section (
    key       TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    included  INTEGER NOT NULL DEFAULT 1 CHECK (included IN (0, 1)),
    narrative TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE priority_issue (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    theme_key  TEXT,
    position   INTEGER NOT NULL,
    -- {"physical_harm": 3, ...}: scores 0-4 by criterion key
    scores     TEXT NOT NULL DEFAULT '{}',
    confidence TEXT NOT NULL DEFAULT 'B' CHECK (confidence IN ('A', 'B', 'C')),
    notes      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE priority_weight (criterion TEXT PRIMARY KEY, weight REAL NOT NULL) WITHOUT ROWID;
"#;

/// Partner data (domestic abuse incidents, MARAC quarters, council ASB cases, treatment
/// counts), one typed table per reference layout, each row traceable to its source file
/// and line; and the column mappings saved by name for partners' own layouts.
/// Counts a source suppressed (`*`, `<5`) are NULL, with `suppressed` listing
/// `field_id=marker` pairs separated by `;`.
const MIGRATION_4: &str = r#"
CREATE TABLE da_incident (
    id                INTEGER PRIMARY KEY,
    source_id         INTEGER NOT NULL REFERENCES sources(id),
    line              INTEGER NOT NULL,
    reference         TEXT NOT NULL,
    date              TEXT NOT NULL,
    month             INTEGER NOT NULL,
    is_crime          INTEGER NOT NULL CHECK (is_crime IN (0, 1)),
    offence           TEXT NOT NULL DEFAULT '',
    area_code         TEXT NOT NULL,
    victim_sex        TEXT NOT NULL CHECK (victim_sex IN ('Female', 'Male', 'Unknown')),
    victim_age_band   TEXT,
    repeat_victim     INTEGER CHECK (repeat_victim IN (0, 1)),
    risk              TEXT CHECK (risk IN ('Standard', 'Medium', 'High')),
    referred_to_marac INTEGER CHECK (referred_to_marac IN (0, 1))
);
CREATE INDEX da_incident_by_month ON da_incident(month);

CREATE TABLE marac_quarter (
    id                            INTEGER PRIMARY KEY,
    source_id                     INTEGER NOT NULL REFERENCES sources(id),
    line                          INTEGER NOT NULL,
    start_month                   INTEGER NOT NULL,
    end_month                     INTEGER NOT NULL,
    cases_discussed               INTEGER,
    repeat_cases                  INTEGER,
    children_in_households        INTEGER,
    referrals_from_police         INTEGER,
    referrals_from_other_agencies INTEGER,
    male_victims                  INTEGER,
    bame_victims                  INTEGER,
    lgbt_victims                  INTEGER,
    victims_with_disability       INTEGER,
    victims_aged_16_17            INTEGER,
    suppressed                    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE asb_case (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    line         INTEGER NOT NULL,
    reference    TEXT NOT NULL,
    opened       TEXT NOT NULL,
    opened_month INTEGER NOT NULL,
    closed       TEXT,
    category     TEXT NOT NULL,
    area         TEXT NOT NULL,
    is_repeat    INTEGER CHECK (is_repeat IN (0, 1)),
    action       TEXT
);
CREATE INDEX asb_case_by_month ON asb_case(opened_month);

CREATE TABLE treatment_count (
    id                     INTEGER PRIMARY KEY,
    source_id              INTEGER NOT NULL REFERENCES sources(id),
    line                   INTEGER NOT NULL,
    start_month            INTEGER NOT NULL,
    end_month              INTEGER NOT NULL,
    substance_group        TEXT NOT NULL,
    in_treatment           INTEGER,
    new_presentations      INTEGER,
    successful_completions INTEGER,
    re_presentations       INTEGER,
    suppressed             TEXT NOT NULL DEFAULT ''
);

CREATE TABLE column_mapping (
    name             TEXT PRIMARY KEY,
    layout           TEXT NOT NULL,
    header_signature TEXT NOT NULL,
    json             TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX column_mapping_by_header ON column_mapping(header_signature);
"#;

/// Boundaries (GeoJSON wards, LSOAs, districts) for the map and for deriving a ward lookup.
/// One row per area code; a later file replaces the areas it holds. `geometry` is the
/// packed rings of `src/store/boundaries.rs` (micro-degree integers); the centroid is the
/// ONS one (LONG/LAT) when the file has it.
const MIGRATION_5: &str = r#"
CREATE TABLE boundary (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('ward', 'lsoa', 'district', 'other')),
    parent_code  TEXT,
    centroid_lon REAL,
    centroid_lat REAL,
    geometry     BLOB NOT NULL,
    source_id    INTEGER NOT NULL REFERENCES sources(id)
);
CREATE INDEX boundary_by_level ON boundary(level);
"#;

/// Districts (local authorities) for the peer comparison: population by district from a
/// district-level file (ONS mid-year estimates, Census TS001 by local authority), and the
/// peer groups the analyst saves (lists of district codes, e.g. the most similar group).
const MIGRATION_6: &str = r#"
CREATE TABLE district_population (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    total     REAL NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id)
) WITHOUT ROWID;

CREATE TABLE peer_group (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE peer_group_member (
    group_id      INTEGER NOT NULL REFERENCES peer_group(id) ON DELETE CASCADE,
    district_code TEXT NOT NULL,
    PRIMARY KEY (group_id, district_code)
) WITHOUT ROWID;
"#;

/// Column mappings for the app's own kinds of file (police street files with other headers,
/// lookups, populations, boundary attributes), by name: the JSON of
/// `import::field_mapping::FieldMapping`. Partner mappings stay in `column_mapping`.
const MIGRATION_7: &str = r#"
CREATE TABLE field_mapping (
    name             TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    header_signature TEXT NOT NULL,
    json             TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// The analyst's own words for the assessment document, by key (the edited executive
/// summary, data caveats, public consultation, horizon scanning by PESTELO heading,
/// partnership activity, recommendations); and, for each priority issue, whether the
/// partnership chose it, its lead and its narrative.
const MIGRATION_8: &str = r#"
CREATE TABLE report_text (key TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID;
ALTER TABLE priority_issue ADD COLUMN chosen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE priority_issue ADD COLUMN lead TEXT NOT NULL DEFAULT '';
ALTER TABLE priority_issue ADD COLUMN narrative TEXT NOT NULL DEFAULT '';
"#;

/// The partnership plan: priorities (from the priority matrix or typed), their actions by
/// 4P strand (Pursue, Prevent, Protect, Prepare; '' when not given) with output, outcome
/// and lead agency, and each action's measurables. A measurable follows one series
/// (`theme:KEY`, `partner:FIGURE` or `indicator:NAME`; NULL until linked), from a baseline
/// period (a period label; NULL = the financial year before the one reviewed), in a
/// direction, towards an optional target.
const MIGRATION_9: &str = r#"
CREATE TABLE plan_priority (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    theme_key TEXT,
    lead      TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL
);

CREATE TABLE plan_action (
    id          INTEGER PRIMARY KEY,
    priority_id INTEGER NOT NULL REFERENCES plan_priority(id) ON DELETE CASCADE,
    reference   TEXT NOT NULL DEFAULT '',
    strand      TEXT NOT NULL DEFAULT ''
                CHECK (strand IN ('', 'pursue', 'prevent', 'protect', 'prepare')),
    output      TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT '',
    lead        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);
CREATE INDEX plan_action_by_priority ON plan_action(priority_id, position);

CREATE TABLE plan_measurable (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES plan_action(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    series    TEXT,
    baseline  TEXT,
    direction TEXT NOT NULL CHECK (direction IN ('reduce', 'increase', 'maintain')),
    target    REAL,
    position  INTEGER NOT NULL
);
CREATE INDEX plan_measurable_by_action ON plan_measurable(action_id, position);
"#;

/// Partner indicators (any partner's figures): one value of one indicator for a period
/// (whole months, or a `day` for a figure as at a date) and optionally an area, traceable
/// to its source file and line. A withheld value is NULL with its marker in `suppressed`
/// (`*`, `<5`, `''` for a blank cell).
const MIGRATION_10: &str = r#"
CREATE TABLE indicator_value (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    line        INTEGER NOT NULL,
    indicator   TEXT NOT NULL,
    start_month INTEGER NOT NULL,
    end_month   INTEGER NOT NULL,
    day         TEXT,
    value       REAL,
    suppressed  TEXT,
    area_code   TEXT,
    numerator   REAL,
    denominator REAL,
    unit        TEXT,
    source      TEXT,
    CHECK (value IS NOT NULL OR suppressed IS NOT NULL)
);
CREATE INDEX indicator_value_by_name ON indicator_value(indicator, start_month);
"#;

/// Recognising unchanged content before it is parsed: `fingerprint` is the XXH3-128 of the
/// file's raw bytes (32 hex digits; read at memory speed, where SHA-256 would cost a large
/// share of a first import), `zip_crc32` the CRC-32 a zip's directory gives for an entry,
/// so an entry whose CRC differs is known to be new without decompressing it. Both NULL
/// for files imported before this version (those are recognised by their SHA-256).
const MIGRATION_11: &str = r#"
ALTER TABLE sources ADD COLUMN fingerprint TEXT;
ALTER TABLE sources ADD COLUMN zip_crc32 INTEGER;
"#;

/// Fingerprints became the XXH3-128 of the XXH3-128s of 8 MiB segments (one large file is
/// then hashed on every core): those kept before are forgotten, and those sources are
/// recognised by their SHA-256, as before migration 11, until imported again.
const MIGRATION_12: &str = r#"
UPDATE sources SET fingerprint = NULL;
"#;
