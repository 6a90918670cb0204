//! The name search: every signer's folded name in one buffer, kept in step with each edit,
//! so that a search is one substring scan however many signers there are.

use crate::model::Letter;

/// The folded names of every signer in one buffer, so a search is one substring scan.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    folded: String,
    /// Where each signer's folded name ends in `folded` (exclusive of the separator).
    ends: Vec<u32>,
}

impl SearchIndex {
    /// Folds every name of `letter`.
    pub fn new(letter: &Letter) -> SearchIndex {
        let mut folded =
            String::with_capacity(letter.signers.iter().map(|s| s.name.len() + 1).sum());
        let mut ends = Vec::with_capacity(letter.signers.len());
        for signer in &letter.signers {
            crate::text::fold_into(&signer.name, &mut folded);
            ends.push(u32::try_from(folded.len()).unwrap_or(u32::MAX));
            folded.push('\n');
        }
        SearchIndex { folded, ends }
    }

    /// The folded name of the signer at `position`: lowercase, without accents.
    pub fn folded_name(&self, position: usize) -> &str {
        let start = match position.checked_sub(1) {
            Some(previous) => self.ends.get(previous).map_or(0, |&end| end as usize + 1),
            None => 0,
        };
        let end = self.ends.get(position).map_or(start, |&end| end as usize);
        self.folded.get(start..end).unwrap_or_default()
    }

    /// Whether the index was built for a letter of `signer_count` signers.
    pub fn covers(&self, signer_count: usize) -> bool {
        self.ends.len() == signer_count
    }

    /// Follows one change to the letter's signers, as [`crate::edit::Edit::Signer`] makes
    /// it: the signer at `position` was replaced by, or (when `was_there` is false) had
    /// inserted before it, the one named `name`; `name` `None` means it was removed. Moves
    /// the names after it along instead of folding every name again: a few milliseconds
    /// at a million signers instead of sixty. Returns false, changing nothing, when the
    /// change does not fit the index (the caller then builds it anew).
    pub fn apply_change(&mut self, position: usize, was_there: bool, name: Option<&str>) -> bool {
        let start = self.start_of(position);
        let mut folded = String::new();
        if let Some(name) = name {
            crate::text::fold_into(name, &mut folded);
            if folded.contains('\n') {
                return false;
            }
            folded.push('\n');
        }
        let removed_len = if was_there {
            match self.ends.get(position) {
                Some(&end) => end as usize + 1 - start,
                None => return false,
            }
        } else if position <= self.ends.len() {
            0
        } else {
            return false;
        };
        if u32::try_from(self.folded.len() + folded.len() - removed_len).is_err() {
            return false;
        }
        self.folded
            .replace_range(start..start + removed_len, &folded);
        let shift = |end: &mut u32| {
            *end = (*end as usize + folded.len() - removed_len) as u32;
        };
        match (was_there, name.is_some()) {
            (true, true) => {
                if let Some(end) = self.ends.get_mut(position) {
                    *end = (start + folded.len() - 1) as u32;
                }
                self.ends.iter_mut().skip(position + 1).for_each(shift);
            }
            (true, false) => {
                self.ends.remove(position);
                self.ends.iter_mut().skip(position).for_each(shift);
            }
            (false, true) => {
                self.ends
                    .insert(position, (start + folded.len() - 1) as u32);
                self.ends.iter_mut().skip(position + 1).for_each(shift);
            }
            (false, false) => {}
        }
        true
    }

    /// Where the folded name of the signer at `position` starts in `folded`.
    fn start_of(&self, position: usize) -> usize {
        match position.checked_sub(1) {
            Some(previous) => self
                .ends
                .get(previous)
                .map_or(self.folded.len(), |&end| end as usize + 1),
            None => 0,
        }
    }

    /// The positions, ascending, of the signers whose folded name contains the folded
    /// `query`.
    pub(super) fn matching(&self, query: &str) -> Vec<u32> {
        let needle = crate::text::fold(query.trim());
        let mut found = Vec::new();
        if needle.contains('\n') {
            return found;
        }
        let mut signer = 0usize;
        for start in memchr::memmem::find_iter(self.folded.as_bytes(), needle.as_bytes()) {
            while self
                .ends
                .get(signer)
                .is_some_and(|&end| (end as usize) < start + needle.len())
            {
                signer += 1;
            }
            let Ok(position) = u32::try_from(signer) else {
                break;
            };
            // A name can hold the query more than once.
            if signer < self.ends.len() && found.last() != Some(&position) {
                found.push(position);
            }
        }
        found
    }
}
