//! The report's charts as inline SVG: signers by party, by state, and the tile-grid map.
//!
//! Everything is written as well-formed XML, every piece of text escaped, so that the
//! charts can be cut out of the report and opened on their own.

use super::html_escape as esc;
use super::palette::party_colour;
use super::report::{Report, percent};
use crate::model::{Party, PartyTable, State};
use std::io::{self, Write};

/// How the charts write text: the page's sans-serif, or any.
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/// The chart area to the right of the labels.
const BAR_LEFT: f64 = 185.0;
/// The longest bar, kept short enough to leave room for the count after it.
const BAR_MAX_WIDTH: f64 = 370.0;
/// The width of both bar charts.
const CHART_WIDTH: u32 = 640;

/// A chart's label for `party`: "Democratic", "No party given", or the code as written.
pub(crate) fn party_label(parties: &PartyTable, party: Party) -> String {
    let name = parties.name(party);
    if party < Party::UNKNOWN {
        format!("{name} ({})", parties.code(party))
    } else {
        name.to_owned()
    }
}

/// At most [`LABEL_CHARS`] characters of `label`, so that a long party code from a file
/// stays inside the label column; the whole label is in the bar's tooltip.
fn fit_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let mut short: String = label.chars().take(LABEL_CHARS - 1).collect();
        short.push('\u{2026}');
        short
    }
}

/// As many characters as fit left of the bars: "Northern Mariana Islands" does.
const LABEL_CHARS: usize = 24;

fn plural(n: u32) -> &'static str {
    crate::text::plural(n, "signer", "signers")
}

fn open_svg(out: &mut dyn Write, width: u32, height: u32, label: &str) -> io::Result<()> {
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" font-family=\"{FONT}\" font-size=\"13\" fill=\"#111827\">",
        esc(label)
    )?;
    writeln!(out, "<title>{}</title>", esc(label))
}

/// A horizontal bar for each party with signers, most first.
pub(crate) fn party_chart(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    const ROW: u32 = 28;
    let tally = report.tally();
    let parties = tally.parties_by_count();
    let most = parties.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let height = 16 + ROW * u32::try_from(parties.len()).unwrap_or(u32::MAX / ROW);
    open_svg(out, CHART_WIDTH, height, "Signers by party")?;
    for (row, (party, n)) in (0u32..).zip(&parties) {
        let y = 8 + row * ROW;
        let width = f64::from(*n) / f64::from(most) * BAR_MAX_WIDTH;
        let label = party_label(&report.letter.parties, *party);
        let share = percent(u64::from(*n), tally.total as u64);
        writeln!(out, "<g>")?;
        writeln!(
            out,
            "<title>{}: {n} {}, {share}%</title>",
            esc(&label),
            plural(*n)
        )?;
        writeln!(
            out,
            "<text x=\"{:.0}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            BAR_LEFT - 10.0,
            y + 15,
            esc(&fit_label(&label))
        )?;
        writeln!(
            out,
            "<rect x=\"{BAR_LEFT:.0}\" y=\"{}\" width=\"{width:.1}\" height=\"20\" rx=\"2\" fill=\"{}\"/>",
            y + 1,
            party_colour(*party)
        )?;
        writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\">{n} ({share}%)</text>",
            BAR_LEFT + width + 6.0,
            y + 15
        )?;
        writeln!(out, "</g>")?;
    }
    writeln!(out, "</svg>")
}

