//! HTML to plain text: paragraphs and lines from the tags that make them, hidden elements
//! dropped, and the `<h1>` (or else the `<title>`) as the heading.

use super::Stripped;
use super::entities::{decode_entities, decode_entity};
use std::ops::Range;

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

pub(super) fn strip_html(input: &str) -> Stripped {
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
