//! Drawing the card screen: rubric labels, the typed values, the notes and
//! the review's verdict.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::entry::EntryState;
use super::entry_notes::{Mark, WAIT, fit, note};
use super::form::{CardForm, SIGNED_NO, SIGNED_YES, Slot};
use super::{App, Work};
use crate::card::Assessment;
use crate::i18n;
use crate::store::journal::format_at;
use crate::tr;

pub(super) fn label(app: &App, slot: Slot) -> String {
    let b = app.store.edition().ballot;
    match slot {
        Slot::FirstName => tr!(app.lang, "kiosk-field-first-name"),
        Slot::LastName => tr!(app.lang, "kiosk-field-surname"),
        Slot::Address => tr!(app.lang, "kiosk-field-address"),
        Slot::Pesel => "PESEL".into(),
        Slot::Signed => tr!(app.lang, "kiosk-field-signature"),
        Slot::District => tr!(app.lang, "kiosk-field-district"),
        Slot::Local(i) => pick_label(app, &tr!(app.lang, "kiosk-field-local"), b.local_picks, i),
        Slot::Citywide(i) => pick_label(
            app,
            &tr!(app.lang, "kiosk-field-citywide"),
            b.citywide_picks,
            i,
        ),
    }
}

/// `Lokalne  5 pkt` on the first pick of a part, `         4 pkt` below it.
fn pick_label(app: &App, part: &str, picks: u32, index: usize) -> String {
    let points = picks as usize - index;
    let part = if index == 0 { part } else { "" };
    let points = tr!(app.lang, "kiosk-entry-points", n = points);
    format!("{part:<9}{points}")
}

fn width_of(slot: Slot) -> usize {
    match slot {
        Slot::FirstName | Slot::LastName => 22,
        Slot::Address => 40,
        Slot::Pesel => 13,
        Slot::Signed => 1,
        Slot::District => 5,
        Slot::Local(_) | Slot::Citywide(_) => 5,
    }
}

pub(super) fn shown_value(slot: Slot, value: &str, app: &App) -> String {
    match (slot, value) {
        (Slot::Signed, SIGNED_YES) => tr!(app.lang, "kiosk-entry-y"),
        (Slot::Signed, SIGNED_NO) => "n".into(),
        _ => value.to_string(),
    }
}

