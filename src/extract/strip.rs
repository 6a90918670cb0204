//! HTML and Markdown turned into plain text, so that everything after works on one text and
//! every range it reports points into the text the user is shown.

use std::ops::Range;
use std::path::Path;

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
        TextKind::Markdown => strip_markdown(&plain),
        TextKind::Html => strip_html(&plain),
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

/// Ends `out` with `lines` line breaks (none at the very start), dropping spaces before them.
fn push_break(out: &mut String, lines: usize) {
    let kept = out.trim_end_matches(' ').len();
    out.truncate(kept);
    if out.is_empty() {
        return;
    }
    let have = out.len() - out.trim_end_matches('\n').len();
    for _ in have..lines {
        out.push('\n');
    }
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

/// Tags that start a new paragraph, and those that start a new line.
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "form",
    "pre",
    "hr",
    "address",
];
const LINE_TAGS: &[&str] = &["br", "li", "tr", "dt", "dd", "caption"];
/// Elements whose content is not text for people.
const HIDDEN_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
];

fn strip_html(input: &str) -> Stripped {
    let mut out = String::with_capacity(input.len());
    let mut heading: Option<Range<usize>> = None;
    let mut heading_start: Option<usize> = None;
    let mut title: Option<String> = None;
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<!--") {
            rest = rest
                .find("-->")
                .map_or("", |end| rest.get(end + 3..).unwrap_or(""));
            continue;
        }
        if c == '<'
            && let Some(tag) = parse_tag(rest)
        {
            let after = rest.get(tag.len..).unwrap_or("");
            let name = tag.name.as_str();
            if name == "title" && !tag.is_closing {
                let (inner, next) = until_closing(after, "title");
                if title.is_none() {
                    title = Some(collapse_spaces(&decode_entities(inner)));
                }
                rest = next;
                continue;
            }
            if HIDDEN_TAGS.contains(&name) && !tag.is_closing && !tag.is_self_closing {
                // `<head>` may hold the `<title>`; read it before dropping the rest.
                let (inner, next) = until_closing(after, name);
                if name == "head"
                    && title.is_none()
                    && let Some(start) = inner.to_ascii_lowercase().find("<title")
                    && let Some(tail) = inner.get(start..)
                    && let Some(open) = parse_tag(tail)
                {
                    let (text, _) = until_closing(tail.get(open.len..).unwrap_or(""), "title");
                    title = Some(collapse_spaces(&decode_entities(text)));
                }
                rest = next;
                continue;
            }
            if PARAGRAPH_TAGS.contains(&name) {
                push_break(&mut out, 2);
            } else if LINE_TAGS.contains(&name) {
                push_break(&mut out, 1);
            } else if matches!(name, "td" | "th") {
                push_space(&mut out);
            }
            if name == "h1" && heading.is_none() {
                if tag.is_closing {
                    if let Some(start) = heading_start.take() {
                        let end = out.trim_end().len();
                        if end > start {
                            heading = Some(start..end);
                        }
                    }
                } else {
                    heading_start = Some(out.len());
                }
            }
            rest = after;
            continue;
        }
        if c == '&'
            && let Some((decoded, used)) = decode_entity(rest)
        {
            for d in decoded.chars() {
                if d == '\u{a0}' || d.is_whitespace() {
                    push_space(&mut out);
                } else {
                    out.push(d);
                }
            }
            rest = rest.get(used..).unwrap_or("");
            continue;
        }
        if c.is_whitespace() {
            push_space(&mut out);
        } else {
            out.push(c);
        }
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    let end = out.trim_end().len();
    out.truncate(end);
    if heading.is_none()
        && let Some(title) = title.filter(|t| !t.is_empty())
    {
        // The title is not in the body: put it on top, so that it can be shown highlighted.
        let mut with_title = String::with_capacity(title.len() + 2 + out.len());
        with_title.push_str(&title);
        with_title.push_str("\n\n");
        with_title.push_str(&out);
        return Stripped {
            text: with_title,
            heading: Some(0..title.len()),
        };
    }
    Stripped { text: out, heading }
}

struct HtmlTag {
    name: String,
    is_closing: bool,
    is_self_closing: bool,
    /// Bytes from `<` to `>` inclusive.
    len: usize,
}

