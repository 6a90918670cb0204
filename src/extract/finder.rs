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
use super::words::{
    CUES_AFTER, CUES_BEFORE, Cue, CueKind, TitleWord, chamber_word, is_abbreviation, is_filler,
    is_office_title, is_particle, is_post_word, is_stopword, is_suffix_word, member_title, month,
};
use crate::model::{Chamber, Role, State};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

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

/// How many tokens back a cue may be from its list: a sentence, not a page.
const MAX_CUE_DISTANCE: usize = 160;

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\'' | '\u{ab}' | '\u{bb}'
    )
}

fn closing_for(open: char) -> Option<char> {
    Some(match open {
        '"' => '"',
        '\u{201c}' => '\u{201d}',
        '\u{2018}' => '\u{2019}',
        '\'' => '\'',
        '(' => ')',
        '\u{ab}' => '\u{bb}',
        _ => return None,
    })
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

    /// A capitalised word that can be part of a person's name.
    fn is_name_word(&self, i: usize) -> bool {
        self.name_words.get(i).copied().unwrap_or(false)
    }

    /// What [`Doc::is_name_word`] answers for token `i`, worked out from the tokens.
    fn reads_as_name_word(&self, i: usize) -> bool {
        let Some(token) = self.tok(i).filter(|t| t.is_word()) else {
            return false;
        };
        let text = &*token.text;
        let folded = &*token.folded;
        if !text.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let mut letters = 0;
        let mut all_upper = true;
        for c in text.chars() {
            if c.is_ascii_digit() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
                all_upper &= c.is_uppercase();
            }
        }
        if letters >= 2 && all_upper {
            return false;
        }
        if is_stopword(folded) || member_title(folded).is_some() || is_suffix_word(folded) {
            return false;
        }
        // "April McClain Delaney" is a name; "April 8" is a date.
        if month(folded).is_some()
            && self
                .tok(i + 1)
                .is_some_and(|t| t.is_word() && t.text.chars().all(|c| c.is_ascii_digit()))
        {
            return false;
        }
        // A lone capital before a dot is an initial, not a word.
        !(letters == 1 && self.punct(i + 1) == Some('.'))
    }

    /// A single capital letter and its dot: "G.".
    fn is_initial(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.is_word() && t.text.chars().count() == 1 && t.text.chars().all(char::is_uppercase)
        }) && self.punct(i + 1) == Some('.')
    }

    /// A suffix starting at `i`: "Jr.", "III", "Ph.D.", "M.D."; where it ends.
    fn suffix_at(&self, i: usize) -> Option<usize> {
        let folded = self.folded(i);
        let with_dot = |end: usize| {
            if self.punct(end) == Some('.') {
                end + 1
            } else {
                end
            }
        };
        if is_suffix_word(folded) {
            let text = self.tok(i)?.text.as_ref();
            // "II" and "III" are written in capitals; "ii" in prose is not a suffix.
            if matches!(folded, "ii" | "iii" | "iv") && text != text.to_uppercase() {
                return None;
            }
            return Some(with_dot(i + 1));
        }
        let two = |a: &str, b: &str| {
            folded == a && self.punct(i + 1) == Some('.') && self.folded(i + 2) == b
        };
        if two("ph", "d") || two("m", "d") || two("j", "d") {
            return Some(with_dot(i + 3));
        }
        None
    }

    /// A nickname in quotes or brackets whose opening mark is at `open`: where it ends.
    fn nickname_from(&self, open: usize) -> Option<usize> {
        let close = closing_for(self.punct(open)?)?;
        let mut i = open + 1;
        let mut words = 0;
        while self.is_word(i) {
            let first = self.tok(i)?.text.chars().next()?;
            if !first.is_uppercase() {
                return None;
            }
            words += 1;
            i += 1;
        }
        let is_close = self.punct(i) == Some(close)
            || (close == '\u{201d}' && self.punct(i) == Some('"'))
            || (close == '"' && self.punct(i) == Some('\u{201d}'));
        ((1..=2).contains(&words) && is_close).then_some(i + 1)
    }

    /// A nickname whose closing mark is at `close`: where its opening mark is.
    fn nickname_to(&self, close: usize) -> Option<usize> {
        let mut i = close;
        for _ in 0..3 {
            i = i.checked_sub(1)?;
            if !self.is_word(i) {
                break;
            }
        }
        let open = if self.is_word(i) {
            i.checked_sub(1)?
        } else {
            i
        };
        (self.nickname_from(open) == Some(close + 1)).then_some(open)
    }

    /// Name words next to each other, leftwards from `i` inclusive.
    fn name_words_left(&self, mut i: usize) -> usize {
        let mut count = 0;
        loop {
            if self.is_name_word(i) {
                count += 1;
            } else if !(self.is_initial(i) || self.punct(i) == Some('.') || self.is_particle_at(i))
            {
                return count;
            }
            let Some(previous) = i.checked_sub(1) else {
                return count;
            };
            i = previous;
        }
    }

    fn name_words_right(&self, mut i: usize) -> usize {
        let mut count = 0;
        while let Some(token) = self.tok(i) {
            if self.is_name_word(i) {
                count += 1;
            } else if !(self.is_initial(i) || token.punct() == Some('.') || self.is_particle_at(i))
            {
                break;
            }
            i += 1;
        }
        count
    }

    fn is_particle_at(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_word() && t.text.chars().next().is_some_and(char::is_lowercase))
            && is_particle(self.folded(i))
    }

    /// The member title that ends at token `i`: "Rep.", "Sens.", "U.S. Rep.", "Representatives",
    /// "Resident Commissioner", "The Honorable".
    fn title_ending_at(&self, i: usize) -> Option<Title> {
        let (word_at, end) = if self.punct(i) == Some('.') {
            (i.checked_sub(1)?, i + 1)
        } else {
            (i, i + 1)
        };
        let folded = self.folded(word_at);
        let first = self.tok(word_at)?.text.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        let mut start = word_at;
        let word = if folded == "commissioner" && self.folded(word_at.checked_sub(1)?) == "resident"
        {
            start = word_at - 1;
            TitleWord {
                chamber: Some(Chamber::House),
                plural: false,
            }
        } else {
            let word = member_title(folded)?;
            // "Del" and "Rep" without a dot could be a name; only the dotted forms are titles.
            if matches!(folded, "del" | "rep" | "sen" | "reps" | "sens") && end == word_at + 1 {
                return None;
            }
            word
        };
        if folded == "honorable" && start > 0 && self.folded(start - 1) == "the" {
            start -= 1;
        }
        // "U.S. Rep.": the U.S. belongs to the title.
        if start >= 4
            && self.punct(start - 1) == Some('.')
            && self.folded(start - 2) == "s"
            && self.punct(start - 3) == Some('.')
            && self.folded(start - 4) == "u"
        {
            start -= 4;
        }
        Some(Title {
            tokens: start..end,
            word,
        })
    }

    /// The member title that starts at token `i`, and where it ends.
    fn title_at(&self, i: usize) -> Option<Title> {
        let mut at = i;
        if self.folded(at) == "u"
            && self.punct(at + 1) == Some('.')
            && self.folded(at + 2) == "s"
            && self.punct(at + 3) == Some('.')
        {
            at += 4;
        }
        if self.folded(at) == "the" && self.folded(at + 1) == "honorable" {
            at += 1;
        }
        if self.folded(at) == "resident" {
            at += 1;
        }
        let end = if self.punct(at + 1) == Some('.') {
            at + 1
        } else {
            at
        };
        let mut title = self.title_ending_at(end)?;
        title.tokens.start = i;
        Some(title)
    }

    /// The words of a name over `tokens` (already found), taken apart.
    fn name_parts(&self, tokens: Range<usize>) -> NameParts {
        let mut parts = NameParts {
            tokens: tokens.clone(),
            ..NameParts::default()
        };
        let mut display = String::new();
        let mut words: Vec<String> = Vec::new();
        let mut i = tokens.start;
        let mut previous_end: Option<usize> = None;
        let mut push_display = |token: &Token, display: &mut String| {
            if let Some(end) = previous_end
                && end < token.span.start
            {
                display.push(' ');
            }
            if token.is_word() {
                display.push_str(&token.text);
            } else if let Some(c) = token.punct() {
                display.push(c);
            }
            previous_end = Some(token.span.end);
        };
        while i < tokens.end {
            let Some(token) = self.tok(i) else { break };
            if token.kind == Kind::Newline {
                i += 1;
                continue;
            }
            if let Some(end) = self.suffix_at(i).filter(|_| !words.is_empty()) {
                for j in i..end.min(tokens.end) {
                    if let Some(t) = self.tok(j) {
                        push_display(t, &mut display);
                    }
                }
                i = end;
                continue;
            }
            if let Some(end) = self.nickname_from(i).filter(|e| *e <= tokens.end) {
                for j in i..end {
                    if let Some(t) = self.tok(j) {
                        push_display(t, &mut display);
                        if t.is_word() {
                            parts.nicknames.push(key(&t.folded));
                        }
                    }
                }
                i = end;
                continue;
            }
            push_display(token, &mut display);
            if token.is_word() {
                if self.is_name_word(i) {
                    parts.word_count += 1;
                }
                words.push(key(&token.folded));
            }
            i += 1;
        }
        // The trailing comma of "Pallone," never belongs to the name.
        while display.ends_with([',', ' ']) {
            display.pop();
        }
        parts.display = display;
        if let Some(surname) = words.iter().rposition(|w| w.chars().count() > 1) {
            parts.surname = words.get(surname).cloned().unwrap_or_default();
            parts.given = words
                .get(..surname)
                .map(<[String]>::to_vec)
                .unwrap_or_default();
        }
        parts
    }

    /// The name that ends just before the tag at `tag_at`.
    fn mention_at(&self, tag_at: usize) -> Option<Mention<'_>> {
        let tag = self.tok(tag_at)?.tag()?;
        let mut end = tag_at;
        if tag.after_comma {
            if self.punct(end.checked_sub(1)?) != Some(',') {
                return None;
            }
            end -= 1;
        }
        let mut start = end;
        while let Some(i) = start.checked_sub(1) {
            let Some(token) = self.tok(i) else { break };
            let has_right = start < end;
            let next_start = match &token.kind {
                Kind::Word => {
                    let folded = &*token.folded;
                    let is_suffix = self.suffix_at(i).is_some()
                        && !self.is_name_word(i)
                        && (has_right || i + 1 == end || self.punct(i + 1) == Some('.'));
                    if self.is_name_word(i)
                        || self.is_initial(i)
                        || is_suffix
                        || (has_right && self.is_particle_at(i))
                        || (folded == "ph" || folded == "d" || folded == "m")
                            && self.punct(i + 1) == Some('.')
                    {
                        Some(i)
                    } else {
                        None
                    }
                }
                Kind::Punct('.') => {
                    let before = self.folded(i.saturating_sub(1));
                    (i > 0
                        && (self.is_initial(i - 1)
                            || is_suffix_word(before)
                            || matches!(before, "ph" | "d" | "m")))
                    .then_some(i)
                }
                Kind::Punct(',') => (has_right && self.suffix_at(i + 1).is_some()).then_some(i),
                Kind::Punct(c) if is_quote(*c) || *c == ')' => self.nickname_to(i),
                Kind::Newline if has_right => {
                    let left = self.name_words_left(i.saturating_sub(1));
                    let right = self.name_words_right(i + 1);
                    (i > 0 && left >= 1 && left + right <= 3).then_some(i)
                }
                _ => None,
            };
            let Some(next_start) = next_start else { break };
            start = next_start;
        }
        while start < end && !(self.is_name_word(start) || self.is_initial(start)) {
            start += 1;
        }
        if start >= end {
            return None;
        }
        // Never more than five words: the rest is not the name.
        while self
            .name_words_right(start)
            .min(count_name_words(self, start..end))
            > 5
        {
            start += 1;
            while start < end && !(self.is_name_word(start) || self.is_initial(start)) {
                start += 1;
            }
        }
        let mut name = self.name_parts(start..end);
        let mut title = start
            .checked_sub(1)
            .and_then(|i| self.skip_newline_back(i))
            .and_then(|i| self.title_ending_at(i));
        // congress.gov writes "Rep. Bacon, Don [R-NE-2]": surname, comma, given names.
        if title.is_none()
            && start >= 3
            && self.punct(start - 1) == Some(',')
            && self.is_name_word(start - 2)
        {
            let surname_start = if self.is_name_word(start - 3) {
                start - 3
            } else {
                start - 2
            };
            if let Some(before) = surname_start
                .checked_sub(1)
                .and_then(|i| self.title_ending_at(i))
                .filter(|t| !t.word.plural)
            {
                let surname = self.name_parts(surname_start..start - 1);
                name.display = format!("{} {}", name.display, surname.display);
                name.given.push(name.surname.clone());
                name.given.retain(|g| !g.is_empty());
                name.surname = surname.surname;
                name.word_count += surname.word_count;
                name.tokens = surname_start..end;
                title = Some(before);
            }
        }
        let extent_start = title.as_ref().map_or(name.tokens.start, |t| t.tokens.start);
        Some(Mention {
            name,
            title,
            tag,
            extent: extent_start..tag_at + 1,
        })
    }

    /// A name without a tag starting at `i`: up to six words, initials, particles, a
    /// nickname and a suffix.
    fn name_from(&self, i: usize) -> Option<NameParts> {
        if !(self.is_name_word(i) || self.is_initial(i)) {
            return None;
        }
        let mut at = i;
        let mut end = i;
        let mut words = 0;
        loop {
            if self.is_initial(at) {
                at += 2;
                end = at;
                continue;
            }
            if at > i {
                if let Some(suffix_end) = self.suffix_at(at).filter(|_| !self.is_name_word(at)) {
                    end = suffix_end;
                    break;
                }
                if self.punct(at) == Some(',')
                    && let Some(suffix_end) = self.suffix_at(at + 1)
                {
                    end = suffix_end;
                    break;
                }
            }
            if self.is_name_word(at) {
                words += 1;
                if words > 6 {
                    break;
                }
                at += 1;
                end = at;
                continue;
            }
            if self.is_particle_at(at) && self.is_name_word(at + 1) {
                at += 1;
                continue;
            }
            if let Some(close) = self.nickname_from(at).filter(|_| at > i) {
                at = close;
                end = at;
                continue;
            }
            if self.tok(at).is_some_and(|t| t.kind == Kind::Newline) {
                let left = self.name_words_left(at.saturating_sub(1));
                let right = self.name_words_right(at + 1);
                if left >= 1 && right >= 1 && left + right <= 3 {
                    at += 1;
                    continue;
                }
            }
            break;
        }
        (end > i).then(|| self.name_parts(i..end))
    }

    /// Whether the dot, `!` or `?` at `i`, or the paragraph break there, ends a sentence.
    fn is_boundary(&self, i: usize) -> bool {
        let Some(token) = self.tok(i) else {
            return true;
        };
        match token.kind {
            Kind::Break => {
                let before = i.checked_sub(1).and_then(|b| self.punct(b));
                !matches!(before, Some(':' | ',')) && !self.is_cue_line_before(i)
            }
            Kind::Punct('!' | '?') => true,
            Kind::Punct('.') => {
                let after_abbreviation = i > 0
                    && self.is_word(i - 1)
                    && is_abbreviation(self.folded(i - 1))
                    && self.punct(i + 1) != Some('\u{201d}');
                let next_is_lower = self.tok(i + 1).is_some_and(|t| {
                    t.is_word() && t.text.chars().next().is_some_and(|c| !c.is_uppercase())
                }) || matches!(self.punct(i + 1), Some(',' | ';'));
                !after_abbreviation && !next_is_lower
            }
            _ => false,
        }
    }

    /// Whether the line before the paragraph break at `i` is a short heading that
    /// introduces signers: "Leads", "Co-signers", "Signed by".
    fn is_cue_line_before(&self, i: usize) -> bool {
        let mut words = 0;
        let mut at = i;
        let mut last_word = None;
        while let Some(k) = at.checked_sub(1) {
            at = k;
            let Some(token) = self.tok(k) else { break };
            if token.is_line_end() || i - k > 16 {
                break;
            }
            if token.is_word() {
                words += 1;
                last_word.get_or_insert(k);
            }
        }
        words <= 4
            && last_word
                .and_then(|k| self.cue_before_ending_at(k))
                .is_some_and(|(_, cue)| matches!(cue.kind, CueKind::Lead | CueKind::Cosigner))
    }

    /// The cue written before a list that ends at token `i`, from the table made once.
    fn cue_before_ending_at(&self, i: usize) -> Option<(usize, &'static Cue)> {
        self.cue_ends.get(i).copied().flatten()
    }

    /// The longest cue of [`CUES_BEFORE`] whose last word is at `i`: where it starts.
    fn cue_ending_at(&self, i: usize) -> Option<(usize, &'static Cue)> {
        let mut best: Option<(usize, &'static Cue)> = None;
        for cue in cues_before_ending_with(self.folded(i)) {
            let Some(start) = self.phrase_ending_at(i, cue.words) else {
                continue;
            };
            if best.is_none_or(|(_, b)| cue.words.len() > b.words.len()) {
                best = Some((start, cue));
            }
        }
        best
    }

    fn phrase_ending_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut at = i;
        for (n, word) in words.iter().rev().enumerate() {
            if n > 0 {
                at = at.checked_sub(1)?;
                if self.tok(at).is_some_and(|t| t.kind == Kind::Newline) {
                    at = at.checked_sub(1)?;
                }
            }
            if self.folded(at) != *word {
                return None;
            }
        }
        Some(at)
    }

    fn phrase_starting_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut at = i;
        for (n, word) in words.iter().enumerate() {
            if n > 0 {
                at += 1;
                if self.tok(at).is_some_and(|t| t.kind == Kind::Newline) {
                    at += 1;
                }
            }
            if self.folded(at) != *word {
                return None;
            }
        }
        Some(at + 1)
    }

    /// The nearest cue before token `start` in its sentence.
    fn cue_before(&self, start: usize) -> Option<(CueKind, Range<usize>)> {
        let mut only_filler = true;
        // "The cosigners are Reps. …": a verb of being may stand between a list and the
        // word that names it, but not between "to" and whom a letter is sent.
        let mut only_filler_or_being = true;
        let mut i = start;
        while let Some(k) = i.checked_sub(1) {
            i = k;
            if start - k > MAX_CUE_DISTANCE {
                return None;
            }
            if self.is_boundary(k) {
                return None;
            }
            let token = self.tok(k)?;
            if token.is_word()
                && let Some((cue_start, cue)) = self.cue_before_ending_at(k)
            {
                let is_strict = matches!(cue.kind, CueKind::Recipient | CueKind::Quoted);
                let is_near = if is_strict {
                    only_filler
                } else {
                    only_filler_or_being
                };
                if !(cue.is_adjacent || is_strict) || is_near {
                    return Some((cue.kind, cue_start..k + 1));
                }
            }
            let is_filler_token = match &token.kind {
                Kind::Word => {
                    let first_is_upper = token.text.chars().next().is_some_and(char::is_uppercase);
                    first_is_upper
                        || is_filler(&token.folded)
                        || member_title(&token.folded).is_some()
                }
                Kind::Punct(',') => k
                    .checked_sub(1)
                    .is_some_and(|b| self.cue_before_ending_at(b).is_some()),
                Kind::Punct('.' | ':' | '\'' | '\u{2019}') => true,
                Kind::Newline | Kind::Break | Kind::Tag(_) => true,
                Kind::Punct(_) => false,
            };
            only_filler &= is_filler_token;
            only_filler_or_being &= is_filler_token
                || matches!(
                    &*token.folded,
                    "are" | "were" | "is" | "was" | "include" | "includes"
                );
        }
        None
    }

    /// The first cue after token `end` in its sentence, before token `limit`.
    fn cue_after(&self, end: usize, limit: usize) -> Option<(CueKind, Range<usize>, bool)> {
        let mut i = end;
        let mut steps = 0;
        while i < limit && steps < 24 {
            if self.is_boundary(i) {
                return None;
            }
            if self.is_word(i) {
                let mut best: Option<(usize, &Cue)> = None;
                for cue in CUES_AFTER {
                    let Some(after) = self.phrase_starting_at(i, cue.words) else {
                        continue;
                    };
                    if cue.not_before.is_some_and(|w| self.folded(after) == w) {
                        continue;
                    }
                    if best.is_none_or(|(_, b)| cue.words.len() > b.words.len()) {
                        best = Some((after, cue));
                    }
                }
                if let Some((after, cue)) = best {
                    let is_relative = cue.words.first() == Some(&"who");
                    return Some((cue.kind, i..after, is_relative));
                }
            }
            i += 1;
            steps += 1;
        }
        None
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

    /// "Member of Congress", "United States Senator", "U.S. Representative" on the line
    /// after a name in a signature block: the chamber and where the line ends.
    fn signature_after(&self, i: usize) -> Option<(Chamber, usize)> {
        if self.tok(i).is_none_or(|t| t.kind != Kind::Newline) && self.punct(i) != Some(',') {
            return None;
        }
        let mut at = i + 1;
        let mut words: Vec<&str> = Vec::new();
        while let Some(token) = self.tok(at) {
            if token.is_line_end() {
                break;
            }
            if token.is_word() {
                words.push(&token.folded);
            }
            at += 1;
            // A signature's title is a few words; a longer line is something else.
            if at - i > 12 {
                return None;
            }
        }
        let line = words.join(" ");
        let chamber = match line.as_str() {
            "member of congress"
            | "u s representative"
            | "us representative"
            | "united states representative"
            | "member u s house of representatives"
            | "member of the house of representatives" => Chamber::House,
            "united states senator" | "u s senator" | "us senator" | "senator" => Chamber::Senate,
            _ => return None,
        };
        Some((chamber, at))
    }
}

