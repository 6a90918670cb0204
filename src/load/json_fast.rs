//! A quick reader for the usual signer object, for the counter: about four times faster
//! than `serde_json` on a big letter, because a usual signer is a flat object of short
//! strings without escapes and a small district number.
//!
//! It reads only a strict subset of JSON: strings without escapes or control characters,
//! whole numbers without sign, exponent or leading zero, `null`, and for fields the app
//! does not know also nothing nested. On anything else, and on any value that the full
//! reader would reject, it answers `None` and the signer is read by `serde_json` as
//! usual, which gives the same fields or the same failure. So what it accepts, it reads
//! exactly as the signer visitor does.

use super::csv::Column as Key;
use super::normalise::{district_from_number, parse_district};
use super::words::{HIGHS, ONES, splat};
use crate::model::{Chamber, Date, Role};

/// The fields the counter needs of a signer, borrowed from the text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct QuickSigner<'t> {
    /// Trimmed, not blank.
    pub(super) name: &'t str,
    pub(super) party: Option<&'t str>,
    pub(super) state: Option<&'t str>,
    pub(super) chamber: Option<Chamber>,
    pub(super) role: Role,
}

/// A value of the subset.
enum Scalar<'t> {
    Text(&'t str),
    Number(u64),
    Null,
}

/// Reads the signer object at the start of `text` and the bytes it takes, or `None` for
/// `serde_json` to read it. The object must be followed by at least one more byte (as
/// `json_stream::value` wants of a value that is not at the end of the file).
pub(super) fn signer(text: &str) -> Option<(QuickSigner<'_>, usize)> {
    let mut cursor = Cursor { text, at: 0 };
    cursor.expect(b'{')?;
    let mut signer = QuickSigner::default();
    let mut has_name = false;
    loop {
        cursor.skip_space();
        let key = cursor.key()?;
        cursor.skip_space();
        cursor.expect(b':')?;
        cursor.skip_space();
        // The usual values of these fields, compared whole rather than scanned for their end.
        if let Some(known) = cursor.known_value(key) {
            match known {
                Known::Chamber(chamber) => signer.chamber = Some(chamber),
                Known::Role(role) => signer.role = role,
                Known::Date => {}
            }
        } else {
            let value = cursor.scalar()?;
            read_value(&mut signer, key, value)?;
            if key == Key::Name {
                has_name = true;
            }
        }
        cursor.skip_space();
        match cursor.next()? {
            b',' => {}
            b'}' => break,
            _ => return None,
        }
    }
    (has_name && cursor.at < text.len()).then_some((signer, cursor.at))
}

/// A usual value of a field, read by [`Cursor::known_value`].
enum Known {
    Chamber(Chamber),
    Role(Role),
    /// A date written `YYYY-MM-DD`, checked.
    Date,
}

/// Reads the value of the field `key` into `signer`; `None` for a value the signer visitor
/// would reject, or read otherwise than this reader does.
fn read_value<'t>(signer: &mut QuickSigner<'t>, key: Key, value: Scalar<'t>) -> Option<()> {
    match (key, value) {
        (Key::Name, Scalar::Text(name)) => {
            signer.name = match crate::text::trim(name) {
                "" => return None,
                trimmed => trimmed,
            };
        }
        (Key::Party, Scalar::Text(text)) => signer.party = Some(text),
        (Key::Party, Scalar::Null) => signer.party = None,
        (Key::State, Scalar::Text(text)) => signer.state = Some(text),
        (Key::State, Scalar::Null) => signer.state = None,
        (Key::Chamber, Scalar::Text("house")) => signer.chamber = Some(Chamber::House),
        (Key::Chamber, Scalar::Text("senate")) => signer.chamber = Some(Chamber::Senate),
        (Key::Chamber, Scalar::Text(text)) => signer.chamber = Some(Chamber::parse(text)?),
        (Key::Chamber, Scalar::Null) => signer.chamber = None,
        (Key::District, Scalar::Number(n)) => {
            district_from_number(i64::try_from(n).ok()?).ok()?;
        }
        (Key::District, Scalar::Text(text)) => {
            parse_district(text).ok()?;
        }
        (Key::District, Scalar::Null) => {}
        (Key::Role, Scalar::Text("lead")) => signer.role = Role::Lead,
        (Key::Role, Scalar::Text("cosigner")) => signer.role = Role::Cosigner,
        (Key::Role, Scalar::Text(text)) => signer.role = Role::parse(text)?,
        (Key::Role, Scalar::Null) => signer.role = Role::Cosigner,
        (Key::SignedOn, Scalar::Text(text)) => {
            text.parse::<Date>().ok()?;
        }
        (Key::SignedOn, Scalar::Null) => {}
        (Key::Bioguide | Key::Note, Scalar::Text(_) | Scalar::Null) => {}
        (Key::Other, _) => {}
        _ => return None,
    }
    Some(())
}

