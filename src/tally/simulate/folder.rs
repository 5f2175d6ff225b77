//! The rest of the folder: the internet channel's card CSV, README.txt
//! and trust.sh.

use super::*;

/// Creates a file only its owner can read, failing if it exists.
pub(super) fn private_file(path: &Path) -> Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err(path))
}

/// Writes the internet channel's card CSV.
pub(super) fn simulate_internet(w: &World<'_>, out: &Path) -> Result<Truth> {
    let path = out.join("internet.csv");
    let file = private_file(&path)?;
    let mut csv = csv::Writer::from_writer(std::io::BufWriter::with_capacity(1 << 20, file));
    let write_err = csv_write(&path);
    csv.write_record(
        crate::cardcsv::REQUIRED
            .iter()
            .chain(&crate::cardcsv::OPTIONAL),
    )
    .map_err(&write_err)?;
    let mut truth = Truth::new(w.edition);
    let internet = w.points.len();
    let guests = &w.guests[internet];
    // Primary voters and guests, in person order.
    let (mut i, mut g) = (0u64, 0usize);
    let mut row = 0u64;
    let width = (w.online + guests.len() as u64).to_string().len().max(6);
    let options = RuleOptions::default();
    loop {
        let next_primary = (i < w.online).then_some(i);
        let next_guest = guests.get(g).copied();
        let (person_no, ordinal) = match (next_primary, next_guest) {
            (Some(a), Some(b)) if b < a => {
                g += 1;
                (b, 1)
            }
            (Some(a), _) => {
                i += 1;
                (a, 0)
            }
            (None, Some(b)) => {
                g += 1;
                (b, 1)
            }
            (None, None) => break,
        };
        let person = w.person(person_no);
        let mut r = Rng::new(w.seed, &[BALLOT, person_no, ordinal, 1]);
        let day = w.days[r.index(w.days.len())];
        let card = w.card(&person, &mut r, None, day);
        row += 1;
        let id = format!("I-{row:0width$}");
        csv.write_record(crate::cardcsv::to_record(&id, &card))
            .map_err(&write_err)?;
        let a = card::assess(w.edition, &card, options);
        truth.online += 1;
        truth.ballot(w, &a, w.is_double(person_no));
    }
    let inner = csv
        .into_inner()
        .map_err(|e| io_err(&path)(e.into_error()))?;
    let file = inner
        .into_inner()
        .map_err(|e| io_err(&path)(e.into_error()))?;
    file.sync_all().map_err(io_err(&path))?;
    Ok(truth)
}

/// Single quotes for the shell.
pub(super) fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

pub(super) fn readme(w: &World<'_>, tally_dir: &Path, truth: &Truth, plan: &Plan) -> String {
    let dir = tally_dir.display();
    let e = w.edition;
    let first = w.points.first().map(|p| p.id.as_str()).unwrap_or("P001");
    let mut s = String::new();
    let _ = writeln!(s, "Symulowane głosowanie (urna tally simulate)");
    let _ = writeln!(s, "============================================\n");
    let _ = writeln!(s, "Edycja: {} ({})", e.id, e.name);
    let _ = writeln!(
        s,
        "Ziarno (--seed): {}. To samo ziarno daje te same osoby i głosy; inne są\ntylko klucze kiosków i szyfrowanie paczek.\n",
        plan.seed
    );
    let _ = writeln!(
        s,
        "Wszystkie osoby, numery PESEL, adresy i głosy są zmyślone przez program.\nMimo to obchodź się z folderem jak z prawdziwymi danymi osobowymi: tak\nćwiczy się procedurę (internet.csv ma prawa 0600, paczki są zaszyfrowane).\n"
    );
    let _ = writeln!(s, "Co jest w folderze");
    let _ = writeln!(
        s,
        "  keys/{first}.pub …        klucze publiczne kiosków (minisign), jeden na punkt"
    );
    let _ = writeln!(
        s,
        "  usb/{first}/{first}-….urna\n                         paczka końca głosowania każdego punktu: podpisana\n                         kluczem kiosku, dziennik zaszyfrowany kluczem biura"
    );
    let _ = writeln!(
        s,
        "  internet.csv           głosy oddane przez internet (format CSV kart)"
    );
    let _ = writeln!(
        s,
        "  expected.json          co wie generator: osoby, głosy w każdym kanale i punkcie,\n                         osoby głosujące dwa razy, karty z wadami i wyniki, jakie\n                         musi pokazać `urna tally results --format json`"
    );
    let _ = writeln!(
        s,
        "  trust.sh               zaufanie kluczom wszystkich kiosków naraz\n"
    );
    let _ = writeln!(s, "Liczby");
    let _ = writeln!(
        s,
        "  osoby: {}, punkty: {}, głosy z internetu ({}% osób): {}",
        w.persons,
        w.points.len(),
        w.online_percent,
        truth.online
    );
    let _ = writeln!(
        s,
        "  karty papierowe: {} (anulowane: {}, poprawione: {}, z wadą: {})",
        truth.cards, truth.voided, truth.amended, truth.defective
    );
    let _ = writeln!(
        s,
        "  głosujący dwa razy: {} (wszystkie ich głosy są nieważne)",
        w.doubles.len()
    );
    let _ = writeln!(
        s,
        "  głosy razem: {}, ważne: {}, nieważne: {}\n",
        truth.total, truth.valid, truth.invalid
    );
    let _ = writeln!(s, "Jak to policzyć (katalog biura: {dir})");
    let _ = writeln!(s, "  1. Zaufaj kioskom:   sh trust.sh");
    let _ = writeln!(
        s,
        "     (to samo ręcznie, dla każdego punktu:\n      urna --data-dir {dir} tally trust keys/{first}.pub --point {first})"
    );
    let _ = writeln!(
        s,
        "  2. Wczytaj paczki:   urna --data-dir {dir} tally import usb/"
    );
    let _ = writeln!(
        s,
        "  3. Wczytaj internet: urna --data-dir {dir} tally import-online internet.csv"
    );
    let _ = writeln!(
        s,
        "  4. Wyniki:           urna --data-dir {dir} tally results\n                       urna --data-dir {dir} tally results --format json"
    );
    let _ = writeln!(
        s,
        "  5. Audyt:            urna --data-dir {dir} tally audit\n"
    );
    let _ = writeln!(
        s,
        "Pole \"ballots\" wyniku w JSON musi być równe \"results.ballots\" w expected.json,\na punkty i liczby głosujących każdego zadania — \"results\" tamże.\nPonowne wczytanie tych samych plików niczego nie zmienia."
    );
    s
}

pub(super) fn trust_script(tally_dir: &Path) -> String {
    format!(
        r#"#!/bin/sh
# Ufa kluczom wszystkich kiosków tej symulacji (urna tally trust).
# Użycie: sh trust.sh [KATALOG_BIURA]; program urna z $URNA albo z PATH.
set -eu
DEFAULT_DIR={}
DATA_DIR="${{1:-$DEFAULT_DIR}}"
case "$DATA_DIR" in
    /*) ;;
    *) DATA_DIR="$PWD/$DATA_DIR" ;;
esac
URNA="${{URNA:-urna}}"
cd "$(dirname "$0")"
for key in keys/*.pub; do
    point=$(basename "$key" .pub)
    "$URNA" --data-dir "$DATA_DIR" tally trust "$key" --point "$point"
done
"#,
        sh_quote(&tally_dir.display().to_string())
    )
}
