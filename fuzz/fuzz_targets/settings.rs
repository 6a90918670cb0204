//! The window's settings as eframe keeps them between runs: RON text under one key, read
//! back with `eframe::get_value` when the window opens. Whatever the text, reading it must
//! not panic; settings that read must write and read back the same.

#![no_main]

use eframe::Storage;
use libfuzzer_sys::fuzz_target;
use signer_dashboard::gui::settings::{SETTINGS_KEY, Settings};
use signer_dashboard_fuzz::timed;

/// eframe's storage with the one value the app keeps.
#[derive(Default)]
struct OneValue(Option<String>);

impl Storage for OneValue {
    fn get_string(&self, key: &str) -> Option<String> {
        (key == SETTINGS_KEY).then(|| self.0.clone()).flatten()
    }

    fn set_string(&mut self, key: &str, value: String) {
        if key == SETTINGS_KEY {
            self.0 = Some(value);
        }
    }

    fn remove_string(&mut self, key: &str) {
        if key == SETTINGS_KEY {
            self.0 = None;
        }
    }

    fn flush(&mut self) {}
}

fuzz_target!(|data: &[u8]| {
    // eframe's file storage holds strings; a file that is not UTF-8 is no storage at all.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    timed("settings", data, || {
        let storage = OneValue(Some(text.to_owned()));
        let Some(settings) = eframe::get_value::<Settings>(&storage, SETTINGS_KEY) else {
            return;
        };
        let mut written = OneValue::default();
        eframe::set_value(&mut written, SETTINGS_KEY, &settings);
        let again = eframe::get_value::<Settings>(&written, SETTINGS_KEY);
        assert_eq!(
            again.as_ref(),
            Some(&settings),
            "settings write back different: {:?}",
            written.0
        );
    });
});
