//! Small forms to add and edit signers and demands. They check each field as it is typed
//! and only offer to save what the loader would accept.

use super::command::{Command, EditCommand, SignerDraft};
use crate::model::{
    Chamber, Date, Demand, DemandStatus, Letter, Party, Role, State, normalise_known,
};
use egui::RichText;

/// The signer form's fields as typed.
#[derive(Clone, Debug, Default)]
pub struct SignerForm {
    /// The signer being edited, or `None` for a new one.
    pub index: Option<usize>,
    has_focused: bool,
    name: String,
    party: String,
    state: String,
    chamber: Option<Chamber>,
    district: String,
    role: Role,
    bioguide: String,
    signed_on: String,
    note: String,
}

impl SignerForm {
    /// An empty form for a new signer.
    pub fn new_signer() -> SignerForm {
        SignerForm {
            chamber: Some(Chamber::House),
            ..SignerForm::default()
        }
    }

    /// A form filled with the signer at `index`.
    pub fn edit(letter: &Letter, index: usize) -> Option<SignerForm> {
        let signer = letter.signers.get(index)?;
        Some(SignerForm {
            index: Some(index),
            has_focused: false,
            name: signer.name.to_string(),
            party: if signer.party == Party::UNKNOWN {
                String::new()
            } else {
                letter.party_code(signer).to_owned()
            },
            state: signer.unrecognised_state().map_or_else(
                || {
                    if signer.state.is_known() {
                        signer.state.code().to_owned()
                    } else {
                        String::new()
                    }
                },
                str::to_owned,
            ),
            chamber: signer.chamber,
            district: signer.district.map(|d| d.to_string()).unwrap_or_default(),
            role: signer.role,
            bioguide: signer.bioguide.as_deref().unwrap_or_default().to_owned(),
            signed_on: signer.signed_on.map(|d| d.to_string()).unwrap_or_default(),
            note: signer.note.as_deref().unwrap_or_default().to_owned(),
        })
    }

    /// Checks every field: the draft, or a message for each field that is wrong.
    pub fn check(&self) -> Result<SignerDraft, Vec<(&'static str, String)>> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(("Name", "a name is needed".to_owned()));
        }
        let party = self.party.trim();
        if !party.is_empty()
            && normalise_known(party).is_none()
            && (party.len() > 12 || party.contains(char::is_whitespace))
        {
            problems.push((
                "Party",
                format!("expected a party code such as D, R or I, found \"{party}\""),
            ));
        }
        let state = match self.state.trim() {
            "" => State::UNKNOWN,
            text => State::parse(text).unwrap_or_else(|| {
                problems.push((
                    "State",
                    format!(
                        "expected a state or territory (NJ, New Jersey, N.J.), found \"{text}\""
                    ),
                ));
                State::UNKNOWN
            }),
        };
        let district = match self.district.trim() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(d) if d < 100 => Some(d),
                _ => {
                    problems.push((
                        "District",
                        format!("expected a number from 0 to 99 (0 = at-large), found \"{text}\""),
                    ));
                    None
                }
            },
        };
        let signed_on = match self.signed_on.trim() {
            "" => None,
            text => text.parse::<Date>().map_or_else(
                |_| {
                    problems.push((
                        "Signed on",
                        format!("expected a date as YYYY-MM-DD, found \"{text}\""),
                    ));
                    None
                },
                Some,
            ),
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(SignerDraft {
            name: name.to_owned(),
            party: party.to_owned(),
            state,
            chamber: self.chamber,
            district,
            role: self.role,
            bioguide: optional(&self.bioguide),
            signed_on,
            note: optional(&self.note),
        })
    }

    /// Draws the form in a window. Returns the command to save it, or to close it.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        let title = if self.index.is_some() {
            "Edit signer"
        } else {
            "Add signer"
        };
        let checked = self.check();
        let index = self.index;
        let outcome = form_ui(
            ctx,
            title,
            "Save signer",
            &checked,
            &mut self.has_focused,
            |ui, problem| {
                let name_blank = self.name.trim().is_empty();
                let name = text_row(
                    ui,
                    "Name",
                    &mut self.name,
                    "Linda Sánchez",
                    problem("Name").filter(|_| !name_blank),
                );
                text_row(
                    ui,
                    "Party",
                    &mut self.party,
                    "D, R, I or another code",
                    problem("Party"),
                );
                let state_hint = State::parse(&self.state).map(|s| s.name().to_owned());
                let state_problem = problem("State");
                text_row(
                    ui,
                    "State",
                    &mut self.state,
                    "CA, California or Calif.",
                    state_problem.clone(),
                );
                if state_problem.is_none()
                    && let Some(name) = state_hint
                {
                    ui.label("");
                    ui.label(RichText::new(name).weak().small());
                    ui.end_row();
                }
                ui.label("Chamber");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.chamber, None, "Not given");
                    ui.radio_value(&mut self.chamber, Some(Chamber::House), "House");
                    ui.radio_value(&mut self.chamber, Some(Chamber::Senate), "Senate");
                });
                ui.end_row();
                text_row(
                    ui,
                    "District",
                    &mut self.district,
                    "0 for at-large",
                    problem("District"),
                );
                ui.label("Role");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.role, Role::Lead, "Lead");
                    ui.radio_value(&mut self.role, Role::Cosigner, "Cosigner");
                });
                ui.end_row();
                text_row(ui, "Bioguide id", &mut self.bioguide, "e.g. S001156", None);
                text_row(
                    ui,
                    "Signed on",
                    &mut self.signed_on,
                    "YYYY-MM-DD",
                    problem("Signed on"),
                );
                text_row(ui, "Note", &mut self.note, "", None);
                name
            },
        );
        outcome.command(|draft| {
            EditCommand::CommitSigner {
                index,
                draft: Box::new(draft.clone()),
            }
            .into()
        })
    }
}

