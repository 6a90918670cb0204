//! How long `extract` takes on 20 MB of text of every shape that made it slow or big
//! (issue 16): a press release repeated, one line of tagged names all different, a text of
//! cue words alone ("led by led by …"), titles alone, words at random, and one punctuation
//! mark over and over. The issue asks for ≤ 2 s and ≤ 10× the text's size in memory on
//! each; memory is measured with `/usr/bin/time -v signer-dashboard extract FILE`, as
//! docs/FUZZING.md says, since criterion measures time only.
//!
//! `cargo bench --no-default-features --bench extract`. `EXTRACT_BENCH_MB=2` measures
//! smaller texts, for a quick look.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark that cannot set itself up should stop"
)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use signer_dashboard::extract::extract;
use std::hint::black_box;
use std::path::Path;

/// `piece` repeated to `bytes`, cut at a character.
fn repeated(piece: &str, bytes: usize) -> String {
    let mut text = piece.repeat(bytes / piece.len() + 1);
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// A word made of `n`'s digits in base 26, so that every one is different.
fn word(mut n: usize, capital: char) -> String {
    let mut word = String::from(capital);
    for _ in 0..5 {
        word.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
    }
    word
}

fn texts(bytes: usize) -> Vec<(&'static str, String)> {
    let release = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/extract/armenian-caucus-2025-04-08.txt"),
    )
    .unwrap();
    let mut tagged = String::with_capacity(bytes + 64);
    let mut words = String::with_capacity(bytes + 64);
    let mut n = 0;
    while tagged.len() < bytes {
        let party = if n % 2 == 0 { 'D' } else { 'R' };
        tagged.push_str(&format!(
            "Rep. {} {} ({party}-CA), ",
            word(n, 'A'),
            word(n * 7 + 3, 'B')
        ));
        words.push_str(&word(n % 5_000, 'a'));
        words.push_str(if n % 12 == 11 { ".\n" } else { " " });
        n += 1;
    }
    tagged.truncate(bytes);
    words.truncate(bytes);
    vec![
        (
            "press release repeated",
            repeated(&format!("{release}\n\n"), bytes),
        ),
        ("tagged names, all different", tagged),
        ("cue words alone", repeated("led by ", bytes)),
        ("titles alone", repeated("Reps. ", bytes)),
        ("words", words),
        ("open brackets", repeated("(", bytes)),
        ("quotation marks", repeated("\"", bytes)),
    ]
}

fn bench(c: &mut Criterion) {
    let megabytes: usize = std::env::var("EXTRACT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let mut group = c.benchmark_group(format!("extract {megabytes} MB"));
    group.sample_size(10);
    for (name, text) in texts(megabytes << 20) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(extract(black_box(&text), None)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
