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
mod export;
pub mod form;
pub mod keys;
mod login;
pub mod sender;
mod setup;
pub mod verify;
mod views;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use tui_input::{Input, InputRequest};

use crate::i18n::{Lang, t};
use crate::store::{Operator, Role, Status, Store, StoreError};
use keys::{Action, Scope};

pub use export::QR_WIDTH;
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

/// A one-line question over the current screen.
pub struct Prompt {
    pub kind: PromptKind,
    pub question: String,
    pub input: Input,
    pub error: Option<String>,
}

pub enum PromptKind {
    AmendReason {
        card_id: String,
        card: Box<crate::card::RawCard>,
    },
    VoidReason {
        card_id: String,
    },
    Day,
    Stop,
    /// A yes/no question: `t`/`y` is yes, `n` or Esc is no.
    Confirm(Confirm),
}

/// What a yes/no question decides.
pub enum Confirm {
    /// F2 or Ctrl-K on a half-typed card.
    DiscardCard,
    /// F2 or Ctrl-K while amending a card.
    DiscardAmendment,
    /// F10: a day outside the edition's voting window.
    DayOutside(NaiveDate),
    /// At login: the day set is outside the edition's voting window.
    LoginDayOutside,
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
    /// anything.
    fn notice_damage(&mut self) {
        if matches!(self.mode, Mode::Damaged(_)) {
            return;
        }
        let lang = self.lang;
        let found: Vec<String> = self
            .store
            .problems()
            .iter()
            .map(|p| p.describe(lang))
            .collect();
        if !found.is_empty() {
            self.store.logout();
            self.mode = Mode::Damaged(damaged::DamagedState::new(found));
        }
    }

