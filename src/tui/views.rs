//! Screens that only show: the day summary, the project browser, and help
//! (whose key list is the key table itself).

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use tui_input::Input;

use super::entry::fit;
use super::keys::{self, Action, Scope};
use super::{App, Screen, Work, edit_input};
use crate::edition::{normalize_id, pabulib::fold_name, roman};
use crate::i18n::{self, count};
use crate::store::Status;
use crate::store::stats::OperatorStats;
use crate::tr;

/// The project browser (F9): where it is scrolled to, what is typed to
/// filter it.
pub struct ProjectsState {
    pub scroll: usize,
    pub filter: Input,
    /// Rows of projects the last frame had room for (paging, stopping at
    /// the end).
    pub rows: Cell<usize>,
}

impl ProjectsState {
    /// Opens on the heading of `district` (the card's), or at the top.
    pub fn new(app: &App, district: Option<u32>) -> ProjectsState {
        let mut state = ProjectsState {
            scroll: 0,
            filter: Input::default(),
            rows: Cell::new(18),
        };
        if let Some(n) = district {
            state.scroll = project_rows(app, "")
                .iter()
                .position(|r| r.district == Some(n))
                .unwrap_or(0);
        }
        state
    }

    fn last_scroll(&self, app: &App) -> usize {
        project_rows(app, self.filter.value())
            .len()
            .saturating_sub(self.rows.get().max(1))
    }
}

/// One row of the browser: a heading (with its district) or a project.
struct Row {
    text: String,
    heading: bool,
    district: Option<u32>,
}

/// Whether a project matches what is typed: a number its id starts with, or
/// words all found in its title (case and diacritics aside).
fn matches(filter: &str, id: &str, title: &str) -> bool {
    let f = fold_name(filter);
    if f.is_empty() {
        return true;
    }
    if normalize_id(id).starts_with(&normalize_id(&f)) {
        return true;
    }
    let t = fold_name(title);
    f.split_whitespace().all(|w| t.contains(w))
}

fn project_rows(app: &App, filter: &str) -> Vec<Row> {
    let e = app.store.edition();
    let mut rows = Vec::new();
    let citywide: Vec<Row> = e
        .citywide
        .projects
        .iter()
        .filter(|p| matches(filter, &p.id, &p.title))
        .map(|p| Row {
            text: format!("  {:>4}  {}", p.id, p.title),
            heading: false,
            district: None,
        })
        .collect();
    if !citywide.is_empty() {
        rows.push(Row {
            text: tr!(app.lang, "kiosk-views-city-wide-projects"),
            heading: true,
            district: None,
        });
        rows.extend(citywide);
    }
    for d in &e.districts {
        let own: Vec<Row> = d
            .list
            .projects
            .iter()
            .filter(|p| matches(filter, &p.id, &p.title))
            .map(|p| Row {
                text: format!("  {:>4}  {}", p.id, p.title),
                heading: false,
                district: Some(d.number),
            })
            .collect();
        if own.is_empty() {
            continue;
        }
        rows.push(Row {
            text: tr!(
                app.lang,
                "kiosk-views-district",
                number = roman::to_roman(d.number),
                name = d.name.as_str(),
                projects = count(app.lang, d.list.projects.len() as u64, &PROJECT)
            ),
            heading: true,
            district: Some(d.number),
        });
        rows.extend(own);
    }
    rows
}

pub fn handle(
    app: &App,
    work: &mut Work,
    screen: &mut Screen,
    action: Option<Action>,
    key: KeyEvent,
) -> Option<Screen> {
    if let Some(Action::Back) = action {
        let (next, message) = work.resume(app);
        work.message = message;
        return Some(next);
    }
    let Screen::Projects(state) = screen else {
        return None;
    };
    let last = state.last_scroll(app);
    let page = state.rows.get().saturating_sub(1).max(1);
    match action {
        Some(Action::Down) => state.scroll = (state.scroll + 1).min(last),
        Some(Action::Up) => state.scroll = state.scroll.saturating_sub(1),
        Some(Action::PageDown) => state.scroll = (state.scroll + page).min(last),
        Some(Action::PageUp) => state.scroll = state.scroll.saturating_sub(page),
        Some(Action::Top) => state.scroll = 0,
        Some(Action::Bottom) => state.scroll = last,
        _ => {
            let before = state.filter.value().to_string();
            edit_input(&mut state.filter, key);
            if state.filter.value() != before {
                state.scroll = 0;
            }
        }
    }
    state.scroll = state.scroll.min(state.last_scroll(app));
    None
}

