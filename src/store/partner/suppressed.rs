//! Counts a partner suppressed for disclosure control (`*`, `<5`) are stored as NULL, with
//! the marker kept beside them as `field_id=marker` pairs separated by `;`, so the pages
//! can show a suppressed cell as suppressed and never as zero.

use crate::import::partner::CountValue;

/// The stored number of a count (`None` when suppressed or absent).
pub fn number(value: Option<&CountValue>) -> Option<u32> {
    value.and_then(CountValue::value)
}

/// Add `field=marker` for each suppressed count.
pub fn markers<'a>(fields: impl IntoIterator<Item = (&'a str, Option<&'a CountValue>)>) -> String {
    fields
        .into_iter()
        .filter_map(|(field, value)| match value {
            Some(CountValue::Suppressed(marker)) => Some(format!("{field}={marker}")),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// A count read back: the number, the suppression marker, or absent.
pub fn count_of(number: Option<u32>, field: &str, markers: &str) -> Option<CountValue> {
    if let Some(n) = number {
        return Some(CountValue::Count(n));
    }
    markers.split(';').find_map(|pair| {
        let (f, marker) = pair.split_once('=')?;
        (f == field).then(|| CountValue::Suppressed(marker.to_string()))
    })
}

/// The count stored in `column` of a selected row, with `markers` from its `suppressed`
/// column.
pub fn count_at(
    row: &rusqlite::Row<'_>,
    column: usize,
    field: &str,
    markers: &str,
) -> rusqlite::Result<Option<CountValue>> {
    Ok(count_of(row.get(column)?, field, markers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppressed_counts_round_trip() {
        let star = CountValue::Suppressed("*".into());
        let five = CountValue::Count(5);
        let text = markers([("a", Some(&star)), ("b", Some(&five)), ("c", None)]);
        assert_eq!(text, "a=*");
        assert_eq!(count_of(None, "a", &text), Some(star));
        assert_eq!(count_of(Some(5), "b", &text), Some(five));
        assert_eq!(count_of(None, "c", &text), None);
    }
}
