//! The one-pager: the letter, its counts and its demands as Markdown.

use super::report::{Report, member_label, percent};
use super::{isolate_bidi, markdown_escape};
use crate::model::{Chamber, DemandStatus, Party, Role};
use crate::text::plural;
use std::io::{self, Write};

/// Markdown for text from the file: escaped, and isolated if it runs right to left.
fn md(text: &str) -> String {
    isolate_bidi(&markdown_escape(text)).into_owned()
}

/// Writes the one-pager: title, date, recipients, filters and time made; totals; tables by
/// party and by state; the leads; and the demands as a `- [x]` / `- [ ]` checklist.
pub fn write_markdown(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let letter = report.letter;
    let info = &letter.info;
    let tally = report.tally();
    writeln!(out, "# {}", md(&info.title))?;
    writeln!(out)?;
    if let Some(date) = info.date {
        writeln!(out, "- **Date:** {}", date.long())?;
    }
    if let Some(organization) = &info.organization {
        writeln!(out, "- **From:** {}", md(organization))?;
    }
    if !info.recipients.is_empty() {
        let recipients: Vec<String> = info.recipients.iter().map(|r| md(r)).collect();
        writeln!(out, "- **To:** {}", recipients.join("; "))?;
    }
    if let Some(url) = &info.source_url {
        writeln!(out, "- **Source:** {}", md(url))?;
    }
    writeln!(out, "- **Filters:** {}", md(&report.filter.describe()))?;
    writeln!(
        out,
        "- **Made:** {} with Signer Dashboard",
        md(report.generated_at)
    )?;
    if let Some(summary) = &info.summary {
        writeln!(out)?;
        writeln!(out, "> {}", md(summary))?;
    }

    writeln!(out)?;
    writeln!(out, "## Totals")?;
    writeln!(out)?;
    let states = report.state_count();
    let leads = tally.role(Role::Lead);
    let cosigners = tally.role(Role::Cosigner);
    write!(
        out,
        "**{} {}** from {states} {}: {leads} {} and {cosigners} {}; House {}, Senate {}",
        tally.total,
        plural(tally.total, "signer", "signers"),
        plural(states, "state or territory", "states and territories"),
        plural(leads, "lead", "leads"),
        plural(cosigners, "cosigner", "cosigners"),
        tally.chamber(Some(Chamber::House)),
        tally.chamber(Some(Chamber::Senate)),
    )?;
    match tally.chamber(None) {
        0 => writeln!(out, ".")?,
        n => writeln!(out, ", chamber not given {n}.")?,
    }
    writeln!(
        out,
        "Demands met: {} of {}.",
        tally.demands_met, tally.demands_total
    )?;

    let parties = tally.parties_by_count();
    writeln!(out)?;
    writeln!(out, "## By party")?;
    writeln!(out)?;
    if parties.is_empty() {
        writeln!(out, "No signers match the filters.")?;
    } else {
        writeln!(out, "| Party | Signers | Share |")?;
        writeln!(out, "|---|---:|---:|")?;
        for (party, n) in &parties {
            let label = if *party < Party::UNKNOWN {
                format!(
                    "{} ({})",
                    md(letter.parties.name(*party)),
                    md(letter.parties.code(*party))
                )
            } else {
                md(letter.parties.name(*party))
            };
            writeln!(
                out,
                "| {label} | {n} | {}% |",
                percent(u64::from(*n), tally.total as u64)
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## By state")?;
    writeln!(out)?;
    let states_by_count = tally.states_by_count();
    if states_by_count.is_empty() {
        writeln!(out, "No signers match the filters.")?;
    } else {
        let party_columns: Vec<String> = parties
            .iter()
            .map(|(p, _)| md(letter.parties.code(*p)))
            .collect();
        writeln!(
            out,
            "| State | Signers |{}",
            party_columns
                .iter()
                .map(|c| format!(" {c} |"))
                .collect::<String>()
        )?;
        writeln!(out, "|---|---:|{}", "---:|".repeat(party_columns.len()))?;
        for (state, n) in states_by_count {
            let label = if state.is_known() {
                format!("{} ({})", state.name(), state.code())
            } else {
                state.name().to_owned()
            };
            let by_party: String = parties
                .iter()
                .map(|(p, _)| format!(" {} |", tally.party_state(*p, state)))
                .collect();
            writeln!(out, "| {label} | {n} |{by_party}")?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Leads")?;
    writeln!(out)?;
    let mut has_leads = false;
    for signer in report.signers().filter(|s| s.role == Role::Lead) {
        has_leads = true;
        writeln!(
            out,
            "- {} ({})",
            md(&signer.name),
            md(&member_label(report, signer))
        )?;
    }
    if !has_leads {
        writeln!(out, "No leads among the signers shown.")?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "## Demands ({} of {} met)",
        tally.demands_met, tally.demands_total
    )?;
    writeln!(out)?;
    if letter.demands.is_empty() {
        writeln!(out, "The letter lists no demands.")?;
    }
    for demand in &letter.demands {
        let mark = if demand.status == DemandStatus::Met {
            'x'
        } else {
            ' '
        };
        writeln!(out, "- [{mark}] {}", md(&demand.text))?;
        let mut detail = demand.status.label().to_owned();
        if let Some(source) = &demand.source {
            detail.push_str(" · Source: ");
            detail.push_str(&md(source));
        }
        writeln!(out, "  - {detail}")?;
        if let Some(note) = &demand.note {
            writeln!(out, "  - Note: {}", md(note))?;
        }
    }
    Ok(())
}
