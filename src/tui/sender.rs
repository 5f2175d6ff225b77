//! The kiosk's background sender: a thread with its own handle on the store
//! that sends the office what it does not hold yet (`urna::sync`) after
//! every N saved cards, every M minutes, at login and at logout, and tries
//! again with a growing pause when the office cannot be reached. The typing
//! thread only drops a note in a channel and reads the last outcome for the
//! header: a sync never delays a key.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender as Channel, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::i18n::Lang;
use crate::store::Store;
use crate::store::sync::{CentralUrl, SyncKey};
use crate::sync::{Client, SyncError, Synced, sync_with};
use crate::tr;

/// The first pause after a failed attempt; it doubles up to the setting's
/// minutes.
const FIRST_RETRY: Duration = Duration::from_secs(15);

/// What the header shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncStatus {
    /// Sending is on (`urna central url`).
    pub on: bool,
    /// The last sync that reached the office: when (local `HH:MM`) and the
    /// cards it holds.
    pub last: Option<(String, u64)>,
    /// The last attempt failed and will be tried again.
    pub waiting: bool,
    /// The last attempt failed for a reason a person must see (a refusal,
    /// a fork), in every language the kiosk may switch to.
    pub problem: Option<InEvery>,
}

impl SyncStatus {
    /// The header's words: "biuro: wysłano 12:03 · 240 kart", or shorter.
    pub fn words(&self, lang: Lang, short: bool) -> Option<String> {
        if !self.on {
            return None;
        }
        Some(match (&self.problem, self.waiting, &self.last, short) {
            (Some(_), _, _, false) => tr!(lang, "kiosk-sync-refused"),
            (Some(_), _, _, true) => tr!(lang, "kiosk-sync-refused-short"),
            (None, true, _, false) => tr!(lang, "kiosk-sync-waiting"),
            (None, true, _, true) => tr!(lang, "kiosk-sync-waiting-short"),
            (None, false, Some((at, cards)), false) => {
                tr!(lang, "kiosk-sync-sent", at = at.as_str(), cards = *cards)
            }
            (None, false, Some((at, _)), true) => {
                tr!(lang, "kiosk-sync-sent-short", at = at.as_str())
            }
            (None, false, None, _) => tr!(lang, "kiosk-sync-not-sent"),
        })
    }
}

/// A sentence in every language: the sender words a refusal once, and the
/// header shows it in whichever language the kiosk speaks by then.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InEvery(Vec<(Lang, String)>);

impl InEvery {
    pub fn of(words: impl Fn(Lang) -> String) -> InEvery {
        InEvery(Lang::ALL.iter().map(|l| (*l, words(*l))).collect())
    }

    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("", |(_, s)| s.as_str())
    }
}

enum Note {
    /// Who is logged in now (and their journal key), or nobody.
    Key(Option<SyncKey>),
    /// A card was saved.
    Saved,
    /// The kiosk is closing: one last try, then stop.
    Quit,
}

