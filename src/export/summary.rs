//! The summary of a letter's signers, as printed by `signer-dashboard summary`.

use crate::analysis::{Filter, Tally};
use crate::model::{Chamber, Letter, Role};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

/// The formats `summary` can print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    /// Aligned plain text for a terminal.
    #[default]
    Text,
    /// One JSON object, for scripts.
    Json,
    /// Markdown tables, for notes and issues.
    Markdown,
    /// `dimension,value,signers` rows, for spreadsheets.
    Csv,
}

/// The summary as one JSON object: `letter`, `total`, `by_party`, `by_state`,
/// `by_party_state`, `by_role`, `by_chamber`, `states_without_signers`, `demands`, `filters`.
pub fn summary_json(letter: &Letter, filter: &Filter, tally: &Tally) -> Value {
    let by_party: Map<String, Value> = tally
        .parties_by_count()
        .into_iter()
        .map(|(p, n)| (letter.parties.code(p).to_owned(), json!(n)))
        .collect();
    let by_state: Map<String, Value> = tally
        .states_by_count()
        .into_iter()
        .map(|(s, n)| (s.code().to_owned(), json!(n)))
        .collect();
    let by_party_state: Map<String, Value> = tally
        .states_by_count()
        .into_iter()
        .map(|(state, _)| {
            let parties: Map<String, Value> = tally
                .parties_by_count()
                .into_iter()
                .map(|(party, _)| (party, tally.party_state(party, state)))
                .filter(|(_, n)| *n > 0)
                .map(|(party, n)| (letter.parties.code(party).to_owned(), json!(n)))
                .collect();
            (state.code().to_owned(), Value::Object(parties))
        })
        .collect();
    let mut by_chamber = Map::new();
    for chamber in Chamber::ALL {
        by_chamber.insert(
            chamber.code().to_owned(),
            json!(tally.chamber(Some(chamber))),
        );
    }
    if tally.chamber(None) > 0 {
        by_chamber.insert("unknown".to_owned(), json!(tally.chamber(None)));
    }
    let by_role: Map<String, Value> = Role::ALL
        .iter()
        .map(|r| (r.code().to_owned(), json!(tally.role(*r))))
        .collect();
    json!({
        "letter": {
            "title": letter.info.title,
            "date": letter.info.date.map(|d| d.to_string()),
            "organization": letter.info.organization,
            "recipients": letter.info.recipients,
        },
        "total": tally.total,
        "by_party": by_party,
        "by_state": by_state,
        "by_party_state": by_party_state,
        "by_role": by_role,
        "by_chamber": by_chamber,
        "states_without_signers": tally.states_without_signers().iter().map(|s| s.code()).collect::<Vec<_>>(),
        "demands": { "total": tally.demands_total, "met": tally.demands_met },
        "filters": {
            "party": filter.parties,
            "state": filter.states,
            "chamber": filter.chamber.map(Chamber::code),
            "role": filter.role.map(Role::code),
            "search": Some(filter.search.trim()).filter(|s| !s.is_empty()),
        },
    })
}

/// Writes the summary of `tally` in `format`.
pub fn write_summary(
    out: &mut dyn Write,
    format: SummaryFormat,
    letter: &Letter,
    filter: &Filter,
    tally: &Tally,
) -> io::Result<()> {
    match format {
        SummaryFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary_json(letter, filter, tally))?;
            writeln!(out)
        }
        SummaryFormat::Text => text(out, letter, filter, tally),
        SummaryFormat::Markdown => markdown(out, letter, filter, tally),
        SummaryFormat::Csv => csv(out, letter, tally),
    }
}

