//! The open letter with everything derived from it that the panels read.

use crate::analysis::{
    Filter, SearchIndex, Selection, SignerCodes, Tally, select_among, select_with_codes,
};
use crate::edit::{Edit, History, SignerChange};
use crate::load::{Duplicate, Loaded, SAMPLE_NAME, SourceFormat, Warning};
use crate::model::Letter;
use crate::outreach::Outreach;
use crate::save::FileStamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where the open letter came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The letter built into the app.
    Sample,
    /// A file the user opened.
    File(PathBuf),
    /// A letter made in the app (from imported signers) that has no file yet.
    New,
}

/// A loaded letter, its search index and the current selection.
pub struct Document {
    /// The letter, shared with background work (sorting, exporting) that reads it while
    /// the window goes on; an edit copies it only if such work still holds it.
    pub letter: Arc<Letter>,
    /// Where it came from.
    pub source: Source,
    /// What the reader noticed.
    pub warnings: Vec<Warning>,
    /// The signers with the same name and state as an earlier one, as loaded.
    pub duplicates: Vec<Duplicate>,
    /// What kind of file it was read from.
    pub format: SourceFormat,
    /// Folded names, for searching as the user types and sorting by name.
    pub index: Arc<SearchIndex>,
    /// Each signer's party, state, chamber and role packed together, for re-filtering fast.
    pub codes: SignerCodes,
    /// The signers the filter lets through, and their counts.
    pub selection: Selection,
    /// Set by "Show them" in the load warnings: only the possible duplicates and the
    /// signers they repeat (positions in file order) are shown. Cleared by an edit, which
    /// moves positions.
    pub shown_only: Option<Vec<u32>>,
    /// Counts of every signer, whatever the filter: which values the filters offer.
    pub overall: Tally,
    /// Whether the letter has changes that are not saved.
    pub is_modified: bool,
    /// The file as it was when read or last saved, to notice another program changing it.
    pub stamp: Option<FileStamp>,
    /// The edits that can be undone and redone.
    pub history: History,
    /// The letter's outreach records, read once per edit (the loader checked they read).
    outreach: Arc<Outreach>,
    /// Changes with every edit of the signers (and differs between documents): what the
    /// roster's matches and the table's order are for. An outreach or demand edit leaves
    /// it, so a status click at a million signers neither re-matches nor re-sorts them.
    signers_revision: u64,
    /// Differs between documents: which one a background job was working for.
    id: u64,
    /// Changes with every edit and differs between documents, so panels that keep their own
    /// copy of the letter's text know when to drop it.
    edit_revision: u64,
    /// Changes every time the selection or the letter changes (and differs between documents),
    /// so panels know when to redo cached work.
    pub revision: u64,
}

/// Above this many signers, work over the whole letter (sorting, saving, the recovery
/// copy, roster matching, freeing it) runs on a thread so that no frame waits for it;
/// below, it takes milliseconds and runs between frames.
pub const BIG_LETTER_SIGNERS: usize = 20_000;

