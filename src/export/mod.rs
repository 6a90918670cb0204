//! Writing what the dashboard shows, each format to any `io::Write`: summaries, the signers
//! table, the Markdown one-pager, the JSON summary and the HTML report; and
//! [`write_atomically`] to put any of them in a file without ever leaving half of one.
//!
//! ```
//! use signer_dashboard::analysis::{Filter, select};
//! use signer_dashboard::export::{ExportFormat, Report, write_export};
//!
//! let letter = signer_dashboard::load::sample();
//! let mut filter = Filter::default();
//! filter.parties.insert("R".into());
//! let selection = select(&letter, &filter, None);
//! let report = Report { letter: &letter, filter: &filter, selection: &selection, generated_at: "2025-04-09T12:30:00Z" };
//! let mut out = Vec::new();
//! write_export(&mut out, ExportFormat::Markdown, &report).unwrap();
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.contains("- **Filters:** party R"));
//! assert!(text.contains("**3 signers**"));
//! ```

mod atomic;
mod html;
mod markdown;
pub mod palette;
mod report;
mod signers_csv;
mod summary;
mod svg;

pub use atomic::{WriteError, write_atomically};
pub use html::write_html;
pub use markdown::write_markdown;
pub use report::{Report, format_utc, now_utc};
pub use signers_csv::{
    FORMULA_PREFIXES, SIGNER_COLUMNS, guard_formula, unguard_formula, write_signers_csv,
};
pub use summary::{SummaryFormat, summary_json, write_summary};

use serde_json::Value;
use std::borrow::Cow;
use std::io::{self, Write};

/// The formats the window's File ▸ Export menu and `signer-dashboard export` write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// The signers shown, one row each, for spreadsheets.
    Csv,
    /// A one-pager: totals, tables by party and state, leads, the demands checklist.
    #[value(alias = "md")]
    Markdown,
    /// The same object as `summary --format json`, with the time it was made.
    Json,
    /// A self-contained report with charts and a map, to read, send or print.
    #[value(alias = "htm")]
    Html,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Csv,
        ExportFormat::Markdown,
        ExportFormat::Json,
        ExportFormat::Html,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
            ExportFormat::Html => "html",
        }
    }

    /// What a menu calls it: "Signers CSV", "Markdown one-pager"…
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "Signers CSV",
            ExportFormat::Markdown => "Markdown one-pager",
            ExportFormat::Json => "JSON summary",
            ExportFormat::Html => "HTML report",
        }
    }

    /// The format a file name's extension asks for, ignoring case.
    pub fn from_extension(extension: &str) -> Option<ExportFormat> {
        match extension.to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "json" => Some(ExportFormat::Json),
            "html" | "htm" => Some(ExportFormat::Html),
            _ => None,
        }
    }
}

/// Writes `report` in `format`.
pub fn write_export(
    out: &mut dyn Write,
    format: ExportFormat,
    report: &Report<'_>,
) -> io::Result<()> {
    match format {
        ExportFormat::Csv => write_signers_csv(out, report),
        ExportFormat::Markdown => write_markdown(out, report),
        ExportFormat::Json => write_json(out, report),
        ExportFormat::Html => write_html(out, report),
    }
}

/// The JSON summary of `report`: [`summary_json`]'s object, key for key, with
/// `generated_at` added at the end.
pub fn export_json(report: &Report<'_>) -> Value {
    let mut summary = summary_json(report.letter, report.filter, report.tally());
    if let Value::Object(object) = &mut summary {
        object.insert(
            "generated_at".to_owned(),
            Value::String(report.generated_at.to_owned()),
        );
    }
    summary
}

/// Writes [`export_json`] pretty-printed, as `summary --format json` prints it.
pub fn write_json(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &export_json(report))?;
    writeln!(out)
}

