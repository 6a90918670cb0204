//! When the open letter's unsaved changes are copied to the recovery file (whose format
//! [`super::session`] owns): every few seconds while there are any, on a thread for a big
//! letter, and removed again once they are saved or given up.

use super::document::{Document, Source};
use super::session;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

/// A recovery copy being written on a thread.
struct RecoveryJob {
    /// Cleared when the letter is saved or closed: the thread then removes its copy.
    is_wanted: Arc<AtomicBool>,
    receiver: Receiver<Result<(), String>>,
}

/// The recovery copy of this run: where it lives, which edit it holds, and the thread
/// writing it, if any. Each method that can fail returns the note for the status bar.
#[derive(Default)]
pub struct RecoveryKeeper {
    /// Where the recovery file lives; `None` keeps no recovery file.
    data_dir: Option<PathBuf>,
    /// The edit the recovery file was last written for, and when (egui time, seconds).
    written: Option<(u64, f64)>,
    /// A recovery copy of a big letter being written on a thread.
    job: Option<RecoveryJob>,
}

impl RecoveryKeeper {
    /// Keeps its copies in `data_dir`, or keeps none.
    pub fn new(data_dir: Option<PathBuf>) -> RecoveryKeeper {
        RecoveryKeeper {
            data_dir,
            ..RecoveryKeeper::default()
        }
    }

    /// The app's data folder, where the recovery file and the kept roster live.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// Whether a copy is being written on a thread.
    pub fn is_writing(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the copy needs writing: the letter has unsaved changes that no copy holds
    /// (or is being written with) yet.
    fn is_due(&self, document: &Document) -> bool {
        document.is_modified
            && self
                .written
                .is_none_or(|(r, _)| r != document.edit_revision())
    }

    /// Writes the copy now if the letter has unsaved changes it does not hold yet.
    pub fn write_now(&mut self, document: &Document, time_seconds: f64) -> Option<String> {
        let dir = self.data_dir.as_deref()?;
        if !self.is_due(document) {
            return None;
        }
        let result = session::write_recovery(dir, source_file(document), &document.letter);
        // A copy that failed is not tried again until the next edit.
        self.written = Some((document.edit_revision(), time_seconds));
        result
            .err()
            .map(|error| format!("Could not keep a recovery copy: {error}"))
    }

    /// Writes the copy of a big letter on a thread: serialising a million signers takes
    /// longer than many frames. Small letters are written at once.
    fn write_in_background(
        &mut self,
        document: &Document,
        time_seconds: f64,
        ctx: &egui::Context,
    ) -> Option<String> {
        let dir = self.data_dir.clone()?;
        if !document.is_big() {
            return self.write_now(document, time_seconds);
        }
        if !self.is_due(document) {
            return None;
        }
        let source = source_file(document).map(Path::to_path_buf);
        let letter = Arc::clone(&document.letter);
        let is_wanted = Arc::new(AtomicBool::new(true));
        let (sender, receiver) = std::sync::mpsc::channel();
        let still_wanted = Arc::clone(&is_wanted);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("recovery copy".to_owned())
            .spawn(move || {
                let result = session::write_recovery(&dir, source.as_deref(), &letter)
                    .map_err(|e| e.to_string());
                // Saved or closed meanwhile: the copy is not wanted any more.
                if !still_wanted.load(Ordering::SeqCst) {
                    session::remove_recovery(&dir);
                }
                let _ = sender.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.written = Some((document.edit_revision(), time_seconds));
                self.job = Some(RecoveryJob {
                    is_wanted,
                    receiver,
                });
                None
            }
            Err(_) => self.write_now(document, time_seconds),
        }
    }

    /// Says so if the last background copy could not be written.
    fn collect_job(&mut self) -> Option<String> {
        let job = self.job.as_ref()?;
        match job.receiver.try_recv() {
            Ok(Ok(())) | Err(TryRecvError::Disconnected) => {
                self.job = None;
                None
            }
            Ok(Err(error)) => {
                let is_wanted = job.is_wanted.load(Ordering::SeqCst);
                self.job = None;
                is_wanted.then(|| format!("Could not keep a recovery copy: {error}"))
            }
            Err(TryRecvError::Empty) => None,
        }
    }

    /// Once a frame: writes the copy every few seconds while there are unsaved changes.
    pub fn keep(&mut self, document: &Document, ctx: &egui::Context) -> Option<String> {
        let note = self.collect_job();
        if self.data_dir.is_none() || !document.is_modified || self.job.is_some() {
            return note;
        }
        let now = ctx.input(|i| i.time);
        let last = self.written.map_or(f64::NEG_INFINITY, |(_, t)| t);
        if now - last >= session::RECOVERY_INTERVAL_SECONDS {
            return self.write_in_background(document, now, ctx).or(note);
        }
        if self
            .written
            .is_none_or(|(r, _)| r != document.edit_revision())
        {
            let wait = (session::RECOVERY_INTERVAL_SECONDS - (now - last)).max(0.1);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        note
    }

    /// Removes the copy this run wrote, once its changes are saved or given up.
    ///
    /// A copy kept from an earlier run is never removed here: only the user's answer to
    /// "Restore unsaved changes?" removes it ([`RecoveryKeeper::discard_kept`]), or takes
    /// it over ([`RecoveryKeeper::adopt`]).
    pub fn forget(&mut self) {
        // A copy being written is left to finish: its thread removes it (and is waited for
        // as background work).
        if let Some(job) = &self.job {
            job.is_wanted.store(false, Ordering::SeqCst);
        }
        if self.written.is_some()
            && let Some(dir) = &self.data_dir
        {
            session::remove_recovery(dir);
        }
        self.written = None;
    }

    /// The kept copy now holds the changes of `document` (restored from it): saving or
    /// discarding them removes it, as for any copy this run writes.
    pub fn adopt(&mut self, document: &Document) {
        self.written = Some((document.edit_revision(), 0.0));
    }

    /// Removes the copy kept from an earlier run: the user discarded it.
    pub fn discard_kept(&mut self) {
        if let Some(dir) = &self.data_dir {
            session::remove_recovery(dir);
        }
        self.written = None;
    }
}

/// The file the open letter came from, which the recovery copy names.
fn source_file(document: &Document) -> Option<&Path> {
    match &document.source {
        Source::File(path) => Some(path.as_path()),
        Source::Sample | Source::New => None,
    }
}
