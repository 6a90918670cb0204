//! Finding the signers in the tokens: names before party tags, lists of names after the
//! words that introduce signers, and what each list is (leads, cosigners, recipients,
//! people quoted) from the words around it.
//!
//! The text is read as *runs*: names one after another, joined by commas, semicolons,
//! "and" or line breaks. A run's meaning comes from the nearest cue before it in its
//! sentence ("led by", "leaders", "joined by", "co-signing", "to", "said"), else from the
//! words after it ("… led the letter", "… did not sign"). A name with a party tag is a
//! signer unless its run is written to, quoted or did not sign; a name without a tag is a
//! signer only in a run that a cue says signed, and only if it looks like a person's name.

use super::tokens::{Kind, Tag, Token, tokenize_from};
use super::words::{Cue, TitleWord, chamber_word};
use crate::model::{Chamber, Role, State};
use std::borrow::Cow;
use std::ops::Range;

mod candidates;
mod cues;
mod names;
mod runs;

pub(crate) use candidates::Candidates;
pub use candidates::MAX_FOUND;

/// The tokens of the stripped text, and where people are quoted at length.
pub(crate) struct Doc<'a> {
    pub tokens: Vec<Token>,
    /// Token ranges inside quotation marks that hold more than a nickname.
    speech: Vec<Range<usize>>,
    /// For each token, the longest cue written before a list that ends there, and where
    /// it starts.
    cue_ends: Vec<Option<(usize, &'static Cue)>>,
    /// For each token, whether it is a name word (see [`Doc::is_name_word`]): asked of
    /// most tokens many times over, so answered once.
    name_words: Vec<bool>,
    marker: std::marker::PhantomData<&'a str>,
}

/// A title before a name, over `tokens`.
#[derive(Clone, Debug)]
struct Title {
    tokens: Range<usize>,
    word: TitleWord,
}

/// A name as written, taken apart.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameParts {
    /// Token range of the name itself, without its title.
    pub tokens: Range<usize>,
    /// The name as written, with spaces made single and broken lines mended.
    pub display: String,
    /// Folded given names and initials, in order.
    pub given: Vec<String>,
    /// Folded words written in quotes or brackets.
    pub nicknames: Vec<String>,
    /// The last folded word that is not a suffix.
    pub surname: String,
    /// How many words (not initials, suffixes or nicknames) the name has.
    pub word_count: usize,
}

/// A name with a party tag after it.
#[derive(Clone, Debug)]
struct Mention<'d> {
    name: NameParts,
    title: Option<Title>,
    tag: &'d Tag,
    /// From the title (or the name) to the tag, inclusive.
    extent: Range<usize>,
}

/// The tagged names, and which of them covers or starts at each token, so that reading
/// a run costs a look-up per name however long the text.
struct Mentions<'d> {
    list: Vec<Mention<'d>>,
    /// For each token, the mention whose title or name holds it.
    covering: Vec<Option<usize>>,
    /// For each token, the mention whose extent starts there.
    starting: Vec<Option<usize>>,
}

impl<'d> Mentions<'d> {
    fn new(list: Vec<Mention<'d>>, tokens: usize) -> Mentions<'d> {
        let mut covering = vec![None; tokens];
        let mut starting = vec![None; tokens];
        for (index, mention) in list.iter().enumerate() {
            for slot in covering
                .get_mut(mention.extent.start..mention.name.tokens.end)
                .into_iter()
                .flatten()
            {
                slot.get_or_insert(index);
            }
            if let Some(slot) = starting.get_mut(mention.extent.start) {
                slot.get_or_insert(index);
            }
        }
        Mentions {
            list,
            covering,
            starting,
        }
    }

    fn covering(&self, at: usize) -> Option<&Mention<'d>> {
        self.list.get(self.covering.get(at).copied().flatten()?)
    }

    /// The first mention whose extent starts within `tokens`.
    fn starting_in(&self, tokens: Range<usize>) -> Option<&Mention<'d>> {
        let index = self.starting.get(tokens)?.iter().flatten().next()?;
        self.list.get(*index)
    }
}

