//! States, DC and the five inhabited territories as one-byte codes.

use std::fmt;

/// One of the 50 states, DC or a territory, or [`State::UNKNOWN`].
///
/// A `State` is an index into a fixed table, so counts by state live in a
/// `[u32; State::SLOTS]` and never in a map keyed by strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct State(u8);

/// What the app knows of one state or territory.
#[derive(Debug)]
pub struct StateInfo {
    /// The USPS code, e.g. `"NJ"`.
    pub code: &'static str,
    /// The full name, e.g. `"New Jersey"`.
    pub name: &'static str,
    /// The column of its square in the tile-grid map (0 = west).
    pub tile_column: u8,
    /// The row of its square in the tile-grid map (0 = north).
    pub tile_row: u8,
    /// Whether it is one of the 50 states (not DC or a territory).
    pub is_state: bool,
}

const fn info(
    code: &'static str,
    name: &'static str,
    tile_column: u8,
    tile_row: u8,
    is_state: bool,
) -> StateInfo {
    StateInfo {
        code,
        name,
        tile_column,
        tile_row,
        is_state,
    }
}

/// Every state and territory, alphabetical by USPS code within states, then DC and the territories.
static STATES: [StateInfo; 56] = [
    info("AK", "Alaska", 0, 0, true),
    info("AL", "Alabama", 6, 6, true),
    info("AR", "Arkansas", 4, 5, true),
    info("AZ", "Arizona", 1, 5, true),
    info("CA", "California", 0, 4, true),
    info("CO", "Colorado", 2, 4, true),
    info("CT", "Connecticut", 9, 3, true),
    info("DE", "Delaware", 9, 4, true),
    info("FL", "Florida", 8, 7, true),
    info("GA", "Georgia", 7, 6, true),
    info("HI", "Hawaii", 0, 7, true),
    info("IA", "Iowa", 4, 3, true),
    info("ID", "Idaho", 1, 2, true),
    info("IL", "Illinois", 5, 2, true),
    info("IN", "Indiana", 5, 3, true),
    info("KS", "Kansas", 3, 5, true),
    info("KY", "Kentucky", 5, 4, true),
    info("LA", "Louisiana", 4, 6, true),
    info("MA", "Massachusetts", 9, 2, true),
    info("MD", "Maryland", 8, 4, true),
    info("ME", "Maine", 10, 0, true),
    info("MI", "Michigan", 6, 2, true),
    info("MN", "Minnesota", 4, 2, true),
    info("MO", "Missouri", 4, 4, true),
    info("MS", "Mississippi", 5, 6, true),
    info("MT", "Montana", 2, 2, true),
    info("NC", "North Carolina", 6, 5, true),
    info("ND", "North Dakota", 3, 2, true),
    info("NE", "Nebraska", 3, 4, true),
    info("NH", "New Hampshire", 10, 1, true),
    info("NJ", "New Jersey", 8, 3, true),
    info("NM", "New Mexico", 2, 5, true),
    info("NV", "Nevada", 1, 3, true),
    info("NY", "New York", 8, 2, true),
    info("OH", "Ohio", 6, 3, true),
    info("OK", "Oklahoma", 3, 6, true),
    info("OR", "Oregon", 0, 3, true),
    info("PA", "Pennsylvania", 7, 3, true),
    info("RI", "Rhode Island", 10, 3, true),
    info("SC", "South Carolina", 7, 5, true),
    info("SD", "South Dakota", 3, 3, true),
    info("TN", "Tennessee", 5, 5, true),
    info("TX", "Texas", 3, 7, true),
    info("UT", "Utah", 1, 4, true),
    info("VA", "Virginia", 7, 4, true),
    info("VT", "Vermont", 9, 1, true),
    info("WA", "Washington", 0, 2, true),
    info("WI", "Wisconsin", 5, 1, true),
    info("WV", "West Virginia", 6, 4, true),
    info("WY", "Wyoming", 2, 3, true),
    info("DC", "District of Columbia", 8, 5, false),
    info("AS", "American Samoa", 2, 8, false),
    info("GU", "Guam", 0, 8, false),
    info("MP", "Northern Mariana Islands", 1, 8, false),
    info("PR", "Puerto Rico", 9, 8, false),
    info("VI", "U.S. Virgin Islands", 10, 8, false),
];

