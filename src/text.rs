//! Folding text for search and matching: case, accents and curly quotes do not count.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercases `text`, drops accents and straightens quotes, so that "Sánchez" and
/// "sanchez" fold to the same string.
///
/// ```
/// assert_eq!(signer_dashboard::text::fold("Linda Sánchez"), "linda sanchez");
/// assert_eq!(signer_dashboard::text::fold("O’Rourke"), "o'rourke");
/// ```
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// [`fold`], appending to `out`, so that many names can share one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        // The fast path must fold exactly as the slow one below does, backtick included.
        if text.contains('`') {
            out.extend(text.chars().map(fold_ascii));
        } else {
            // Copied whole and lowercased in place: loading a million names folds each one.
            let start = out.len();
            out.push_str(text);
            if let Some(copy) = out.get_mut(start..) {
                copy.make_ascii_lowercase();
            }
        }
        return;
    }
    let start = out.len();
    let table = &*LATIN_TABLE;
    for c in text.chars() {
        if c.is_ascii() {
            out.push(fold_ascii(c));
        } else if let Some(folded) = table.get(c) {
            out.push_str(folded);
        } else {
            // A character the table does not hold: fold the whole text the general way.
            out.truncate(start);
            fold_slowly(text, out);
            return;
        }
    }
}

fn fold_ascii(c: char) -> char {
    match c {
        '`' => '\'',
        c => c.to_ascii_lowercase(),
    }
}

