//! Writes a synthetic letter for benchmarks: JSON or CSV by the output's extension.
//!
//! ```sh
//! cargo run --release --example generate -- 1000000 /tmp/big.json
//! cargo run --release --example generate -- 1000000 /tmp/big.csv --seed 7
//! cargo run --release --example generate -- 1000000 /tmp/real.csv --repeat-share 0.15
//! ```
//!
//! The same count and seed always give the same bytes. See `synthetic.rs` for what the
//! letter looks like.

#![expect(
    clippy::indexing_slicing,
    reason = "a benchmark tool: indices come from the generator's own tables"
)]

#[expect(
    dead_code,
    reason = "the writers without a repeat share are for the benches and tests"
)]
mod synthetic;

use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: generate COUNT OUT.json|OUT.csv [--seed N] [--repeat-share 0..1]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 2025_u64;
    let mut repeat_share = 0.0_f64;
    while let Some(arg) = args.next() {
        if arg == "--seed" {
            let text = args.next().ok_or("--seed needs a number")?;
            seed = text
                .parse()
                .map_err(|_| format!("--seed: expected a whole number, found \"{text}\""))?;
        } else if arg == "--repeat-share" {
            let text = args.next().ok_or("--repeat-share needs a number")?;
            repeat_share = text
                .parse()
                .ok()
                .filter(|share: &f64| (0.0..=1.0).contains(share))
                .ok_or_else(|| {
                    format!("--repeat-share: expected a share from 0 to 1, found \"{text}\"")
                })?;
        } else {
            positional.push(arg);
        }
    }
    let [count, path] = positional.as_slice() else {
        return Err("expected a count and an output file".into());
    };
    let count: usize = count
        .replace('_', "")
        .parse()
        .map_err(|_| format!("expected a number of signers, found \"{count}\""))?;
    let path = PathBuf::from(path);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let file = std::fs::File::create(&path)
        .map_err(|e| format!("cannot create the file: {e}: {}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let written = match extension.as_deref() {
        Some("json") => synthetic::write_json_repeating(&mut out, count, seed, repeat_share),
        Some("csv") => synthetic::write_csv_repeating(&mut out, count, seed, repeat_share),
        _ => return Err(format!("expected a .json or .csv file: {}", path.display())),
    };
    written.map_err(|e| format!("cannot write the file: {e}: {}", path.display()))?;
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    eprintln!(
        "wrote {count} signers ({:.1} MB, seed {seed}, repeat share {repeat_share}) to {}",
        bytes as f64 / 1e6,
        path.display()
    );
    Ok(())
}
