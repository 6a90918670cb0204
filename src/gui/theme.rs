//! Colours and spacing, defined once. Party colours mean the same thing everywhere.

use crate::export::palette;
use crate::model::Party;
use egui::Color32;

/// The colour of `party` in every chart, legend and table: the same values the exported
/// reports use, defined once in the core's palette.
pub fn party_colour(party: Party) -> Color32 {
    let [r, g, b] = palette::party_colour(party).to_array();
    Color32::from_rgb(r, g, b)
}

/// Error banners.
pub const ERROR_FILL_LIGHT: Color32 = Color32::from_rgb(0xFE, 0xE2, 0xE2);
/// Error banners in the dark theme.
pub const ERROR_FILL_DARK: Color32 = Color32::from_rgb(0x4C, 0x15, 0x15);
/// Warnings.
pub const WARNING: Color32 = Color32::from_rgb(0xD9, 0x77, 0x06);
/// Demands that are met.
pub const MET: Color32 = Color32::from_rgb(0x16, 0xA3, 0x4A);

/// The map's colour for a state with `count` signers when the busiest state has `max`:
/// a single-hue scale (not a party colour), so darker means more signers whatever their party.
pub fn map_fill(count: u32, max: u32, dark_mode: bool) -> Color32 {
    if count == 0 || max == 0 {
        return if dark_mode {
            Color32::from_gray(0x3A)
        } else {
            Color32::from_gray(0xE5)
        };
    }
    // Square root so that one signer in a small state is still visible next to CA's dozens.
    let t = (f64::from(count) / f64::from(max)).sqrt().clamp(0.0, 1.0) as f32;
    let (low, high) = if dark_mode {
        ([0x1E, 0x4D, 0x3A], [0x6E, 0xE7, 0xB7])
    } else {
        ([0xC7, 0xEA, 0xD5], [0x06, 0x5F, 0x46])
    };
    let mix = |a: u8, b: u8| {
        (f32::from(a) + (f32::from(b) - f32::from(a)) * (0.15 + 0.85 * t)).round() as u8
    };
    Color32::from_rgb(
        mix(low[0], high[0]),
        mix(low[1], high[1]),
        mix(low[2], high[2]),
    )
}

/// Text that stays legible on `fill`.
pub fn text_on(fill: Color32) -> Color32 {
    let luminance =
        0.299 * f32::from(fill.r()) + 0.587 * f32::from(fill.g()) + 0.114 * f32::from(fill.b());
    if luminance > 150.0 {
        Color32::from_gray(0x20)
    } else {
        Color32::WHITE
    }
}

/// Space between sections of a panel, in points.
pub const SECTION_GAP_POINTS: f32 = 10.0;
/// Height of one row of the signer table, in points.
pub const TABLE_ROW_HEIGHT_POINTS: f32 = 20.0;
/// Default width of the filters panel, in points.
pub const FILTERS_WIDTH_POINTS: f32 = 250.0;
/// Default width of the demands panel, in points.
pub const DEMANDS_WIDTH_POINTS: f32 = 340.0;

/// Adds DejaVu Sans (bundled, under its own licence in `assets/fonts/`) behind egui's own
/// fonts, so that names the default font lacks (Vietnamese "Nguyễn", Armenian, Greek,
/// Cyrillic) are drawn instead of shown as boxes.
pub fn install_fonts(ctx: &egui::Context) {
    const FALLBACK: &str = "DejaVuSans";
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        FALLBACK.to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(FALLBACK.to_owned());
    }
    ctx.set_fonts(fonts);
}

/// The colour of an outreach status: greens towards yes, reds towards no, grey for not
/// asked, blue for asked (no answer yet), amber for undecided.
pub fn status_colour(status: crate::outreach::Status) -> Color32 {
    use crate::outreach::Status;
    match status {
        Status::NotAsked => Color32::from_gray(0x8A),
        Status::Asked => Color32::from_rgb(0x3B, 0x82, 0xF6),
        Status::LeanYes => Color32::from_rgb(0x22, 0xC5, 0x5E),
        Status::Undecided => Color32::from_rgb(0xEA, 0xB3, 0x08),
        Status::LeanNo => Color32::from_rgb(0xF9, 0x73, 0x16),
        Status::Declined => Color32::from_rgb(0xDC, 0x26, 0x26),
    }
}
