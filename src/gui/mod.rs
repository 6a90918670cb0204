//! The window: eframe/egui panels over the core. Each panel is its own module that reads
//! the [`document::Document`] and returns [`command::Command`]s; [`app::DashboardApp`]
//! hands each, after drawing, to the area that applies it (files, editing, importing,
//! exporting, layout). `docs/ARCHITECTURE.md` maps the menu items to the files.

pub mod app;
pub mod charts;
pub mod checklist;
pub mod command;
pub mod dialogs;
pub mod document;
pub mod editor;
pub mod filters;
pub mod header;
pub mod import;
pub mod layout;
pub mod map;
pub mod menu;
pub mod outreach_board;
pub mod path_field;
pub mod prompt;
pub mod recovery;
pub mod roster_panel;
pub mod session;
pub mod settings;
pub mod status_bar;
pub mod table;
pub mod theme;
pub mod warnings;
pub mod worker;

pub use app::DashboardApp;

use std::path::PathBuf;

/// The app id: the Wayland app id and X11 WM_CLASS, which desktop entries match on.
pub const APP_ID: &str = "signer-dashboard";

/// The window icon.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/signer-dashboard-256.png");

/// Opens the window on `file`, or on the sample letter, and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Signer Dashboard")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([960.0, 600.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Signer Dashboard",
        options,
        Box::new(move |cc| {
            Ok(Box::new(
                DashboardApp::new(&cc.egui_ctx, cc.storage, file)
                    .with_data_dir(eframe::storage_dir(APP_ID)),
            ))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}