/// One name of a run: a tagged one borrows its name and tag from the [`Mention`].
#[derive(Clone, Debug)]
struct Item<'m> {
    name: Cow<'m, NameParts>,
    title: Option<Title>,
    tag: Option<&'m Tag>,
    extent: Range<usize>,
    /// "Member of Congress" or "United States Senator" on the line after the name.
    signature: Option<Chamber>,
    /// ", co-chair" or ", lead" right after the name: this member leads, whatever the list.
    own_lead: Option<Range<usize>>,
}

/// Names one after another.
#[derive(Clone, Debug)]
struct Run<'m> {
    items: Vec<Item<'m>>,
    extent: Range<usize>,
}

/// What the words around a run say of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    Lead,
    Cosigner,
    Recipient,
    Quoted,
    Negative,
    /// No cue: a tagged name is still taken, as a signer of unknown role.
    Neutral,
}

/// A signer as the finder sees it, before the roster and the defaults.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub name: NameParts,
    pub party: Option<Box<str>>,
    pub state: Option<State>,
    pub district: Option<u8>,
    pub chamber: Option<Chamber>,
    /// Whether the chamber was written (a title, a district), not guessed.
    pub chamber_written: bool,
    pub has_tag: bool,
    /// The strongest thing any mention said of the role.
    pub context: Context,
    /// Byte range of the cue that decided the role.
    pub cue: Option<Range<usize>>,
    /// Byte range of the name and its tag.
    pub snippet: Range<usize>,
    /// Byte ranges of every mention.
    pub mentions: Vec<Range<usize>>,
}

impl Candidate {
    pub fn role_is_written(&self) -> bool {
        matches!(self.context, Context::Lead | Context::Cosigner)
    }

    pub fn role(&self) -> Role {
        match self.context {
            Context::Lead => Role::Lead,
            _ => Role::Cosigner,
        }
    }
}

impl<'a> Doc<'a> {
    /// The whole of `text`.
    #[cfg(test)]
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc::part(text, 0)
    }

    /// `text` from byte `start` to its end, as one document whose token spans are bytes
    /// of `text`: one of the parts [`super::parts`] cuts a long text into.
    pub fn part(text: &'a str, start: usize) -> Doc<'a> {
        let tokens = tokenize_from(text, start);
        let mut doc = Doc {
            tokens,
            cue_ends: Vec::new(),
            name_words: Vec::new(),
            marker: std::marker::PhantomData,
            speech: Vec::new(),
        };
        doc.speech = doc.find_speech();
        doc.name_words = (0..doc.tokens.len())
            .map(|i| doc.reads_as_name_word(i))
            .collect();
        doc.cue_ends = (0..doc.tokens.len())
            .map(|i| {
                if doc.is_word(i) {
                    doc.cue_ending_at(i)
                } else {
                    None
                }
            })
            .collect();
        doc
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    fn folded(&self, i: usize) -> &str {
        self.tok(i)
            .filter(|t| t.is_word())
            .map_or("", |t| &t.folded)
    }

    fn punct(&self, i: usize) -> Option<char> {
        self.tok(i).and_then(Token::punct)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_word)
    }

    fn is_line_end(&self, i: usize) -> bool {
        self.tok(i).is_none_or(Token::is_line_end)
    }

    /// `i`, or the token after it when `i` is a single line break.
    fn skip_newline(&self, i: usize) -> usize {
        if self.tok(i).is_some_and(|t| t.kind == Kind::Newline) {
            i + 1
        } else {
            i
        }
    }

    /// `i`, or the token before it when `i` is a single line break.
    fn skip_newline_back(&self, i: usize) -> Option<usize> {
        if self.tok(i).is_some_and(|t| t.kind == Kind::Newline) {
            i.checked_sub(1)
        } else {
            Some(i)
        }
    }

    fn is_line_start(&self, i: usize) -> bool {
        i == 0 || self.tok(i - 1).is_some_and(Token::is_line_end)
    }

    /// Quotation marks around more than four words: someone speaking.
    fn find_speech(&self) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        let mut open: Option<usize> = None;
        let mut straight_open: Option<usize> = None;
        for (i, token) in self.tokens.iter().enumerate() {
            match token.kind {
                Kind::Punct('\u{201c}') => open = Some(i),
                Kind::Punct('\u{201d}') => {
                    if let Some(start) = open.take() {
                        spans.push(start..i + 1);
                    }
                }
                Kind::Punct('"') => match straight_open.take() {
                    Some(start) => spans.push(start..i + 1),
                    None => straight_open = Some(i),
                },
                Kind::Break => straight_open = None,
                _ => {}
            }
        }
        spans.retain(|span| {
            self.tokens
                .get(span.clone())
                .is_some_and(|t| t.iter().filter(|t| t.is_word()).count() > 4)
        });
        spans
    }

    fn in_speech(&self, i: usize) -> bool {
        self.speech.iter().any(|s| s.contains(&i))
    }

    fn bytes(&self, tokens: Range<usize>) -> Range<usize> {
        let start = self.tok(tokens.start).map_or(0, |t| t.span.start);
        let end = tokens
            .end
            .checked_sub(1)
            .and_then(|i| self.tok(i))
            .map_or(start, |t| t.span.end);
        start..end.max(start)
    }
}

