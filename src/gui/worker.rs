//! Slow work off the UI thread: reading letters and waiting on the file dialog.
//! Each job runs on its own thread and reports back through a channel; the window keeps
//! drawing, and the letter already open stays open until the new one is ready.

use super::command::ExportKind;
use super::document::{Document, Source};
use crate::analysis::{Filter, Selection};
use crate::export::{ExportFormat, Report, write_atomically, write_export};
use crate::load::{self, LoadError, Progress};
use crate::model::Letter;
use crate::roster::committees::Committees;
use crate::roster::{self, Roster};
use crate::save::FileStamp;
use std::path::PathBuf;
use std::sync::Arc;
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
        /// The document (`None` when the user cancelled), or why there is none.
        result: Result<Option<Box<Document>>, LoadError>,
    },
    /// The file dialog closed: with a file, cancelled, or unavailable.
    Picked(Picked),
    /// The save dialog for an export closed.
    SaveTo {
        /// What is to be written.
        kind: ExportKind,
        /// Where, if anywhere.
        picked: Picked,
    },
    /// The roster file dialog closed.
    PickedRoster(Picked),
    /// The dialog for a text to import signers from closed.
    PickedText(Picked),
    /// The dialog for a committee membership file closed.
    PickedCommittees(Picked),
    /// Committee seats were read (or could not be).
    CommitteesLoaded {
        /// The membership file asked for.
        path: PathBuf,
        /// The committees, or why there are none.
        result: Result<Box<Committees>, String>,
    },
    /// A roster was read (or could not be).
    RosterLoaded {
        /// The file asked for.
        path: PathBuf,
        /// The roster, or why there is none.
        result: Result<Box<Roster>, String>,
    },
    /// A letter was saved on a thread (or could not be).
    Saved {
        /// Where it was saved.
        path: PathBuf,
        /// Which document, and which version of it, was saved.
        version: (u64, u64),
        /// The file's stamp after writing, or why it could not be written.
        result: Result<Option<FileStamp>, String>,
    },
    /// An export was written (or could not be).
    Written {
        /// What was written, e.g. "HTML report".
        what: String,
        /// Where it went, or why it could not.
        result: Result<PathBuf, String>,
    },
}

/// What an export reads, taken when the user asked for it: later filters and edits do not
/// change a file being written.
pub struct ExportSnapshot {
    /// The letter (shared with the window).
    pub letter: Arc<Letter>,
    /// The filters that were on.
    pub filter: Filter,
    /// The signers they let through, and their counts.
    pub selection: Selection,
    /// When the export was asked for, as exports write it.
    pub generated_at: String,
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
    ///
    /// Returns the load's progress, which the window shows and through which it can cancel.
    pub fn load(&mut self, path: PathBuf, filter: Filter) -> Arc<Progress> {
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        let job = move || {
            // The stamp is taken before reading, so a change made while reading is noticed too.
            let stamp = FileStamp::of(&path);
            let result = load::load_path_with_progress(&path, &shared).map(|loaded| {
                // Indexing and counting a million signers is slow too: it stays on this thread.
                loaded.filter(|_| !shared.is_cancelled()).map(|loaded| {
                    let mut document = Document::new(loaded, Source::File(path.clone()), &filter);
                    document.stamp = stamp;
                    Box::new(document)
                })
            });
            Outcome::Loaded { path, result }
        };
        self.spawn("load letter", job);
        progress
    }

    /// Shows the native open dialog for a letter.
    pub fn pick_file(&mut self, start_in: Option<PathBuf>) {
        let filters = [
            ("Letters and signer tables", &["json", "csv"][..]),
            ("All files", &["*"][..]),
        ];
        self.pick_open("Open a letter", &filters, start_in, Outcome::Picked);
    }

    /// Shows the native open dialog for a roster file.
    pub fn pick_roster(&mut self, start_in: Option<PathBuf>) {
        let filters = [(
            "congress-legislators (JSON, YAML, CSV)",
            &["json", "yaml", "yml", "csv"][..],
        )];
        self.pick_open(
            "Import the roster of Congress",
            &filters,
            start_in,
            Outcome::PickedRoster,
        );
    }

