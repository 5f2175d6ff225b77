//! The kiosk: a full-screen terminal UI for volunteers typing paper cards.
//!
//! Elm-style: a key becomes an [`keys::Action`] (or a typed character), one
//! `handle_key` changes the [`App`], and `render` draws it without changing
//! anything. The loop is generic over the ratatui backend, so tests drive the
//! real app with synthetic keys on `TestBackend`.

mod cards;
pub mod damaged;
pub mod demo;
mod entry;
mod entry_notes;
mod entry_render;
mod export;
pub mod form;
pub mod keys;
mod login;
mod prompt;
mod render;
pub mod sender;
mod setup;
pub mod verify;
mod views;
mod work;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::{Input, InputRequest};

use crate::i18n::Lang;
use crate::store::{Operator, Role, Status, Store, StoreError};
use crate::tr;
use keys::Action;

pub use export::QR_WIDTH;
pub use prompt::{Confirm, Prompt, PromptKind};
pub use render::footer_line;
pub use setup::{SetupApp, SetupOutcome, run_setup};

/// The screen locks after this long without a key.
pub const IDLE_LOCK: Duration = Duration::from_secs(10 * 60);

/// A demo operator shown on the training kiosk's login screen.
#[derive(Debug, Clone)]
pub struct DemoOperator {
    pub name: String,
    pub role: Role,
    pub pin: String,
}

/// The whole kiosk.
pub struct App {
    pub store: Store,
    pub lang: Lang,
    /// Training kiosk: demo operators and their PINs are shown at login.
    pub demo: Vec<DemoOperator>,
    pub mode: Mode,
    pub last_activity: Instant,
    pub quit: bool,
    pub day: NaiveDate,
    pub stop: Option<String>,
    /// Half-typed cards of operators who logged out, given back at their
    /// next login.
    pub parked: Vec<(String, entry::EntryState)>,
    /// The background sender to the office, when the kiosk runs one.
    pub sender: Option<sender::Sender>,
}

pub enum Mode {
    Login(login::LoginState),
    /// Idle lock: the work underneath is kept for the same operator.
    Locked(login::LockState, Box<Work>),
    Work(Box<Work>),
    /// The store failed its checks: a full-screen explanation, nothing else.
    Damaged(damaged::DamagedState),
}

/// A logged-in operator's session.
pub struct Work {
    pub operator: Operator,
    pub screen: Screen,
    pub help: bool,
    pub prompt: Option<Prompt>,
    /// One line of feedback: what just happened, or why not.
    pub message: Option<Message>,
    /// The new card being typed while another screen is shown.
    pub draft: Option<entry::EntryState>,
    /// An amendment being typed while another screen is shown.
    pub amending: Option<entry::EntryState>,
}

pub enum Screen {
    Entry(entry::EntryState),
    Cards(cards::CardsState),
    /// F4: the day's counts and the operators' statistics.
    Summary(Box<Status>, Vec<crate::store::stats::OperatorStats>),
    Projects(views::ProjectsState),
    Export(export::ExportState),
    /// Ctrl-R: a card keyed again blind by another operator.
    Verify(verify::VerifyState),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Problem(String),
}

/// What a key in a session leads to.
enum WorkOutcome {
    Stay,
    Lock,
    Logout,
}

impl App {
    /// Opens the kiosk on a store, at the login screen.
    pub fn new(mut store: Store, lang: Lang, demo: Vec<DemoOperator>) -> Result<App, StoreError> {
        // Whoever set the store up logs in like everyone else.
        store.logout();
        let day = store.current_day()?;
        let stop = store.current_stop()?;
        let login = login::LoginState::new(&store)?;
        let mut app = App {
            store,
            lang,
            demo,
            mode: Mode::Login(login),
            last_activity: Instant::now(),
            quit: false,
            day,
            stop,
            parked: Vec::new(),
            sender: None,
        };
        app.notice_damage();
        Ok(app)
    }

