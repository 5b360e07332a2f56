//! An import running on its own named thread, so the window never freezes: it opens a
//! second connection to the same assessment file (the UI's connection only reads), reports
//! progress over a channel and asks egui to repaint. The UI polls it each frame. Dropping a
//! job cancels it and waits for the rollback, so the file is never left half-written.

use crate::store::ingest::{
    import_paths_with, panic_message, ImportOptions, ImportReport, Progress,
};
use crate::store::{Store, StoreError};
use crossbeam_channel::{Receiver, TryRecvError};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often the worker reports progress (and wakes the UI).
const PROGRESS_INTERVAL: Duration = Duration::from_millis(50);

/// How an import ended.
#[derive(Debug)]
pub enum JobOutcome {
    Finished(ImportReport),
    Cancelled,
    /// Nothing was written; the sentence says why.
    Failed(String),
}

enum Message {
    Progress(Progress),
    Done(JobOutcome),
}

pub struct ImportJob {
    assessment: PathBuf,
    inputs: Vec<PathBuf>,
    receiver: Receiver<Message>,
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    progress: Progress,
}

impl ImportJob {
    /// Start importing `inputs` (files, folders, zips) into the assessment file at
    /// `assessment`; `repaint` is woken whenever there is news.
    /// `options` say how to read them (a column mapping, a sheet, a CSV dialect).
    pub fn start_with(
        assessment: &Path,
        inputs: Vec<PathBuf>,
        options: ImportOptions,
        repaint: egui::Context,
    ) -> Result<ImportJob, String> {
        let (sender, receiver) = crossbeam_channel::unbounded();
        let cancel = Arc::new(AtomicBool::new(false));
        let given = inputs.clone();
        let thread = {
            let cancel = Arc::clone(&cancel);
            let assessment = assessment.to_path_buf();
            std::thread::Builder::new()
                .name("import".into())
                .spawn(move || {
                    let mut last_sent = Instant::now();
                    let mut on_progress = |progress: &Progress| {
                        if last_sent.elapsed() >= PROGRESS_INTERVAL {
                            last_sent = Instant::now();
                            // The UI may have gone; then nobody needs the news.
                            let _ = sender.send(Message::Progress(progress.clone()));
                            repaint.request_repaint();
                        }
                    };
                    // A panic unwinds through the import's transaction, which rolls back;
                    // it becomes a failed outcome and the app keeps running.
                    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        run_import(&assessment, &inputs, &options, &cancel, &mut on_progress)
                    }))
                    .unwrap_or_else(|panic| {
                        JobOutcome::Failed(
                            StoreError::Worker(panic_message(panic.as_ref())).to_string(),
                        )
                    });
                    let _ = sender.send(Message::Done(outcome));
                    repaint.request_repaint();
                })
                .map_err(|e| format!("the import could not be started ({e})"))?
        };
        Ok(ImportJob {
            assessment: assessment.to_path_buf(),
            inputs: given,
            receiver,
            cancel,
            thread: Some(thread),
            progress: Progress::default(),
        })
    }

    /// Take the news since the last call: the latest progress is kept, and the outcome is
    /// returned once the import has ended.
    pub fn poll(&mut self) -> Option<JobOutcome> {
        loop {
            match self.receiver.try_recv() {
                Ok(Message::Progress(progress)) => self.progress = progress,
                Ok(Message::Done(outcome)) => return Some(outcome),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(JobOutcome::Failed(
                        StoreError::Worker("the import thread ended without a result".into())
                            .to_string(),
                    ))
                }
            }
        }
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn assessment(&self) -> &Path {
        &self.assessment
    }

    /// The files, folders and zips the import was given.
    pub fn inputs(&self) -> &[PathBuf] {
        &self.inputs
    }

    /// Ask the import to stop; it rolls back and reports `Cancelled`.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

impl Drop for ImportJob {
    fn drop(&mut self) {
        self.cancel();
        if let Some(thread) = self.thread.take() {
            // A panic on the worker already rolled its transaction back; nothing to add.
            let _ = thread.join();
        }
    }
}

fn run_import(
    assessment: &Path,
    inputs: &[PathBuf],
    options: &ImportOptions,
    cancel: &AtomicBool,
    on_progress: &mut dyn FnMut(&Progress),
) -> JobOutcome {
    let mut store = match Store::open_existing(assessment) {
        Ok(store) => store,
        Err(e) => return JobOutcome::Failed(e.to_string()),
    };
    match import_paths_with(&mut store, inputs, options, cancel, on_progress) {
        Ok(report) => JobOutcome::Finished(report),
        Err(StoreError::Cancelled) => JobOutcome::Cancelled,
        Err(e) => JobOutcome::Failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    fn sha256_of(path: &Path) -> String {
        format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
    }

    fn wait(job: &mut ImportJob) -> JobOutcome {
        let started = Instant::now();
        loop {
            if let Some(outcome) = job.poll() {
                return outcome;
            }
            assert!(started.elapsed().as_secs() < 60, "the job never ended");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_panic_in_the_import_becomes_a_failed_outcome_and_the_app_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.assessment");
        drop(Store::open_or_create(&db).unwrap());
        let mut job = ImportJob::start_with(
            &db,
            vec![fixture("street_bom_crlf.csv")],
            ImportOptions::default(),
            egui::Context::default(),
        )
        .unwrap();
        assert!(matches!(wait(&mut job), JobOutcome::Finished(_)));
        drop(job);
        let before = sha256_of(&db);
        // The store's test build panics on the writer side for a file named like this.
        let input = dir.path().join("inject-writer-panic.csv");
        std::fs::copy(fixture("republished-2021-04-testshire-street.csv"), &input).unwrap();
        let mut job = ImportJob::start_with(
            &db,
            vec![input],
            ImportOptions::default(),
            egui::Context::default(),
        )
        .unwrap();
        match wait(&mut job) {
            JobOutcome::Failed(text) => {
                assert!(
                    text.starts_with("the import stopped unexpectedly: injected for a test"),
                    "{text}"
                );
                assert!(text.ends_with("the assessment file is unchanged"), "{text}");
            }
            other => panic!("{other:?}"),
        }
        drop(job);
        assert_eq!(sha256_of(&db), before);
        // The app carries on: the next import works.
        let mut job = ImportJob::start_with(
            &db,
            vec![fixture("street_excel_months.csv")],
            ImportOptions::default(),
            egui::Context::default(),
        )
        .unwrap();
        match wait(&mut job) {
            JobOutcome::Finished(report) => assert!(report.is_clean()),
            other => panic!("{other:?}"),
        }
    }
}
