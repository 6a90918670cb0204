//! Eight bytes at a time: text read as little-endian `u64` words, and the bit tricks that
//! look at all eight bytes of a word at once. The big-letter readers use them where a
//! field is too short for `memchr` to pay.

/// A one in each byte.
pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
pub(super) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// `byte` in each of the eight bytes.
pub(super) const fn splat(byte: u8) -> u64 {
    ONES * byte as u64
}

/// The high bit of each byte of `word` that is zero, and of no other byte.
pub(super) fn zero_bytes(word: u64) -> u64 {
    // With the high bits clear, adding 0x7F to a byte sets its high bit unless it was zero,
    // and cannot carry into the next byte.
    let lows = !HIGHS;
    !(((word & lows) + lows) | word) & HIGHS
}

/// `bytes` as words, the last one (always there, even for no bytes) padded with zeroes.
pub(super) fn words(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    let whole = bytes.chunks_exact(8);
    let mut last = [0u8; 8];
    if let Some(head) = last.get_mut(..whole.remainder().len()) {
        head.copy_from_slice(whole.remainder());
    }
    whole
        .map(|word| {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            eight
        })
        .chain([last])
        .map(u64::from_le_bytes)
}

#[cfg(test)]
#[expect(clippy::indexing_slicing, reason = "a test fails by panicking")]
mod tests {
    use super::*;

    #[test]
    fn zero_bytes_are_marked_exactly() {
        for at in 0..8 {
            for other in [0x01u8, 0x7F, 0x80, 0xFF] {
                let mut eight = [other; 8];
                eight[at] = 0;
                let word = u64::from_le_bytes(eight);
                assert_eq!(zero_bytes(word), 0x80 << (8 * at), "{eight:?}");
            }
        }
        assert_eq!(zero_bytes(0), HIGHS);
        assert_eq!(zero_bytes(splat(b'a')), 0);
    }

    #[test]
    fn words_pad_the_last_one() {
        let read: Vec<u64> = words(b"abcdefghij").collect();
        assert_eq!(
            read,
            [
                u64::from_le_bytes(*b"abcdefgh"),
                u64::from(b'i') | u64::from(b'j') << 8
            ]
        );
        assert_eq!(words(b"").collect::<Vec<_>>(), [0]);
        assert_eq!(words(b"abcdefgh").count(), 2);
    }
}
