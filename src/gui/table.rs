//! The signer table: one row per selected signer, sortable by any column, virtualised so
//! that only the rows on screen are laid out.

use super::command::{Command, EditCommand};
use super::document::Document;
use super::roster_panel::{self, RosterState};
use super::theme;
use crate::model::{Chamber, Role, Signer};
use crate::order::{Order, sort_order};
use egui::RichText;
use egui_extras::{Column, TableBuilder};
use std::sync::{Arc, mpsc};

pub use crate::order::SortColumn;

/// What an order of every signer was made for: one version of the letter, one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct OrderKey {
    signers_revision: u64,
    signer_count: usize,
    column: SortColumn,
    is_ascending: bool,
}

/// Every signer in one order, and what it was sorted for.
struct SortedOrder {
    key: OrderKey,
    order: Order,
}

/// A sort running on a background thread.
struct SortJob {
    key: OrderKey,
    receiver: mpsc::Receiver<Order>,
}

/// The table's own state: how it is sorted, every signer in that order, and the rows shown.
#[derive(Default)]
pub struct TablePanel {
    sort: SortColumn,
    is_descending: bool,
    order: Option<SortedOrder>,
    sorting: Option<SortJob>,
    /// The selection in `order`, and the selection revision and order it was picked for.
    shown: Vec<u32>,
    shown_for: Option<(u64, OrderKey)>,
    /// To wake the window when a background sort is done.
    ctx: Option<egui::Context>,
}

impl TablePanel {
    /// The rows in the order shown, as positions in the letter. In file order that is the
    /// selection itself; in any other, the selection picked out of every signer sorted
    /// once (a pass over a bit set, not a sort, when the filters change).
    pub fn rows<'d>(&'d mut self, document: &'d Document) -> &'d [u32] {
        let key = OrderKey {
            signers_revision: document.signers_revision(),
            signer_count: document.letter.signers.len(),
            column: self.sort,
            is_ascending: !self.is_descending,
        };
        if key.column == SortColumn::FileOrder && key.is_ascending {
            return &document.selection.rows;
        }
        self.follow_sort(document, key);
        let Some(order) = self
            .order
            .as_ref()
            .filter(|o| o.key.signer_count == key.signer_count)
        else {
            // The first sort of a big letter, or one after a signer was added or removed:
            // the file's order until it is done.
            return &document.selection.rows;
        };
        if document.selection.rows.len() == order.order.positions().len() {
            return order.order.positions();
        }
        let shown_for = (document.revision, order.key);
        if self.shown_for != Some(shown_for) {
            self.shown = order.order.pick(&document.selection.rows);
            self.shown_for = Some(shown_for);
        }
        &self.shown
    }

    /// Whether a sort is running on a background thread.
    pub fn is_sorting(&self) -> bool {
        self.sorting.is_some()
    }

