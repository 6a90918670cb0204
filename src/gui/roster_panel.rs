//! The roster of Congress in the window: who has not signed yet (the targets), coverage
//! of each party and delegation, and the roster check.

use super::command::{Command, EditCommand};
use super::document::Document;
use super::theme;
use crate::analysis::Filter;
use crate::model::Letter;
use crate::model::{Chamber, State};
use crate::roster::{
    Coverage, MatchResult, MatchStatus, Roster, RosterCheck, Target, check, coverage, match_letter,
    targets,
};
use crate::text::plural;
use egui::RichText;
use std::sync::{Arc, mpsc};

/// Matches of one version of the letter, and the roster check made from them.
struct Matched {
    matches: Vec<MatchResult>,
    report: RosterCheck,
}

impl Matched {
    fn new(letter: &Letter, roster: &Roster) -> Matched {
        let matches = match_letter(letter, roster);
        let report = check(letter, roster, &matches);
        Matched { matches, report }
    }
}

/// Matching running on a background thread, for one version of the letter.
struct MatchJob {
    edit_revision: u64,
    receiver: mpsc::Receiver<Matched>,
}

/// A loaded roster and what it says about the open letter.
pub struct RosterState {
    /// The roster, shared with the matching thread.
    pub roster: Arc<Roster>,
    /// One result per signer, in letter order.
    pub matches: Vec<MatchResult>,
    /// Signers no longer serving, party changes and vacancies, from `matches`.
    report: Option<RosterCheck>,
    matching: Option<MatchJob>,
    /// Coverage of the signers the filter shows.
    pub coverage: Option<Coverage>,
    /// Members who have not signed, among those the filter shows.
    pub targets: Vec<Target>,
    matched_for: Option<u64>,
    counted_for: Option<u64>,
}

impl RosterState {
    /// A roster not yet matched to any letter.
    pub fn new(roster: Roster) -> RosterState {
        RosterState {
            roster: Arc::new(roster),
            matches: Vec::new(),
            report: None,
            matching: None,
            coverage: None,
            targets: Vec::new(),
            matched_for: None,
            counted_for: None,
        }
    }

    /// Whether a big letter is being matched on a thread.
    pub fn is_matching(&self) -> bool {
        self.matching.is_some()
    }

