//! The `signers` array of a big letter read on every core.
//!
//! The array is cut into pieces of about half a megabyte where one signer object ends and the
//! next begins (`}`, a comma and `{`, with white space between), and each piece is read on
//! a worker thread with the same visitors as everywhere else. Signers are finished (party
//! codes interned, warnings given) in file order as the pieces come back, so the letter
//! and its warnings are exactly those of the one-thread reader.
//!
//! A cut is only a guess: `},{` can also stand inside a string or a field the app does not
//! know. A piece is trusted only when the piece before it ended exactly at a comma between
//! two signers; if one did not, the reader gives up and the caller reads the array on one
//! thread.

use super::chunks::Chunks;
use super::json_value::{GaveUp, Parsed};
use super::progress::Progress;
use super::sink::SignerReader;
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

/// How big a piece is, at least.
#[cfg(not(fuzzing))]
pub(super) const PIECE_BYTES: usize = 1 << 19;
/// Under the fuzzer, small enough that a few-kilobyte input is read in parallel pieces.
#[cfg(fuzzing)]
pub(super) const PIECE_BYTES: usize = 256;

/// The rest of the file after the array, for the one-thread reader to go on with.
pub(super) struct Rest {
    pub(super) text: Vec<u8>,
    /// Where `text` starts in the file.
    pub(super) offset: u64,
}

/// How a piece ended.
pub(super) enum End {
    /// At a comma between two signers, with only white space after it.
    BetweenSigners,
    /// At the array's closing bracket; the rest of the piece starts at this offset.
    ArrayEnd(usize),
}

/// How a file's signers are cut into pieces and read on a worker thread: the JSON signers
/// of a letter here, the rows of a big CSV table in the counter.
pub(super) trait PieceReader: Clone + Send {
    /// A signer read on a worker thread.
    type Read: Send;
    /// The last place in `text` where a signer may start after another (a guess: a piece
    /// is trusted only if the piece before it ends there).
    fn last_cut(&self, text: &[u8]) -> Option<usize>;
    /// Reads the signers of a piece into `signers`, each with where it starts and its
    /// line in the piece (from 1); `None` if the piece is not a run of whole signers.
    fn read_piece(&mut self, text: &[u8], signers: &mut Vec<(Self::Read, Place)>) -> Option<End>;
    /// How many lines `text` holds, when the signers' places need lines.
    fn lines(&self, _text: &[u8]) -> u64 {
        0
    }
}

/// Where a signer starts: the byte and the line, in its piece or in the file.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Place {
    pub(super) offset: u64,
    pub(super) line: u64,
}

/// The JSON signers of an array, separated by commas, read one by one with `T`.
#[derive(Clone)]
pub(super) struct JsonPieces<T>(pub(super) T);

impl<T: SignerReader> PieceReader for JsonPieces<T> {
    type Read = T::Read;
    fn last_cut(&self, text: &[u8]) -> Option<usize> {
        last_cut(text)
    }
    fn read_piece(&mut self, text: &[u8], signers: &mut Vec<(T::Read, Place)>) -> Option<End> {
        read_signers(&mut self.0, simdutf8::basic::from_utf8(text).ok()?, signers)
    }
}

/// What a worker made of a piece.
struct Piece<T> {
    /// Each signer, with where it starts in `text`.
    signers: Vec<(T, Place)>,
    /// `None` if the piece was not a run of signers (or not UTF-8).
    end: Option<End>,
    /// How many lines the piece holds.
    lines: u64,
    text: Vec<u8>,
    /// Where `text` starts in the file.
    offset: u64,
}

/// A piece of the file for a worker: its number, where it starts and its text.
type Work = (usize, u64, Vec<u8>);

