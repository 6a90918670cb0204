//! What every export is made from: the letter, the filter, the signers it lets through, and
//! when the export was made.

use crate::analysis::{Filter, Selection, Tally};
use crate::model::{Chamber, Letter, Party, Signer};
use std::time::{SystemTime, UNIX_EPOCH};

/// One view of a letter, ready to export: what the window or `summary` shows.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    /// The letter.
    pub letter: &'a Letter,
    /// The filters that were on; exports say which.
    pub filter: &'a Filter,
    /// The signers `filter` lets through, and their counts.
    pub selection: &'a Selection,
    /// When the export was made, as [`format_utc`] writes it; taken as given so that tests
    /// and reproducible builds can fix it.
    pub generated_at: &'a str,
}

impl<'a> Report<'a> {
    /// The signers shown, in file order.
    pub fn signers(&self) -> impl Iterator<Item = &'a Signer> + use<'a> {
        let letter = self.letter;
        self.selection
            .rows
            .iter()
            .filter_map(move |&row| letter.signers.get(usize::try_from(row).ok()?))
    }

    /// The counts of the signers shown.
    pub fn tally(&self) -> &'a Tally {
        &self.selection.tally
    }

    /// The code of `party`, blank when the letter gives none (as the readers read a blank).
    pub(crate) fn party_code(&self, party: Party) -> &'a str {
        if party == Party::UNKNOWN {
            ""
        } else {
            self.letter.parties.code(party)
        }
    }

    /// How many states and territories the signers shown come from.
    pub(crate) fn state_count(&self) -> usize {
        self.tally()
            .states_by_count()
            .iter()
            .filter(|(s, _)| s.is_known())
            .count()
    }
}

/// The state as exports write it: the USPS code, or what the file said when the app did not
/// recognise it, or nothing.
pub(crate) fn state_text(signer: &Signer) -> &str {
    if signer.state.is_known() {
        signer.state.code()
    } else {
        signer.unrecognised_state().unwrap_or_default()
    }
}

/// The district for people: `"6"`, or `"AL"` for at-large members and delegates.
pub(crate) fn district_text(signer: &Signer) -> Option<String> {
    match signer.district {
        Some(0) => Some("AL".to_owned()),
        Some(district) => Some(district.to_string()),
        None => None,
    }
}

/// `D-NJ-6`, `R-TX` for a senator, `D-DC-AL` for a delegate: how the press labels members.
pub(crate) fn member_label(report: &Report<'_>, signer: &Signer) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(3);
    let party = report.party_code(signer.party);
    parts.push(if party.is_empty() { "?" } else { party }.to_owned());
    let state = state_text(signer);
    parts.push(if state.is_empty() { "??" } else { state }.to_owned());
    if signer.chamber != Some(Chamber::Senate) {
        parts.extend(district_text(signer));
    }
    parts.join("-")
}

/// `n` of `total` as a whole percentage, rounded half up; 0 when `total` is 0.
pub(crate) fn percent(n: u64, total: u64) -> u64 {
    (n * 100 + total / 2).checked_div(total).unwrap_or(0)
}

/// Seconds since 1970 in UTC as ISO 8601: `2025-04-09T12:30:00Z`.
///
/// ```
/// assert_eq!(signer_dashboard::export::format_utc(0), "1970-01-01T00:00:00Z");
/// assert_eq!(signer_dashboard::export::format_utc(1_744_201_800), "2025-04-09T12:30:00Z");
/// ```
pub fn format_utc(seconds_since_epoch: u64) -> String {
    let days = seconds_since_epoch / 86_400;
    let seconds_of_day = seconds_since_epoch % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds_of_day / 3600,
        seconds_of_day / 60 % 60,
        seconds_of_day % 60
    )
}

/// The current time as [`format_utc`] writes it.
pub fn now_utc() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_utc(seconds)
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`,
/// for days on or after the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_across_leap_years_and_centuries() {
        for (seconds, expected) in [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (951_955_199, "2000-03-01T23:59:59Z"),
            (1_709_164_800, "2024-02-29T00:00:00Z"),
            (1_735_689_599, "2024-12-31T23:59:59Z"),
            (4_107_542_400, "2100-03-01T00:00:00Z"),
        ] {
            assert_eq!(format_utc(seconds), expected, "{seconds}");
        }
    }

    #[test]
    fn rounds_percentages_half_up() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(5, 0), 0);
    }
}
