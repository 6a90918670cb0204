//! How long re-filtering and re-tallying takes at a million signers (the issue asks for at
//! most 5 ms after a click or a keystroke), and what the window builds once per letter.
//!
//! ```sh
//! cargo bench --no-default-features --bench select                  # 1,000,000 signers
//! SIGNERS=100000 cargo bench --no-default-features --bench select   # quicker
//! ```
//!
//! `select` reads every signer; `select_with_codes` reads the packed codes that the
//! window builds once per letter, and is what a re-filter in the window should use.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark that cannot set itself up should stop"
)]
#![expect(
    dead_code,
    reason = "the generator module has parts only the example uses"
)]

mod common;
#[path = "../examples/generate/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use signer_dashboard::analysis::{Filter, SearchIndex, SignerCodes, select, select_with_codes};
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::{Letter, Role, State};
use signer_dashboard::order::{Order, SortColumn, sort_order};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// Signers per letter: 1,000,000 unless `SIGNERS` says otherwise.
fn signers() -> usize {
    common::signers(1_000_000)
}

fn letter(count: usize) -> Letter {
    let mut bytes = Vec::new();
    synthetic::write_json(&mut bytes, count, 2025).expect("the generator writes to memory");
    load::load_bytes(Path::new("big.json"), &bytes, SourceFormat::Json)
        .expect("the synthetic letter loads")
        .letter
}

/// The filters a user goes through: none, a party click, a state and a role, a search as
/// typed, and everything at once.
fn filters() -> Vec<(&'static str, Filter)> {
    let mut party = Filter::default();
    party.toggle_party("R");
    let mut state_role = Filter::default();
    state_role.toggle_state(State::from_code("CA").unwrap());
    state_role.role = Some(Role::Lead);
    let search = Filter {
        search: "sanchez".into(),
        ..Filter::default()
    };
    let mut everything = search.clone();
    everything.toggle_party("D");
    everything.toggle_state(State::from_code("TX").unwrap());
    vec![
        ("no filter", Filter::default()),
        ("party R", party),
        ("state CA, leads", state_role),
        ("search sanchez", search),
        ("search, party, state", everything),
    ]
}

fn bench_select(c: &mut Criterion) {
    let count = signers();
    let letter = letter(count);
    let index = SearchIndex::new(&letter);
    let codes = SignerCodes::new(&letter);

    let mut group = c.benchmark_group(format!("refilter {count}"));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    for (name, filter) in filters() {
        let expected = select(&letter, &filter, Some(&index));
        let fast = select_with_codes(&letter, &codes, &filter, Some(&index));
        assert_eq!(fast.tally, expected.tally, "{name}");
        assert_eq!(fast.rows, expected.rows, "{name}");
        group.bench_function(format!("select_with_codes, {name}"), |b| {
            b.iter(|| select_with_codes(&letter, &codes, black_box(&filter), Some(&index)));
        });
        group.bench_function(format!("select, {name}"), |b| {
            b.iter(|| select(&letter, black_box(&filter), Some(&index)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group(format!("once per letter {count}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("SignerCodes::new", |b| {
        b.iter(|| SignerCodes::new(black_box(&letter)));
    });
    group.bench_function("SearchIndex::new", |b| {
        b.iter(|| SearchIndex::new(black_box(&letter)));
    });
    // What the table's background thread does when a column header is clicked.
    for column in [SortColumn::Name, SortColumn::State] {
        group.bench_function(format!("sort_order by {column:?}"), |b| {
            b.iter(|| sort_order(&letter, &index, black_box(column), true));
        });
    }
    group.finish();

    let mut group = c.benchmark_group(format!("per click or edit {count}"));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    // The table sorted by name, after a party click: the selection picked out of the order.
    let by_name = Order::new(sort_order(&letter, &index, SortColumn::Name, true));
    let (_, party) = &filters()[1];
    let rows = select_with_codes(&letter, &codes, party, Some(&index)).rows;
    group.bench_function("Order::pick, party R in name order", |b| {
        b.iter(|| by_name.pick(black_box(&rows)));
    });
    // An edit of one signer in the middle: the index and codes follow it.
    let middle = count / 2;
    let (mut index, mut codes) = (index.clone(), codes.clone());
    let names = ["Zoë Ñúñez-Sánchez", "Al Bo"];
    let mut turn = 0;
    group.bench_function("apply_change, one signer renamed", |b| {
        b.iter(|| {
            turn += 1;
            let name = names[turn % 2];
            assert!(index.apply_change(middle, true, Some(name)));
            assert!(codes.apply_change(middle, true, letter.signers.get(middle)));
        });
    });
    group.finish();
}

criterion_group!(benches, bench_select);
criterion_main!(benches);
