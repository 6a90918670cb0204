//! Turning fields as people write them into the model's codes, shared by both readers.

use super::Warning;
use crate::model::{Extra, Interned, Party, PartyTable, Signer, State, UNRECOGNISED_STATE_KEY};

/// Reads the coded fields of signers and remembers what it has already warned about.
pub(super) struct Normaliser<'a> {
    pub parties: PartyTable,
    pub warnings: &'a mut Vec<Warning>,
    warned_parties: Vec<Party>,
}

impl<'a> Normaliser<'a> {
    pub fn new(warnings: &'a mut Vec<Warning>) -> Self {
        Normaliser {
            parties: PartyTable::default(),
            warnings,
            warned_parties: Vec::new(),
        }
    }

    /// The party of `text`; a code other than D, R or I is kept and warned about once.
    pub fn party(&mut self, text: &str, location: impl FnOnce() -> String, signer: usize) -> Party {
        match self.parties.intern(text) {
            Interned::Known(party) => party,
            Interned::Other(party) => {
                if !self.warned_parties.contains(&party) {
                    self.warned_parties.push(party);
                    self.warnings.push(Warning {
                        location: location(),
                        message: format!(
                            "party \"{}\" is not D, R or I; its signers are counted under \"{}\"",
                            text.trim(),
                            self.parties.code(party)
                        ),
                        signer: Some(signer),
                    });
                }
                party
            }
            Interned::Full => {
                self.warnings.push(Warning {
                    location: location(),
                    message: format!(
                        "too many different party codes; \"{}\" is counted under \"?\"",
                        text.trim()
                    ),
                    signer: Some(signer),
                });
                Party::UNKNOWN
            }
        }
    }

    /// Forgets what a list of signers left: a second `"signers"` list replaces the first
    /// (the last value of a key wins, as in the rest of the file), so the party codes and
    /// warnings of the first list's signers must not outlive them.
    pub fn forget_signers(&mut self) {
        self.parties = PartyTable::default();
        self.warned_parties.clear();
        self.warnings.retain(|warning| warning.signer.is_none());
    }

    /// The state of `text`; one the app does not recognise is kept in `extra` (so saving writes
    /// it back), counted under unknown and warned about.
    pub fn state(
        &mut self,
        text: &str,
        extra: &mut Option<Box<Extra>>,
        location: impl FnOnce() -> String,
        signer: usize,
    ) -> State {
        if crate::text::trim(text).is_empty() {
            return State::UNKNOWN;
        }
        if let Some(state) = State::parse(text) {
            return state;
        }
        extra
            .get_or_insert_with(Box::default)
            .insert(UNRECOGNISED_STATE_KEY.into(), text.into());
        self.warnings.push(Warning {
            location: location(),
            message: format!("unknown state \"{}\"; counted under unknown", text.trim()),
            signer: Some(signer),
        });
        State::UNKNOWN
    }
}

/// A party that needs no table and never warns, read as [`PartyTable::intern`] reads it: a
/// form of D, R or I, or blank. `None` for a code [`Normaliser::party`] must intern.
pub(super) fn party_without_table(text: &str) -> Option<Party> {
    match text {
        // The usual codes first: a big letter asks this once per signer.
        "D" => Some(Party::D),
        "R" => Some(Party::R),
        "I" => Some(Party::I),
        _ => crate::model::normalise_known(text),
    }
}

/// A state that never warns, read as [`Normaliser::state`] reads it: a recognised one, or
/// unknown for a blank. `None` for a state [`Normaliser::state`] must warn about.
pub(super) fn state_without_warning(text: &str) -> Option<State> {
    if crate::text::trim(text).is_empty() {
        return Some(State::UNKNOWN);
    }
    State::parse(text)
}

/// Settles a party or state as written (`None` for null) where that needs no normaliser:
/// puts the code `quick` reads into `code`, or gives back the text for the normaliser,
/// which may intern it or warn, in file order.
pub(super) fn settle<T>(
    text: Option<std::borrow::Cow<'_, str>>,
    quick: impl FnOnce(&str) -> Option<T>,
    code: &mut T,
) -> Option<String> {
    let text = text?;
    match quick(&text) {
        Some(settled) => {
            *code = settled;
            None
        }
        None => Some(text.into_owned()),
    }
}

/// A district as written in a CSV cell or a JSON string: digits, or "AL"/"at-large" for 0.
pub(super) fn parse_district(text: &str) -> Result<Option<u8>, ()> {
    let text = crate::text::trim(text);
    // One or two digits, the usual district, read at once: a big table has one per row.
    match *text.as_bytes() {
        [] => return Ok(None),
        [d] if d.is_ascii_digit() => return Ok(Some(d - b'0')),
        [d1, d2] if d1.is_ascii_digit() && d2.is_ascii_digit() => {
            return Ok(Some((d1 - b'0') * 10 + (d2 - b'0')));
        }
        _ => {}
    }
    if ["al", "at-large", "at large", "atlarge", "delegate"]
        .iter()
        .any(|form| form.eq_ignore_ascii_case(text))
    {
        return Ok(Some(0));
    }
    district_from_number(text.parse::<i64>().map_err(|_| ())?).map(Some)
}

/// The district, if `number` can be one (0 to 99).
pub(super) fn district_from_number(number: i64) -> Result<u8, ()> {
    u8::try_from(number).ok().filter(|d| *d < 100).ok_or(())
}

/// What the readers say a district must be.
pub(super) const DISTRICT_EXPECTED: &str =
    "a district number from 0 to 99 (0 = at-large or delegate)";

/// `signers[3] "Jane Doe"`: how warnings name a signer.
pub(super) fn signer_location(index: usize, name: &str) -> String {
    if name.is_empty() {
        format!("signers[{index}]")
    } else {
        format!("signers[{index}] \"{name}\"")
    }
}

/// A signer with nothing but a name, for the readers to fill in.
pub(super) fn blank_signer() -> Signer {
    Signer::new("", Party::UNKNOWN, State::UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn districts_read_at_once_read_as_numbers_do() {
        let by_number = |text: &str| {
            let text = text.trim();
            if text.is_empty() {
                Ok(None)
            } else if text.eq_ignore_ascii_case("al") {
                Ok(Some(0))
            } else {
                district_from_number(text.parse::<i64>().map_err(|_| ())?).map(Some)
            }
        };
        let symbols = ["", "0", "1", "7", "9", "a", "L", " ", "-", "+", "٣"];
        for a in symbols {
            for b in symbols {
                for c in symbols {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(parse_district(&text), by_number(&text), "{text:?}");
                }
            }
        }
    }
}
