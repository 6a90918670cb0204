//! The command line: `signer-dashboard [FILE]` and the headless subcommands.
//!
//! The subcommands use the same core as the window, so a count printed here and a count
//! shown in a chart can never disagree.

use crate::analysis::{Filter, select};
use crate::desktop;
use crate::export::{
    ExportFormat, Report, SummaryFormat, format_utc, now_utc, write_atomically, write_export,
    write_summary,
};
use crate::load::{self, Duplicate, Loaded, SAMPLE_NAME, Warning, describe_duplicates};
use crate::model::{Chamber, Role, State, normalise_known};
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod extract_command;
mod roster_commands;
pub use extract_command::ExtractArgs;
pub use roster_commands::{MatchArgs, TargetsArgs};

/// Signer Dashboard: who signed a congressional sign-on letter, by party and state.
#[derive(Debug, Parser)]
#[command(
    name = "signer-dashboard",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do without the window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A letter (.json) or a table of signers (.csv) to open in the window; the sample letter if omitted.
    pub file: Option<PathBuf>,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print counts of a letter's signers: by party, state, role and chamber.
    Summary(SummaryArgs),
    /// Write the signers shown as CSV, a Markdown one-pager, a JSON summary or an HTML report.
    Export(ExportArgs),
    /// Match each signer to a roster of Congress: matched, ambiguous or not found, with bioguide ids.
    Match(MatchArgs),
    /// List the members of Congress who have not signed, with phone and office, from a roster.
    Targets(TargetsArgs),
    /// Find the signers in a press release (text, Markdown or HTML): print them as JSON or
    /// CSV, or write them as a letter file.
    Extract(ExtractArgs),
    /// Put Signer Dashboard in the desktop's menu for this user, pointing at this program,
    /// with its icons and "Open with" for JSON and CSV files.
    InstallDesktop,
    /// Take out of the desktop's menu what install-desktop put there, and nothing else.
    UninstallDesktop,
}

/// Arguments of `summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The letter (.json) or signers table (.csv); the bundled sample letter if omitted.
    pub file: Option<PathBuf>,
    /// How to print the summary.
    #[arg(long, value_enum, default_value_t)]
    pub format: SummaryFormat,
    /// Which signers to count.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// A roster of Congress (legislators-current.json, .yaml or .csv): adds coverage by
    /// party and state and the number of members who have not signed.
    #[arg(long, value_name = "ROSTER")]
    pub roster: Option<PathBuf>,
    /// How to print the letter's warnings.
    #[command(flatten)]
    pub warnings: WarningArgs,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The letter (.json) or signers table (.csv); the bundled sample letter if omitted.
    pub file: Option<PathBuf>,
    /// What to write; taken from the extension of OUT when omitted.
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Where to write; standard output if omitted or `-`. The file is replaced only once
    /// the export is complete.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Which signers to export.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How to print the letter's warnings.
    #[command(flatten)]
    pub warnings: WarningArgs,
}

/// How the headless commands print a letter's warnings.
#[derive(Debug, Default, Args)]
pub struct WarningArgs {
    /// Possible duplicates (the same name and state as an earlier signer) as one line with
    /// their count and the first few (`grouped`), or one line each (`all`).
    #[arg(long = "warnings", value_enum, default_value_t, value_name = "HOW")]
    pub shown: WarningsShown,
}

/// See [`WarningArgs`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum WarningsShown {
    /// Every warning, but the possible duplicates as one line.
    #[default]
    Grouped,
    /// Every warning and every possible duplicate, one line each.
    All,
}

/// The filters every headless command shares with the window.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only signers of this party (D, R, I or another code); repeat for several.
    #[arg(long = "party", value_name = "P", value_parser = parse_party)]
    pub parties: Vec<String>,
    /// Only signers from this state (NJ, "New Jersey", N.J.); repeat for several.
    #[arg(long = "state", value_name = "S", value_parser = parse_state)]
    pub states: Vec<String>,
    /// Only one chamber.
    #[arg(long, value_parser = parse_chamber)]
    pub chamber: Option<Chamber>,
    /// Only leads or only cosigners.
    #[arg(long, value_parser = parse_role)]
    pub role: Option<Role>,
    /// Only names containing this text; case and accents are ignored.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl FilterArgs {
    /// The filter these arguments describe.
    pub fn to_filter(&self) -> Filter {
        Filter {
            parties: self.parties.iter().cloned().collect(),
            states: self.states.iter().cloned().collect(),
            chamber: self.chamber,
            role: self.role,
            search: self.search.clone().unwrap_or_default(),
        }
    }
}