/// The cues of [`CUES_BEFORE`] whose last word is `word`: most words end none, and this
/// is asked of every word of the text.
fn cues_before_ending_with(word: &str) -> &'static [&'static Cue] {
    static BY_LAST_WORD: std::sync::OnceLock<HashMap<&'static str, Vec<&'static Cue>>> =
        std::sync::OnceLock::new();
    BY_LAST_WORD
        .get_or_init(|| {
            let mut by_last: HashMap<&'static str, Vec<&'static Cue>> = HashMap::new();
            for cue in CUES_BEFORE {
                if let Some(last) = cue.words.last() {
                    by_last.entry(last).or_default().push(cue);
                }
            }
            by_last
        })
        .get(word)
        .map_or(&[], Vec::as_slice)
}

/// A folded word as a key: apostrophes do not count.
fn key(folded: &str) -> String {
    folded
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .collect()
}

fn count_name_words(doc: &Doc<'_>, tokens: Range<usize>) -> usize {
    tokens.filter(|&i| doc.is_name_word(i)).count()
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
    let runs = find_runs(doc, &mentions);
    for (n, run) in runs.iter().enumerate() {
        let limit = runs
            .get(n + 1)
            .map_or(doc.tokens.len(), |next| next.extent.start);
        let (context, cue) = run_context(doc, run, limit);
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
            add(doc, candidates, item, item_context, item_cue, list_title);
        }
    }
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

