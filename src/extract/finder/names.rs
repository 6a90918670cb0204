//! Reading a person's name from the tokens: the words a name is made of (initials,
//! particles, nicknames, suffixes), the member titles before it, and the name before a tag.

use super::{Doc, Mention, NameParts, Title};
use crate::extract::tokens::{Kind, Token};
use crate::extract::words::{
    TitleWord, is_particle, is_stopword, is_suffix_word, member_title, month,
};
use crate::model::Chamber;
use std::ops::Range;

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

impl Doc<'_> {
    /// A capitalised word that can be part of a person's name.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.name_words.get(i).copied().unwrap_or(false)
    }

    /// What [`Doc::is_name_word`] answers for token `i`, worked out from the tokens.
    pub(super) fn reads_as_name_word(&self, i: usize) -> bool {
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
    pub(super) fn title_at(&self, i: usize) -> Option<Title> {
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
    pub(super) fn mention_at(&self, tag_at: usize) -> Option<Mention<'_>> {
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
    pub(super) fn name_from(&self, i: usize) -> Option<NameParts> {
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