/// A horizontal bar for each state with signers, most first, split by party.
pub(crate) fn state_chart(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    const ROW: u32 = 22;
    let tally = report.tally();
    let states = tally.states_by_count();
    let parties = tally.parties_by_count();
    let most = states.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let height = 16 + ROW * u32::try_from(states.len()).unwrap_or(u32::MAX / ROW);
    open_svg(out, CHART_WIDTH, height, "Signers by state")?;
    for (row, (state, n)) in (0u32..).zip(&states) {
        let y = 8 + row * ROW;
        let breakdown = party_breakdown(report, &parties, *state);
        writeln!(out, "<g>")?;
        writeln!(
            out,
            "<title>{}: {n} {} ({})</title>",
            esc(state.name()),
            plural(*n),
            esc(&breakdown)
        )?;
        writeln!(
            out,
            "<text x=\"{:.0}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            BAR_LEFT - 10.0,
            y + 13,
            esc(state.name())
        )?;
        let mut x = BAR_LEFT;
        for (party, _) in &parties {
            let count = tally.party_state(*party, *state);
            if count == 0 {
                continue;
            }
            let width = f64::from(count) / f64::from(most) * BAR_MAX_WIDTH;
            writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{}\" width=\"{width:.1}\" height=\"16\" fill=\"{}\"/>",
                y + 1,
                party_colour(*party)
            )?;
            x += width;
        }
        writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\">{n}</text>",
            x + 6.0,
            y + 13
        )?;
        writeln!(out, "</g>")?;
    }
    writeln!(out, "</svg>")
}

/// `D 8, R 1`: the parties of the signers from `state`.
fn party_breakdown(report: &Report<'_>, parties: &[(Party, u32)], state: State) -> String {
    parties
        .iter()
        .map(|(p, _)| (*p, report.tally().party_state(*p, state)))
        .filter(|(_, n)| *n > 0)
        .map(|(p, n)| format!("{} {n}", report.letter.parties.code(p)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tile-grid map: a square per state and territory where the map puts it, with the
/// count of signers and a strip that splits them by party.
pub(crate) fn tile_map(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    const TILE: u32 = 48;
    const PITCH: u32 = 52;
    const STRIP: u32 = 8;
    let tally = report.tally();
    let parties = tally.parties_by_count();
    let tiles: Vec<(State, u32, u32)> = State::all()
        .filter_map(|s| {
            let info = s.info()?;
            Some((s, u32::from(info.tile_column), u32::from(info.tile_row)))
        })
        .collect();
    let columns = tiles.iter().map(|t| t.1).max().unwrap_or(0) + 1;
    let rows = tiles.iter().map(|t| t.2).max().unwrap_or(0) + 1;
    open_svg(
        out,
        columns * PITCH - (PITCH - TILE),
        rows * PITCH - (PITCH - TILE),
        "Map of signers by state",
    )?;
    for (state, column, row) in tiles {
        let (x, y) = (column * PITCH, row * PITCH);
        let n = tally.state(state);
        writeln!(out, "<g>")?;
        if n == 0 {
            writeln!(
                out,
                "<title>{} ({}): no signers</title>",
                esc(state.name()),
                state.code()
            )?;
            writeln!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{TILE}\" height=\"{TILE}\" rx=\"4\" fill=\"#f3f4f6\"/>"
            )?;
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#9ca3af\">{}</text>",
                x + TILE / 2,
                y + 21,
                state.code()
            )?;
        } else {
            writeln!(
                out,
                "<title>{} ({}): {n} {} ({})</title>",
                esc(state.name()),
                state.code(),
                plural(n),
                esc(&party_breakdown(report, &parties, state))
            )?;
            writeln!(
                out,
                "<rect x=\"{}.5\" y=\"{}.5\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#6b7280\"/>",
                x,
                y,
                TILE - 1,
                TILE - 1
            )?;
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"700\">{}</text>",
                x + TILE / 2,
                y + 18,
                state.code()
            )?;
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{n}</text>",
                x + TILE / 2,
                y + 32
            )?;
            let strip_width = f64::from(TILE - 6);
            let mut strip_x = f64::from(x + 3);
            for (party, _) in &parties {
                let count = tally.party_state(*party, state);
                if count == 0 {
                    continue;
                }
                let width = f64::from(count) / f64::from(n) * strip_width;
                writeln!(
                    out,
                    "<rect x=\"{strip_x:.1}\" y=\"{}\" width=\"{width:.1}\" height=\"{STRIP}\" fill=\"{}\"/>",
                    y + TILE - STRIP - 3,
                    party_colour(*party)
                )?;
                strip_x += width;
            }
        }
        writeln!(out, "</g>")?;
    }
    writeln!(out, "</svg>")
}
