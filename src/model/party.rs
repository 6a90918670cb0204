//! Party codes, interned per letter so that a signer's party is one byte.

use std::fmt;

/// A party: an index into the letter's [`PartyTable`].
///
/// Democrats, Republicans and independents always have the same ids, so code that
/// only needs those three never has to look at the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Party(u8);

impl Party {
    /// Democratic (also DFL).
    pub const D: Party = Party(0);
    /// Republican.
    pub const R: Party = Party(1);
    /// Independent.
    pub const I: Party = Party(2);
    /// No party given.
    pub const UNKNOWN: Party = Party(3);

    /// The slot of this party in a count array as long as its table.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The party in slot `index`, without checking it against a table.
    pub fn from_index(index: usize) -> Option<Party> {
        u8::try_from(index).ok().map(Party)
    }
}

/// The codes of the parties that appear in one letter: D, R, I and "?" (none given)
/// first, then any other code in the order it was first seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyTable {
    codes: Vec<Box<str>>,
}

/// What [`PartyTable::intern`] made of a party as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interned {
    /// A form of D, R or I, or blank.
    Known(Party),
    /// A code that is not one of the three; kept as written and counted on its own.
    Other(Party),
    /// The table is full (255 distinct codes); counted with "?".
    Full,
}

/// The code shown for a signer whose party is not given.
pub const UNKNOWN_PARTY_CODE: &str = "?";

impl Default for PartyTable {
    fn default() -> Self {
        Self {
            codes: ["D", "R", "I", UNKNOWN_PARTY_CODE]
                .into_iter()
                .map(Box::from)
                .collect(),
        }
    }
}

impl PartyTable {
    /// How many parties the table knows, including "?".
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Never true: the table always holds D, R, I and "?".
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The code of `party`, e.g. `"D"`.
    pub fn code(&self, party: Party) -> &str {
        self.codes
            .get(party.index())
            .map_or(UNKNOWN_PARTY_CODE, |c| c)
    }

    /// A name for charts and legends: "Democratic", "Republican", "Independent", "No party", or the code.
    pub fn name(&self, party: Party) -> &str {
        match party {
            Party::D => "Democratic",
            Party::R => "Republican",
            Party::I => "Independent",
            Party::UNKNOWN => "No party given",
            other => self.code(other),
        }
    }

    /// Every party in the table, in id order.
    pub fn parties(&self) -> impl Iterator<Item = Party> + '_ {
        (0..self.codes.len()).filter_map(Party::from_index)
    }

    /// The party with this exact code, if the table has it.
    pub fn find(&self, code: &str) -> Option<Party> {
        let position = self
            .codes
            .iter()
            .position(|c| c.eq_ignore_ascii_case(code))?;
        Party::from_index(position)
    }

    /// Recognises a party as people write it ("D", "Dem.", "Democrat", "DFL", "GOP",
    /// "Independent", …) or interns a new code.
    pub fn intern(&mut self, text: &str) -> Interned {
        let trimmed = crate::text::code_key(text);
        if let Some(known) = normalise_known(trimmed) {
            return Interned::Known(known);
        }
        if let Some(found) = self.find(trimmed) {
            return Interned::Other(found);
        }
        match Party::from_index(self.codes.len()) {
            Some(party) if self.codes.len() < 255 => {
                self.codes.push(Box::from(trimmed));
                Interned::Other(party)
            }
            _ => Interned::Full,
        }
    }
}

/// D, R or I for their usual spellings; `UNKNOWN` for a blank.
pub fn normalise_known(text: &str) -> Option<Party> {
    const FORMS: [(&str, Party); 17] = [
        ("d", Party::D),
        ("r", Party::R),
        ("i", Party::I),
        ("dem", Party::D),
        ("democrat", Party::D),
        ("democratic", Party::D),
        ("democratic party", Party::D),
        ("dfl", Party::D),
        ("democratic-farmer-labor", Party::D),
        ("democratic-farmer-labor party", Party::D),
        ("rep", Party::R),
        ("gop", Party::R),
        ("republican", Party::R),
        ("republican party", Party::R),
        ("ind", Party::I),
        ("independent", Party::I),
        ("", Party::UNKNOWN),
    ];
    // Compared in place rather than lowercased into a new string: a big letter asks this
    // once per signer.
    let key = crate::text::code_key(text);
    FORMS
        .iter()
        .find(|(form, _)| form.eq_ignore_ascii_case(key))
        .map(|(_, party)| *party)
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "party#{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[expect(clippy::panic, reason = "a test fails by panicking")]
    fn long_forms_become_codes_and_others_are_kept() {
        let mut table = PartyTable::default();
        for (text, party) in [
            ("D", Party::D),
            ("Democrat", Party::D),
            ("Democratic", Party::D),
            ("DFL", Party::D),
            ("Republican", Party::R),
            ("r", Party::R),
            ("Independent", Party::I),
            ("", Party::UNKNOWN),
        ] {
            assert_eq!(table.intern(text), Interned::Known(party), "{text}");
        }
        let Interned::Other(libertarian) = table.intern("L") else {
            panic!("L is not D, R or I")
        };
        assert_eq!(table.code(libertarian), "L");
        assert_eq!(table.intern("l"), Interned::Other(libertarian));
        assert_eq!(table.len(), 5);
    }
}
