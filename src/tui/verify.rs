//! Verification at the point (Ctrl-R): an operator who did not key a card
//! takes its paper, types its number, then keys the card again blind in the
//! usual form. The first keying is never shown, except one field at a time
//! where the two differ: each field is compared when it is left, and on a
//! mismatch the kiosk stops there, shows both values, and the verifier says
//! from the paper which is right — `1` the first (the verifier slipped and
//! retypes), `2` theirs (the first keying was wrong; theirs is taken). At the
//! end Enter stores the outcome (`store/verify.rs`): an amendment with the
//! paper's values when the first keying was wrong, and the verified entry.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::{Input, InputRequest};

use super::entry::{self, EntryState};
use super::form::{SIGNED_NO, SIGNED_YES, Slot, slot_value};
use super::keys::{Action, Scope};
use super::{App, Message, Screen, Work, edit_input};
use crate::card::RawCard;
use crate::edition::Edition;
use crate::i18n::{Forms, Lang, count};
use crate::store::sample::Offer;
use crate::store::verify::{ToVerify, Verification};
use crate::tr;

/// "pole" counted: 1 pole, 2 pola, 5 pól.
pub const FIELD: Forms = Forms { id: "count-field" };

pub enum VerifyState {
    /// The number written on the paper card; the sample's next card
    /// offered (its number typed in already).
    Number {
        input: Input,
        error: Option<String>,
        offer: Option<Offer>,
    },
    /// The card keyed again.
    Keying(Box<Keying>),
}

pub struct Keying {
    pub target: ToVerify,
    /// The verifier's keying, in the ordinary form (never filled from the
    /// first keying).
    pub entry: EntryState,
    /// Fields left and found equal (or settled from the paper).
    agreed: BTreeSet<usize>,
    /// Fields where the paper showed the first keying wrong, with the
    /// verifier's value that was taken.
    keyer_errors: BTreeMap<usize, String>,
    /// Field names the verifier slipped on, once per slip.
    verifier_errors: Vec<String>,
    pub mismatch: Option<Mismatch>,
}

/// A field whose two keyings differ, waiting for the paper's word.
pub struct Mismatch {
    pub index: usize,
    pub first: String,
    pub mine: String,
    /// Where the form was when the field was left.
    resume: usize,
    resume_review: bool,
}

impl VerifyState {
    /// The number screen, offering the sample's next card for `verifier`.
    pub fn new(app: &App, verifier: &str) -> VerifyState {
        let offer = app.store.next_to_verify(verifier).unwrap_or_default();
        VerifyState::Number {
            input: Input::new(offer.as_ref().map(|o| o.number.clone()).unwrap_or_default()),
            error: None,
            offer,
        }
    }

    pub fn scope(&self) -> Scope {
        match self {
            VerifyState::Number { .. } => Scope::VerifyNumber,
            VerifyState::Keying(k) if k.mismatch.is_some() => Scope::VerifyMismatch,
            VerifyState::Keying(k) if k.entry.form.reviewing => Scope::VerifyReview,
            VerifyState::Keying(_) => Scope::Verify,
        }
    }
}

/// The journal's name of a rubric: `first_name`, …, `local.1`, `citywide.1`.
pub fn field_name(slot: Slot) -> String {
    match slot {
        Slot::FirstName => "first_name".into(),
        Slot::LastName => "last_name".into(),
        Slot::Address => "address".into(),
        Slot::Pesel => "pesel".into(),
        Slot::Signed => "signed".into(),
        Slot::District => "district".into(),
        Slot::Local(i) => format!("local.{}", i + 1),
        Slot::Citywide(i) => format!("citywide.{}", i + 1),
    }
}

/// Whether two keyings of a rubric say the same: text trimmed, a PESEL's
/// digits, a district's number (`XI` is `11`), a project's id as the
/// edition compares ids.
fn same(edition: &Edition, slot: Slot, a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    match slot {
        Slot::Pesel => {
            let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
            digits(a) == digits(b)
        }
        Slot::District => match (edition.parse_district(a), edition.parse_district(b)) {
            (Some(x), Some(y)) => x.number == y.number,
            _ => a.eq_ignore_ascii_case(b),
        },
        Slot::Local(_) | Slot::Citywide(_) => {
            crate::edition::normalize_id(a) == crate::edition::normalize_id(b)
        }
        _ => a == b,
    }
}