pub fn render_summary(
    app: &App,
    s: &Status,
    stats: &[OperatorStats],
    frame: &mut Frame,
    area: Rect,
) {
    let lang = app.lang;
    let title = format!(
        " {} ",
        tr!(lang, "kiosk-views-summary-title", day = app.day.to_string())
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![
        Line::from(Span::styled(
            tr!(lang, "kiosk-views-entered", cards = s.cards),
            bold,
        )),
        Line::from(format!(
            "  {}",
            tr!(
                lang,
                "kiosk-views-counts",
                valid = s.valid,
                invalid = s.invalid,
                voided = s.voided
            )
        )),
        Line::from(format!(
            "  {}",
            tr!(
                lang,
                "kiosk-views-counts-more",
                amended = s.amended,
                flagged = s.flagged
            )
        )),
    ];
    if !s.invalid_by_reason.is_empty() {
        lines.push(Line::from(tr!(app.lang, "kiosk-views-invalid-by-reason")));
        for (code, n) in &s.invalid_by_reason {
            let words = i18n::reason_of_code(lang, code);
            let width = inner.width.saturating_sub(9) as usize;
            lines.push(Line::from(format!("  {n:>5}  {}", fit(&words, width))));
        }
    }
    lines.push(Line::from(tr!(app.lang, "kiosk-views-by-operator")));
    for (op, n) in &s.by_operator {
        lines.push(Line::from(format!("  {n:>5}  {op}")));
    }
    lines.extend(operator_lines(app, stats, inner.width as usize));
    if !s.by_stop.is_empty() {
        lines.push(Line::from(tr!(app.lang, "kiosk-views-by-stop")));
        for (stop, n) in &s.by_stop {
            lines.push(Line::from(format!("  {n:>5}  {stop}")));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The operators' statistics since the point was set up, one row each.
fn operator_lines(app: &App, stats: &[OperatorStats], width: usize) -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::from(Span::styled(
        tr!(app.lang, "kiosk-views-operators"),
        bold,
    ))];
    let heads = [
        String::new(),
        tr!(app.lang, "kiosk-views-head-cards"),
        tr!(app.lang, "kiosk-views-head-per-hour"),
        tr!(app.lang, "kiosk-views-head-keys"),
        tr!(app.lang, "kiosk-views-head-amended"),
        tr!(app.lang, "kiosk-views-head-verified"),
        tr!(app.lang, "kiosk-views-head-keyer-errors"),
        tr!(app.lang, "kiosk-views-head-verifier-errors"),
        tr!(app.lang, "kiosk-views-head-per-100"),
    ];
    let row = |cols: [String; 9]| {
        let [a, b, c, d, e, f, g, h, i] = cols;
        let line = format!(
            "  {:<14} {b:>5} {c:>5} {d:>6} {e:>5} {f:>5} {g:>5} {h:>6} {i:>7}",
            fit(&a, 14)
        );
        Line::from(fit(&line, width))
    };
    lines.push(row(heads));
    let one = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"));
    for s in stats.iter().filter(|s| s.cards > 0 || s.verified > 0) {
        lines.push(row([
            s.operator.clone(),
            s.cards.to_string(),
            one(s.cards_per_hour),
            one(s.keys_per_card),
            s.corrections.to_string(),
            s.verified.to_string(),
            s.keyer_errors.to_string(),
            s.verifier_errors.to_string(),
            one(s.errors_per_100_fields),
        ]));
    }
    for note in [
        tr!(app.lang, "kiosk-views-heads-note"),
        tr!(app.lang, "kiosk-views-heads-note-errors"),
    ] {
        lines.push(Line::from(fit(&format!("  {note}"), width)));
    }
    lines
}

pub fn render_projects(app: &App, state: &ProjectsState, frame: &mut Frame, area: Rect) {
    let e = app.store.edition();
    let mut title = format!(
        " {} ",
        tr!(app.lang, "kiosk-views-projects", edition = e.name.as_str())
    );
    if e.sample {
        title.push_str(&tr!(app.lang, "kiosk-views-samples"));
        title.push(' ');
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let rows = project_rows(app, state.filter.value());
    let room = inner.height.saturating_sub(1) as usize;
    state.rows.set(room);
    let scroll = state.scroll.min(rows.len().saturating_sub(room));
    let width = inner.width as usize;
    let label = tr!(app.lang, "kiosk-views-search");
    let mut lines = vec![Line::from(format!(
        "{label} [{}]  {}",
        state.filter.value(),
        if rows.is_empty() {
            tr!(app.lang, "kiosk-views-nothing-matches").to_string()
        } else {
            format!(
                "{}–{}/{}",
                scroll + 1,
                (scroll + room).min(rows.len()),
                rows.len()
            )
        }
    ))];
    for r in rows.iter().skip(scroll).take(room) {
        let text = fit(&r.text, width);
        lines.push(if r.heading {
            Line::from(Span::styled(text, bold))
        } else {
            Line::from(text)
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + label.chars().count() as u16 + 2 + state.filter.visual_cursor() as u16;
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
}

const PROJECT: i18n::Forms = i18n::Forms {
    id: "count-project",
};

/// Help: every key of the current screen and the global keys, straight from
/// the key table.
pub fn render_help(app: &App, scope: Scope, frame: &mut Frame, area: Rect) {
    let rect = area;
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr!(app.lang, "kiosk-help-title"));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::from(Span::styled(
        tr!(app.lang, "kiosk-help-this-screen"),
        bold,
    ))];
    let describe = |b: &keys::Binding| format!("  {:<10} {}", b.label, (b.what)(app.lang));
    lines.extend(keys::all(scope).map(|b| Line::from(describe(b))));
    lines.push(Line::from(Span::styled(
        tr!(app.lang, "kiosk-help-always"),
        bold,
    )));
    // Two to a row: the keys of every screen stay short of the 24 rows.
    let half = (inner.width as usize / 2).saturating_sub(2);
    let global: Vec<String> = keys::all(Scope::Global)
        .map(|b| fit(&describe(b), half))
        .collect();
    for pair in global.chunks(2) {
        lines.push(Line::from(format!(
            "{:<half$}  {}",
            pair[0],
            pair.get(1).map_or("", String::as_str)
        )));
    }
    if scope == Scope::Entry {
        lines.push(Line::from(tr!(app.lang, "kiosk-help-moves-on")));
        lines.push(Line::from(tr!(app.lang, "kiosk-help-waiting-number")));
        lines.push(Line::from(tr!(app.lang, "kiosk-help-backspace")));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