/// The demand form's fields as typed.
#[derive(Clone, Debug, Default)]
pub struct DemandForm {
    /// The demand being edited, or `None` for a new one.
    pub index: Option<usize>,
    has_focused: bool,
    id: String,
    text: String,
    source: String,
    status: DemandStatus,
    note: String,
}

impl DemandForm {
    /// An empty form for a new demand.
    pub fn new_demand() -> DemandForm {
        DemandForm::default()
    }

    /// A form filled with the demand at `index`.
    pub fn edit(letter: &Letter, index: usize) -> Option<DemandForm> {
        let demand = letter.demands.get(index)?;
        Some(DemandForm {
            index: Some(index),
            has_focused: false,
            id: demand.id.clone(),
            text: demand.text.clone(),
            source: demand.source.clone().unwrap_or_default(),
            status: demand.status,
            note: demand.note.clone().unwrap_or_default(),
        })
    }

    /// The demand this form describes, keeping the unknown fields of `base`; or why not.
    pub fn check(&self, letter: &Letter) -> Result<Demand, Vec<(&'static str, String)>> {
        let mut problems = Vec::new();
        let text = self.text.trim();
        if text.is_empty() {
            problems.push(("Demand", "the demand's text is needed".to_owned()));
        }
        let id = self.id.trim();
        let clash = letter
            .demands
            .iter()
            .enumerate()
            .any(|(i, d)| d.id == id && Some(i) != self.index);
        if !id.is_empty() && clash {
            problems.push(("Id", format!("another demand already has the id \"{id}\"")));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let id = if id.is_empty() {
            next_free_id(letter)
        } else {
            id.to_owned()
        };
        let base = self.index.and_then(|i| letter.demands.get(i));
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(Demand {
            id,
            text: text.to_owned(),
            source: optional(&self.source),
            status: self.status,
            note: optional(&self.note),
            extra: base.map(|b| b.extra.clone()).unwrap_or_default(),
        })
    }

    /// Draws the form in a window. Returns the command to save it, or to close it.
    pub fn ui(&mut self, ctx: &egui::Context, letter: &Letter) -> Option<Command> {
        let title = if self.index.is_some() {
            "Edit demand"
        } else {
            "Add demand"
        };
        let checked = self.check(letter);
        let index = self.index;
        let outcome = form_ui(
            ctx,
            title,
            "Save demand",
            &checked,
            &mut self.has_focused,
            |ui, problem| {
                let text_blank = self.text.trim().is_empty();
                let text = text_row(
                    ui,
                    "Demand",
                    &mut self.text,
                    "What the letter asks for",
                    problem("Demand").filter(|_| !text_blank),
                );
                text_row(
                    ui,
                    "Source",
                    &mut self.source,
                    "The letter, a statement, the advocates…",
                    None,
                );
                ui.label("Status");
                ui.horizontal(|ui| {
                    for status in DemandStatus::ALL {
                        ui.radio_value(&mut self.status, status, status.label());
                    }
                });
                ui.end_row();
                text_row(ui, "Note", &mut self.note, "", None);
                text_row(
                    ui,
                    "Id",
                    &mut self.id,
                    "made up if left blank",
                    problem("Id"),
                );
                text
            },
        );
        outcome.command(|demand| {
            EditCommand::CommitDemand {
                index,
                demand: Box::new(demand.clone()),
            }
            .into()
        })
    }
}

/// A field's problem, if the form's check found one: what [`form_ui`] hands the fields.
type Problem<'p> = &'p dyn Fn(&str) -> Option<String>;

/// What the user did with a form this frame.
enum FormOutcome<'c, T> {
    /// Nothing yet: the form stays open.
    Open,
    /// Save, with the checked value.
    Save(&'c T),
    /// Cancel, Escape or a click outside.
    Close,
}

impl<T> FormOutcome<'_, T> {
    /// The command for the app: `save` makes the one that keeps the value.
    fn command(self, save: impl FnOnce(&T) -> Command) -> Option<Command> {
        match self {
            FormOutcome::Open => None,
            FormOutcome::Save(value) => Some(save(value)),
            FormOutcome::Close => Some(EditCommand::CloseEditor.into()),
        }
    }
}

