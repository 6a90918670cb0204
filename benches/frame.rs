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
use signer_dashboard::gui::command::{EditCommand, FilterCommand};
use signer_dashboard::order::SortColumn;
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
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
