//! The stripped text as words, punctuation, line breaks and party tags, each with its byte
//! range, so that whatever is found can point back at where it was written.

use crate::model::{Party, PartyTable, State, normalise_known};
use std::ops::Range;

/// A party-and-state tag: `(D-NJ)`, `(R-Calif.)`, `[R-NE-3]`, `, R-South Dakota`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    /// The party code: `"D"`, `"R"`, `"I"`, or another code as written.
    pub party: Option<Box<str>>,
    /// The state or territory.
    pub state: Option<State>,
    /// The House district; 0 for at-large.
    pub district: Option<u8>,
    /// Written after a comma without brackets (`John Thune, R-South Dakota`).
    pub after_comma: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with apostrophes and hyphens inside.
    Word,
    /// Any other single character but spaces.
    Punct(char),
    /// One line break (with any spaces around it).
    Newline,
    /// Two or more line breaks: a new paragraph.
    Break,
    /// A party-and-state tag.
    Tag(Tag),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    /// Where it is in the text.
    pub span: Range<usize>,
    /// A word as read: a hyphen that only broke a word across lines is gone.
    pub text: Box<str>,
    /// The word folded (lower case, no accents, straight quotes); empty for other tokens.
    pub folded: Box<str>,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn tag(&self) -> Option<&Tag> {
        match &self.kind {
            Kind::Tag(tag) => Some(tag),
            _ => None,
        }
    }

    pub fn is_line_end(&self) -> bool {
        matches!(self.kind, Kind::Newline | Kind::Break)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Splits `text` into tokens.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    tokenize_from(text, 0)
}

/// Splits `text` from byte `start` to its end into tokens, whose spans are bytes of `text`.
pub(crate) fn tokenize_from(text: &str, start: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len().saturating_sub(start) / 4);
    let mut at = start;
    while let Some(c) = text.get(at..).and_then(|r| r.chars().next()) {
        if c.is_whitespace() {
            let rest = text.get(at..).unwrap_or("");
            let run = rest
                .char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .map_or(rest.len(), |(i, _)| i);
            let lines = rest.get(..run).unwrap_or("").matches('\n').count();
            let kind = match lines {
                0 => None,
                1 => Some(Kind::Newline),
                _ => Some(Kind::Break),
            };
            if let Some(kind) = kind {
                tokens.push(plain(kind, at..at + run));
            }
            at += run;
            continue;
        }
        if matches!(c, '(' | '[')
            && let Some((end, tag)) = bracket_tag(text, at)
        {
            tokens.push(plain(Kind::Tag(tag), at..end));
            at = end;
            continue;
        }
        if c == ',' {
            tokens.push(plain(Kind::Punct(','), at..at + 1));
            at += 1;
            if let Some((span, tag)) = comma_tag(text, at) {
                at = span.end;
                tokens.push(plain(Kind::Tag(tag), span));
            }
            continue;
        }
        if is_word_char(c) {
            let end = word_end(text, at);
            let raw = text.get(at..end).unwrap_or("");
            let word = unbreak(raw);
            let folded = crate::text::fold(&word);
            tokens.push(Token {
                kind: Kind::Word,
                span: at..end,
                text: word.into_boxed_str(),
                folded: folded.into_boxed_str(),
            });
            at = end;
            continue;
        }
        tokens.push(plain(Kind::Punct(c), at..at + c.len_utf8()));
        at += c.len_utf8();
    }
    tokens
}

fn plain(kind: Kind, span: Range<usize>) -> Token {
    Token {
        kind,
        span,
        text: Box::from(""),
        folded: Box::from(""),
    }
}

/// Where the word starting at `start` ends: letters and digits, with an apostrophe or a
/// hyphen between them, and a hyphen at the end of a line that the next line continues.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    loop {
        let rest = text.get(end..).unwrap_or("");
        let run = rest
            .char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(rest.len(), |(i, _)| i);
        end += run;
        let rest = text.get(end..).unwrap_or("");
        let mut chars = rest.chars();
        let Some(joiner) = chars.next() else {
            return end;
        };
        if is_apostrophe(joiner) || is_hyphen(joiner) {
            if chars.next().is_some_and(is_word_char) {
                end += joiner.len_utf8();
                continue;
            }
            if is_hyphen(joiner) {
                // "Krishna-\nmoorthi", "Ocasio-\n  Cortez".
                let after = rest.get(joiner.len_utf8()..).unwrap_or("");
                let spaces = after
                    .char_indices()
                    .find(|(_, c)| !matches!(c, ' ' | '\n'))
                    .map_or(after.len(), |(i, _)| i);
                let gap = after.get(..spaces).unwrap_or("");
                if gap.matches('\n').count() == 1
                    && after
                        .get(spaces..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(is_word_char)
                {
                    end += joiner.len_utf8() + spaces;
                    continue;
                }
            }
        }
        return end;
    }
}

