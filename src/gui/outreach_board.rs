//! *Not signed yet* as the outreach board: the members who have not signed, each with where
//! asking them has got, filtered by status and by a follow-up that is due; a member's
//! status set in one click, and their contact log and follow-up in the panel beside.

use super::command::{Command, EditCommand, ExportCommand, ExportKind};
use super::document::Document;
use super::roster_panel::RosterState;
use super::theme;
use crate::model::{Date, Party, normalise_known};
use crate::outreach::{Channel, Contact, Goal, Outreach, Status, count_by_status};
use crate::roster::committees::{CommitteeId, Committees, Side, keep_members_of};
use crate::text::{grouped, plural};
use egui::RichText;
use egui_extras::{Column, TableBuilder};
use std::collections::BTreeSet;

/// The side panel's width, beside the table.
const DETAIL_WIDTH_POINTS: f32 = 300.0;

/// The board's own state: its filters, the member open beside the table, and the contact
/// being written.
#[derive(Default)]
pub struct OutreachBoard {
    /// Only these statuses; all when empty.
    statuses: BTreeSet<Status>,
    /// Only members whose follow-up is due.
    is_due_only: bool,
    /// Only members of this committee or subcommittee (its thomas_id), chair first.
    committee: Option<String>,
    /// The member shown beside the table, by bioguide id.
    selected: Option<String>,
    /// The contact being written for the selected member.
    draft: ContactDraft,
}

/// A contact as typed.
#[derive(Default)]
struct ContactDraft {
    date: String,
    channel: Channel,
    staff: String,
    note: String,
    follow_up: String,
    for_member: Option<String>,
}

