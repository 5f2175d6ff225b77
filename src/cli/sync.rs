//! `urna sync --as NAME`: send the office what it does not hold yet, now
//! (the kiosk does the same in the background as cards are entered).

use clap::Args;

use super::out::say;
use super::{Context, Failure, PinArgs, read_pin};

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The operator sending (any operator: their PIN unlocks the journal key
    /// the delta is signed with)
    #[arg(long = "as", value_name = "NAME")]
    pub operator: String,
    #[command(flatten)]
    pub pin: PinArgs,
}

pub fn run(ctx: &Context, args: SyncArgs) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    store.ensure_sound().map_err(|e| ctx.store_failure(e))?;
    if store
        .central_url()
        .map_err(|e| ctx.store_failure(e))?
        .is_none()
    {
        return Err(Failure::found(crate::sync::SyncError::NoUrl.describe(lang)));
    }
    let pin = read_pin(lang, args.pin.pin_stdin, &args.operator)?;
    store
        .login(&args.operator, &pin, chrono::Local::now())
        .map_err(|e| ctx.store_failure(e))?;
    let outcome = crate::sync::sync_once(&mut store);
    store.logout();
    match outcome {
        Ok(done) => {
            say!("{}", capitalized(&done.describe(lang)));
            Ok(0)
        }
        Err(e) => Err(Failure::found(e.describe(lang))),
    }
}

/// The sentence with its first letter capital.
fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
