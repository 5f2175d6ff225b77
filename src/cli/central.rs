//! `urna central set AGE_RECIPIENT --as COORDINATOR`: the central office's
//! key, set after setup or changed (journaled like every change).

use clap::Subcommand;

use super::out::say;
use super::{Context, Failure, PinArgs};
use crate::i18n::Lang;
use crate::tr;

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
    /// Send the journal to the office's sync server as cards are entered
    /// (`urna tally serve` there), or with `--off` stop sending
    Url {
        /// `http://HOST:PORT` or `https://HOST:PORT`
        #[arg(required_unless_present = "off")]
        url: Option<String>,
        /// Stop sending (the stick stays the way bundles reach the office)
        #[arg(long, conflicts_with_all = ["url", "ca", "every_cards", "every_minutes"])]
        off: bool,
        /// A PEM certificate to trust for https (the office's own, or its CA)
        #[arg(long, value_name = "FILE")]
        ca: Option<std::path::PathBuf>,
        /// Send after every N cards
        #[arg(long, value_name = "N", default_value_t = crate::store::sync::EVERY_CARDS,
              value_parser = clap::value_parser!(u32).range(1..=10_000))]
        every_cards: u32,
        /// And every M minutes
        #[arg(long, value_name = "M", default_value_t = crate::store::sync::EVERY_MINUTES,
              value_parser = clap::value_parser!(u32).range(1..=1440))]
        every_minutes: u32,
        /// The coordinator making the change (asked for the PIN)
        #[arg(long = "as", value_name = "COORDINATOR")]
        coordinator: String,
        #[command(flatten)]
        pin: PinArgs,
    },
    /// Print the office's age recipient and sync address, or say that there is none yet
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
                return Err(Failure::usage(tr!(lang, "cli-central-not-a-recipient")));
            }
            let mut store = ctx.open_store()?;
            store.ensure_sound().map_err(|e| ctx.store_failure(e))?;
            ctx.login_coordinator(&mut store, &coordinator, pin.pin_stdin)?;
            let before = store.point().central_recipient.clone();
            store
                .set_central(&recipient)
                .map_err(|e| ctx.store_failure(e))?;
            match before {
                None => say!(
                    "{}",
                    tr!(lang, "cli-central-key-set", recipient = recipient.as_str())
                ),
                Some(old) => say!(
                    "{}",
                    tr!(
                        lang,
                        "cli-central-key-changed",
                        old = old,
                        recipient = recipient.as_str()
                    )
                ),
            }
            Ok(0)
        }
        CentralCommand::Url {
            url,
            off,
            ca,
            every_cards,
            every_minutes,
            coordinator,
            pin,
        } => set_url(
            ctx,
            url,
            off,
            ca,
            every_cards,
            every_minutes,
            &coordinator,
            pin,
        ),
        CentralCommand::Show => {
            let store = ctx.open_store()?;
            let sending = store.central_url().map_err(|e| ctx.store_failure(e))?;
            let address = match &sending {
                Some(c) if c.ca_pem.is_some() => tr!(
                    lang,
                    "cli-central-address-own-ca",
                    url = c.url.as_str(),
                    cadence = cadence(lang, c.every_cards, c.every_minutes)
                ),
                Some(c) => tr!(
                    lang,
                    "cli-central-address",
                    url = c.url.as_str(),
                    cadence = cadence(lang, c.every_cards, c.every_minutes)
                ),
                None => tr!(lang, "cli-central-no-address"),
            };
            say!("{address}");
            let key = match &store.point().central_recipient {
                Some(r) => tr!(lang, "cli-central-key", recipient = r.as_str()),
                None => tr!(lang, "cli-central-no-key"),
            };
            say!("{key}");
            Ok(0)
        }
    }
}

/// "wysyłka co 10 kart i co 5 minut"; "co kartę", "every card" for one.
fn cadence(lang: Lang, every_cards: u32, every_minutes: u32) -> String {
    tr!(
        lang,
        "central-cadence",
        cards = every_cards,
        minutes = every_minutes
    )
}

#[allow(clippy::too_many_arguments)]
fn set_url(
    ctx: &Context,
    url: Option<String>,
    off: bool,
    ca: Option<std::path::PathBuf>,
    every_cards: u32,
    every_minutes: u32,
    coordinator: &str,
    pin: PinArgs,
) -> Result<u8, Failure> {
    use crate::store::sync::{CentralUrl, parse_url};
    let lang = ctx.lang;
    let setting = match (off, url) {
        (true, _) | (false, None) => None,
        (false, Some(url)) => {
            let url = url.trim().trim_end_matches('/').to_string();
            let Some(address) = parse_url(&url) else {
                return Err(Failure::usage(tr!(
                    lang,
                    "cli-central-bad-url",
                    url = crate::shown::escape_controls(&url)
                )));
            };
            let ca_pem = match &ca {
                None => None,
                Some(_) if !address.https => {
                    return Err(Failure::usage(tr!(lang, "cli-central-ca-https-only")));
                }
                Some(path) => {
                    let text = crate::bundle::read::read_text(path, 1 << 20, lang)
                        .map_err(Failure::usage)?;
                    let certs = crate::foreign::tls::pem_certificates(text.as_bytes());
                    if certs.is_empty() {
                        return Err(Failure::usage(tr!(
                            lang,
                            "cli-central-not-pem",
                            path = crate::shown::path(path)
                        )));
                    }
                    if let Err(p) = crate::foreign::tls::check_pinned(&certs, address.host) {
                        return Err(Failure::usage(format!(
                            "{}: {}",
                            crate::shown::path(path),
                            p.words(lang)
                        )));
                    }
                    Some(text)
                }
            };
            Some(CentralUrl {
                url,
                ca_pem,
                every_cards,
                every_minutes,
            })
        }
    };
    let mut store = ctx.open_store()?;
    store.ensure_sound().map_err(|e| ctx.store_failure(e))?;
    ctx.login_coordinator(&mut store, coordinator, pin.pin_stdin)?;
    store
        .set_central_url(setting.as_ref())
        .map_err(|e| ctx.store_failure(e))?;
    match &setting {
        Some(c) => {
            let cadence = cadence(lang, c.every_cards, c.every_minutes);
            let sending = match parse_url(&c.url) {
                Some(a) if !a.port_given => tr!(
                    lang,
                    "cli-central-sending-port",
                    url = c.url.as_str(),
                    cadence = cadence,
                    port = a.port
                ),
                _ => tr!(
                    lang,
                    "cli-central-sending",
                    url = c.url.as_str(),
                    cadence = cadence
                ),
            };
            say!("{sending}");
        }
        None => say!("{}", tr!(lang, "cli-central-sending-off")),
    }
    Ok(0)
}