    /// Shows the native open dialog for a committee membership file.
    pub fn pick_committees(&mut self, start_in: Option<PathBuf>) {
        let filters = [("committee-membership-current.yaml", &["yaml", "yml"][..])];
        self.pick_open(
            "Import committee seats",
            &filters,
            start_in,
            Outcome::PickedCommittees,
        );
    }

    /// Reads the committee seats at `path` (and the names beside it); with `keep_in`, also
    /// keeps a copy of both files in that folder for the next start.
    pub fn load_committees(&mut self, path: PathBuf, keep_in: Option<PathBuf>) {
        let job = move || {
            let result = Committees::load_path(&path)
                .map_err(|e| e.to_string())
                .and_then(|loaded| {
                    if let Some(folder) = keep_in {
                        keep_committee_files(&path, &folder)?;
                    }
                    Ok(Box::new(loaded))
                });
            Outcome::CommitteesLoaded { path, result }
        };
        self.spawn("load committees", job);
    }

    /// Shows the native open dialog for a text to find signers in.
    pub fn pick_text(&mut self, start_in: Option<PathBuf>) {
        let filters = [
            (
                "Text, Markdown or HTML",
                &["txt", "md", "markdown", "html", "htm"][..],
            ),
            ("All files", &["*"][..]),
        ];
        self.pick_open(
            "Import signers from a text",
            &filters,
            start_in,
            Outcome::PickedText,
        );
    }

    /// Shows an open dialog off the UI thread; `report` says what the answer is for.
    fn pick_open(
        &mut self,
        title: &str,
        filters: &[(&str, &[&str])],
        start_in: Option<PathBuf>,
        report: fn(Picked) -> Outcome,
    ) {
        let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
        for (name, extensions) in filters {
            dialog = dialog.add_filter(*name, extensions);
        }
        if let Some(folder) = start_in {
            dialog = dialog.set_directory(folder);
        }
        let job = move || {
            let started = Instant::now();
            let picked = pollster::block_on(dialog.pick_file());
            report(match picked {
                Some(handle) => Picked::File(handle.path().to_path_buf()),
                None if started.elapsed() < Duration::from_millis(DIALOG_MINIMUM_MILLIS) => {
                    Picked::Unavailable
                }
                None => Picked::Cancelled,
            })
        };
        self.spawn("file dialog", job);
    }

    /// Reads the roster at `path`; with `keep_at`, also keeps a copy there for the next start.
    pub fn load_roster(&mut self, path: PathBuf, keep_at: Option<PathBuf>) {
        let job = move || {
            let result = roster::load_path(&path)
                .map_err(|e| e.to_string())
                .and_then(|loaded| {
                    if let Some(copy) = keep_at {
                        if let Some(folder) = copy.parent() {
                            std::fs::create_dir_all(folder)
                                .map_err(|e| format!("{}: {e}", folder.display()))?;
                        }
                        roster::save_path(&loaded, &copy).map_err(|e| e.to_string())?;
                    }
                    Ok(Box::new(loaded))
                });
            Outcome::RosterLoaded { path, result }
        };
        self.spawn("load roster", job);
    }

