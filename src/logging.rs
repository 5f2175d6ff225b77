//! Logs: a daily-rotated file `logs/urna.YYYY-MM-DD.log` in the data dir,
//! never the screen (the kiosk owns the terminal). `-v` / `-vv` or `URNA_LOG`
//! (a tracing filter such as `debug` or `urna=trace`) give more detail.
//!
//! Nothing personal is logged: card ids, verdicts and reason codes, operator
//! names, file names — never a voter's PESEL, name or address, and never the
//! characters typed at the kiosk.

use std::path::{Path, PathBuf};

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

/// The log folder inside a data dir.
pub const LOG_DIR: &str = "logs";

/// Keeps the log writer alive; dropping it flushes the file.
pub struct LogGuard(#[allow(dead_code)] Option<WorkerGuard>);

/// Where the logs of a data dir go.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_DIR)
}

fn filter(verbosity: u8) -> EnvFilter {
    if let Ok(spec) = std::env::var("URNA_LOG")
        && let Ok(f) = EnvFilter::try_new(spec)
    {
        return f;
    }
    EnvFilter::new(match verbosity {
        0 => "urna=info",
        1 => "urna=debug",
        _ => "urna=trace",
    })
}

/// Starts logging into `<data_dir>/logs`. If that folder cannot be written,
/// logging is off and the reason is returned (for a command line to print;
/// the kiosk does not, its screen is the operator's).
pub fn init(data_dir: &Path, verbosity: u8) -> (LogGuard, Option<String>) {
    let dir = log_dir(data_dir);
    let made = std::fs::DirBuilder::new()
        .recursive(true)
        .create(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))
        .and_then(|_| {
            RollingFileAppender::builder()
                .rotation(Rotation::DAILY)
                .filename_prefix("urna")
                .filename_suffix("log")
                .build(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))
        });
    let appender = match made {
        Ok(a) => a,
        Err(why) => return (LogGuard(None), Some(why)),
    };
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter(verbosity))
        .with_writer(writer)
        .with_ansi(false)
        .try_init();
    match installed {
        Ok(()) => (LogGuard(Some(guard)), None),
        // Already set up in this process: keep the first.
        Err(_) => (LogGuard(None), None),
    }
}
