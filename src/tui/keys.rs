//! Every key the kiosk understands, in one table. Key handling, the footer's
//! hints and the help screen (F1) all read this table, so what the help says is
//! what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere once an operator is logged in.
    Global,
    /// Typing a card.
    Entry,
    /// The review of a typed card that is valid, before it is saved.
    Review,
    /// The review of a typed card that is not valid: Enter does not save it.
    ReviewInvalid,
    /// A yes/no question (discard a card, a day outside the voting window).
    Confirm,
    /// Today's cards.
    Cards,
    /// One card opened from the list.
    CardDetail,
    /// A one-line question (a reason, a search, a day, a stop).
    Prompt,
    /// A screen that only shows something (summary, projects, help).
    View,
    /// Close the day and export.
    Export,
    Login,
    Locked,
    /// Verification: the number of the paper card.
    VerifyNumber,
    /// Verification: the card keyed again blind.
    Verify,
    /// Verification: a field differs; which one the paper shows.
    VerifyMismatch,
    /// Verification: every field compared, ready to be stored.
    VerifyReview,
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Help,
    NewCard,
    Cards,
    Summary,
    Projects,
    DayAndStop,
    Export,
    Lock,
    Logout,
    Next,
    Prev,
    /// Enter: move on, confirm, save a valid card.
    Confirm,
    /// Esc: back, cancel.
    Back,
    SaveInvalid,
    MarkIllegible,
    MarkWrongRubric,
    ClearCard,
    Amend,
    Void,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Ctrl-U: empty the field being typed.
    ClearField,
    Yes,
    No,
    /// Ctrl-R: verify a card (key it again blind).
    Verify,
    /// The paper shows what was keyed first: the verifier retypes.
    PaperFirst,
    /// The paper shows what the verifier keyed: the first keying was wrong.
    PaperMine,
}

pub struct Binding {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub scope: Scope,
    pub action: Action,
    /// The key as the footer and help write it.
    pub label: &'static str,
    pub pl: &'static str,
    pub en: &'static str,
    /// Shown in the footer (the help lists every binding).
    pub hint: bool,
}

