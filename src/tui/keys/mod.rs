//! Every key the kiosk understands, in one table. Key handling, the footer's
//! hints and the help screen (F1) all read this table, so what the help says is
//! what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;

mod table;

pub use table::BINDINGS;

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
    /// The login screen: the next language.
    Language,
}

pub struct Binding {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub scope: Scope,
    pub action: Action,
    /// The key as the footer and help write it.
    pub label: &'static str,
    /// What the key does, in words of a language.
    pub what: fn(Lang) -> String,
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
    what: fn(Lang) -> String,
    hint: bool,
) -> Binding {
    Binding {
        code,
        mods,
        scope,
        action,
        label,
        what,
        hint,
    }
}

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
pub fn hints(scope: Scope, global: bool, lang: Lang) -> Vec<(&'static str, String)> {
    BINDINGS
        .iter()
        .filter(|b| b.hint && (b.scope == scope || (global && b.scope == Scope::Global)))
        .map(|b| {
            // `t` (tak, так) and `y` (yes) both say yes; the footer names
            // the one of the screen's language.
            let label = match (b.label, lang) {
                ("t/y", Lang::Pl | Lang::Uk) => "t",
                ("t/y", Lang::En) => "y",
                (label, _) => label,
            };
            (label, (b.what)(lang))
        })
        .collect()
}

/// Whether the global bindings apply in a scope (not before login, nor in
/// a question).
pub fn global_applies(scope: Scope) -> bool {
    !matches!(
        scope,
        Scope::Login | Scope::Locked | Scope::Prompt | Scope::Confirm
    )
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
                let global = |s: Scope, other: Scope| s == Scope::Global && global_applies(other);
                let overlap =
                    a.scope == b.scope || global(a.scope, b.scope) || global(b.scope, a.scope);
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