    /// Starts the background sender to the office (the real kiosk does; it
    /// does nothing while no office address is set).
    pub fn start_sender(&mut self) {
        self.sender = Some(sender::Sender::start(self.store.dir(), self.lang));
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

    pub fn t<'a>(&self, pl: &'a str, en: &'a str) -> &'a str {
        t(self.lang, pl, en)
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
            login.notice = Some(match self.lang {
                Lang::Pl => format!(
                    "{}: niezapisana karta czeka — wróci po zalogowaniu.",
                    work.operator.name
                ),
                Lang::En => format!(
                    "{}'s unsaved card is kept — it comes back at login.",
                    work.operator.name
                ),
            });
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
            work.message = Some(Message::Info(
                self.t(
                    "Twoja niezapisana karta wróciła — pisz dalej.",
                    "Your unsaved card is back — carry on typing.",
                )
                .into(),
            ));
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
                    &match self.lang {
                        Lang::Pl => format!(
                            "Nowy punkt: dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD; głosowanie {}):",
                            self.window_text()
                        ),
                        Lang::En => format!(
                            "A new point: the voting day whose urn you enter (YYYY-MM-DD; voting {}):",
                            self.window_text()
                        ),
                    },
                    &suggested.to_string(),
                ));
            } else {
                work.message = Some(Message::Problem(
                    self.t(
                        "Dzień głosowania nie jest jeszcze ustawiony — koordynator ustawia go klawiszem F10.",
                        "The voting day is not set yet — a coordinator sets it with F10.",
                    )
                    .into(),
                ));
            }
            return;
        }
        if self.outside_window(self.day) {
            work.prompt = Some(self.day_question(Confirm::LoginDayOutside, self.day));
        }
    }

    /// The yes/no question about a day outside the voting window.
    fn day_question(&self, kind: Confirm, day: NaiveDate) -> Prompt {
        let question = match self.lang {
            Lang::Pl => format!(
                "! Dzień {day} jest poza terminem głosowania ({}): karty z tego dnia będą NIEWAŻNE (poza terminem). Czy to na pewno ten dzień? t — tak, n — nie",
                self.window_text()
            ),
            Lang::En => format!(
                "! {day} is outside the voting window ({}): cards of that day will be INVALID (outside the window). Is it really that day? y — yes, n — no",
                self.window_text()
            ),
        };
        Prompt::new(PromptKind::Confirm(kind), &question, "")
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
                        self.t(
                            "Porzucić poprawianie tej karty? Zapisana karta zostaje bez zmian. t — tak, n — nie",
                            "Drop this amendment? The saved card stays as it is. y — yes, n — no",
                        ),
                        "",
                    ));
                }
                Screen::Entry(state) if !state.form.is_blank() => {
                    work.prompt = Some(Prompt::new(
                        PromptKind::Confirm(Confirm::DiscardCard),
                        self.t(
                            "Wyrzucić niezapisaną kartę i zacząć nową? t — tak, n — nie",
                            "Throw away the unsaved card and start a new one? y — yes, n — no",
                        ),
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
                    work.message = Some(Message::Problem(
                        self.t(
                            "Dzień zamyka i eksportuje koordynator.",
                            "Only a coordinator closes the day and exports.",
                        )
                        .into(),
                    ));
                } else {
                    work.message = None;
                    work.show(Screen::Export(export::ExportState::new(
                        export::removable_drives(),
                    )));
                }
            }
            Some(Action::DayAndStop) => {
                if work.operator.role != Role::Coordinator {
                    work.message = Some(Message::Problem(
                        self.t(
                            "Dzień i postój ustawia koordynator.",
                            "Only a coordinator sets the day and stop.",
                        )
                        .into(),
                    ));
                } else {
                    work.prompt = Some(Prompt::new(
                        PromptKind::Day,
                        self.t(
                            "Dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD):",
                            "Voting day whose urn you are entering (YYYY-MM-DD):",
                        ),
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

    fn handle_prompt(&mut self, work: &mut Work, key: KeyEvent) {
        let Some(mut prompt) = work.prompt.take() else {
            return;
        };
        if let PromptKind::Confirm(confirm) = &prompt.kind {
            match keys::action(Scope::Confirm, false, &key) {
                Some(Action::Yes) => self.confirmed(work, confirm, true),
                Some(Action::No) => self.confirmed(work, confirm, false),
                _ => work.prompt = Some(prompt),
            }
            return;
        }
        match keys::action(Scope::Prompt, false, &key) {
            Some(Action::Back) => {
                work.message = Some(Message::Info(self.t("Anulowano.", "Cancelled.").into()));
                return;
            }
            Some(Action::Confirm) => {
                let answer = prompt.input.value().trim().to_string();
                match self.answer(work, &prompt.kind, &answer) {
                    Ok(None) => {}
                    Ok(Some(next)) => work.prompt = Some(next),
                    Err(problem) => {
                        prompt.error = Some(problem);
                        work.prompt = Some(prompt);
                    }
                }
                return;
            }
            _ => edit_input(&mut prompt.input, key),
        }
        work.prompt = Some(prompt);
    }

    /// Carries out a confirmed prompt; `Err` keeps the prompt open with a reason.
    fn answer(
        &mut self,
        work: &mut Work,
        kind: &PromptKind,
        answer: &str,
    ) -> Result<Option<Prompt>, String> {
        let who = work.operator.name.clone();
        match kind {
            PromptKind::Day => {
                let day: NaiveDate = answer.parse().map_err(|_| {
                    self.t("To nie jest data RRRR-MM-DD.", "Not a YYYY-MM-DD date.")
                        .to_string()
                })?;
                if self.outside_window(day) {
                    return Ok(Some(self.day_question(Confirm::DayOutside(day), day)));
                }
                self.set_day(work, day)
            }
            PromptKind::Confirm(_) => Ok(None),
            PromptKind::Stop => {
                if answer.is_empty() {
                    return Err(self.t("Wpisz miejsce postoju.", "Type the stop.").into());
                }
                self.store
                    .set_stop(answer, &who)
                    .map_err(|e| e.describe(self.lang))?;
                self.stop = Some(answer.to_string());
                work.message = Some(Message::Info(format!(
                    "{} {answer}.",
                    self.t("Postój:", "Stop:")
                )));
                Ok(None)
            }
            PromptKind::VoidReason { card_id } => {
                if answer.is_empty() {
                    return Err(self.t("Podaj powód.", "Give a reason.").into());
                }
                self.store
                    .void_card(card_id, &who, answer)
                    .map_err(|e| e.describe(self.lang))?;
                work.message = Some(Message::Info(format!(
                    "{} {card_id}.",
                    self.t("Unieważniono kartę", "Voided card")
                )));
                work.screen = Screen::Cards(cards::CardsState::new(self));
                Ok(None)
            }
            PromptKind::AmendReason { card_id, card } => {
                if answer.is_empty() {
                    return Err(self.t("Podaj powód.", "Give a reason.").into());
                }
                let saved = self
                    .store
                    .amend_card(card_id, (**card).clone(), &who, answer)
                    .map_err(|e| e.describe(self.lang))?;
                work.message = Some(Message::Info(format!(
                    "{} {card_id} ({}).",
                    self.t("Poprawiono kartę", "Amended card"),
                    if saved.assessment.is_valid() {
                        self.t("ważna", "valid")
                    } else {
                        self.t("nieważna", "invalid")
                    }
                )));
                work.screen = Screen::Cards(cards::CardsState::new(self));
                Ok(None)
            }
        }
    }

    /// Sets the voting day (asked and, outside the window, confirmed), then
    /// at a mobile point asks for the stop.
    fn set_day(&mut self, work: &mut Work, day: NaiveDate) -> Result<Option<Prompt>, String> {
        let who = work.operator.name.clone();
        self.store
            .set_day(day, &who)
            .map_err(|e| e.describe(self.lang))?;
        self.day = day;
        work.message = Some(Message::Info(format!(
            "{} {day}{}.",
            self.t("Karty są wprowadzane pod dniem", "Cards are entered under"),
            if self.outside_window(day) {
                self.t(
                    " (poza terminem głosowania)",
                    " (outside the voting window)",
                )
            } else {
                ""
            }
        )));
        if self.store.point().mobile {
            return Ok(Some(Prompt::new(
                PromptKind::Stop,
                self.t("Miejsce postoju punktu mobilnego:", "Mobile point's stop:"),
                self.stop.as_deref().unwrap_or(""),
            )));
        }
        Ok(None)
    }

    /// A yes/no question answered.
    fn confirmed(&mut self, work: &mut Work, confirm: &Confirm, yes: bool) {
        match (confirm, yes) {
            (Confirm::DiscardCard, true) => {
                work.screen = Screen::Entry(entry::EntryState::new(&self.store));
                work.message = Some(Message::Info(
                    self.t(
                        "Karta wyrzucona — nowa karta.",
                        "Card thrown away — a new card.",
                    )
                    .into(),
                ));
            }
            (Confirm::DiscardAmendment, true) => {
                work.amending = None;
                let (screen, message) = work.resume(self);
                work.screen = screen;
                work.message = message.or_else(|| {
                    Some(Message::Info(
                        self.t("Poprawianie porzucone.", "Amendment dropped.")
                            .into(),
                    ))
                });
            }
            (Confirm::DiscardCard | Confirm::DiscardAmendment, false) => {
                work.message = Some(Message::Info(
                    self.t("Karta zostaje.", "The card stays.").into(),
                ));
            }
            (Confirm::DayOutside(day), true) => match self.set_day(work, *day) {
                Ok(next) => work.prompt = next,
                Err(e) => work.message = Some(Message::Problem(e)),
            },
            (Confirm::DayOutside(_), false) => {
                work.prompt = Some(Prompt::new(
                    PromptKind::Day,
                    self.t(
                        "Dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD):",
                        "Voting day whose urn you are entering (YYYY-MM-DD):",
                    ),
                    &self.day.to_string(),
                ));
            }
            (Confirm::LoginDayOutside, true) => {
                work.message = Some(Message::Info(format!(
                    "{} {} {}.",
                    self.t("Karty są wprowadzane pod dniem", "Cards are entered under"),
                    self.day,
                    self.t("(poza terminem głosowania)", "(outside the voting window)")
                )));
            }
            (Confirm::LoginDayOutside, false) if work.operator.role == Role::Coordinator => {
                work.prompt = Some(Prompt::new(
                    PromptKind::Day,
                    self.t(
                        "Dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD):",
                        "Voting day whose urn you are entering (YYYY-MM-DD):",
                    ),
                    &self.store.edition().voting_start.to_string(),
                ));
            }
            (Confirm::LoginDayOutside, false) => {
                work.message = Some(Message::Problem(
                    self.t(
                        "Poproś koordynatora o ustawienie dnia głosowania (F10), zanim wprowadzisz karty.",
                        "Ask a coordinator to set the voting day (F10) before entering cards.",
                    )
                    .into(),
                ));
            }
        }
    }

    /// Draws the whole kiosk.
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        match &self.mode {
            Mode::Login(state) => login::render_login(self, state, frame, area),
            Mode::Locked(lock, _) => login::render_lock(self, lock, frame, area),
            Mode::Work(work) => self.render_work(work, frame, area),
            Mode::Damaged(state) => {
                damaged::render(self.lang, self.store.dir(), state, frame, area)
            }
        }
    }

    fn render_work(&self, work: &Work, frame: &mut Frame, area: Rect) {
        let [header, body, message, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(self.header_line_in(Some(&work.operator), header.width)),
            header,
        );
        match &work.screen {
            Screen::Entry(state) => entry::render(self, work, state, frame, body),
            Screen::Cards(state) => cards::render(self, work, state, frame, body),
            Screen::Summary(status, stats) => {
                views::render_summary(self, status, stats, frame, body)
            }
            Screen::Projects(state) => views::render_projects(self, state, frame, body),
            Screen::Export(state) => export::render(self, state, frame, body),
            Screen::Verify(state) => verify::render(self, work, state, frame, body),
        }
        if let Some(m) = &work.message {
            let line = match m {
                Message::Info(s) => Line::from(format!("» {s}")),
                Message::Problem(s) => Line::from(Span::styled(
                    format!("✗ {s}"),
                    Style::default().add_modifier(Modifier::BOLD),
                )),
            };
            frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: false }), message);
        }
        frame.render_widget(
            Paragraph::new(footer_line(self.lang, work.scope(), footer.width)),
            footer,
        );
        if let Some(prompt) = &work.prompt {
            render_prompt(self, prompt, frame, area);
        }
        if work.help {
            views::render_help(self, work.scope(), frame, area);
        }
    }

    /// The top line: point, day, stop, operator, training. At 80 columns
    /// the operator and role stay whole; the stop gives way, cut with `…`.
    pub fn header_line(&self, operator: Option<&Operator>) -> Line<'static> {
        self.header_line_in(operator, 80)
    }

    /// The top line fitted into `width` columns.
    pub fn header_line_in(&self, operator: Option<&Operator>, width: u16) -> Line<'static> {
        let p = self.store.point();
        let who =
            operator.map(|op| format!("{} ({})", op.name, crate::i18n::role(self.lang, op.role)));
        let width = width as usize;
        let sync = self.sender.as_ref().map(|s| s.status());
        let sync_words = |short: bool| sync.as_ref().and_then(|s| s.words(self.lang, short));
        // What gives way first: "urna · " before the point, then the
        // office's words shorten, then the stop is cut.
        let build = |level: u8, stop_room: Option<usize>| -> Vec<String> {
            let mut parts = Vec::new();
            if p.training {
                parts.push(self.t("TRENING", "TRAINING").to_string());
            }
            parts.push(if level > 0 {
                p.id.clone()
            } else {
                format!("urna · {}", p.id)
            });
            parts.push(self.day.to_string());
            if let Some(stop) = &self.stop {
                let stop = match stop_room {
                    Some(room) => entry::fit(stop, room.max(4)),
                    None => stop.clone(),
                };
                parts.push(format!("{} {stop}", self.t("postój:", "stop:")));
            }
            parts.extend(who.clone());
            if let Some(words) = sync_words(level > 1) {
                parts.push(words);
            }
            parts
        };
        let len = |parts: &[String]| parts.join(" · ").chars().count();
        let mut parts = build(0, None);
        for level in 1..=2 {
            if len(&parts) > width {
                parts = build(level, None);
            }
        }
        if len(&parts) > width
            && let Some(stop) = &self.stop
        {
            let over = len(&parts) - width;
            parts = build(2, Some(stop.chars().count().saturating_sub(over)));
        }
        Line::from(Span::styled(
            parts.join(" · "),
            Style::default().add_modifier(Modifier::REVERSED),
        ))
    }
}