    /// Matches the letter again after it changed (a big one on a thread, which wakes `ctx`
    /// when it is done), and counts again after the filter changed.
    pub fn refresh(&mut self, document: &Document, filter: &Filter, ctx: &egui::Context) {
        let revision = document.signers_revision();
        if let Some(job) = &self.matching {
            match job.receiver.try_recv() {
                Ok(matched) => {
                    let is_current = job.edit_revision == revision;
                    self.matching = None;
                    if is_current {
                        self.adopt(matched, revision);
                    }
                }
                Err(mpsc::TryRecvError::Disconnected) => self.matching = None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        let is_asked = self.matching.as_ref().map(|job| job.edit_revision) == Some(revision);
        if self.matched_for != Some(revision) && !is_asked {
            // A big letter is matched on a thread (a million signers take more than a
            // second), keeping the last results until it is done.
            if !document.is_big() {
                self.adopt(Matched::new(&document.letter, &self.roster), revision);
            } else {
                let (letter, roster) = (Arc::clone(&document.letter), Arc::clone(&self.roster));
                let (sender, receiver) = mpsc::channel();
                let ctx = ctx.clone();
                let spawned = std::thread::Builder::new()
                    .name("match roster".to_owned())
                    .spawn(move || {
                        if sender.send(Matched::new(&letter, &roster)).is_ok() {
                            ctx.request_repaint();
                        }
                    });
                match spawned {
                    Ok(_) => {
                        self.matching = Some(MatchJob {
                            edit_revision: revision,
                            receiver,
                        });
                    }
                    Err(_) => self.adopt(Matched::new(&document.letter, &self.roster), revision),
                }
            }
        }
        // Counting waits for the letter's own matches: older ones may name other signers.
        if self.matched_for == Some(revision) && self.counted_for != Some(document.revision) {
            self.coverage = Some(coverage(
                &self.roster,
                &self.matches,
                &document.selection.rows,
            ));
            self.targets = targets(&self.roster, &self.matches, filter);
            self.counted_for = Some(document.revision);
        }
    }

    fn adopt(&mut self, matched: Matched, edit_revision: u64) {
        self.matches = matched.matches;
        self.report = Some(matched.report);
        self.matched_for = Some(edit_revision);
        self.counted_for = None;
    }

    /// "Roster as of …: House 25 of 435 members signed (6%) · Senate …": the coverage line.
    pub fn coverage_line(&self) -> String {
        let Some(coverage) = &self.coverage else {
            return String::new();
        };
        let mut parts = Vec::new();
        for chamber in Chamber::ALL {
            let count = coverage.chamber(chamber).total;
            if count.members == 0 {
                continue;
            }
            let mut part = format!(
                "{} {} of {} members signed ({})",
                chamber.label(),
                count.signed,
                count.members,
                percent(count.share())
            );
            let parties: Vec<String> = coverage
                .chamber(chamber)
                .by_party
                .iter()
                .filter(|(_, c)| c.members > 0)
                .map(|(code, c)| format!("{code} {}", percent(c.share())))
                .collect();
            if !parties.is_empty() {
                part.push_str(&format!(": {}", parties.join(", ")));
            }
            parts.push(part);
        }
        let as_of = self
            .roster
            .as_of()
            .map(|d| format!("Roster as of {d}"))
            .unwrap_or_else(|| "Roster".to_owned());
        format!("{as_of} · {}", parts.join(" · "))
    }

    /// "CA: 9 of 52 House members", for the map's tooltip.
    pub fn delegation_line(&self, state: State) -> Option<String> {
        let coverage = self.coverage.as_ref()?;
        let parts: Vec<String> = Chamber::ALL
            .iter()
            .map(|c| (c, coverage.chamber(*c).state(state)))
            .filter(|(_, count)| count.members > 0)
            .map(|(c, count)| {
                format!(
                    "{} of {} {} {}",
                    count.signed,
                    count.members,
                    c.label(),
                    plural(count.members, "member", "members")
                )
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The share of the state's delegation (both chambers) that signed.
    pub fn delegation_share(&self, state: State) -> Option<f32> {
        self.coverage.as_ref()?.state(state).share()
    }
}

/// "6%", or "—" for a group with no members.
pub fn percent(share: Option<f32>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| format!("{:.0}%", s * 100.0))
}

/// Signers who no longer serve, members whose party changed, and empty seats.
pub fn check_ui(ui: &mut egui::Ui, state: &RosterState, document: &Document) {
    let Some(report) = &state.report else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Matching the signers to the roster…");
        });
        return;
    };
    let counts: Vec<String> = [
        MatchStatus::Matched,
        MatchStatus::Ambiguous,
        MatchStatus::NotFound,
    ]
    .iter()
    .map(|status| {
        format!(
            "{} {}",
            state
                .matches
                .iter()
                .filter(|m| m.status() == *status)
                .count(),
            status.label().to_lowercase()
        )
    })
    .collect();
    ui.label(RichText::new(format!("Signers: {}", counts.join(", "))).strong());
    egui::ScrollArea::vertical()
        .id_salt("roster-check")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.label(
                RichText::new(format!(
                    "Not in the roster ({})",
                    crate::text::grouped(report.not_serving.len())
                ))
                .strong(),
            );
            for &position in &report.not_serving {
                if let Some(signer) = document.letter.signers.get(position as usize) {
                    let why = state
                        .matches
                        .get(position as usize)
                        .and_then(MatchResult::note)
                        .unwrap_or_default();
                    ui.label(format!("{}: {why}", signer.name));
                }
            }
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!(
                    "Party differs from the roster ({})",
                    report.party_changed.len()
                ))
                .strong(),
            );
            for changed in &report.party_changed {
                if let Some(signer) = document.letter.signers.get(changed.signer as usize) {
                    ui.label(format!(
                        "{}: {} in the letter, {} in the roster",
                        signer.name, changed.letter_party, changed.roster_party
                    ));
                }
            }
            ui.add_space(6.0);
            ui.label(RichText::new(format!("Vacant seats ({})", report.vacancies.len())).strong());
            let seats: Vec<String> = report.vacancies.iter().map(|s| s.label()).collect();
            if !seats.is_empty() {
                ui.label(seats.join(", "));
            }
        });
}

/// The match column of the signer table: a mark, its reason on hover, and for an ambiguous
/// signer the candidates to choose from.
pub fn match_cell_ui(ui: &mut egui::Ui, state: &RosterState, position: usize) -> Option<Command> {
    let result = state.matches.get(position)?;
    let mut command = None;
    match result {
        MatchResult::Matched {
            member,
            corrections,
            ..
        } => {
            let name = state
                .roster
                .member(*member)
                .map(|m| m.display_name())
                .unwrap_or_default();
            if corrections.is_empty() {
                ui.label(RichText::new("Matched").color(theme::MET))
                    .on_hover_text(name);
            } else {
                let notes: Vec<String> = corrections.iter().map(ToString::to_string).collect();
                ui.label(RichText::new("Check").color(theme::WARNING))
                    .on_hover_text(format!("{name}: {}", notes.join("; ")));
            }
        }
        MatchResult::Ambiguous { candidates, .. } => {
            let note = result.note().unwrap_or_default();
            ui.menu_button(RichText::new("Choose…").color(theme::WARNING), |ui| {
                ui.label(RichText::new(note).weak());
                for id in candidates {
                    let Some(member) = state.roster.member(*id) else {
                        continue;
                    };
                    let label = format!(
                        "{} ({}, {})",
                        member.display_name(),
                        member.party,
                        member.seat_label()
                    );
                    if ui.button(label).clicked() {
                        command = Some(
                            EditCommand::ChooseMember {
                                signer: position,
                                bioguide: member.bioguide.to_string(),
                            }
                            .into(),
                        );
                    }
                }
            });
        }
        MatchResult::NotFound { .. } => {
            ui.label(RichText::new("Not found").weak())
                .on_hover_text(result.note().unwrap_or_default());
        }
    }
    command
}