/// A file name for an export of `letter`: its date and the words of its title before any
/// colon, lowercase ASCII joined by hyphens, at most about 60 characters, e.g.
/// `2025-04-08-armenian-caucus-letter-to-secretary-rubio-and-nsa-waltz.html`.
pub fn default_file_name(letter: &crate::model::Letter, format: ExportFormat) -> String {
    const MOST_CHARS: usize = 60;
    const DANGLING: [&str; 8] = ["a", "an", "and", "for", "of", "on", "the", "to"];
    let title = &letter.info.title;
    let headline = title
        .split_once(':')
        .map_or(title.as_str(), |(head, _)| head);
    let folded = crate::text::fold(headline);
    let mut words: Vec<&str> = Vec::new();
    let mut length = 0;
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.get(..MOST_CHARS).unwrap_or(word);
        if !words.is_empty() && length + 1 + word.len() > MOST_CHARS {
            break;
        }
        length += usize::from(!words.is_empty()) + word.len();
        words.push(word);
    }
    while words.len() > 1 && words.last().is_some_and(|w| DANGLING.contains(w)) {
        words.pop();
    }
    let slug = if words.is_empty() {
        "letter".to_owned()
    } else {
        words.join("-")
    };
    match letter.info.date {
        Some(date) => format!("{date}-{slug}.{}", format.extension()),
        None => format!("{slug}.{}", format.extension()),
    }
}

/// Escapes the characters Markdown would read as formatting, and folds line breaks,
/// so that a name from someone else's file is shown as written.
pub fn markdown_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '!' | '|' | '&' | '~' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\r' | '\n' => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Escapes text for HTML and XML, in text and in double-quoted attributes alike (every
/// attribute the exports write is double-quoted, so `'` is left as it is). Characters that
/// XML 1.0 forbids and HTML calls errors (control characters other than tab and line
/// breaks, U+FFFE and U+FFFF) become U+FFFD, so the result is always well-formed.
///
/// ```
/// use signer_dashboard::export::html_escape;
/// assert_eq!(html_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
/// assert_eq!(html_escape("O'Neill & \"Chuy\""), "O'Neill &amp; &quot;Chuy&quot;");
/// assert_eq!(html_escape("plain"), "plain");
/// ```
pub fn html_escape(text: &str) -> Cow<'_, str> {
    let needs_escape = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\u{FFFE}' | '\u{FFFF}')
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    };
    if !text.contains(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c if needs_escape(c) => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// Whether `text` has right-to-left letters or direction marks, and so must be isolated
/// from the text around it to be shown as written and not reorder its neighbours.
pub(crate) fn needs_bidi_isolation(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}')
    })
}

/// `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it
/// [needs isolation](needs_bidi_isolation), for formats without markup of their own.
pub(crate) fn isolate_bidi(text: &str) -> Cow<'_, str> {
    if needs_bidi_isolation(text) {
        Cow::Owned(format!("\u{2068}{text}\u{2069}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_date_and_title() {
        let letter = crate::load::sample();
        assert_eq!(
            default_file_name(&letter, ExportFormat::Html),
            "2025-04-08-armenian-caucus-letter-to-secretary-rubio-and-nsa-waltz.html"
        );
        let mut untitled = crate::model::Letter::default();
        untitled.info.title = "«¿?»".into();
        assert_eq!(
            default_file_name(&untitled, ExportFormat::Csv),
            "letter.csv"
        );
        untitled.info.title = "Carta de Sánchez / Ünal".into();
        assert_eq!(
            default_file_name(&untitled, ExportFormat::Markdown),
            "carta-de-sanchez-unal.md"
        );
        untitled.info.title =
            "A letter to the Secretary of State and the Administrator of the EPA on".into();
        assert_eq!(
            default_file_name(&untitled, ExportFormat::Json),
            "a-letter-to-the-secretary-of-state-and-the-administrator.json"
        );
    }

    #[test]
    fn formats_round_trip_through_their_extensions() {
        for format in ExportFormat::ALL {
            assert_eq!(
                ExportFormat::from_extension(format.extension()),
                Some(format)
            );
        }
        assert_eq!(
            ExportFormat::from_extension("HTM"),
            Some(ExportFormat::Html)
        );
        assert_eq!(ExportFormat::from_extension("txt"), None);
    }

    #[test]
    fn escapes_leave_no_markup_and_no_invalid_xml() {
        assert_eq!(
            html_escape("a\u{1}b\u{7f}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(html_escape("tab\there\nnext"), "tab\there\nnext");
        assert_eq!(markdown_escape("a & b ~~c~~"), "a \\& b \\~\\~c\\~\\~");
        assert_eq!(isolate_bidi("Smith"), "Smith");
        assert_eq!(isolate_bidi("\u{202E}evil"), "\u{2068}\u{202E}evil\u{2069}");
        assert_eq!(isolate_bidi("محمد"), "\u{2068}محمد\u{2069}");
    }
}