impl Work {
    fn new(operator: Operator, app: &App) -> Work {
        Work {
            operator,
            screen: Screen::Entry(entry::EntryState::new(&app.store)),
            help: false,
            prompt: None,
            message: None,
            draft: None,
            amending: None,
        }
    }

    fn placeholder() -> Work {
        Work {
            operator: Operator {
                name: String::new(),
                role: Role::Volunteer,
            },
            screen: Screen::Summary(Box::<Status>::default(), Vec::new()),
            help: false,
            prompt: None,
            message: None,
            draft: None,
            amending: None,
        }
    }

    /// Keeps the card on screen (new or amended) aside while another
    /// screen is shown.
    fn stash(&mut self) {
        let screen = std::mem::replace(
            &mut self.screen,
            Screen::Summary(Box::<Status>::default(), Vec::new()),
        );
        match screen {
            Screen::Entry(state) if state.amend.is_some() => self.amending = Some(state),
            Screen::Entry(state) => self.draft = Some(state),
            other => self.screen = other,
        }
    }

    /// Shows another screen; the card being typed waits.
    pub fn show(&mut self, screen: Screen) {
        self.stash();
        self.screen = screen;
    }

    /// The card screen again: the amendment or the new card that was being
    /// typed, or an empty card; with a line saying a card came back.
    pub fn resume(&mut self, app: &App) -> (Screen, Option<Message>) {
        if let Some(state) = self.amending.take().or_else(|| self.draft.take()) {
            let back = (!state.form.is_blank() || state.amend.is_some()).then(|| {
                Message::Info(
                    app.t(
                        "Niezapisana karta wróciła — pisz dalej (F2 jeszcze raz: nowa karta).",
                        "The unsaved card is back — carry on (F2 again: a new card).",
                    )
                    .into(),
                )
            });
            return (Screen::Entry(state), back);
        }
        (Screen::Entry(entry::EntryState::new(&app.store)), None)
    }

