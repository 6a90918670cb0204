//! Bar charts of the selected signers: by party, and by state stacked by party.

use super::document::Document;
use super::theme;
use crate::model::{Party, State};
use crate::text::plural;
use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, Legend, Plot};

/// A chart keeps room for at least this many bars, so one or two bars stay bar-shaped.
const MIN_PARTY_SLOTS: usize = 3;
/// The same for the chart by state.
const MIN_STATE_SLOTS: usize = 10;

/// Labels only at whole numbers: counts of people have no fractions.
fn whole_number(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    let rounded = mark.value.round();
    if (mark.value - rounded).abs() < 1e-6 && rounded >= 0.0 {
        crate::text::grouped(rounded as u64)
    } else {
        String::new()
    }
}

/// Grid lines at whole numbers only, spaced so that their labels do not crowd.
fn whole_number_marks(input: GridInput) -> Vec<GridMark> {
    // `base_step_size` is the smallest step the plot can draw; labels want about four times that.
    let wanted = (input.base_step_size * 4.0).max(1.0);
    let magnitude = 10f64.powf(wanted.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= wanted)
        .unwrap_or(wanted);
    let (low, high) = input.bounds;
    let first = (low / step).ceil().max(0.0) as i64;
    let last = (high / step).floor().max(0.0) as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// One grid mark at each bar, so each bar gets its label (every other one when crowded).
fn category_marks(count: usize, every: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |_input| {
        (0..count)
            .step_by(every.max(1))
            .map(|i| GridMark {
                value: i as f64,
                step_size: every.max(1) as f64,
            })
            .collect()
    }
}

/// An x axis that names each bar; labels may sit closer than egui_plot's numeric default allows.
fn category_axis(labels: Vec<String>) -> Vec<AxisHints<'static>> {
    let formatter = move |mark: GridMark, _range: &std::ops::RangeInclusive<f64>| {
        let rounded = mark.value.round();
        if (mark.value - rounded).abs() > 1e-6 || rounded < 0.0 {
            return String::new();
        }
        labels.get(rounded as usize).cloned().unwrap_or_default()
    };
    vec![
        AxisHints::new_x()
            .formatter(formatter)
            .label_spacing(12.0..=16.0),
    ]
}

fn base_plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .y_axis_formatter(whole_number)
        .y_grid_spacer(whole_number_marks)
        .include_y(0.0)
        .set_margin_fraction(egui::vec2(0.02, 0.1))
}

/// Signers by party, one bar per party in its colour.
pub fn party_ui(ui: &mut egui::Ui, document: &Document, height: f32) {
    let tally = &document.selection.tally;
    let parties = tally.parties_by_count();
    ui.label(egui::RichText::new("By party").strong());
    if parties.is_empty() {
        empty(ui, height);
        return;
    }
    let labels: Vec<String> = parties
        .iter()
        .map(|(p, _)| document.letter.parties.code(*p).to_owned())
        .collect();
    let bars: Vec<Bar> = parties
        .iter()
        .enumerate()
        .map(|(i, (party, n))| {
            let name = format!(
                "{}: {} {}",
                document.letter.parties.name(*party),
                crate::text::grouped(*n),
                signers(*n)
            );
            Bar::new(i as f64, f64::from(*n))
                .name(name)
                .fill(theme::party_colour(*party))
                .width(0.7)
        })
        .collect();
    let count = bars.len();
    let chart =
        BarChart::new("Signers", bars).element_formatter(Box::new(|bar, _| bar.name.clone()));
    base_plot("party-chart", height)
        .x_grid_spacer(category_marks(count, 1))
        .custom_x_axes(category_axis(labels))
        .include_x(-0.6)
        .include_x(count.max(MIN_PARTY_SLOTS) as f64 - 0.4)
        .show_grid([false, true])
        .show(ui, |plot| plot.bar_chart(chart));
}

/// Signers by state, most first, each bar stacked by party; hovering shows the exact counts.
pub fn state_ui(ui: &mut egui::Ui, document: &Document, height: f32) {
    let tally = &document.selection.tally;
    let states = tally.states_by_count();
    ui.label(egui::RichText::new("By state").strong());
    if states.is_empty() {
        empty(ui, height);
        return;
    }
    let parties: Vec<Party> = tally
        .parties_by_count()
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let describe = |state: State, total: u32| {
        let by_party: Vec<String> = parties
            .iter()
            .map(|p| (*p, tally.party_state(*p, state)))
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| {
                format!(
                    "{} {}",
                    document.letter.parties.code(p),
                    crate::text::grouped(n)
                )
            })
            .collect();
        format!(
            "{} ({}): {} {} — {}",
            state.name(),
            state.code(),
            crate::text::grouped(total),
            signers(total),
            by_party.join(", ")
        )
    };
    let mut charts: Vec<BarChart> = Vec::new();
    for party in &parties {
        let bars: Vec<Bar> = states
            .iter()
            .enumerate()
            .map(|(i, (state, total))| {
                Bar::new(i as f64, f64::from(tally.party_state(*party, *state)))
                    .name(describe(*state, *total))
                    .fill(theme::party_colour(*party))
                    .width(0.75)
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(document.letter.parties.name(*party), bars)
            .color(theme::party_colour(*party))
            .element_formatter(Box::new(|bar, _| bar.name.clone()))
            .stack_on(&below);
        charts.push(chart);
    }
    let labels: Vec<String> = states.iter().map(|(s, _)| s.code().to_owned()).collect();
    let count = labels.len();
    let points_per_state = ui.available_width() / count.max(1) as f32;
    let every = if points_per_state >= 18.0 {
        1
    } else {
        (18.0 / points_per_state).ceil() as usize
    };
    base_plot("state-chart", height)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .x_grid_spacer(category_marks(count, every))
        .custom_x_axes(category_axis(labels))
        .include_x(-0.6)
        .include_x(count.max(MIN_STATE_SLOTS) as f64 - 0.4)
        .show_grid([false, true])
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

fn signers(n: u32) -> &'static str {
    plural(n, "signer", "signers")
}

fn empty(ui: &mut egui::Ui, height: f32) {
    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
        ui.centered_and_justified(|ui| {
            ui.label(egui::RichText::new("No signers match the filters").weak())
        });
    });
}