fn run_context(doc: &Doc<'_>, run: &Run<'_>, limit: usize) -> (Context, Option<Range<usize>>) {
    let before = doc.cue_before(run.extent.start);
    let after = doc.cue_after(run.extent.end, limit);
    let context = |kind: CueKind| match kind {
        CueKind::Lead => Context::Lead,
        CueKind::Cosigner => Context::Cosigner,
        CueKind::Recipient => Context::Recipient,
        CueKind::Quoted => Context::Quoted,
        CueKind::Negative => Context::Negative,
    };
    match (before, after) {
        (_, Some((CueKind::Negative, range, _))) => (Context::Negative, Some(doc.bytes(range))),
        (Some((CueKind::Quoted, _)) | None, Some((kind, range, true))) => {
            (context(kind), Some(doc.bytes(range)))
        }
        (Some((kind, range)), _) => (context(kind), Some(doc.bytes(range))),
        (None, Some((kind, range, _))) => (context(kind), Some(doc.bytes(range))),
        (None, None) => (Context::Neutral, None),
    }
}

/// Adds `item` as a new candidate, or to the candidate it names again.
/// The candidates so far, and which of them bear each surname, so that a name costs one
/// look-up however many names came before.
#[derive(Default)]
pub(crate) struct Candidates {
    list: Vec<Candidate>,
    by_surname: HashMap<String, Vec<usize>>,
    /// Whether a member was left out because [`MAX_FOUND`] were listed.
    left_out: bool,
}

