//! `urna` (the kiosk) and `urna demo` (a training kiosk).

use std::path::PathBuf;

use super::{Context, Failure};
use crate::i18n::Lang;
use crate::store::DB_FILE;
use crate::tr;
use crate::tui::demo::{demo_operators, demo_store};
use crate::tui::{self, App, SetupOutcome};

/// Where the bundled editions are: the installed package's
/// (`/usr/share/urna/editions`), else the source tree's `assets/editions`.
pub fn editions_dir() -> PathBuf {
    let installed = PathBuf::from("/usr/share/urna/editions");
    if installed.is_dir() {
        installed
    } else {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/editions"))
    }
}

fn default_edition() -> PathBuf {
    editions_dir().join("krakow-2014.toml")
}

fn tui_failure(lang: Lang, e: std::io::Error) -> Failure {
    Failure::found(tr!(
        lang,
        "cli-kiosk-screen-failed",
        error = crate::foreign::io_error(lang, &e)
    ))
}

pub fn run(ctx: &Context) -> Result<u8, Failure> {
    let dir = ctx.data_dir()?;
    let mut store = if dir.join(DB_FILE).exists() {
        match crate::store::Store::open(&dir) {
            Ok(store) => store,
            // A store of an earlier release is not damaged: it says what to do.
            Err(e @ crate::store::StoreError::EarlierRelease(_)) => {
                return Err(ctx.store_failure(e));
            }
            // A store that cannot even be opened gets the damaged-store
            // screen, with SQLite's own words.
            Err(e) => {
                tracing::warn!(error = %e, "the store cannot be opened");
                tui::damaged::run_damaged(&dir, ctx.lang, vec![e.describe(ctx.lang)])
                    .map_err(|e| tui_failure(ctx.lang, e))?;
                return Ok(1);
            }
        }
    } else {
        match tui::run_setup(&dir, ctx.lang, &default_edition())
            .map_err(|e| tui_failure(ctx.lang, e))?
        {
            SetupOutcome::Ready(store) => *store,
            SetupOutcome::Quit => return Ok(0),
        }
    };
    let (_log, _) = crate::logging::init(store.dir(), ctx.verbose);
    tracing::info!(point = %store.point().id, "kiosk started");
    // The whole store is verified while the login screen waits; the first
    // save waits for the verdict.
    store.verify_in_background();
    let mut app = App::new(store, ctx.lang, Vec::new()).map_err(|e| ctx.store_failure(e))?;
    app.start_sender();
    let ran = tui::run(&mut app);
    // One last send of what is left, for a moment: the stick is the way
    // that always works.
    if let Some(sender) = app.sender.take() {
        sender.finish(std::time::Duration::from_secs(3));
    }
    ran.map_err(|e| tui_failure(ctx.lang, e))?;
    tracing::info!("kiosk stopped");
    Ok(0)
}

pub fn demo(ctx: &Context) -> Result<u8, Failure> {
    let (dir, throw_away) = match ctx.given_data_dir() {
        Some(d) => (d.to_path_buf(), false),
        None => {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default();
            (
                std::env::temp_dir().join(format!("urna-demo-{}-{stamp}", std::process::id())),
                true,
            )
        }
    };
    let store = demo_store(&dir).map_err(|e| ctx.store_failure(e))?;
    let log = crate::logging::init(store.dir(), ctx.verbose);
    tracing::info!("training kiosk started");
    let mut app = App::new(store, ctx.lang, demo_operators()).map_err(|e| ctx.store_failure(e))?;
    let result = tui::run(&mut app);
    tracing::info!("training kiosk stopped");
    drop(log);
    drop(app);
    if throw_away {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result.map_err(|e| tui_failure(ctx.lang, e))?;
    Ok(0)
}
