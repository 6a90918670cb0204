//! `signer-dashboard match`, `targets` and `summary --roster`: the letter against a roster
//! of Congress.

use super::{FilterArgs, SummaryArgs, WarningArgs, WarningsShown, load_for_command};
use crate::analysis::select;
use crate::export::{SummaryFormat, summary_json, write_atomically, write_summary};
use crate::model::Date;
use crate::outreach::{Outreach, Status};
use crate::roster::committees::Committees;
use crate::roster::{
    self, CallSheet, MatchFormat, Roster, TargetsFormat, coverage_json, write_coverage_text,
    write_matches, write_targets,
};
use clap::Args;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `match`.
#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The letter (.json) or signers table (.csv); the bundled sample letter if omitted.
    pub file: Option<PathBuf>,
    /// The roster of Congress: legislators-current.json, .yaml or .csv from
    /// unitedstates/congress-legislators, or a roster the app saved.
    #[arg(long, value_name = "ROSTER")]
    pub roster: PathBuf,
    /// How to print the matches.
    #[arg(long, value_enum, default_value_t)]
    pub format: MatchFormat,
    /// How to print the letter's warnings.
    #[command(flatten)]
    pub warnings: WarningArgs,
}

/// Arguments of `targets`.
#[derive(Debug, Args)]
pub struct TargetsArgs {
    /// The letter (.json) or signers table (.csv); the bundled sample letter if omitted.
    pub file: Option<PathBuf>,
    /// The roster of Congress: legislators-current.json, .yaml or .csv from
    /// unitedstates/congress-legislators, or a roster the app saved.
    #[arg(long, value_name = "ROSTER")]
    pub roster: PathBuf,
    /// How to print the members who have not signed.
    #[arg(long, value_enum, default_value_t)]
    pub format: TargetsFormat,
    /// Where to write; standard output if omitted or `-`. The file is replaced only once
    /// the list is complete.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Which members to list: by the roster's party, state and chamber, and name.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Committee seats from committee-membership-current.yaml (unitedstates/congress-legislators;
    /// committees-current.yaml beside it names the committees): adds each member's seats.
    #[arg(long, value_name = "MEMBERSHIP.yaml")]
    pub committees: Option<PathBuf>,
    /// Only members of this committee or subcommittee, by its thomas_id (HSFA, HSFA13),
    /// chair and ranking member first, then by seniority on each side. Needs --committees.
    #[arg(long, value_name = "ID", requires = "committees")]
    pub committee: Option<String>,
    /// Only members with this outreach status (not_asked, asked, lean_yes, undecided,
    /// lean_no, declined); repeat for several.
    #[arg(long = "status", value_name = "S", value_parser = parse_status)]
    pub statuses: Vec<Status>,
    /// Only members whose follow-up is due (today or before).
    #[arg(long)]
    pub due: bool,
    /// The day --due counts from, as YYYY-MM-DD; today (local time) if omitted.
    #[arg(long, value_name = "DATE", requires = "due")]
    pub today: Option<Date>,
    /// How to print the letter's warnings.
    #[command(flatten)]
    pub warnings: WarningArgs,
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| {
        let known: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
        format!(
            "expected one of {} (\"signed\" comes from the letter: signers are never targets)",
            known.join(", ")
        )
    })
}

fn load_roster(path: &Path) -> anyhow::Result<Roster> {
    Ok(roster::load_path(path)?)
}

/// Reads the committee seats, and warns of seats whose member the roster does not have:
/// one line with the count and the first few, or (`--warnings all`) one line each.
fn load_committees(
    path: &Path,
    roster: &Roster,
    shown: WarningsShown,
    err: &mut dyn Write,
) -> anyhow::Result<Committees> {
    let committees = Committees::load_path(path)?;
    let unknown = committees.unknown_members(|bioguide| roster.by_bioguide(bioguide).is_some());
    let describe = |u: &roster::committees::UnknownMember| {
        if u.name.is_empty() {
            format!("{} {}", u.committee, u.bioguide)
        } else {
            format!("{} {} ({})", u.committee, u.bioguide, u.name)
        }
    };
    let mut err = std::io::BufWriter::new(err);
    match shown {
        WarningsShown::All => {
            for seat in &unknown {
                writeln!(
                    err,
                    "warning: {}: {}: the roster has no member with this bioguide id; the seat is left out",
                    path.display(),
                    describe(seat)
                )?;
            }
        }
        WarningsShown::Grouped if !unknown.is_empty() => {
            let first: Vec<String> = unknown.iter().take(3).map(describe).collect();
            let more = if unknown.len() > 3 { ", …" } else { "" };
            writeln!(
                err,
                "warning: {}: {} committee {} name members the roster does not have, left out: {}{more} (--warnings all lists each)",
                path.display(),
                crate::text::grouped(unknown.len()),
                if unknown.len() == 1 { "seat" } else { "seats" },
                first.join(", ")
            )?;
        }
        WarningsShown::Grouped => {}
    }
    err.flush()?;
    Ok(committees)
}

