//! `urna key`, `urna export --out DIR`, `urna verify FILE`.

use std::path::PathBuf;

use clap::Args;

use super::out::{say, say_part};
use super::{Context, Failure, PinArgs, read_pin};
use crate::bundle::{self, protocol};
use crate::store::{Role, signing};
use crate::tr;

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
            tr!(lang, "bundle-cli-export-failed"),
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
        return Err(Failure::usage(tr!(lang, "bundle-cli-coordinator-exports")));
    }
    if !args.out.is_dir() {
        return Err(Failure::usage(format!(
            "{}: {}",
            args.out.display(),
            tr!(lang, "bundle-cli-no-such-directory")
        )));
    }
    if args.investigation {
        let exported = bundle::export_investigation(&mut store, &args.out, &operator.name)
            .map_err(|e| Failure::found(e.localized(lang)))?;
        say!(
            "{}: {}",
            tr!(lang, "bundle-cli-investigation"),
            exported.path.display()
        );
        say!(
            "{}: {}",
            tr!(lang, "bundle-cli-fingerprint"),
            exported.fingerprint
        );
        return Ok(0);
    }
    let exported = bundle::export(&mut store, &args.out, &operator.name).map_err(|e| {
        Failure::found(format!(
            "{}: {}",
            tr!(lang, "bundle-cli-export-failed"),
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
            tr!(lang, "bundle-cli-no-protocol"),
            e.localized(lang)
        ))
    })?;
    for line in protocol::lines(lang, &exported, &status, &operator.name) {
        say!("{line}");
    }
    say!("{}", protocol::qr_text(&exported.fingerprint, true));
    say!(
        "{}: {}",
        tr!(lang, "bundle-cli-bundle"),
        exported.path.display()
    );
    say!(
        "{}: {} · {}",
        tr!(lang, "bundle-cli-protocol"),
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
                    tr!(lang, "bundle-cli-not-a-key")
                )));
            }
            Some(key)
        }
    };
    match bundle::verify(&args.file, expected.as_deref()) {
        Ok(v) => {
            let m = &v.manifest;
            let title = tr!(lang, "bundle-cli-ok");
            say!("{title}");
            // The manifest is the sender's text, signed by a key the reader
            // may not know: never a control character to the terminal.
            let esc = |v: &dyn std::fmt::Display| crate::shown::escape_controls(&v.to_string());
            say!(
                "{}: {} ({})",
                tr!(lang, "bundle-cli-point"),
                esc(&m.point.id),
                esc(&m.point.name)
            );
            say!("{}: {}", tr!(lang, "bundle-cli-edition"), esc(&m.edition));
            say!(
                "{}: {} · {}: {}",
                tr!(lang, "bundle-cli-day"),
                esc(&m.day),
                tr!(lang, "bundle-cli-sequence"),
                m.sequence
            );
            say!(
                "{}: {}",
                tr!(lang, "bundle-cli-kiosk-key"),
                esc(&m.kiosk_key_id)
            );
            say!("{}: {}", tr!(lang, "bundle-cli-created"), esc(&m.created));
            say!(
                "{}",
                tr!(
                    lang,
                    "bundle-cli-counts",
                    cards = m.counts.cards.to_string(),
                    valid = m.counts.valid.to_string(),
                    invalid = m.counts.invalid.to_string(),
                    amended = m.counts.amended.to_string(),
                    voided = m.counts.voided.to_string()
                )
            );
            for (code, n) in &m.counts.invalid_by_reason {
                // In words; a reason this version does not know stays as written.
                let words = esc(&crate::i18n::reason_of_code(lang, code));
                say!("    {n:>5}  {words}");
            }
            say!(
                "{}: {} · {}",
                tr!(lang, "bundle-cli-journal"),
                m.journal.entries,
                esc(&m.journal.head_hash)
            );
            say!(
                "{}: {}",
                tr!(lang, "bundle-cli-payload"),
                esc(&m.payload.sha256)
            );
            say!(
                "{}: {}",
                tr!(lang, "bundle-cli-previous"),
                esc(&m.previous_bundle.as_deref().unwrap_or("—"))
            );
            say!("{}: {}", tr!(lang, "bundle-cli-fingerprint"), v.fingerprint);
            if m.training {
                say!("{}", tr!(lang, "bundle-cli-training"));
            }
            Ok(0)
        }
        Err(e) => Err(Failure::found(format!(
            "{}: {}: {}",
            crate::shown::path(&args.file),
            tr!(lang, "bundle-cli-untrustworthy"),
            e.text(lang)
        ))),
    }
}