/// One row of the table (a constructor keeps the table one row per binding).
#[allow(clippy::too_many_arguments)]
const fn b(
    code: KeyCode,
    mods: KeyModifiers,
    scope: Scope,
    action: Action,
    label: &'static str,
    pl: &'static str,
    en: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        code,
        mods,
        scope,
        action,
        label,
        pl,
        en,
        hint,
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

use Action as A;
use KeyCode as K;
use Scope as S;

/// The table. Earlier rows win when two could apply.
pub const BINDINGS: &[Binding] = &[
    // Typing a card.
    b(
        K::Enter,
        NONE,
        S::Entry,
        A::Next,
        "Enter",
        "dalej",
        "next",
        true,
    ),
    b(
        K::Tab,
        NONE,
        S::Entry,
        A::Next,
        "Tab",
        "dalej",
        "next",
        false,
    ),
    b(
        K::BackTab,
        SHIFT,
        S::Entry,
        A::Prev,
        "Shift-Tab",
        "wstecz",
        "back",
        true,
    ),
    b(
        K::Down,
        NONE,
        S::Entry,
        A::Next,
        "↓",
        "następne pole",
        "next field",
        false,
    ),
    b(
        K::Up,
        NONE,
        S::Entry,
        A::Prev,
        "↑",
        "poprzednie pole",
        "previous field",
        false,
    ),
    b(
        K::Char('k'),
        CTRL,
        S::Entry,
        A::ClearCard,
        "Ctrl-K",
        "wyrzuć kartę (pyta)",
        "throw the card away (asks)",
        false,
    ),
    b(
        K::Char('u'),
        CTRL,
        S::Entry,
        A::ClearField,
        "Ctrl-U",
        "wyczyść pole",
        "clear the field",
        false,
    ),
    b(
        K::Esc,
        NONE,
        S::Entry,
        A::Back,
        "Esc",
        "wróć do przeglądu (pole poprawiane z przeglądu)",
        "back to the review (a field fixed from the review)",
        false,
    ),
    // The review of a valid card.
    b(
        K::Enter,
        NONE,
        S::Review,
        A::Confirm,
        "Enter",
        "zapisz",
        "save",
        true,
    ),
    b(
        K::Esc,
        NONE,
        S::Review,
        A::Back,
        "Esc",
        "popraw",
        "correct",
        true,
    ),
    b(
        K::F(6),
        NONE,
        S::Review,
        A::MarkIllegible,
        "F6",
        "nieczytelna",
        "illegible",
        true,
    ),
    b(
        K::F(7),
        NONE,
        S::Review,
        A::MarkWrongRubric,
        "F7",
        "zła rubryka",
        "wrong rubric",
        true,
    ),
    b(
        K::F(8),
        NONE,
        S::Review,
        A::SaveInvalid,
        "F8",
        "zapisz jako NIEWAŻNĄ (tylko karta z wadą)",
        "save as INVALID (a defective card only)",
        false,
    ),
    // The review of an invalid card: Enter does not save it.
    b(
        K::Esc,
        NONE,
        S::ReviewInvalid,
        A::Back,
        "Esc",
        "popraw",
        "correct",
        true,
    ),
    b(
        K::F(8),
        NONE,
        S::ReviewInvalid,
        A::SaveInvalid,
        "F8",
        "zapisz jako NIEWAŻNĄ",
        "save as INVALID",
        true,
    ),
    b(
        K::F(6),
        NONE,
        S::ReviewInvalid,
        A::MarkIllegible,
        "F6",
        "nieczytelna",
        "illegible",
        true,
    ),
    b(
        K::F(7),
        NONE,
        S::ReviewInvalid,
        A::MarkWrongRubric,
        "F7",
        "zła rubryka",
        "wrong rubric",
        true,
    ),
    b(
        K::Enter,
        NONE,
        S::ReviewInvalid,
        A::Confirm,
        "Enter",
        "nie zapisuje nieważnej karty (powie, co zrobić)",
        "does not save an invalid card (says what to do)",
        false,
    ),
    // Today's cards.
    b(K::Up, NONE, S::Cards, A::Up, "↑", "wyżej", "up", false),
    b(
        K::Down,
        NONE,
        S::Cards,
        A::Down,
        "↓",
        "niżej",
        "down",
        false,
    ),
    b(
        K::Enter,
        NONE,
        S::Cards,
        A::Confirm,
        "Enter",
        "otwórz",
        "open",
        true,
    ),
    b(K::Esc, NONE, S::Cards, A::Back, "Esc", "wróć", "back", true),
    // One card.
    b(
        K::F(5),
        NONE,
        S::CardDetail,
        A::Amend,
        "F5",
        "popraw (koordynator)",
        "amend (coordinator)",
        true,
    ),
    b(
        K::F(8),
        NONE,
        S::CardDetail,
        A::Void,
        "F8",
        "unieważnij (koordynator)",
        "void (coordinator)",
        true,
    ),
    b(
        K::Esc,
        NONE,
        S::CardDetail,
        A::Back,
        "Esc",
        "wróć",
        "back",
        true,
    ),
    // A question.
    b(
        K::Enter,
        NONE,
        S::Prompt,
        A::Confirm,
        "Enter",
        "zatwierdź",
        "confirm",
        true,
    ),
    b(
        K::Esc,
        NONE,
        S::Prompt,
        A::Back,
        "Esc",
        "anuluj",
        "cancel",
        true,
    ),
    // Views.
    b(K::Up, NONE, S::View, A::Up, "↑", "przewiń", "scroll", false),
    b(
        K::Down,
        NONE,
        S::View,
        A::Down,
        "↓",
        "przewiń",
        "scroll",
        false,
    ),
    b(
        K::PageUp,
        NONE,
        S::View,
        A::PageUp,
        "PgUp",
        "strona wyżej",
        "page up",
        false,
    ),
    b(
        K::PageDown,
        NONE,
        S::View,
        A::PageDown,
        "PgDn",
        "strona niżej",
        "page down",
        false,
    ),
    b(
        K::Home,
        NONE,
        S::View,
        A::Top,
        "Home",
        "początek",
        "top",
        false,
    ),
    b(
        K::End,
        NONE,
        S::View,
        A::Bottom,
        "End",
        "koniec",
        "end",
        false,
    ),
    b(K::Esc, NONE, S::View, A::Back, "Esc", "wróć", "back", true),
    // Close the day and export.
    b(K::Up, NONE, S::Export, A::Up, "↑", "wyżej", "up", false),
    b(
        K::Down,
        NONE,
        S::Export,
        A::Down,
        "↓",
        "niżej",
        "down",
        false,
    ),
    b(
        K::Enter,
        NONE,
        S::Export,
        A::Confirm,
        "Enter",
        "eksportuj",
        "export",
        true,
    ),
    b(
        K::Esc,
        NONE,
        S::Export,
        A::Back,
        "Esc",
        "wróć",
        "back",
        true,
    ),
    // A yes/no question.
    b(
        K::Char('t'),
        NONE,
        S::Confirm,
        A::Yes,
        "t/y",
        "tak",
        "yes",
        true,
    ),
    b(
        K::Char('y'),
        NONE,
        S::Confirm,
        A::Yes,
        "y",
        "tak",
        "yes",
        false,
    ),
    b(
        K::Char('n'),
        NONE,
        S::Confirm,
        A::No,
        "n",
        "nie",
        "no",
        true,
    ),
    b(K::Esc, NONE, S::Confirm, A::No, "Esc", "nie", "no", true),
    // Login and lock.
    b(
        K::Enter,
        NONE,
        S::Login,
        A::Confirm,
        "Enter",
        "dalej",
        "next",
        true,
    ),
    b(
        K::Up,
        NONE,
        S::Login,
        A::Up,
        "↑",
        "poprzedni operator",
        "previous operator",
        false,
    ),
    b(
        K::Down,
        NONE,
        S::Login,
        A::Down,
        "↓",
        "następny operator",
        "next operator",
        false,
    ),
    b(
        K::Esc,
        NONE,
        S::Login,
        A::Back,
        "Esc",
        "wstecz",
        "back",
        true,
    ),
    b(
        K::Char('q'),
        CTRL,
        S::Login,
        A::Logout,
        "Ctrl-Q",
        "zakończ",
        "quit",
        true,
    ),
    b(
        K::Enter,
        NONE,
        S::Locked,
        A::Confirm,
        "Enter",
        "odblokuj",
        "unlock",
        true,
    ),
    b(
        K::Char('q'),
        CTRL,
        S::Locked,
        A::Logout,
        "Ctrl-Q",
        "wyloguj",
        "log out",
        true,
    ),
    // Everywhere once logged in.
    // Verification of a card keyed by someone else.
    b(
        K::Enter,
        NONE,
        S::VerifyNumber,
        A::Confirm,
        "Enter",
        "weryfikuj tę kartę",
        "verify this card",
        true,
    ),
    b(
        K::Esc,
        NONE,
        S::VerifyNumber,
        A::Back,
        "Esc",
        "wróć",
        "back",
        true,
    ),
    b(
        K::Enter,
        NONE,
        S::Verify,
        A::Next,
        "Enter",
        "dalej (pole jest porównywane)",
        "next (the field is compared)",
        true,
    ),
    b(
        K::Tab,
        NONE,
        S::Verify,
        A::Next,
        "Tab",
        "dalej",
        "next",
        false,
    ),
    b(
        K::BackTab,
        SHIFT,
        S::Verify,
        A::Prev,
        "Shift-Tab",
        "wstecz",
        "back",
        false,
    ),
    b(
        K::Char('u'),
        CTRL,
        S::Verify,
        A::ClearField,
        "Ctrl-U",
        "wyczyść pole",
        "clear the field",
        false,
    ),
    b(
        K::Esc,
        NONE,
        S::Verify,
        A::Back,
        "Esc",
        "przerwij weryfikację (nic nie zapisuje)",
        "stop verifying (stores nothing)",
        true,
    ),
    b(
        K::Char('1'),
        NONE,
        S::VerifyMismatch,
        A::PaperFirst,
        "1",
        "na karcie jest pierwsze (poprawiam swoje)",
        "the paper shows the first (I retype mine)",
        true,
    ),
    b(
        K::Char('2'),
        NONE,
        S::VerifyMismatch,
        A::PaperMine,
        "2",
        "na karcie jest moje",
        "the paper shows mine",
        true,
    ),
    b(
        K::Esc,
        NONE,
        S::VerifyMismatch,
        A::Back,
        "Esc",
        "przerwij weryfikację",
        "stop verifying",
        false,
    ),
    b(
        K::Enter,
        NONE,
        S::VerifyReview,
        A::Confirm,
        "Enter",
        "zapisz weryfikację",
        "store the verification",
        true,
    ),
    b(
        K::Esc,
        NONE,
        S::VerifyReview,
        A::Back,
        "Esc",
        "przerwij (nic nie zapisuje)",
        "stop (stores nothing)",
        true,
    ),
    b(
        K::F(1),
        NONE,
        S::Global,
        A::Help,
        "F1",
        "pomoc",
        "help",
        true,
    ),
    b(
        K::F(2),
        NONE,
        S::Global,
        A::NewCard,
        "F2",
        "nowa karta",
        "new card",
        false,
    ),
    b(
        K::F(3),
        NONE,
        S::Global,
        A::Cards,
        "F3",
        "karty",
        "cards",
        true,
    ),
    b(
        K::F(4),
        NONE,
        S::Global,
        A::Summary,
        "F4",
        "podsumowanie",
        "summary",
        true,
    ),
    b(
        K::F(9),
        NONE,
        S::Global,
        A::Projects,
        "F9",
        "projekty",
        "projects",
        false,
    ),
    b(
        K::F(10),
        NONE,
        S::Global,
        A::DayAndStop,
        "F10",
        "dzień i postój",
        "day and stop",
        false,
    ),
    b(
        K::F(12),
        NONE,
        S::Global,
        A::Export,
        "F12",
        "zamknij dzień / eksport",
        "close day / export",
        false,
    ),
    b(
        K::Char('l'),
        CTRL,
        S::Global,
        A::Lock,
        "Ctrl-L",
        "zablokuj",
        "lock",
        false,
    ),
    b(
        K::Char('q'),
        CTRL,
        S::Global,
        A::Logout,
        "Ctrl-Q",
        "wyloguj",
        "log out",
        true,
    ),
    b(
        K::Char('r'),
        CTRL,
        S::Global,
        A::Verify,
        "Ctrl-R",
        "weryfikuj",
        "verify",
        true,
    ),
];

fn matches(binding: &Binding, key: &KeyEvent) -> bool {
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    match (binding.code, key.code) {
        // Shift-Tab arrives as BackTab, with or without SHIFT set.
        (KeyCode::BackTab, KeyCode::BackTab) => true,
        (KeyCode::Char(a), KeyCode::Char(c)) => {
            a == c.to_ascii_lowercase()
                && mods.contains(KeyModifiers::CONTROL)
                    == binding.mods.contains(KeyModifiers::CONTROL)
        }
        (a, c) => a == c && mods == binding.mods,
    }
}

/// The action of a key in a scope; global bindings apply when `global` is set.
pub fn action(scope: Scope, global: bool, key: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.scope == scope || (global && b.scope == Scope::Global))
        .find(|b| matches(b, key))
        .map(|b| b.action)
}