    /// Takes a finished background sort, and starts one (or sorts on the spot) when the
    /// order is not the one `key` asks for.
    fn follow_sort(&mut self, document: &Document, key: OrderKey) {
        if let Some(job) = &self.sorting {
            match job.receiver.try_recv() {
                Ok(order) => {
                    self.order = Some(SortedOrder {
                        key: job.key,
                        order,
                    });
                    self.sorting = None;
                }
                Err(mpsc::TryRecvError::Disconnected) => self.sorting = None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        if self.order.as_ref().is_some_and(|o| o.key == key)
            || self.sorting.as_ref().is_some_and(|job| job.key == key)
        {
            return;
        }
        // A big letter sorts on a thread, showing the file's order meanwhile; a small one
        // takes a few milliseconds, on the spot.
        if document.is_big()
            && let Some(ctx) = self.ctx.clone()
        {
            let (letter, index) = (Arc::clone(&document.letter), Arc::clone(&document.index));
            let sort =
                move || Order::new(sort_order(&letter, &index, key.column, key.is_ascending));
            let (sender, receiver) = mpsc::channel();
            let spawned = std::thread::Builder::new()
                .name("sort signers".to_owned())
                .spawn(move || {
                    // The table may have asked for another order meanwhile: then no one listens.
                    if sender.send(sort()).is_ok() {
                        ctx.request_repaint();
                    }
                });
            if spawned.is_ok() {
                self.sorting = Some(SortJob { key, receiver });
                return;
            }
        }
        self.sorting = None;
        self.order = Some(SortedOrder {
            key,
            order: Order::new(sort_order(
                &document.letter,
                &document.index,
                key.column,
                key.is_ascending,
            )),
        });
    }

    /// Sorts by `column`, or reverses the order when it is already sorted by it.
    pub fn sort_by(&mut self, column: SortColumn) {
        if self.sort == column {
            self.is_descending = !self.is_descending;
        } else {
            self.sort = column;
            self.is_descending = false;
        }
    }

    /// Draws the table in the space left. Double-clicking a row edits that signer; its
    /// context menu edits or removes it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        roster: Option<&RosterState>,
    ) -> Vec<Command> {
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
        }
        let mut commands = Vec::new();
        let shown = document.selection.rows.len();
        if shown == 0 {
            ui.add_space(12.0);
            ui.vertical_centered(|ui| {
                let text = if document.letter.signers.is_empty() {
                    "This letter has no signers yet"
                } else {
                    "No signers match the filters. Clear the filters to see everyone."
                };
                ui.label(RichText::new(text).weak());
            });
            return commands;
        }
        let headers = [
            ("Name", SortColumn::Name),
            ("Party", SortColumn::Party),
            ("State", SortColumn::State),
            ("District", SortColumn::District),
            ("Chamber", SortColumn::Chamber),
            ("Role", SortColumn::Role),
        ];
        let mut clicked = None;
        let (sort, is_ascending) = (self.sort, !self.is_descending);
        // Starts the sort first, so that the header shows it from this frame on.
        let _ = self.rows(document);
        let is_sorting = self.is_sorting();
        let rows = self.rows(document);
        // With the roster column the table is another table: its own id keeps the widths apart.
        let table_id = if roster.is_some() {
            "signer-table-with-roster"
        } else {
            "signer-table"
        };
        // Where the columns' least widths do not fit (a narrow window, a wide filters panel),
        // the table scrolls sideways rather than losing its last columns off the edge.
        egui::ScrollArea::horizontal()
            .id_salt((table_id, "sideways"))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                TableBuilder::new(ui)
                    .id_salt(table_id)
                    .striped(true)
                    .sense(egui::Sense::click())
                    .resizable(true)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                    .column(Column::remainder().at_least(160.0).clip(true))
                    .column(Column::exact(56.0))
                    .column(Column::exact(56.0))
                    .column(Column::exact(64.0))
                    .column(Column::exact(72.0))
                    .column(Column::exact(80.0))
                    .columns(Column::exact(84.0), usize::from(roster.is_some()))
                    .auto_shrink([false, false])
                    .header(22.0, |mut header| {
                        for (title, column) in headers {
                            header.col(|ui| {
                                let arrow = match (sort == column, is_ascending) {
                                    (true, true) => " ⬆",
                                    (true, false) => " ⬇",
                                    (false, _) => "",
                                };
                                let button = egui::Button::new(
                                    RichText::new(format!("{title}{arrow}")).strong(),
                                )
                                .frame(false);
                                if ui
                                    .add(button)
                                    .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                                    .clicked()
                                {
                                    clicked = Some(column);
                                }
                                if is_sorting && sort == column {
                                    ui.add(egui::Spinner::new().size(12.0)).on_hover_text(
                                        "Sorting… the file's order is shown until it is done",
                                    );
                                }
                            });
                        }
                        if roster.is_some() {
                            header.col(|ui| {
                                ui.label(RichText::new("Roster").strong()).on_hover_text(
                                    "Whether the signer was found in the roster of Congress",
                                );
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(theme::TABLE_ROW_HEIGHT_POINTS, rows.len(), |mut row| {
                            let Some(&position) = rows.get(row.index()) else {
                                return;
                            };
                            let Some(signer) = document.letter.signers.get(position as usize)
                            else {
                                return;
                            };
                            let position = position as usize;
                            row.col(|ui| {
                                ui.label(signer.name.as_ref());
                            });
                            row.col(|ui| {
                                let code = document.letter.party_code(signer);
                                ui.label(
                                    RichText::new(code)
                                        .color(theme::party_colour(signer.party))
                                        .strong(),
                                )
                                .on_hover_text(document.letter.parties.name(signer.party));
                            });
                            row.col(|ui| {
                                let code =
                                    signer.unrecognised_state().unwrap_or(signer.state.code());
                                let label = if signer.state.is_known() {
                                    RichText::new(code)
                                } else {
                                    RichText::new(code).color(theme::WARNING)
                                };
                                ui.label(label).on_hover_text(signer.state.name());
                            });
                            row.col(|ui| {
                                ui.label(district_text(signer));
                            });
                            row.col(|ui| {
                                ui.label(signer.chamber.map_or("—", Chamber::label));
                            });
                            row.col(|ui| {
                                let text = RichText::new(signer.role.label());
                                ui.label(if signer.role == Role::Lead {
                                    text.strong()
                                } else {
                                    text
                                });
                            });
                            if let Some(roster) = roster {
                                row.col(|ui| {
                                    if let Some(command) =
                                        roster_panel::match_cell_ui(ui, roster, position)
                                    {
                                        commands.push(command);
                                    }
                                });
                            }
                            let response = row.response();
                            if response.double_clicked() {
                                commands.push(EditCommand::EditSigner(Some(position)).into());
                            }
                            response.context_menu(|ui| {
                                ui.label(RichText::new(signer.name.as_ref()).strong());
                                if ui.button("Edit signer…").clicked() {
                                    commands.push(EditCommand::EditSigner(Some(position)).into());
                                }
                                if ui.button("Remove signer").clicked() {
                                    commands.push(EditCommand::RemoveSigner(position).into());
                                }
                            });
                        });
                    });
            });
        if let Some(column) = clicked {
            self.sort_by(column);
        }
        commands
    }
}

/// "12", "at-large", or "—" for senators and members whose district is not given.
pub fn district_text(signer: &Signer) -> String {
    match (signer.chamber, signer.district) {
        (Some(Chamber::Senate), _) | (_, None) => "—".to_owned(),
        (_, Some(0)) => "at-large".to_owned(),
        (_, Some(d)) => d.to_string(),
    }
}
