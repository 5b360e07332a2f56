//! Which column mapping reads a partner file: the reference layout its header is, else the
//! mapping the analyst named (`--mapping NAME`), else a saved mapping made for the same
//! header. A mapping is re-pointed at the file's own header by column name, so a file
//! whose columns moved still reads, and one that lost a mapped column is refused.
//!
//! Decides only; reading rows is `parse`, storing them is the store's.

use super::layout::{normalise_header, PartnerLayout};
use super::mapping::{find_for_header, ColumnMapping, ColumnTarget};

/// Where the mapping used for a file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingOrigin {
    /// The header is the reference layout.
    Reference,
    /// Named by the analyst for this import.
    Given(String),
    /// Saved earlier for the same header.
    Saved(String),
    /// Read by a table reader of its own (a wide indicator sheet, a workbook); says how.
    Table(String),
}

/// The mapping to read a file with, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenMapping {
    pub mapping: ColumnMapping,
    pub origin: MappingOrigin,
}

/// Choose how to read a file whose header is `header`. `reference` is the layout its
/// header was recognised (or forced) as. `None` when nothing fits; `Err` with a sentence
/// when the mapping that should fit cannot be used.
pub fn choose_mapping(
    header: &[String],
    reference: Option<PartnerLayout>,
    given: Option<&ColumnMapping>,
    saved: &[ColumnMapping],
) -> Option<Result<ChosenMapping, String>> {
    if let Some(layout) = reference {
        return Some(
            ColumnMapping::from_reference(layout, header)
                .map(|mapping| ChosenMapping {
                    mapping,
                    origin: MappingOrigin::Reference,
                })
                .map_err(|e| e.to_string()),
        );
    }
    let (mapping, origin) = match given {
        Some(m) => (m, MappingOrigin::Given(m.name.clone())),
        None => {
            let m = find_for_header(saved, header)?;
            (m, MappingOrigin::Saved(m.name.clone()))
        }
    };
    Some(fit_to_header(mapping, header).map(|mapping| ChosenMapping { mapping, origin }))
}

/// The mapping with each mapped column found again in `header` by its (normalised) name.
pub fn fit_to_header(mapping: &ColumnMapping, header: &[String]) -> Result<ColumnMapping, String> {
    let names: Vec<String> = header.iter().map(|h| normalise_header(h)).collect();
    let mut fitted = ColumnMapping::new(mapping.name.clone(), mapping.layout, header);
    fitted.date_format = mapping.date_format;
    fitted.blank_yes_no_is_error = mapping.blank_yes_no_is_error;
    let mut missing = Vec::new();
    let mut taken = vec![false; names.len()];
    for (column, target) in &mapping.columns {
        let ColumnTarget::Field(field) = target else {
            continue;
        };
        let wanted = normalise_header(mapping.header.get(*column).map_or("", String::as_str));
        let found = names
            .iter()
            .zip(&taken)
            .position(|(name, is_taken)| !is_taken && *name == wanted);
        match found {
            Some(c) => {
                if let Some(t) = taken.get_mut(c) {
                    *t = true;
                }
                fitted.set(c, ColumnTarget::Field(*field));
            }
            None => missing.push(format!("\"{}\"", mapping.column_name(*column))),
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "the column mapping \"{}\" does not fit this file: it has no column {}",
            mapping.name,
            missing.join(", ")
        ));
    }
    fitted.validate().map_err(|problems| {
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!(
            "the column mapping \"{}\" cannot read this file: {}",
            mapping.name,
            text.join("; ")
        )
    })?;
    Ok(fitted)
}

#[cfg(test)]
mod tests {
    use super::super::layout::FieldKey;
    use super::*;

    fn header(text: &str) -> Vec<String> {
        text.split(',').map(String::from).collect()
    }

    fn other_force() -> ColumnMapping {
        let h = header("Geog,Recorded On,Occurrence_ID,Classification,Officer");
        let mut m = ColumnMapping::new("Other force", PartnerLayout::DomesticAbuse, &h);
        m.set(0, ColumnTarget::Field(FieldKey::DaAreaCode));
        m.set(1, ColumnTarget::Field(FieldKey::DaDate));
        m.set(2, ColumnTarget::Field(FieldKey::DaReference));
        m.set(3, ColumnTarget::Field(FieldKey::DaCrimeFlag));
        m
    }

    #[test]
    fn a_reference_header_wins() {
        let h: Vec<String> = PartnerLayout::Marac
            .reference_header()
            .into_iter()
            .map(String::from)
            .collect();
        let chosen = choose_mapping(&h, Some(PartnerLayout::Marac), None, &[])
            .unwrap()
            .unwrap();
        assert_eq!(chosen.origin, MappingOrigin::Reference);
    }

    #[test]
    fn a_saved_mapping_is_found_by_header_and_a_given_one_refitted() {
        let saved = vec![other_force()];
        let same = header("geog,Recorded on,OCCURRENCE_ID,Classification,Officer");
        let chosen = choose_mapping(&same, None, None, &saved).unwrap().unwrap();
        assert_eq!(chosen.origin, MappingOrigin::Saved("Other force".into()));
        let moved = header("Occurrence_ID,Classification,Geog,Recorded On");
        assert!(choose_mapping(&moved, None, None, &saved).is_none());
        let chosen = choose_mapping(&moved, None, Some(&saved[0]), &saved)
            .unwrap()
            .unwrap();
        assert_eq!(chosen.mapping.column_of(FieldKey::DaAreaCode), Some(2));
        assert_eq!(chosen.mapping.column_of(FieldKey::DaReference), Some(0));
        let short = header("Occurrence_ID,Geog,Recorded On");
        let err = choose_mapping(&short, None, Some(&saved[0]), &saved)
            .unwrap()
            .unwrap_err();
        assert!(err.contains("no column \"Classification\""), "{err}");
    }
}
