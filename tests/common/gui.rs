//! Building the app in an egui_kittest harness for the window's tests.

use egui_kittest::Harness;
use signer_dashboard::gui::DashboardApp;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A file under `tests/fixtures/gui/`.
pub fn gui_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gui")
        .join(name)
}

/// The app at the size of a laptop screen, on the sample letter (or `file`, once loaded).
pub fn new_harness(file: Option<PathBuf>) -> Harness<'static, DashboardApp> {
    harness_for(DashboardApp::new(&egui::Context::default(), None, file))
}

/// A harness around an app built by the test (with a data folder, say).
pub fn harness_for(app: DashboardApp) -> Harness<'static, DashboardApp> {
    harness_sized(app, [1280.0, 800.0])
}

/// The app in a window of `size` points, on the sample letter.
pub fn new_harness_at(size: [f32; 2]) -> Harness<'static, DashboardApp> {
    harness_sized(
        DashboardApp::new(&egui::Context::default(), None, None),
        size,
    )
}

fn harness_sized(app: DashboardApp, size: [f32; 2]) -> Harness<'static, DashboardApp> {
    // The worker wakes its own context when a file is read; the test steps the harness itself.
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut DashboardApp| app.ui_root(ui), app);
    settle(&mut harness);
    harness
}

/// Steps until no background job is running, then until the UI is still.
pub fn settle(harness: &mut Harness<'static, DashboardApp>) {
    for _ in 0..1000 {
        harness.step();
        if !harness.state().is_busy() {
            harness.run_ok();
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("a background job did not finish");
}

#[derive(Debug)]
/// A file dropped on the window.
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Writes `folder/name`: a letter titled `title` whose signers are the JSON objects
/// `signer(i)` gives for `i` in `0..count`, a big file written without holding it in memory.
pub fn write_big_letter(
    folder: &tempfile::TempDir,
    name: &str,
    title: &str,
    count: usize,
    signer: impl Fn(usize) -> String,
) -> PathBuf {
    use std::io::Write as _;
    let path = folder.path().join(name);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    write!(out, r#"{{"letter": {{"title": "{title}"}}, "signers": ["#).unwrap();
    for i in 0..count {
        let comma = if i == 0 { "" } else { "," };
        write!(out, "{comma}{}", signer(i)).unwrap();
    }
    writeln!(out, "]}}").unwrap();
    out.flush().unwrap();
    path
}

/// The first demand of the sample letter, as its checkbox is labelled.
pub const FIRST_DEMAND: &str = "Met: Secure Azerbaijan's release of the Armenian prisoners, hostages and captives it holds illegally";

/// A copy of the sample letter in a folder of its own, so the test may write to it.
pub fn letter_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("letter.json");
    std::fs::copy(gui_fixture("letter.json"), &path).unwrap();
    (folder, path)
}
