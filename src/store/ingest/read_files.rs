//! The worker thread of an import batch: goes through the batch's files in order, telling
//! the writer which are unchanged (recognised without parsing, see [`super::known`]) and
//! parsing the rest. One thread for the whole batch, so the next file is read while the
//! writer is still storing the last: both cores stay busy across file boundaries.

use super::batch::{Channel, Message};
use super::known::{KnownContent, RecognisedAhead};
use super::read_as::{MappingChoice, ReadAs};
use super::worker::parse_file;
use crate::import::inputs::InputFile;
use crate::store::interner::Interners;
use crate::store::month_tally::MonthTally;
use crossbeam_channel::Receiver;
use std::sync::atomic::AtomicU64;

/// What the worker reads, and how.
pub struct ReadJob<'a> {
    pub files: &'a [InputFile],
    pub read_as: ReadAs<'a>,
    pub mappings: MappingChoice<'a>,
    pub known: &'a KnownContent,
    pub bytes_read: &'a AtomicU64,
}

/// Read every file, or stop when the writer goes or the import is cancelled. The
/// dimensions come from the writer, asked for when the first file is to be parsed (a
/// re-import of an unchanged folder never loads them).
pub fn read_files(job: &ReadJob<'_>, dimensions: Receiver<Interners>, channel: &Channel<'_>) {
    std::thread::scope(|scope| {
        // A field mapping named for the import decides how a file is read: its content is
        // compared after parsing, as a partner file's is.
        let mut ahead = match job.mappings.given_fields {
            Some(_) => None,
            None => RecognisedAhead::start(
                scope,
                job.known,
                job.files,
                job.read_as,
                job.bytes_read,
                channel.cancel,
            ),
        };
        read_in_order(job, dimensions, channel, ahead.as_mut());
    });
}

fn read_in_order(
    job: &ReadJob<'_>,
    dimensions: Receiver<Interners>,
    channel: &Channel<'_>,
    mut ahead: Option<&mut RecognisedAhead>,
) {
    let mut loaded: Option<Interners> = None;
    // Rows counted by month, crime type and LSOA: one table for every file, cleared as used.
    let mut tally = MonthTally::default();
    for (index, file) in job.files.iter().enumerate() {
        if let Some(earlier) = ahead.as_mut().and_then(|a| a.earlier(index)) {
            if !channel.tell(Message::Unchanged { index, earlier }) {
                return;
            }
            continue;
        }
        let interners = match &mut loaded {
            Some(interners) => interners,
            None => {
                let asked = channel.tell(Message::NeedDimensions);
                match asked.then(|| dimensions.recv()) {
                    Some(Ok(interners)) => loaded.insert(interners),
                    // Cancelled, or the writer failed before it could send them (it
                    // reports why).
                    _ => return,
                }
            }
        };
        if !channel.tell(Message::Start(index)) {
            return;
        }
        let mark = interners.mark();
        let windows_1252_before = interners.windows_1252_values();
        let mut parsed = parse_file(
            file,
            job.read_as,
            &job.mappings,
            (interners, &mut tally),
            job.bytes_read,
            channel,
        );
        match &mut parsed {
            Ok(summary) => {
                summary.windows_1252_values = interners.windows_1252_values() - windows_1252_before;
            }
            // The file's rows are rolled back on the writer's side: so are the entries
            // they introduced, and the next file must not use them.
            Err(_) => interners.forget_since(mark),
        }
        if !channel.end_file() || !channel.tell(Message::End(parsed)) {
            return;
        }
    }
}
