//! Change per grid cell (or per area) between two periods: both counts, the difference and
//! the percent change, which is `None` when the earlier count is 0 (a rise from nothing has
//! no percentage). Whether a change is real is `analysis::change`'s job, not this file's.

use super::HotspotError;
use serde::Serialize;

/// One cell's change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CellChange {
    pub before: u32,
    pub after: u32,
    /// after − before.
    pub difference: i64,
    /// 100 × difference ÷ before; `None` when before is 0.
    pub percent_change: Option<f64>,
}

impl CellChange {
    pub fn between(before: u32, after: u32) -> CellChange {
        let difference = i64::from(after) - i64::from(before);
        CellChange {
            before,
            after,
            difference,
            percent_change: (before > 0).then(|| 100.0 * difference as f64 / f64::from(before)),
        }
    }
}

/// Change in every cell; both count vectors must come from the same grid.
pub fn cell_changes(before: &[u32], after: &[u32]) -> Result<Vec<CellChange>, HotspotError> {
    if before.len() != after.len() {
        return Err(HotspotError::GridMismatch {
            expected: before.len(),
            found: after.len(),
        });
    }
    Ok(before
        .iter()
        .zip(after)
        .map(|(&b, &a)| CellChange::between(b, a))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_and_percentages() {
        let changes = cell_changes(&[4, 0, 10, 0], &[6, 3, 5, 0]).unwrap();
        assert_eq!(changes[0].difference, 2);
        assert_eq!(changes[0].percent_change, Some(50.0));
        assert_eq!(changes[1].difference, 3);
        assert_eq!(changes[1].percent_change, None);
        assert_eq!(changes[2].percent_change, Some(-50.0));
        assert_eq!(changes[3].difference, 0);
        assert_eq!(changes[3].percent_change, None);
        let big = CellChange::between(u32::MAX, 0);
        assert_eq!(big.difference, -i64::from(u32::MAX));
    }

    #[test]
    fn grids_must_match() {
        assert!(matches!(
            cell_changes(&[1, 2], &[1]),
            Err(HotspotError::GridMismatch {
                expected: 2,
                found: 1
            })
        ));
    }
}
