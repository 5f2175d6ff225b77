//! The central tally (DESIGN §7). So far: counting ([`results`]). Importing
//! bundles and the internet channel, deduplication and the `urna tally`
//! commands are still to come.

pub mod results;
