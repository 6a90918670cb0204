//! *View* and the tabs: which tab, side panels, shading and windows are shown. The state
//! is [`crate::gui::layout::ViewState`] (and the panels in the settings); this applies the
//! commands that change it.

use super::DashboardApp;
use crate::gui::command::{CentralTab, ViewCommand};

impl DashboardApp {
    /// Does what a [`ViewCommand`] asks.
    pub(super) fn apply_view(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::ShowTab(tab) => self.view.tab = tab,
            ViewCommand::ShadeMapByShare(is_by_share) => self.view.is_map_by_share = is_by_share,
            ViewCommand::ShowWarnings(is_open) => self.view.is_warnings_open = is_open,
            ViewCommand::ShowAbout(is_open) => self.view.is_about_open = is_open,
            ViewCommand::DismissError => self.error = None,
            // The next frame puts it on the context that draws.
            ViewCommand::SetTheme(preference) => self.settings.theme = preference,
            ViewCommand::ShowFilters(is_shown) => self.settings.panels.is_filters_shown = is_shown,
            ViewCommand::ShowDemands(is_shown) => {
                self.settings.panels.is_demands_shown = is_shown;
                if is_shown && self.view.tab == CentralTab::Demands {
                    self.view.tab = CentralTab::Signers;
                }
            }
        }
    }
}