/// Spellings people write for states besides the USPS code and the full name, folded
/// (lowercase, no dots or spaces): AP style and the non-standard forms seen in press releases.
static ALIASES: &[(&str, &str)] = &[
    ("ala", "AL"),
    ("ariz", "AZ"),
    ("ark", "AR"),
    ("calif", "CA"),
    ("cal", "CA"),
    ("colo", "CO"),
    ("conn", "CT"),
    ("del", "DE"),
    ("fla", "FL"),
    ("flor", "FL"),
    ("ill", "IL"),
    ("ills", "IL"),
    ("ind", "IN"),
    ("kan", "KS"),
    ("kans", "KS"),
    ("ken", "KY"),
    ("mass", "MA"),
    ("mich", "MI"),
    ("minn", "MN"),
    ("miss", "MS"),
    ("mont", "MT"),
    ("neb", "NE"),
    ("nebr", "NE"),
    ("nev", "NV"),
    ("nmex", "NM"),
    ("ndak", "ND"),
    ("sdak", "SD"),
    ("okla", "OK"),
    ("ore", "OR"),
    ("oreg", "OR"),
    ("penn", "PA"),
    ("penna", "PA"),
    ("tenn", "TN"),
    ("tex", "TX"),
    ("wash", "WA"),
    ("wva", "WV"),
    ("wis", "WI"),
    ("wisc", "WI"),
    ("wyo", "WY"),
    ("ida", "ID"),
    ("ia", "IA"),
    ("cnmi", "MP"),
    ("usvirginislands", "VI"),
    ("virginislands", "VI"),
    ("usvi", "VI"),
    ("washingtondc", "DC"),
    ("northernmarianas", "MP"),
    ("territoryofguam", "GU"),
    ("commonwealthofpuertorico", "PR"),
];

impl State {
    /// How many slots a count array by state needs: every state and territory plus unknown.
    pub const SLOTS: usize = 57;
    /// A state the app could not recognise.
    pub const UNKNOWN: State = State(56);

    /// Every known state and territory, in table order (states by code, then DC and territories).
    pub fn all() -> impl Iterator<Item = State> + Clone {
        (0..STATES.len() as u8).map(State)
    }

    /// The slot of this state in a count array of length [`State::SLOTS`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The state in slot `index`, if there is one.
    pub fn from_index(index: usize) -> Option<State> {
        u8::try_from(index)
            .ok()
            .filter(|&i| usize::from(i) < Self::SLOTS)
            .map(State)
    }

