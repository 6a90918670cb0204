//! A bound on how deeply a YAML roster nests its flow collections (`[…]` and `{…}`),
//! checked in one pass over the text before the YAML parser sees it.
//!
//! The parser's work grows with the square of the nesting: 100,000 nested `[` inside one
//! member took a minute and a half. A roster nests three or four levels (a list of
//! members, each a map of maps and lists), so anything past [`MOST_FLOW_LEVELS`] is
//! refused at once, at the bracket that goes too deep.

use super::error::{RosterError, RosterErrorKind};
use std::path::Path;

/// The deepest nesting of `[` and `{` a YAML roster may have.
pub(crate) const MOST_FLOW_LEVELS: usize = 64;

/// Where the scan is: in plain text, or inside a quoted scalar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inside {
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

/// Checks that `text` nests `[` and `{` at most [`MOST_FLOW_LEVELS`] deep, outside quoted
/// scalars and comments; the error names the line and column of the first bracket too deep.
pub(crate) fn check(path: &Path, text: &str) -> Result<(), RosterError> {
    let mut depth = 0usize;
    let mut inside = Inside::Plain;
    // Whether the character before is one after which a quote or a comment may start.
    let mut at_token_start = true;
    let mut is_escaped = false;
    let mut line = 1usize;
    let mut line_start = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\n' {
            line += 1;
            line_start = at + 1;
        }
        match inside {
            Inside::SingleQuoted => {
                if c == '\'' {
                    // `''` is a quote inside the scalar.
                    if chars.peek().is_some_and(|&(_, next)| next == '\'') {
                        chars.next();
                    } else {
                        inside = Inside::Plain;
                        at_token_start = false;
                    }
                }
                continue;
            }
            Inside::DoubleQuoted => {
                if is_escaped {
                    is_escaped = false;
                } else if c == '\\' {
                    is_escaped = true;
                } else if c == '"' {
                    inside = Inside::Plain;
                    at_token_start = false;
                }
                continue;
            }
            Inside::Plain => {}
        }
        match c {
            '#' if at_token_start => {
                // A comment runs to the end of the line.
                for (at, c) in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        line_start = at + 1;
                        break;
                    }
                }
                at_token_start = true;
                continue;
            }
            '\'' if at_token_start => inside = Inside::SingleQuoted,
            '"' if at_token_start => inside = Inside::DoubleQuoted,
            '[' | '{' => {
                depth += 1;
                if depth > MOST_FLOW_LEVELS {
                    let column = 1 + text.get(line_start..at).map_or(0, |s| s.chars().count());
                    return Err(RosterError::new(
                        RosterErrorKind::Syntax,
                        path,
                        format!(
                            "the YAML nests [ ] and {{ }} more than {MOST_FLOW_LEVELS} levels deep here; a roster is a list of members a few levels deep"
                        ),
                    )
                    .at(line, column));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at_token_start = c.is_whitespace() || matches!(c, '[' | '{' | ',');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail by panicking")]

    use super::*;

    fn checked(text: &str) -> Result<(), String> {
        check(Path::new("r.yaml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn a_roster_nests_a_few_levels_and_passes() {
        let text =
            "- id: {bioguide: A000001, fec: ['H0', \"H1\"]}\n  name: {first: 'O''Brien'} # [[[\n";
        assert_eq!(checked(text), Ok(()));
    }

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count() {
        let deep = "[".repeat(MOST_FLOW_LEVELS + 5);
        let text = format!("- a: '{deep}'\n- b: \"{deep}\\\"{deep}\"\n# {deep}\n- c: x\n");
        assert_eq!(checked(&text), Ok(()));
    }

    #[test]
    fn nesting_past_the_limit_is_refused_where_it_goes_too_deep() {
        let text = format!("- id: x\n  name: {}", "[".repeat(100_000));
        let error = checked(&text).unwrap_err();
        assert!(
            error.starts_with("r.yaml:2:73: the YAML nests [ ] and { } more than 64 levels"),
            "{error}"
        );
        let just_enough = format!(
            "{}{}",
            "[".repeat(MOST_FLOW_LEVELS),
            "]".repeat(MOST_FLOW_LEVELS)
        );
        assert_eq!(checked(&just_enough), Ok(()));
    }
}
