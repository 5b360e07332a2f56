//! An export running on its own named thread: it opens its own connection to the
//! assessment file, builds the report, writes the files and reports progress over a
//! channel; the UI polls it each frame and can cancel it. A cancelled or failed export
//! leaves the chosen folder as it was (see `report::export`).

use crate::report::content::{build_report, ReportOptions};
use crate::report::export::{export, ExportProgress, ExportSummary, Formats};
use crate::store::ingest::panic_message;
use crate::store::Store;
use crossbeam_channel::{Receiver, TryRecvError};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Finished(ExportSummary),
    Cancelled,
    Failed(String),
}

enum Message {
    Progress(ExportProgress),
    Done(ExportOutcome),
}

pub struct ExportJob {
    receiver: Receiver<Message>,
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    progress: ExportProgress,
}

impl ExportJob {
    pub fn start(
        assessment: &Path,
        folder: PathBuf,
        options: ReportOptions,
        formats: Formats,
        repaint: egui::Context,
    ) -> Result<ExportJob, String> {
        let (sender, receiver) = crossbeam_channel::unbounded();
        let cancel = Arc::new(AtomicBool::new(false));
        let thread = {
            let cancel = Arc::clone(&cancel);
            let assessment = assessment.to_path_buf();
            std::thread::Builder::new()
                .name("export".into())
                .spawn(move || {
                    let on_progress = |p: ExportProgress| {
                        let _ = sender.send(Message::Progress(p));
                        repaint.request_repaint();
                    };
                    // A panic becomes a failed outcome (the working folder is left
                    // hidden, the chosen folder as it was) and the app keeps running.
                    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        run_export(
                            &assessment,
                            &folder,
                            &options,
                            formats,
                            &on_progress,
                            &cancel,
                        )
                    }))
                    .unwrap_or_else(|panic| {
                        ExportOutcome::Failed(format!(
                            "the export stopped unexpectedly: {}; nothing was written to the folder",
                            panic_message(panic.as_ref())
                        ))
                    });
                    let _ = sender.send(Message::Done(outcome));
                    repaint.request_repaint();
                })
                .map_err(|e| format!("the export could not be started ({e})"))?
        };
        Ok(ExportJob {
            receiver,
            cancel,
            thread: Some(thread),
            progress: ExportProgress {
                done: 0,
                total: 0,
                current: "Preparing the report…".into(),
            },
        })
    }

    /// The news since the last call: progress is kept, the outcome returned once.
    pub fn poll(&mut self) -> Option<ExportOutcome> {
        loop {
            match self.receiver.try_recv() {
                Ok(Message::Progress(p)) => self.progress = p,
                Ok(Message::Done(outcome)) => {
                    if let Some(thread) = self.thread.take() {
                        let _ = thread.join();
                    }
                    return Some(outcome);
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(ExportOutcome::Failed(
                        "the export stopped unexpectedly; nothing was written".into(),
                    ))
                }
            }
        }
    }

    pub fn progress(&self) -> &ExportProgress {
        &self.progress
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for ExportJob {
    fn drop(&mut self) {
        self.cancel();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run_export(
    assessment: &Path,
    folder: &Path,
    options: &ReportOptions,
    formats: Formats,
    progress: &dyn Fn(ExportProgress),
    cancel: &AtomicBool,
) -> ExportOutcome {
    let content = match Store::open_existing(assessment)
        .map_err(|e| e.to_string())
        .and_then(|store| build_report(&store, options).map_err(|e| e.to_string()))
    {
        Ok(content) => content,
        Err(message) => return ExportOutcome::Failed(message),
    };
    match export(&content, folder, formats, progress, cancel) {
        Ok(summary) => ExportOutcome::Finished(summary),
        Err(crate::report::export::ExportError::Cancelled) => ExportOutcome::Cancelled,
        Err(e) => ExportOutcome::Failed(e.to_string()),
    }
}
