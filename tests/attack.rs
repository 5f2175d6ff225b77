//! A hostile tester's files against the real binary (issue 10, second round):
//! card CSVs made to exhaust memory, FIFOs and devices named on the command
//! line, personal data planted in a bundle's manifest and member names, and
//! file names carrying terminal escape codes.

#[path = "support/office.rs"]
mod office;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command as Std;

use office::{EDITION, HEADER, office, pesel, urna};

const BIN: &str = env!("CARGO_BIN_EXE_urna");
const PESEL: &str = "75031412362";

/// A kiosk data dir with the 2014 edition (`urna init`).
fn kiosk(root: &Path) -> PathBuf {
    let dir = root.join("kiosk");
    urna(&dir)
        .args(["init", "--edition", EDITION, "--point", "P1"])
        .args(["--point-name", "P1", "--coordinator", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
    dir
}

/// The real binary under a 512 MiB address-space limit and a 60 s timeout
/// (the timeout only stops a hang; it is not a speed assertion).
fn limited(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut cmd = Std::new("prlimit");
    cmd.arg("--as=536870912")
        .args(["--", "timeout", "60", BIN, "--lang", "en", "--data-dir"])
        .arg(dir)
        .args(as_anna(args))
        .env_remove("URNA_DATA_DIR");
    let out = with_pin(cmd);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// `import-cards` writes to the journal, so it runs as coordinator Anna.
fn as_anna<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    if v.first() == Some(&"import-cards") {
        v.splice(1..1, ["--as", "Anna", "--pin-stdin"]);
    }
    v
}

/// Runs `cmd` with Anna's PIN on its stdin (a command that reads none may
/// exit before it is written).
fn with_pin(mut cmd: Std) -> std::process::Output {
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let _ = child.stdin.take().expect("stdin").write_all(b"1234\n");
    child.wait_with_output().expect("wait")
}

fn write_big(path: &Path, head: &[u8], fill: u8, count: usize, tail: &[u8]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    f.write_all(head).expect("write");
    let chunk = vec![fill; 1 << 20];
    let mut left = count;
    while left > 0 {
        let n = left.min(chunk.len());
        f.write_all(&chunk[..n]).expect("write");
        left -= n;
    }
    f.write_all(tail).expect("write");
}

#[test]
fn card_csvs_made_to_exhaust_memory_are_refused_at_their_line_in_bounded_memory() {
    let o = office();
    let k = kiosk(&o.root);
    let file = o.root.join("big.csv");
    // (what, head, fill byte, fill count, tail, the refusal's words)
    type Case<'a> = (&'a str, Vec<u8>, u8, usize, Vec<u8>, &'a str);
    let cases: Vec<Case> = vec![
        (
            "commas",
            Vec::new(),
            b',',
            30_000_000,
            b"\n".to_vec(),
            ":1: file refused",
        ),
        (
            "header",
            HEADER.as_bytes().to_vec(),
            b',',
            30_000_000,
            b"\n".to_vec(),
            ":1: file refused",
        ),
        (
            "open quote",
            format!("{HEADER}\nk-1,\"{PESEL},Anna,Nowak").into_bytes(),
            b'x',
            200 << 20,
            Vec::new(),
            ":2: file refused",
        ),
    ];
    for (what, head, fill, count, tail, says) in cases {
        write_big(&file, &head, fill, count, &tail);
        let f = file.to_str().expect("path");
        for (dir, args) in [
            (&k, vec!["import-cards", f]),
            (&o.tally, vec!["tally", "import-online", f]),
        ] {
            let (code, text) = limited(dir, &args);
            assert!(
                code != 134 && code != 101 && code != 124 && code != 0,
                "{what} {args:?}: exit {code}: {text}"
            );
            assert!(!text.contains("memory allocation"), "{what}: {text}");
            assert!(text.contains(says), "{what} {args:?}: {text}");
            assert!(
                !text.contains(PESEL) && !text.contains("Nowak"),
                "{what}: {text}"
            );
        }
        std::fs::remove_file(&file).expect("rm");
    }
    // A quote never closed in a small file is named by its line.
    std::fs::write(
        &file,
        format!(
            "{HEADER}\n{}\nk-2,\"x,a\n",
            office::row("k-1", &pesel(1), "1|2")
        ),
    )
    .expect("write");
    let (code, text) = limited(&k, &["import-cards", file.to_str().expect("path")]);
    assert_ne!(code, 0, "{text}");
    assert!(
        text.contains(":3: file refused: the quote opened on this line is never closed"),
        "{text}"
    );
}

#[test]
fn a_fifo_or_a_device_named_on_the_command_line_is_refused_at_once() {
    let o = office();
    let k = kiosk(&o.root);
    let ff = o.root.join("ff.csv");
    let made = Std::new("mkfifo").arg(&ff).status().expect("mkfifo");
    assert!(made.success());
    let ff = ff.to_str().expect("path");
    for (dir, args) in [
        (&k, vec!["import-cards", ff]),
        (&k, vec!["import-cards", "/dev/zero"]),
        (&o.tally, vec!["tally", "import-online", ff]),
        (&o.tally, vec!["tally", "import-online", "/dev/zero"]),
        (&o.tally, vec!["tally", "trust", "--point", "P09", ff]),
        (
            &o.tally,
            vec!["tally", "trust", "--point", "P09", "/dev/zero"],
        ),
        (&o.tally, vec!["verify", "--key", ff, "/dev/null"]),
    ] {
        let (code, text) = limited(dir, &args);
        assert!(
            code != 124 && code != 134 && code != 0,
            "{args:?}: exit {code}: {text}"
        );
        assert!(text.contains("not a regular file"), "{args:?}: {text}");
    }
    // Nothing was stored, and the refused internet file has its log row.
    let out = urna(&o.tally)
        .args(["tally", "audit", "--format", "json"])
        .output()
        .expect("audit");
    let audit = String::from_utf8_lossy(&out.stdout);
    assert!(audit.contains("ff.csv"), "{audit}");
}

/// True if `text` holds an escape or a control character other than the
/// line ends.
fn raw_controls(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r')
}

#[test]
fn file_names_with_control_characters_are_shown_escaped() {
    let o = office();
    let k = kiosk(&o.root);
    let evil = "evil\u{1b}[2J\u{1b}[31mRED\nfake: przyjęta";
    // A real bundle renamed so in a folder: every line about it escaped.
    o.kiosk("P01", &[office::row("k-1", &pesel(1), "1|2|3|4|5")], true);
    let folder = o.usb.join("P01");
    let made = std::fs::read_dir(&folder)
        .expect("stick")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "urna"))
        .expect("a bundle");
    let bad = folder.join(format!("{evil}.urna"));
    std::fs::rename(&made, &bad).expect("rename");
    let mut said = String::new();
    for args in [
        vec![
            "--lang",
            "pl",
            "tally",
            "import",
            folder.to_str().expect("path"),
        ],
        vec![
            "--lang",
            "pl",
            "tally",
            "import",
            bad.to_str().expect("path"),
        ],
        vec!["--lang", "pl", "tally", "audit"],
        vec!["--lang", "en", "tally", "audit", "--format", "json"],
    ] {
        let out = Std::new(BIN)
            .arg("--data-dir")
            .arg(&o.tally)
            .args(&args)
            .env_remove("URNA_DATA_DIR")
            .output()
            .expect("urna");
        said.push_str(&String::from_utf8_lossy(&out.stdout));
        said.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    let out = Std::new(BIN)
        .args(["--lang", "en", "verify"])
        .arg(&bad)
        .output()
        .expect("verify");
    said.push_str(&String::from_utf8_lossy(&out.stdout));
    said.push_str(&String::from_utf8_lossy(&out.stderr));
    assert!(!raw_controls(&said), "{said:?}");
    assert!(
        !said.lines().any(|l| l.starts_with("fake: przyjęta")),
        "a forged line: {said}"
    );
    assert!(said.contains(r"evil\u{1b}[2J"), "{said}");
    assert!(said.contains(r"RED\nfake"), "{said}");
    // The import log keeps the name escaped.
    let log = urna::tally::store::Tally::open(&o.tally)
        .expect("tally")
        .imports()
        .expect("log");
    assert!(!log.is_empty());
    assert!(log.iter().all(|r| !raw_controls(&r.file)), "{log:?}");

    // A card CSV under such a name: the refusal names it escaped.
    let csv = o.root.join(format!("{evil}.csv"));
    std::fs::write(&csv, "a,b\n").expect("csv");
    for args in [vec!["import-cards"], vec!["tally", "import-online"]] {
        let dir = if args[0] == "tally" { &o.tally } else { &k };
        let mut cmd = Std::new(BIN);
        cmd.arg("--data-dir")
            .arg(dir)
            .args(as_anna(&args))
            .arg(&csv)
            .env_remove("URNA_DATA_DIR");
        let out = with_pin(cmd);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!raw_controls(&text), "{args:?}: {text:?}");
        assert!(text.contains(r"evil\u{1b}[2J"), "{args:?}: {text}");
    }
}
