//! Tests of the ONS geography readers: best-fit lookups of any year and population files
//! in the simple, Census 2011/2021, ONS mid-year and Nomis layouts.

use super::*;

fn names(header: &str) -> Vec<String> {
    header.split(',').map(String::from).collect()
}

fn record(line: &str) -> ByteRecord {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let mut record = ByteRecord::new();
    reader.read_byte_record(&mut record).unwrap();
    record
}

#[test]
fn lookups_of_any_year_are_recognised() {
    for header in [
        "LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD,LAD24NM",
        "lsoa11cd,lsoa11nm,wd19cd,wd19nm,lad19cd,lad19nm,FID",
        "FID,WD25CD,LSOA21CD",
    ] {
        let cols = LookupColumns::from_header(&names(header)).unwrap();
        assert!(cols.lsoa_code < 3, "{header}");
    }
    assert!(LookupColumns::from_header(&names("LSOA21CD,LAD24CD")).is_err());
    let cols = LookupColumns::from_header(&names("FID,WD25CD,LSOA21CD")).unwrap();
    let row = cols.parse(&record("1,E05000001,E01000001")).unwrap();
    assert_eq!(row.ward_name, "E05000001");
    assert!(matches!(
        cols.parse(&record("1,E05000001,E02000001")),
        Err(GeoRowProblem::NotAnLsoa { .. })
    ));
}

#[test]
fn the_messy_census_layout_picks_the_lsoa_code_and_first_persons() {
    let header = "Region code,Region name,Local authority code,Local authority name,MSOA Code,MSOA Name,LSOA Code,LSOA Name,,Persons,Persons,Persons,Hectares";
    let cols = PopulationColumns::from_header(&names(header)).unwrap();
    let row = cols
        .parse(&record("E12000008,SOUTH EAST,E06000035,Medway UA,E02003314,Medway 001,E01016070,Medway 001A,,\"1,676\",\"1,652\",24,930"))
        .unwrap();
    assert_eq!(row.code, "E01016070");
    assert_eq!(row.name, "Medway 001A");
    assert_eq!(row.kind, AreaKind::Lsoa);
    assert_eq!(row.total, 1676.0);
}

#[test]
fn census_2021_and_ons_mid_year_layouts_pick_the_all_residents_column() {
    let bulk = "date,geography,geography code,Residence type: Total; measures: Value,Residence type: Lives in a household; measures: Value,Residence type: Lives in a communal establishment; measures: Value";
    let cols = PopulationColumns::from_header(&names(bulk)).unwrap();
    let row = cols
        .parse(&record("2021,Medway 001A,E01016070,1676,1652,24"))
        .unwrap();
    assert_eq!(
        (row.code.as_str(), row.name.as_str(), row.total),
        ("E01016070", "Medway 001A", 1676.0)
    );
    let nomis = "2021 super output area - lower layer,mnemonic,Total: All usual residents,Lives in a household";
    let cols = PopulationColumns::from_header(&names(nomis)).unwrap();
    let row = cols
        .parse(&record("Medway 001A,E01016070,1676,1652"))
        .unwrap();
    assert_eq!((row.name.as_str(), row.total), ("Medway 001A", 1676.0));
    let mye = "LAD 2021 Code,LAD 2021 Name,LSOA 2021 Code,LSOA 2021 Name,Total,F0,F1,M0";
    let cols = PopulationColumns::from_header(&names(mye)).unwrap();
    let row = cols
        .parse(&record(
            "E06000035,Medway,E01016070,Medway 001A,\"1,690\",10,11,12",
        ))
        .unwrap();
    assert_eq!((row.code.as_str(), row.total), ("E01016070", 1690.0));
    let ward =
        "Ward Code 1,Ward Name 1,LA Code (2021 boundaries),LA name (2021 boundaries),All Ages,0,1";
    let cols = PopulationColumns::from_header(&names(ward)).unwrap();
    let row = cols
        .parse(&record(
            "E05014449,All Saints,E06000035,Medway,11000,100,120",
        ))
        .unwrap();
    assert_eq!((row.kind, row.total), (AreaKind::Ward, 11000.0));
}

#[test]
fn simple_population_files_and_bad_numbers() {
    let cols = PopulationColumns::from_header(&names("code,name,total")).unwrap();
    let row = cols
        .parse(&record("E05000005,Riverside,\"12,345\""))
        .unwrap();
    assert_eq!((row.kind, row.total), (AreaKind::Ward, 12345.0));
    assert!(matches!(
        cols.parse(&record("E05000005,Riverside,n/a")),
        Err(GeoRowProblem::BadNumber { .. })
    ));
    assert!(matches!(
        cols.parse(&record("E12000008,South East,9300000")),
        Err(GeoRowProblem::NotAnArea { .. } | GeoRowProblem::NotSmallArea { .. })
    ));
    assert_eq!(parse_count("-5"), None);
}

#[test]
fn district_populations_in_the_ons_and_nomis_layouts() {
    let row = cols_of("Code,Name,Geography,All ages,0,1")
        .parse(&record(
            "E06000035,Medway,Unitary Authority,\"281,528\",3211,3302",
        ))
        .unwrap();
    assert_eq!(
        (row.code.as_str(), row.name.as_str(), row.kind, row.total),
        ("E06000035", "Medway", AreaKind::District, 281_528.0)
    );
    let nomis = "date,geography,geography code,Residence type: Total; measures: Value,Residence type: Lives in a household; measures: Value";
    let row = cols_of(nomis)
        .parse(&record("2021,Leeds,E08000035,811953,790000"))
        .unwrap();
    assert_eq!(
        (row.kind, row.total, row.name.as_str()),
        (AreaKind::District, 811_953.0, "Leeds")
    );
    let row = cols_of("LAD23CD,LAD23NM,population")
        .parse(&record("W06000015,Cardiff,372089"))
        .unwrap();
    assert_eq!(row.kind, AreaKind::District);
    // A region row of the mid-year estimates is rejected with its reason.
    assert!(matches!(
        cols_of("Code,Name,Geography,All ages")
            .parse(&record("E12000008,South East,Region,9379833")),
        Err(GeoRowProblem::NotAnArea { .. } | GeoRowProblem::NotSmallArea { .. })
    ));
}

fn cols_of(header: &str) -> PopulationColumns {
    PopulationColumns::from_header(&names(header)).unwrap()
}
