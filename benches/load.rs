//! How long loading a big letter takes, JSON and CSV, from a file (the streaming reader)
//! and from bytes in memory (the whole-text reader), and how long `summary`'s counting
//! reader (`count_path`) takes over the same files.
//!
//! ```sh
//! cargo bench --no-default-features --bench load                   # 100,000 signers
//! SIGNERS=1000000 cargo bench --no-default-features --bench load   # the issue's million
//! ```
//!
//! The letters come from the synthetic generator (`examples/generate`), written to a
//! temporary folder. Timings exclude the disk: the file is in the page cache after the
//! first iteration. The whole process, memory included, is measured by
//! `scripts/bench-summary.sh`.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark that cannot set itself up should stop"
)]

mod common;
#[path = "../examples/generate/synthetic.rs"]
#[expect(
    dead_code,
    reason = "the generator module has parts only the example uses"
)]
mod synthetic;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use signer_dashboard::analysis::Filter;
use signer_dashboard::load::{self, SourceFormat};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Signers per letter: 100,000 unless `SIGNERS` says otherwise.
fn signers() -> usize {
    common::signers(100_000)
}

/// A synthetic letter of `count` signers written to `folder` as `big.json` or `big.csv`,
/// `repeat_share` of them repeating an earlier signer's name and state.
fn write_letter(
    folder: &Path,
    extension: &str,
    count: usize,
    repeat_share: f64,
) -> (PathBuf, Vec<u8>) {
    let mut bytes = Vec::new();
    match extension {
        "json" => synthetic::write_json_repeating(&mut bytes, count, 2025, repeat_share),
        _ => synthetic::write_csv_repeating(&mut bytes, count, 2025, repeat_share),
    }
    .expect("the generator writes to memory");
    let path = folder.join(format!("big-{repeat_share}.{extension}"));
    std::fs::write(&path, &bytes).expect("the letter is written");
    (path, bytes)
}

fn bench_load(c: &mut Criterion) {
    let count = signers();
    let folder = tempfile::tempdir().expect("a temporary folder");
    for (extension, format) in [("json", SourceFormat::Json), ("csv", SourceFormat::Csv)] {
        let (path, bytes) = write_letter(folder.path(), extension, count, 0.0);

        let mut group = c.benchmark_group(format!("load {extension} {count}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if count > 200_000 { 30 } else { 8 }));
        group.bench_function("load_path (streaming)", |b| {
            b.iter(|| {
                let loaded = load::load_path(black_box(&path)).unwrap();
                assert_eq!(loaded.letter.signers.len(), count);
                loaded
            });
        });
        group.bench_function("load_bytes (whole text)", |b| {
            b.iter(|| {
                load::load_bytes(Path::new("big"), black_box(&bytes), format)
                    .unwrap()
                    .letter
                    .signers
                    .len()
            });
        });
        group.finish();
    }
}

/// What `summary FILE` does instead of loading: `count_path` counts the signers as it
/// reads them, keeping none (the tally and warnings are those of a full load).
fn bench_count(c: &mut Criterion) {
    let count = signers();
    let folder = tempfile::tempdir().expect("a temporary folder");
    // Issue 15: the same speed with realistic repeated names as without.
    for (extension, repeat_share) in [("json", 0.0), ("json", 0.15), ("csv", 0.0), ("csv", 0.15)] {
        let (path, _) = write_letter(folder.path(), extension, count, repeat_share);
        let bytes = std::fs::metadata(&path).expect("the letter is there").len();

        let mut group = c.benchmark_group(format!(
            "count {extension} {count} repeat share {repeat_share}"
        ));
        group.throughput(Throughput::Bytes(bytes));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if count > 200_000 { 20 } else { 5 }));
        for (name, filter) in [
            ("count_path (no filter)", Filter::default()),
            (
                "count_path (party D, search \"an\")",
                Filter {
                    parties: ["D".to_owned()].into(),
                    search: "an".to_owned(),
                    ..Filter::default()
                },
            ),
        ] {
            group.bench_function(name, |b| {
                b.iter(|| {
                    let counted = load::count_path(black_box(&path), &filter).unwrap();
                    counted.tally.total
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_load, bench_count);
criterion_main!(benches);
