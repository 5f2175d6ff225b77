//! The command line. The clap types here only parse and dispatch; each
//! subcommand lives in its own module with a `run`.
//!
//! Exit codes: 0 all is well, 1 something was found wrong (invalid or rejected
//! rows, a failed check), 2 the command could not be used as given (usage, a
//! missing store, an unreadable input file).

mod assets;
mod audit_sample;
mod bundle;
mod central;
mod completions;
mod edition;
pub mod help;
mod import_cards;
mod init;
mod kiosk;
mod operator;
mod out;
mod serve;
mod status;
mod sync;
mod tally;
mod verification;

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::i18n::Lang;
use crate::store::{Store, StoreError};
use crate::tr;
use out::say;

#[derive(Debug, Parser)]
#[command(
    name = "urna",
    version = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("URNA_GIT_COMMIT"), ")"),
    about = "Offline kiosk and central tally for a participatory budget (Budżet Obywatelski)"
)]
pub struct Cli {
    /// More detail in the log file (-v debug, -vv trace); URNA_LOG overrides
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Where this kiosk keeps its data (default: the platform's data directory)
    #[arg(long, global = true, env = "URNA_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of messages
    #[arg(long, global = true, value_enum, default_value = "pl")]
    pub lang: Lang,
    /// Without a command: the kiosk (a setup screen first on a new data dir)
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// A training kiosk on the bundled 2014 edition, in a throw-away data dir
    Demo,
    /// Set up this kiosk: edition, polling point, first coordinator
    Init(init::InitArgs),
    /// Manage operators (volunteers and coordinators)
    #[command(subcommand)]
    Operator(operator::OperatorCommand),
    /// Enter cards typed elsewhere from a card CSV, with the same rules and journal
    ImportCards(import_cards::ImportArgs),
    /// Show counts: cards, valid, invalid by reason, operators, journal
    Status(status::StatusArgs),
    /// Verify the store: SQLite integrity, the journal's chain and seal, and
    /// every table against the journal
    Check,
    /// The central office's key: `urna central set AGE_RECIPIENT --as NAME`
    #[command(subcommand)]
    Central(central::CentralCommand),
    /// Send the office's sync server what it does not hold yet, now
    Sync(sync::SyncArgs),
    /// How much the point verifies: `urna verification set all|sample --as NAME`
    #[command(subcommand)]
    Verification(verification::VerificationCommand),
    /// Check edition files or build one from Pabulib data
    #[command(subcommand)]
    Edition(edition::EditionCommand),
    /// Print this kiosk's public signing key (minisign format)
    Key,
    /// Write the end-of-day bundle and the day's protocol (a coordinator)
    Export(bundle::ExportArgs),
    /// Check a bundle without the office key and print its manifest
    Verify(bundle::VerifyArgs),
    /// Print where this user's data, keys and logs live
    Paths,
    /// The central office: trust kiosks, import bundles and internet votes, count
    #[command(subcommand)]
    Tally(tally::TallyCommand),
    /// Write the man page and shell completions into a folder (for packaging)
    #[command(hide = true)]
    GenerateAssets {
        /// The folder to write into
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

/// A command that did not succeed: the exit code and what to tell the user.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Exit 2: the command cannot be used as given.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// Exit 1: the command ran and found something wrong.
    pub fn found(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

/// Runs a parsed command line; `Ok(code)` is the exit code of a command that
/// reported its own results.
pub fn run(cli: Cli) -> Result<u8, Failure> {
    let ctx = Context {
        lang: cli.lang,
        data_dir: cli.data_dir,
        verbose: cli.verbose,
    };
    // Commands on an existing data dir (a kiosk's or the office's) log
    // there; the kiosk and the demo
    // start their own log once their data dir exists.
    let _log = match (&cli.command, ctx.data_dir()) {
        (Some(Command::Demo) | None, _) => None,
        (_, Ok(dir))
            if dir.join(crate::store::DB_FILE).is_file()
                || dir.join(crate::tally::store::DB_FILE).is_file() =>
        {
            let (guard, _) = crate::logging::init(&dir, ctx.verbose);
            Some(guard)
        }
        _ => None,
    };
    let Some(command) = cli.command else {
        return kiosk::run(&ctx);
    };
    match command {
        Command::Demo => kiosk::demo(&ctx),
        Command::Init(args) => init::run(&ctx, args),
        Command::Operator(cmd) => operator::run(&ctx, cmd),
        Command::ImportCards(args) => import_cards::run(&ctx, args),
        Command::Status(args) => status::run(&ctx, args),
        Command::Check => status::check(&ctx),
        Command::Central(cmd) => central::run(&ctx, cmd),
        Command::Verification(cmd) => verification::run(&ctx, cmd),
        Command::Sync(args) => sync::run(&ctx, args),
        Command::Edition(cmd) => edition::run(&ctx, cmd),
        Command::Key => bundle::key(&ctx),
        Command::Export(args) => bundle::export(&ctx, args),
        Command::Verify(args) => bundle::verify(&ctx, args),
        Command::Paths => paths(&ctx),
        Command::Tally(cmd) => tally::run(&ctx, cmd),
        Command::GenerateAssets { out } => assets::generate(&out),
    }
}

/// What every subcommand gets.
pub struct Context {
    pub lang: Lang,
    data_dir: Option<PathBuf>,
    pub verbose: u8,
}

/// `urna paths`: where this user's data, keys and logs live.
fn paths(ctx: &Context) -> Result<u8, Failure> {
    use crate::store::{DB_FILE, SECRET_FILE, signing};
    use crate::tally::store as office;
    let dir = ctx.data_dir()?;
    // The office's directory has its own files; anything else is (or will
    // be) a kiosk's.
    let lang = ctx.lang;
    let rows: Vec<(String, PathBuf)> = if dir.join(office::DB_FILE).is_file() {
        vec![
            (tr!(lang, "cli-paths-office-data"), dir.clone()),
            (tr!(lang, "cli-paths-database"), dir.join(office::DB_FILE)),
            (
                tr!(lang, "cli-paths-office-identity"),
                dir.join(office::IDENTITY_FILE),
            ),
            (tr!(lang, "cli-paths-logs"), crate::logging::log_dir(&dir)),
        ]
    } else {
        vec![
            (tr!(lang, "cli-paths-data"), dir.clone()),
            (tr!(lang, "cli-paths-database"), dir.join(DB_FILE)),
            (
                tr!(lang, "cli-paths-signing-key"),
                dir.join(signing::KEY_FILE),
            ),
            (
                tr!(lang, "cli-paths-public-key"),
                dir.join(signing::PUB_FILE),
            ),
            (tr!(lang, "cli-paths-pin-secret"), dir.join(SECRET_FILE)),
            (tr!(lang, "cli-paths-logs"), crate::logging::log_dir(&dir)),
        ]
    };
    let editions = tr!(lang, "cli-paths-editions");
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count() + 2)
        .max()
        .unwrap_or(16)
        .max(16);
    for (label, path) in &rows {
        say!("{:<width$} {}", format!("{label}:"), path.display());
    }
    if !dir.join(office::DB_FILE).is_file() {
        say!(
            "{:<width$} {}",
            format!("{editions}:"),
            kiosk::editions_dir().display()
        );
    }
    Ok(0)
}

impl Context {
    /// The data directory: `--data-dir`, `URNA_DATA_DIR`, or the platform's.
    pub fn data_dir(&self) -> Result<PathBuf, Failure> {
        if let Some(d) = &self.data_dir {
            return Ok(d.clone());
        }
        directories::ProjectDirs::from("", "", "urna")
            .map(|p| p.data_dir().to_path_buf())
            .ok_or_else(|| Failure::usage(tr!(self.lang, "cli-no-data-dir")))
    }

    /// The data directory only when one was given (`--data-dir` or the
    /// environment).
    pub fn given_data_dir(&self) -> Option<&std::path::Path> {
        self.data_dir.as_deref()
    }

    /// Opens the store, or explains why it cannot be opened.
    pub fn open_store(&self) -> Result<Store, Failure> {
        let dir = self.data_dir()?;
        Store::open(&dir).map_err(|e| self.store_failure(e))
    }

    /// A store error in the user's language where it matters most.
    pub fn store_failure(&self, e: StoreError) -> Failure {
        match e {
            e @ (StoreError::NotInitialised(_) | StoreError::AlreadyInitialised(_)) => {
                Failure::usage(e.describe(self.lang))
            }
            StoreError::Login(l) => Failure::usage(l.describe(self.lang)),
            StoreError::Damaged(problems) => Failure::found(damaged_text(self.lang, &problems)),
            e @ StoreError::NotCoordinator => Failure::usage(e.describe(self.lang)),
            other => Failure::found(other.describe(self.lang)),
        }
    }

    /// Opens the store for a change: the full check first (a damaged store
    /// is refused before any PIN is asked), then `name` logs in with a PIN.
    pub fn open_for_change(&self, name: &str, pin_stdin: bool) -> Result<Store, Failure> {
        let mut store = self.open_store()?;
        store.ensure_sound().map_err(|e| self.store_failure(e))?;
        let pin = read_pin(self.lang, pin_stdin, name)?;
        store
            .login(name, &pin, chrono::Local::now())
            .map_err(|e| self.store_failure(e))?;
        Ok(store)
    }

    /// Logs a coordinator in on an open store (asked for the PIN).
    pub fn login_coordinator(
        &self,
        store: &mut Store,
        name: &str,
        pin_stdin: bool,
    ) -> Result<crate::store::Operator, Failure> {
        let pin = read_pin(self.lang, pin_stdin, name)?;
        let op = store
            .login(name, &pin, chrono::Local::now())
            .map_err(|e| self.store_failure(e))?;
        if op.role != crate::store::Role::Coordinator {
            store.logout();
            return Err(self.store_failure(StoreError::NotCoordinator));
        }
        Ok(op)
    }
}

/// What a damaged store says, with what to do, in `lang`.
pub fn damaged_text(lang: Lang, problems: &[crate::store::check::Problem]) -> String {
    let mut out = tr!(lang, "cli-store-damaged");
    for p in problems {
        out.push_str("\n  ");
        out.push_str(&p.describe(lang));
    }
    out
}

/// A new PIN: one line from stdin with `--pin-stdin`, otherwise asked twice on
/// the terminal without echo.
pub fn read_new_pin(lang: Lang, from_stdin: bool, whose: &str) -> Result<String, Failure> {
    if from_stdin {
        return read_pin(lang, true, whose);
    }
    if !std::io::stdin().is_terminal() {
        return read_pin(lang, false, whose);
    }
    let ask = |prompt: String| {
        rpassword::prompt_password(prompt)
            .map_err(|e| Failure::usage(format!("PIN: {}", crate::foreign::io_error(lang, &e))))
    };
    let first = ask(pin_prompt(lang, whose))?;
    let second = ask(format!("{} ", tr!(lang, "cli-pin-repeat")))?;
    if first != second {
        return Err(Failure::usage(tr!(lang, "cli-pins-differ")));
    }
    Ok(first)
}

/// An existing PIN: one line from stdin with `--pin-stdin`, otherwise asked
/// once on the terminal without echo.
pub fn read_pin(lang: Lang, from_stdin: bool, whose: &str) -> Result<String, Failure> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| {
            Failure::usage(format!("stdin: {}", crate::foreign::io_error(lang, &e)))
        })?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_string());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(tr!(lang, "cli-pin-no-terminal")));
    }
    rpassword::prompt_password(pin_prompt(lang, whose))
        .map_err(|e| Failure::usage(format!("PIN: {}", crate::foreign::io_error(lang, &e))))
}

/// "PIN dla Anna: ", the prompt before a PIN is typed.
fn pin_prompt(lang: Lang, whose: &str) -> String {
    format!("{} ", tr!(lang, "cli-pin-for", name = whose))
}

/// Shared flag for commands that read a PIN.
#[derive(Debug, Args)]
pub struct PinArgs {
    /// Read the PIN as one line from standard input instead of the terminal
    #[arg(long)]
    pub pin_stdin: bool,
}
