//! How far a load has got, and a way to stop it, shared between the thread that loads
//! and the one that draws.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Counters a loading thread updates as it reads, and a flag another thread sets to
/// cancel it. Share it through an `Arc`; reading it never blocks the loader.
///
/// ```
/// use signer_dashboard::load::{Progress, load_path_with_progress};
/// use std::sync::Arc;
///
/// let progress = Arc::new(Progress::default());
/// let path = std::path::Path::new("sample_data/armenian-caucus-2025-04-08.json");
/// let loaded = load_path_with_progress(path, &progress).unwrap().unwrap();
/// assert_eq!(progress.signers_read(), 25);
/// assert_eq!(progress.bytes_read(), progress.total_bytes().unwrap());
/// # let _ = loaded;
/// ```
#[derive(Debug, Default)]
pub struct Progress {
    bytes_read: AtomicU64,
    /// The file's size plus one, or 0 while it is not known.
    total_bytes_plus_one: AtomicU64,
    signers_read: AtomicU64,
    is_cancelled: AtomicBool,
}

impl Progress {
    /// Bytes of the file read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// The size of the file, once it is known.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes_plus_one
            .load(Ordering::Relaxed)
            .checked_sub(1)
    }

    /// The fraction read, from 0 to 1, once the size is known.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total_bytes()?;
        Some(if total == 0 {
            1.0
        } else {
            (self.bytes_read() as f64 / total as f64).clamp(0.0, 1.0) as f32
        })
    }

    /// Signers read so far.
    pub fn signers_read(&self) -> u64 {
        self.signers_read.load(Ordering::Relaxed)
    }

    /// Asks the loader to stop; it does so within a chunk of the file (a few megabytes).
    pub fn cancel(&self) {
        self.is_cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Progress::cancel`] has been called.
    pub fn is_cancelled(&self) -> bool {
        self.is_cancelled.load(Ordering::Relaxed)
    }

    pub(super) fn set_total_bytes(&self, total: u64) {
        self.total_bytes_plus_one
            .store(total.saturating_add(1), Ordering::Relaxed);
    }

    pub(super) fn add_bytes(&self, count: u64) {
        self.bytes_read.fetch_add(count, Ordering::Relaxed);
    }

    pub(super) fn set_bytes(&self, count: u64) {
        self.bytes_read.store(count, Ordering::Relaxed);
    }

    pub(super) fn set_signers(&self, count: usize) {
        self.signers_read.store(count as u64, Ordering::Relaxed);
    }
}