/// The tag at the start of `text` (which begins with `<`), quotes in attributes respected.
fn parse_tag(text: &str) -> Option<HtmlTag> {
    let inner = text.strip_prefix('<')?;
    let (is_closing, inner_name) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let first = inner_name.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '!' || first == '?') {
        return None;
    }
    let name: String = inner_name
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '?' || *c == '-')
        .flat_map(|c| c.to_lowercase())
        .collect();
    let mut quote: Option<char> = None;
    for (offset, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if offset > name.len() + 1 => quote = Some(c),
            (None, '>') => {
                let is_self_closing = text.get(..offset).is_some_and(|t| t.ends_with('/'));
                return Some(HtmlTag {
                    name,
                    is_closing,
                    is_self_closing,
                    len: offset + 1,
                });
            }
            (None, '<') if offset > 0 => return None,
            _ => {}
        }
    }
    None
}

/// What comes before `</name>` in `text`, and what comes after it.
fn until_closing<'a>(text: &'a str, name: &str) -> (&'a str, &'a str) {
    let lower = text.to_ascii_lowercase();
    let needle = format!("</{name}");
    match lower.find(&needle) {
        Some(start) => {
            let inner = text.get(..start).unwrap_or("");
            let after_start = text.get(start..).unwrap_or("");
            let next = after_start
                .find('>')
                .map_or("", |end| after_start.get(end + 1..).unwrap_or(""));
            (inner, next)
        }
        None => (text, ""),
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with every character reference decoded.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '&'
            && let Some((decoded, used)) = decode_entity(rest)
        {
            out.push_str(&decoded);
            rest = rest.get(used..).unwrap_or("");
            continue;
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    out
}

/// The HTML names of U+00A0 to U+00FF, in order.
const LATIN1_ENTITIES: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named references a press release uses.
const OTHER_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("trade", '\u{2122}'),
    ("euro", '\u{20ac}'),
    ("ensp", ' '),
    ("emsp", ' '),
    ("thinsp", ' '),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Yuml", 'Ÿ'),
    ("Ccaron", 'Č'),
    ("ccaron", 'č'),
    ("Lstrok", 'Ł'),
    ("lstrok", 'ł'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("minus", '\u{2212}'),
];

/// The character reference at the start of `text` (which begins with `&`) and how many
/// bytes it takes; `None` when it is not one, so the `&` stays as written.
fn decode_entity(text: &str) -> Option<(String, usize)> {
    let body = text.get(1..)?;
    let end = body.char_indices().take(33).find(|(_, c)| *c == ';')?.0;
    let name = body.get(..end)?;
    let used = end + 2;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // Windows-1252 quotes and dashes, which pages still write as numbers.
        let c = match code {
            0x91 => '\u{2018}',
            0x92 => '\u{2019}',
            0x93 => '\u{201c}',
            0x94 => '\u{201d}',
            0x96 => '\u{2013}',
            0x97 => '\u{2014}',
            code => char::from_u32(code)?,
        };
        return Some((c.to_string(), used));
    }
    if let Some(position) = LATIN1_ENTITIES.iter().position(|n| *n == name) {
        let c = char::from_u32(0xa0 + u32::try_from(position).ok()?)?;
        return Some((c.to_string(), used));
    }
    let c = OTHER_ENTITIES.iter().find(|(n, _)| *n == name)?.1;
    Some((c.to_string(), used))
}

fn strip_markdown(input: &str) -> Stripped {
    let mut out = String::with_capacity(input.len());
    let mut heading: Option<Range<usize>> = None;
    let mut in_fence = false;
    let mut previous_line: Option<Range<usize>> = None;
    for line in input.split('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            out.push('\n');
            previous_line = None;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            previous_line = None;
            continue;
        }
        let bare = trimmed.trim_end();
        if is_rule_or_underline(bare) {
            // "Title\n=====" makes the line above a heading; "---" alone is a rule.
            if bare.starts_with('=')
                && heading.is_none()
                && let Some(above) = previous_line.take()
            {
                heading = Some(above);
            }
            out.push('\n');
            continue;
        }
        if is_reference_definition(bare) {
            out.push('\n');
            previous_line = None;
            continue;
        }
        let mut content = bare;
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start();
        }
        let hashes = content.chars().take_while(|c| *c == '#').count();
        let is_heading = (1..=6).contains(&hashes)
            && content
                .get(hashes..)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '));
        if is_heading {
            content = content
                .get(hashes..)
                .unwrap_or("")
                .trim()
                .trim_end_matches('#')
                .trim_end();
        } else {
            content = strip_list_marker(content);
        }
        let start = out.len();
        inline_markdown(content, &mut out);
        let end = start + out.get(start..).map_or(0, |line| line.trim_end().len());
        out.truncate(end);
        if is_heading && heading.is_none() && end > start {
            heading = Some(start..end);
        }
        previous_line = (end > start).then_some(start..end);
        out.push('\n');
    }
    let end = out.trim_end().len();
    out.truncate(end);
    Stripped { text: out, heading }
}

