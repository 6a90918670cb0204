//! Changes to the open letter: the signer and demand forms, and every edit the panels ask
//! for, each one undoable through the document's history.

use super::DashboardApp;
use crate::edit::Edit;
use crate::gui::command::EditCommand;
use crate::gui::editor::{DemandForm, SignerForm};
use crate::outreach::MemberOutreach;
use crate::text::plural;

/// The forms open for editing a signer or a demand.
#[derive(Default)]
pub struct Editors {
    /// The signer form, while it is open.
    pub signer_form: Option<SignerForm>,
    /// The demand form, while it is open.
    pub demand_form: Option<DemandForm>,
}

impl DashboardApp {
    /// Does what an [`EditCommand`] asks.
    pub(super) fn apply_edit(&mut self, command: EditCommand) {
        match command {
            EditCommand::SetStatus { bioguide, status } => {
                self.edit_outreach(&bioguide, |m| m.status = status);
            }
            EditCommand::AddContact { bioguide, contact } => {
                self.edit_outreach(&bioguide, |m| {
                    m.log.push(*contact);
                    m.log.sort_by_key(|c| c.date);
                });
                self.status = Some("Added the contact to the log".to_owned());
            }
            EditCommand::SetFollowUp { bioguide, date } => {
                self.edit_outreach(&bioguide, |m| m.follow_up = date);
            }
            EditCommand::SetGoal(goal) => {
                let before = self.document.outreach().goal.clone();
                if before != goal {
                    self.edit(
                        Edit::OutreachGoal {
                            before,
                            after: goal,
                        },
                        Some("goal".to_owned()),
                    );
                }
            }
            EditCommand::SetDemandStatus { index, status } => {
                let Some(before) = self.document.letter.demands.get(index) else {
                    return;
                };
                if before.status != status {
                    let mut after = before.clone();
                    after.status = status;
                    let edit = Edit::Demand {
                        index,
                        before: Some(Box::new(before.clone())),
                        after: Some(Box::new(after)),
                    };
                    self.edit(edit, None);
                }
            }
            EditCommand::SetDemandNote { index, note } => {
                let Some(before) = self.document.letter.demands.get(index) else {
                    return;
                };
                let note = Some(note).filter(|n| !n.trim().is_empty());
                if before.note != note {
                    let mut after = before.clone();
                    after.note = note;
                    let edit = Edit::Demand {
                        index,
                        before: Some(Box::new(before.clone())),
                        after: Some(Box::new(after)),
                    };
                    self.edit(edit, Some(format!("note {index}")));
                }
            }
            EditCommand::Undo => {
                if self.document.undo(&self.filter) {
                    self.status = Some("Undone".to_owned());
                }
            }
            EditCommand::Redo => {
                if self.document.redo(&self.filter) {
                    self.status = Some("Redone".to_owned());
                }
            }
            EditCommand::EditSigner(None) => {
                self.editors.signer_form = Some(SignerForm::new_signer())
            }
            EditCommand::EditSigner(Some(index)) => {
                self.editors.signer_form = SignerForm::edit(&self.document.letter, index)
            }
            EditCommand::EditDemand(None) => {
                self.editors.demand_form = Some(DemandForm::new_demand())
            }
            EditCommand::EditDemand(Some(index)) => {
                self.editors.demand_form = DemandForm::edit(&self.document.letter, index)
            }
            EditCommand::CloseEditor => {
                self.editors.signer_form = None;
                self.editors.demand_form = None;
            }
            EditCommand::CommitSigner { index, draft } => {
                let letter = std::sync::Arc::make_mut(&mut self.document.letter);
                let before = index.and_then(|i| letter.signers.get(i)).cloned();
                let signer = draft.to_signer(letter, before.as_ref());
                let position = index.unwrap_or(letter.signers.len());
                self.status = Some(match index {
                    Some(_) => format!("Changed {}", signer.name),
                    None => format!("Added {}", signer.name),
                });
                let edit = Edit::Signer {
                    index: position,
                    before: before.map(Box::new),
                    after: Some(Box::new(signer)),
                };
                self.edit(edit, None);
                self.editors.signer_form = None;
            }
            EditCommand::RemoveSigner(index) => {
                let Some(before) = self.document.letter.signers.get(index).cloned() else {
                    return;
                };
                self.status = Some(format!("Removed {} (Undo puts them back)", before.name));
                self.edit(
                    Edit::Signer {
                        index,
                        before: Some(Box::new(before)),
                        after: None,
                    },
                    None,
                );
            }
            EditCommand::CommitDemand { index, demand } => {
                let before = index
                    .and_then(|i| self.document.letter.demands.get(i))
                    .cloned();
                let position = index.unwrap_or(self.document.letter.demands.len());
                self.status = Some(
                    if index.is_some() {
                        "Changed a demand"
                    } else {
                        "Added a demand"
                    }
                    .to_owned(),
                );
                self.edit(
                    Edit::Demand {
                        index: position,
                        before: before.map(Box::new),
                        after: Some(demand),
                    },
                    None,
                );
                self.editors.demand_form = None;
            }
            EditCommand::RemoveDemand(index) => {
                let Some(before) = self.document.letter.demands.get(index).cloned() else {
                    return;
                };
                self.status = Some("Removed a demand (Undo puts it back)".to_owned());
                self.edit(
                    Edit::Demand {
                        index,
                        before: Some(Box::new(before)),
                        after: None,
                    },
                    None,
                );
            }
            EditCommand::ChooseMember { signer, bioguide } => {
                let Some(before) = self.document.letter.signers.get(signer).cloned() else {
                    return;
                };
                let mut after = before.clone();
                after.bioguide = Some(bioguide.into());
                self.status = Some(format!("Matched {} by hand", before.name));
                self.edit(
                    Edit::Signer {
                        index: signer,
                        before: Some(Box::new(before)),
                        after: Some(Box::new(after)),
                    },
                    None,
                );
            }
        }
    }

