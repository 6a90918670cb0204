//! Markdown to plain text: emphasis, links and list markers taken off, code fences kept as
//! they are, and the first heading found.

use super::Stripped;
use super::entities::decode_entity;
use std::ops::Range;

pub(super) fn strip_markdown(input: &str) -> Stripped {
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
