//! Reading a file a few megabytes at a time, for the streaming readers.
//!
//! A letter of a million signers is about 140 MB of JSON. Read whole, the text and the
//! letter built from it would be in memory together; read in chunks, only the letter and
//! one chunk are.

use super::progress::Progress;
use std::io::{self, Read};

/// How much is read at a time.
#[cfg(not(fuzzing))]
pub(super) const CHUNK_BYTES: usize = 4 << 20;
/// Under the fuzzer (`fuzz/`), a few bytes, so that its small inputs cut values at every place.
#[cfg(fuzzing)]
pub(super) const CHUNK_BYTES: usize = 64;

/// A window onto a file: the bytes read and not yet consumed, refilled on demand.
pub(super) struct Chunks<'p, R> {
    source: R,
    buffer: Vec<u8>,
    /// The first byte not yet consumed.
    start: usize,
    /// The end of the bytes read.
    end: usize,
    at_eof: bool,
    /// Where the window starts in the file, in bytes.
    offset: u64,
    progress: Option<&'p Progress>,
}

impl<'p, R: Read> Chunks<'p, R> {
    pub(super) fn new(source: R, progress: Option<&'p Progress>) -> Self {
        Self::with_chunk_bytes(source, progress, CHUNK_BYTES)
    }

    /// A window that starts `chunk_bytes` long; tests use a few bytes, to cut every value.
    pub(super) fn with_chunk_bytes(
        source: R,
        progress: Option<&'p Progress>,
        chunk_bytes: usize,
    ) -> Self {
        Chunks {
            source,
            buffer: vec![0; chunk_bytes.max(1)],
            start: 0,
            end: 0,
            at_eof: false,
            offset: 0,
            progress,
        }
    }

    /// Whether everything up to the end of the file is in the window.
    pub(super) fn at_eof(&self) -> bool {
        self.at_eof
    }

    /// Where [`Self::window`] starts in the file, in bytes.
    pub(super) fn offset(&self) -> u64 {
        self.offset
    }

    /// The bytes read and not yet consumed.
    pub(super) fn window(&self) -> &[u8] {
        self.buffer.get(self.start..self.end).unwrap_or_default()
    }

    /// The longest prefix of [`Self::window`] that is whole UTF-8 text; `None` if the bytes
    /// are not UTF-8 (rather than only cut inside a character at the end of the window).
    pub(super) fn text(&self) -> Option<&str> {
        let bytes = self.window();
        // SIMD for the usual text; std again for where a failure is.
        if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            return Some(text);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(error) if error.error_len().is_none() && !self.at_eof => {
                std::str::from_utf8(bytes.get(..error.valid_up_to())?).ok()
            }
            Err(_) => None,
        }
    }

    /// Makes `bytes`, which start at `offset` in the file, the window, once everything read
    /// has been consumed (the parallel reader hands back the file after the `signers`
    /// array this way).
    pub(super) fn replace_window(&mut self, bytes: Vec<u8>, offset: u64) {
        self.offset = offset;
        self.end = bytes.len();
        self.start = 0;
        self.buffer = bytes;
        if self.buffer.is_empty() {
            self.buffer.resize(1, 0);
        }
    }

    /// Takes the bytes read and not yet consumed out of the window, buffer and all, and
    /// leaves the window empty: for a reader that keeps buffers of its own from here on
    /// ([`Self::read_into`]), so that the window's few megabytes are not kept beside them.
    pub(super) fn take_window(&mut self) -> Vec<u8> {
        let mut bytes = std::mem::replace(&mut self.buffer, vec![0; 1]);
        bytes.truncate(self.end);
        bytes.drain(..self.start.min(bytes.len()));
        self.offset += (self.end - self.start) as u64;
        self.start = 0;
        self.end = 0;
        bytes
    }

    /// Marks `count` more bytes as consumed.
    pub(super) fn consume(&mut self, count: usize) {
        let start = self.start.saturating_add(count).min(self.end);
        self.offset += (start - self.start) as u64;
        self.start = start;
    }

    /// Moves the bytes not yet consumed to the end of `out`, then reads up to `most` bytes
    /// more of the file straight after them: for a reader that keeps its own buffer, one
    /// copy fewer than [`Self::fill`]. Returns false at the end of the file or when the
    /// load is cancelled.
    pub(super) fn read_into(&mut self, out: &mut Vec<u8>, most: usize) -> io::Result<bool> {
        out.extend_from_slice(self.window());
        self.offset += (self.end - self.start) as u64;
        self.start = self.end;
        if self.at_eof || self.progress.is_some_and(Progress::is_cancelled) {
            return Ok(false);
        }
        let before = out.len();
        // Into zeroes, in as few reads as the system allows: `read_to_end` would start
        // at 8 kB a read and double, five reads a piece (zeroing a piece that is in the
        // cache costs less than one read).
        out.resize(before + most.max(1), 0);
        let read = read_fully(&mut self.source, out.get_mut(before..).unwrap_or_default());
        out.truncate(before + read.as_ref().map_or(0, |(count, _)| *count));
        let (count, at_eof) = read?;
        self.at_eof = at_eof;
        self.offset += count as u64;
        if let Some(progress) = self.progress {
            progress.add_bytes(count as u64);
        }
        Ok(count > 0 || self.at_eof)
    }

    /// Reads more of the file after the bytes not yet consumed, growing the window when
    /// they fill it. Returns false at the end of the file or when the load is cancelled.
    pub(super) fn fill(&mut self) -> io::Result<bool> {
        if self.at_eof || self.progress.is_some_and(Progress::is_cancelled) {
            return Ok(false);
        }
        if self.start > 0 {
            self.buffer.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buffer.len() {
            let grown = self.buffer.len().saturating_mul(2);
            self.buffer.resize(grown, 0);
        }
        let before = self.end;
        let space = self.buffer.get_mut(before..).unwrap_or_default();
        let (count, at_eof) = read_fully(&mut self.source, space)?;
        self.at_eof = at_eof;
        self.end += count;
        if let Some(progress) = self.progress {
            progress.add_bytes((self.end - before) as u64);
        }
        Ok(self.end > before || self.at_eof)
    }
}

/// Reads into all of `space` unless the file ends first; returns how many bytes it read
/// and whether the file ended.
fn read_fully(source: &mut impl Read, space: &mut [u8]) -> io::Result<(usize, bool)> {
    let mut filled = 0;
    while let Some(rest) = space.get_mut(filled..).filter(|s| !s.is_empty()) {
        match source.read(rest) {
            Ok(0) => return Ok((filled, true)),
            Ok(count) => filled += count,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok((filled, false))
}

/// The CSV reader reads the window like a file: what is left of it, then more.
impl<R: Read> Read for Chunks<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.window().is_empty() && !self.fill()? {
            return Ok(0);
        }
        let available = self.window();
        let count = available.len().min(out.len());
        if let (Some(to), Some(from)) = (out.get_mut(..count), available.get(..count)) {
            to.copy_from_slice(from);
        }
        self.consume(count);
        Ok(count)
    }
}
