//! `urna key`, `urna export --out DIR`, `urna verify FILE`.

use std::path::PathBuf;

use clap::Args;

use super::out::{say, say_part};
use super::{Context, Failure, PinArgs, read_pin};
use crate::bundle::{self, protocol};
use crate::i18n::{Lang, t};
use crate::store::{Role, signing};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Directory to write the bundle and the day's protocol into (a USB stick)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The coordinator making the export (asked for the PIN)
    #[arg(long = "as", value_name = "NAME")]
    pub coordinator: String,
    #[command(flatten)]
    pub pin: PinArgs,
    /// Export a store that failed `urna check`, for the office to look at
    /// (marked so in the manifest; not journaled; the office imports it only
    /// with `urna tally import --investigation`)
    #[arg(long)]
    pub investigation: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The bundle (.urna)
    pub file: PathBuf,
    /// Require this kiosk public key (a minisign .pub file)
    #[arg(long, value_name = "PUBFILE")]
    pub key: Option<PathBuf>,
}

pub fn key(ctx: &Context) -> Result<u8, Failure> {
    let store = ctx.open_store()?;
    let text = signing::public_text(store.dir()).map_err(|e| ctx.store_failure(e))?;
    say_part!("{text}");
    if !text.ends_with('\n') {
        say!();
    }
    Ok(0)
}

pub fn export(ctx: &Context, args: ExportArgs) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    if store.point().central_recipient.is_none() {
        return Err(Failure::found(format!(
            "{}: {}",
            t(
                lang,
                "eksport nieudany, nic nie zapisano w dzienniku",
                "export failed, nothing journaled"
            ),
            bundle::ExportError::NoRecipient.localized(lang)
        )));
    }
    // A damaged store is refused before the PIN is asked.
    if !args.investigation {
        store.ensure_sound().map_err(|e| ctx.store_failure(e))?;
    }
    let pin = read_pin(lang, args.pin.pin_stdin, &args.coordinator)?;
    let operator = store
        .login(&args.coordinator, &pin, chrono::Local::now())
        .map_err(|e| ctx.store_failure(e))?;
    if operator.role != Role::Coordinator {
        return Err(Failure::usage(t(
            lang,
            "eksport robi koordynator",
            "only a coordinator exports",
        )));
    }
    if !args.out.is_dir() {
        return Err(Failure::usage(format!(
            "{}: {}",
            args.out.display(),
            t(lang, "nie ma takiego katalogu", "no such directory")
        )));
    }
    if args.investigation {
        let exported = bundle::export_investigation(&mut store, &args.out, &operator.name)
            .map_err(|e| Failure::found(e.localized(lang)))?;
        say!(
            "{}: {}",
            t(
                lang,
                "Paczka do wyjaśnienia (nie do liczenia)",
                "Bundle for investigation (not for counting)"
            ),
            exported.path.display()
        );
        say!(
            "{}: {}",
            t(lang, "odcisk", "fingerprint"),
            exported.fingerprint
        );
        return Ok(0);
    }
    let exported = bundle::export(&mut store, &args.out, &operator.name).map_err(|e| {
        Failure::found(format!(
            "{}: {}",
            t(
                lang,
                "eksport nieudany, nic nie zapisano w dzienniku",
                "export failed, nothing journaled"
            ),
            e.localized(lang)
        ))
    })?;
    let status = store
        .current_day()
        .and_then(|day| protocol::DayFigures::of(&store, day))
        .map_err(|e| ctx.store_failure(e))?;
    let (txt, html) = protocol::write(lang, &exported, &status, &operator.name).map_err(|e| {
        Failure::found(format!(
            "{}: {}",
            t(
                lang,
                "paczka zapisana, ale nie protokół",
                "bundle written, but not the protocol"
            ),
            e.localized(lang)
        ))
    })?;
    for line in protocol::lines(lang, &exported, &status, &operator.name) {
        say!("{line}");
    }
    say!("{}", protocol::qr_text(&exported.fingerprint, true));
    say!(
        "{}: {}",
        t(lang, "Paczka", "Bundle"),
        exported.path.display()
    );
    say!(
        "{}: {} · {}",
        t(lang, "Protokół", "Protocol"),
        txt.display(),
        html.display()
    );
    Ok(0)
}

