//! How the window is laid out at any size: the side panels (collapsible, remembered), the
//! charts and map above the tabs, and below about 1,100 points the demands as a tab of
//! their own. It owns what the window shows apart from the letter ([`ViewState`]).

use super::checklist::ChecklistPanel;
use super::command::{CentralTab, Command, EditCommand, RosterCommand, ViewCommand};
use super::document::Document;
use super::filters::FiltersPanel;
use super::outreach_board::OutreachBoard;
use super::roster_panel::{self, RosterState};
use super::settings::Panels;
use super::table::TablePanel;
use super::{charts, map, theme};
use crate::analysis::Filter;
use crate::roster::committees::Committees;
use egui::RichText;
use egui_extras::{Size, StripBuilder};

/// Below this width (points) the demands leave the right side for a tab below the charts,
/// so the charts, map and table keep room.
pub const NARROW_WIDTH_POINTS: f32 = 1100.0;

/// The width of a closed side panel: room for the button that opens it again.
const CLOSED_PANEL_WIDTH_POINTS: f32 = 30.0;

/// What the window shows apart from the letter: the tab below the charts, the map's
/// shading, and the windows that come and go.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// What the space below the charts shows.
    pub tab: CentralTab,
    /// Shade the map by the share of each delegation that signed (needs a roster).
    pub is_map_by_share: bool,
    /// *View ▸ Load warnings*.
    pub is_warnings_open: bool,
    /// *Help ▸ About*.
    pub is_about_open: bool,
}

/// Whether a window `width` points wide shows the demands in a tab rather than beside.
pub fn is_narrow(width: f32) -> bool {
    width < NARROW_WIDTH_POINTS
}

/// The two side panels, each closable to a strip holding the button that opens it again.
#[derive(Clone, Copy)]
enum Side {
    Filters,
    Demands,
}

impl Side {
    /// The panel when open and when closed.
    fn panels(self) -> (egui::Panel, egui::Panel) {
        let (open, closed) = match self {
            Side::Filters => (
                egui::Panel::left("filters")
                    .default_size(theme::FILTERS_WIDTH_POINTS)
                    .min_size(180.0)
                    .max_size(360.0),
                egui::Panel::left("filters closed"),
            ),
            Side::Demands => (
                egui::Panel::right("demands")
                    .default_size(theme::DEMANDS_WIDTH_POINTS)
                    .min_size(240.0)
                    .max_size(520.0),
                egui::Panel::right("demands closed"),
            ),
        };
        (
            open,
            closed
                .resizable(false)
                .exact_size(CLOSED_PANEL_WIDTH_POINTS),
        )
    }

    fn is_shown(self, panels: Panels) -> bool {
        match self {
            Side::Filters => panels.is_filters_shown,
            Side::Demands => panels.is_demands_shown,
        }
    }

    fn show(self, is_shown: bool) -> Command {
        match self {
            Side::Filters => ViewCommand::ShowFilters(is_shown).into(),
            Side::Demands => ViewCommand::ShowDemands(is_shown).into(),
        }
    }

    /// The closed strip's button: an arrow pointing where the panel opens, and what it shows.
    fn reopen(self) -> (&'static str, &'static str) {
        match self {
            Side::Filters => ("⏵", "Show the filters"),
            Side::Demands => ("⏴", "Show the demands"),
        }
    }
}

/// `side`'s panel, open with `contents` or closed to its button; opening or closing it
/// (by the button, or by dragging its edge) becomes a command.
fn side_ui(
    ui: &mut egui::Ui,
    side: Side,
    panels: Panels,
    contents: impl FnOnce(&mut egui::Ui) -> Vec<Command>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let was_shown = side.is_shown(panels);
    let mut is_open = was_shown;
    let (open, closed) = side.panels();
    egui::Panel::show_switched(ui, &mut is_open, closed, open, |ui, is_expanded| {
        if is_expanded {
            commands.extend(contents(ui));
        } else {
            let (arrow, what) = side.reopen();
            if reopen_button_ui(ui, arrow, what).clicked() {
                commands.push(side.show(true));
            }
        }
    });
    if is_open != was_shown {
        commands.push(side.show(is_open));
    }
    commands
}

/// The filters on the left.
pub fn filters_side_ui(
    ui: &mut egui::Ui,
    panels: Panels,
    panel: &mut FiltersPanel,
    document: &Document,
    filter: &Filter,
) -> Vec<Command> {
    side_ui(ui, Side::Filters, panels, |ui| {
        panel.ui(ui, document, filter)
    })
}

/// The demands on the right, when the window is wide enough for them there.
pub fn demands_side_ui(
    ui: &mut egui::Ui,
    panels: Panels,
    panel: &mut ChecklistPanel,
    document: &Document,
) -> Vec<Command> {
    side_ui(ui, Side::Demands, panels, |ui| panel.ui(ui, document))
}

/// The one button of a closed side panel.
fn reopen_button_ui(ui: &mut egui::Ui, arrow: &str, what: &str) -> egui::Response {
    ui.add_space(4.0);
    ui.vertical_centered(|ui| ui.button(arrow).on_hover_text(what))
        .inner
}