/// The typing thread's end of the sender.
pub struct Sender {
    notes: Channel<Note>,
    status: Arc<Mutex<SyncStatus>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Sender {
    /// Starts the sender on its own handle of the store in `dir`.
    pub fn start(dir: &Path) -> Sender {
        let (notes, inbox) = channel();
        let status = Arc::new(Mutex::new(SyncStatus::default()));
        let shared = Arc::clone(&status);
        let dir = dir.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("urna-sync".into())
            .spawn(move || run(&dir, &inbox, &shared))
            .ok();
        Sender {
            notes,
            status,
            thread,
        }
    }

    pub fn logged_in(&self, key: Option<SyncKey>) {
        let _ = self.notes.send(Note::Key(key));
    }

    pub fn saved(&self) {
        let _ = self.notes.send(Note::Saved);
    }

    pub fn status(&self) -> SyncStatus {
        self.status
            .lock()
            .map(|s| s.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    /// Asks for a last try and waits for it at most `wait`.
    pub fn finish(mut self, wait: Duration) {
        let _ = self.notes.send(Note::Quit);
        if let Some(h) = self.thread.take() {
            let until = Instant::now() + wait;
            while !h.is_finished() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(20));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
    }
}

struct Loop {
    dir: PathBuf,
    store: Option<Store>,
    setting: Option<(CentralUrl, Client)>,
    key: Option<SyncKey>,
    saved: u32,
    /// When to send next, if anything may be waiting.
    due: Option<Instant>,
    retry: Duration,
}

fn set(status: &Mutex<SyncStatus>, f: impl FnOnce(&mut SyncStatus)) {
    let mut s = status.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut s);
}

fn run(dir: &Path, inbox: &Receiver<Note>, status: &Mutex<SyncStatus>) {
    let mut l = Loop {
        dir: dir.to_path_buf(),
        store: None,
        setting: None,
        key: None,
        saved: 0,
        due: None,
        retry: FIRST_RETRY,
    };
    l.read_setting(status);
    loop {
        let note = match l.due {
            Some(due) => inbox.recv_timeout(due.saturating_duration_since(Instant::now())),
            None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match note {
            Ok(Note::Key(key)) => {
                let leaving = key.is_none();
                if leaving {
                    // What the operator typed goes before their key does.
                    l.send(status);
                } else {
                    // A coordinator may have changed the address meanwhile.
                    l.read_setting(status);
                }
                l.key = key;
                if let Some(store) = &mut l.store {
                    store.adopt(l.key.clone());
                }
                l.due = (!leaving && l.setting.is_some()).then(Instant::now);
            }
            Ok(Note::Saved) => {
                l.saved += 1;
                let every = l.setting.as_ref().map_or(u32::MAX, |(c, _)| c.every_cards);
                if l.saved >= every {
                    l.due = Some(Instant::now());
                }
            }
            Ok(Note::Quit) | Err(RecvTimeoutError::Disconnected) => {
                l.send(status);
                return;
            }
            Err(RecvTimeoutError::Timeout) => l.send(status),
        }
    }
}

impl Loop {
    /// Opens the sender's store handle and reads the address in force.
    fn read_setting(&mut self, status: &Mutex<SyncStatus>) {
        if self.store.is_none() {
            self.store = Store::open(&self.dir).ok();
        }
        let Some(store) = &self.store else { return };
        let setting = store.central_url().ok().flatten();
        if self.setting.as_ref().map(|(c, _)| c) != setting.as_ref() {
            self.setting = setting.and_then(|c| Client::new(&c).ok().map(|client| (c, client)));
        }
        let on = self.setting.is_some();
        set(status, |s| s.on = on);
    }

    /// One attempt, if there is an address and a key; the next is planned
    /// by what came of it.
    fn send(&mut self, status: &Mutex<SyncStatus>) {
        let (Some(store), Some((c, client)), Some(_)) = (&mut self.store, &self.setting, &self.key)
        else {
            self.due = None;
            return;
        };
        let every = Duration::from_secs(u64::from(c.every_minutes.max(1)) * 60);
        let outcome: Result<Synced, SyncError> = sync_with(store, client);
        match outcome {
            Ok(done) => {
                let at = chrono::Local::now().format("%H:%M").to_string();
                let cards = done.cards();
                set(status, |s| {
                    s.last = Some((at, cards));
                    s.waiting = false;
                    s.problem = None;
                });
                self.saved = 0;
                self.retry = FIRST_RETRY;
                self.due = Some(Instant::now() + every);
            }
            Err(e) => {
                let transient = e.transient();
                let words = InEvery::of(|lang| e.describe(lang));
                tracing::warn!(transient, reason = %e.describe(Lang::En), "sync failed");
                set(status, |s| {
                    s.waiting = transient;
                    s.problem = (!transient).then_some(words);
                });
                let pause = if transient { self.retry } else { every };
                self.retry = (self.retry * 2).min(every);
                self.due = Some(Instant::now() + pause);
            }
        }
    }
}
