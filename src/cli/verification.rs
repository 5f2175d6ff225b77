//! `urna verification set all|sample --as COORDINATOR`: how much the point
//! verifies (a coordinator's setting, journaled); `urna verification show`.

use clap::{Subcommand, ValueEnum};

use super::out::say;
use super::{Context, Failure, PinArgs};
use crate::i18n::{self, Lang, count};
use crate::store::sample::Policy;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Every card
    All,
    /// An operator's first cards, then a share rising with their error rate
    Sample,
}

#[derive(Debug, Subcommand)]
pub enum VerificationCommand {
    /// Set how much the point verifies (docs/verification.md)
    Set {
        mode: Mode,
        /// Sample: all of an operator's first N cards
        #[arg(long, default_value_t = 20, value_name = "N")]
        first: u32,
        /// Sample: then this share (per cent) of their later cards
        #[arg(long, default_value_t = 10, value_name = "PERCENT",
              value_parser = clap::value_parser!(u32).range(0..=100))]
        share: u32,
        /// The coordinator making the change (asked for the PIN)
        #[arg(long = "as", value_name = "COORDINATOR")]
        coordinator: String,
        #[command(flatten)]
        pin: PinArgs,
    },
    /// Print the policy in force and how many cards of the sample wait
    Show,
}

fn describe(lang: Lang, p: Policy) -> String {
    match (p, lang) {
        (Policy::All, Lang::Pl | Lang::Uk) => "weryfikowana jest każda karta".into(),
        (Policy::All, Lang::En) => "every card is verified".into(),
        (Policy::Sample { first, share }, Lang::Pl | Lang::Uk) => format!(
            "próba: pierwsze {} każdego operatora, potem {share}% (więcej przy błędach)",
            count(lang, u64::from(first), &i18n::CARD)
        ),
        (Policy::Sample { first, share }, Lang::En) => format!(
            "sample: each operator's first {}, then {share}% (more with errors)",
            count(lang, u64::from(first), &i18n::CARD)
        ),
    }
}

pub fn run(ctx: &Context, cmd: VerificationCommand) -> Result<u8, Failure> {
    let lang = ctx.lang;
    match cmd {
        VerificationCommand::Set {
            mode,
            first,
            share,
            coordinator,
            pin,
        } => {
            let policy = match mode {
                Mode::All => Policy::All,
                Mode::Sample => Policy::Sample { first, share },
            };
            let mut store = ctx.open_store()?;
            store.ensure_sound().map_err(|e| ctx.store_failure(e))?;
            ctx.login_coordinator(&mut store, &coordinator, pin.pin_stdin)?;
            store
                .set_verification_policy(policy)
                .map_err(|e| ctx.store_failure(e))?;
            say!(
                "{}: {}.",
                i18n::t(lang, "Weryfikacja", "Verification"),
                describe(lang, policy)
            );
            Ok(0)
        }
        VerificationCommand::Show => {
            let store = ctx.open_store()?;
            let policy = store
                .verification_policy()
                .map_err(|e| ctx.store_failure(e))?;
            let entries = store.entries().map_err(|e| ctx.store_failure(e))?;
            let waiting = crate::store::sample::waiting(&entries, "").len() as u64;
            say!(
                "{}: {}; {} {}.",
                i18n::t(lang, "Weryfikacja", "Verification"),
                describe(lang, policy),
                i18n::t(lang, "w próbie czeka", "waiting in the sample:"),
                count(lang, waiting, &i18n::CARD)
            );
            Ok(0)
        }
    }
}
