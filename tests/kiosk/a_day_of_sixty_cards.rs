//! A day's work of sixty cards, every mistake of issue 12 made and
//! corrected, exported and read back with the real `age`.

use super::*;
use urna::edition::roman;

// ---------------------------------------------------------------------------
// A day's work: 60 cards typed through the real key handling, every mistake
// of issue 12 made and corrected on the way, other screens opened mid-card,
// a lock and a log-out; then exported, and the journal decrypted with the
// real `age` and the office key holds exactly the cards meant.

/// One paper card of the day, as it should end up in the journal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Meant {
    first: String,
    last: String,
    address: String,
    pesel: String,
    signed: bool,
    district: String,
    local: Vec<String>,
    citywide: Vec<String>,
}

impl Meant {
    fn of(card: &urna::card::RawCard) -> Meant {
        Meant {
            first: card.first_name.clone(),
            last: card.last_name.clone(),
            address: card.address.clone(),
            pesel: card.pesel.clone(),
            signed: card.signed,
            district: card.district.clone(),
            local: card.local.clone(),
            citywide: card.citywide.clone(),
        }
    }
}

const FIRST: [&str; 6] = ["Jan", "Ola", "Zofia", "Piotr", "Łucja", "Marek"];

const LAST: [&str; 6] = [
    "Kowalski",
    "Nowak",
    "Wiśniewska-Żak",
    "Zając",
    "Żółkiewska",
    "Dąbrowski",
];

fn meant_card(e: &urna::edition::Edition, i: usize) -> Meant {
    let d = &e.districts[i % e.districts.len()];
    let n = d.list.projects.len();
    let local: Vec<String> = (0..5.min(n))
        .map(|k| d.list.projects[(i + k) % n].id.clone())
        .collect();
    let citywide: Vec<String> = (0..5)
        .map(|k| e.citywide.projects[(i + 3 * k) % 15].id.clone())
        .collect();
    Meant {
        first: FIRST[i % 6].into(),
        last: LAST[(i / 6) % 6].into(),
        address: format!("ul. Długa {}/{}", i + 1, i % 7 + 1),
        pesel: pesel(
            1950 + (i % 40) as i32,
            (i % 12) as u32 + 1,
            (i % 27) as u32 + 1,
            300 + i as u16,
            Sex::Female,
        ),
        signed: i % 15 != 14,
        district: if i % 12 == 9 {
            roman::to_roman(d.number).to_lowercase()
        } else {
            roman::to_roman(d.number)
        },
        local,
        citywide,
    }
}

impl Kiosk {
    /// The picks of a card from the district on.
    fn picks(&mut self, m: &Meant) {
        self.number(&m.district);
        for p in m.local.iter().chain(&m.citywide) {
            assert!(!self.reviewing(), "{}", self.screen());
            self.number(p);
        }
    }

    /// Types card `i` with the mistake its number calls for, corrected.
    fn type_day_card(&mut self, m: &Meant, i: usize) {
        let sig = if m.signed { "t" } else { "n" };
        match i % 12 {
            // Screens opened mid-card (item 1).
            1 => {
                self.type_text(&format!("{}\n{}\n", m.first, m.last));
                for f in [9, 3, 4] {
                    self.key(KeyCode::F(f));
                    self.key(KeyCode::Esc);
                }
                self.type_text(&format!("{}\n{}{sig}", m.address, m.pesel));
                self.picks(m);
            }
            // `1` `2` merged into 12, seen and undone (item 2).
            2 => {
                self.type_text(&format!(
                    "{}\n{}\n{}\n{}{sig}",
                    m.first, m.last, m.address, m.pesel
                ));
                self.number(&m.district);
                for p in &m.local {
                    self.number(p);
                }
                self.type_text("12");
                assert!(line_with(&self.screen(), "Miejskie").contains("[12"));
                self.key(KeyCode::Backspace);
                self.key(KeyCode::Backspace);
                self.key(KeyCode::Backspace);
                self.key(KeyCode::Backspace);
                assert_eq!(
                    self.form().focused(),
                    Slot::Citywide(0),
                    "{}",
                    self.screen()
                );
                for p in &m.citywide {
                    self.number(p);
                }
            }
            // A wrong PESEL, Backspace held (item 10).
            3 => {
                self.type_text(&format!("{}\n{}\n{}\n", m.first, m.last, m.address));
                self.type_text(&adult());
                self.keys(KeyCode::Backspace, 15);
                assert_eq!(self.value(Slot::Address), m.address);
                self.type_text(&format!("{}{sig}", m.pesel));
                self.picks(m);
            }
            // A 12th digit, and a digit as the signature (item 11).
            4 => {
                self.type_text(&format!(
                    "{}\n{}\n{}\n{}5{sig}",
                    m.first, m.last, m.address, m.pesel
                ));
                self.picks(m);
            }
            // The signature typed out as a word (item 11).
            5 => {
                let word = if m.signed { "tak" } else { "nie" };
                self.type_text(&format!(
                    "{}\n{}\n{}\n{}{word}",
                    m.first, m.last, m.address, m.pesel
                ));
                self.picks(m);
            }
            // The surname skipped, fixed from the review (item 6).
            6 => {
                self.type_text(&format!("{}\n\n{}\n{}{sig}", m.first, m.address, m.pesel));
                self.picks(m);
                self.key(KeyCode::Esc);
                self.type_text(&format!("{}\n", m.last));
            }
            // A wrong address cleared with Ctrl-U (item 10).
            7 => {
                self.type_text(&format!("{}\n{}\nul. Zła 13", m.first, m.last));
                self.ctrl('u');
                self.type_text(&format!("{}\n{}{sig}", m.address, m.pesel));
                self.picks(m);
            }
            // F2 on a half card, answered no (item 1).
            8 => {
                self.type_text(&format!("{}\n{}\n", m.first, m.last));
                self.key(KeyCode::F(2));
                self.type_text("n");
                self.type_text(&format!("{}\n{}{sig}", m.address, m.pesel));
                self.picks(m);
            }
            // An unknown district, cleared and typed again (item 9).
            10 => {
                self.type_text(&format!(
                    "{}\n{}\n{}\n{}{sig}y8",
                    m.first, m.last, m.address, m.pesel
                ));
                self.ctrl('u');
                self.picks(m);
            }
            // F10 mid-card, cancelled (item 12).
            11 => {
                self.type_text(&format!("{}\n{}\n", m.first, m.last));
                self.key(KeyCode::F(10));
                self.key(KeyCode::Esc);
                self.type_text(&format!("{}\n{}{sig}", m.address, m.pesel));
                self.picks(m);
            }
            _ => {
                self.type_text(&format!(
                    "{}\n{}\n{}\n{}{sig}",
                    m.first, m.last, m.address, m.pesel
                ));
                self.picks(m);
            }
        }
        assert!(self.reviewing(), "card {i}:\n{}", self.screen());
        if m.signed {
            assert_eq!(
                self.scope(),
                Some(Scope::Review),
                "card {i}:\n{}",
                self.screen()
            );
            self.key(KeyCode::Enter);
        } else {
            assert_eq!(self.scope(), Some(Scope::ReviewInvalid));
            self.key(KeyCode::F(8));
        }
        assert!(self.form().is_blank(), "card {i} saved:\n{}", self.screen());
    }
}

