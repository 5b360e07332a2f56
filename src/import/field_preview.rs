//! What importing a table with a field mapping would do, before anything is written: every
//! row read by the same parser the import uses (police street rows, lookup rows,
//! population rows), counted as accepted or rejected, the rejections grouped by reason with
//! the first line and an example — the counterpart of the partner preview.

use super::field_mapping::{FieldMapping, MappedKind};
use super::geography::{LookupColumns, PopulationColumns};
use super::partner::parse::RejectionGroup;
use super::police_uk::StreetColumns;
use csv::ByteRecord;

/// The outcome of reading every row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowsPreview {
    pub accepted: usize,
    pub rejected: usize,
    /// Most frequent reason first.
    pub rejected_by_reason: Vec<RejectionGroup>,
}

impl RowsPreview {
    /// Count one row's outcome; `problem` is the reason it was rejected.
    pub fn add(&mut self, line: u64, problem: Option<String>) {
        let Some(example) = problem else {
            self.accepted += 1;
            return;
        };
        self.rejected += 1;
        // The reason without the value: `column Month: "2021-13" is not…` → `column Month`.
        let reason = example
            .split_once(": \"")
            .map_or(example.as_str(), |(head, _)| head)
            .to_string();
        match self
            .rejected_by_reason
            .iter_mut()
            .find(|g| g.reason == reason)
        {
            Some(group) => group.count += 1,
            None => self.rejected_by_reason.push(RejectionGroup {
                reason,
                count: 1,
                first_line: line,
                example,
            }),
        }
    }

    fn sorted(mut self) -> RowsPreview {
        self.rejected_by_reason
            .sort_by(|a, b| b.count.cmp(&a.count).then(a.first_line.cmp(&b.first_line)));
        self
    }
}

/// Read `rows` (with their line as the record position) with the mapping. Fails with the
/// mapping's problems when it cannot be used; boundaries are not rows (see `gis`).
pub fn preview_rows(
    mapping: &FieldMapping,
    rows: &[ByteRecord],
) -> Result<RowsPreview, Vec<String>> {
    let problems = mapping.problems();
    if !problems.is_empty() {
        return Err(problems);
    }
    let header = mapping.reader_header(mapping.header.len());
    let line = |i: usize, r: &ByteRecord| r.position().map_or(i as u64 + 2, csv::Position::line);
    let names = mapping.column_names();
    let words = |p: String| FieldMapping::in_file_words(&names, &p);
    let mut preview = RowsPreview::default();
    match mapping.kind {
        MappedKind::PoliceStreet => {
            let columns = StreetColumns::from_header(&header)
                .map_err(|p| vec![format!("the mapped header cannot be read: {p:?}")])?;
            for (i, r) in rows.iter().enumerate() {
                preview.add(
                    line(i, r),
                    columns.parse(r).err().map(|p| words(p.to_string())),
                );
            }
        }
        MappedKind::WardLookup => {
            let columns = LookupColumns::from_header(&header).map_err(|p| vec![p])?;
            for (i, r) in rows.iter().enumerate() {
                preview.add(
                    line(i, r),
                    columns.parse(r).err().map(|p| words(p.to_string())),
                );
            }
        }
        MappedKind::Population => {
            let columns = PopulationColumns::from_header(&header).map_err(|p| vec![p])?;
            for (i, r) in rows.iter().enumerate() {
                preview.add(
                    line(i, r),
                    columns.parse(r).err().map(|p| words(p.to_string())),
                );
            }
        }
        MappedKind::Boundaries => {
            return Err(vec![
                "boundaries are previewed from their features, not rows".into(),
            ])
        }
    }
    Ok(preview.sorted())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapped_population_rows_are_counted_with_reasons() {
        let header: Vec<String> = ["Area", "People"].map(String::from).to_vec();
        let mut mapping = FieldMapping::new("pop", MappedKind::Population, &header);
        assert!(preview_rows(&mapping, &[]).is_err());
        mapping.set(0, Some("code"));
        mapping.set(1, Some("total"));
        let rows: Vec<ByteRecord> = [
            ["E05000001", "100"],
            ["E05000002", "n/a"],
            ["E05000003", "x"],
        ]
        .iter()
        .map(|r| ByteRecord::from(r.to_vec()))
        .collect();
        let p = preview_rows(&mapping, &rows).unwrap();
        assert_eq!((p.accepted, p.rejected), (1, 2));
        assert_eq!(p.rejected_by_reason[0].reason, "column People");
        assert_eq!(p.rejected_by_reason[0].count, 2);
        assert_eq!(p.rejected_by_reason[0].first_line, 3);
    }
}
