//! `signer-dashboard extract`: the signers of a press release, printed or written as a letter.

use crate::extract::{ExtractFormat, MAX_FOUND, TextKind, extract_as, write_found};
use crate::roster;
use crate::save;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The press release or letter: plain text, Markdown (.md) or HTML (.html, .htm).
    #[arg(value_name = "TEXT_FILE")]
    pub file: PathBuf,
    /// A roster of Congress (legislators-current.json, .yaml or .csv, or one the app
    /// saved): names the text gives without a party tag take party and state from it.
    #[arg(long, value_name = "ROSTER")]
    pub roster: Option<PathBuf>,
    /// How to print the signers found: a JSON array (the default) or a CSV table.
    #[arg(long, value_enum, conflicts_with = "output")]
    pub format: Option<ExtractFormat>,
    /// Write a letter file with the signers found, titled and dated from the text, instead
    /// of printing them (`-` for standard output). An existing file is kept as FILE.bak.
    #[arg(short, long, value_name = "LETTER.json")]
    pub output: Option<PathBuf>,
}

/// Below this confidence a row is worth a person's look, so the command says why.
const WARN_BELOW: f32 = 0.6;

/// Prints the signers of `args.file`, or writes them as a letter.
pub fn run_extract(
    args: &ExtractArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let path = &args.file;
    let shown = path.display();
    let bytes = crate::input::read(path, crate::input::Limit::TEXT)
        .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{shown}: expected UTF-8 text, found the byte 0x{:02X} at byte {} (save the file as UTF-8 and try again)",
            e.as_bytes().get(e.utf8_error().valid_up_to()).copied().unwrap_or(0),
            e.utf8_error().valid_up_to()
        )
    })?;
    let roster = match &args.roster {
        Some(roster_path) => Some(roster::load_path(roster_path)?),
        None => None,
    };
    let kind = TextKind::from_path(path).unwrap_or_else(|| TextKind::detect(&text));
    let extraction = extract_as(&text, kind, roster.as_ref());
    if extraction.signers.is_empty() {
        writeln!(err, "warning: {shown}: no signers found")?;
    }
    if extraction.more_than_listed {
        writeln!(
            err,
            "warning: {shown}: the text names more than {} members; only the first {} are listed",
            crate::text::grouped(MAX_FOUND),
            crate::text::grouped(MAX_FOUND)
        )?;
    }
    for found in extraction
        .signers
        .iter()
        .filter(|f| f.confidence < WARN_BELOW)
    {
        if let Some(note) = &found.note {
            writeln!(err, "warning: {shown}: {}: {note}", found.name)?;
        }
    }
    let Some(output) = &args.output else {
        write_found(out, args.format.unwrap_or_default(), &extraction.signers)?;
        out.flush()?;
        return Ok(());
    };
    if extraction.signers.is_empty() {
        anyhow::bail!("{shown}: no signers found, so no letter was written");
    }
    let letter = extraction.to_letter(&file_title(path));
    if output == Path::new("-") {
        save::write_letter(out, &letter)?;
        out.flush()?;
        return Ok(());
    }
    save::save_letter(output, &letter)?;
    let total = letter.signers.len();
    let leads = extraction.leads();
    writeln!(
        err,
        "wrote a letter of {total} {} ({leads} {}) to {}",
        crate::text::plural(total, "signer", "signers"),
        crate::text::plural(leads, "lead", "leads"),
        output.display()
    )?;
    Ok(())
}

/// The title of a letter whose text has none: the file's name without its extension.
fn file_title(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Imported signers".to_owned())
}
