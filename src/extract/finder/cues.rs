//! The cues around a run of names: where a sentence ends, the words before a list that say
//! who its names are ("led by", "to"), and the words after it ("… did not sign").

use super::{Context, Doc, Run};
use crate::extract::tokens::Kind;
use crate::extract::words::{
    CUES_AFTER, CUES_BEFORE, Cue, CueKind, is_abbreviation, is_filler, member_title,
};
use std::collections::HashMap;
use std::ops::Range;

/// How many tokens back a cue may be from its list: a sentence, not a page.
const MAX_CUE_DISTANCE: usize = 160;

impl Doc<'_> {
    /// Whether the dot, `!` or `?` at `i`, or the paragraph break there, ends a sentence.
    pub(super) fn is_boundary(&self, i: usize) -> bool {
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
    pub(super) fn cue_before_ending_at(&self, i: usize) -> Option<(usize, &'static Cue)> {
        self.cue_ends.get(i).copied().flatten()
    }

    /// The longest cue of [`CUES_BEFORE`] whose last word is at `i`: where it starts.
    pub(super) fn cue_ending_at(&self, i: usize) -> Option<(usize, &'static Cue)> {
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

pub(super) fn run_context(
    doc: &Doc<'_>,
    run: &Run<'_>,
    limit: usize,
) -> (Context, Option<Range<usize>>) {
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
