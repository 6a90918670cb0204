//! Character references (`&amp;`, `&#225;`, `&eacute;`) decoded, for HTML and for the
//! entities Markdown lets through.

/// `text` with every character reference decoded.
pub(super) fn decode_entities(text: &str) -> String {
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
pub(super) fn decode_entity(text: &str) -> Option<(String, usize)> {
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
