//! How long the roster takes: matching 10,000 signers against the full roster of Congress
//! (the issue asks for well under a second), and reading the roster in each published form.
//!
//! `cargo bench --no-default-features --bench roster_match`. Uses the full roster in
//! ../shared/data/congress-legislators/ when it is there, else the small test fixture.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark that cannot set itself up should stop"
)]

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use signer_dashboard::model::{Chamber, Interned, Letter, Party, Signer, State};
use signer_dashboard::roster::{self, MatchResult, Roster};
use std::hint::black_box;
use std::path::PathBuf;

const SIGNERS: usize = 10_000;

fn roster_dir() -> PathBuf {
    let shared =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/congress-legislators");
    if shared.join("legislators-current.json").is_file() {
        shared
    } else {
        eprintln!("note: the full roster is not there; measuring the test fixture instead");
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roster")
    }
}

/// 10,000 signers written as letters write them: official names, "Rep." and nicknames,
/// "Surname, First", surnames alone with a state, upper case without accents, and one in
/// twenty someone who is not in Congress.
fn letter_of(roster: &Roster) -> Letter {
    let mut letter = Letter::default();
    let members = roster.members();
    for i in 0..SIGNERS {
        let member = &members[i % members.len()];
        let called = member
            .name
            .nickname
            .as_deref()
            .unwrap_or(&member.name.first);
        let title = match member.chamber {
            Chamber::House => "Rep.",
            Chamber::Senate => "Sen.",
        };
        let (name, state) = match i % 20 {
            0 => (format!("Pat Nobody{i}"), member.state),
            1..=5 => (member.display_name(), State::UNKNOWN),
            6..=10 => (
                format!("{title} {called} {}", member.name.last),
                member.state,
            ),
            11..=14 => (
                format!("{}, {}", member.name.last, member.name.first),
                member.state,
            ),
            15..=17 => (member.name.last.to_string(), member.state),
            _ => (member.display_name().to_uppercase(), member.state),
        };
        let party = match letter.parties.intern(&member.party) {
            Interned::Known(p) | Interned::Other(p) => p,
            Interned::Full => Party::UNKNOWN,
        };
        letter.signers.push(Signer::new(&name, party, state));
    }
    letter
}

fn bench(c: &mut Criterion) {
    let dir = roster_dir();
    let roster = roster::load_path(&dir.join("legislators-current.json")).unwrap();
    let letter = letter_of(&roster);

    let matches = roster::match_letter(&letter, &roster);
    let matched = matches
        .iter()
        .filter(|m| matches!(m, MatchResult::Matched { .. }))
        .count();
    eprintln!(
        "{SIGNERS} signers against {} members: {matched} matched, the rest ambiguous or not found",
        roster.len()
    );

    let mut group = c.benchmark_group("match");
    group.throughput(Throughput::Elements(SIGNERS as u64));
    group.sample_size(20);
    group.bench_function("10k signers, full roster", |b| {
        b.iter(|| roster::match_letter(black_box(&letter), black_box(&roster)));
    });
    group.finish();

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for form in ["json", "yaml", "csv"] {
        let path = dir.join(format!("legislators-current.{form}"));
        let bytes = std::fs::read(&path).unwrap();
        group.bench_function(form, |b| {
            b.iter_batched(
                || bytes.clone(),
                |bytes| roster::load_bytes(&path, black_box(&bytes)).unwrap(),
                BatchSize::LargeInput,
            );
        });
    }
    let mut saved = Vec::new();
    roster.write_json(&mut saved).unwrap();
    let saved_path = PathBuf::from("roster.json");
    group.bench_function("saved", |b| {
        b.iter(|| roster::load_bytes(&saved_path, black_box(&saved)).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