    /// The table entry, or `None` for [`State::UNKNOWN`].
    pub fn info(self) -> Option<&'static StateInfo> {
        STATES.get(self.index())
    }

    /// The USPS code, or `"??"` for unknown.
    pub fn code(self) -> &'static str {
        self.info().map_or("??", |i| i.code)
    }

    /// The full name, or `"Unknown"`.
    pub fn name(self) -> &'static str {
        self.info().map_or("Unknown", |i| i.name)
    }

    /// Whether this is a recognised state or territory.
    pub fn is_known(self) -> bool {
        self != Self::UNKNOWN
    }

    /// Recognises a USPS code, a full name or an AP-style abbreviation, ignoring case,
    /// dots and spaces: `"NJ"`, `"N.J."`, `"New Jersey"`, `"Calif."`, `"Penn."`.
    pub fn parse(text: &str) -> Option<State> {
        if let [a, b] = text.as_bytes()
            && let Some(state) =
                Self::from_code_bytes([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
        {
            return Some(state);
        }
        let folded: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if folded.is_empty() {
            return None;
        }
        FOLDED_FORMS
            .binary_search_by(|(form, _)| form.as_str().cmp(&folded))
            .ok()
            .and_then(|found| FOLDED_FORMS.get(found))
            .map(|(_, state)| *state)
    }

    /// The state with this exact USPS code (upper case).
    pub fn from_code(code: &str) -> Option<State> {
        match code.as_bytes() {
            [a, b] => Self::from_code_bytes([*a, *b]),
            _ => None,
        }
    }

    fn from_code_bytes(code: [u8; 2]) -> Option<State> {
        let [a, b] = code;
        let (row, column) = (a.checked_sub(b'A')?, b.checked_sub(b'A')?);
        if row >= 26 || column >= 26 {
            return None;
        }
        let slot = *BY_CODE.get(usize::from(row) * 26 + usize::from(column))?;
        (usize::from(slot) < STATES.len()).then_some(State(slot))
    }
}

/// The state of each two-letter upper-case code, by `(first - 'A') * 26 + (second - 'A')`;
/// `u8::MAX` where there is none. Built at compile time, so that the usual case, a file
/// that gives USPS codes, costs one look-up per signer.
static BY_CODE: [u8; 26 * 26] = by_code();

#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time, where an index out of range fails the build"
)]
const fn by_code() -> [u8; 26 * 26] {
    let mut table = [u8::MAX; 26 * 26];
    let mut position = 0;
    while position < STATES.len() {
        let code = STATES[position].code.as_bytes();
        table[(code[0] - b'A') as usize * 26 + (code[1] - b'A') as usize] = position as u8;
        position += 1;
    }
    table
}

/// Every code, name and alias folded as [`State::parse`] folds what it reads, sorted for
/// binary search: built once, instead of folding all 56 names for every state read.
/// Codes and names win over aliases, as they always have.
static FOLDED_FORMS: std::sync::LazyLock<Vec<(String, State)>> = std::sync::LazyLock::new(|| {
    let fold = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut forms: Vec<(String, State)> = Vec::new();
    for (position, info) in STATES.iter().enumerate() {
        let Ok(slot) = u8::try_from(position) else {
            continue;
        };
        forms.push((info.code.to_ascii_lowercase(), State(slot)));
        forms.push((fold(info.name), State(slot)));
    }
    for (alias, code) in ALIASES {
        if let Some(state) = State::from_code(code) {
            forms.push(((*alias).to_owned(), state));
        }
    }
    // A stable sort keeps the first of equal forms first, so dedup keeps codes and names
    // ahead of aliases.
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    forms.dedup_by(|later, earlier| later.0 == earlier.0);
    forms
});

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_names_and_ap_forms() {
        for (text, code) in [
            ("NJ", "NJ"),
            ("nj", "NJ"),
            ("N.J.", "NJ"),
            ("New Jersey", "NJ"),
            ("Calif.", "CA"),
            ("Penn.", "PA"),
            ("Wisc.", "WI"),
            ("Kans.", "KS"),
            ("Texas", "TX"),
            ("D.C.", "DC"),
            ("District of Columbia", "DC"),
            ("Puerto Rico", "PR"),
            ("W.Va.", "WV"),
            ("Guam", "GU"),
            ("U.S. Virgin Islands", "VI"),
            ("northern mariana islands", "MP"),
            ("American Samoa", "AS"),
        ] {
            assert_eq!(State::parse(text).map(State::code), Some(code), "{text}");
        }
        assert_eq!(State::parse("Californa"), None);
        assert_eq!(State::parse(""), None);
    }

    #[test]
    fn table_is_complete_and_tiles_do_not_overlap() {
        assert_eq!(State::all().count(), 56);
        assert_eq!(
            State::all()
                .filter(|s| s.info().is_some_and(|i| i.is_state))
                .count(),
            50
        );
        let mut tiles: Vec<(u8, u8)> = State::all()
            .filter_map(|s| s.info())
            .map(|i| (i.tile_column, i.tile_row))
            .collect();
        tiles.sort_unstable();
        tiles.dedup();
        assert_eq!(tiles.len(), 56, "two states share a tile");
        for s in State::all() {
            assert_eq!(State::from_code(s.code()), Some(s));
            assert_eq!(State::parse(s.name()), Some(s));
        }
    }
}