impl OutreachBoard {
    /// The member open beside the table.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Draws the board; status changes, contacts and follow-ups become commands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &RosterState,
        committees: Option<&Committees>,
        document: &Document,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let outreach = document.outreach();
        let today = Date::today();
        let bioguide_of =
            |t: &crate::roster::Target| state.roster.member(t.member).map(|m| &*m.bioguide);
        // Counts over every target the global filters show, before the board's own.
        let mut counts = [0_usize; Status::ALL.len()];
        let mut due = 0;
        for target in &state.targets {
            let Some(bioguide) = bioguide_of(target) else {
                continue;
            };
            let status = outreach.status(bioguide);
            if let Some(slot) = Status::ALL
                .iter()
                .position(|s| *s == status)
                .and_then(|i| counts.get_mut(i))
            {
                *slot += 1;
            }
            due += usize::from(outreach.member(bioguide).is_some_and(|m| m.is_due(today)));
        }
        let mut shown: Vec<&crate::roster::Target> = state
            .targets
            .iter()
            .filter(|t| {
                let Some(bioguide) = bioguide_of(t) else {
                    return false;
                };
                (self.statuses.is_empty() || self.statuses.contains(&outreach.status(bioguide)))
                    && (!self.is_due_only
                        || outreach.member(bioguide).is_some_and(|m| m.is_due(today)))
            })
            .collect();
        let committee = committees
            .zip(self.committee.as_deref())
            .and_then(|(c, id)| Some((c, c.find(id)?)));
        if let Some((committees, committee)) = committee {
            keep_members_of(&mut shown, &state.roster, committees, committee);
        }
        commands.extend(goal_ui(ui, &outreach, document));
        ui.horizontal_wrapped(|ui| {
            let n = state.targets.len();
            ui.label(
                RichText::new(format!(
                    "{} {} not signed yet",
                    grouped(n),
                    plural(n, "member has", "members have")
                ))
                .strong(),
            );
            ui.separator();
            if ui
                .selectable_label(self.statuses.is_empty() && !self.is_due_only, "All")
                .clicked()
            {
                self.statuses.clear();
                self.is_due_only = false;
            }
            for (status, count) in Status::ALL.into_iter().zip(counts) {
                let text = RichText::new(format!("{} {}", status.label(), grouped(count)))
                    .color(theme::status_colour(status));
                if ui
                    .selectable_label(self.statuses.contains(&status), text)
                    .clicked()
                    && !self.statuses.remove(&status)
                {
                    self.statuses.insert(status);
                }
            }
            let due_text = format!("Follow-up due {}", grouped(due));
            let due_label = if due > 0 {
                RichText::new(due_text).color(theme::WARNING)
            } else {
                RichText::new(due_text)
            };
            if ui
                .selectable_label(self.is_due_only, due_label)
                .on_hover_text("Members whose follow-up is today or past")
                .clicked()
            {
                self.is_due_only = !self.is_due_only;
            }
            if let Some(committees) = committees {
                self.committee_filter_ui(ui, committees);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(n > 0, egui::Button::new("Export targets CSV…"))
                    .clicked()
                {
                    commands.push(ExportCommand::AskWhere(ExportKind::Targets).into());
                }
            });
        });
        breakdown_ui(ui, state, &outreach);
        if shown.is_empty() {
            ui.add_space(12.0);
            ui.vertical_centered(|ui| {
                let text = if state.targets.is_empty() {
                    "Every member the filters show has signed."
                } else {
                    "No member the filters show has this status."
                };
                ui.label(RichText::new(text).weak());
            });
            return commands;
        }
        egui::ScrollArea::horizontal()
            .id_salt("outreach-sideways")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let view = TableView {
                    state,
                    committees,
                    document,
                    outreach: &outreach,
                    today,
                };
                self.table_ui(ui, &view, &shown);
            });
        commands
    }

    /// The selected member's outreach, as the window's right-hand panel (in place of the
    /// demands, for the height a log needs): nothing when no member is selected.
    pub fn detail_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &RosterState,
        committees: Option<&Committees>,
        document: &Document,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let member = self
            .selected
            .as_deref()
            .and_then(|b| state.roster.by_bioguide(b))
            .and_then(|id| state.roster.member(id));
        let Some(member) = member else {
            return commands;
        };
        let outreach = document.outreach();
        egui::Panel::right("outreach-detail")
            .default_size(DETAIL_WIDTH_POINTS)
            .min_size(240.0)
            .max_size(520.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("outreach-detail-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        commands.extend(self.detail_ui(ui, member, &outreach, Date::today()));
                        if let Some(committees) = committees {
                            seats_ui(ui, committees, &member.bioguide);
                        }
                    });
            });
        commands
    }

    /// "All committees", or one committee or subcommittee to work through.
    fn committee_filter_ui(&mut self, ui: &mut egui::Ui, committees: &Committees) {
        let selected = self
            .committee
            .as_deref()
            .and_then(|id| committees.find(id))
            .map_or_else(
                || "All committees".to_owned(),
                |c| committee_label(committees, c),
            );
        let mut ids = committees.ids();
        ids.sort_by(|a, b| {
            committees
                .committee(*a)
                .id
                .cmp(&committees.committee(*b).id)
        });
        let label = ui.label("Committee");
        egui::ComboBox::from_id_salt("board-committee")
            .selected_text(selected)
            .width(220.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(self.committee.is_none(), "All committees")
                    .clicked()
                {
                    self.committee = None;
                }
                for id in ids {
                    let committee = committees.committee(id);
                    let is_selected = self.committee.as_deref() == Some(&*committee.id);
                    if ui
                        .selectable_label(is_selected, committee_label(committees, id))
                        .clicked()
                    {
                        self.committee = Some(committee.id.to_string());
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Only the members of a committee, chair and ranking member first");
    }

    fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &TableView<'_>,
        shown: &[&crate::roster::Target],
    ) {
        let TableView {
            state,
            committees,
            document,
            outreach,
            today,
        } = *view;
        let mut clicked = None;
        // A click anywhere on a row opens the member: labels that select text would take it.
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            .id_salt("targets-table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(180.0).at_least(120.0).clip(true))
            .column(Column::exact(48.0))
            .column(Column::exact(64.0))
            .column(Column::exact(92.0))
            .column(Column::exact(96.0))
            .column(Column::exact(110.0))
            .columns(
                Column::initial(200.0).at_least(80.0).clip(true),
                usize::from(committees.is_some()),
            )
            .column(Column::remainder().at_least(120.0).clip(true))
            .auto_shrink([false, false])
            .header(22.0, |mut header| {
                let titles = ["Member", "Party", "Seat", "Status", "Follow-up", "Phone"];
                let committees_title = committees.map(|_| "Committees");
                for title in titles.into_iter().chain(committees_title).chain(["Office"]) {
                    header.col(|ui| {
                        ui.label(RichText::new(title).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(theme::TABLE_ROW_HEIGHT_POINTS, shown.len(), |mut row| {
                    let Some(target) = shown.get(row.index()) else {
                        return;
                    };
                    let Some(member) = state.roster.member(target.member) else {
                        return;
                    };
                    let record = outreach.member(&member.bioguide);
                    row.set_selected(self.selected.as_deref() == Some(&*member.bioguide));
                    row.col(|ui| {
                        let label = ui.label(member.display_name());
                        if !target.maybe_signed_as.is_empty() {
                            let names: Vec<&str> = target
                                .maybe_signed_as
                                .iter()
                                .filter_map(|&p| document.letter.signers.get(p as usize))
                                .map(|s| &*s.name)
                                .collect();
                            label.on_hover_text(format!("May have signed as {}", names.join(", ")));
                        }
                    });
                    row.col(|ui| {
                        let colour = normalise_known(&member.party)
                            .map_or(theme::party_colour(Party::UNKNOWN), theme::party_colour);
                        ui.label(RichText::new(&*member.party).strong().color(colour));
                    });
                    row.col(|ui| {
                        ui.label(member.seat_label());
                    });
                    row.col(|ui| {
                        let status = outreach.status(&member.bioguide);
                        ui.label(RichText::new(status.label()).color(theme::status_colour(status)));
                    });
                    row.col(|ui| match record.and_then(|r| r.follow_up) {
                        Some(date) if date <= today => {
                            ui.label(RichText::new(format!("⚠ {date}")).color(theme::WARNING))
                                .on_hover_text("Due");
                        }
                        Some(date) => {
                            ui.label(date.to_string());
                        }
                        None => {
                            ui.label(RichText::new("—").weak());
                        }
                    });
                    row.col(|ui| {
                        ui.label(member.phone.as_deref().unwrap_or("—"));
                    });
                    if let Some(committees) = committees {
                        row.col(|ui| {
                            let seats = committees.describe(&member.bioguide);
                            if seats.is_empty() {
                                ui.label(RichText::new("—").weak());
                            } else {
                                ui.label(&seats).on_hover_text(&seats);
                            }
                        });
                    }
                    row.col(|ui| {
                        ui.label(member.address.as_deref().unwrap_or("—"));
                    });
                    if row.response().clicked() {
                        clicked = Some(member.bioguide.to_string());
                    }
                });
            });
        if let Some(bioguide) = clicked {
            self.selected = if self.selected.as_deref() == Some(&*bioguide) {
                None
            } else {
                Some(bioguide)
            };
        }
    }

    /// The selected member: status in one click, follow-up, the log and a new contact.
    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        member: &crate::roster::Member,
        outreach: &Outreach,
        today: Date,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let bioguide = member.bioguide.to_string();
        let record = outreach.member(&bioguide);
        if self.draft.for_member.as_deref() != Some(&*bioguide) {
            self.draft = ContactDraft {
                date: today.to_string(),
                follow_up: record
                    .and_then(|r| r.follow_up)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                for_member: Some(bioguide.clone()),
                ..ContactDraft::default()
            };
        }
        ui.horizontal(|ui| {
            ui.heading(member.display_name());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Close").clicked() {
                    self.selected = None;
                }
            });
        });
        ui.label(
            RichText::new(format!(
                "{} · {}",
                member.seat_label(),
                member.phone.as_deref().unwrap_or("no phone")
            ))
            .weak(),
        );
        ui.add_space(6.0);
        ui.label(RichText::new("Status").strong());
        ui.horizontal_wrapped(|ui| {
            let current = outreach.status(&bioguide);
            for status in Status::ALL {
                let text = RichText::new(status.label()).color(theme::status_colour(status));
                if ui.selectable_label(current == status, text).clicked() && current != status {
                    commands.push(
                        EditCommand::SetStatus {
                            bioguide: bioguide.clone(),
                            status,
                        }
                        .into(),
                    );
                }
            }
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new("Follow up on").strong());
            let field = egui::TextEdit::singleline(&mut self.draft.follow_up)
                .hint_text("YYYY-MM-DD")
                .desired_width(100.0);
            let response = ui.add(field).labelled_by(label.id);
            let text = self.draft.follow_up.trim();
            let parsed = if text.is_empty() {
                Some(None)
            } else {
                text.parse::<Date>().ok().map(Some)
            };
            match parsed {
                Some(date) if response.lost_focus() && date != record.and_then(|r| r.follow_up) => {
                    commands.push(
                        EditCommand::SetFollowUp {
                            bioguide: bioguide.clone(),
                            date,
                        }
                        .into(),
                    );
                }
                None => {
                    ui.label(RichText::new("expected YYYY-MM-DD").color(theme::WARNING));
                }
                Some(_) => {}
            }
        });
        ui.separator();
        ui.label(RichText::new("Contact log").strong());
        let log = record.map_or(&[][..], |r| r.log.as_slice());
        if log.is_empty() {
            ui.label(RichText::new("No contact yet.").weak());
        }
        egui::ScrollArea::vertical()
            .id_salt("contact-log")
            .max_height(180.0)
            .show(ui, |ui| {
                for contact in log.iter().rev() {
                    let who = contact
                        .staff
                        .as_deref()
                        .map(|s| format!(" · {s}"))
                        .unwrap_or_default();
                    ui.label(
                        RichText::new(format!(
                            "{} · {}{who}",
                            contact.date,
                            contact.channel.label()
                        ))
                        .strong(),
                    );
                    if let Some(note) = &contact.note {
                        ui.add(egui::Label::new(note).wrap());
                    }
                    ui.add_space(4.0);
                }
            });
        ui.separator();
        ui.label(RichText::new("Add a contact").strong());
        let date = self.draft.date.trim().parse::<Date>().ok();
        egui::Grid::new("new-contact")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Date");
                let field = egui::TextEdit::singleline(&mut self.draft.date)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0);
                ui.add(field).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("How");
                egui::ComboBox::from_id_salt("contact-channel")
                    .selected_text(self.draft.channel.label())
                    .show_ui(ui, |ui| {
                        for channel in Channel::ALL {
                            ui.selectable_value(&mut self.draft.channel, channel, channel.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Staff");
                let field = egui::TextEdit::singleline(&mut self.draft.staff)
                    .hint_text("Name, title")
                    .desired_width(180.0);
                ui.add(field).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Note");
                let field = egui::TextEdit::multiline(&mut self.draft.note)
                    .desired_rows(2)
                    .desired_width(180.0);
                ui.add(field).labelled_by(label.id);
                ui.end_row();
            });
        if date.is_none() {
            ui.label(RichText::new("The date is expected as YYYY-MM-DD").color(theme::WARNING));
        }
        if ui
            .add_enabled(date.is_some(), egui::Button::new("Add to the log"))
            .clicked()
            && let Some(date) = date
        {
            let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
            let contact = Contact {
                date,
                channel: self.draft.channel,
                staff: text(&self.draft.staff),
                note: text(&self.draft.note),
                extra: crate::model::Extra::new(),
            };
            commands.push(
                EditCommand::AddContact {
                    bioguide: bioguide.clone(),
                    contact: Box::new(contact),
                }
                .into(),
            );
            self.draft.note.clear();
        }
        commands
    }
}

/// The goal: how many more signers it needs, with a bar, and a field to set it.
fn goal_ui(ui: &mut egui::Ui, outreach: &Outreach, document: &Document) -> Option<Command> {
    let mut command = None;
    let signers = u32::try_from(document.letter.signers.len()).unwrap_or(u32::MAX);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Goal").strong());
        let mut goal = outreach.goal.as_ref().map_or(0, |g| g.signers);
        let response = ui
            .add(
                egui::DragValue::new(&mut goal)
                    .range(0..=100_000)
                    .suffix(" signers"),
            )
            .on_hover_text("How many signers the campaign aims for; 0 for no goal");
        if response.changed() {
            let label = outreach.goal.as_ref().and_then(|g| g.label.clone());
            command = Some(
                EditCommand::SetGoal((goal > 0).then_some(Goal {
                    signers: goal,
                    label,
                }))
                .into(),
            );
        }
        if let Some(goal) = &outreach.goal {
            let more = goal.signers.saturating_sub(signers);
            let text = if more == 0 {
                format!(
                    "reached: {} of {}",
                    grouped(signers as usize),
                    grouped(goal.signers as usize)
                )
            } else {
                format!(
                    "{} more to reach the goal ({} of {})",
                    grouped(more as usize),
                    grouped(signers as usize),
                    grouped(goal.signers as usize)
                )
            };
            let fraction = if goal.signers == 0 {
                1.0
            } else {
                (signers as f32 / goal.signers as f32).min(1.0)
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .fill(theme::MET)
                    .corner_radius(0)
                    .desired_width(160.0),
            );
            ui.label(text);
            if let Some(label) = &goal.label {
                ui.label(RichText::new(label).weak());
            }
        }
    });
    command
}

