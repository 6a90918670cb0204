//! Slow work off the UI thread: reading letters and waiting on the file dialog.
//! Each job runs on its own thread and reports back through a channel; the window keeps
//! drawing, and the letter already open stays open until the new one is ready.

use super::document::{Document, Source};
use crate::analysis::Filter;
use crate::load::{self, LoadError};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// A file dialog that answers faster than this did not show anything: there is no dialog
/// service on this system (a bare X server has neither a portal nor zenity).
const DIALOG_MINIMUM_MILLIS: u64 = 250;

/// What a background job found.
pub enum Outcome {
    /// A letter was read (or could not be).
    Loaded {
        /// The file asked for.
        path: PathBuf,
        /// The document, or why there is none.
        result: Result<Box<Document>, LoadError>,
    },
    /// The file dialog closed: with a file, cancelled, or unavailable.
    Picked(Picked),
}

/// How the file dialog ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    File(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown.
    Unavailable,
}

/// Starts jobs and collects what they report.
pub struct Worker {
    sender: Sender<Outcome>,
    receiver: Receiver<Outcome>,
    running: usize,
    ctx: egui::Context,
}

impl Worker {
    /// A worker that calls `repaint` (from the job's thread) when a job is done, so the
    /// window wakes up to show the result.
    pub fn new(ctx: egui::Context) -> Worker {
        let (sender, receiver) = channel();
        Worker {
            sender,
            receiver,
            running: 0,
            ctx,
        }
    }

    /// Whether any job is still running.
    pub fn is_busy(&self) -> bool {
        self.running > 0
    }

    /// Reads `path` into a document selected through `filter`.
    pub fn load(&mut self, path: PathBuf, filter: Filter) {
        let job = move || {
            let result = load::load_path(&path)
                .map(|loaded| Box::new(Document::new(loaded, Source::File(path.clone()), &filter)));
            Outcome::Loaded { path, result }
        };
        self.spawn("load letter", job);
    }

    /// Shows the native open dialog.
    pub fn pick_file(&mut self, start_in: Option<PathBuf>) {
        let job = move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title("Open a letter")
                .add_filter("Letters and signer tables", &["json", "csv"])
                .add_filter("All files", &["*"]);
            if let Some(folder) = start_in {
                dialog = dialog.set_directory(folder);
            }
            let started = Instant::now();
            let picked = pollster::block_on(dialog.pick_file());
            Outcome::Picked(match picked {
                Some(handle) => Picked::File(handle.path().to_path_buf()),
                None if started.elapsed() < Duration::from_millis(DIALOG_MINIMUM_MILLIS) => {
                    Picked::Unavailable
                }
                None => Picked::Cancelled,
            })
        };
        self.spawn("file dialog", job);
    }

    fn spawn(&mut self, name: &str, job: impl FnOnce() -> Outcome + Send + 'static) {
        let (sender, ctx) = (self.sender.clone(), self.ctx.clone());
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // The receiver only goes away with the window, when nobody waits for the answer.
                let _ = sender.send(job());
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.running += 1;
        }
    }

    /// Everything that finished since the last call.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let done: Vec<Outcome> = self.receiver.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }
}

impl Worker {
    /// The context the worker wakes up when a job is done.
    pub fn ctx(&self) -> egui::Context {
        self.ctx.clone()
    }
}
