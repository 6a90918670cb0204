//! One JSON value read from the start of a window onto a file, and why a streaming reader
//! gave up: what every streaming reader ([`super::json_stream`], [`super::json_parallel`],
//! the sinks and the counter) is built on, so that none of them needs another to read one.

use serde::Deserialize;

/// Fields the app does not know nesting deeper than this send the file to the whole-file
/// reader: `serde_json` stops at 128 levels counted from the top of the file, and values
/// read on their own here start lower down, so only the whole-file reader can say exactly
/// where that limit falls.
pub(super) const DEPTH_LIMIT: usize = 100;

/// Why the streaming reader stopped without a letter.
#[derive(Debug)]
pub(super) enum GaveUp {
    /// Something the whole-file reader must look at (and will report, if it is an error).
    Unexpected,
    /// The user cancelled the load.
    Cancelled,
}

/// One value read from the start of the window.
pub(super) enum Parsed<T> {
    /// The value and the bytes it took.
    Value(T, usize),
    /// The window ends inside the value (or just after it, where the value might go on).
    NeedsMore,
    /// Not a valid value of this kind.
    Failed,
}

/// Reads one `T` from the start of `text`. A value cut off by the end of the window, or
/// that ends exactly there (a number there may go on after it), is read again once the
/// window holds more.
pub(super) fn value<'de, T: Deserialize<'de>>(text: &'de str, at_eof: bool) -> Parsed<T> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<T>();
    match stream.next() {
        Some(Ok(value)) if at_eof || stream.byte_offset() < text.len() => {
            Parsed::Value(value, stream.byte_offset())
        }
        Some(Ok(_)) | None => {
            if at_eof {
                Parsed::Failed
            } else {
                Parsed::NeedsMore
            }
        }
        // Running out of text is the window's end, not the file's; any other error is real.
        Some(Err(error)) if error.is_eof() && !at_eof => Parsed::NeedsMore,
        Some(Err(_)) => Parsed::Failed,
    }
}
