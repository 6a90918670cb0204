//! Signer Dashboard: who signed a congressional sign-on letter, counted by party, state,
//! role and chamber, with the letter's demands as a checklist.
//!
//! The core (model, loading, analysis, export) knows nothing of the screen; the window
//! lives in [`gui`] behind the default `gui` feature, and the command line in [`cli`].
//!
//! ```
//! use signer_dashboard::{analysis::{Filter, select}, load};
//!
//! let letter = load::sample();
//! let mut filter = Filter::default();
//! filter.parties.insert("R".into());
//! let selection = select(&letter, &filter, None);
//! assert_eq!(selection.tally.total, 3);
//! ```

#![deny(missing_docs)]

pub mod analysis;
pub mod cli;
pub mod desktop;
pub mod edit;
pub mod export;
pub mod extract;
pub mod input;
pub mod load;
pub mod model;
pub mod order;
pub mod outreach;
pub mod roster;
pub mod save;
pub mod text;

#[cfg(feature = "gui")]
pub mod gui;
