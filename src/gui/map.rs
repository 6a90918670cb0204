//! A US tile-grid map: each state an equal square in its usual place, DC and the five
//! territories beside it, shaded by the number of selected signers. Clicking a tile toggles
//! that state in the filter.

use super::command::{Command, FilterCommand};
use super::document::Document;
use super::roster_panel::RosterState;
use super::theme;
use crate::analysis::Filter;
use crate::model::State;
use crate::text::{grouped, plural};
use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

const COLUMNS: f32 = 11.0;
const ROWS: f32 = 9.0;
const GAP_POINTS: f32 = 3.0;
const LEGEND_HEIGHT_POINTS: f32 = 4.0;

/// The label a tile carries for screen readers and tests: "California (CA): 9 signers".
pub fn tile_label(state: State, count: u32) -> String {
    format!(
        "{} ({}): {} {}",
        state.name(),
        state.code(),
        grouped(count),
        plural(count, "signer", "signers")
    )
}

/// How the map is shaded: by signers, or by the share of each delegation that signed.
#[derive(Clone, Copy, Default)]
pub struct Shading<'a> {
    /// The roster, once imported: its coverage goes into the tooltips.
    pub roster: Option<&'a RosterState>,
    /// Shade by share of the delegation (needs the roster).
    pub is_by_share: bool,
}

/// A share as the whole percent the shading scale counts in.
fn percent_points(share: Option<f32>) -> u32 {
    share.map_or(0, |s| (s * 100.0).round().clamp(0.0, 100.0) as u32)
}

/// Draws the map in the space given; returns the state the user clicked.
pub fn ui(
    ui: &mut egui::Ui,
    document: &Document,
    filter: &Filter,
    height: f32,
    shading: Shading<'_>,
) -> Option<Command> {
    let by_share = shading.roster.filter(|_| shading.is_by_share);
    let tally = &document.selection.tally;
    let max = State::all().map(|s| tally.state(s)).max().unwrap_or(0);
    let dark_mode = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Map").strong());
        ui.with_layout(
            egui::Layout::right_to_left(egui::Align::Center),
            |ui| match by_share {
                Some(_) => legend_ui(
                    ui,
                    100,
                    dark_mode,
                    "Share of the delegation that signed:",
                    "%",
                ),
                None => legend_ui(ui, max, dark_mode, "Signers per state:", ""),
            },
        );
    });
    let width = ui.available_width();
    let grid_height = (height - LEGEND_HEIGHT_POINTS).max(60.0);
    let tile = ((width - GAP_POINTS * COLUMNS) / COLUMNS)
        .min((grid_height - GAP_POINTS * ROWS) / ROWS)
        .max(8.0);
    let grid_size = vec2((tile + GAP_POINTS) * COLUMNS, (tile + GAP_POINTS) * ROWS);
    let (area, _) = ui.allocate_exact_size(vec2(width, grid_size.y), Sense::hover());
    let origin = pos2(area.center().x - grid_size.x / 2.0, area.top());
    let painter = ui.painter_at(area);
    let mut command = None;

    for state in State::all() {
        let Some(info) = state.info() else { continue };
        let min = origin
            + vec2(
                f32::from(info.tile_column) * (tile + GAP_POINTS),
                f32::from(info.tile_row) * (tile + GAP_POINTS),
            );
        let rect = Rect::from_min_size(min, vec2(tile, tile));
        let count = tally.state(state);
        let response = ui.interact(
            rect,
            ui.scope_id().with(("map-tile", state.code())),
            Sense::click(),
        );
        let is_selected = filter.states.contains(state.code());
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                is_selected,
                tile_label(state, count),
            )
        });
        let fill = match by_share {
            Some(roster) => theme::map_fill(
                percent_points(roster.delegation_share(state)),
                100,
                dark_mode,
            ),
            None => theme::map_fill(count, max, dark_mode),
        };
        painter.rect_filled(rect, 3.0, fill);
        if is_selected {
            painter.rect_stroke(
                rect,
                3.0,
                Stroke::new(2.5, ui.visuals().selection.stroke.color),
                StrokeKind::Inside,
            );
        } else if response.hovered() {
            painter.rect_stroke(
                rect,
                3.0,
                Stroke::new(1.5, ui.visuals().strong_text_color()),
                StrokeKind::Inside,
            );
        }
        let text_colour = if count == 0 {
            ui.visuals().weak_text_color()
        } else {
            theme::text_on(fill)
        };
        let code_size = (tile * 0.36).clamp(7.0, 16.0);
        if count > 0 && tile >= 26.0 {
            painter.text(
                rect.center() - vec2(0.0, tile * 0.14),
                Align2::CENTER_CENTER,
                state.code(),
                FontId::proportional(code_size),
                text_colour,
            );
            painter.text(
                rect.center() + vec2(0.0, tile * 0.22),
                Align2::CENTER_CENTER,
                crate::text::compact(count),
                FontId::proportional(code_size * 0.8),
                text_colour,
            );
        } else {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                state.code(),
                FontId::proportional(code_size),
                text_colour,
            );
        }
        let response = response.on_hover_ui(|ui| {
            ui.label(egui::RichText::new(format!("{} ({})", state.name(), state.code())).strong());
            ui.label(state_breakdown(document, state, count));
            if let Some(line) = shading.roster.and_then(|r| r.delegation_line(state)) {
                ui.label(line);
            }
            ui.label(
                egui::RichText::new(if is_selected {
                    "Click to remove from the filter"
                } else {
                    "Click to filter to this state"
                })
                .weak(),
            );
        });
        if response.clicked() {
            command = Some(FilterCommand::ToggleState(state).into());
        }
    }

    command
}

fn state_breakdown(document: &Document, state: State, count: u32) -> String {
    let tally = &document.selection.tally;
    let parties: Vec<String> = tally
        .parties_by_count()
        .into_iter()
        .map(|(p, _)| (p, tally.party_state(p, state)))
        .filter(|(_, n)| *n > 0)
        .map(|(p, n)| format!("{} {}", document.letter.parties.code(p), grouped(n)))
        .collect();
    let noun = plural(count, "signer", "signers");
    if parties.is_empty() {
        format!("{} {noun}", grouped(count))
    } else {
        format!("{} {noun}: {}", grouped(count), parties.join(", "))
    }
}

/// Swatches from none to the most signers in one state, with their counts (laid out right to left).
fn legend_ui(ui: &mut egui::Ui, max: u32, dark_mode: bool, title: &str, unit: &str) {
    ui.scope(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let mut stops: Vec<u32> = vec![0];
        if max > 0 {
            let candidates = [
                1,
                (max as f32 * 0.25).round() as u32,
                (max as f32 * 0.5).round() as u32,
                max,
            ];
            for n in candidates {
                if n > 0 && !stops.contains(&n) {
                    stops.push(n);
                }
            }
        }
        for n in stops.into_iter().rev() {
            ui.label(egui::RichText::new(format!("{}{unit}", grouped(n))).small());
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, theme::map_fill(n, max, dark_mode));
            ui.painter().rect_stroke(
                rect,
                2.0,
                Stroke::new(0.5, Color32::from_gray(128)),
                StrokeKind::Inside,
            );
        }
        ui.label(egui::RichText::new(title).small().weak());
    });
}