pub fn verify(ctx: &Context, args: VerifyArgs) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let expected = match &args.key {
        None => None,
        Some(p) => {
            let text = crate::bundle::read::read_text(p, crate::bundle::read::MAX_KEY_BYTES, lang)
                .map_err(Failure::usage)?;
            let key = text
                .lines()
                .find(|l| !l.starts_with("untrusted comment:") && !l.trim().is_empty())
                .unwrap_or_default()
                .trim()
                .to_string();
            if minisign_verify::PublicKey::from_base64(&key).is_err() {
                return Err(Failure::usage(format!(
                    "{}: {}",
                    crate::shown::path(p),
                    t(
                        lang,
                        "to nie jest klucz publiczny minisign (wypisuje go `urna key`)",
                        "not a minisign public key (`urna key` prints one)"
                    )
                )));
            }
            Some(key)
        }
    };
    match bundle::verify(&args.file, expected.as_deref()) {
        Ok(v) => {
            let m = &v.manifest;
            let title = match lang {
                Lang::Pl | Lang::Uk => {
                    "Paczka poprawna: podpis, klucz, skrót zawartości i nazwa pliku się zgadzają."
                }
                Lang::En => "Bundle OK: signature, key, payload hash and file name all check out.",
            };
            say!("{title}");
            // The manifest is the sender's text, signed by a key the reader
            // may not know: never a control character to the terminal.
            let esc = |v: &dyn std::fmt::Display| crate::shown::escape_controls(&v.to_string());
            say!(
                "{}: {} ({})",
                t(lang, "punkt", "point"),
                esc(&m.point.id),
                esc(&m.point.name)
            );
            say!("{}: {}", t(lang, "edycja", "edition"), esc(&m.edition));
            say!(
                "{}: {} · {}: {}",
                t(lang, "dzień", "day"),
                esc(&m.day),
                t(lang, "numer", "sequence"),
                m.sequence
            );
            say!(
                "{}: {}",
                t(lang, "klucz kiosku", "kiosk key"),
                esc(&m.kiosk_key_id)
            );
            say!("{}: {}", t(lang, "utworzono", "created"), esc(&m.created));
            say!(
                "{}: {} ({} {}, {} {}, {} {}, {} {})",
                t(lang, "karty", "cards"),
                m.counts.cards,
                t(lang, "ważne", "valid"),
                m.counts.valid,
                t(lang, "nieważne", "invalid"),
                m.counts.invalid,
                t(lang, "poprawione", "amended"),
                m.counts.amended,
                t(lang, "unieważnione", "voided"),
                m.counts.voided
            );
            for (code, n) in &m.counts.invalid_by_reason {
                // In words; a reason this version does not know stays as written.
                let words = esc(&crate::i18n::reason_of_code(lang, code));
                say!("    {n:>5}  {words}");
            }
            say!(
                "{}: {} · {}",
                t(lang, "dziennik", "journal"),
                m.journal.entries,
                esc(&m.journal.head_hash)
            );
            say!(
                "{}: {}",
                t(lang, "zawartość (SHA-256)", "payload (SHA-256)"),
                esc(&m.payload.sha256)
            );
            say!(
                "{}: {}",
                t(lang, "poprzednia paczka", "previous bundle"),
                esc(&m.previous_bundle.as_deref().unwrap_or("—"))
            );
            say!("{}: {}", t(lang, "odcisk", "fingerprint"), v.fingerprint);
            if m.training {
                say!(
                    "{}",
                    t(lang, "UWAGA: paczka szkoleniowa", "NOTE: a training bundle")
                );
            }
            Ok(0)
        }
        Err(e) => Err(Failure::found(format!(
            "{}: {}: {}",
            crate::shown::path(&args.file),
            t(lang, "PACZKA NIEWIARYGODNA", "BUNDLE NOT TRUSTWORTHY"),
            e.text(lang)
        ))),
    }
}