impl Keying {
    fn new(app: &App, target: ToVerify) -> Keying {
        let mut entry = EntryState::new(&app.store);
        let title = tr!(
            app.lang,
            "kiosk-verify-title",
            number = target.number.as_str(),
            keyer = target.keyer.as_str()
        );
        entry.verifying = Some(format!(" {title} "));
        Keying {
            target,
            entry,
            agreed: BTreeSet::new(),
            keyer_errors: BTreeMap::new(),
            verifier_errors: Vec::new(),
            mismatch: None,
        }
    }

    /// Compares every field left since the last key; stops at the first
    /// that differs.
    fn compare(&mut self, edition: &Edition) {
        let form = &self.entry.form;
        let upto = if form.reviewing {
            form.fields.len()
        } else {
            self.agreed.remove(&form.focus);
            form.focus
        };
        for j in 0..form.fields.len() {
            if !form.is_active(j, edition) {
                self.agreed.remove(&j);
                self.keyer_errors.remove(&j);
                continue;
            }
            if j >= upto || self.agreed.contains(&j) {
                continue;
            }
            let slot = form.fields[j].slot;
            let mine = form.fields[j].input.value().trim().to_string();
            let first = slot_value(&self.target.card, slot);
            if same(edition, slot, &first, &mine) {
                self.keyer_errors.remove(&j);
                self.agreed.insert(j);
                continue;
            }
            if self
                .keyer_errors
                .get(&j)
                .is_some_and(|taken| same(edition, slot, taken, &mine))
            {
                self.agreed.insert(j);
                continue;
            }
            self.mismatch = Some(Mismatch {
                index: j,
                first,
                mine,
                resume: form.focus,
                resume_review: form.reviewing,
            });
            self.entry.form.focus_on(slot);
            return;
        }
    }

    /// The paper's word on a mismatch.
    fn settle(&mut self, paper_shows_first: bool) {
        let Some(m) = self.mismatch.take() else {
            return;
        };
        let form = &mut self.entry.form;
        let slot = form.fields[m.index].slot;
        if paper_shows_first {
            // The verifier retypes this field; what they typed after it
            // was not compared yet and is typed again too.
            self.verifier_errors.push(field_name(slot));
            for j in m.index..form.fields.len() {
                if !self.agreed.contains(&j) {
                    form.fields[j].input = Input::default();
                }
            }
            form.focus_on(slot);
        } else {
            self.keyer_errors.insert(m.index, m.mine);
            self.agreed.insert(m.index);
            let resume = form.fields[m.resume].slot;
            form.focus_on(resume);
            form.reviewing = m.resume_review;
        }
    }

    /// The card as the paper shows it: the first keying, with the fields
    /// the paper showed wrong taken from the verifier (and rubrics the
    /// paper's district does not have left empty).
    fn corrected(&self, edition: &Edition) -> RawCard {
        let mut card = self.target.card.clone();
        let form = &self.entry.form;
        let mut local = Vec::new();
        let mut citywide = Vec::new();
        for (j, f) in form.fields.iter().enumerate() {
            let value = if !form.is_active(j, edition) {
                String::new()
            } else if let Some(v) = self.keyer_errors.get(&j) {
                v.clone()
            } else {
                slot_value(&card, f.slot)
            };
            match f.slot {
                Slot::FirstName => card.first_name = value,
                Slot::LastName => card.last_name = value,
                Slot::Address => card.address = value,
                Slot::Pesel => card.pesel = value,
                Slot::Signed => card.signed = value == SIGNED_YES,
                Slot::District => card.district = value,
                Slot::Local(_) => local.push(value),
                Slot::Citywide(_) => citywide.push(value),
            }
        }
        for list in [&mut local, &mut citywide] {
            while list.last().is_some_and(String::is_empty) {
                list.pop();
            }
        }
        card.local = local;
        card.citywide = citywide;
        card
    }

