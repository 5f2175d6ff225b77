//! `urna init`: sets up a kiosk's store.

use std::path::{Path, PathBuf};

use clap::Args;

use super::out::say;
use super::{Context, Failure, PinArgs, read_new_pin};
use crate::edition::Edition;
use crate::i18n::Lang;
use crate::store::{InitParams, Point, Store};
use crate::tr;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Edition file (TOML), e.g. assets/editions/krakow-2014.toml
    #[arg(long, value_name = "FILE")]
    pub edition: PathBuf,
    /// Polling point id, e.g. P-XI-03
    #[arg(long, value_name = "ID")]
    pub point: String,
    /// Polling point name, e.g. "Rada Dzielnicy XI"
    #[arg(long, value_name = "NAME")]
    pub point_name: String,
    /// A mobile polling point (moves between stops during the day)
    #[arg(long)]
    pub mobile: bool,
    /// The central office's age recipient (age1…), to encrypt bundles to
    #[arg(long, value_name = "AGE_RECIPIENT")]
    pub central: Option<String>,
    /// Name of the first coordinator
    #[arg(long, value_name = "NAME")]
    pub coordinator: String,
    /// The shortest PIN this kiosk accepts (4 to 12 digits; a 4-digit PIN
    /// can be guessed offline from a copied disk, see docs/threat-model.md)
    #[arg(long, value_name = "DIGITS", default_value_t = crate::store::MIN_PIN_LENGTH,
          value_parser = clap::value_parser!(u8).range(4..=12))]
    pub min_pin_length: u8,
    #[command(flatten)]
    pub pin: PinArgs,
}

pub fn run(ctx: &Context, args: InitArgs) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let dir = ctx.data_dir()?;
    if !crate::store::valid_point_id(&args.point) {
        return Err(Failure::usage(tr!(lang, "cli-init-bad-point")));
    }
    // The name is printed on screens, protocols and the published page.
    if args.point_name.trim().is_empty() || args.point_name.chars().any(char::is_control) {
        return Err(Failure::usage(tr!(lang, "cli-init-bad-point-name")));
    }
    if let Some(r) = &args.central
        && !crate::store::valid_recipient(r)
    {
        return Err(Failure::usage(tr!(lang, "cli-init-bad-central")));
    }
    let edition_toml =
        crate::bundle::read::read_text(&args.edition, crate::bundle::read::MAX_EDITION_BYTES, lang)
            .map_err(Failure::usage)?;
    let edition = Edition::parse(&edition_toml, &args.edition.display().to_string())
        .map_err(|e| Failure::usage(e.describe(lang)))?;
    if dir.join(crate::store::DB_FILE).exists() {
        return Err(ctx.store_failure(crate::store::StoreError::AlreadyInitialised(dir)));
    }
    let pin = read_new_pin(lang, args.pin.pin_stdin, &args.coordinator)?;
    private_data_dir(lang, &dir)?;
    let store = Store::create(
        &dir,
        InitParams {
            edition_toml: &edition_toml,
            point: Point {
                id: args.point.clone(),
                name: args.point_name.clone(),
                mobile: args.mobile,
                central_recipient: args.central.clone(),
                training: false,
            },
            coordinator: &args.coordinator,
            pin: &pin,
            min_pin_length: args.min_pin_length,
        },
    )
    .map_err(|e| ctx.store_failure(e))?;
    let done = tr!(
        lang,
        "cli-init-done",
        point = args.point.as_str(),
        name = args.point_name.as_str(),
        edition = edition.id.as_str(),
        coordinator = args.coordinator.as_str(),
        dir = store.dir().display().to_string()
    );
    say!("{done}");
    Ok(0)
}

/// An existing data directory is made 0700 before a store goes into it (it
/// will hold voters' data and keys); one that cannot be is refused, saying why.
/// A new one is created 0700 by the store itself.
pub(super) fn private_data_dir(lang: Lang, dir: &Path) -> Result<(), Failure> {
    use std::os::unix::fs::PermissionsExt;
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Failure::usage(crate::foreign::io_error_at(lang, dir, &e)));
        }
    };
    if !meta.is_dir() {
        return Err(Failure::usage(tr!(
            lang,
            "cli-init-not-a-directory",
            dir = dir.display().to_string()
        )));
    }
    if meta.permissions().mode() & 0o777 == 0o700 {
        return Ok(());
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(|e| {
        let e = crate::foreign::io_error(lang, &e);
        Failure::usage(tr!(
            lang,
            "cli-init-cannot-tighten",
            dir = dir.display().to_string(),
            error = e
        ))
    })?;
    tracing::info!(dir = %dir.display(), "data directory tightened to 0700");
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::{valid_point_id, valid_recipient};

    #[test]
    fn recipients_and_ids() {
        assert!(valid_recipient(
            "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"
        ));
        assert!(!valid_recipient("age1short"));
        assert!(!valid_recipient(
            "age1QL3Z7HJY54PW3HYWW5AYYFG7ZQGVC7W3J2ELW8ZMRJ2KG5SFN9AQMCAC8P"
        ));
        assert!(valid_point_id("P-XI_03"));
        assert!(!valid_point_id("P/03"));
        assert!(!valid_point_id(""));
    }
}