    /// Changes the outreach records of the member with `bioguide` by `change`, as one edit;
    /// merged with the edit before it when `merge_key` is the same (one note being typed).
    fn edit_outreach(&mut self, bioguide: &str, change: impl FnOnce(&mut MemberOutreach)) {
        let outreach = self.document.outreach();
        let before = outreach.member(bioguide).cloned();
        let mut after = before.clone().unwrap_or_default();
        change(&mut after);
        if before.as_ref() == Some(&after) || (before.is_none() && after.is_empty()) {
            return;
        }
        let edit = Edit::Outreach {
            bioguide: bioguide.trim().to_ascii_uppercase().into(),
            before: before.map(Box::new),
            after: (!after.is_empty()).then(|| Box::new(after)),
        };
        self.edit(edit, None);
    }

    /// Adds imported rows to the open letter, one undoable edit each, skipping those it lists.
    pub(super) fn append_imported(&mut self, rows: &[crate::extract::Found]) {
        let mut parties = self.document.letter.parties.clone();
        let new =
            crate::extract::signers_to_append(&self.document.letter.signers, &mut parties, rows);
        std::sync::Arc::make_mut(&mut self.document.letter).parties = parties;
        let added = new.signers.len();
        for signer in new.signers {
            let index = self.document.letter.signers.len();
            self.edit(
                Edit::Signer {
                    index,
                    before: None,
                    after: Some(Box::new(signer)),
                },
                None,
            );
        }
        let skipped = new.already_listed.len();
        self.status = Some(match skipped {
            0 => format!("Added {added} {}", plural(added, "signer", "signers")),
            _ => format!(
                "Added {added} {}; {skipped} already listed",
                plural(added, "signer", "signers")
            ),
        });
    }

    fn edit(&mut self, edit: Edit, merge_key: Option<String>) {
        self.document.edit(edit, merge_key, &self.filter);
    }
}
