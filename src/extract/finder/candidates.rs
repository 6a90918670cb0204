//! The signers found so far: a name seen again joins the candidate it names, so that a
//! member mentioned three times is one signer with three mentions.

use super::{Candidate, Context, Doc, Item, NameParts};
use crate::extract::words::is_office_title;
use crate::model::{Chamber, State};
use std::collections::HashMap;
use std::ops::Range;

/// The candidates so far, and which of them bear each surname, so that a name costs one
/// look-up however many names came before.
#[derive(Default)]
pub(crate) struct Candidates {
    list: Vec<Candidate>,
    by_surname: HashMap<String, Vec<usize>>,
    /// Whether a member was left out because [`MAX_FOUND`] were listed.
    left_out: bool,
}

/// How many members the finder lists at most. Congress has 541 seats, and a press release
/// names a few dozen; a text that names thousands is not a letter's, and listing every one
/// would take far more memory and time than the text itself.
pub const MAX_FOUND: usize = 10_000;

impl Candidates {
    /// The signers found, in the order of the text, and whether the text named more
    /// members than the [`MAX_FOUND`] listed.
    pub(crate) fn finish(self) -> (Vec<Candidate>, bool) {
        let mut list = self.list;
        list.retain(|c| {
            !matches!(
                c.context,
                Context::Recipient | Context::Quoted | Context::Negative
            )
        });
        list.sort_by_key(|c| c.snippet.start);
        (list, self.left_out)
    }
}

/// Adds `item` as a new candidate, or to the candidate it names again.
pub(super) fn add(
    doc: &Doc<'_>,
    candidates: &mut Candidates,
    item: &Item<'_>,
    context: Context,
    cue: Option<Range<usize>>,
    list_title: Option<Chamber>,
) {
    let name: &NameParts = &item.name;
    if name.surname.is_empty() {
        return;
    }
    let tag = item.tag;
    let state = tag.and_then(|t| t.state);
    let title_chamber = item.title.as_ref().and_then(|t| t.word.chamber);
    let district = tag.and_then(|t| t.district);
    let chamber = title_chamber
        .or(list_title)
        .or(item.signature)
        .or(district.map(|_| Chamber::House));
    let snippet = doc.bytes(name.tokens.start..item.extent.end);
    let same: Vec<usize> = candidates
        .by_surname
        .get(&name.surname)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&i| {
            candidates
                .list
                .get(i)
                .is_some_and(|c| same_person(&c.name, c.state, name, state))
        })
        .collect();
    // "Smith" alone, when two Smiths signed, could be either: it says nothing of them.
    if same.len() > 1 && name.given.is_empty() && name.nicknames.is_empty() {
        return;
    }
    if let Some(&position) = same.first()
        && let Some(known) = candidates.list.get_mut(position)
    {
        let name_and_tag = snippet.clone();
        known.mentions.push(snippet.clone());
        if tag.is_some() && !known.has_tag {
            known.has_tag = true;
            known.snippet = snippet;
        }
        if name.word_count > known.name.word_count {
            known.name = name.clone();
        }
        if known.party.is_none() {
            known.party = tag.and_then(|t| t.party.clone());
        }
        known.state = known.state.or(state);
        known.district = known.district.or(district);
        if known.chamber.is_none() {
            known.chamber = chamber;
            known.chamber_written = chamber.is_some();
        }
        let rank = |c: Context| match c {
            Context::Lead => 3,
            Context::Cosigner => 2,
            Context::Neutral => 1,
            _ => 0,
        };
        if rank(context) > rank(known.context) {
            known.context = context;
            known.cue = cue;
            // The snippet shows the mention that says what the member did, not a passing
            // one ("Recent news: Rep. Meng (D-NY) announces …" in a page's sidebar).
            if tag.is_some() {
                known.snippet = name_and_tag;
            }
        }
        return;
    }
    let is_signer = match (tag.is_some(), context) {
        (_, Context::Recipient | Context::Quoted | Context::Negative) => false,
        (true, _) => true,
        (false, Context::Lead | Context::Cosigner) => is_full_name(doc, item),
        (false, Context::Neutral) => false,
    };
    if !is_signer {
        return;
    }
    if candidates.list.len() >= MAX_FOUND {
        candidates.left_out = true;
        return;
    }
    candidates
        .by_surname
        .entry(name.surname.clone())
        .or_default()
        .push(candidates.list.len());
    candidates.list.push(Candidate {
        name: name.clone(),
        party: tag.and_then(|t| t.party.clone()),
        state,
        district,
        chamber,
        chamber_written: chamber.is_some(),
        has_tag: tag.is_some(),
        context,
        cue,
        snippet: snippet.clone(),
        mentions: vec![snippet],
    });
}

/// A name without a tag is taken only when it looks like a whole person's name: a given
/// name (or initial) and a surname, not after the title of an office.
fn is_full_name(doc: &Doc<'_>, item: &Item<'_>) -> bool {
    let name = &item.name;
    let given_ok = !name.given.is_empty() || !name.nicknames.is_empty();
    let before = name.tokens.start.checked_sub(1);
    let after_office =
        item.title.is_none() && before.is_some_and(|b| is_office_title(doc.folded(b)));
    // "the Rural Health Caucus letter": a name that runs on into a capitalised word is
    // part of an organisation's name.
    let runs_on = doc
        .tok(name.tokens.end)
        .is_some_and(|t| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase));
    given_ok && name.word_count >= 1 && !after_office && !runs_on
}

/// Whether two names are one person: the same surname, given names that fit (a name, an
/// initial, a nickname), and no two different states.
fn same_person(
    a: &NameParts,
    a_state: Option<State>,
    b: &NameParts,
    b_state: Option<State>,
) -> bool {
    if a.surname != b.surname {
        return false;
    }
    if let (Some(x), Some(y)) = (a_state, b_state)
        && x != y
    {
        return false;
    }
    let (short, long) = if a.given.len() <= b.given.len() {
        (a, b)
    } else {
        (b, a)
    };
    let long_names: Vec<&String> = long.given.iter().chain(&long.nicknames).collect();
    short.given.iter().chain(&short.nicknames).all(|word| {
        long_names.iter().any(|other| {
            if word.chars().count() == 1 || other.chars().count() == 1 {
                word.chars().next() == other.chars().next()
            } else {
                crate::roster::names::same_given_name(word, other)
            }
        })
    })
}