    /// Switches to the damaged-store screen once the store's checks (the
    /// quick ones, or the full one finishing in the background) found
    /// anything, and lists there everything they found.
    fn notice_damage(&mut self) {
        let lang = self.lang;
        let problems = self.store.problems();
        if let Mode::Damaged(state) = &mut self.mode {
            // The full check, finishing behind this screen, adds what the
            // quick ones could not see.
            if problems.len() > state.found.len() {
                state.found = problems.iter().map(|p| p.describe(lang)).collect();
            }
            return;
        }
        let found: Vec<String> = problems.iter().map(|p| p.describe(lang)).collect();
        if !found.is_empty() {
            self.store.logout();
            self.mode = Mode::Damaged(damaged::DamagedState::new(found));
        }
    }

    /// Starts the background sender to the office (the real kiosk does; it
    /// does nothing while no office address is set).
    pub fn start_sender(&mut self) {
        self.sender = Some(sender::Sender::start(self.store.dir()));
    }

    /// A card was saved: the sender counts it.
    pub fn card_saved(&self) {
        if let Some(sender) = &self.sender {
            sender.saved();
        }
    }

    /// Whether a day lies outside the edition's voting window.
    pub fn outside_window(&self, day: NaiveDate) -> bool {
        let e = self.store.edition();
        day < e.voting_start || day > e.voting_end
    }

    fn window_text(&self) -> String {
        let e = self.store.edition();
        format!("{} – {}", e.voting_start, e.voting_end)
    }

    /// Time passes: lock an idle session.
    pub fn tick(&mut self, now: Instant) {
        self.notice_damage();
        if now.duration_since(self.last_activity) < IDLE_LOCK {
            return;
        }
        let mode = std::mem::replace(&mut self.mode, Mode::Work(Box::new(Work::placeholder())));
        self.mode = match mode {
            Mode::Work(work) => Mode::Locked(
                login::LockState::new(work.operator.clone(), login::LockWhy::Idle),
                work,
            ),
            other => other,
        };
    }

    /// Nobody has typed for a moment (half a second with no key): the
    /// card index catches up with the cards just saved, so that the next
    /// save has less to write.
    pub fn idle(&mut self) {
        if self.store.index_behind()
            && let Err(e) = self.store.index_pending()
        {
            tracing::warn!(error = %e, "the card index did not catch up");
        }
    }

