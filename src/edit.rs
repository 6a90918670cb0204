//! Changes to a letter that can be undone and redone.
//!
//! Every change replaces, inserts or removes one signer or one demand, so an edit stores
//! only that item before and after, not a copy of the letter: undo at a million signers
//! costs the same as at twenty-five.

use crate::model::{Demand, Letter, Signer};
use crate::outreach::{Goal, MemberOutreach, Outreach};

/// One change to a letter.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The signer at `index`: `None` before means it was added, `None` after that it was removed.
    Signer {
        /// Position in `letter.signers`.
        index: usize,
        /// The signer before the change.
        before: Option<Box<Signer>>,
        /// The signer after the change.
        after: Option<Box<Signer>>,
    },
    /// The demand at `index`, likewise.
    Demand {
        /// Position in `letter.demands`.
        index: usize,
        /// The demand before the change.
        before: Option<Box<Demand>>,
        /// The demand after the change.
        after: Option<Box<Demand>>,
    },
    /// The campaign's goal.
    OutreachGoal {
        /// The goal before the change.
        before: Option<Goal>,
        /// The goal after the change.
        after: Option<Goal>,
    },
    /// The outreach records of the member with `bioguide`: `None` is nothing recorded.
    Outreach {
        /// The member's bioguide id.
        bioguide: Box<str>,
        /// The records before the change.
        before: Option<Box<MemberOutreach>>,
        /// The records after the change.
        after: Option<Box<MemberOutreach>>,
    },
}

/// Where an edit changes the list of signers, for views that follow the change instead of
/// rebuilding from every signer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignerChange {
    /// Position in `letter.signers`.
    pub index: usize,
    /// Whether a signer was at `index` before (replaced or removed) or not (inserted).
    pub was_there: bool,
    /// Whether a signer is at `index` after (replaced or inserted) or not (removed).
    pub is_there: bool,
}

impl SignerChange {
    /// The change that undoing this one makes.
    pub fn reversed(self) -> SignerChange {
        SignerChange {
            was_there: self.is_there,
            is_there: self.was_there,
            ..self
        }
    }
}

impl Edit {
    /// Where this edit changes the signers; `None` for an edit of a demand.
    pub fn signer_change(&self) -> Option<SignerChange> {
        match self {
            Edit::Signer {
                index,
                before,
                after,
            } => Some(SignerChange {
                index: *index,
                was_there: before.is_some(),
                is_there: after.is_some(),
            }),
            Edit::Demand { .. } | Edit::Outreach { .. } | Edit::OutreachGoal { .. } => None,
        }
    }

    /// The edit that takes this one back.
    pub fn inverse(self) -> Edit {
        match self {
            Edit::Signer {
                index,
                before,
                after,
            } => Edit::Signer {
                index,
                before: after,
                after: before,
            },
            Edit::Demand {
                index,
                before,
                after,
            } => Edit::Demand {
                index,
                before: after,
                after: before,
            },
            Edit::Outreach {
                bioguide,
                before,
                after,
            } => Edit::Outreach {
                bioguide,
                before: after,
                after: before,
            },
            Edit::OutreachGoal { before, after } => Edit::OutreachGoal {
                before: after,
                after: before,
            },
        }
    }

    /// Makes the change. Returns whether it applied (the index was in range).
    pub fn apply(&self, letter: &mut Letter) -> bool {
        match self {
            Edit::Signer {
                index,
                before,
                after,
            } => apply_to(&mut letter.signers, *index, before.is_some(), after),
            Edit::Demand {
                index,
                before,
                after,
            } => apply_to(&mut letter.demands, *index, before.is_some(), after),
            Edit::Outreach {
                bioguide, after, ..
            } => {
                // The loader checked the records: they read.
                let Ok(mut outreach) = Outreach::from_letter(letter) else {
                    return false;
                };
                match after {
                    Some(member) => *outreach.member_mut(bioguide) = (**member).clone(),
                    None => {
                        outreach.members.remove(&bioguide.to_ascii_uppercase());
                    }
                }
                outreach.store(letter);
                true
            }
            Edit::OutreachGoal { after, .. } => {
                let Ok(mut outreach) = Outreach::from_letter(letter) else {
                    return false;
                };
                outreach.goal.clone_from(after);
                outreach.store(letter);
                true
            }
        }
    }
}

fn apply_to<T: Clone>(
    items: &mut Vec<T>,
    index: usize,
    had_item: bool,
    after: &Option<Box<T>>,
) -> bool {
    match (had_item, after) {
        (true, Some(item)) => match items.get_mut(index) {
            Some(slot) => {
                *slot = (**item).clone();
                true
            }
            None => false,
        },
        (true, None) if index < items.len() => {
            items.remove(index);
            true
        }
        (false, Some(item)) if index <= items.len() => {
            items.insert(index, (**item).clone());
            true
        }
        _ => false,
    }
}

/// What may be undone and redone.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Identifies the last edit when it may absorb the next one (typing in one note).
    merge_key: Option<String>,
}

impl History {
    /// Applies `edit` to `letter` and remembers it. An edit with the same `merge_key` as the
    /// one before it (the same note being typed) joins that one, so undo takes back the
    /// whole note at once. Returns whether the edit applied.
    pub fn apply(&mut self, letter: &mut Letter, edit: Edit, merge_key: Option<String>) -> bool {
        if !edit.apply(letter) {
            return false;
        }
        self.redo.clear();
        let merges = merge_key.is_some() && merge_key == self.merge_key;
        match (merges, self.undo.last_mut(), edit) {
            (
                true,
                Some(Edit::Demand {
                    after: last_after, ..
                }),
                Edit::Demand { after, .. },
            ) => *last_after = after,
            (
                true,
                Some(Edit::Signer {
                    after: last_after, ..
                }),
                Edit::Signer { after, .. },
            ) => *last_after = after,
            (
                true,
                Some(Edit::Outreach {
                    after: last_after,
                    bioguide: last_bioguide,
                    ..
                }),
                Edit::Outreach {
                    after, bioguide, ..
                },
            ) if *last_bioguide == bioguide => *last_after = after,
            (
                true,
                Some(Edit::OutreachGoal {
                    after: last_after, ..
                }),
                Edit::OutreachGoal { after, .. },
            ) => *last_after = after,
            (_, _, edit) => self.undo.push(edit),
        }
        self.merge_key = merge_key;
        true
    }

    /// Takes back the last edit. Returns whether there was one.
    pub fn undo(&mut self, letter: &mut Letter) -> bool {
        self.merge_key = None;
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        let inverse = edit.inverse();
        let applied = inverse.apply(letter);
        self.redo.push(inverse.inverse());
        applied
    }

    /// Makes the last undone edit again. Returns whether there was one.
    pub fn redo(&mut self, letter: &mut Letter) -> bool {
        self.merge_key = None;
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        let applied = edit.apply(letter);
        self.undo.push(edit);
        applied
    }

    /// The edit [`History::undo`] would take back.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    /// The edit [`History::redo`] would make again.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Ends typing into one field: the next edit starts a new undo step.
    pub fn break_merge(&mut self) {
        self.merge_key = None;
    }
}
