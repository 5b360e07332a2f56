//! "Last year's plan: how did we do" — the partnership plan reviewed as at the end of the
//! assessment's financial year: how many measurables were on track, and each priority's
//! measurables with baseline, latest value, status and reason. From the same review as
//! the Plan page and the performance report.

use super::plan::SectionChoice;
use super::writer::ContentWriter;
use super::ContentBlock;
use crate::analysis::action_plan::AsAt;
use crate::analysis::financial_year::FinancialYear;
use crate::report::plan_data::PlanData;
use crate::report::plan_report::{counts_sentence, reason_blocks, status_table};
use crate::store::{Store, StoreError};

pub const KEY: &str = "plan_review";

/// The section, offered when the file holds a plan.
pub fn plan_review_choice(store: &Store) -> Result<Option<SectionChoice>, StoreError> {
    Ok((!store.action_plan()?.is_empty()).then(|| SectionChoice {
        key: KEY.into(),
        title: "Last year's plan: how did we do".into(),
        included_by_default: true,
    }))
}

pub fn plan_review_blocks(
    w: &mut ContentWriter,
    store: &Store,
    fy: FinancialYear,
) -> Result<Vec<ContentBlock>, StoreError> {
    let data = PlanData::load(store)?;
    let as_at = AsAt {
        end_month: fy.months()[11],
        is_quarter: true,
    };
    let review = data.review(as_at);
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "The partnership plan's measurables as at the end of {} ({}), each against its baseline (the year before, unless the plan sets another). {}",
        fy.label(),
        review.as_at,
        counts_sentence(&review.counts)
    ))];
    for priority in &review.priorities {
        blocks.push(ContentBlock::SubHeading(priority.name.clone()));
        if priority.measurables.is_empty() {
            blocks.push(ContentBlock::Note(
                "This priority has no measurables.".into(),
            ));
            continue;
        }
        blocks.push(w.table(&status_table(priority, &review.as_at, w.threshold)));
        blocks.extend(reason_blocks(priority));
    }
    blocks.push(ContentBlock::Note(
        "Counts are judged with the same test of a real change as the rest of this assessment; percentages and rates against their target.".into(),
    ));
    Ok(blocks)
}
