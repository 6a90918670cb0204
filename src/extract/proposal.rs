//! The letter's title and date as the text gives them: a headline, a dateline, a
//! "date" line.

use super::Proposed;
use super::finder::Doc;
use super::tokens::Kind;
use super::words::month;
use crate::model::Date;
use std::ops::Range;

/// How far into the text a dateline may be: dates further in are the story's, not the letter's.
const DATELINE_BYTES: usize = 2000;

/// The letter's date: after a "date" or "dated" label anywhere near the top, else the first
/// whole date (with a year) near the top.
pub(crate) fn date(doc: &Doc<'_>) -> Option<Proposed<Date>> {
    let mut first: Option<Proposed<Date>> = None;
    for (i, token) in doc.tokens.iter().enumerate() {
        if token.span.start > DATELINE_BYTES {
            break;
        }
        if token.is_word() && matches!(&*token.folded, "date" | "dated") {
            let mut at = i + 1;
            while doc.tokens.get(at).is_some_and(|t| {
                matches!(t.kind, Kind::Punct(':' | '-' | '\u{2014}') | Kind::Newline)
            }) {
                at += 1;
            }
            if let Some(found) = date_at(doc, at) {
                return Some(found);
            }
        }
        if first.is_none() {
            first = date_at(doc, i);
        }
    }
    first
}

fn number(doc: &Doc<'_>, i: usize) -> Option<u32> {
    let token = doc.tokens.get(i).filter(|t| t.is_word())?;
    let digits = token
        .folded
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 4 {
        return None;
    }
    digits.parse().ok()
}

fn year(doc: &Doc<'_>, i: usize) -> Option<u16> {
    let token = doc.tokens.get(i)?;
    if token.folded.len() != 4 {
        return None;
    }
    number(doc, i)
        .and_then(|n| u16::try_from(n).ok())
        .filter(|y| (1900..=2200).contains(y))
}

fn punct_at(doc: &Doc<'_>, i: usize, c: char) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
}

/// A date starting at token `i`: `2025-04-08`, `April 8, 2025`, `Apr. 8, 2025`,
/// `8 April 2025`, `4/8/2025`.
fn date_at(doc: &Doc<'_>, i: usize) -> Option<Proposed<Date>> {
    let token = doc.tokens.get(i).filter(|t| t.is_word())?;
    let span = |end: usize| -> Range<usize> {
        let last = doc.tokens.get(end).map_or(token.span.end, |t| t.span.end);
        token.span.start..last
    };
    if let Ok(date) = token.folded.parse::<Date>() {
        return Some(Proposed {
            value: date,
            snippet: token.span.clone(),
        });
    }
    if let Some(m) = month(&token.folded) {
        let mut at = i + 1;
        if punct_at(doc, at, '.') {
            at += 1;
        }
        let day = number(doc, at)?;
        at += 1;
        if punct_at(doc, at, ',') {
            at += 1;
        }
        let y = year(doc, at)?;
        let date = Date::new(y, m, u8::try_from(day).ok()?)?;
        return Some(Proposed {
            value: date,
            snippet: span(at),
        });
    }
    let first = number(doc, i)?;
    if let Some(m) = doc.tokens.get(i + 1).and_then(|t| month(&t.folded)) {
        let y = year(doc, i + 2)?;
        let date = Date::new(y, m, u8::try_from(first).ok()?)?;
        return Some(Proposed {
            value: date,
            snippet: span(i + 2),
        });
    }
    if punct_at(doc, i + 1, '/') && punct_at(doc, i + 3, '/') {
        let day = number(doc, i + 2)?;
        let y = year(doc, i + 4)?;
        let date = Date::new(y, u8::try_from(first).ok()?, u8::try_from(day).ok()?)?;
        return Some(Proposed {
            value: date,
            snippet: span(i + 4),
        });
    }
    None
}

