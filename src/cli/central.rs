//! `urna central set AGE_RECIPIENT --as COORDINATOR`: the central office's
//! key, set after setup or changed (journaled like every change).

use clap::Subcommand;

use super::out::say;
use super::{Context, Failure, PinArgs};
use crate::i18n::{Lang, t};

#[derive(Debug, Subcommand)]
pub enum CentralCommand {
    /// Set or change the office's age recipient that bundles are encrypted to
    Set {
        /// The office's age recipient (age1…, 62 characters), from `urna tally init`
        recipient: String,
        /// The coordinator making the change (asked for the PIN)
        #[arg(long = "as", value_name = "COORDINATOR")]
        coordinator: String,
        #[command(flatten)]
        pin: PinArgs,
    },
    /// Print the office's age recipient, or say that there is none yet
    Show,
}

pub fn run(ctx: &Context, cmd: CentralCommand) -> Result<u8, Failure> {
    let lang = ctx.lang;
    match cmd {
        CentralCommand::Set {
            recipient,
            coordinator,
            pin,
        } => {
            let recipient = recipient.trim().to_string();
            if !crate::store::valid_recipient(&recipient) {
                return Err(Failure::usage(t(
                    lang,
                    "to nie jest odbiorca age (age1…, 62 znaki)",
                    "not an age recipient (age1…, 62 characters)",
                )));
            }
            let mut store = ctx.open_store()?;
            store.ensure_sound().map_err(|e| ctx.store_failure(e))?;
            ctx.login_coordinator(&mut store, &coordinator, pin.pin_stdin)?;
            let before = store.point().central_recipient.clone();
            store
                .set_central(&recipient)
                .map_err(|e| ctx.store_failure(e))?;
            match (lang, before) {
                (Lang::Pl, None) => say!("Ustawiono klucz biura: {recipient}."),
                (Lang::En, None) => say!("Office key set: {recipient}."),
                (Lang::Pl, Some(old)) => {
                    say!("Zmieniono klucz biura: {old} → {recipient}.")
                }
                (Lang::En, Some(old)) => say!("Office key changed: {old} → {recipient}."),
            }
            Ok(0)
        }
        CentralCommand::Show => {
            let store = ctx.open_store()?;
            match &store.point().central_recipient {
                Some(r) => say!("{r}"),
                None => say!(
                    "{}",
                    t(
                        lang,
                        "Brak klucza biura: eksport niemożliwy, dopóki koordynator nie wpisze `urna central set age1… --as IMIĘ`.",
                        "No office key yet: no export until a coordinator runs `urna central set age1… --as NAME`.",
                    )
                ),
            }
            Ok(0)
        }
    }
}
