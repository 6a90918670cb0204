//! The report: one self-contained HTML file to read on screen, send, or print.
//!
//! No script, no request to the network: styles are inline and the charts are inline SVG.
//! The markup is also well-formed XML (void elements closed, every attribute quoted,
//! only XML's five entities), so that it can be checked with an XML parser.

use super::palette::party_colour;
use super::report::{Report, district_text, member_label, percent, state_text};
use super::svg::{self, party_label};
use super::{html_escape as esc, needs_bidi_isolation};
use crate::model::{Chamber, DemandStatus, Role};
use crate::text::plural;
use std::io::{self, Write};

/// The page's styles. No `size` in `@page`: the report prints on whatever paper the
/// printer holds, and its margins and widths fit both A4 and US Letter.
const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111827; background: #ffffff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid #d1d5db; }
p { margin: .25rem 0; }
.meta { color: #4b5563; }
.summary { margin: .75rem 0; max-width: 48rem; }
.filters { margin-top: .75rem; padding: .4rem .7rem; background: #f3f4f6; border-radius: 4px; }
.figures { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1.25rem 0; padding: 0; list-style: none; }
.figures li { border: 1px solid #d1d5db; border-radius: 6px; padding: .45rem .9rem; min-width: 7.5rem; }
.figures strong { display: block; font-size: 1.5rem; line-height: 1.2; }
.figures span { color: #4b5563; font-size: .85rem; }
.charts { display: flex; flex-wrap: wrap; gap: 0 2rem; }
figure { margin: .5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .35rem; }
svg { display: block; max-width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem 1.1rem; margin: .6rem 0 0; padding: 0; list-style: none; font-size: .9rem; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border-radius: 2px; vertical-align: -.05em; }
.note { color: #4b5563; font-size: .9rem; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { padding: .3rem .5rem; text-align: left; vertical-align: top; border-bottom: 1px solid #e5e7eb; }
th { border-bottom: 2px solid #9ca3af; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.lead td:first-child { font-weight: 600; }
.checklist { margin: 0; padding: 0; list-style: none; }
.checklist li { display: flex; gap: .6rem; margin: .55rem 0; break-inside: avoid; page-break-inside: avoid; }
.box { flex: none; font-size: 1.15rem; line-height: 1.2; }
.status { display: inline-block; margin-left: .35rem; padding: 0 .45rem; border: 1px solid currentColor; border-radius: 999px; font-size: .75rem; white-space: nowrap; }
.status-met { color: #15803d; }
.status-in_progress { color: #b45309; }
.status-open { color: #4b5563; }
.detail { display: block; color: #4b5563; font-size: .85rem; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #d1d5db; color: #6b7280; font-size: .8rem; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12pt; break-after: avoid; page-break-after: avoid; }
  .charts { display: block; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Text from the file for inline use: escaped, and isolated in `<bdi>` if it has
/// right-to-left letters or direction marks, so that it cannot reorder what follows it.
fn inline(text: &str) -> String {
    if needs_bidi_isolation(text) {
        format!("<bdi>{}</bdi>", esc(text))
    } else {
        esc(text).into_owned()
    }
}

/// Writes the report: the letter, the filters and the time made; key figures; charts by
/// party and by state; the tile map; the table of signers shown; the demands checklist.
pub fn write_html(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let info = &report.letter.info;
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
    )?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\"/>")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
    )?;
    writeln!(
        out,
        "<meta name=\"generator\" content=\"Signer Dashboard\"/>"
    )?;
    writeln!(out, "<title>{}</title>", esc(&info.title))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    header(out, report)?;
    figures(out, report)?;
    charts(out, report)?;
    map(out, report)?;
    signer_table(out, report)?;
    demands(out, report)?;
    writeln!(
        out,
        "<footer>Made {} with Signer Dashboard from \u{201c}{}\u{201d}. Filters: {}.</footer>",
        time(report.generated_at),
        inline(&info.title),
        inline(&report.filter.describe())
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The time made, as a `<time>` element: `2025-04-09 12:30:00 UTC` for people.
fn time(generated_at: &str) -> String {
    let shown = match generated_at
        .strip_suffix('Z')
        .and_then(|t| t.split_once('T'))
    {
        Some((day, time)) => format!("{day} {time} UTC"),
        None => generated_at.to_owned(),
    };
    format!(
        "<time datetime=\"{}\">{}</time>",
        esc(generated_at),
        esc(&shown)
    )
}

fn header(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let info = &report.letter.info;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{}</h1>", esc(&info.title))?;
    let mut meta: Vec<String> = Vec::new();
    if let Some(date) = info.date {
        meta.push(format!(
            "<time datetime=\"{date}\">{}</time>",
            esc(&date.long())
        ));
    }
    if let Some(organization) = &info.organization {
        meta.push(inline(organization));
    }
    if !meta.is_empty() {
        writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "))?;
    }
    if !info.recipients.is_empty() {
        let recipients: Vec<String> = info.recipients.iter().map(|r| inline(r)).collect();
        writeln!(out, "<p class=\"meta\">To: {}</p>", recipients.join("; "))?;
    }
    if let Some(url) = &info.source_url {
        // Only web addresses become links: a `javascript:` one from a file stays text.
        let is_web = ["https://", "http://"].iter().any(|scheme| {
            url.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        });
        if is_web {
            writeln!(
                out,
                "<p class=\"meta\">Source: <a href=\"{0}\">{0}</a></p>",
                esc(url)
            )?;
        } else {
            writeln!(out, "<p class=\"meta\">Source: {}</p>", inline(url))?;
        }
    }
    if let Some(summary) = &info.summary {
        writeln!(out, "<p class=\"summary\">{}</p>", esc(summary))?;
    }
    writeln!(
        out,
        "<p class=\"filters\">Filters: <strong>{}</strong> · made {} with Signer Dashboard</p>",
        inline(&report.filter.describe()),
        time(report.generated_at)
    )?;
    writeln!(out, "</header>")
}

fn figures(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let tally = report.tally();
    let total = tally.total as u64;
    let states = report.state_count() as u64;
    let leads = tally.role(Role::Lead);
    let cosigners = tally.role(Role::Cosigner);
    let mut figures = vec![
        (total.to_string(), plural(total, "signer", "signers")),
        (leads.to_string(), plural(leads, "lead", "leads")),
        (
            cosigners.to_string(),
            plural(cosigners, "cosigner", "cosigners"),
        ),
        (
            states.to_string(),
            plural(states, "state or territory", "states and territories"),
        ),
    ];
    // A chamber nobody shown sits in is left out: most letters come from one chamber.
    for chamber in Chamber::ALL {
        let n = tally.chamber(Some(chamber));
        if n > 0 {
            figures.push((n.to_string(), chamber.label()));
        }
    }
    figures.push((
        format!("{} of {}", tally.demands_met, tally.demands_total),
        "demands met",
    ));
    writeln!(out, "<ul class=\"figures\">")?;
    for (number, label) in figures {
        writeln!(
            out,
            "<li><strong>{number}</strong><span>{label}</span></li>"
        )?;
    }
    writeln!(out, "</ul>")
}

fn charts(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    writeln!(out, "<h2>Who signed</h2>")?;
    if report.tally().total == 0 {
        return writeln!(out, "<p class=\"note\">No signers match the filters.</p>");
    }
    writeln!(out, "<div class=\"charts\">")?;
    writeln!(out, "<figure>")?;
    writeln!(out, "<figcaption>By party</figcaption>")?;
    svg::party_chart(out, report)?;
    writeln!(out, "</figure>")?;
    writeln!(out, "<figure>")?;
    writeln!(out, "<figcaption>By state</figcaption>")?;
    svg::state_chart(out, report)?;
    writeln!(out, "</figure>")?;
    writeln!(out, "</div>")
}

fn map(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let tally = report.tally();
    writeln!(out, "<h2>Where they are from</h2>")?;
    writeln!(out, "<figure>")?;
    svg::tile_map(out, report)?;
    writeln!(out, "<ul class=\"legend\">")?;
    for (party, n) in tally.parties_by_count() {
        writeln!(
            out,
            "<li><span class=\"swatch\" style=\"background: {}\"></span>{} {n}</li>",
            party_colour(party),
            esc(&party_label(&report.letter.parties, party))
        )?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</figure>")?;
    let unknown = tally.state(crate::model::State::UNKNOWN);
    if unknown > 0 {
        writeln!(
            out,
            "<p class=\"note\">{unknown} {} from a state the letter does not give or the app does not know {} not on the map.</p>",
            plural(unknown, "signer", "signers"),
            plural(unknown, "is", "are")
        )?;
    }
    let missing = tally.states_without_signers();
    let missing_states: Vec<&str> = missing
        .iter()
        .filter(|s| s.info().is_some_and(|i| i.is_state))
        .map(|s| s.code())
        .collect();
    if !missing_states.is_empty() && tally.total > 0 {
        writeln!(
            out,
            "<p class=\"note\">No signer from {} of the 50 states: {}.</p>",
            missing_states.len(),
            missing_states.join(", ")
        )?;
    }
    Ok(())
}

fn signer_table(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let total = report.tally().total;
    writeln!(out, "<h2>Signers ({total})</h2>")?;
    if total == 0 {
        return writeln!(out, "<p class=\"note\">No signers match the filters.</p>");
    }
    let has_signed_on = report.signers().any(|s| s.signed_on.is_some());
    let has_bioguide = report.signers().any(|s| s.bioguide.is_some());
    let has_note = report.signers().any(|s| s.note.is_some());
    writeln!(out, "<table>")?;
    write!(
        out,
        "<thead><tr><th>Name</th><th>Party</th><th>State</th><th class=\"number\">District</th><th>Chamber</th><th>Role</th>"
    )?;
    if has_signed_on {
        write!(out, "<th>Signed</th>")?;
    }
    if has_bioguide {
        write!(out, "<th>Bioguide</th>")?;
    }
    if has_note {
        write!(out, "<th>Note</th>")?;
    }
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")?;
    for signer in report.signers() {
        let party = report.party_code(signer.party);
        write!(
            out,
            "<tr{}><td>{}</td><td><span class=\"swatch\" style=\"background: {}\"></span>{}</td><td>{}</td><td class=\"number\">{}</td><td>{}</td><td>{}</td>",
            if signer.role == Role::Lead {
                " class=\"lead\""
            } else {
                ""
            },
            esc(&signer.name),
            party_colour(signer.party),
            if party.is_empty() {
                "?".into()
            } else {
                esc(party)
            },
            esc(state_text(signer)),
            district_text(signer).unwrap_or_default(),
            signer.chamber.map_or("", Chamber::label),
            signer.role.label()
        )?;
        if has_signed_on {
            write!(
                out,
                "<td>{}</td>",
                signer.signed_on.map(|d| d.to_string()).unwrap_or_default()
            )?;
        }
        if has_bioguide {
            write!(
                out,
                "<td>{}</td>",
                esc(signer.bioguide.as_deref().unwrap_or_default())
            )?;
        }
        if has_note {
            write!(
                out,
                "<td>{}</td>",
                esc(signer.note.as_deref().unwrap_or_default())
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    let leads: Vec<String> = report
        .signers()
        .filter(|s| s.role == Role::Lead)
        .map(|s| format!("{} ({})", inline(&s.name), inline(&member_label(report, s))))
        .collect();
    if !leads.is_empty() {
        writeln!(
            out,
            "<p class=\"note\">{}: {}.</p>",
            plural(leads.len() as u64, "Lead", "Leads"),
            leads.join("; ")
        )?;
    }
    Ok(())
}

fn demands(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let letter = report.letter;
    let tally = report.tally();
    writeln!(
        out,
        "<h2>Demands ({} of {} met, {}%)</h2>",
        tally.demands_met,
        tally.demands_total,
        percent(tally.demands_met as u64, tally.demands_total as u64)
    )?;
    if letter.demands.is_empty() {
        return writeln!(out, "<p class=\"note\">The letter lists no demands.</p>");
    }
    writeln!(out, "<ul class=\"checklist\">")?;
    for demand in &letter.demands {
        let is_met = demand.status == DemandStatus::Met;
        write!(
            out,
            "<li><span class=\"box\" aria-hidden=\"true\">{}</span><div>{}<span class=\"status status-{}\">{}</span>",
            if is_met { '\u{2611}' } else { '\u{2610}' },
            inline(&demand.text),
            demand.status.code(),
            demand.status.label()
        )?;
        if let Some(source) = &demand.source {
            write!(
                out,
                "<span class=\"detail\">Source: {}</span>",
                inline(source)
            )?;
        }
        if let Some(note) = &demand.note {
            write!(out, "<span class=\"detail\">Note: {}</span>", inline(note))?;
        }
        writeln!(out, "</div></li>")?;
    }
    writeln!(out, "</ul>")
}