/// Whether reading a file of `bytes` on several threads is worth starting them.
pub(super) fn worth_it(bytes: u64) -> bool {
    bytes >= 4 * PIECE_BYTES as u64
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// Reads the signers from the start of the window, which is the start of the first one,
/// with `reader` on worker threads, and hands them to `take` in file order with where they
/// start in the file (the line counted from `first_line`). Returns the file after the
/// signers' closing bracket, or `None` if the signers ran to the end of the file.
pub(super) fn read<R: Read, P: PieceReader>(
    chunks: &mut Chunks<'_, R>,
    reader: &P,
    first_line: u64,
    progress: Option<&Progress>,
    piece_bytes: usize,
    take: &mut dyn FnMut(P::Read, Place),
) -> Result<Option<Rest>, GaveUp> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let (work_sender, work_receiver) = mpsc::sync_channel::<Work>(workers);
    let work_receiver = Arc::new(Mutex::new(work_receiver));
    let (piece_sender, piece_receiver) = mpsc::channel::<(usize, Piece<P::Read>)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let work = Arc::clone(&work_receiver);
            let pieces = piece_sender.clone();
            let mut reader = reader.clone();
            scope.spawn(move || {
                loop {
                    let next = work.lock().ok().and_then(|receiver| receiver.recv().ok());
                    let Some((number, offset, text)) = next else {
                        break;
                    };
                    let piece = read_piece(&mut reader, text, offset);
                    if pieces.send((number, piece)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(piece_sender);
        let mut merger = Merger {
            take,
            signers: 0,
            line: first_line,
            progress,
            waiting: BTreeMap::new(),
            next: 0,
            rest: None,
            spare_texts: Vec::new(),
            failed: false,
        };
        let sent = cut_and_send(
            chunks,
            reader,
            &work_sender,
            &piece_receiver,
            &mut merger,
            piece_bytes,
        );
        drop(work_sender);
        for (number, piece) in piece_receiver.iter() {
            merger.take(number, piece);
        }
        sent?;
        if merger.failed {
            return Err(GaveUp::Unexpected);
        }
        Ok(merger.rest)
    })
}

/// Cuts the window into pieces and sends them to the workers, merging what has come back
/// meanwhile so that finished pieces do not pile up.
fn cut_and_send<R: Read, P: PieceReader>(
    chunks: &mut Chunks<'_, R>,
    reader: &P,
    work: &mpsc::SyncSender<Work>,
    pieces: &mpsc::Receiver<(usize, Piece<P::Read>)>,
    merger: &mut Merger<'_, '_, P::Read>,
    piece_bytes: usize,
) -> Result<(), GaveUp> {
    let mut pending_offset = chunks.offset();
    let mut number = 0;
    // The window the file was opened with is megabytes long: it is cut into pieces of
    // about `piece_bytes` (each copied out), and then let go, so that neither it nor a
    // piece as long stays in memory for the rest of the file.
    let opened = chunks.take_window();
    let mut from = 0;
    while let Some(cut) = opened
        .get(from..)
        .filter(|rest| rest.len() >= 2 * piece_bytes)
        .and_then(|rest| reader.last_cut(rest.get(..piece_bytes)?))
    {
        while let Ok((done, piece)) = pieces.try_recv() {
            merger.take(done, piece);
        }
        if merger.failed {
            return Err(GaveUp::Unexpected);
        }
        let mut piece = merger.spare_texts.pop().unwrap_or_default();
        piece.clear();
        piece.extend_from_slice(opened.get(from..from + cut).unwrap_or_default());
        work.send((number, pending_offset, piece))
            .map_err(|_| GaveUp::Unexpected)?;
        pending_offset += cut as u64;
        from += cut;
        number += 1;
    }
    let mut pending = if from == 0 {
        opened
    } else {
        opened.get(from..).unwrap_or_default().to_vec()
    };
    loop {
        while let Ok((done, piece)) = pieces.try_recv() {
            merger.take(done, piece);
        }
        if merger.failed {
            return Err(GaveUp::Unexpected);
        }
        let cut = (pending.len() >= piece_bytes)
            .then(|| reader.last_cut(&pending))
            .flatten();
        if let Some(cut) = cut {
            // The pieces' buffers come back with the signers and are used again: fresh
            // ones would each be new pages for the system to hand out.
            let mut rest = merger.spare_texts.pop().unwrap_or_default();
            rest.clear();
            rest.extend_from_slice(pending.get(cut..).unwrap_or_default());
            pending.truncate(cut);
            let piece = std::mem::replace(&mut pending, rest);
            work.send((number, pending_offset, piece))
                .map_err(|_| GaveUp::Unexpected)?;
            pending_offset += cut as u64;
            number += 1;
            continue;
        }
        if chunks.at_eof() {
            work.send((number, pending_offset, pending))
                .map_err(|_| GaveUp::Unexpected)?;
            return Ok(());
        }
        if !chunks
            .read_into(&mut pending, piece_bytes)
            .map_err(|_| GaveUp::Unexpected)?
        {
            return Err(if merger.progress.is_some_and(Progress::is_cancelled) {
                GaveUp::Cancelled
            } else {
                GaveUp::Unexpected
            });
        }
    }
}

/// The last place in `text` that looks like the start of a signer after another: the `{`
/// of `}`, white space, `,`, white space, `{`.
fn last_cut(text: &[u8]) -> Option<usize> {
    let is_space = |b: &u8| matches!(b, b' ' | b'\n' | b'\t' | b'\r');
    let mut end = text.len();
    while let Some(brace) = memchr::memrchr(b'{', text.get(..end)?) {
        let before = text.get(..brace)?;
        let mut i = before.len();
        while i > 0 && before.get(i - 1).is_some_and(is_space) {
            i -= 1;
        }
        if i > 0 && before.get(i - 1) == Some(&b',') {
            i -= 1;
            while i > 0 && before.get(i - 1).is_some_and(is_space) {
                i -= 1;
            }
            if i > 0 && before.get(i - 1) == Some(&b'}') {
                return Some(brace);
            }
        }
        end = brace;
    }
    None
}

/// Reads a piece on a worker thread.
fn read_piece<P: PieceReader>(reader: &mut P, text: Vec<u8>, offset: u64) -> Piece<P::Read> {
    // Room for a signer every 48 bytes, more than a usual JSON signer or CSV row has, so
    // that the list is not grown (and copied) ten times a piece.
    let mut signers = Vec::with_capacity(text.len() / 48);
    let end = reader.read_piece(&text, &mut signers);
    let lines = reader.lines(&text);
    Piece {
        signers,
        end,
        lines,
        text,
        offset,
    }
}

/// Reads JSON signers separated by commas, ending after a comma or at `]`.
fn read_signers<T: SignerReader>(
    reader: &mut T,
    text: &str,
    signers: &mut Vec<(T::Read, Place)>,
) -> Option<End> {
    let bytes = text.as_bytes();
    let skip_space = |mut at: usize| {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(at) {
            at += 1;
        }
        at
    };
    let mut at = skip_space(0);
    loop {
        let Parsed::Value(read, used) = reader.read(text.get(at..)?, true) else {
            return None;
        };
        let offset = at as u64;
        signers.push((read, Place { offset, line: 0 }));
        at = skip_space(at + used);
        match bytes.get(at) {
            Some(b',') => {
                at = skip_space(at + 1);
                if at == bytes.len() {
                    return Some(End::BetweenSigners);
                }
            }
            Some(b']') => return Some(End::ArrayEnd(at + 1)),
            _ => return None,
        }
    }
}

/// Finishes pieces in file order as they come back.
struct Merger<'t, 'p, T> {
    take: &'t mut dyn FnMut(T, Place),
    /// Signers taken so far.
    signers: usize,
    /// The line the next piece starts on.
    line: u64,
    progress: Option<&'p Progress>,
    waiting: BTreeMap<usize, Piece<T>>,
    next: usize,
    /// Once a piece has reached the closing bracket: the file after it.
    rest: Option<Rest>,
    /// The buffers of pieces already merged, for the next pieces.
    spare_texts: Vec<Vec<u8>>,
    failed: bool,
}

impl<T> Merger<'_, '_, T> {
    fn take(&mut self, number: usize, piece: Piece<T>) {
        self.waiting.insert(number, piece);
        while let Some(piece) = self.waiting.remove(&self.next) {
            self.next += 1;
            self.merge(piece);
        }
    }

    fn merge(&mut self, piece: Piece<T>) {
        if self.failed {
            return;
        }
        // After the closing bracket, pieces are the rest of the file, not signers.
        if let Some(rest) = &mut self.rest {
            rest.text.extend_from_slice(&piece.text);
            return;
        }
        let Some(end) = piece.end else {
            self.failed = true;
            return;
        };
        self.signers += piece.signers.len();
        for (read, at) in piece.signers {
            let place = Place {
                offset: piece.offset + at.offset,
                line: self.line + at.line,
            };
            (self.take)(read, place);
        }
        self.line += piece.lines;
        if let End::ArrayEnd(at) = end {
            self.rest = Some(Rest {
                text: piece.text.get(at..).unwrap_or_default().to_vec(),
                offset: piece.offset + at as u64,
            });
        } else if self.spare_texts.len() < 4 {
            self.spare_texts.push(piece.text);
        }
        if let Some(progress) = self.progress {
            progress.set_signers(self.signers);
        }
    }
}