#[test]
fn a_day_of_sixty_cards_with_every_mistake_corrected_exports_exactly_those_cards() {
    let edition = urna::edition::Edition::parse(BUNDLED_2014, "e").expect("edition");
    let meant: Vec<Meant> = (0..60).map(|i| meant_card(&edition, i)).collect();
    let mut k = Kiosk::anna(Lang::Pl);
    for (i, m) in meant.iter().enumerate() {
        match i {
            // A lock mid-card, opened with the same PIN.
            20 => {
                k.type_text(&format!("{}\n", m.first));
                k.ctrl('l');
                k.type_text("1234\n");
                k.type_text(&format!("{}\n{}\n{}t", m.last, m.address, m.pesel));
                k.picks(m);
                k.key(KeyCode::Enter);
                continue;
            }
            // A log-out mid-card: Bartek types a card, Anna's comes back.
            40 => {
                k.type_text(&format!("{}\n{}\n", m.first, m.last));
                k.ctrl('q');
                k.login(1, "5678");
                let b = meant_card(&edition, 60);
                k.type_day_card(&b, 60);
                k.ctrl('q');
                k.login(0, "1234");
                k.type_text(&format!("{}\n{}t", m.address, m.pesel));
                k.picks(m);
                k.key(KeyCode::Enter);
                continue;
            }
            _ => k.type_day_card(m, i),
        }
    }
    let mut meant = meant;
    meant.push(meant_card(&edition, 60));
    assert_eq!(k.status().cards, 61);

    // Export to a folder.
    let usb = tempfile::tempdir().expect("usb");
    k.key(KeyCode::F(12));
    k.keys(KeyCode::Down, 5);
    k.type_text(&format!("{}\n", usb.path().display()));
    assert!(k.screen().contains("PROTOKÓŁ DNIA"), "{}", k.screen());
    let bundle = std::fs::read_dir(usb.path())
        .expect("usb")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "urna"))
        .expect("a bundle");

    // The payload, decrypted by Debian's `age` with the office key.
    let mut archive = tar::Archive::new(std::fs::File::open(&bundle).expect("bundle"));
    let payload = usb.path().join("journal.jsonl.age");
    for member in archive.entries().expect("tar") {
        let mut member = member.expect("member");
        if member.path().expect("path").to_string_lossy() == "journal.jsonl.age" {
            member.unpack(&payload).expect("unpack");
        }
    }
    let out = std::process::Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(k._dir.path().join(urna::tui::demo::DEMO_OFFICE_KEY))
        .arg(&payload)
        .output()
        .expect("age runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut cards: std::collections::BTreeMap<String, Meant> = Default::default();
    for line in String::from_utf8(out.stdout).expect("utf-8").lines() {
        let entry: urna::store::journal::Entry = serde_json::from_str(line).expect("entry");
        match entry.event {
            Event::CardEntered { card_id, card, .. } | Event::CardAmended { card_id, card, .. } => {
                cards.insert(card_id, Meant::of(&card));
            }
            Event::CardVoided { card_id, .. } => {
                cards.remove(&card_id);
            }
            _ => {}
        }
    }
    let mut got: Vec<Meant> = cards.into_values().collect();
    got.sort();
    meant.sort();
    assert_eq!(got.len(), meant.len());
    for (g, m) in got.iter().zip(&meant) {
        assert_eq!(g, m);
    }
}
