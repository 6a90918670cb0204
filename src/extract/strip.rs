//! HTML and Markdown turned into plain text, so that everything after works on one text and
//! every range it reports points into the text the user is shown.

use std::ops::Range;
use std::path::Path;

mod entities;
mod html;
mod markdown;

/// What kind of text a press release came as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextKind {
    /// Plain text, as pasted or from a `.txt` file.
    #[default]
    Plain,
    /// Markdown: headings, emphasis, links and lists are taken out, their words kept.
    Markdown,
    /// HTML: tags, comments, scripts and styles are taken out and entities decoded.
    Html,
}

impl TextKind {
    /// The kind a file name says: `.html`/`.htm`/`.xhtml`, `.md`/`.markdown`, `.txt`/`.text`;
    /// `None` for any other name.
    pub fn from_path(path: &Path) -> Option<TextKind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" | "xhtml" => Some(TextKind::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(TextKind::Markdown),
            "txt" | "text" => Some(TextKind::Plain),
            _ => None,
        }
    }

    /// The kind `text` looks like: HTML when it opens with a tag or holds block tags,
    /// Markdown when it has headings, links or emphasis written the Markdown way, else plain.
    pub fn detect(text: &str) -> TextKind {
        // The first 4096 characters. The tags looked for are ASCII, and lower-casing any
        // other character never makes one of them, so ASCII lower case finds the same.
        let head_end = text.char_indices().nth(4096).map_or(text.len(), |(i, _)| i);
        let lower_head = text.get(..head_end).unwrap_or(text).to_ascii_lowercase();
        let trimmed = lower_head.trim_start_matches('\u{feff}').trim_start();
        let opens_with_tag = trimmed.starts_with("<!doctype")
            || trimmed.starts_with("<html")
            || trimmed.starts_with("<body")
            || trimmed.starts_with("<div")
            || trimmed.starts_with("<p>")
            || trimmed.starts_with("<p ")
            || trimmed.starts_with("<h1");
        let block_tags = ["<p>", "</p>", "<br", "<li>", "</div>", "</h1>", "</h2>"]
            .iter()
            .filter(|tag| lower_head.contains(*tag))
            .count();
        if opens_with_tag || block_tags >= 2 {
            return TextKind::Html;
        }
        let markdown_lines = text
            .lines()
            .take(200)
            .filter(|line| {
                let line = line.trim_start();
                line.starts_with("# ")
                    || line.starts_with("## ")
                    || line.starts_with("### ")
                    || line.starts_with("> ")
                    || line.contains("](")
                    || line.contains("**")
                    || line.contains("__")
            })
            .count();
        if markdown_lines >= 1 {
            TextKind::Markdown
        } else {
            TextKind::Plain
        }
    }

    /// `"plain text"`, `"Markdown"` or `"HTML"`, for people.
    pub fn label(self) -> &'static str {
        match self {
            TextKind::Plain => "plain text",
            TextKind::Markdown => "Markdown",
            TextKind::Html => "HTML",
        }
    }
}

/// The plain text of a document, and where its heading is in it, if it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stripped {
    /// The text without markup: one space between words, a line break for each line or
    /// list item, an empty line between paragraphs.
    pub text: String,
    /// The document's heading (its `<h1>` or `<title>`, or its first Markdown heading).
    pub heading: Option<Range<usize>>,
}

/// Takes the markup out of `input`.
pub fn strip(input: &str, kind: TextKind) -> Stripped {
    let plain = normalise(input);
    match kind {
        TextKind::Plain => Stripped {
            text: plain,
            heading: None,
        },
        TextKind::Markdown => markdown::strip_markdown(&plain),
        TextKind::Html => html::strip_html(&plain),
    }
}

/// Line ends as `\n`, no byte-order mark, no-break and other odd spaces as spaces, soft
/// hyphens and zero-width characters gone.
fn normalise(input: &str) -> String {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                out.push(' ');
            }
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_tags_and_entities_but_keeps_paragraphs() {
        let html = "<html><head><title>Ignored</title><style>p{}</style></head><body>\
                    <h1>Letter &amp; more</h1><p>Rep. Nydia Vel&aacute;zquez\n  (D-N.Y.)&nbsp;and\
                    <br>Linda S&#225;nchez</p><!-- note --><script>x()</script><ul><li>One</li><li>Two</li></ul></body></html>";
        let stripped = strip(html, TextKind::Html);
        assert_eq!(
            stripped.text,
            "Letter & more\n\nRep. Nydia Velázquez (D-N.Y.) and\nLinda Sánchez\n\nOne\nTwo"
        );
        let heading = stripped.heading.and_then(|r| stripped.text.get(r));
        assert_eq!(heading, Some("Letter & more"));
    }

    #[test]
    fn html_title_is_used_when_there_is_no_h1() {
        let stripped = strip(
            "<html><head><title>A  title</title></head><body><p>Body</p></body></html>",
            TextKind::Html,
        );
        assert_eq!(stripped.text, "A title\n\nBody");
        assert_eq!(stripped.heading, Some(0..7));
    }

    #[test]
    fn markdown_keeps_words_and_brackets_that_are_not_links() {
        let md = "# The *letter*\n\n- **Rep. Don Bacon** [R-NE-2]\n- [Rep. Jim Costa](https://x.example) (D-CA)\n\n[x]: https://example.org\n";
        let stripped = strip(md, TextKind::Markdown);
        assert_eq!(
            stripped.text,
            "The letter\n\nRep. Don Bacon [R-NE-2]\nRep. Jim Costa (D-CA)"
        );
        assert_eq!(stripped.heading, Some(0..10));
    }

    #[test]
    fn plain_text_only_has_its_line_ends_and_spaces_normalised() {
        let stripped = strip("\u{feff}a\r\nb\u{a0}c\rd\u{ad}e", TextKind::Plain);
        assert_eq!(stripped.text, "a\nb c\nde");
    }

    #[test]
    fn kinds_are_detected() {
        assert_eq!(TextKind::detect("<!DOCTYPE html><p>x</p>"), TextKind::Html);
        assert_eq!(TextKind::detect("# Title\n\nText"), TextKind::Markdown);
        assert_eq!(
            TextKind::detect("Rep. Jane Doe (D-NJ) led the letter."),
            TextKind::Plain
        );
        assert_eq!(
            TextKind::from_path(Path::new("a/b.HTM")),
            Some(TextKind::Html)
        );
    }
}
