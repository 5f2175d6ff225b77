//! Drawing the kiosk: the session's screen, the header and the footer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::keys::{self, Scope};
use super::prompt::render_prompt;
use super::{
    App, Message, Mode, Screen, Work, cards, damaged, entry, export, login, verify, views,
};
use crate::i18n::Lang;
use crate::store::Operator;
use crate::tr;

impl App {
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
                parts.push(tr!(self.lang, "kiosk-training").to_string());
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
                parts.push(format!("{} {stop}", tr!(self.lang, "kiosk-stop")));
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

/// The footer: the keys of this scope, from the key table, as many whole
/// hints as fit in `width` (F1 help lists them all).
pub fn footer_line(lang: Lang, scope: Scope, width: u16) -> Line<'static> {
    let global = keys::global_applies(scope);
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