/// What the central area reads and the panels in it that keep state of their own.
pub struct Central<'a> {
    /// The open letter.
    pub document: &'a Document,
    /// The filters on.
    pub filter: &'a Filter,
    /// The roster, once imported.
    pub roster: Option<&'a RosterState>,
    /// The tab, the map's shading.
    pub view: &'a ViewState,
    /// Whether the demands are a tab here (a narrow window) rather than a side panel.
    pub has_demands_tab: bool,
    /// The signer table.
    pub table: &'a mut TablePanel,
    /// The demands checklist, drawn here when it is a tab.
    pub checklist: &'a mut ChecklistPanel,
    /// The outreach board, on the *Not signed yet* tab.
    pub board: &'a mut OutreachBoard,
    /// Committee seats, once imported, for the board.
    pub committees: Option<&'a Committees>,
}

/// The charts and the map, and below them the tabs: signers, not signed yet, roster check
/// (and the demands, in a narrow window).
pub fn central_ui(ui: &mut egui::Ui, central: Central<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let height = ui.available_height();
    let Central {
        document,
        filter,
        roster,
        view,
        has_demands_tab,
        table,
        checklist,
        board,
        committees,
    } = central;
    // The demands tab only exists while the window is narrow.
    let tab = match view.tab {
        CentralTab::Demands if !has_demands_tab => CentralTab::Signers,
        tab => tab,
    };
    // The lists below (who has not signed, the demands, the check) need the height more
    // than the chart by state does: on their tabs it makes way and the map is smaller.
    let (top_height, state_height) = if tab == CentralTab::Signers {
        (
            (height * 0.46).clamp(200.0, 420.0),
            (height * 0.22).clamp(110.0, 240.0),
        )
    } else {
        ((height * 0.30).clamp(150.0, 320.0), 0.0)
    };
    StripBuilder::new(ui)
        .size(Size::exact(top_height))
        .size(Size::exact(state_height))
        .size(Size::remainder().at_least(120.0))
        .vertical(|mut strip| {
            strip.strip(|builder| {
                builder
                    .size(Size::relative(0.34))
                    .size(Size::remainder())
                    .horizontal(|mut strip| {
                        strip.cell(|ui| charts::party_ui(ui, document, top_height - 26.0));
                        strip.cell(|ui| {
                            let shading = map::Shading {
                                roster,
                                is_by_share: view.is_map_by_share,
                            };
                            commands.extend(map::ui(
                                ui,
                                document,
                                filter,
                                top_height - 24.0,
                                shading,
                            ));
                        });
                    });
            });
            strip.cell(|ui| {
                if state_height > 0.0 {
                    charts::state_ui(ui, document, state_height - 26.0);
                }
            });
            strip.cell(|ui| {
                ui.separator();
                commands.extend(tabs_ui(ui, document, roster, tab, has_demands_tab));
                match (tab, roster) {
                    (CentralTab::Signers, _) => commands.extend(table.ui(ui, document, roster)),
                    (CentralTab::Demands, _) => commands.extend(checklist.ui(ui, document)),
                    (CentralTab::Targets, Some(roster)) => {
                        commands.extend(board.ui(ui, roster, committees, document));
                    }
                    (CentralTab::Check, Some(roster)) => {
                        roster_panel::check_ui(ui, roster, document)
                    }
                    (CentralTab::Targets | CentralTab::Check, None) => {
                        commands.extend(no_roster_ui(ui));
                    }
                }
            });
        });
    commands
}

/// The row of tabs, with *Add signer…* at its right on the signers tab.
fn tabs_ui(
    ui: &mut egui::Ui,
    document: &Document,
    roster: Option<&RosterState>,
    tab: CentralTab,
    has_demands_tab: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let shown = document.selection.rows.len();
        let targets = roster.map(|r| r.targets.len());
        let mut tabs = vec![
            (
                CentralTab::Signers,
                format!("Signers ({})", crate::text::grouped(shown)),
            ),
            (
                CentralTab::Targets,
                targets.map_or_else(
                    || "Not signed yet".to_owned(),
                    |n| format!("Not signed yet ({})", crate::text::grouped(n)),
                ),
            ),
            (CentralTab::Check, "Roster check".to_owned()),
        ];
        if has_demands_tab {
            let demands = &document.letter.demands;
            let met = document.letter.demands_met();
            tabs.push((
                CentralTab::Demands,
                format!("Demands ({met}/{})", demands.len()),
            ));
        }
        for (value, label) in tabs {
            if ui
                .selectable_label(tab == value, RichText::new(label).strong())
                .clicked()
            {
                commands.push(ViewCommand::ShowTab(value).into());
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if tab == CentralTab::Signers && ui.button("Add signer…").clicked() {
                commands.push(EditCommand::EditSigner(None).into());
            }
        });
    });
    commands
}

/// What the roster tabs say before a roster is imported.
fn no_roster_ui(ui: &mut egui::Ui) -> Option<Command> {
    let mut command = None;
    ui.add_space(12.0);
    ui.vertical_centered(|ui| {
        ui.label("Import the roster of Congress to see who has not signed yet, the share of each party and delegation, and signers who no longer serve.");
        ui.label(RichText::new("The roster is the public congress-legislators data (legislators-current as JSON, YAML or CSV).").weak());
        if ui.button("Import roster…").clicked() {
            command = Some(RosterCommand::AskForFile.into());
        }
    });
    command
}