/// What the board's table reads.
#[derive(Clone, Copy)]
struct TableView<'a> {
    state: &'a RosterState,
    committees: Option<&'a Committees>,
    document: &'a Document,
    outreach: &'a Outreach,
    today: Date,
}

/// "HSFA — House Committee on Foreign Affairs"; a subcommittee's name after its id.
fn committee_label(committees: &Committees, id: CommitteeId) -> String {
    let committee = committees.committee(id);
    if *committee.name == *committee.id {
        committee.id.to_string()
    } else {
        format!("{} — {}", committee.id, committee.name)
    }
}

/// The member's committee seats, with rank and title.
fn seats_ui(ui: &mut egui::Ui, committees: &Committees, bioguide: &str) {
    ui.separator();
    ui.label(RichText::new("Committees").strong());
    let seats = committees.seats(bioguide);
    if seats.is_empty() {
        ui.label(RichText::new("No committee seat in the imported file.").weak());
    }
    for seat in seats {
        let committee = committees.committee(seat.committee);
        let mut line = committee_label(committees, seat.committee);
        if let Some(title) = &seat.title {
            line.push_str(&format!(" · {title}"));
        }
        if let (Some(rank), Some(side)) = (seat.rank, seat.side) {
            let side = match side {
                Side::Majority => "majority",
                Side::Minority => "minority",
            };
            line.push_str(&format!(" · {side} #{rank}"));
        }
        let text = RichText::new(line);
        ui.add(
            egui::Label::new(if committee.parent.is_some() {
                text.weak()
            } else {
                text
            })
            .wrap(),
        );
    }
}