fn is_rule_or_underline(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| *c != ' ').collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '=')
            || compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
}

/// `[name]: https://…` lines, which Markdown does not show.
fn is_reference_definition(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else {
        return false;
    };
    let Some(close) = rest.find("]:") else {
        return false;
    };
    close > 0 && !rest.get(..close).unwrap_or("").contains(']')
}

/// The line without a leading `- `, `* `, `+ ` or `1. ` list marker.
fn strip_list_marker(line: &str) -> &str {
    for marker in ["- ", "* ", "+ ", "\u{2022} "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(rest) = line.get(digits..)
        && let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "))
    {
        return rest.trim_start();
    }
    line
}

/// Emphasis, code spans, links and images taken out of one line, their words kept.
fn inline_markdown(line: &str, out: &mut String) {
    let mut rest = line;
    let mut previous: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let after = rest.get(c.len_utf8()..).unwrap_or("");
        match c {
            '\\' => {
                if let Some(escaped) = after.chars().next().filter(char::is_ascii_punctuation) {
                    out.push(escaped);
                    previous = Some(escaped);
                    rest = after.get(escaped.len_utf8()..).unwrap_or("");
                    continue;
                }
                out.push(c);
            }
            '*' | '`' => {}
            '~' if after.starts_with('~') => {
                rest = after.get(1..).unwrap_or("");
                continue;
            }
            '_' => {
                let next = after.chars().next();
                let inside_word = previous.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if inside_word {
                    out.push(c);
                }
            }
            '!' if after.starts_with('[') => {}
            '[' => {
                if let Some((text, used)) = link(rest) {
                    inline_markdown(text, out);
                    previous = text.chars().last();
                    rest = rest.get(used..).unwrap_or("");
                    continue;
                }
                out.push(c);
            }
            '<' => {
                if let Some(close) = after.find('>') {
                    let inner = after.get(..close).unwrap_or("");
                    let is_autolink = inner.starts_with("http") || inner.starts_with("mailto:");
                    let is_tag = inner
                        .trim_start_matches('/')
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic())
                        && !inner.contains(' ')
                        || inner.contains('=');
                    if is_autolink {
                        out.push_str(inner);
                        rest = after.get(close + 1..).unwrap_or("");
                        continue;
                    }
                    if is_tag {
                        rest = after.get(close + 1..).unwrap_or("");
                        continue;
                    }
                }
                out.push(c);
            }
            '&' => {
                if let Some((decoded, used)) = decode_entity(rest) {
                    out.push_str(&decoded);
                    previous = decoded.chars().last();
                    rest = rest.get(used..).unwrap_or("");
                    continue;
                }
                out.push(c);
            }
            c => out.push(c),
        }
        previous = Some(c);
        rest = after;
    }
}

/// A link or image `[text](url)` or `[text][ref]` at the start of `text`: its text and the
/// bytes it takes. Brackets that are not a link (`[R-NE-3]`) are left alone.
fn link(text: &str) -> Option<(&str, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (offset, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close = Some(offset);
                    break;
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    let close = close?;
    let label = text.get(1..close)?;
    let after = text.get(close + 1..)?;
    let (open, shut) = match after.chars().next()? {
        '(' => ('(', ')'),
        '[' => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (offset, c) in after.char_indices() {
        if c == open {
            depth += 1;
        } else if c == shut {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some((label, close + 1 + offset + 1));
            }
        }
    }
    None
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
