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

use super::normalise::{district_from_number, parse_district};
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
        let key = cursor.string()?;
        cursor.skip_space();
        cursor.expect(b':')?;
        cursor.skip_space();
        let value = cursor.scalar()?;
        match (key, value) {
            ("name", Scalar::Text(name)) => {
                signer.name = match crate::text::trim(name) {
                    "" => return None,
                    trimmed => trimmed,
                };
                has_name = true;
            }
            ("party", Scalar::Text(text)) => signer.party = Some(text),
            ("party", Scalar::Null) => signer.party = None,
            ("state", Scalar::Text(text)) => signer.state = Some(text),
            ("state", Scalar::Null) => signer.state = None,
            ("chamber", Scalar::Text("house")) => signer.chamber = Some(Chamber::House),
            ("chamber", Scalar::Text("senate")) => signer.chamber = Some(Chamber::Senate),
            ("chamber", Scalar::Text(text)) => signer.chamber = Some(Chamber::parse(text)?),
            ("chamber", Scalar::Null) => signer.chamber = None,
            ("district", Scalar::Number(n)) => {
                district_from_number(i64::try_from(n).ok()?).ok()?;
            }
            ("district", Scalar::Text(text)) => {
                parse_district(text).ok()?;
            }
            ("role", Scalar::Text("lead")) => signer.role = Role::Lead,
            ("role", Scalar::Text("cosigner")) => signer.role = Role::Cosigner,
            ("role", Scalar::Text(text)) => signer.role = Role::parse(text)?,
            ("role", Scalar::Null) => signer.role = Role::Cosigner,
            ("signed_on", Scalar::Text(text)) => {
                text.parse::<Date>().ok()?;
            }
            ("name" | "party" | "state" | "chamber" | "role" | "signed_on", _) => return None,
            ("bioguide" | "note", Scalar::Number(_)) => return None,
            // District null, bioguide and note as text or null, and any other field.
            _ => {}
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

    /// A string without escapes or control characters.
    fn string(&mut self) -> Option<&'t str> {
        self.expect(b'"')?;
        let rest = self.text.as_bytes().get(self.at..)?;
        let length = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        if rest.get(length) != Some(&b'"') {
            return None;
        }
        let string = self.text.get(self.at..self.at + length)?;
        self.at += length + 1;
        Some(string)
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
                digits.parse().ok().map(Scalar::Number)
            }
            _ => None,
        }
    }
}