    fn outcome(&self, edition: &Edition) -> Verification {
        let form = &self.entry.form;
        let names = |set: &mut dyn Iterator<Item = &usize>| {
            set.map(|j| field_name(form.fields[*j].slot))
                .collect::<Vec<_>>()
        };
        let keyer_errors = names(&mut self.keyer_errors.keys());
        Verification {
            card_id: self.target.card_id.clone(),
            version_seq: self.target.version_seq,
            fields: self.agreed.len() as u32,
            corrected: (!keyer_errors.is_empty()).then(|| self.corrected(edition)),
            keyer_errors,
            verifier_errors: self.verifier_errors.clone(),
        }
    }
}

/// Keys of the verification screen.
pub fn handle(
    app: &mut App,
    work: &mut Work,
    state: &mut VerifyState,
    action: Option<Action>,
    key: KeyEvent,
) -> Option<Screen> {
    let edition = app.store.edition_shared();
    match state {
        VerifyState::Number { input, error, .. } => match action {
            Some(Action::Back) => {
                let (next, message) = work.resume(app);
                work.message = message;
                return Some(next);
            }
            Some(Action::Confirm) => {
                match app.store.to_verify(input.value(), &work.operator.name) {
                    Ok(target) => {
                        work.message = None;
                        *state = VerifyState::Keying(Box::new(Keying::new(app, target)));
                    }
                    Err(e) => *error = Some(e.describe(app.lang)),
                }
            }
            _ => {
                *error = None;
                edit_input(input, key);
            }
        },
        VerifyState::Keying(k) if k.mismatch.is_some() => match action {
            Some(Action::PaperFirst) => {
                k.settle(true);
                work.message = Some(Message::Info(tr!(app.lang, "kiosk-verify-retype")));
            }
            Some(Action::PaperMine) => {
                k.settle(false);
                work.message = Some(Message::Info(tr!(app.lang, "kiosk-verify-yours-taken")));
                k.compare(&edition);
            }
            Some(Action::Back) => return Some(stop(app, work)),
            _ => {}
        },
        VerifyState::Keying(k) if k.entry.form.reviewing => match action {
            Some(Action::Confirm) => {
                let v = k.outcome(&edition);
                match app.store.record_verification(v.clone()) {
                    Ok(recorded) => {
                        work.message = Some(Message::Info(done_text(
                            app.lang,
                            &k.target.number,
                            &v,
                            recorded.amended.is_some(),
                        )));
                        *state = VerifyState::new(app, &work.operator.name);
                    }
                    Err(e) => {
                        work.message = Some(Message::Problem(tr!(
                            app.lang,
                            "kiosk-not-saved",
                            error = e.describe(app.lang)
                        )))
                    }
                }
            }
            Some(Action::Back) => return Some(stop(app, work)),
            _ => {}
        },
        VerifyState::Keying(k) => {
            // What the last settled mismatch said is done with.
            work.message = None;
            let form = &mut k.entry.form;
            match action {
                Some(Action::Next) => {
                    form.next(&edition);
                }
                Some(Action::Prev) => {
                    form.prev(&edition);
                }
                Some(Action::ClearField) => form.clear_field(),
                Some(Action::Back) => return Some(stop(app, work)),
                _ => match key.code {
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                        form.type_char(c, &edition);
                    }
                    KeyCode::Backspace => {
                        form.backspace(&edition);
                    }
                    KeyCode::Delete => form.edit(InputRequest::DeleteNextChar),
                    KeyCode::Left => form.edit(InputRequest::GoToPrevChar),
                    KeyCode::Right => form.edit(InputRequest::GoToNextChar),
                    _ => {}
                },
            }
            // The review of an ordinary card shows how it is judged; here
            // only the comparison matters.
            form.from_review = false;
            k.compare(&edition);
        }
    }
    None
}

/// Esc: the verification is dropped, nothing is stored.
fn stop(app: &App, work: &mut Work) -> Screen {
    work.message = Some(Message::Info(tr!(app.lang, "kiosk-verify-stopped")));
    Screen::Verify(VerifyState::new(app, &work.operator.name))
}