/// Footer hints for a scope: the key and what it does.
pub fn hints(scope: Scope, global: bool, lang: Lang) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.hint && (b.scope == scope || (global && b.scope == Scope::Global)))
        .map(|b| {
            // `t` (tak) and `y` (yes) both say yes; the footer names the
            // one of the screen's language.
            let label = match (b.label, lang) {
                ("t/y", Lang::Pl) => "t",
                ("t/y", Lang::En) => "y",
                (label, _) => label,
            };
            (label, if lang == Lang::Pl { b.pl } else { b.en })
        })
        .collect()
}

/// Every binding of a scope, for the help screen.
pub fn all(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.scope == scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_resolve_by_scope() {
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action(Scope::Entry, true, &enter), Some(Action::Next));
        assert_eq!(action(Scope::Review, true, &enter), Some(Action::Confirm));
        let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(action(Scope::Entry, true, &f1), Some(Action::Help));
        assert_eq!(action(Scope::Login, false, &f1), None);
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(action(Scope::Entry, true, &ctrl_q), Some(Action::Logout));
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action(Scope::Entry, true, &q),
            None,
            "plain letters are typing"
        );
    }

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let overlap =
                    a.scope == b.scope || a.scope == Scope::Global || b.scope == Scope::Global;
                if overlap && a.code == b.code && a.mods == b.mods {
                    assert_eq!(
                        a.action, b.action,
                        "{} in {:?}/{:?}",
                        a.label, a.scope, b.scope
                    );
                }
            }
        }
    }
}
