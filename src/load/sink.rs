//! What the streaming JSON reader does with the signers it reads: build the letter's
//! signers (for the window and most commands), or only count them (for `summary`).
//!
//! Reading a signer is split in two, so that the signers of a big file can be read on
//! every core: a [`SignerReader`] reads one signer on its own (on any thread), and the
//! [`SignerSink`] takes the signers in file order with the letter's [`Normaliser`], which
//! interns party codes and gives warnings in the order the one-thread reader would.

use super::duplicates::name_hash;
use super::json::{Prepared, RawSigner};
use super::json_value::{DEPTH_LIMIT, Parsed, value};
use super::normalise::Normaliser;
use crate::model::Signer;

/// Reads one signer from the start of a text, on any thread.
pub(super) trait SignerReader: Clone + Send {
    /// A signer read as far as it can be without the signers before it.
    type Read: Send;
    /// Reads the signer at the start of `text`, as [`value`] reads a value.
    fn read(&mut self, text: &str, at_eof: bool) -> Parsed<Self::Read>;
}

/// Takes the signers of a `signers` array in file order.
pub(super) trait SignerSink {
    /// How each signer is read.
    type Reader: SignerReader;
    /// A reader for one thread.
    fn reader(&self) -> Self::Reader;
    /// A `signers` array starts: any signers taken before belong to an earlier array,
    /// which this one replaces.
    fn restart(&mut self);
    /// The next signer, which starts at byte `offset` of the file.
    fn take(
        &mut self,
        read: <Self::Reader as SignerReader>::Read,
        normaliser: &mut Normaliser<'_>,
        offset: u64,
    );
    /// How many signers of the current array it has taken.
    fn len(&self) -> usize;
}

/// The letter's signers, with the duplicate check's hash of each.
#[derive(Default)]
pub(super) struct Collect {
    pub(super) signers: Vec<Signer>,
    pub(super) hashes: Vec<u64>,
}

/// Reads a whole signer, and hashes its name for the duplicate check.
#[derive(Clone, Default)]
pub(super) struct CollectReader {
    scratch: String,
}

impl SignerReader for CollectReader {
    type Read = (Prepared, u64);
    fn read(&mut self, text: &str, at_eof: bool) -> Parsed<Self::Read> {
        match value::<RawSigner>(text, at_eof) {
            Parsed::Value(raw, _) if raw.nests_deeper_than(DEPTH_LIMIT) => Parsed::Failed,
            Parsed::Value(raw, used) => {
                let prepared = raw.prepare();
                let (name, state) = prepared.name_and_state();
                let hash = name_hash(name, state, &mut self.scratch);
                Parsed::Value((prepared, hash), used)
            }
            Parsed::NeedsMore => Parsed::NeedsMore,
            Parsed::Failed => Parsed::Failed,
        }
    }
}

impl SignerSink for Collect {
    type Reader = CollectReader;
    fn reader(&self) -> CollectReader {
        CollectReader::default()
    }
    fn restart(&mut self) {
        self.signers = Vec::new();
        self.hashes = Vec::new();
    }
    fn take(&mut self, (prepared, hash): (Prepared, u64), normaliser: &mut Normaliser<'_>, _: u64) {
        let index = self.signers.len();
        self.signers.push(prepared.finish(normaliser, index));
        self.hashes.push(hash);
    }
    fn len(&self) -> usize {
        self.signers.len()
    }
}