fn add(
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

/// Reads the runs of names, in order. A run starts at each tagged name, at each member
/// title before a name, and after each cue that introduces signers.
fn find_runs<'m>(doc: &Doc<'_>, mentions: &'m Mentions<'_>) -> Vec<Run<'m>> {
    let mut starts: Vec<usize> = mentions.list.iter().map(|m| m.extent.start).collect();
    let mut filler = Filler::default();
    for i in 0..doc.tokens.len() {
        if let Some(title) = doc.title_at(i)
            && (doc.name_from(doc.skip_newline(title.tokens.end)).is_some() || title.word.plural)
        {
            starts.push(i);
        }
        if doc.is_word(i)
            && let Some((_, cue)) = doc.cue_before_ending_at(i)
            && matches!(cue.kind, CueKind::Lead | CueKind::Cosigner)
        {
            starts.push(filler.skip(doc, i + 1));
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut runs: Vec<Run> = Vec::new();
    let mut covered = 0;
    for start in starts {
        if start < covered {
            continue;
        }
        if let Some(run) = parse_run(doc, mentions, start) {
            covered = run.extent.end;
            runs.push(run);
        }
    }
    runs
}

/// How many tokens of filler may stand between a cue and its list ("joined by the
/// following Members of the House of Representatives:"); past that there is no list, and
/// a text of cue words alone ("led by led by …") is not read to its end from every cue.
const MAX_FILLER_TOKENS: usize = 24;

/// Past the words between a cue and its list: filler, ":", a line break after a colon.
/// Whether a token is filler depends on that token alone, so the filler already read
/// from one cue is not read again from the next: cues one after another ("led by led by
/// …") cost a look at each token once, not [`MAX_FILLER_TOKENS`] times.
#[derive(Default)]
struct Filler {
    /// Tokens read and found to be filler, one after another.
    read: Range<usize>,
    /// Whether the token at `read.end` was read and is not filler (or is past the end).
    stopped: bool,
}

impl Filler {
    /// Where the list after a cue that ends before `start` begins: past the filler, or
    /// `start` itself when the filler goes on for [`MAX_FILLER_TOKENS`] or more.
    fn skip(&mut self, doc: &Doc<'_>, start: usize) -> usize {
        if !self.read.contains(&start) && self.read.end != start {
            self.read = start..start;
            self.stopped = false;
        }
        while !self.stopped && self.read.end - start < MAX_FILLER_TOKENS {
            if is_filler_at(doc, self.read.end) {
                self.read.end += 1;
            } else {
                self.stopped = true;
            }
        }
        let read = self.read.end - start;
        // A text that ends right at the limit ends the filler, as any other token would.
        let at_text_end = self.read.end >= doc.tokens.len();
        if read < MAX_FILLER_TOKENS || (at_text_end && read == MAX_FILLER_TOKENS) {
            self.read.end
        } else {
            start
        }
    }
}

/// Whether token `i` may stand between a cue and its list: filler words, ":", a line
/// break after a colon.
fn is_filler_at(doc: &Doc<'_>, i: usize) -> bool {
    let Some(token) = doc.tok(i) else {
        return false;
    };
    match &token.kind {
        Kind::Word => {
            is_filler(&token.folded)
                || (is_stopword(&token.folded) && doc.title_at(i).is_none() && !doc.is_name_word(i))
        }
        Kind::Punct(':' | ',') | Kind::Newline => true,
        Kind::Break => !doc.is_boundary(i),
        _ => false,
    }
}

fn parse_run<'m>(doc: &Doc<'_>, mentions: &'m Mentions<'_>, start: usize) -> Option<Run<'m>> {
    let mut items: Vec<Item<'m>> = Vec::new();
    let mut at = start;
    let mut line_mode = false;
    while let Some(mut item) = parse_item(doc, mentions, at) {
        let mut end = item.extent.end;
        let signature = doc.signature_after(end);
        let ends_line = doc.is_line_end(end) || signature.is_some();
        if items.is_empty() {
            line_mode = doc.is_line_start(item.extent.start) && ends_line;
        } else if line_mode && !(doc.is_line_start(item.extent.start) && ends_line) {
            break;
        }
        if let Some((chamber, line_end)) = signature {
            item.signature = Some(chamber);
            end = line_end;
        }
        if let Some(post_end) = lead_post_after(doc, end) {
            item.own_lead = Some(end + 1..post_end);
            end = post_end;
        }
        items.push(item);
        let separators_start = end;
        let mut k = end;
        while let Some(token) = doc.tok(k) {
            let is_separator = match &token.kind {
                Kind::Punct(',' | ';' | '&' | '\u{2022}' | '\u{b7}' | '*') => true,
                Kind::Punct('-' | '\u{2013}' | '\u{2014}') => doc.is_line_start(k),
                Kind::Word => {
                    matches!(&*token.folded, "and" | "plus")
                        || (is_post_word(&token.folded) && !doc.is_name_word(k))
                }
                Kind::Newline => true,
                Kind::Break => line_mode,
                _ => false,
            };
            if is_separator {
                k += 1;
            } else if doc.folded(k) == "as"
                && doc.folded(k + 1) == "well"
                && doc.folded(k + 2) == "as"
            {
                k += 3;
            } else {
                break;
            }
        }
        if k == separators_start {
            break;
        }
        // "and House Foreign Affairs Committee Ranking Member Gregory Meeks (D-N.Y.)": the
        // posts between two tagged names do not end the list.
        if parse_item(doc, mentions, k).is_none()
            && let Some(next) = mentions.starting_in(k + 1..k + 9)
            && (k..next.extent.start).all(|j| {
                doc.tok(j).is_some_and(|t| {
                    t.text.chars().next().is_some_and(char::is_uppercase) || is_post_word(&t.folded)
                })
            })
        {
            k = next.extent.start;
        }
        at = k;
    }
    let first = items.first()?;
    let last = items.last()?;
    let extent = first.extent.start.min(start)..last.extent.end;
    Some(Run { items, extent })
}