    /// One key press at `now`.
    pub fn handle_key(&mut self, key: KeyEvent, now: Instant) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.tick(now);
        self.last_activity = now;
        // Which kind of key, never which character: typed text is voters' data.
        tracing::trace!(
            key = match key.code {
                KeyCode::Char(_) => "character".to_string(),
                other => format!("{other:?}"),
            },
            "key"
        );
        let mode = std::mem::replace(&mut self.mode, Mode::Work(Box::new(Work::placeholder())));
        self.mode = match mode {
            Mode::Damaged(state) => {
                self.quit = damaged::quits(&key);
                Mode::Damaged(state)
            }
            Mode::Login(mut state) => match login::handle_login(self, &mut state, key) {
                login::LoginOutcome::Stay => Mode::Login(state),
                login::LoginOutcome::Quit => {
                    self.quit = true;
                    Mode::Login(state)
                }
                login::LoginOutcome::LoggedIn(operator) => {
                    if let Some(sender) = &self.sender {
                        sender.logged_in(self.store.sync_key());
                    }
                    let mut work = Work::new(operator, self);
                    self.after_login(&mut work);
                    Mode::Work(Box::new(work))
                }
            },
            Mode::Locked(mut lock, work) => match login::handle_lock(self, &mut lock, key) {
                login::LockOutcome::Stay => Mode::Locked(lock, work),
                login::LockOutcome::Unlocked => Mode::Work(work),
                login::LockOutcome::Logout => self.logout(work),
            },
            Mode::Work(mut work) => match self.handle_work(&mut work, key) {
                WorkOutcome::Stay => Mode::Work(work),
                WorkOutcome::Lock => Mode::Locked(
                    login::LockState::new(work.operator.clone(), login::LockWhy::Asked),
                    work,
                ),
                WorkOutcome::Logout => self.logout(work),
            },
        };
    }

    fn fresh_login(&self) -> login::LoginState {
        login::LoginState::new(&self.store).unwrap_or_else(|_| login::LoginState::empty())
    }

    /// Logs out: a half-typed new card is kept for the same operator's next
    /// login, and the login screen says so.
    fn logout(&mut self, mut work: Box<Work>) -> Mode {
        work.stash();
        // The operator's keys go with them: no write until the next login
        // (the sender sends what is left first).
        self.store.logout();
        if let Some(sender) = &self.sender {
            sender.logged_in(None);
        }
        let mut login = self.fresh_login();
        if let Some(draft) = work.draft.take().filter(|d| !d.form.is_blank()) {
            self.parked.retain(|(name, _)| *name != work.operator.name);
            self.parked.push((work.operator.name.clone(), draft));
            login.kept_card_of = Some(work.operator.name.clone());
        }
        if let Some(i) = login
            .operators
            .iter()
            .position(|o| o.name == work.operator.name)
        {
            login.selected = i;
        }
        Mode::Login(login)
    }

    /// Right after a login: give back a parked card, and make sure the
    /// voting day is one the operator has seen and agreed to.
    fn after_login(&mut self, work: &mut Work) {
        if let Some(i) = self
            .parked
            .iter()
            .position(|(name, _)| *name == work.operator.name)
        {
            let (_, draft) = self.parked.remove(i);
            work.screen = Screen::Entry(draft);
            work.message = Some(Message::Info(tr!(self.lang, "kiosk-card-back-at-login")));
        }
        let coordinator = work.operator.role == Role::Coordinator;
        let day_set = self.store.day_is_set().unwrap_or(true);
        if !day_set {
            if coordinator {
                let e = self.store.edition();
                let suggested = if self.outside_window(self.day) {
                    e.voting_start
                } else {
                    self.day
                };
                work.prompt = Some(Prompt::new(
                    PromptKind::Day,
                    tr!(
                        self.lang,
                        "kiosk-day-question-new-point",
                        window = self.window_text()
                    ),
                    &suggested.to_string(),
                ));
            } else {
                work.message = Some(Message::Problem(tr!(self.lang, "kiosk-day-not-set")));
            }
            return;
        }
        if self.outside_window(self.day) {
            work.prompt = Some(self.day_question(Confirm::LoginDayOutside, self.day));
        }
    }

    /// Keys of a logged-in session.
    fn handle_work(&mut self, work: &mut Work, key: KeyEvent) -> WorkOutcome {
        if work.help {
            work.help = false;
            return WorkOutcome::Stay;
        }
        if work.prompt.is_some() {
            self.handle_prompt(work, key);
            return WorkOutcome::Stay;
        }
        let scope = work.scope();
        let action = keys::action(scope, true, &key);
        match action {
            Some(Action::Help) => work.help = true,
            Some(Action::Logout) => return WorkOutcome::Logout,
            Some(Action::Lock) => return WorkOutcome::Lock,
            Some(Action::NewCard | Action::ClearCard) => match &work.screen {
                Screen::Entry(state) if state.amend.is_some() => {
                    work.prompt = Some(Prompt::new(
                        PromptKind::Confirm(Confirm::DiscardAmendment),
                        tr!(self.lang, "kiosk-drop-amendment"),
                        "",
                    ));
                }
                Screen::Entry(state) if !state.form.is_blank() => {
                    work.prompt = Some(Prompt::new(
                        PromptKind::Confirm(Confirm::DiscardCard),
                        tr!(self.lang, "kiosk-throw-card-away"),
                        "",
                    ));
                }
                Screen::Entry(_) => {}
                _ => {
                    let back = work.resume(self);
                    work.message = back.1;
                    work.screen = back.0;
                }
            },
            Some(Action::Verify) => {
                work.message = None;
                let state = verify::VerifyState::new(self, &work.operator.name);
                work.show(Screen::Verify(state));
            }
            Some(Action::Cards) => {
                work.message = None;
                work.show(Screen::Cards(cards::CardsState::new(self)));
            }
            Some(Action::Summary) => {
                work.message = None;
                match self
                    .store
                    .status_of(Some(self.day))
                    .and_then(|s| Ok((s, self.store.operator_stats()?)))
                {
                    Ok((s, stats)) => work.show(Screen::Summary(Box::new(s), stats)),
                    Err(e) => work.message = Some(Message::Problem(e.describe(self.lang))),
                }
            }
            Some(Action::Projects) => {
                work.message = None;
                let district = work.typed_district(self);
                work.show(Screen::Projects(views::ProjectsState::new(self, district)));
            }
            Some(Action::Export) => {
                if work.operator.role != Role::Coordinator {
                    work.message = Some(Message::Problem(tr!(
                        self.lang,
                        "kiosk-export-coordinator-only"
                    )));
                } else {
                    work.message = None;
                    work.show(Screen::Export(export::ExportState::new(
                        export::removable_drives(),
                    )));
                }
            }
            Some(Action::DayAndStop) => {
                if work.operator.role != Role::Coordinator {
                    work.message = Some(Message::Problem(tr!(
                        self.lang,
                        "kiosk-day-coordinator-only"
                    )));
                } else {
                    work.prompt = Some(Prompt::new(
                        PromptKind::Day,
                        tr!(self.lang, "kiosk-day-question"),
                        &self.day.to_string(),
                    ));
                }
            }
            _ => {
                let mut screen = std::mem::replace(
                    &mut work.screen,
                    Screen::Summary(Box::<Status>::default(), Vec::new()),
                );
                match &mut screen {
                    Screen::Entry(state) => entry::handle(self, work, state, action, key),
                    Screen::Cards(state) => {
                        if let Some(next) = cards::handle(self, work, state, action, key) {
                            screen = next;
                        }
                    }
                    Screen::Export(state) => {
                        if let Some(next) = export::handle(self, work, state, action, key) {
                            screen = next;
                        }
                    }
                    Screen::Verify(state) => {
                        if let Some(next) = verify::handle(self, work, state, action, key) {
                            screen = next;
                        }
                    }
                    Screen::Summary(..) | Screen::Projects(_) => {
                        if let Some(next) = views::handle(self, work, &mut screen, action, key) {
                            screen = next;
                        }
                    }
                }
                work.screen = screen;
            }
        }
        WorkOutcome::Stay
    }
}

