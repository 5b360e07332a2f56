//! The batch's third thread: hashes each file's raw bytes (SHA-256 for provenance, the
//! XXH3-128 fingerprint for recognising it later) as the worker reads them, and hands the
//! writer each file's digests in order. On two cores the system shares this work out to
//! whichever of the parser and the writer has time to spare, instead of it lengthening
//! one of them.

use crate::import::content_hash::{ContentHashes, Digests};
use crossbeam_channel::{Receiver, Sender};

/// What the worker gives the hasher.
pub enum HashJob {
    /// The next raw bytes of the file being read, in order.
    Bytes(Vec<Vec<u8>>),
    /// The file is read to its end (or given up): its digests go to the writer.
    FileEnd,
}

/// Hash until the worker is done, or stop when the writer is gone.
pub fn hash_files(jobs: Receiver<HashJob>, digests: Sender<Digests>) {
    let mut hashes = ContentHashes::new();
    for job in jobs {
        match job {
            HashJob::Bytes(chunks) => hashes.update(&chunks),
            HashJob::FileEnd => {
                if digests.send(std::mem::take(&mut hashes).finish()).is_err() {
                    return;
                }
            }
        }
    }
}