/// ", co-chair", ", lead", ", co-lead" right after a name at `at`: where it ends.
fn lead_post_after(doc: &Doc<'_>, at: usize) -> Option<usize> {
    if doc.punct(at) != Some(',') {
        return None;
    }
    let word = doc.folded(at + 1);
    if !matches!(
        word,
        "co-chair" | "cochair" | "co-lead" | "colead" | "co-leader" | "lead" | "leader"
    ) {
        return None;
    }
    let next = doc.tok(at + 2);
    let ends_here = next.is_none_or(|t| {
        t.is_line_end() || matches!(t.punct(), Some(',' | ';' | '.' | ')')) || &*t.folded == "and"
    });
    ends_here.then_some(at + 2)
}

fn parse_item<'m>(doc: &Doc<'_>, mentions: &'m Mentions<'_>, at: usize) -> Option<Item<'m>> {
    let from_mention = |m: &'m Mention<'_>| Item {
        name: Cow::Borrowed(&m.name),
        title: m.title.clone(),
        tag: Some(m.tag),
        extent: m.extent.clone(),
        signature: None,
        own_lead: None,
    };
    if let Some(mention) = mentions.covering(at) {
        return Some(from_mention(mention));
    }
    let title = doc.title_at(at);
    let name_start = title
        .as_ref()
        .map_or(at, |t| doc.skip_newline(t.tokens.end));
    let name = doc.name_from(name_start)?;
    if let Some(mention) = mentions.starting_in(at..name.tokens.end + 1) {
        return Some(from_mention(mention));
    }
    Some(Item {
        extent: at..name.tokens.end,
        name: Cow::Owned(name),
        title,
        tag: None,
        signature: None,
        own_lead: None,
    })
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod filler_tests {
    use super::*;

    /// The filler after a cue, read from `start` alone, token by token.
    fn skip_from_scratch(doc: &Doc<'_>, start: usize) -> usize {
        let mut i = start;
        while doc.tok(i).is_some() {
            if i - start >= MAX_FILLER_TOKENS {
                return start;
            }
            if !is_filler_at(doc, i) {
                break;
            }
            i += 1;
        }
        i
    }

    #[test]
    fn filler_read_once_ends_where_reading_it_from_each_cue_ends() {
        let filler = "the following Members of the House of Representatives: ";
        let texts = [
            "Joined by the following Members: Reps. Ann Bee (D-CA) and Cy Dee (R-TX).".to_owned(),
            "led by ".repeat(40),
            format!("signed by {}Rep. Ann Bee", filler.repeat(3)),
            // The text ends exactly where the filler reaches its limit, and one token short.
            format!("signed by{}", " of".repeat(MAX_FILLER_TOKENS)),
            format!("signed by{}", " of".repeat(MAX_FILLER_TOKENS - 1)),
            format!("signed by{}", " of".repeat(MAX_FILLER_TOKENS + 1)),
        ];
        for text in &texts {
            let doc = Doc::new(text);
            let mut once = Filler::default();
            for start in 0..=doc.tokens.len() {
                assert_eq!(
                    once.skip(&doc, start),
                    skip_from_scratch(&doc, start),
                    "from token {start} of {text:?}"
                );
            }
            // Out of order too: a start before what was read starts again.
            let mut once = Filler::default();
            for start in (0..=doc.tokens.len()).rev() {
                assert_eq!(once.skip(&doc, start), skip_from_scratch(&doc, start));
            }
        }
    }
}