fn done_text(lang: Lang, number: &str, v: &Verification, amended: bool) -> String {
    let fields = count(lang, u64::from(v.fields), &FIELD);
    if amended {
        tr!(
            lang,
            "kiosk-verify-done-amended",
            number = number,
            fields = fields,
            errors = v.keyer_errors.len()
        )
    } else {
        tr!(lang, "kiosk-verify-done", number = number, fields = fields)
    }
}

fn shown(app: &App, slot: Slot, value: &str) -> String {
    if value.is_empty() {
        return tr!(app.lang, "kiosk-verify-empty");
    }
    match (slot, value) {
        (Slot::Signed, SIGNED_YES) => tr!(app.lang, "kiosk-cards-yes"),
        (Slot::Signed, SIGNED_NO) => tr!(app.lang, "kiosk-cards-no"),
        _ => format!("«{}»", entry::shown_value(slot, value, app)),
    }
}

pub fn render(app: &App, work: &Work, state: &VerifyState, frame: &mut Frame, area: Rect) {
    match state {
        VerifyState::Number {
            input,
            error,
            offer,
        } => render_number(app, input, error, offer.as_ref(), frame, area),
        VerifyState::Keying(k) => {
            let rows = k.entry.form.fields.len() as u16 + 1;
            let [form_area, below] =
                Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(area);
            entry::render(app, work, &k.entry, frame, form_area);
            let bold = Style::default().add_modifier(Modifier::BOLD);
            let mut lines = Vec::new();
            if let Some(m) = &k.mismatch {
                let slot = k.entry.form.fields[m.index].slot;
                lines.push(Line::from(Span::styled(
                    format!(
                        "✗ {}",
                        tr!(
                            app.lang,
                            "kiosk-verify-mismatch",
                            field = entry::label(app, slot).trim(),
                            first = shown(app, slot, &m.first),
                            mine = shown(app, slot, &m.mine)
                        )
                    ),
                    bold,
                )));
                lines.push(Line::from(tr!(app.lang, "kiosk-verify-which")));
            } else if k.entry.form.reviewing {
                let v = k.outcome(app.store.edition());
                let fields = count(app.lang, u64::from(v.fields), &FIELD);
                lines.push(Line::from(Span::styled(
                    if v.keyer_errors.is_empty() {
                        tr!(app.lang, "kiosk-verify-compared", fields = fields)
                    } else {
                        tr!(
                            app.lang,
                            "kiosk-verify-compared-wrong",
                            fields = fields,
                            wrong = labels(app, k)
                        )
                    },
                    bold,
                )));
                lines.push(Line::from(tr!(app.lang, "kiosk-verify-review-keys")));
            }
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), below);
        }
    }
}

fn labels(app: &App, k: &Keying) -> String {
    k.keyer_errors
        .keys()
        .map(|j| entry::label(app, k.entry.form.fields[*j].slot))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn render_number(
    app: &App,
    input: &Input,
    error: &Option<String>,
    offer: Option<&Offer>,
    frame: &mut Frame,
    area: Rect,
) {
    let block = Block::default()
        .borders(Borders::TOP)
        .title(tr!(app.lang, "kiosk-verify-number-title"));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![
        Line::from(tr!(app.lang, "kiosk-verify-how")),
        Line::from(""),
        Line::from(format!(
            "  {} {}",
            tr!(app.lang, "kiosk-verify-number"),
            input.value()
        )),
        Line::from(""),
    ];
    lines.push(Line::from(match offer {
        Some(o) => tr!(
            app.lang,
            "kiosk-verify-offer",
            number = o.number.as_str(),
            keyer = o.keyer.as_str(),
            waiting = o.waiting
        ),
        None => tr!(app.lang, "kiosk-verify-no-offer"),
    }));
    lines.push(Line::from(""));
    if let Some(e) = error {
        lines.push(Line::from(Span::styled(
            format!("✗ {e}"),
            Style::default().add_modifier(Modifier::BOLD),
        )));
        lines.push(Line::from(""));
    }
    lines.push(Line::from(tr!(app.lang, "kiosk-verify-then")));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    let label = tr!(app.lang, "kiosk-verify-number").chars().count() as u16;
    frame.set_cursor_position((
        inner.x + 3 + label + input.visual_cursor() as u16,
        inner.y + 2,
    ));
}