struct Cursor<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Cursor<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// A key: a field the signer visitor knows, written as it is (no escapes), or another.
    fn key(&mut self) -> Option<Key> {
        let rest = self.text.as_bytes().get(self.at..)?;
        let known = |key: &[u8], field: Key| {
            let quoted = rest.get(1..=key.len())? == key && rest.get(key.len() + 1) == Some(&b'"');
            quoted.then_some((field, key.len() + 2))
        };
        let found = match rest.get(1)? {
            b'n' => known(b"name", Key::Name).or_else(|| known(b"note", Key::Note)),
            b'p' => known(b"party", Key::Party),
            b's' => known(b"state", Key::State).or_else(|| known(b"signed_on", Key::SignedOn)),
            b'c' => known(b"chamber", Key::Chamber),
            b'd' => known(b"district", Key::District),
            b'r' => known(b"role", Key::Role),
            b'b' => known(b"bioguide", Key::Bioguide),
            _ => None,
        };
        match found {
            Some((field, length)) if rest.first() == Some(&b'"') => {
                self.at += length;
                Some(field)
            }
            _ => self.string().map(|_| Key::Other),
        }
    }

    /// A string without escapes or control characters.
    fn string(&mut self) -> Option<&'t str> {
        self.expect(b'"')?;
        let rest = self.text.as_bytes().get(self.at..)?;
        let length = string_end(rest)?;
        if rest.get(length) != Some(&b'"') {
            return None;
        }
        let string = self.text.get(self.at..self.at + length)?;
        self.at += length + 1;
        Some(string)
    }

    /// The usual value of `key` at the cursor, compared whole (`"house"`, `"lead"`, a date
    /// `"YYYY-MM-DD"`), and moves past it; `None`, with the cursor where it was, otherwise.
    fn known_value(&mut self, key: Key) -> Option<Known> {
        let rest = self.text.as_bytes().get(self.at..)?;
        let (known, length) = match key {
            Key::Chamber if rest.starts_with(b"\"house\"") => (Known::Chamber(Chamber::House), 7),
            Key::Chamber if rest.starts_with(b"\"senate\"") => (Known::Chamber(Chamber::Senate), 8),
            Key::Role if rest.starts_with(b"\"cosigner\"") => (Known::Role(Role::Cosigner), 10),
            Key::Role if rest.starts_with(b"\"lead\"") => (Known::Role(Role::Lead), 6),
            Key::SignedOn => match *rest.get(..12)? {
                [b'"', y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2, b'"'] => {
                    let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
                    if !digits.iter().all(u8::is_ascii_digit) {
                        return None;
                    }
                    let number = |digits: &[u8]| {
                        digits
                            .iter()
                            .fold(0u16, |n, d| n * 10 + u16::from(d - b'0'))
                    };
                    let (month, day) = (number(&[m1, m2]), number(&[d1, d2]));
                    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
                    Date::new(number(&[y1, y2, y3, y4]), month, day)?;
                    (Known::Date, 12)
                }
                _ => return None,
            },
            _ => return None,
        };
        self.at += length;
        Some(known)
    }

    fn scalar(&mut self) -> Option<Scalar<'t>> {
        match self.peek()? {
            b'"' => self.string().map(Scalar::Text),
            b'n' => {
                let rest = self.text.get(self.at..)?;
                rest.starts_with("null").then(|| {
                    self.at += 4;
                    Scalar::Null
                })
            }
            b'0'..=b'9' => {
                let start = self.at;
                while let Some(b'0'..=b'9') = self.peek() {
                    self.at += 1;
                }
                let digits = self.text.get(start..self.at)?;
                // A leading zero, a fraction or an exponent: left to serde_json.
                let is_plain = digits == "0" || !digits.starts_with('0');
                if !is_plain || matches!(self.peek()?, b'.' | b'e' | b'E') {
                    return None;
                }
                // Digit by digit: `str::parse` costs more than the rest of the number.
                let number = digits.bytes().try_fold(0u64, |n, digit| {
                    n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
                });
                number.map(Scalar::Number)
            }
            _ => None,
        }
    }
}

