//! The central tally (DESIGN §7): the office's store of verified kiosk
//! journals and internet rows ([`store`]), deduplication by PESEL, and the
//! count ([`results`]). Still to come: annulment, the audit, the Pabulib and
//! HTML outputs, the simulator and the scale bench.

pub mod results;
pub mod store;