    /// Shows the native save dialog for an export, proposing `file_name` in `start_in`.
    pub fn pick_save_path(
        &mut self,
        kind: ExportKind,
        file_name: String,
        start_in: Option<PathBuf>,
    ) {
        let job = move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title(match kind {
                    ExportKind::Letter => "Save the letter as".to_owned(),
                    _ => format!("Export {}", kind.label()),
                })
                .set_file_name(file_name)
                .add_filter(kind.label(), &[kind.extension()]);
            if let Some(folder) = start_in {
                dialog = dialog.set_directory(folder);
            }
            let started = Instant::now();
            let picked = pollster::block_on(dialog.save_file());
            let picked = match picked {
                Some(handle) => Picked::File(handle.path().to_path_buf()),
                None if started.elapsed() < Duration::from_millis(DIALOG_MINIMUM_MILLIS) => {
                    Picked::Unavailable
                }
                None => Picked::Cancelled,
            };
            Outcome::SaveTo { kind, picked }
        };
        self.spawn("save dialog", job);
    }

    /// Writes `bytes` to `path` atomically: the file is either the new one or as it was.
    pub fn write_file(&mut self, path: PathBuf, bytes: Vec<u8>, what: String) {
        let job = move || {
            let result = write_atomically(&path, |out| out.write_all(&bytes))
                .map(|()| path.clone())
                .map_err(|e| e.to_string());
            Outcome::Written { what, result }
        };
        self.spawn("write export", job);
    }

    /// Renders an export of `selection` and writes it to `path`, both on a background
    /// thread: an HTML report of a million signers takes a while, and the window goes on.
    /// The letter is shared, not copied; an edit meanwhile copies it (see `Document`).
    pub fn export(&mut self, path: PathBuf, format: ExportFormat, snapshot: ExportSnapshot) {
        let job = move || {
            let report = Report {
                letter: &snapshot.letter,
                filter: &snapshot.filter,
                selection: &snapshot.selection,
                generated_at: &snapshot.generated_at,
            };
            let result = write_atomically(&path, |out| write_export(out, format, &report))
                .map(|()| path.clone())
                .map_err(|e| e.to_string());
            Outcome::Written {
                what: format.label().to_owned(),
                result,
            }
        };
        self.spawn("export", job);
    }

    /// Saves `letter` to `path` (keeping a backup, atomically) on a background thread.
    /// `version` (the document's id and edit revision) comes back with the outcome, so the
    /// window knows whether what it shows now is what was saved.
    pub fn save(&mut self, path: PathBuf, letter: Arc<Letter>, version: (u64, u64)) {
        let job = move || {
            let result = crate::save::save_letter(&path, &letter).map_err(|e| e.to_string());
            Outcome::Saved {
                path,
                version,
                result,
            }
        };
        self.spawn("save letter", job);
    }

    /// A callback for [`egui::Context::request_screenshot`] that encodes the picture as PNG and
    /// writes it to `path` on a background thread.
    pub fn screenshot_writer(
        &mut self,
        path: PathBuf,
    ) -> impl FnOnce(Arc<egui::ColorImage>) + Send + 'static {
        self.running += 1;
        let (sender, ctx) = (self.sender.clone(), self.ctx.clone());
        move |image: Arc<egui::ColorImage>| {
            let job = move || {
                let result = encode_png(&image)
                    .and_then(|png| {
                        write_atomically(&path, |out| out.write_all(&png))
                            .map_err(|e| e.to_string())
                    })
                    .map(|()| path.clone());
                let _ = sender.send(Outcome::Written {
                    what: ExportKind::Picture.label().to_owned(),
                    result,
                });
                ctx.request_repaint();
            };
            if std::thread::Builder::new()
                .name("write picture".into())
                .spawn(job)
                .is_err()
            {
                // Without a thread the picture is lost; the running count stays up so the
                // status says "Working…" rather than pretending it was written.
            }
        }
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

/// The picture as PNG bytes.
fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let (Ok(width), Ok(height)) = (u32::try_from(width), u32::try_from(height)) else {
        return Err("the picture is too large".to_owned());
    };
    let buffer =
        image::RgbaImage::from_raw(width, height, rgba).ok_or("the picture is incomplete")?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| format!("cannot encode the picture: {e}"))?;
    Ok(png)
}

/// The name of the kept membership file in the app's data folder.
pub const KEPT_MEMBERSHIP: &str = "committee-membership-current.yaml";

/// Copies the membership file, and `committees-current.yaml` when it sits beside it, into
/// `folder` under their published names, each atomically.
fn keep_committee_files(
    membership: &std::path::Path,
    folder: &std::path::Path,
) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let names = membership
        .parent()
        .map(|f| f.join("committees-current.yaml"));
    let copies = [
        (Some(membership.to_path_buf()), KEPT_MEMBERSHIP),
        (names.filter(|n| n.is_file()), "committees-current.yaml"),
    ];
    for (from, name) in copies {
        let Some(from) = from else { continue };
        let to = folder.join(name);
        if from == to {
            continue;
        }
        let bytes = crate::input::read(&from, crate::input::Limit::ROSTER)
            .map_err(|e| format!("{}: {e}", from.display()))?;
        write_atomically(&to, |out| out.write_all(&bytes)).map_err(|e| e.to_string())?;
    }
    Ok(())
}