/// The general fold: decompose, drop the combining marks, lowercase.
fn fold_slowly(text: &str, out: &mut String) {
    for c in text.nfd() {
        match c {
            c if is_combining_mark(c) => {}
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => out.push('\''),
            '\u{201C}' | '\u{201D}' => out.push('"'),
            '\u{2010}'..='\u{2015}' => out.push('-'),
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'æ' | 'Æ' => out.push_str("ae"),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// [`str::trim`], answering at once for the usual text that starts and ends with an ASCII
/// character other than white space: loading a million signers trims every field.
pub(crate) fn trim(text: &str) -> &str {
    // char::is_whitespace for ASCII: the space and U+0009 to U+000D.
    let is_kept = |b: &u8| b.is_ascii() && *b != b' ' && !(0x09..=0x0D).contains(b);
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        // Blank cells too are many: a column the signer left empty.
        (None, _) => text,
        (Some(first), Some(last)) if is_kept(first) && is_kept(last) => text,
        _ => text.trim(),
    }
}

/// A code as people type it, made comparable: trimmed, and without the dots and white space
/// at its end ("Dem. ", "D.", "H. ."), so that the same key comes back from a saved copy of
/// what it kept ("x  ." keeps "x", never "x  " that a reader would trim again).
pub(crate) fn code_key(text: &str) -> &str {
    let trimmed = trim(text);
    match trimmed.as_bytes().last() {
        Some(b'.') => trimmed.trim_end_matches(|c: char| c == '.' || c.is_whitespace()),
        _ => trimmed,
    }
}

/// The fold of each accented Latin letter, quote and dash, worked out once by
/// [`fold_slowly`] itself: a name with accents otherwise goes through Unicode decomposition
/// letter by letter, and loading a million names folds every one.
///
/// Folding a text is folding each of its characters in turn only where no combining mark
/// can move across characters (canonical reordering). So the table holds only characters
/// that are starters and decompose to a starter followed by marks, and a text uses it only
/// when all its characters are ASCII or in the table.
struct LatinTable {
    /// Per block: the first code point and each code point's fold, `None` if not held.
    blocks: Vec<(u32, Vec<Option<Box<str>>>)>,
}

impl LatinTable {
    fn build() -> LatinTable {
        use unicode_normalization::char::canonical_combining_class;
        let ranges = [
            0x0080..0x0300_u32, // Latin-1, Latin Extended-A and -B, IPA, modifier letters
            0x1E00..0x1F00,     // Latin Extended Additional (Vietnamese, Welsh…)
            0x2010..0x2020,     // dashes and curly quotes
        ];
        let blocks = ranges
            .into_iter()
            .map(|range| {
                let start = range.start;
                let folds = range
                    .map(|code| {
                        let c = char::from_u32(code)?;
                        let starts_with_starter = std::iter::once(c)
                            .nfd()
                            .next()
                            .is_some_and(|first| canonical_combining_class(first) == 0);
                        if canonical_combining_class(c) != 0 || !starts_with_starter {
                            return None;
                        }
                        let mut folded = String::new();
                        fold_slowly(c.encode_utf8(&mut [0; 4]), &mut folded);
                        Some(folded.into_boxed_str())
                    })
                    .collect();
                (start, folds)
            })
            .collect();
        LatinTable { blocks }
    }

    /// The fold of `c`, if the table holds it (never for ASCII).
    fn get(&self, c: char) -> Option<&str> {
        let code = u32::from(c);
        let (start, folds) = self.blocks.iter().rfind(|(start, _)| *start <= code)?;
        folds.get(usize::try_from(code - start).ok()?)?.as_deref()
    }
}

static LATIN_TABLE: std::sync::LazyLock<LatinTable> = std::sync::LazyLock::new(LatinTable::build);

/// The surname in a name as people write it: the last word that is not a suffix
/// ("Jr.", "III", "Ph.D."). "Eleanor Holmes Norton" gives "Norton", "Andy Kim Jr." gives "Kim".
///
/// ```
/// assert_eq!(signer_dashboard::text::surname("Bobby Scott Jr."), "Scott");
/// ```
pub fn surname(name: &str) -> &str {
    const SUFFIXES: [&str; 9] = ["jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"];
    // Compared letter by letter, without building a string: the table sorts by this.
    let is_suffix = |word: &str| {
        let bare = || {
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
        };
        SUFFIXES.iter().any(|suffix| bare().eq(suffix.chars()))
    };
    name.split([' ', ','])
        .filter(|w| !w.is_empty())
        .rev()
        .find(|w| !is_suffix(w))
        .unwrap_or(name)
}

/// `n` with a comma between each group of three digits, as counts are read: "1,000,000".
///
/// ```
/// assert_eq!(signer_dashboard::text::grouped(1_000_000_u32), "1,000,000");
/// assert_eq!(signer_dashboard::text::grouped(999_usize), "999");
/// ```
pub fn grouped<N: TryInto<u64>>(n: N) -> String {
    let digits = n
        .try_into()
        .map_or_else(|_| "?".to_owned(), |n: u64| n.to_string());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `n` in at most four characters, for a map tile: "9739", "102k", "1.2M" (rounded down,
/// so a tile never claims more than it holds).
///
/// ```
/// use signer_dashboard::text::compact;
/// assert_eq!((compact(9_999), compact(102_448), compact(1_250_000)), ("9999".into(), "102k".into(), "1.2M".into()));
/// ```
pub fn compact(n: u32) -> String {
    match n {
        0..10_000 => n.to_string(),
        10_000..1_000_000 => format!("{}k", n / 1_000),
        _ => format!("{}.{}M", n / 1_000_000, n % 1_000_000 / 100_000),
    }
}

/// `one` when `n` is 1, else `many`: "1 cosigner", "21 cosigners".
///
/// ```
/// assert_eq!(signer_dashboard::text::plural(1_u32, "lead", "leads"), "lead");
/// ```
pub fn plural<N: TryInto<u64>>(n: N, one: &'static str, many: &'static str) -> &'static str {
    if n.try_into().is_ok_and(|n| n == 1) {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::{LATIN_TABLE, fold, fold_slowly};

    #[test]
    fn the_latin_table_folds_as_decomposition_does() {
        let mut held = 0;
        for (start, folds) in &LATIN_TABLE.blocks {
            for (offset, folded) in folds.iter().enumerate() {
                let Some(c) = u32::try_from(offset)
                    .ok()
                    .and_then(|o| char::from_u32(start + o))
                else {
                    continue;
                };
                held += usize::from(folded.is_some());
                let text = format!("Ab{c}C{c}\u{e9}`z {c}");
                let mut slowly = String::new();
                fold_slowly(&text, &mut slowly);
                assert_eq!(fold(&text), slowly, "U+{:04X}", u32::from(c));
            }
        }
        assert!(held > 700, "only {held} characters held");
        // A combining mark after a held letter sends the name the slow way, and agrees.
        let mut slowly = String::new();
        fold_slowly("Sa\u{301}nchez\u{323}", &mut slowly);
        assert_eq!(fold("Sa\u{301}nchez\u{323}"), slowly);
    }

    #[test]
    fn trim_trims_as_str_trim_does() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{b}a\u{c}",
            "\u{a0}a",
            "a\u{3000}",
            "\u{1c}a\u{1f}",
            "é",
            " é ",
            "\u{85}x",
        ] {
            assert_eq!(super::trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn a_code_key_is_its_own_key() {
        for (text, key) in [
            ("D", "D"),
            (" Dem. ", "Dem"),
            ("x  .", "x"),
            ("x. .", "x"),
            ("H.R", "H.R"),
            (". .", ""),
            ("", ""),
        ] {
            assert_eq!(super::code_key(text), key, "{text:?}");
            assert_eq!(super::code_key(key), key, "{key:?}");
        }
    }

    #[test]
    fn folds_case_accents_and_quotes() {
        assert_eq!(fold("Linda Sánchez"), "linda sanchez");
        assert_eq!(fold("LINDA SANCHEZ"), "linda sanchez");
        assert_eq!(fold("Jesús G. “Chuy” García"), "jesus g. \"chuy\" garcia");
        assert_eq!(fold("Nydia Velázquez"), "nydia velazquez");
    }
}