    /// The district typed on the card being entered, if it names one.
    fn typed_district(&self, app: &App) -> Option<u32> {
        let state = match &self.screen {
            Screen::Entry(state) => Some(state),
            _ => self.amending.as_ref().or(self.draft.as_ref()),
        }?;
        state.form.district(app.store.edition()).map(|d| d.number)
    }

    /// The key scope of what is on screen.
    pub fn scope(&self) -> Scope {
        if let Some(prompt) = &self.prompt {
            return if matches!(prompt.kind, PromptKind::Confirm(_)) {
                Scope::Confirm
            } else {
                Scope::Prompt
            };
        }
        match &self.screen {
            Screen::Entry(state) if state.form.reviewing && !state.review_valid => {
                Scope::ReviewInvalid
            }
            Screen::Entry(state) if state.form.reviewing => Scope::Review,
            Screen::Entry(_) => Scope::Entry,
            Screen::Cards(state) if state.open.is_some() => Scope::CardDetail,
            Screen::Cards(_) => Scope::Cards,
            Screen::Summary(..) | Screen::Projects(_) => Scope::View,
            Screen::Export(state) if state.done.is_some() => Scope::View,
            Screen::Export(_) => Scope::Export,
            Screen::Verify(state) => state.scope(),
        }
    }
}

