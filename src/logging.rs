//! Logs: a daily-rotated file `logs/urna.YYYY-MM-DD.log` in the data dir,
//! never the screen (the kiosk owns the terminal). `-v` / `-vv` or `URNA_LOG`
//! (a tracing filter such as `debug` or `urna=trace`) give more detail.
//!
//! Nothing personal is logged: card ids, verdicts and reason codes, operator
//! names, file names — never a voter's PESEL, name or address, and never the
//! characters typed at the kiosk.

use std::fs::{DirBuilder, File, OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tracing_appender::non_blocking::WorkerGuard;
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

/// Mode of the log folder and of each log file, whatever the umask: log lines
/// name operators and card ids.
pub const DIR_MODE: u32 = 0o700;
pub const FILE_MODE: u32 = 0o600;

/// The log file of a day.
pub fn file_name(day: NaiveDate) -> String {
    format!("urna.{}.log", day.format("%Y-%m-%d"))
}

/// A log file a day (UTC), each created 0600 by urna itself: tracing-appender's
/// own rolling appender creates files with the umask's mode.
struct DailyFile {
    dir: PathBuf,
    day: NaiveDate,
    file: File,
}

fn open_private(path: &Path) -> std::io::Result<File> {
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(FILE_MODE)
        .open(path)?;
    // A file made before (by an older urna, or by hand) is tightened too.
    file.set_permissions(Permissions::from_mode(FILE_MODE))?;
    Ok(file)
}

impl DailyFile {
    fn open(dir: &Path) -> std::io::Result<DailyFile> {
        let day = chrono::Utc::now().date_naive();
        Ok(DailyFile {
            dir: dir.to_path_buf(),
            day,
            file: open_private(&dir.join(file_name(day)))?,
        })
    }
}

impl Write for DailyFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let today = chrono::Utc::now().date_naive();
        if today != self.day {
            self.file = open_private(&self.dir.join(file_name(today)))?;
            self.day = today;
        }
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Creates the log folder 0700, or tightens an existing one to 0700.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)?;
    std::fs::set_permissions(dir, Permissions::from_mode(DIR_MODE))
}

/// Starts logging into `<data_dir>/logs`. If that folder cannot be written,
/// logging is off and the reason is returned (for a command line to print;
/// the kiosk does not, its screen is the operator's).
pub fn init(data_dir: &Path, verbosity: u8) -> (LogGuard, Option<String>) {
    let dir = log_dir(data_dir);
    let made = private_dir(&dir)
        .and_then(|()| DailyFile::open(&dir))
        .map_err(|e| format!("{}: {e}", dir.display()));
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
