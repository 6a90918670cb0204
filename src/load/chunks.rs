//! Reading a file a few megabytes at a time, for the streaming readers.
//!
//! A letter of a million signers is about 140 MB of JSON. Read whole, the text and the
//! letter built from it would be in memory together; read in chunks, only the letter and
//! one chunk are.

use super::progress::Progress;
use std::io::{self, Read};

/// How much is read at a time.
pub(super) const CHUNK_BYTES: usize = 4 << 20;

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
        // Read into the vector's spare room, which a file fills without it being zeroed
        // first (140 MB of zeroes for a big letter, otherwise).
        let mut source = (&mut self.source).take(most.max(1) as u64);
        source.read_to_end(out)?;
        let end = out.len();
        if source.limit() > 0 {
            self.at_eof = true;
        }
        self.offset += (end - before) as u64;
        if let Some(progress) = self.progress {
            progress.add_bytes((end - before) as u64);
        }
        Ok(end > before || self.at_eof)
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
        while let Some(space) = self.buffer.get_mut(self.end..).filter(|s| !s.is_empty()) {
            match self.source.read(space) {
                Ok(0) => {
                    self.at_eof = true;
                    break;
                }
                Ok(count) => self.end += count,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        if let Some(progress) = self.progress {
            progress.add_bytes((self.end - before) as u64);
        }
        Ok(self.end > before || self.at_eof)
    }
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
