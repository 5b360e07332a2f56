//! Unit tests of the command line's reading.

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

#[test]
fn usage_errors_say_what_is_wrong_in_the_same_words() {
    let error = |line: &str| parse(&args(line)).unwrap_err().0;
    assert_eq!(error("sources"), "--db FILE is required");
    assert_eq!(error("sources --db"), "--db needs a file name");
    assert_eq!(error("stats --db a.db --fy"), "--fy needs a value");
    assert_eq!(error("frobnicate --bogus"), "unknown option --bogus");
    assert_eq!(error("frobnicate"), "unknown command frobnicate");
    assert_eq!(
        error("export --db a.db"),
        "export needs --out DIR (the folder to write to)"
    );
    assert_eq!(
        error("plan --db a.db --threshold 1"),
        "--threshold takes a whole number of 2 or more, not \"1\""
    );
    assert_eq!(
        error("import --db a.db --delimiter colon x.csv"),
        "unknown delimiter colon (comma, semicolon, tab, pipe)"
    );
    assert_eq!(
        error("area --db a.db --all --district X"),
        "area takes one of --district NAME, --wards CODE,CODE or --all"
    );
}

#[test]
fn lists_of_wards_types_and_codes_drop_blanks() {
    assert_eq!(
        parse(&args("peers --db a.db --save P --codes E06,,E07,")).unwrap(),
        Command::Peers {
            db: "a.db".into(),
            change: PeerChange::Save {
                name: "P".into(),
                codes: vec!["E06".into(), "E07".into()]
            },
            json: false
        }
    );
}