/// Edits a one-line input with a key that is not bound to an action.
pub fn edit_input(input: &mut Input, key: KeyEvent) {
    let request = match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(InputRequest::InsertChar(c))
        }
        KeyCode::Backspace => Some(InputRequest::DeletePrevChar),
        KeyCode::Delete => Some(InputRequest::DeleteNextChar),
        KeyCode::Left => Some(InputRequest::GoToPrevChar),
        KeyCode::Right => Some(InputRequest::GoToNextChar),
        KeyCode::Home => Some(InputRequest::GoToStart),
        KeyCode::End => Some(InputRequest::GoToEnd),
        _ => None,
    };
    if let Some(r) = request {
        input.handle(r);
    }
}

/// Runs `f` on the full-screen terminal and restores the terminal afterwards
/// (and on panic: `try_init` installs the hook). Without a terminal it says so
/// instead of failing half-way.
pub fn with_terminal<R>(
    f: impl FnOnce(&mut ratatui::DefaultTerminal) -> std::io::Result<R>,
) -> std::io::Result<R> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(std::io::Error::other(crate::foreign::io::NoTerminal));
    }
    let mut terminal = ratatui::try_init()?;
    let result = f(&mut terminal);
    ratatui::restore();
    result
}

/// Runs the kiosk on a real terminal until the operator quits. The terminal
/// is restored on exit and on panic.
pub fn run(app: &mut App) -> std::io::Result<()> {
    with_terminal(|terminal| -> std::io::Result<()> {
        while !app.quit {
            terminal.draw(|f| app.render(f))?;
            if event::poll(Duration::from_millis(500))? {
                match event::read()? {
                    Event::Key(key) => app.handle_key(key, Instant::now()),
                    Event::Resize(_, _) => {}
                    _ => {}
                }
            } else {
                app.tick(Instant::now());
                app.idle();
            }
        }
        Ok(())
    })
}
