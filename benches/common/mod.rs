//! What the benchmarks share.

/// Signers per letter: `default`, unless the `SIGNERS` environment variable gives another
/// count (`1000000` or `1_000_000`).
pub fn signers(default: usize) -> usize {
    std::env::var("SIGNERS")
        .ok()
        .and_then(|n| n.replace('_', "").parse().ok())
        .unwrap_or(default)
}