/// Adds the signer candidates in `doc` to `candidates`: a member named in an earlier part
/// of the text gains the mentions of this one.
pub(crate) fn find_into(doc: &Doc<'_>, candidates: &mut Candidates) {
    let list: Vec<Mention> = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.tag().is_some())
        .filter_map(|(i, _)| doc.mention_at(i))
        .collect();
    let mentions = Mentions::new(list, doc.tokens.len());
    let runs = runs::find_runs(doc, &mentions);
    for (n, run) in runs.iter().enumerate() {
        let limit = runs
            .get(n + 1)
            .map_or(doc.tokens.len(), |next| next.extent.start);
        let (context, cue) = cues::run_context(doc, run, limit);
        // "Sen. Jon Ossoff and Reps. Sanford Bishop, Lucy McBath …": a plural title holds
        // for the names after it, until another title.
        let mut list_title = None;
        for item in &run.items {
            if let Some(title) = &item.title {
                list_title = title.word.chamber.filter(|_| title.word.plural);
            }
            let (item_context, item_cue) = if doc.in_speech(item.extent.start) {
                (Context::Quoted, None)
            } else if let Some(own) = &item.own_lead {
                (Context::Lead, Some(doc.bytes(own.clone())))
            } else {
                (context, cue.clone())
            };
            candidates::add(doc, candidates, item, item_context, item_cue, list_title);
        }
    }
}

/// Which chambers a text speaks of: of representatives, of senators. A text that speaks
/// of only one is taken to be about that one ([`ChambersNamed::only`]).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ChambersNamed {
    house: bool,
    senate: bool,
}

impl ChambersNamed {
    /// House if the text speaks only of representatives, Senate if only of senators.
    pub fn only(self) -> Option<Chamber> {
        match (self.house, self.senate) {
            (true, false) => Some(Chamber::House),
            (false, true) => Some(Chamber::Senate),
            _ => None,
        }
    }
}

/// Adds the chambers `doc` speaks of to `named`.
pub(crate) fn chambers_named(doc: &Doc<'_>, named: &mut ChambersNamed) {
    let ChambersNamed { house, senate } = named;
    for (i, token) in doc.tokens.iter().enumerate() {
        if !token.is_word() {
            continue;
        }
        let folded = &*token.folded;
        let chamber = chamber_word(folded).or_else(|| {
            (folded == "house"
                && matches!(
                    doc.folded(i + 1),
                    "of" | "members" | "member" | "colleagues" | "democrats" | "republicans"
                ))
            .then_some(Chamber::House)
        });
        match chamber {
            Some(Chamber::House) => *house = true,
            Some(Chamber::Senate) => *senate = true,
            None => {}
        }
    }
}