fn parse_party(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("expected a party code such as D, R or I".into());
    }
    Ok(match normalise_known(trimmed) {
        Some(party) => crate::model::PartyTable::default().code(party).to_owned(),
        None => trimmed.to_ascii_uppercase(),
    })
}

fn parse_state(text: &str) -> Result<String, String> {
    State::parse(text)
        .map(|s| s.code().to_owned())
        .ok_or_else(|| {
            format!(
                "expected a state or territory (e.g. NJ, \"New Jersey\", N.J.), found \"{text}\""
            )
        })
}

fn parse_chamber(text: &str) -> Result<Chamber, String> {
    Chamber::parse(text)
        .ok_or_else(|| format!("expected \"house\" or \"senate\", found \"{text}\""))
}

fn parse_role(text: &str) -> Result<Role, String> {
    match text.trim() {
        "" => Err("expected \"lead\" or \"cosigner\"".into()),
        t => Role::parse(t)
            .ok_or_else(|| format!("expected \"lead\" or \"cosigner\", found \"{text}\"")),
    }
}

/// Runs a headless subcommand, printing its output to stdout and any error, once, to stderr.
pub fn run(command: Command) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let stderr = std::io::stderr();
    // Warnings go through a buffer: a big letter can have thousands of them.
    let mut err = std::io::BufWriter::new(stderr.lock());
    let result = match command {
        Command::Summary(args) => summary(&args, &mut out, &mut err),
        Command::Export(args) => export(&args, &mut out, &mut err),
        Command::Match(args) => roster_commands::run_match(&args, &mut out, &mut err),
        Command::Targets(args) => roster_commands::run_targets(&args, &mut out, &mut err),
        Command::Extract(args) => extract_command::run_extract(&args, &mut out, &mut err),
        Command::InstallDesktop => install_desktop(&mut out, &mut err),
        Command::UninstallDesktop => uninstall_desktop(&mut out, &mut err),
    };
    let flushed = err.flush();
    drop(err);
    match result.and_then(|()| Ok(flushed?)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // A closed pipe (`| head`) is not the user's mistake: stop quietly.
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(stderr.lock(), "error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Loads `file`, or the bundled sample when there is none, and prints its warnings.
pub fn load_for_command(
    file: Option<&Path>,
    shown: WarningsShown,
    warnings_to: &mut dyn Write,
) -> anyhow::Result<Loaded> {
    let loaded = match file {
        Some(path) => load::load_path(path)?,
        None => load::load_bytes(
            Path::new(SAMPLE_NAME),
            load::SAMPLE_JSON.as_bytes(),
            load::SourceFormat::Json,
        )?,
    };
    let shown_name = file.map_or_else(|| SAMPLE_NAME.to_owned(), |p| p.display().to_string());
    let signers = &loaded.letter.signers;
    let duplicates = &loaded.duplicates;
    let name = |at: usize| {
        let signer = duplicates.get(at).and_then(|d| signers.get(d.signer));
        signer.map_or("", |s| &*s.name)
    };
    write_warnings(
        warnings_to,
        &shown_name,
        &loaded.warnings,
        &loaded.duplicates,
        &name,
        shown,
    )?;
    Ok(loaded)
}

/// Prints `warnings`, then the possible duplicates: one line with their count and the
/// first few, or with [`WarningsShown::All`] one line each; `name` gives the name of the
/// duplicate at a place in `duplicates` (it is asked only for the first few unless all
/// are shown).
fn write_warnings<'n>(
    out: &mut dyn Write,
    file: &str,
    warnings: &[Warning],
    duplicates: &[Duplicate],
    name: &dyn Fn(usize) -> &'n str,
    shown: WarningsShown,
) -> std::io::Result<()> {
    for warning in warnings {
        writeln!(out, "warning: {file}: {warning}")?;
    }
    match shown {
        WarningsShown::All => {
            for (at, duplicate) in duplicates.iter().enumerate() {
                writeln!(out, "warning: {file}: {}", duplicate.describe(name(at)))?;
            }
        }
        WarningsShown::Grouped => {
            let count = duplicates.len().min(load::DUPLICATE_EXAMPLES);
            let examples = (0..count).map(name);
            if let Some(line) = describe_duplicates(duplicates, examples) {
                writeln!(out, "warning: {file}: {line}")?;
            }
        }
    }
    Ok(())
}

fn summary(args: &SummaryArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(roster) = &args.roster {
        return roster_commands::summary_with_roster(args, roster, out, err);
    }
    let filter = args.filter.to_filter();
    // A file is counted as it is read, without keeping its signers; anything unusual
    // (errors included) is loaded in full below, which reports it as it always has, as
    // is a letter whose every duplicate is to be named.
    if let Some(path) = args.file.as_deref()
        && args.warnings.shown == WarningsShown::Grouped
        && let Some(counted) = load::count_path(path, &filter)
    {
        // Only the first few duplicates are named, and their names were read again.
        let names = &counted.duplicate_names;
        let name = |at: usize| names.get(at).map_or("", String::as_str);
        write_warnings(
            err,
            &path.display().to_string(),
            &counted.warnings,
            &counted.duplicates,
            &name,
            WarningsShown::Grouped,
        )?;
        write_summary(out, args.format, &counted.letter, &filter, &counted.tally)?;
        return Ok(out.flush()?);
    }
    let loaded = load_for_command(args.file.as_deref(), args.warnings.shown, err)?;
    let selection = select(&loaded.letter, &filter, None);
    write_summary(out, args.format, &loaded.letter, &filter, &selection.tally)?;
    out.flush()?;
    // The process ends next: freeing a million signers one by one would take longer than
    // counting them, and the system takes the memory back at once.
    std::mem::forget(loaded);
    Ok(())
}

fn export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let from_extension = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(ExportFormat::from_extension);
    let Some(format) = args.format.or(from_extension) else {
        anyhow::bail!(
            "say what to write with --format csv, markdown, json or html (or give -o a file name ending in .csv, .md, .json or .html)"
        );
    };
    let generated_at = generated_at()?;
    let loaded = load_for_command(args.file.as_deref(), args.warnings.shown, err)?;
    let filter = args.filter.to_filter();
    let selection = select(&loaded.letter, &filter, None);
    let report = Report {
        letter: &loaded.letter,
        filter: &filter,
        selection: &selection,
        generated_at: &generated_at,
    };
    match output {
        None => {
            write_export(out, format, &report)?;
            out.flush()?;
        }
        Some(path) => {
            write_atomically(path, |file| write_export(file, format, &report))?;
            let total = selection.tally.total;
            writeln!(
                err,
                "wrote {} ({total} {}) to {}",
                format.label(),
                if total == 1 { "signer" } else { "signers" },
                path.display()
            )?;
        }
    }
    Ok(())
}

