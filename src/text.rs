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
        out.extend(text.chars().map(|c| match c {
            '`' => '\'',
            c => c.to_ascii_lowercase(),
        }));
        return;
    }
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

/// The surname in a name as people write it: the last word that is not a suffix
/// ("Jr.", "III", "Ph.D."). "Eleanor Holmes Norton" gives "Norton", "Andy Kim Jr." gives "Kim".
///
/// ```
/// assert_eq!(signer_dashboard::text::surname("Bobby Scott Jr."), "Scott");
/// ```
pub fn surname(name: &str) -> &str {
    const SUFFIXES: [&str; 9] = ["jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"];
    let is_suffix = |word: &str| {
        let bare: String = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        SUFFIXES.contains(&bare.as_str())
    };
    name.split([' ', ','])
        .filter(|w| !w.is_empty())
        .rev()
        .find(|w| !is_suffix(w))
        .unwrap_or(name)
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
    use super::fold;

    #[test]
    fn folds_case_accents_and_quotes() {
        assert_eq!(fold("Linda Sánchez"), "linda sanchez");
        assert_eq!(fold("LINDA SANCHEZ"), "linda sanchez");
        assert_eq!(fold("Jesús G. “Chuy” García"), "jesus g. \"chuy\" garcia");
        assert_eq!(fold("Nydia Velázquez"), "nydia velazquez");
    }
}
