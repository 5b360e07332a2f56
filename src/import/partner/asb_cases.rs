//! The council ASB cases dataset as imported: one case from the council's case-management
//! system per row, its reference-layout columns and how a row is read.

use super::dataset::DatasetSpec;
use super::layout::{field, FieldKey, FieldSpec, PartnerLayout, ValueKind};
use super::parse::RowProblem;
use super::records::PartnerRecord;
use super::row::{no_label, RowReader};
use super::values::{self, AsbAction};
use chrono::NaiveDate;
use FieldKey as F;
use ValueKind as V;

/// The dataset as the import knows it.
pub const SPEC: DatasetSpec = DatasetSpec {
    layout: PartnerLayout::AsbCases,
    key: "asb_cases",
    name: "Council ASB cases",
    fields: &FIELDS,
    parse: read,
};

/// One council ASB case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsbCase {
    pub reference: String,
    pub opened: NaiveDate,
    /// `None` while the case is open.
    pub closed: Option<NaiveDate>,
    pub category: String,
    /// Ward or LSOA code, ward name or postcode, as written.
    pub area: String,
    pub repeat: Option<bool>,
    /// `None` when the column is absent or blank; `Some(AsbAction::NoAction)` when the
    /// council recorded that nothing was done.
    pub action: Option<AsbAction>,
}

#[rustfmt::skip]
const FIELDS: [FieldSpec; 7] = [
    field(F::AsbCaseReference, "asb_case_reference", "Case reference", true, V::Text,
        &["Reference", "Case ref", "Case number", "Case no", "Case ID", "Ref", "Case"]),
    field(F::AsbDateOpened, "asb_date_opened", "Date opened", true, V::Date,
        &["Opened", "Open date", "Opened date", "Date received", "Received", "Start date",
          "Case opened", "Date logged", "Date reported", "Reported date"]),
    field(F::AsbDateClosed, "asb_date_closed", "Date closed", false, V::Date,
        &["Closed", "Close date", "Closed date", "End date", "Case closed", "Closure date",
          "Date of closure"]),
    field(F::AsbCategory, "asb_category", "Category", true, V::Text,
        &["Case category", "ASB category", "ASB type", "Case type", "Type", "Problem type",
          "Nature", "Category of ASB"]),
    field(F::AsbArea, "asb_area", "Ward or LSOA or postcode", true, V::Area,
        &["Ward code", "Ward", "LSOA code", "LSOA", "Postcode", "Area", "Area code", "Location"]),
    field(F::AsbRepeat, "asb_repeat", "Repeat", false, V::YesNo,
        &["Repeat (Y/N)", "Repeat case", "Repeat caller", "Repeat complainant", "Repeat victim",
          "Is repeat", "Repeat flag"]),
    field(F::AsbActionTaken, "asb_action_taken", "Action taken", false, V::AsbAction,
        &["Action", "Actions", "Actions taken", "Action type", "Enforcement action", "Intervention",
          "Outcome", "Tool used"]),
];

fn read(row: &mut RowReader) -> Result<PartnerRecord, RowProblem> {
    let reference = row.text(FieldKey::AsbCaseReference)?;
    let opened = row.date(FieldKey::AsbDateOpened)?;
    let format = row.mapping().date_format;
    let closed = row.optional(FieldKey::AsbDateClosed, |t| format.parse(t), no_label)?;
    let closed_column = row.mapping().column_of(FieldKey::AsbDateClosed);
    if let (Some(closed), Some(column)) = (closed, closed_column) {
        if closed < opened {
            let value = row.cell_text(column);
            return Err(row.problem(
                row.mapping().column_name(column),
                &value,
                format!("is before the date the case was opened ({opened})"),
            ));
        }
    }
    Ok(PartnerRecord::AsbCase(AsbCase {
        reference,
        opened,
        closed,
        category: row.text(FieldKey::AsbCategory)?,
        area: row.text(FieldKey::AsbArea)?,
        repeat: row.yes_no(FieldKey::AsbRepeat)?,
        action: row
            .read(FieldKey::AsbActionTaken, values::asb_action, |v| {
                Some(values::asb_action_label(*v).to_string())
            })?
            .flatten(),
    }))
}
