//! The filters: a name search, party, chamber, role and state, each value with its count.

use super::command::{Command, FilterCommand};
use super::document::Document;
use super::theme;
use crate::analysis::Filter;
use crate::model::{Chamber, Role, State};
use egui::RichText;

/// The filter panel's own state: the search text as typed.
#[derive(Default)]
pub struct FiltersPanel {
    search: String,
    /// Set by Ctrl+F: the search box takes the keyboard focus on the next frame.
    pub focus_search: bool,
}

impl FiltersPanel {
    /// Draws the panel; every change becomes a command.
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, filter: &Filter) -> Vec<Command> {
        let mut commands = Vec::new();
        let facets = &document.selection.facets;

        ui.horizontal(|ui| {
            ui.heading("Filters");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(!filter.is_empty(), egui::Button::new("Clear filters"))
                    .clicked()
                {
                    commands.push(FilterCommand::Clear.into());
                }
            });
        });
        ui.add_space(4.0);

        let search_id = egui::Id::unique("signer-search");
        let has_focus = ui.memory(|m| m.has_focus(search_id));
        if !has_focus && self.search != filter.search {
            self.search.clone_from(&filter.search);
        }
        let label = ui.label(RichText::new("Search names").strong());
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut self.search)
                    .id(search_id)
                    .hint_text("Part of a name (Ctrl+F)")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus_search) {
            response.request_focus();
        }
        // egui's text box gives up the focus on Esc, so "was focused until this key" counts too.
        let is_escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if (response.has_focus() || response.lost_focus()) && is_escaped {
            self.search.clear();
        }
        if self.search != filter.search {
            commands.push(FilterCommand::SetSearch(self.search.clone()).into());
        }

        section(ui, "Party");
        for party in document.letter.parties.parties() {
            let code = document.letter.parties.code(party);
            let is_selected = filter.parties.contains(&code.to_ascii_uppercase());
            let count = facets.party(party);
            if !is_selected && document.overall.party(party) == 0 {
                continue;
            }
            let label = format!("{code}  {}", document.letter.parties.name(party));
            if value_row(
                ui,
                is_selected,
                &label,
                count,
                Some(theme::party_colour(party)),
            ) {
                commands.push(FilterCommand::ToggleParty(code.to_owned()).into());
            }
        }

        section(ui, "Chamber");
        ui.horizontal_wrapped(|ui| {
            if ui
                .selectable_label(filter.chamber.is_none(), "Both")
                .clicked()
            {
                commands.push(FilterCommand::SetChamber(None).into());
            }
            for chamber in Chamber::ALL {
                let text = format!(
                    "{} {}",
                    chamber.label(),
                    crate::text::grouped(facets.chamber(Some(chamber)))
                );
                if ui
                    .selectable_label(filter.chamber == Some(chamber), text)
                    .clicked()
                {
                    commands.push(FilterCommand::SetChamber(Some(chamber)).into());
                }
            }
        });

        section(ui, "Role");
        ui.horizontal_wrapped(|ui| {
            if ui.selectable_label(filter.role.is_none(), "Both").clicked() {
                commands.push(FilterCommand::SetRole(None).into());
            }
            for role in Role::ALL {
                let text = format!(
                    "{}s {}",
                    role.label(),
                    crate::text::grouped(facets.role(role))
                );
                if ui
                    .selectable_label(filter.role == Some(role), text)
                    .clicked()
                {
                    commands.push(FilterCommand::SetRole(Some(role)).into());
                }
            }
        });

        section(ui, "State");
        let mut states: Vec<State> = State::all().collect();
        states.push(State::UNKNOWN);
        let present: Vec<State> = states
            .into_iter()
            .filter(|s| document.overall.state(*s) > 0 || filter.states.contains(s.code()))
            .collect();
        if present.is_empty() {
            ui.label(RichText::new("No states in this letter").weak());
        }
        egui::ScrollArea::vertical()
            .id_salt("state-filter")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for state in present {
                    let is_selected = filter.states.contains(state.code());
                    let label = format!("{}  {}", state.code(), state.name());
                    if value_row(ui, is_selected, &label, facets.state(state), None) {
                        commands.push(FilterCommand::ToggleState(state).into());
                    }
                }
            });
        commands
    }
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(theme::SECTION_GAP_POINTS);
    ui.label(RichText::new(title).strong());
}

/// A checkbox with the value's name and, right-aligned, its count. Returns whether it was clicked.
fn value_row(
    ui: &mut egui::Ui,
    is_selected: bool,
    label: &str,
    count: u32,
    swatch: Option<egui::Color32>,
) -> bool {
    let mut checked = is_selected;
    ui.horizontal(|ui| {
        let clicked = ui.checkbox(&mut checked, label).clicked();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let text = RichText::new(crate::text::grouped(count)).monospace();
            ui.label(if count == 0 { text.weak() } else { text });
            if let Some(colour) = swatch {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, colour);
            }
        });
        clicked
    })
    .inner
}