/// "By party and state": how many of the members not signed yet are at each status, per
/// party and per state, from fixed arrays of counts.
fn breakdown_ui(ui: &mut egui::Ui, state: &RosterState, outreach: &Outreach) {
    egui::CollapsingHeader::new("By party and state")
        .id_salt("outreach-breakdown")
        .show(ui, |ui| {
            // Counted only while it is open, not on every frame of the board.
            let members: Vec<&crate::roster::Member> = state
                .targets
                .iter()
                .filter_map(|t| state.roster.member(t.member))
                .collect();
            let by_party =
                count_by_status(outreach, members.iter().map(|m| (&*m.party, &*m.bioguide)));
            let by_state = count_by_status(
                outreach,
                members.iter().map(|m| (m.state.code(), &*m.bioguide)),
            );
            egui::ScrollArea::vertical()
                .id_salt("outreach-breakdown-scroll")
                .max_height(160.0)
                .show(ui, |ui| {
                    egui::Grid::new("outreach-breakdown-grid")
                        .striped(true)
                        .num_columns(Status::ALL.len() + 1)
                        .show(ui, |ui| {
                            ui.label("");
                            for status in Status::ALL {
                                ui.label(
                                    RichText::new(status.label())
                                        .color(theme::status_colour(status))
                                        .small(),
                                );
                            }
                            ui.end_row();
                            for (name, counts) in by_party.iter().chain(by_state.iter()) {
                                ui.label(RichText::new(*name).strong());
                                for count in counts {
                                    ui.label(grouped(*count));
                                }
                                ui.end_row();
                            }
                        });
                });
        });
}
