//! How a report table is laid out on the page, the same in the Word document and the PDF:
//! column widths measured with the document font's real glyph widths so that no word or
//! number is ever broken ("Completio/n rate", "31,14/8"), and which rows must stay on the
//! same page as the next so a total row never stands alone. Knows nothing of XML or typst.

use super::doc_font::{text_width_pt, Weight};

/// Table text size, in points (the Word style `TableText`, 9.5 pt).
pub const TABLE_TEXT_PT: f64 = 9.5;
/// The smallest size a table may shrink to before words are broken at `/`, `-` or `_`.
pub const SMALLEST_TEXT_PT: f64 = 7.0;
/// A cell's left and right margins together: 5 pt each side (Word's cell margin of 100
/// twips; the PDF's cell inset).
pub const CELL_PADDING_PT: f64 = 10.0;
/// Room for rounding to twips and for renderers' own rounding of glyph positions.
const SLACK_PT: f64 = 1.5;
/// The text width of an A4 page with 2 cm margins: 210 mm − 40 mm = 170 mm.
pub const PAGE_TEXT_WIDTH_PT: f64 = 170.0 / 25.4 * 72.0;

/// A table with up to this many body rows is kept whole on one page, with its caption.
pub const KEEP_WHOLE_MAX_ROWS: usize = 15;
/// In a longer table, this many last rows stay together, so a total row never stands
/// alone at the top of a page.
pub const KEEP_LAST_ROWS: usize = 3;

/// Column widths (points, adding up to the available width) and the text size to set the
/// table in.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnPlan {
    pub widths_pt: Vec<f64>,
    pub text_pt: f64,
    /// True only when even at the smallest size a word had to be split at `/`, `-` or `_`
    /// (a file name longer than the page is wide); never inside a number or plain word.
    pub breaks_at_punctuation: bool,
}

