//! Turning fields as people write them into the model's codes, shared by both readers.

use super::Warning;
use crate::model::{
    Extra, Interned, Letter, Party, PartyTable, Signer, State, UNRECOGNISED_STATE_KEY,
};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

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

    /// The state of `text`; one the app does not recognise is kept in `extra` (so saving writes
    /// it back), counted under unknown and warned about.
    pub fn state(
        &mut self,
        text: &str,
        extra: &mut Option<Box<Extra>>,
        location: impl FnOnce() -> String,
        signer: usize,
    ) -> State {
        if text.trim().is_empty() {
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

/// A district as written in a CSV cell or a JSON string: digits, or "AL"/"at-large" for 0.
pub(super) fn parse_district(text: &str) -> Result<Option<u8>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "al" | "at-large" | "at large" | "atlarge" | "delegate"
    ) {
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

/// Warns about signers listed more than once: the same name (ignoring case) in the same state.
pub(super) fn warn_duplicates(letter: &Letter, warnings: &mut Vec<Warning>) {
    let mut seen: HashMap<(String, State), usize> = HashMap::with_capacity(letter.signers.len());
    for (index, signer) in letter.signers.iter().enumerate() {
        let key = (crate::text::fold(&signer.name), signer.state);
        match seen.entry(key) {
            Entry::Occupied(first) => warnings.push(Warning {
                location: signer_location(index, &signer.name),
                message: format!(
                    "listed twice: the same name and state as signers[{}]",
                    first.get()
                ),
                signer: Some(index),
            }),
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
    }
}

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
