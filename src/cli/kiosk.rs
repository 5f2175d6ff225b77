//! `urna` (the kiosk) and `urna demo` (a training kiosk).

use std::path::PathBuf;

use super::{Context, Failure};
use crate::i18n::{Lang, t};
use crate::store::DB_FILE;
use crate::tui::demo::{demo_operators, demo_store};
use crate::tui::{self, App, SetupOutcome};

/// Where the bundled editions are: the installed package's, else the source
/// tree's.
fn default_edition() -> PathBuf {
    let installed = PathBuf::from("/usr/share/urna/editions/krakow-2014.toml");
    if installed.is_file() {
        installed
    } else {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/editions/krakow-2014.toml"
        ))
    }
}

fn tui_failure(lang: Lang, e: std::io::Error) -> Failure {
    Failure::found(format!("{}: {e}", t(lang, "ekran", "screen")))
}

pub fn run(ctx: &Context) -> Result<u8, Failure> {
    let dir = ctx.data_dir()?;
    let store = if dir.join(DB_FILE).exists() {
        ctx.open_store()?
    } else {
        match tui::run_setup(&dir, ctx.lang, &default_edition())
            .map_err(|e| tui_failure(ctx.lang, e))?
        {
            SetupOutcome::Ready(store) => *store,
            SetupOutcome::Quit => return Ok(0),
        }
    };
    let mut app = App::new(store, ctx.lang, Vec::new()).map_err(|e| ctx.store_failure(e))?;
    tui::run(&mut app).map_err(|e| tui_failure(ctx.lang, e))?;
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
    let mut app = App::new(store, ctx.lang, demo_operators()).map_err(|e| ctx.store_failure(e))?;
    let result = tui::run(&mut app);
    drop(app);
    if throw_away {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result.map_err(|e| tui_failure(ctx.lang, e))?;
    Ok(0)
}
