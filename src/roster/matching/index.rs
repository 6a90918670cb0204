//! The roster's members indexed by every way their surname may be written, with their
//! given names folded, so that a signer's name costs a handful of hash look-ups.

use crate::roster::names::{
    SignerName, is_generation, is_suffix, same_given_name, surname_forms, words,
};
use crate::roster::{Member, MemberId};
use std::collections::HashMap;

/// How well the given names of a letter fit a member's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Given {
    /// The letter gives only a surname.
    Absent,
    /// Only initials or middle names fit.
    Weak,
    /// The name the member goes by fits (first name, nickname, or its formal form).
    Called,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub(super) member: MemberId,
    pub(super) is_whole_surname: bool,
    pub(super) given: Given,
}

/// The given names of one member, folded: those the member goes by, and the others
/// (middle names, initials).
#[derive(Clone, Debug, Default)]
struct GivenNames {
    called: Vec<String>,
    other: Vec<String>,
    /// "jr", "iii"…: a letter that names another generation means someone else.
    generation: Option<String>,
}

/// Members by every way their surname may be written, and their given names.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    by_surname: HashMap<Box<str>, Vec<(MemberId, bool)>>,
    given: Vec<GivenNames>,
}

impl NameIndex {
    pub(crate) fn new(members: &[Member]) -> NameIndex {
        let mut index = NameIndex {
            by_surname: HashMap::with_capacity(members.len() * 2),
            given: Vec::with_capacity(members.len()),
        };
        for (position, member) in members.iter().enumerate() {
            let Ok(position) = u32::try_from(position) else {
                break;
            };
            let surname = words(&member.name.last);
            for form in surname_forms(&surname) {
                index
                    .by_surname
                    .entry(form.key.into_boxed_str())
                    .or_default()
                    .push((MemberId(position), form.is_whole));
            }
            index.given.push(given_names(member, &surname));
        }
        index
    }

    /// Every member whose surname ends the letter's name and whose given names fit the
    /// words before it, with how well they fit.
    pub(super) fn candidates(&self, name: &SignerName) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::new();
        let mut key = String::new();
        for split in 0..name.words.len() {
            let (Some(given), Some(surname)) = (name.words.get(..split), name.words.get(split..))
            else {
                continue;
            };
            key.clear();
            surname.iter().for_each(|w| key.push_str(w));
            let Some(members) = self.by_surname.get(key.as_str()) else {
                continue;
            };
            for &(member, is_whole_surname) in members {
                let Some(names) = self.given.get(member.index()) else {
                    continue;
                };
                let Some(given) = fit_given(names, given, &name.nicknames) else {
                    continue;
                };
                if let (Some(theirs), Some(ours)) = (&names.generation, &name.generation)
                    && theirs != ours
                {
                    continue;
                }
                let candidate = Candidate {
                    member,
                    is_whole_surname,
                    given,
                };
                match found.iter_mut().find(|c| c.member == member) {
                    Some(known) => {
                        if (candidate.is_whole_surname, candidate.given)
                            > (known.is_whole_surname, known.given)
                        {
                            *known = candidate;
                        }
                    }
                    None => found.push(candidate),
                }
            }
        }
        found
    }

    /// Whether the letter's name can be that of `member`.
    pub(crate) fn fits(&self, member: MemberId, name: &SignerName) -> bool {
        self.candidates(name).iter().any(|c| c.member == member)
    }
}

fn given_names(member: &Member, surname: &[String]) -> GivenNames {
    let mut names = GivenNames {
        generation: member
            .name
            .suffix
            .as_deref()
            .map(words)
            .and_then(|w| w.into_iter().find(|w| is_generation(w))),
        ..GivenNames::default()
    };
    let mut add = |word: String, called: bool| {
        let list = if called && word.chars().count() > 1 {
            &mut names.called
        } else {
            &mut names.other
        };
        if !list.contains(&word) {
            list.push(word);
        }
    };
    let first = words(&member.name.first);
    let first_is_initial = first.first().is_some_and(|w| w.chars().count() == 1);
    for word in first {
        add(word, true);
    }
    if let Some(nickname) = &member.name.nickname {
        for word in words(nickname) {
            add(word, true);
        }
    }
    if let Some(middle) = &member.name.middle {
        for (i, word) in words(middle).into_iter().enumerate() {
            add(word, i == 0 && first_is_initial);
        }
    }
    if let Some(official) = &member.name.official {
        // "Nick LaLota", "Val T. Hoyle", "H. Morgan Griffith": the first full word of the
        // official name is the one the member goes by; the rest are middle names.
        let mut called_taken = false;
        for raw in official.split_whitespace() {
            let is_quoted = raw.contains(['"', '\u{201C}', '\u{201D}', '(', ')']);
            for word in words(raw) {
                if surname.contains(&word) || is_suffix(&word) {
                    continue;
                }
                let is_initial = word.chars().count() == 1;
                let called = is_quoted || (!called_taken && !is_initial);
                called_taken |= called && !is_quoted;
                add(word, called);
            }
        }
    }
    names
}

/// How the words before the surname (and nicknames in quotes) fit a member's given names;
/// `None` when one of them is someone else's.
fn fit_given(names: &GivenNames, given: &[String], nicknames: &[String]) -> Option<Given> {
    let mut fit = Given::Absent;
    for word in given.iter().chain(nicknames) {
        let this = if word.chars().count() == 1 {
            names
                .called
                .iter()
                .chain(&names.other)
                .any(|n| n.starts_with(word.as_str()))
                .then_some(Given::Weak)?
        } else if names.called.iter().any(|n| same_given_name(word, n)) {
            Given::Called
        } else if names
            .other
            .iter()
            .any(|n| n.chars().count() > 1 && same_given_name(word, n))
        {
            Given::Weak
        } else {
            return None;
        };
        fit = fit.max(this);
    }
    Some(fit)
}
