//! urna — an offline kiosk and central tally for a city's participatory budget.
//!
//! Layers, from the bottom: [`pesel`], [`edition`] and [`card`] are the voting
//! rules and know nothing of storage; [`store`] keeps a polling point's cards in
//! SQLite behind a hash-chained journal; [`cardcsv`] reads the card CSV format
//! and [`shown`] is the one place input values become message text (masked);
//! [`tui`] is the kiosk screen, [`serve`] the office's sync server and [`cli`]
//! the command line on top.
#![forbid(unsafe_code)]

pub mod bundle;
pub mod card;
pub mod cardcsv;
pub mod cli;
pub mod edition;
pub mod foreign;
pub mod i18n;
pub mod logging;
pub mod pesel;
pub mod serve;
pub mod shown;
pub mod store;
pub mod sync;
pub mod tally;
pub mod tui;