fn text(out: &mut dyn Write, letter: &Letter, filter: &Filter, tally: &Tally) -> io::Result<()> {
    writeln!(out, "{}", letter.info.title)?;
    if let Some(date) = letter.info.date {
        writeln!(out, "Date: {date}")?;
    }
    if !letter.info.recipients.is_empty() {
        writeln!(out, "To: {}", letter.info.recipients.join("; "))?;
    }
    if !filter.is_empty() {
        writeln!(out, "Filters: {}", filter.describe())?;
    }
    writeln!(out)?;
    writeln!(out, "Signers: {}", tally.total)?;
    let parties: Vec<String> = tally
        .parties_by_count()
        .iter()
        .map(|(p, n)| format!("{} {n}", letter.parties.code(*p)))
        .collect();
    writeln!(
        out,
        "By party: {}",
        if parties.is_empty() {
            "none".into()
        } else {
            parties.join(", ")
        }
    )?;
    writeln!(
        out,
        "By role: {}, {}",
        count(tally.role(Role::Lead), "lead", "leads"),
        count(tally.role(Role::Cosigner), "cosigner", "cosigners")
    )?;
    let mut chambers = vec![
        format!("House {}", tally.chamber(Some(Chamber::House))),
        format!("Senate {}", tally.chamber(Some(Chamber::Senate))),
    ];
    if tally.chamber(None) > 0 {
        chambers.push(format!("not given {}", tally.chamber(None)));
    }
    writeln!(out, "By chamber: {}", chambers.join(", "))?;
    writeln!(
        out,
        "Demands met: {} of {}",
        tally.demands_met, tally.demands_total
    )?;
    writeln!(out)?;
    writeln!(out, "By state:")?;
    for (state, n) in tally.states_by_count() {
        let parties: Vec<String> = tally
            .parties_by_count()
            .iter()
            .map(|(p, _)| (*p, tally.party_state(*p, state)))
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| format!("{} {n}", letter.parties.code(p)))
            .collect();
        writeln!(
            out,
            "  {:<3} {:>6}  {:<24} {}",
            state.code(),
            n,
            state.name(),
            parties.join(", ")
        )?;
    }
    let missing: Vec<&str> = tally
        .states_without_signers()
        .iter()
        .map(|s| s.code())
        .collect();
    writeln!(out)?;
    writeln!(
        out,
        "No signer from ({}): {}",
        missing.len(),
        missing.join(" ")
    )
}

fn markdown(
    out: &mut dyn Write,
    letter: &Letter,
    filter: &Filter,
    tally: &Tally,
) -> io::Result<()> {
    writeln!(
        out,
        "# {}",
        crate::export::markdown_escape(&letter.info.title)
    )?;
    writeln!(out)?;
    if let Some(date) = letter.info.date {
        writeln!(out, "- **Date:** {date}")?;
    }
    if !letter.info.recipients.is_empty() {
        writeln!(
            out,
            "- **To:** {}",
            crate::export::markdown_escape(&letter.info.recipients.join("; "))
        )?;
    }
    writeln!(
        out,
        "- **Signers:** {} ({}, {})",
        tally.total,
        count(tally.role(Role::Lead), "lead", "leads"),
        count(tally.role(Role::Cosigner), "cosigner", "cosigners")
    )?;
    writeln!(
        out,
        "- **Demands met:** {} of {}",
        tally.demands_met, tally.demands_total
    )?;
    writeln!(
        out,
        "- **Filters:** {}",
        crate::export::markdown_escape(&filter.describe())
    )?;
    writeln!(out)?;
    writeln!(out, "| Party | Signers |")?;
    writeln!(out, "|---|---:|")?;
    for (party, n) in tally.parties_by_count() {
        writeln!(
            out,
            "| {} | {n} |",
            crate::export::markdown_escape(letter.parties.name(party))
        )?;
    }
    writeln!(out)?;
    writeln!(out, "| State | Signers |")?;
    writeln!(out, "|---|---:|")?;
    for (state, n) in tally.states_by_count() {
        writeln!(out, "| {} ({}) | {n} |", state.name(), state.code())?;
    }
    Ok(())
}

fn csv(out: &mut dyn Write, letter: &Letter, tally: &Tally) -> io::Result<()> {
    let mut rows: Vec<(&str, &str, u64)> = vec![("total", "", tally.total as u64)];
    for (party, n) in tally.parties_by_count() {
        rows.push(("party", letter.parties.code(party), u64::from(n)));
    }
    for (state, n) in tally.states_by_count() {
        rows.push(("state", state.code(), u64::from(n)));
    }
    rows.extend(
        Role::ALL
            .iter()
            .map(|r| ("role", r.code(), u64::from(tally.role(*r)))),
    );
    rows.extend(
        Chamber::ALL
            .iter()
            .map(|c| ("chamber", c.code(), u64::from(tally.chamber(Some(*c))))),
    );
    rows.push(("demands_met", "", tally.demands_met as u64));
    rows.push(("demands_total", "", tally.demands_total as u64));
    let mut writer = ::csv::Writer::from_writer(out);
    writer
        .write_record(["dimension", "value", "signers"])
        .map_err(io::Error::other)?;
    for (dimension, value, n) in rows {
        writer
            .write_record([dimension, value, &n.to_string()])
            .map_err(io::Error::other)?;
    }
    writer.flush()
}

/// "1 cosigner", "21 cosigners".
fn count(n: u32, one: &'static str, many: &'static str) -> String {
    format!("{n} {}", crate::text::plural(n, one, many))
}