/// The cells of a table as text, with their weight: header bold, body regular, a total
/// row bold.
fn cells<'a>(
    header: &'a [String],
    rows: &'a [Vec<String>],
    total_row: bool,
) -> impl Iterator<Item = (usize, &'a str, Weight)> + 'a {
    let last = rows.len().saturating_sub(1);
    let head = header
        .iter()
        .enumerate()
        .map(|(c, t)| (c, t.as_str(), Weight::Bold));
    let body = rows.iter().enumerate().flat_map(move |(r, row)| {
        let weight = if total_row && r == last {
            Weight::Bold
        } else {
            Weight::Regular
        };
        row.iter()
            .enumerate()
            .map(move |(c, t)| (c, t.as_str(), weight))
    });
    head.chain(body)
}

/// The pieces of `text` a line may not break inside: words between spaces, or, when
/// `at_punctuation`, also the parts of a word after `/`, `-` and `_` (which stay on the
/// line before the break).
fn unbreakable_pieces(text: &str, at_punctuation: bool) -> Vec<&str> {
    let mut pieces = Vec::new();
    for word in text.split_whitespace() {
        if !at_punctuation {
            pieces.push(word);
            continue;
        }
        let mut start = 0;
        for (i, c) in word.char_indices() {
            if matches!(c, '/' | '-' | '_') {
                let end = i + c.len_utf8();
                pieces.push(&word[start..end]);
                start = end;
            }
        }
        if start < word.len() {
            pieces.push(&word[start..]);
        }
    }
    pieces
}

/// A column's widths, padding included: `least` fits its widest unbreakable piece,
/// `body` its widest body cell on one line, `natural` every cell (header too) on one line.
#[derive(Debug, Clone, Copy, Default)]
struct Bounds {
    least: f64,
    body: f64,
    natural: f64,
}

fn column_bounds(
    header: &[String],
    rows: &[Vec<String>],
    total_row: bool,
    text_pt: f64,
    at_punctuation: bool,
) -> Vec<Bounds> {
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut bounds = vec![Bounds::default(); columns];
    for (i, (c, text, weight)) in cells(header, rows, total_row).enumerate() {
        let Some(b) = bounds.get_mut(c) else {
            continue;
        };
        for piece in unbreakable_pieces(text, at_punctuation) {
            b.least = b.least.max(text_width_pt(piece, text_pt, weight));
        }
        let width = text_width_pt(text.trim(), text_pt, weight);
        b.natural = b.natural.max(width);
        if i >= header.len() {
            b.body = b.body.max(width);
        }
    }
    let pad = CELL_PADDING_PT + SLACK_PT;
    bounds
        .into_iter()
        .map(|b| Bounds {
            least: b.least + pad,
            body: b.body.max(b.least) + pad,
            natural: b.natural.max(b.least) + pad,
        })
        .collect()
}

/// Share out `available` points: every column gets its least width; what is left goes
/// first towards each column's body width (so body cells do not wrap, in proportion to
/// what each lacks), then towards natural widths (headers on one line), then in
/// proportion to the natural widths, so the table spans the page.
fn share_out(bounds: &[Bounds], available: f64) -> Vec<f64> {
    let mut widths: Vec<f64> = bounds.iter().map(|b| b.least).collect();
    for target in [|b: &Bounds| b.body, |b: &Bounds| b.natural] {
        let left = available - widths.iter().sum::<f64>();
        let lacking: Vec<f64> = bounds
            .iter()
            .zip(&widths)
            .map(|(b, w)| (target(b) - w).max(0.0))
            .collect();
        let total: f64 = lacking.iter().sum();
        if left <= 0.0 || total <= 0.0 {
            continue;
        }
        let share = (left / total).min(1.0);
        for (w, l) in widths.iter_mut().zip(&lacking) {
            *w += l * share;
        }
    }
    // Spread what is left (or, if even the least widths do not fit, take back what is
    // missing) in proportion to the widths so far: the table spans the page exactly.
    let sum: f64 = widths.iter().sum::<f64>().max(f64::EPSILON);
    widths.iter().map(|w| w * available / sum).collect()
}

/// Widths for a table's columns within `available_pt`: at 9.5 pt when every column's
/// widest word fits, else at the largest half-point size down to 7 pt at which they fit,
/// else at 7 pt with file names broken after `/`, `-` or `_`.
pub fn plan_columns(
    header: &[String],
    rows: &[Vec<String>],
    total_row: bool,
    available_pt: f64,
) -> ColumnPlan {
    let fits = |bounds: &[Bounds]| bounds.iter().map(|b| b.least).sum::<f64>() <= available_pt;
    let mut text_pt = TABLE_TEXT_PT;
    loop {
        let bounds = column_bounds(header, rows, total_row, text_pt, false);
        if fits(&bounds) || text_pt <= SMALLEST_TEXT_PT {
            if fits(&bounds) {
                return ColumnPlan {
                    widths_pt: share_out(&bounds, available_pt),
                    text_pt,
                    breaks_at_punctuation: false,
                };
            }
            break;
        }
        text_pt -= 0.5;
    }
    let bounds = column_bounds(header, rows, total_row, SMALLEST_TEXT_PT, true);
    ColumnPlan {
        widths_pt: share_out(&bounds, available_pt),
        text_pt: SMALLEST_TEXT_PT,
        breaks_at_punctuation: true,
    }
}

/// Whether body row `row` of `rows` must be on the same page as the row after it: every
/// row of a short table (the whole table moves as one), the last rows of a long one.
pub fn keep_with_next(row: usize, rows: usize) -> bool {
    row + 1 < rows && (rows <= KEEP_WHOLE_MAX_ROWS || row + KEEP_LAST_ROWS >= rows)
}

/// True when every unbreakable piece of `text` fits on one line of a cell `width_pt`
/// wide at `text_pt`: the check the tests make of every cell.
pub fn fits_unbroken(text: &str, width_pt: f64, text_pt: f64, weight: Weight) -> bool {
    unbreakable_pieces(text, false)
        .iter()
        .all(|piece| text_width_pt(piece, text_pt, weight) + CELL_PADDING_PT <= width_pt)
}

#[cfg(test)]
mod tests;
