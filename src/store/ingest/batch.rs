//! What the worker sends: rows in batches, the messages the writer receives for each file
//! in order, and the channel they go by (a batch's raw bytes to the hasher thread).

use super::file_summary::FileSummary;
use super::hasher::HashJob;
use crate::import::boundaries::Boundary;
use crate::import::geography::{LookupRow, PopulationRow};
use crate::import::ImportError;
use crate::store::interner::PendingDimensions;
use crate::store::month_counts::PendingCounts;
use crate::store::writer::{IncidentRecord, RejectedRecord};
use crossbeam_channel::Sender;
use std::sync::atomic::{AtomicBool, Ordering};

pub(super) const ROWS_PER_BATCH: usize = 8192;

/// Rows parsed on the worker, with the dimension entries they introduce.
pub struct Batch {
    pub dimensions: PendingDimensions,
    pub rows: Vec<IncidentRecord>,
    pub rejected: Vec<RejectedRecord>,
    /// (month, crime type, lsoa or 0) → rows, sent when the map grows large and at the end.
    pub counts: PendingCounts,
    pub lookups: Vec<LookupRow>,
    pub populations: Vec<PopulationRow>,
    /// Partner records with their file line.
    pub partner: Vec<(u64, crate::import::partner::PartnerRecord)>,
    pub boundaries: Vec<Boundary>,
    /// The file's raw bytes read for this batch, in order: they go to the hasher thread
    /// when the batch is sent.
    pub raw: Vec<Vec<u8>>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.rows.len()
            + self.rejected.len()
            + self.lookups.len()
            + self.populations.len()
            + self.partner.len()
            + self.boundaries.len()
    }
}

pub(super) fn new_batch() -> Batch {
    Batch {
        dimensions: PendingDimensions::default(),
        rows: Vec::with_capacity(ROWS_PER_BATCH),
        rejected: Vec::new(),
        counts: PendingCounts::default(),
        lookups: Vec::new(),
        populations: Vec::new(),
        partner: Vec::new(),
        boundaries: Vec::new(),
        raw: Vec::new(),
    }
}

/// What the worker tells the writer, in order: for each file either `Unchanged`, or
/// `Start`, its `Rows`, then `End`.
pub enum Message {
    /// The content of file `index` was imported before (recognised without parsing it).
    Unchanged {
        index: usize,
        earlier: super::known::EarlierImport,
    },
    /// A file is to be parsed: the worker waits for the dimension tables (loaded once).
    NeedDimensions,
    /// File `index` is being read.
    Start(usize),
    Rows(Batch),
    /// The file is read: what it held, or why it is rejected (then the worker has
    /// forgotten the dimension entries it added) or the import must stop.
    End(Result<FileSummary, ImportError>),
}

/// Where the worker sends batches, and whether to stop. The raw bytes of a batch go to
/// the hasher thread, the rest to the writer.
pub struct Channel<'a> {
    pub sender: Sender<Message>,
    pub hasher: Sender<HashJob>,
    pub cancel: &'a AtomicBool,
}

impl Channel<'_> {
    /// Send a full batch; false when the import should stop (cancel, or the writer gone).
    pub(super) fn send(&self, mut batch: Batch) -> bool {
        let raw = std::mem::take(&mut batch.raw);
        self.hash(raw) && self.tell(Message::Rows(batch))
    }

    /// Raw bytes for the hasher now, ahead of the batch they belong to (in order): it
    /// hashes while the batch is parsed, so the file's digests are ready when the writer
    /// reaches its end.
    pub(super) fn hash(&self, raw: Vec<Vec<u8>>) -> bool {
        raw.is_empty() || self.hasher.send(HashJob::Bytes(raw)).is_ok()
    }

    /// The file's bytes are all sent: the hasher hands its digests to the writer.
    pub(super) fn end_file(&self) -> bool {
        self.hasher.send(HashJob::FileEnd).is_ok()
    }

    /// False when the import should stop (cancel, or the writer gone).
    pub(super) fn tell(&self, message: Message) -> bool {
        !self.cancel.load(Ordering::Relaxed) && self.sender.send(message).is_ok()
    }
}