/// Where the first `"`, `\\` or control character of `bytes` is, looked for eight bytes at
/// a time: most of the time reading a signer goes on finding where its strings end.
fn string_end(bytes: &[u8]) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        let quote = x ^ splat(b'"');
        let backslash = x ^ splat(b'\\');
        // The bit trick for "a byte is zero" (and "a byte is below 0x20") marks the lowest
        // such byte exactly; only bytes above it can be marked wrongly, and they are not
        // looked at.
        let marked = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (x.wrapping_sub(splat(0x20)) & !x);
        let marked = marked & HIGHS;
        if marked != 0 {
            return Some(at + (marked.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let tail = words.remainder();
    let found = tail
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
    Some(at + found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_ends_are_found_as_byte_by_byte() {
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for length in 0..24 {
            for stop in [b'"', b'\\', 0x00, 0x1F, b'\n'] {
                for at in 0..length {
                    let mut text = vec![b'a'; length];
                    if let Some(byte) = text.get_mut(at) {
                        *byte = stop;
                    }
                    texts.push(text);
                }
            }
            texts.push("é\u{1F}ü\"".repeat(length).into_bytes());
            texts.push(vec![0x20; length]);
            texts.push(vec![0x80; length]);
            texts.push(vec![0xFF; length]);
            texts.push([b'!', 0x21, 0x5B, 0x5D, 0x23].repeat(length));
        }
        for text in texts {
            let expected = text
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            assert_eq!(string_end(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_usual_signer_is_read_quickly() {
        let text = r#"{"name":" Ann Lee ","party":"D","state":"NJ","chamber":"senate","district":0,"role":"lead","signed_on":"2025-01-02","x":null},"#;
        let (read, used) = signer(text).unwrap_or_default();
        assert_eq!(used, text.len() - 1);
        assert_eq!(read.name, "Ann Lee");
        assert_eq!(read.chamber, Some(Chamber::Senate));
        assert_eq!(read.role, Role::Lead);
        // Dates compared whole are checked as `Date` checks them.
        for (date, is_read) in [
            ("2024-02-29", true),
            ("2025-02-29", false),
            ("2025-13-01", false),
            ("2025-1a-01", false),
            (" 2025-01-02", true),
        ] {
            let text = format!(r#"{{"name":"A","signed_on":"{date}"}},"#);
            assert_eq!(signer(&text).is_some(), is_read, "{date}");
        }
        for unusual in [
            r#"{"name":"A\"B"},"#,
            r#"{"name":"A","x":true},"#,
            r#"{"name":"A","x":[1]},"#,
            r#"{"name":"A","district":1.5},"#,
            r#"{"name":"A"}"#,
        ] {
            assert_eq!(signer(unusual), None, "{unusual}");
        }
    }
}
