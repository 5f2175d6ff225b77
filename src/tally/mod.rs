//! The central tally (DESIGN §7): the office's store of verified kiosk
//! journals and internet rows ([`store`]), deduplication by PESEL and the
//! office's decisions, the count ([`results`]), its publication
//! ([`report`] text and CSV, [`pabulib_out`], [`html`]), the audit against
//! paper ([`sample`], [`paper`], [`bound`], [`typed`]) and a simulated election ([`simulate`]).

pub mod audit;
pub mod bound;
pub mod html;
pub mod online;
pub mod pabulib_out;
pub mod paper;
pub mod report;
pub mod results;
pub mod sample;
pub mod simulate;
pub mod store;
pub mod typed;
pub mod verification;