/// A number no other document state has had, so a cache keyed on it is never stale.
fn next_revision() -> u64 {
    static REVISION: AtomicU64 = AtomicU64::new(1);
    REVISION.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// What the reader noticed, as the status bar says it: "2 warnings · 150,113 possible
    /// duplicates"; `None` when it noticed nothing. The duplicates are counted apart, as
    /// the *Load warnings* window groups them: a petition with many repeated names is not
    /// a file with that many problems.
    pub fn load_notes(&self) -> Option<String> {
        let count = |n: usize, one: &'static str, many: &'static str| {
            (n > 0).then(|| {
                format!(
                    "{} {}",
                    crate::text::grouped(n),
                    crate::text::plural(n, one, many)
                )
            })
        };
        let parts: Vec<String> = [
            count(self.warnings.len(), "warning", "warnings"),
            count(
                self.duplicates.len(),
                "possible duplicate",
                "possible duplicates",
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// A document for `loaded`, selected through `filter`. Building the index is the slow part
    /// at a million signers, so loaders call this off the UI thread.
    pub fn new(loaded: Loaded, source: Source, filter: &Filter) -> Document {
        let index = SearchIndex::new(&loaded.letter);
        let codes = SignerCodes::new(&loaded.letter);
        let selection = select_with_codes(&loaded.letter, &codes, filter, Some(&index));
        let overall = if filter.is_empty() {
            selection.tally.clone()
        } else {
            select_with_codes(&loaded.letter, &codes, &Filter::default(), Some(&index)).tally
        };
        let outreach = Arc::new(Outreach::from_letter(&loaded.letter).unwrap_or_default());
        Document {
            overall,
            outreach,
            letter: Arc::new(loaded.letter),
            source,
            warnings: loaded.warnings,
            duplicates: loaded.duplicates,
            format: loaded.format,
            index: Arc::new(index),
            codes,
            selection,
            shown_only: None,
            is_modified: false,
            stamp: None,
            history: History::default(),
            id: next_revision(),
            edit_revision: next_revision(),
            signers_revision: next_revision(),
            revision: next_revision(),
        }
    }

    /// The bundled sample letter.
    pub fn sample(filter: &Filter) -> Document {
        let loaded = crate::load::load_bytes(
            Path::new(SAMPLE_NAME),
            crate::load::SAMPLE_JSON.as_bytes(),
            SourceFormat::Json,
        )
        .unwrap_or_else(|_| Loaded {
            letter: Letter::default(),
            warnings: Vec::new(),
            duplicates: Vec::new(),
            format: SourceFormat::Json,
        });
        Document::new(loaded, Source::Sample, filter)
    }

    /// Applies `filter` again, after it or the letter changed.
    pub fn refilter(&mut self, filter: &Filter) {
        self.selection = match &self.shown_only {
            Some(among) => {
                select_among(&self.letter, &self.codes, filter, Some(&self.index), among)
            }
            None => select_with_codes(&self.letter, &self.codes, filter, Some(&self.index)),
        };
        self.revision = next_revision();
    }

    /// Shows only the possible duplicates and the signers they repeat, or every signer
    /// again, through `filter`.
    pub fn show_only_duplicates(&mut self, is_only: bool, filter: &Filter) {
        self.shown_only = is_only.then(|| {
            let mut among: Vec<u32> = self
                .duplicates
                .iter()
                .flat_map(|d| [d.signer, d.first])
                .filter_map(|position| u32::try_from(position).ok())
                .collect();
            among.sort_unstable();
            among.dedup();
            among
        });
        self.refilter(filter);
    }

    /// Applies a change the user made, remembers it for undo, and redoes what depends on it.
    /// Returns whether it applied.
    pub fn edit(&mut self, edit: Edit, merge_key: Option<String>, filter: &Filter) -> bool {
        let change = edit.signer_change();
        let is_outreach = matches!(edit, Edit::Outreach { .. } | Edit::OutreachGoal { .. });
        if !self
            .history
            .apply(Arc::make_mut(&mut self.letter), edit, merge_key)
        {
            return false;
        }
        self.after_any_change(is_outreach, change, filter);
        true
    }

    /// An outreach edit changes no signer: the counts stay, only the records are read again
    /// (a click on a status at a million signers must not refilter them).
    fn after_any_change(
        &mut self,
        is_outreach: bool,
        change: Option<SignerChange>,
        filter: &Filter,
    ) {
        if is_outreach {
            self.is_modified = true;
            self.edit_revision = next_revision();
            self.outreach = Arc::new(Outreach::from_letter(&self.letter).unwrap_or_default());
        } else {
            self.after_change(change, filter);
        }
    }

    /// The letter's outreach records.
    pub fn outreach(&self) -> Arc<Outreach> {
        Arc::clone(&self.outreach)
    }

    /// Takes back the last edit.
    pub fn undo(&mut self, filter: &Filter) -> bool {
        let next = self.history.next_undo();
        let is_outreach = matches!(
            next,
            Some(Edit::Outreach { .. } | Edit::OutreachGoal { .. })
        );
        let change = next
            .and_then(Edit::signer_change)
            .map(SignerChange::reversed);
        if !self.history.undo(Arc::make_mut(&mut self.letter)) {
            return false;
        }
        self.after_any_change(is_outreach, change, filter);
        true
    }

    /// Makes the last undone edit again.
    pub fn redo(&mut self, filter: &Filter) -> bool {
        let next = self.history.next_redo();
        let is_outreach = matches!(
            next,
            Some(Edit::Outreach { .. } | Edit::OutreachGoal { .. })
        );
        let change = next.and_then(Edit::signer_change);
        if !self.history.redo(Arc::make_mut(&mut self.letter)) {
            return false;
        }
        self.after_any_change(is_outreach, change, filter);
        true
    }

    /// Brings the index, codes and counts up to date after an edit that made `change` to
    /// the signers (`None`: the demands changed). The index and codes follow the one signer
    /// that changed; they are rebuilt only if that does not fit.
    fn after_change(&mut self, change: Option<SignerChange>, filter: &Filter) {
        self.is_modified = true;
        if change.is_some() {
            self.signers_revision = next_revision();
        }
        self.shown_only = None;
        self.edit_revision = next_revision();
        if let Some(change) = change {
            let signer = if change.is_there {
                self.letter.signers.get(change.index)
            } else {
                None
            };
            let is_followed = Arc::make_mut(&mut self.index).apply_change(
                change.index,
                change.was_there,
                signer.map(|s| &*s.name),
            ) && self
                .codes
                .apply_change(change.index, change.was_there, signer);
            if !is_followed
                || !self.index.covers(self.letter.signers.len())
                || !self.codes.covers(self.letter.signers.len())
            {
                self.index = Arc::new(SearchIndex::new(&self.letter));
                self.codes = SignerCodes::new(&self.letter);
            }
        }
        self.refilter(filter);
        if change.is_some() {
            // Unfiltered, the selection's counts are the overall counts: one pass, not two.
            self.overall = if filter.is_empty() {
                self.selection.tally.clone()
            } else {
                select_with_codes(
                    &self.letter,
                    &self.codes,
                    &Filter::default(),
                    Some(&self.index),
                )
                .tally
            };
        }
    }

    /// Whether work over every signer goes to a thread: see [`BIG_LETTER_SIGNERS`].
    pub fn is_big(&self) -> bool {
        self.letter.signers.len() > BIG_LETTER_SIGNERS
    }

    /// This document, as it is now: its id and its edit revision. A save made on a thread
    /// compares it when it is done, to know whether the document changed meanwhile.
    pub fn version(&self) -> (u64, u64) {
        (self.id, self.edit_revision)
    }

    /// Changes with every edit, undo and redo: what the recovery file was last written for.
    pub fn edit_revision(&self) -> u64 {
        self.edit_revision
    }

    /// Changes when the signers change: see the field.
    pub fn signers_revision(&self) -> u64 {
        self.signers_revision
    }

    /// The JSON file that Save writes to: the file the letter came from, when it is a letter file.
    pub fn save_path(&self) -> Option<&Path> {
        match (&self.source, self.format) {
            (Source::File(path), SourceFormat::Json) => Some(path),
            _ => None,
        }
    }

    /// The file name to show in the title bar and status line.
    pub fn display_name(&self) -> String {
        match &self.source {
            Source::Sample => "Sample letter".to_owned(),
            Source::New => "New letter".to_owned(),
            Source::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}
