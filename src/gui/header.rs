//! The letter's title, date, organisation, recipients and source, and the count line.

use super::document::Document;
use crate::model::{Party, Role};
use crate::text::{grouped, plural};
use egui::RichText;

/// The count line: "25 signers · 22 D · 3 R · 4 leads", or "Showing 9 of 25 signers · …" under a filter.
pub fn count_line(document: &Document, is_filtered: bool) -> String {
    let tally = &document.selection.tally;
    let total = document.letter.signers.len();
    let noun = plural(total, "signer", "signers");
    let mut parts = vec![if is_filtered {
        format!(
            "Showing {} of {} {noun}",
            grouped(tally.total),
            grouped(total)
        )
    } else {
        format!("{} {noun}", grouped(total))
    }];
    parts.extend(tally.parties_by_count().into_iter().map(|(party, n)| {
        let code = document.letter.parties.code(party);
        if party == Party::UNKNOWN {
            format!("{} with no party", grouped(n))
        } else {
            format!("{} {code}", grouped(n))
        }
    }));
    let leads = tally.role(Role::Lead);
    parts.push(format!(
        "{} {}",
        grouped(leads),
        plural(leads, "lead", "leads")
    ));
    parts.join(" · ")
}

/// Draws the header.
pub fn ui(ui: &mut egui::Ui, document: &Document, is_filtered: bool) {
    let info = &document.letter.info;
    ui.add_space(4.0);
    ui.add(egui::Label::new(RichText::new(&info.title).heading().strong()).wrap());
    ui.horizontal_wrapped(|ui| {
        let mut facts: Vec<String> = Vec::new();
        if let Some(date) = info.date {
            facts.push(date.long());
        }
        if let Some(organization) = &info.organization {
            facts.push(organization.clone());
        }
        if !info.recipients.is_empty() {
            facts.push(format!("To {}", info.recipients.join(" and ")));
        }
        ui.label(RichText::new(facts.join("  ·  ")).weak());
        if let Some(url) = &info.source_url {
            ui.hyperlink_to("Source ↗", url).on_hover_text(url);
        }
    });
    ui.add_space(2.0);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(count_line(document, is_filtered))
                .strong()
                .size(15.0),
        );
        if let Some(goal) = &document.outreach().goal {
            ui.separator();
            let signers = document.letter.signers.len();
            let target = usize::try_from(goal.signers).unwrap_or(usize::MAX);
            let fraction = if target == 0 {
                1.0
            } else {
                (signers as f32 / target as f32).min(1.0)
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .fill(super::theme::MET)
                    .corner_radius(0)
                    .desired_width(120.0),
            );
            ui.label(goal_line(signers, target));
        }
    });
    ui.add_space(4.0);
}

/// "8 more to reach the goal of 10", or "Goal of 10 reached".
pub fn goal_line(signers: usize, goal: usize) -> String {
    match goal.checked_sub(signers).filter(|n| *n > 0) {
        Some(more) => format!(
            "{} more to reach the goal of {}",
            grouped(more),
            grouped(goal)
        ),
        None => format!("Goal of {} reached", grouped(goal)),
    }
}
