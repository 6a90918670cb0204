//! CPU time of one frame of the whole dashboard at a million signers (the issue asks for at
//! most 8 ms), and of a frame right after a filter click (re-filter plus drawing). Headless:
//! `egui::Context::run_ui` lays out and tessellates everything; nothing is rendered.
//!
//! ```sh
//! cargo bench --bench frame                  # 1,000,000 signers
//! SIGNERS=100000 cargo bench --bench frame   # quicker
//! ```

#![expect(
    clippy::unwrap_used,
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
use signer_dashboard::gui::DashboardApp;
use signer_dashboard::gui::command::{
    CentralTab, EditCommand, FilterCommand, RosterCommand, ViewCommand,
};
use signer_dashboard::order::SortColumn;
use signer_dashboard::outreach::Status;
use std::time::Duration;

/// Signers per letter: 1,000,000 unless `SIGNERS` says otherwise.
fn signers() -> usize {
    common::signers(1_000_000)
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// The app with a synthetic letter of `count` signers open, after its first frames.
fn app_with(count: usize) -> (egui::Context, DashboardApp, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    synthetic::write_json(&mut file, count, 2025).unwrap();
    drop(file);
    let ctx = egui::Context::default();
    let mut app = DashboardApp::new(&ctx, None, Some(path));
    for _ in 0..10_000 {
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
        if !app.is_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(
        app.document().letter.signers.len(),
        count,
        "the letter loaded"
    );
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    }
    (ctx, app, folder)
}

fn frame(c: &mut Criterion) {
    let count = signers();
    let (ctx, mut app, _folder) = app_with(count);
    let mut group = c.benchmark_group(format!("frame at {count} signers"));
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("draw the dashboard", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.ui_root(ui)));
    });
    group.bench_function("click the R filter, then draw", |b| {
        b.iter(|| {
            app.apply(FilterCommand::ToggleParty("R".into()));
            ctx.run_ui(input(), |ui| app.ui_root(ui))
        });
    });
    // Change one signer (an undoable edit: the index, codes and counts follow it), then draw.
    let mut turn = 0;
    group.bench_function("edit one signer, then draw", |b| {
        b.iter(|| {
            turn += 1;
            app.apply(EditCommand::ChooseMember {
                signer: count / 2,
                bioguide: format!("X{:06}", turn % 2),
            });
            ctx.run_ui(input(), |ui| app.ui_root(ui))
        });
    });
    // The table sorted by name (sorted once, on its thread), then filter clicks.
    app.sort_table_by(SortColumn::Name);
    let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    while app.is_busy() {
        std::thread::sleep(Duration::from_millis(10));
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    }
    group.bench_function("sorted by name: click the R filter, then draw", |b| {
        b.iter(|| {
            app.apply(FilterCommand::ToggleParty("R".into()));
            ctx.run_ui(input(), |ui| app.ui_root(ui))
        });
    });
    // The outreach board (issue 18): the roster imported (the full one where it is there,
    // else the test fixture) and matched to every signer, the Not signed yet tab open.
    app.apply(RosterCommand::ReadFile(roster_file()));
    wait_until_idle(&ctx, &mut app);
    app.apply(ViewCommand::ShowTab(CentralTab::Targets));
    let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    let member = app
        .roster()
        .and_then(|r| r.targets.first().and_then(|t| r.roster.member(t.member)))
        .map(|m| m.bioguide.to_string())
        .unwrap();
    group.bench_function("outreach board: draw", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.ui_root(ui)));
    });
    let mut turn = 0;
    group.bench_function("outreach board: set a status, then draw", |b| {
        b.iter(|| {
            turn += 1;
            let status = if turn % 2 == 0 {
                Status::Asked
            } else {
                Status::LeanYes
            };
            app.apply(EditCommand::SetStatus {
                bioguide: member.clone(),
                status,
            });
            ctx.run_ui(input(), |ui| app.ui_root(ui))
        });
    });
    group.finish();
}

/// The roster of Congress: the full one beside the workplace, else the test fixture.
fn roster_file() -> std::path::PathBuf {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/data/congress-legislators/legislators-current.json");
    if shared.is_file() {
        shared
    } else {
        eprintln!("note: the full roster is not there; the board shows the test fixture's");
        root.join("tests/fixtures/roster/legislators-current.json")
    }
}

/// Frames until the background work (reading the roster, matching a big letter) is done.
fn wait_until_idle(ctx: &egui::Context, app: &mut DashboardApp) {
    for _ in 0..100_000 {
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
        if !app.is_busy() && app.roster().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    }
}

criterion_group!(benches, frame);
criterion_main!(benches);
