//! Runs of names one after another, joined by commas, "and" or line breaks: where each
//! starts, the items it is made of, and what stands after a name in a signature block.

use super::{Doc, Item, Mention, Mentions, Run};
use crate::extract::tokens::Kind;
use crate::extract::words::{CueKind, is_filler, is_post_word, is_stopword};
use crate::model::Chamber;
use std::borrow::Cow;
use std::ops::Range;

impl Doc<'_> {
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

/// Reads the runs of names, in order. A run starts at each tagged name, at each member
/// title before a name, and after each cue that introduces signers.
pub(super) fn find_runs<'m>(doc: &Doc<'_>, mentions: &'m Mentions<'_>) -> Vec<Run<'m>> {
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
