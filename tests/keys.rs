//! How many keys a full 2014 card takes. The keys are read from the README's
//! `keys` block (⏎ is Enter), so the README shows exactly what this test types.

use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use urna::i18n::Lang;
use urna::store::CardQuery;
use urna::tui::demo::{demo_operators, demo_store};
use urna::tui::{App, Mode, Screen};

fn readme_keys() -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .find("```keys\n")
        .expect("a ```keys block in README.md")
        + 8;
    let end = start
        + readme[start..]
            .find("\n```")
            .expect("end of the keys block");
    readme[start..end].to_string()
}

fn press(app: &mut App, c: char) {
    let code = if c == '⏎' {
        KeyCode::Enter
    } else {
        KeyCode::Char(c)
    };
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE), Instant::now());
}

fn reviewing(app: &App) -> bool {
    matches!(&app.mode, Mode::Work(w) if matches!(&w.screen, Screen::Entry(e) if e.form.reviewing))
}

#[test]
fn a_full_2014_card_takes_its_characters_plus_three_keys_to_type() {
    let keys = readme_keys();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = App::new(
        demo_store(tmp.path()).expect("store"),
        Lang::Pl,
        demo_operators(),
    )
    .expect("app");
    for c in "1234⏎".chars() {
        press(&mut app, c);
    }
    assert!(matches!(app.mode, Mode::Work(_)), "logged in");

    // Characters on the card: every character written in its rubrics, the
    // signature counted as one mark (typed as `t`).
    let on_card = keys.chars().filter(|c| *c != '⏎').count();
    let mut typed = 0;
    let mut typing_keys = None;
    for c in keys.chars() {
        press(&mut app, c);
        typed += 1;
        if typing_keys.is_none() && reviewing(&app) {
            typing_keys = Some(typed);
        }
    }
    let typing_keys = typing_keys.expect("the card reached its review");
    assert!(
        typing_keys <= on_card + 3,
        "typing took {typing_keys} keys for {on_card} characters on the card"
    );
    assert_eq!(
        typed,
        typing_keys + 1,
        "one Enter saves it after the review"
    );

    // And the card in the store is the card on paper, valid.
    let cards = app
        .store
        .cards(&CardQuery {
            limit: 10,
            ..CardQuery::default()
        })
        .expect("cards");
    assert_eq!(cards.len(), 1);
    assert!(cards[0].valid, "{:?}", cards[0].reasons);
    let card = cards[0].card.as_ref().expect("card");
    assert_eq!(card.first_name, "Jan");
    assert_eq!(card.last_name, "Kowalski");
    assert_eq!(card.address, "ul. Długa 12/3, 31-147 Kraków");
    assert_eq!(card.district, "XI");
    assert_eq!(card.local, ["4", "2", "1", "3"]);
    assert_eq!(card.citywide, ["15", "2", "9", "7", "11"]);
    assert!(card.signed);
    println!(
        "{on_card} characters on the card, {typing_keys} keys to type it, {typed} with the save"
    );
}
