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
                (Lang::Pl | Lang::Uk, None) => say!("Ustawiono klucz biura: {recipient}."),
                (Lang::En, None) => say!("Office key set: {recipient}."),
                (Lang::Pl | Lang::Uk, Some(old)) => {
                    say!("Zmieniono klucz biura: {old} → {recipient}.")
                }
                (Lang::En, Some(old)) => say!("Office key changed: {old} → {recipient}."),
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
            say!(
                "{}: {}",
                t(lang, "adres biura", "office address"),
                match &sending {
                    Some(c) => format!(
                        "{} ({})",
                        c.url,
                        cadence(lang, c.every_cards, c.every_minutes)
                            + if c.ca_pem.is_some() {
                                t(lang, "; własny certyfikat", "; own certificate")
                            } else {
                                ""
                            }
                    ),
                    None => t(
                        lang,
                        "brak — kiosk nie wysyła dziennika przez sieć, paczki trafiają do biura na pendrive",
                        "none: the kiosk sends nothing over the network, bundles reach the office on a stick",
                    )
                    .into(),
                }
            );
            say!(
                "{}: {}",
                t(lang, "klucz biura", "office key"),
                match &store.point().central_recipient {
                    Some(r) => r.clone(),
                    None => t(
                        lang,
                        "brak — eksport niemożliwy, dopóki koordynator nie wpisze `urna central set age1… --as IMIĘ`",
                        "none yet: no export until a coordinator runs `urna central set age1… --as NAME`",
                    )
                    .into(),
                }
            );
            Ok(0)
        }
    }
}

/// "wysyłka co 10 kart i co 5 minut"; "co kartę", "every card" for one.
fn cadence(lang: Lang, every_cards: u32, every_minutes: u32) -> String {
    crate::tr!(
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
                return Err(Failure::usage(format!(
                    "{}: {}",
                    crate::shown::escape_controls(&url),
                    t(
                        lang,
                        "to nie jest adres serwera biura: http://HOST:PORT albo https://HOST:PORT (port 1–65535), bez ścieżki",
                        "not an office server address: http://HOST:PORT or https://HOST:PORT (port 1–65535), no path",
                    )
                )));
            };
            let ca_pem = match &ca {
                None => None,
                Some(_) if !address.https => {
                    return Err(Failure::usage(t(
                        lang,
                        "--ca jest tylko dla adresów https://",
                        "--ca is for https:// addresses only",
                    )));
                }
                Some(path) => {
                    let text = crate::bundle::read::read_text(path, 1 << 20, lang)
                        .map_err(Failure::usage)?;
                    let certs = crate::foreign::tls::pem_certificates(text.as_bytes());
                    if certs.is_empty() {
                        return Err(Failure::usage(format!(
                            "{}: {}",
                            crate::shown::path(path),
                            t(lang, "to nie jest certyfikat PEM", "not a PEM certificate")
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
        Some(c) => say!(
            "{} {} ({}).",
            t(
                lang,
                "Kiosk będzie wysyłał dziennik do biura:",
                "The kiosk will send its journal to the office:"
            ),
            c.url,
            cadence(lang, c.every_cards, c.every_minutes)
                + &match parse_url(&c.url) {
                    Some(a) if !a.port_given => format!("; {} {}", t(lang, "port", "port"), a.port),
                    _ => String::new(),
                }
        ),
        None => say!(
            "{}",
            t(
                lang,
                "Wysyłanie do biura wyłączone; paczki trafiają do biura na pendrive.",
                "Sending to the office is off; bundles reach the office on a stick.",
            )
        ),
    }
    Ok(0)
}
