//! How long matching takes: 10,000 signers against the full roster of Congress.
fn main() {}