impl Prompt {
    fn new(kind: PromptKind, question: &str, value: &str) -> Prompt {
        Prompt {
            kind,
            question: question.to_string(),
            input: Input::new(value.to_string()),
            error: None,
        }
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

/// The footer: the keys of this scope, from the key table, as many whole
/// hints as fit in `width` (F1 help lists them all).
pub fn footer_line(lang: Lang, scope: Scope, width: u16) -> Line<'static> {
    let global = !matches!(
        scope,
        Scope::Login | Scope::Locked | Scope::Prompt | Scope::Confirm
    );
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (key, what) in keys::hints(scope, global, lang) {
        let len = key.chars().count() + what.chars().count() + 3;
        if used + len > width as usize {
            break;
        }
        used += len;
        spans.push(Span::styled(
            key.to_string(),
            Style::default().add_modifier(Modifier::REVERSED),
        ));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans)
}

/// How many rows `text` takes wrapped at word boundaries into `width`.
fn wrapped_rows(text: &str, width: usize) -> u16 {
    let mut rows = 1u16;
    let mut used = 0usize;
    for word in text.split(' ') {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > width {
            rows += 1;
            used = len;
        } else {
            used += len + usize::from(used > 0);
        }
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

fn render_prompt(app: &App, prompt: &Prompt, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let confirm = matches!(prompt.kind, PromptKind::Confirm(_));
    let inner_width = width.saturating_sub(2).max(1) as usize;
    // The question wrapped, the answer line, an error, the keys.
    let question_rows = wrapped_rows(&prompt.question, inner_width);
    let rows = question_rows + u16::from(!confirm) + u16::from(prompt.error.is_some()) + 1;
    let height = (rows + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(app.t(" Pytanie ", " Question "));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = vec![Line::from(prompt.question.clone())];
    if !confirm {
        lines.push(Line::from(format!("> {}", prompt.input.value())));
    }
    if let Some(e) = &prompt.error {
        lines.push(Line::from(format!("✗ {e}")));
    }
    let scope = if confirm {
        Scope::Confirm
    } else {
        Scope::Prompt
    };
    lines.push(footer_line(app.lang, scope, inner.width));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if !confirm {
        let x = inner.x + 2 + prompt.input.visual_cursor() as u16;
        frame.set_cursor_position((
            x.min(inner.right().saturating_sub(1)),
            inner.y + question_rows,
        ));
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
            }
        }
        Ok(())
    })
}