/// A form in a modal window: `title`, a grid of the rows `fields` draws (given each
/// field's problem; it returns the first field, which takes the focus on opening), then
/// `save_label`, enabled once `checked` holds a value, and Cancel.
fn form_ui<'c, T>(
    ctx: &egui::Context,
    title: &str,
    save_label: &str,
    checked: &'c Result<T, Vec<(&'static str, String)>>,
    has_focused: &mut bool,
    fields: impl FnOnce(&mut egui::Ui, Problem<'_>) -> egui::Response,
) -> FormOutcome<'c, T> {
    let problem = |field: &str| match checked {
        Err(problems) => problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.clone()),
        Ok(_) => None,
    };
    let mut outcome = FormOutcome::Open;
    let modal = egui::Modal::new(egui::Id::unique(("editor", title))).show(ctx, |ui| {
        ui.heading(title);
        ui.add_space(6.0);
        egui::Grid::new(("form", title))
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let first = fields(ui, &problem);
                // The modal's first frame only measures it: keep asking until the field has the focus.
                if !*has_focused {
                    if first.has_focus() {
                        *has_focused = true;
                    } else {
                        first.request_focus();
                    }
                }
            });
        ui.separator();
        ui.horizontal(|ui| {
            let save = ui.add_enabled(checked.is_ok(), egui::Button::new(save_label));
            if save.clicked()
                && let Ok(value) = checked
            {
                outcome = FormOutcome::Save(value);
            }
            if ui.button("Cancel").clicked() {
                outcome = FormOutcome::Close;
            }
        });
    });
    if modal.should_close() && matches!(outcome, FormOutcome::Open) {
        outcome = FormOutcome::Close;
    }
    outcome
}

/// `d1`, `d2`, …: the first such id no demand has.
fn next_free_id(letter: &Letter) -> String {
    (1..)
        .map(|n| format!("d{n}"))
        .find(|id| letter.demands.iter().all(|d| &d.id != id))
        .unwrap_or_default()
}

/// A labelled text field, with the problem under it in the error colour.
fn text_row(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    problem: Option<String>,
) -> egui::Response {
    let label = ui.label(label);
    let response = ui.vertical(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text(hint)
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
        if let Some(problem) = problem {
            ui.label(
                RichText::new(problem)
                    .color(ui.visuals().error_fg_color)
                    .small(),
            );
        }
        response
    });
    ui.end_row();
    response.inner
}