/// The letter's title: the document's heading, a "Title:" or "Subject:" line, or a first
/// line that reads as a headline (short, not a sentence, not a dateline).
pub(crate) fn title(text: &str, heading: Option<Range<usize>>) -> Option<Proposed<String>> {
    if let Some(range) = heading
        && let Some(value) = text.get(range.clone()).map(collapse)
        && !value.is_empty()
    {
        return Some(Proposed {
            value,
            snippet: range,
        });
    }
    let mut offset = 0;
    let mut lines_seen = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        lines_seen += 1;
        if lines_seen > 6 {
            return None;
        }
        let lead = line.len() - line.trim_start().len();
        let line_range = start + lead..start + lead + trimmed.len();
        let lower = trimmed.to_lowercase();
        for label in ["title:", "headline:", "subject:", "re:"] {
            if let Some(rest) = lower.strip_prefix(label)
                && !rest.trim().is_empty()
            {
                let skip = trimmed.len() - rest.len();
                let value = trimmed.get(skip..).map(str::trim).unwrap_or_default();
                let value_start = line_range.end - value.len();
                return Some(Proposed {
                    value: value.to_owned(),
                    snippet: value_start..line_range.end,
                });
            }
        }
        // A letter that opens with its address block has no headline.
        if lower.starts_with("the honorable")
            || lower.starts_with("dear ")
            || lower.starts_with("hon.")
        {
            return None;
        }
        if is_boilerplate(&lower) {
            continue;
        }
        let words = trimmed.split_whitespace().count();
        let is_headline = (3..=30).contains(&words)
            && trimmed.len() <= 200
            && !trimmed.ends_with(['.', ',', ':', ';'])
            && !lower.starts_with("date");
        return is_headline.then(|| Proposed {
            value: collapse(trimmed),
            snippet: line_range,
        });
    }
    None
}

/// Lines at the top of a press release that are not its headline.
fn is_boilerplate(lower: &str) -> bool {
    let starts = [
        "for immediate release",
        "press release",
        "news release",
        "media contact",
        "contact:",
        "contact ",
        "embargoed",
        "share",
        "print",
    ];
    starts.iter().any(|s| lower.starts_with(s))
        || lower.chars().filter(|c| c.is_alphabetic()).count() < 3
        || (lower.split_whitespace().count() <= 5 && lower.chars().any(|c| c.is_ascii_digit()))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(text: &str) -> Option<String> {
        date(&Doc::new(text)).map(|d| d.value.to_string())
    }

    #[test]
    fn dates_in_the_forms_press_releases_write() {
        assert_eq!(
            date_of("WASHINGTON (April 8, 2025) —"),
            Some("2025-04-08".into())
        );
        assert_eq!(date_of("Apr. 8, 2025"), Some("2025-04-08".into()));
        assert_eq!(date_of("Sept. 9th, 2025"), Some("2025-09-09".into()));
        assert_eq!(date_of("8 April 2025"), Some("2025-04-08".into()));
        assert_eq!(date_of("Posted 4/8/2025"), Some("2025-04-08".into()));
        assert_eq!(
            date_of(" date 2025-04-08 WASHINGTON—"),
            Some("2025-04-08".into())
        );
        // A "date" line wins over an earlier date in the text.
        assert_eq!(
            date_of("Since March 1, 2024, nothing.\nDate: May 2, 2025"),
            Some("2025-05-02".into())
        );
        assert_eq!(date_of("On April 1-2, advocates met."), None);
        assert_eq!(date_of("February 30, 2025"), None);
    }

    #[test]
    fn titles_from_headlines_labels_and_headings_only() {
        let title_of = |text: &str| title(text, None).map(|t| t.value);
        assert_eq!(
            title_of("FOR IMMEDIATE RELEASE\n\nSenators Urge Action on Broadband\n\nText."),
            Some("Senators Urge Action on Broadband".into())
        );
        assert_eq!(
            title_of("Subject: Letter on refugee resettlement\nDear Secretary:"),
            Some("Letter on refugee resettlement".into())
        );
        assert_eq!(
            title_of("The letter, led by Rep. Jane Doe (D-NJ), asks for a hearing."),
            None
        );
        assert_eq!(
            title_of("The Honorable Marco Rubio\nSecretary of State"),
            None
        );
        let text = "Intro\n\nHeading here";
        assert_eq!(
            title(text, Some(7..19)).map(|t| t.value),
            Some("Heading here".into())
        );
    }
}