/// When the export is made: now, or `SOURCE_DATE_EPOCH` when it is set, so that builds
/// and tests can make the same file twice.
fn generated_at() -> anyhow::Result<String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => match text.trim().parse::<u64>() {
            Ok(seconds) => Ok(format_utc(seconds)),
            Err(_) => anyhow::bail!(
                "SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, found \"{text}\""
            ),
        },
        Err(_) => Ok(now_utc()),
    }
}

fn install_desktop(out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let data_home = desktop_data_home(err)?;
    let program = std::env::current_exe()
        .map_err(|e| anyhow::anyhow!("cannot find the running program: {e}"))?;
    let installed = desktop::install(&data_home, &program)?;
    installed.write_report(out)?;
    desktop::write_cache_report(out, &desktop::refresh_caches(&data_home))?;
    writeln!(
        out,
        "Signer Dashboard is in the menu; `signer-dashboard uninstall-desktop` takes it out"
    )?;
    Ok(())
}

fn uninstall_desktop(out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<()> {
    let data_home = desktop_data_home(err)?;
    let uninstalled = desktop::uninstall(&data_home)?;
    uninstalled.write_report(out, &data_home)?;
    if uninstalled.manifest.is_some() {
        desktop::write_cache_report(out, &desktop::refresh_caches(&data_home))?;
    }
    Ok(())
}

/// The XDG data folder, with a warning on stderr when `XDG_DATA_HOME` had to be ignored.
fn desktop_data_home(err: &mut dyn Write) -> anyhow::Result<PathBuf> {
    let data_home = desktop::data_home_from_environment()?;
    if let Some(warning) = &data_home.warning {
        writeln!(err, "warning: {warning}")?;
    }
    Ok(data_home.path)
}