/// Prints each signer with its status, bioguide id and, when ambiguous, the candidates.
pub fn run_match(args: &MatchArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let roster = load_roster(&args.roster)?;
    let loaded = load_for_command(args.file.as_deref(), args.warnings.shown, err)?;
    let matches = roster::match_letter(&loaded.letter, &roster);
    write_matches(out, args.format, &loaded.letter, &roster, &matches)?;
    out.flush()?;
    Ok(())
}

/// Lists the members who have not signed, filtered by party, state, chamber and name.
pub fn run_targets(
    args: &TargetsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    if args.filter.role.is_some() {
        anyhow::bail!(
            "--role does not apply to targets: they are members who have not signed; filter by --party, --state, --chamber or --search"
        );
    }
    let roster = load_roster(&args.roster)?;
    let loaded = load_for_command(args.file.as_deref(), args.warnings.shown, err)?;
    let matches = roster::match_letter(&loaded.letter, &roster);
    let mut targets = roster::targets(&roster, &matches, &args.filter.to_filter());
    let committees = match &args.committees {
        Some(path) => Some(load_committees(path, &roster, args.warnings.shown, err)?),
        None => None,
    };
    if let (Some(committees), Some(id)) = (&committees, &args.committee) {
        let Some(committee) = committees.find(id) else {
            anyhow::bail!(
                "--committee {id}: no committee or subcommittee has that thomas_id in {} (committees there include {})",
                committees.source().display(),
                committees.some_ids(8).join(", ")
            );
        };
        roster::committees::keep_members_of(&mut targets, &roster, committees, committee);
    }
    let outreach = Outreach::from_letter(&loaded.letter)?;
    if !args.statuses.is_empty() {
        targets.retain(|t| {
            roster
                .member(t.member)
                .is_some_and(|m| args.statuses.contains(&outreach.status(&m.bioguide)))
        });
    }
    if args.due {
        let today = args.today.unwrap_or_else(crate::model::Date::today);
        targets.retain(|t| {
            roster
                .member(t.member)
                .and_then(|m| outreach.member(&m.bioguide))
                .is_some_and(|record| record.is_due(today))
        });
    }
    let sheet = CallSheet {
        letter: &loaded.letter,
        roster: &roster,
        targets: &targets,
        committees: committees.as_ref(),
        outreach: &outreach,
    };
    let write = |out: &mut dyn Write| write_targets(out, args.format, &sheet);
    match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        None => {
            write(out)?;
            out.flush()?;
        }
        Some(path) => {
            write_atomically(path, write)?;
            writeln!(
                err,
                "wrote {} {} to {}",
                targets.len(),
                if targets.len() == 1 {
                    "member"
                } else {
                    "members"
                },
                path.display()
            )?;
        }
    }
    Ok(())
}

/// `summary --roster`: the summary, with coverage and the number of members who have not
/// signed (as `coverage` and `targets` in JSON).
pub fn summary_with_roster(
    args: &SummaryArgs,
    roster_path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    if matches!(args.format, SummaryFormat::Markdown | SummaryFormat::Csv) {
        anyhow::bail!("--roster adds coverage to --format text and json only");
    }
    let roster = load_roster(roster_path)?;
    let loaded = load_for_command(args.file.as_deref(), args.warnings.shown, err)?;
    let filter = args.filter.to_filter();
    let selection = select(&loaded.letter, &filter, None);
    let matches = roster::match_letter(&loaded.letter, &roster);
    let coverage = roster::coverage(&roster, &matches, &selection.rows);
    let targets = roster::targets(&roster, &matches, &filter).len();
    if args.format == SummaryFormat::Json {
        let mut summary = summary_json(&loaded.letter, &filter, &selection.tally);
        if let Value::Object(object) = &mut summary {
            object.insert("coverage".to_owned(), coverage_json(&roster, &coverage));
            object.insert("targets".to_owned(), Value::from(targets));
        }
        serde_json::to_writer_pretty(&mut *out, &summary)?;
        writeln!(out)?;
    } else {
        write_summary(out, args.format, &loaded.letter, &filter, &selection.tally)?;
        write_coverage_text(out, &roster, &coverage, targets)?;
    }
    out.flush()?;
    Ok(())
}
