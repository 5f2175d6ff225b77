//! `urna verification set all|sample --as COORDINATOR`: how much the point
//! verifies (a coordinator's setting, journaled); `urna verification show`.

use clap::{Subcommand, ValueEnum};

use super::out::say;
use super::{Context, Failure, PinArgs};
use crate::i18n::{self, Lang, count};
use crate::store::sample::Policy;
use crate::tr;

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
        /// How much to verify
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
    match p {
        Policy::All => tr!(lang, "tally-verification-policy-all"),
        Policy::Sample { first, share } => tr!(
            lang,
            "tally-verification-policy-sample",
            first = count(lang, u64::from(first), &i18n::CARD),
            share = share.to_string()
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
                "{}",
                tr!(
                    lang,
                    "tally-verification-set",
                    policy = describe(lang, policy)
                )
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
                "{}",
                tr!(
                    lang,
                    "tally-verification-show",
                    policy = describe(lang, policy),
                    waiting = count(lang, waiting, &i18n::CARD),
                    n = waiting
                )
            );
            Ok(0)
        }
    }
}