pub fn render(app: &App, _work: &Work, state: &EntryState, frame: &mut Frame, area: Rect) {
    let form = &state.form;
    let edition = app.store.edition();
    let title = match (&state.amend, form.reviewing) {
        _ if state.verifying.is_some() => state.verifying.clone().unwrap_or_default(),
        (Some(id), _) => format!(
            " {} ",
            tr!(app.lang, "kiosk-entry-amending", card = id.as_str())
        ),
        (None, true) => tr!(app.lang, "kiosk-entry-review-title").to_string(),
        (None, false) => tr!(app.lang, "kiosk-entry-voting-card").to_string(),
    };
    let block = Block::default().borders(Borders::TOP).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = (form.fields.len() as u16).min(inner.height);
    let [fields_area, below] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(inner);

    let label_width = 17usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus && !form.reviewing;
        let active = form.is_active(i, edition);
        let w = width_of(field.slot);
        let mut value = shown_value(field.slot, field.input.value(), app);
        if focused && form.waiting_for(edition).is_some() {
            // Still waiting: Enter takes it as it is, a digit makes it longer.
            value.push('…');
        }
        let shown: String = if active {
            let visible: String = if focused {
                // The end, where the cursor is.
                value
                    .chars()
                    .rev()
                    .take(w)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect()
            } else {
                // The start, cut with `…`: the review reads from the left.
                fit(&value, w)
            };
            format!("[{visible:<w$}]")
        } else {
            format!(" {:<w$} ", "—")
        };
        let marker = if focused { "▶" } else { " " };
        let shown_width = shown.chars().count();
        let mut spans = vec![
            Span::raw(format!("{marker}{:<label_width$}", label(app, field.slot))),
            Span::styled(
                shown,
                if focused {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                },
            ),
        ];
        if let Some((mark, text)) = note(app, state, i) {
            let mark = match mark {
                Mark::Ok => "✓ ",
                Mark::Problem => "✗ ",
                Mark::Hint => "",
            };
            let used = 1 + label_width + shown_width + 1 + mark.chars().count();
            let room = (fields_area.width as usize).saturating_sub(used);
            let text = match text.split_once(WAIT) {
                Some((what, hint)) => {
                    let hint = format!(" · {hint}");
                    let left = room.saturating_sub(hint.chars().count());
                    format!("{}{hint}", fit(what, left))
                }
                None => fit(&text, room),
            };
            spans.push(Span::raw(format!(" {mark}{text}")));
        }
        if focused {
            let visual = field.input.visual_cursor().min(w);
            cursor = Some((
                fields_area.x + 1 + label_width as u16 + 1 + visual as u16,
                fields_area.y + lines.len() as u16,
            ));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), fields_area);
    let mut notes: Vec<Line> = Vec::new();
    if form.reviewing && state.verifying.is_none() {
        let assessment = form.assess(edition, app.day, app.store.rule_options());
        notes.extend(verdict_lines(app, &assessment, form));
    }
    for p in &state.same_pesel {
        let at = format_at(&p.at, "%Y-%m-%d %H:%M");
        notes.push(Line::from(Span::styled(
            tr!(
                app.lang,
                "kiosk-entry-same-pesel",
                card = p.card_id.as_str(),
                operator = p.operator.as_str(),
                at = at
            ),
            Style::default().add_modifier(Modifier::BOLD),
        )));
    }
    frame.render_widget(Paragraph::new(notes).wrap(Wrap { trim: false }), below);
    if let Some(number) = state.saved_number.as_ref().filter(|_| form.is_blank()) {
        render_number(app, number, frame, below);
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

/// The saved card's paper number, boxed and bold, for the volunteer to copy
/// onto the paper card.
fn render_number(app: &App, number: &str, frame: &mut Frame, area: Rect) {
    let text = format!(
        "{} {number}",
        tr!(app.lang, "kiosk-entry-write-on-the-card")
    );
    let width = (text.chars().count() as u16 + 6).min(area.width);
    let rect = Rect {
        width,
        height: area.height.min(3),
        ..area
    };
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let line = Line::from(vec![
        Span::styled(
            format!(" {} ", tr!(app.lang, "kiosk-entry-write-on-the-card")),
            bold,
        ),
        Span::styled(format!(" {number} "), bold.add_modifier(Modifier::REVERSED)),
    ]);
    frame.render_widget(
        Paragraph::new(line).block(Block::default().borders(Borders::ALL)),
        rect,
    );
}

fn verdict_lines<'a>(app: &App, a: &Assessment, form: &CardForm) -> Vec<Line<'a>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let marks = if form.marks.is_empty() {
        String::new()
    } else {
        let marks = form
            .marks
            .iter()
            .map(|m| i18n::reason_short(app.lang, *m))
            .collect::<Vec<_>>()
            .join(", ");
        format!(" [{}]", tr!(app.lang, "kiosk-entry-marked", marks = marks))
    };
    if a.is_valid() {
        vec![Line::from(Span::styled(
            format!("✓ {}{marks}", tr!(app.lang, "kiosk-entry-valid-card")),
            bold,
        ))]
    } else {
        let reasons: Vec<String> = a
            .reasons
            .iter()
            .map(|r| i18n::reason(app.lang, *r).to_string())
            .collect();
        vec![
            Line::from(Span::styled(
                format!(
                    "✗ {}{marks}",
                    tr!(
                        app.lang,
                        "kiosk-entry-invalid-card",
                        reasons = reasons.join("; ")
                    )
                ),
                bold,
            )),
            Line::from(tr!(app.lang, "kiosk-entry-invalid-what-to-do")),
        ]
    }
}
