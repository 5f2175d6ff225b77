//! Screens that only show: the day summary, the project browser, and help
//! (whose key list is the key table itself).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::entry::EntryState;
use super::keys::{self, Action, Scope};
use super::{App, Screen};
use crate::card::Reason;
use crate::edition::roman;
use crate::i18n::{self, Lang, count};
use crate::store::Status;

pub fn handle(app: &App, screen: &mut Screen, action: Option<Action>) -> Option<Screen> {
    match (screen, action) {
        (_, Some(Action::Back)) => Some(Screen::Entry(EntryState::new(&app.store))),
        (Screen::Projects(scroll), Some(Action::Down)) => {
            let e = app.store.edition();
            let lines = 1
                + e.citywide.projects.len()
                + e.districts
                    .iter()
                    .map(|d| 1 + d.list.projects.len())
                    .sum::<usize>();
            if usize::from(*scroll) + 1 < lines {
                *scroll += 1;
            }
            None
        }
        (Screen::Projects(scroll), Some(Action::Up)) => {
            *scroll = scroll.saturating_sub(1);
            None
        }
        _ => None,
    }
}

pub fn render_summary(app: &App, s: &Status, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let title = match lang {
        Lang::Pl => format!(" Podsumowanie dnia {} ", app.day),
        Lang::En => format!(" Summary of {} ", app.day),
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "{}: {}",
                app.t("Wprowadzono", "Entered"),
                count(lang, s.cards, &i18n::CARD)
            ),
            bold,
        )),
        Line::from(format!(
            "  {} {}   {} {}   {} {}",
            app.t("ważne:", "valid:"),
            s.valid,
            app.t("nieważne:", "invalid:"),
            s.invalid,
            app.t("unieważnione:", "voided:"),
            s.voided,
        )),
        Line::from(format!(
            "  {} {}   {} {}",
            app.t("poprawione:", "amended:"),
            s.amended,
            app.t("z powtórzonym PESEL-em:", "with a repeated PESEL:"),
            s.flagged
        )),
    ];
    if !s.invalid_by_reason.is_empty() {
        lines.push(Line::from(
            app.t("Nieważne według powodu:", "Invalid by reason:"),
        ));
        for (code, n) in &s.invalid_by_reason {
            let words = code
                .parse::<Reason>()
                .map(|r| i18n::reason(lang, r))
                .unwrap_or("");
            lines.push(Line::from(format!("  {n:>5}  {words} ({code})")));
        }
    }
    lines.push(Line::from(app.t("Według operatora:", "By operator:")));
    for (op, n) in &s.by_operator {
        lines.push(Line::from(format!("  {n:>5}  {op}")));
    }
    if !s.by_stop.is_empty() {
        lines.push(Line::from(app.t("Według postoju:", "By stop:")));
        for (stop, n) in &s.by_stop {
            lines.push(Line::from(format!("  {n:>5}  {stop}")));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn render_projects(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let e = app.store.edition();
    let mut title = format!(" {} — {} ", app.t("Projekty", "Projects"), e.name);
    if e.sample {
        title.push_str(app.t("(PRZYKŁADOWE) ", "(SAMPLES) "));
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::from(Span::styled(
        app.t("Zadania ogólnomiejskie", "City-wide projects"),
        bold,
    ))];
    for p in &e.citywide.projects {
        lines.push(Line::from(format!("  {:>4}  {}", p.id, p.title)));
    }
    for d in &e.districts {
        lines.push(Line::from(Span::styled(
            format!(
                "{} {} {} ({})",
                app.t("Dzielnica", "District"),
                roman::to_roman(d.number),
                d.name,
                count(app.lang, d.list.projects.len() as u64, &PROJECT)
            ),
            bold,
        )));
        for p in &d.list.projects {
            lines.push(Line::from(format!("  {:>4}  {}", p.id, p.title)));
        }
    }
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

const PROJECT: i18n::Forms = i18n::Forms {
    pl: ["zadanie", "zadania", "zadań"],
    en: ["project", "projects"],
};

/// Help: every key of the current screen and the global keys, straight from
/// the key table.
pub fn render_help(app: &App, scope: Scope, frame: &mut Frame, area: Rect) {
    let rect = area;
    frame.render_widget(Clear, rect);
    let block = Block::default().borders(Borders::ALL).title(app.t(
        " Pomoc — dowolny klawisz zamyka ",
        " Help — any key closes ",
    ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::from(Span::styled(
        app.t("Na tym ekranie", "On this screen"),
        bold,
    ))];
    let describe = |b: &keys::Binding| {
        Line::from(format!(
            "  {:<10} {}",
            b.label,
            if app.lang == Lang::Pl { b.pl } else { b.en }
        ))
    };
    lines.extend(keys::all(scope).map(describe));
    lines.push(Line::from(Span::styled(app.t("Zawsze", "Always"), bold)));
    lines.extend(keys::all(Scope::Global).map(describe));
    if scope == Scope::Entry {
        lines.push(Line::from(app.t(
            "  Pola o stałej długości (PESEL, numery) przechodzą dalej same.",
            "  Fixed-length fields (PESEL, numbers) move on by themselves.",
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
