//! Polish output is Polish (issue 10, point 9): where a command fails
//! because of the operating system (a missing file, a directory where a
//! file should be, a path through a regular file), age (a bundle for
//! another office, a garbage age header) or the TOML reader (a wrong type,
//! a missing or unknown key, bad syntax), the real binary under its default
//! language says it in Polish — with none of the libraries' English — and
//! under `--lang en` in English. Also: control characters in a card CSV's
//! fields are refused by column, their value masked.

use std::path::{Path, PathBuf};

#[path = "support/office.rs"]
mod office;

use office::{EDITION, HEADER, pesel, row, said, urna_in};
use urna::i18n::Lang;

/// Library and OS phrases a Polish line must never hold.
const ENGLISH: &[&str] = &[
    "No such file",
    "Permission denied",
    "os error",
    "Header is invalid",
    "No matching keys",
    "decryption error",
    "invalid type",
    "expected",
    "missing field",
    "unknown field",
    "duplicate key",
    "unclosed",
    "Is a directory",
    "Not a directory",
    "cannot read the file",
];

/// Runs `args` in both languages: it fails with `code`, says `pl` (and no
/// English library phrase) by default and `en` with `--lang en`.
fn both(dir: &Path, args: &[&str], code: i32, pl: &str, en: &str) {
    let out = urna_in(dir, Lang::Pl)
        .args(args)
        .write_stdin("1234\n")
        .output()
        .expect("run urna");
    let text = said(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {text}");
    assert!(text.contains(pl), "{args:?} should say {pl:?}:\n{text}");
    for phrase in ENGLISH {
        assert!(
            !text.contains(phrase),
            "{args:?}: English {phrase:?} in a Polish line:\n{text}"
        );
    }
    let out = urna_in(dir, Lang::En)
        .args(args)
        .write_stdin("1234\n")
        .output()
        .expect("run urna");
    let text = said(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?} --lang en: {text}");
    assert!(
        text.contains(en),
        "{args:?} --lang en should say {en:?}:\n{text}"
    );
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// A tally office in `root/tally`; its age recipient.
fn tally(root: &Path) -> (PathBuf, String) {
    let dir = root.join("tally");
    let out = urna_in(&dir, Lang::En)
        .args(["tally", "init", "--edition", EDITION])
        .output()
        .expect("tally init");
    assert!(out.status.success(), "{}", said(&out));
    let recipient = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .expect("the recipient")
        .trim()
        .to_string();
    (dir, recipient)
}

/// A kiosk for point `point` encrypting to `central`, with one card; its
/// data dir.
fn kiosk(root: &Path, point: &str, central: &str) -> PathBuf {
    let data = root.join(point);
    let out = urna_in(&data, Lang::En)
        .args(["init", "--edition", EDITION, "--point", point])
        .args(["--point-name", point, "--coordinator", "Anna"])
        .args(["--central", central, "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("init");
    assert!(out.status.success(), "{}", said(&out));
    let csv = root.join(format!("{point}.csv"));
    std::fs::write(
        &csv,
        format!("{HEADER}\n{}\n", row("a1", &pesel(1), "1|2|3|4|5")),
    )
    .expect("csv");
    let out = urna_in(&data, Lang::En)
        .arg("import-cards")
        .arg(&csv)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("import-cards");
    assert!(out.status.success(), "{}", said(&out));
    data
}

fn trust(tally: &Path, data: &Path, point: &str) {
    let key = data.with_file_name(format!("{point}.pub"));
    let out = urna_in(data, Lang::En).arg("key").output().expect("key");
    std::fs::write(&key, &out.stdout).expect("key file");
    let out = urna_in(tally, Lang::En)
        .args(["tally", "trust", s(&key), "--point", point])
        .output()
        .expect("trust");
    assert!(out.status.success(), "{}", said(&out));
}

fn export(data: &Path, stick: &Path) -> PathBuf {
    std::fs::create_dir_all(stick).expect("stick");
    let out = urna_in(data, Lang::En)
        .args(["export", "--out", s(stick), "--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("export");
    assert!(out.status.success(), "{}", said(&out));
    let mut made: Vec<PathBuf> = std::fs::read_dir(stick)
        .expect("stick")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "urna"))
        .collect();
    made.sort();
    made.pop().expect("a bundle")
}

fn tool(cwd: &Path, program: &str, args: &[&str]) {
    let out = std::process::Command::new(program)
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): `bash test.sh` installs it"));
    assert!(out.status.success(), "{program} {args:?}: {}", said(&out));
}

/// `bundle` with its payload replaced by `payload`, the manifest's payload
/// hash made to match and signed again with the kiosk's own key (what only
/// the kiosk, or someone with its coordinator's PIN, can do): every check
/// before decryption passes.
fn with_payload(bundle: &Path, data: &Path, payload: &[u8], case: &str) -> PathBuf {
    use sha2::{Digest, Sha256};
    use urna::bundle::{MANIFEST, Manifest, PAYLOAD, SIGNATURE};
    let dir = bundle.with_file_name(case);
    std::fs::create_dir_all(&dir).expect("craft dir");
    tool(&dir, "tar", &["-xf", s(bundle)]);
    let mut manifest: Manifest =
        serde_json::from_slice(&std::fs::read(dir.join(MANIFEST)).expect("manifest"))
            .expect("a manifest");
    manifest.payload.sha256 = hex::encode(Sha256::digest(payload));
    let mut bytes = serde_json::to_vec_pretty(&manifest).expect("manifest JSON");
    bytes.push(b'\n');
    let mut store = urna::store::Store::open(data).expect("the kiosk store");
    store
        .login("Anna", "1234", chrono::Local::now())
        .expect("Anna's PIN");
    let key = store.signing_key().expect("the signing key");
    let signature = minisign::sign(
        Some(&key.public),
        &key.secret,
        bytes.as_slice(),
        Some(&format!(
            "urna bundle point={} sequence={} manifest_sha256={}",
            manifest.point.id,
            manifest.sequence,
            hex::encode(Sha256::digest(&bytes))
        )),
        Some("signature from urna kiosk"),
    )
    .expect("a signature");
    std::fs::write(dir.join(MANIFEST), &bytes).expect("manifest");
    std::fs::write(dir.join(SIGNATURE), signature.to_string()).expect("signature");
    std::fs::write(dir.join(PAYLOAD), payload).expect("payload");
    let out = dir.join("sealed");
    std::fs::create_dir_all(&out).expect("sealed");
    let path = out.join(bundle.file_name().expect("a name"));
    tool(
        &dir,
        "tar",
        &[
            "--format=ustar",
            "-cf",
            s(&path),
            MANIFEST,
            SIGNATURE,
            PAYLOAD,
        ],
    );
    path
}

#[test]
fn files_that_cannot_be_read_are_said_in_polish() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let (tally, _) = tally(root);
    let missing = root.join("missing.urna");
    let file = root.join("plain-file");
    std::fs::write(&file, "x").expect("a file");
    let through_file = file.join("inside.urna");
    let dir = root.join("a-directory");
    std::fs::create_dir(&dir).expect("dir");
    let not_found = (
        "nie ma takiego pliku ani katalogu",
        "no such file or directory",
    );
    let not_dir = (
        "część ścieżki nie jest katalogiem",
        "a part of the path is not a directory",
    );
    // (arguments, exit code, Polish, English)
    let cases: Vec<(Vec<&str>, i32, (&str, &str))> = vec![
        (vec!["verify", s(&missing)], 1, not_found),
        (vec!["verify", s(&through_file)], 1, not_dir),
        (vec!["edition", "check", s(&missing)], 2, not_found),
        (vec!["edition", "check", s(&through_file)], 2, not_dir),
        (vec!["tally", "import", s(&through_file)], 1, not_dir),
        (vec!["tally", "import", s(&missing)], 1, not_found),
        (
            vec!["tally", "trust", s(&missing), "--point", "P1"],
            2,
            not_found,
        ),
        (
            vec!["tally", "results", "--out", s(&through_file)],
            2,
            not_dir,
        ),
        (
            vec!["tally", "results", "--out", s(&dir)],
            2,
            ("to katalog, a nie plik", "it is a directory, not a file"),
        ),
        (
            vec!["tally", "audit", "--out", s(&through_file)],
            2,
            not_dir,
        ),
        (
            vec!["tally", "init", "--edition", s(&missing)],
            2,
            not_found,
        ),
    ];
    for (args, code, (pl, en)) in &cases {
        both(&tally, args, *code, pl, en);
    }
    // A kiosk's commands: init and import-cards.
    let kiosk_dir = root.join("kiosk");
    both(
        &kiosk_dir,
        &[
            "init",
            "--edition",
            s(&missing),
            "--point",
            "P1",
            "--point-name",
            "P1",
            "--coordinator",
            "Anna",
            "--central",
            &age::x25519::Identity::generate().to_public().to_string(),
            "--pin-stdin",
        ],
        2,
        not_found.0,
        not_found.1,
    );
    both(
        &file.join("data"),
        &[
            "init",
            "--edition",
            EDITION,
            "--point",
            "P1",
            "--point-name",
            "P1",
            "--coordinator",
            "Anna",
            "--central",
            &age::x25519::Identity::generate().to_public().to_string(),
            "--pin-stdin",
        ],
        2,
        not_dir.0,
        not_dir.1,
    );
    let data = kiosk(
        root,
        "P1",
        &age::x25519::Identity::generate().to_public().to_string(),
    );
    both(
        &data,
        &["import-cards", s(&missing), "--as", "Anna", "--pin-stdin"],
        2,
        not_found.0,
        not_found.1,
    );
}

#[test]
fn bundles_that_do_not_decrypt_are_said_in_polish_in_the_import_and_the_audit() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let (tally, _) = tally(root);
    // A kiosk set up with another office's key.
    let other = age::x25519::Identity::generate().to_public().to_string();
    let p1 = kiosk(root, "P1", &other);
    trust(&tally, &p1, "P1");
    let elsewhere = export(&p1, &root.join("usb-p1"));
    both(
        &tally,
        &["tally", "import", s(&elsewhere)],
        1,
        "zaszyfrowana dla innego odbiorcy: żaden klucz tego biura do niej nie pasuje",
        "encrypted to another recipient: no key of this office fits it",
    );
    // A payload that is no age file, signed by the kiosk itself.
    let garbage = with_payload(
        &elsewhere,
        &p1,
        b"this is not an age file at all\n\0\0\0",
        "garbage-header",
    );
    both(
        &tally,
        &["tally", "import", s(&garbage)],
        1,
        "nagłówek age jest nieczytelny",
        "the age header is unreadable",
    );
    // The import log keeps codes: the audit says both in either language.
    both(
        &tally,
        &["tally", "audit", "--format", "text"],
        0,
        "zaszyfrowana dla innego odbiorcy",
        "encrypted to another recipient",
    );
    both(
        &tally,
        &["tally", "audit", "--format", "text"],
        0,
        "nagłówek age jest nieczytelny",
        "the age header is unreadable",
    );
}

#[test]
fn edition_files_the_toml_reader_refuses_are_said_in_polish_with_line_and_column() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let good = std::fs::read_to_string(EDITION).expect("edition");
    assert!(good.contains("\nmin_age = "), "the edition sets min_age");
    let min_age_line = good
        .lines()
        .position(|l| l.starts_with("min_age = "))
        .expect("min_age")
        + 1;
    let set_min_age = |with: &str| {
        good.lines()
            .map(|l| {
                if l.starts_with("min_age = ") {
                    with.to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let without_ballot = {
        let start = good.find("[ballot]").expect("[ballot]");
        let end = start + good[start..].find("\n[").expect("the next table") + 1;
        format!("{}{}", &good[..start], &good[end..])
    };
    // (file text, Polish, English)
    let cases: Vec<(String, String, String)> = vec![
        (
            set_min_age("min_age = \"szesnaście\""),
            format!(
                ":{min_age_line}:11: `min_age`: zły rodzaj wartości: jest tekst \"szesnaście\", a oczekiwano: liczba całkowita"
            ),
            "invalid type: string \"szesnaście\", expected a whole number".into(),
        ),
        (
            without_ballot,
            "brak wymaganego klucza `ballot`".into(),
            "missing field `ballot`".into(),
        ),
        (
            set_min_age("min_age = 16\nwiek = 16"),
            format!(
                ":{}:1: nieznany klucz `wiek`; dozwolone: `id`",
                min_age_line + 1
            ),
            "unknown field `wiek`".into(),
        ),
        (
            set_min_age("min_age = 16\nmin_age = 18"),
            "klucz `min_age` podany więcej niż raz".into(),
            "duplicate key".into(),
        ),
        (
            good.replacen("[ballot]", "[ballot", 1),
            "błąd składni TOML: niezamknięty nagłówek tabeli".into(),
            "unclosed table".into(),
        ),
        (
            set_min_age("min_age = "),
            "błąd składni TOML".into(),
            "min_age".into(),
        ),
    ];
    for (i, (text, pl, en)) in cases.iter().enumerate() {
        let file = root.join(format!("edition-{i}.toml"));
        std::fs::write(&file, text).expect("edition file");
        both(root, &["edition", "check", s(&file)], 1, pl, en);
        // `tally init` reads the same file and says the same.
        both(
            &root.join(format!("tally-{i}")),
            &["tally", "init", "--edition", s(&file)],
            2,
            pl,
            en,
        );
    }
}

#[test]
fn control_characters_in_a_card_csv_are_refused_by_column_and_masked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let data = kiosk(
        root,
        "P1",
        &age::x25519::Identity::generate().to_public().to_string(),
    );
    let good = row("ok1", &pesel(2), "1|2|3|4|5");
    // A line break in a quoted address (a spreadsheet's cell) is no control
    // character to refuse; DEL is.
    let two_lines = format!(
        "ok2,{},Ewa,Nowak,\"ul. Długa 1\nm. 4\",2014-09-28,I,1,1,1",
        pesel(5)
    );
    let delete = format!(
        "b3,{},Ewa,Nowak\u{7f},ul. Długa 1,2014-09-28,I,1,1,1",
        pesel(6)
    );
    let bell = format!(
        "b1,{},E\u{7}wa,Nowak,ul. Długa 1,2014-09-28,I,1,1,1",
        pesel(3)
    );
    let escape = format!(
        "b2,{},Ewa,Nowak,\"ul. Długa 1\u{1b}[31m\",2014-09-28,I,1,1,1",
        pesel(4)
    );
    let csv = root.join("controls.csv");
    std::fs::write(
        &csv,
        format!("{HEADER}\n{good}\n{bell}\n{escape}\n{two_lines}\n{delete}\n"),
    )
    .expect("csv");
    let out = urna_in(&data, Lang::Pl)
        .args(["import-cards", s(&csv), "--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("import-cards");
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("first_name „E***” zawiera znak sterujący"),
        "{text}"
    );
    assert!(text.contains("address „u"), "{text}");
    assert!(
        text.contains("last_name „N*****” zawiera znak sterujący"),
        "{text}"
    );
    assert_eq!(text.matches("zawiera znak sterujący").count(), 3, "{text}");
    assert!(
        !text.contains('\u{7}') && !text.contains('\u{1b}') && !text.contains('\u{7f}'),
        "{text:?}"
    );
    assert!(!text.contains("Ewa") && !text.contains("Długa"), "{text}");
    // Only the clean rows are stored (and the kiosk's first card).
    let status = urna_in(&data, Lang::En)
        .args(["status", "--json"])
        .output()
        .expect("status");
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).expect("status JSON");
    assert_eq!(status["cards"], 3, "{status}");

    // The internet channel's file: refused whole, naming the line.
    let (tally, _) = tally(root);
    let online = root.join("online.csv");
    std::fs::write(&online, format!("{HEADER}\n{good}\n{bell}\n")).expect("online csv");
    both(
        &tally,
        &["tally", "import-online", s(&online)],
        1,
        "linia 3: first_name „E***” zawiera znak sterujący",
        "line 3: first_name \"E***\" holds a control character",
    );
}

#[test]
fn the_simulator_refuses_in_polish() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let (tally, _) = tally(root);
    let full = root.join("full");
    std::fs::create_dir(&full).expect("dir");
    std::fs::write(full.join("something"), "x").expect("a file");
    let fresh = root.join("fresh");
    for (args, pl, en) in [
        (
            vec!["--voters", "0", "--points", "1", "--out", s(&fresh)],
            "--voters musi wynosić co najmniej 1",
            "--voters must be at least 1",
        ),
        (
            vec!["--voters", "10", "--points", "1", "--out", s(&full)],
            "nie jest pusty; symuluj do nowego folderu",
            "is not empty; simulate into a new folder",
        ),
    ] {
        let mut all = vec!["tally", "simulate"];
        all.extend(args);
        both(&tally, &all, 1, pl, en);
    }
    assert!(!fresh.exists(), "nothing simulated");
}

/// A command line that does not parse is said in Polish by default (clap
/// itself speaks only English), with a pointer to `--help`; `--lang en`
/// gives clap's own words. Exit 2 either way.
#[test]
fn command_lines_that_do_not_parse_are_said_in_polish() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let clap_english = [
        "error:",
        "invalid value",
        "required arguments",
        "unrecognized",
        "unexpected argument",
        "tip:",
        "For more information",
        "possible values",
    ];
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["tally", "import"],
            "brakuje wymaganego argumentu: <ŚCIEŻKA>...",
            "the following required arguments were not provided",
        ),
        (
            &["init", "--point", "P"],
            "brakuje wymaganych argumentów: --edition <PLIK>, --point-name <NAZWA>, --coordinator <IMIĘ>",
            "the following required arguments were not provided",
        ),
        (
            &["tally", "results", "--format", "xml"],
            "„xml” to nie jest wartość dla --format <FORMAT>; możliwe: text, json, csv, pabulib, html",
            "invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            &["tally", "improt"],
            "nieznane polecenie „improt”",
            "unrecognized subcommand 'improt'",
        ),
        (
            &["--bogus"],
            "nieznany argument „--bogus”",
            "unexpected argument '--bogus'",
        ),
        (
            &["init", "--min-pin-length", "x"],
            "„x” to nie jest poprawna wartość dla --min-pin-length",
            "invalid value 'x' for '--min-pin-length",
        ),
        (
            &["tally", "init", "--edition"],
            "--edition <PLIK> potrzebuje wartości",
            "a value is required for '--edition <FILE>'",
        ),
    ];
    for (args, pl, en) in cases {
        let out = urna_in(&dir, Lang::Pl)
            .args(*args)
            .output()
            .expect("run urna");
        let text = said(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains(pl), "{args:?} should say {pl:?}:\n{text}");
        assert!(text.contains("urna --help"), "{text}");
        for phrase in clap_english {
            assert!(
                !text.contains(phrase),
                "{args:?}: clap's {phrase:?}:\n{text}"
            );
        }
        let out = urna_in(&dir, Lang::En)
            .args(*args)
            .output()
            .expect("run urna");
        let text = said(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains(en), "{args:?} should say {en:?}:\n{text}");
    }
    // Help is no error: exit 0, in the language asked for (tests/cli_help_language.rs).
    let help = urna_in(&dir, Lang::Pl)
        .arg("--help")
        .output()
        .expect("run urna");
    assert_eq!(help.status.code(), Some(0));
    assert!(said(&help).contains("Użycie: urna"), "{}", said(&help));
    let help = urna_in(&dir, Lang::En)
        .arg("--help")
        .output()
        .expect("run urna");
    assert_eq!(help.status.code(), Some(0));
    assert!(said(&help).contains("Usage: urna"), "{}", said(&help));
}
