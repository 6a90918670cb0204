//! The party colours, defined once for every chart: the exported reports draw with them,
//! and the window's theme converts them to its own colour type.

use crate::model::Party;
use std::fmt;

/// A colour as 8-bit sRGB components.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// The colour with these components.
    pub const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// The components as an array, e.g. for `egui::Color32::from_rgb`.
    pub const fn to_array(self) -> [u8; 3] {
        [self.r, self.g, self.b]
    }
}

/// `#2563eb`, as CSS and SVG write colours.
impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Democrats: blue.
pub const DEMOCRATIC: Rgb = Rgb::new(0x25, 0x63, 0xeb);
/// Republicans: red.
pub const REPUBLICAN: Rgb = Rgb::new(0xdc, 0x26, 0x26);
/// Independents: violet, apart from both blue and red.
pub const INDEPENDENT: Rgb = Rgb::new(0x7c, 0x3a, 0xed);
/// Signers whose party is not given: grey.
pub const NO_PARTY: Rgb = Rgb::new(0x9c, 0xa3, 0xaf);
/// Any other party, by the order it first appears in the letter: green, amber, cyan, pink;
/// then round again.
pub const OTHER_PARTIES: [Rgb; 4] = [
    Rgb::new(0x05, 0x96, 0x69),
    Rgb::new(0xd9, 0x77, 0x06),
    Rgb::new(0x08, 0x91, 0xb2),
    Rgb::new(0xdb, 0x27, 0x77),
];

/// The colour that stands for `party` in every chart, legend and map.
pub fn party_colour(party: Party) -> Rgb {
    match party {
        Party::D => DEMOCRATIC,
        Party::R => REPUBLICAN,
        Party::I => INDEPENDENT,
        Party::UNKNOWN => NO_PARTY,
        other => {
            let first_other = Party::UNKNOWN.index() + 1;
            let slot = other.index().saturating_sub(first_other) % OTHER_PARTIES.len();
            OTHER_PARTIES.get(slot).copied().unwrap_or(NO_PARTY)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_have_distinct_colours_written_as_css_hex() {
        assert_eq!(party_colour(Party::D).to_string(), "#2563eb");
        assert_eq!(party_colour(Party::R).to_string(), "#dc2626");
        let mut colours: Vec<Rgb> = (0..8)
            .filter_map(Party::from_index)
            .map(party_colour)
            .collect();
        colours.sort_by_key(|c| c.to_array());
        colours.dedup();
        assert_eq!(
            colours.len(),
            8,
            "two of the first eight parties share a colour"
        );
        assert_eq!(party_colour(Party::UNKNOWN), NO_PARTY);
        assert_eq!(
            Party::from_index(4 + OTHER_PARTIES.len()).map(party_colour),
            Some(OTHER_PARTIES[0])
        );
    }
}
