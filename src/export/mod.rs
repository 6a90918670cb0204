//! Writing what the dashboard shows: summaries in several formats, each to any `io::Write`.

mod summary;

pub use summary::{SummaryFormat, summary_json, write_summary};

/// Escapes the characters Markdown would read as formatting, and folds line breaks,
/// so that a name from someone else's file is shown as written.
pub fn markdown_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '!' | '|' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\r' | '\n' => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}