/// A word with its line-break hyphenation undone: a hyphen before a line break stays when the
/// next line starts with a capital ("Ocasio-Cortez"), and goes when it does not ("Krishnamoorthi").
fn unbreak(raw: &str) -> String {
    if !raw.contains('\n') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(newline) = rest.find('\n') {
        let before = rest.get(..newline).unwrap_or("").trim_end_matches(' ');
        let after = rest
            .get(newline + 1..)
            .unwrap_or("")
            .trim_start_matches(' ');
        let next_is_capital = after.chars().next().is_some_and(char::is_uppercase);
        let before = if next_is_capital {
            before
        } else {
            before.trim_end_matches(is_hyphen)
        };
        out.push_str(before);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A tag in brackets starting at `open`: where it ends and what it says.
fn bracket_tag(text: &str, open: usize) -> Option<(usize, Tag)> {
    let rest = text.get(open..)?;
    let close = if rest.starts_with('(') { ')' } else { ']' };
    let end = rest
        .char_indices()
        .skip(1)
        .take(40)
        .find(|(_, c)| *c == close || matches!(c, '(' | '[' | '\n'))
        .filter(|(_, c)| *c == close)?
        .0;
    let inner = rest.get(1..end)?;
    let tag = parse_tag(inner, false)?;
    Some((open + end + 1, tag))
}

/// A tag written after a comma (`, R-South Dakota;`, `, D-Ill., and`) starting at `at`, just
/// after the comma: its range and what it says. The state is the longest run of up to four
/// words that is one, so "R-South Dakota and" stops before "and".
fn comma_tag(text: &str, at: usize) -> Option<(Range<usize>, Tag)> {
    let rest = text.get(at..)?;
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let start = at + spaces;
    let body = text.get(start..)?;
    let party_len = body
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(body.len(), |(i, _)| i);
    if !(1..=3).contains(&party_len) {
        return None;
    }
    let party = body.get(..party_len)?;
    if !party.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let after_party = body.get(party_len..)?;
    let dash = after_party.trim_start_matches(' ').chars().next()?;
    if !is_dash(dash) {
        return None;
    }
    let dash_at = party_len + (after_party.len() - after_party.trim_start_matches(' ').len());
    let state_from = dash_at + dash.len_utf8();
    let state_text = body.get(state_from..)?;
    let state_skip = state_text.len() - state_text.trim_start_matches(' ').len();
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut offset = state_from + state_skip;
    for word in body.get(offset..)?.split(' ').take(4) {
        let line_part = word.split('\n').next().unwrap_or("");
        let cut = line_part.trim_end_matches([',', ';', ':', ')']).len();
        if cut == 0 {
            break;
        }
        words.push(offset..offset + cut);
        if cut < word.len() {
            break;
        }
        offset += word.len() + 1;
    }
    for count in (1..=words.len()).rev() {
        let (Some(first), Some(last)) = (words.first(), words.get(count - 1)) else {
            continue;
        };
        let Some(state) = body.get(first.start..last.end) else {
            continue;
        };
        let candidate = format!("{party}-{state}");
        let Some(tag) = parse_tag(&candidate, true) else {
            continue;
        };
        // "R-Texas." ends a sentence; "D-Ill." is an abbreviation and keeps its dot.
        let mut end = last.end;
        if state.ends_with('.') {
            let without = state.trim_end_matches('.');
            let is_whole = State::parse(without).is_some_and(|s| {
                s.name().eq_ignore_ascii_case(without) || s.code().eq_ignore_ascii_case(without)
            }) || without.chars().last().is_some_and(|c| c.is_ascii_digit());
            if is_whole {
                end -= state.len() - without.len();
            }
        }
        return Some((start..start + end, tag));
    }
    None
}

/// Reads the inside of a tag: `D-NJ`, `D-N.J.`, `R - Calif.`, `D–Texas`, `D-CA-12`,
/// `R-NE-3`, `R-MT-AL`; and `D`, `R` or `I` alone in brackets.
pub(crate) fn parse_tag(inner: &str, after_comma: bool) -> Option<Tag> {
    let text: String = inner
        .trim()
        .chars()
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect();
    if !after_comma && matches!(text.as_str(), "D" | "R" | "I") {
        return Some(Tag {
            party: Some(text.into_boxed_str()),
            state: None,
            district: None,
            after_comma,
        });
    }
    let (party, rest) = text.split_once(['-', ','])?;
    let party = party.trim();
    let party = party_code(party)?;
    let rest = rest.trim();
    let (state_text, district) = match rest.rsplit_once('-') {
        Some((state, district)) => match parse_district(district.trim()) {
            Some(d) => (state.trim(), Some(d)),
            None => (rest, None),
        },
        None => (rest, None),
    };
    // A district written without a dash after a USPS code: "CA12".
    // Cut by bytes: "M”" is four bytes long too, and is no code and number.
    let code_and_number = state_text
        .split_at_checked(2)
        .filter(|(_, number)| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()));
    let (state_text, district) = match (district, state_text.len(), code_and_number) {
        (None, 3..=4, Some((code, number))) => {
            match (State::from_code(code), number.parse::<u8>()) {
                (Some(_), Ok(d)) => (code, Some(d)),
                _ => (state_text, None),
            }
        }
        (district, ..) => (state_text, district),
    };
    if state_text.is_empty() || state_text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let state = State::parse(state_text)?;
    Some(Tag {
        party: Some(party),
        state: Some(state),
        district,
        after_comma,
    })
}

/// The party code of a tag: D, R or I and their short forms, and the few other codes
/// members carry (`L`, `G`, `ID`, `DFL`, `NPP`, `PNP`).
fn party_code(text: &str) -> Option<Box<str>> {
    let bare = text.trim_end_matches('.');
    if bare.is_empty()
        || bare.len() > 3
        || !bare.chars().all(|c| c.is_ascii_alphabetic())
        || !bare.chars().next().is_some_and(|c| c.is_ascii_uppercase())
    {
        return None;
    }
    if let Some(known) = normalise_known(bare).filter(|p| *p != Party::UNKNOWN) {
        return Some(Box::from(PartyTable::default().code(known)));
    }
    let upper = bare.to_ascii_uppercase();
    matches!(upper.as_str(), "L" | "G" | "ID" | "NPP" | "PNP").then(|| upper.into_boxed_str())
}

fn parse_district(text: &str) -> Option<u8> {
    let lower = text.to_ascii_lowercase();
    if matches!(lower.as_str(), "al" | "at large" | "at-large") {
        return Some(0);
    }
    if text.is_empty() || text.len() > 2 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(inner: &str) -> Option<(Option<String>, Option<&'static str>, Option<u8>)> {
        parse_tag(inner, false).map(|t| {
            (
                t.party.map(|p| p.to_string()),
                t.state.map(State::code),
                t.district,
            )
        })
    }

    #[test]
    fn tags_in_every_form() {
        let d = Some("D".to_owned());
        let r = Some("R".to_owned());
        assert_eq!(tag("D-NJ"), Some((d.clone(), Some("NJ"), None)));
        assert_eq!(tag("D-N.J."), Some((d.clone(), Some("NJ"), None)));
        assert_eq!(tag("R-Calif."), Some((r.clone(), Some("CA"), None)));
        assert_eq!(tag("D \u{2013} Texas"), Some((d.clone(), Some("TX"), None)));
        assert_eq!(tag("R-Penn."), Some((r.clone(), Some("PA"), None)));
        assert_eq!(tag("R-Wisc."), Some((r.clone(), Some("WI"), None)));
        assert_eq!(tag("R-Kans."), Some((r.clone(), Some("KS"), None)));
        assert_eq!(tag("D-CA-12"), Some((d.clone(), Some("CA"), Some(12))));
        assert_eq!(tag("R-FL-27"), Some((r.clone(), Some("FL"), Some(27))));
        assert_eq!(tag("R-NE-3"), Some((r.clone(), Some("NE"), Some(3))));
        assert_eq!(tag("R-MT-AL"), Some((r.clone(), Some("MT"), Some(0))));
        assert_eq!(tag("D-NY14"), Some((d.clone(), Some("NY"), Some(14))));
        assert_eq!(tag("I-Vt."), Some((Some("I".into()), Some("VT"), None)));
        assert_eq!(tag("D"), Some((d, None, None)));
        for not_a_tag in [
            "ANCA",
            "U.S.-led",
            "April 1-2",
            "OSCE-Minsk",
            "A-OK",
            "D-Day",
            "R-123",
            "",
        ] {
            assert_eq!(tag(not_a_tag), None, "{not_a_tag}");
        }
    }

    #[test]
    fn words_keep_inner_hyphens_and_mend_broken_lines() {
        let tokens = tokenize("Ocasio-\nCortez, Krishna-\n  moorthi and O\u{2019}Halleran.");
        let words: Vec<&str> = tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| &*t.text)
            .collect();
        assert_eq!(
            words,
            [
                "Ocasio-Cortez",
                "Krishnamoorthi",
                "and",
                "O\u{2019}Halleran"
            ]
        );
    }

    #[test]
    fn comma_tags_stop_where_the_state_does() {
        let text =
            "Sens. John Thune, R-South Dakota; Angus King, I-Maine, and Tim Scott, R-S.C. The";
        let tags: Vec<(&str, Option<&str>)> = tokenize(text)
            .iter()
            .filter_map(|t| Some((text.get(t.span.clone())?, t.tag()?.state.map(State::code))))
            .collect();
        assert_eq!(
            tags,
            [
                ("R-South Dakota", Some("SD")),
                ("I-Maine", Some("ME")),
                ("R-S.C.", Some("SC"))
            ]
        );
    }
}
