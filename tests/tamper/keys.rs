//! The signing key file is nothing without a PIN; the office's key, set
//! later by a coordinator, is journaled.

use super::*;

#[test]
fn the_signing_key_file_holds_nothing_usable_without_a_pin() {
    let w = world();
    let data = w.copy("keys");
    let key_file = data.join("kiosk.key");
    let work = w.root.join("keys-work");
    std::fs::create_dir_all(&work).expect("work");
    std::fs::write(work.join("msg.txt"), b"a forged manifest").expect("msg");
    // Debian's minisign, given the file and the PINs people would try.
    for guess in ["", "1234", "0000"] {
        let o = std::process::Command::new("minisign")
            .current_dir(&work)
            .args(["-S", "-s"])
            .arg(&key_file)
            .args(["-m", "msg.txt", "-x", "msg.txt.minisig"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                if let Some(mut i) = c.stdin.take() {
                    let _ = writeln!(i, "{guess}");
                }
                c.wait_with_output()
            })
            .expect("run minisign");
        assert!(
            !o.status.success(),
            "minisign signed with the key file: {}",
            all(&o)
        );
        assert!(!work.join("msg.txt.minisig").exists());
    }
    // The secret key as the PIN opens it is nowhere in the file.
    let mut store = urna::store::Store::open(&data).expect("open");
    assert!(store.signing_key().is_err(), "no PIN, no key");
    store
        .login("Bartek", "5678", chrono::Local::now())
        .expect("Bartek");
    assert!(
        store.signing_key().is_err(),
        "a volunteer's PIN opens no signing key"
    );
    store
        .login("Anna", "1234", chrono::Local::now())
        .expect("Anna");
    let secret = store
        .signing_key()
        .expect("Anna's PIN opens it")
        .secret
        .to_bytes();
    let file = std::fs::read(&key_file).expect("key file");
    // minisign's layout: algorithms, KDF salt and limits, key id (62 bytes),
    // then the 64-byte Ed25519 secret key.
    let raw_key = &secret[62..126];
    assert!(
        !file
            .windows(32)
            .any(|w| raw_key.windows(32).any(|k| k == w)),
        "the key file holds the secret key"
    );
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&secret);
    assert!(!text(&file).contains(&b64[..40]));
    // urna with a wrong PIN, and with a volunteer's: nothing signed, nothing
    // on the stick, nothing journaled.
    let before = dump(&data);
    let stick = w.root.join("keys-stick");
    std::fs::create_dir_all(&stick).expect("stick");
    for (who, pin) in [("Anna", "4321"), ("Bartek", "5678")] {
        let o = urna(&data)
            .args(["--lang", "en", "export", "--out"])
            .arg(&stick)
            .args(["--as", who, "--pin-stdin"])
            .write_stdin(format!("{pin}\n"))
            .output()
            .expect("export");
        assert_eq!(o.status.code(), Some(2), "{who}: {}", all(&o));
        assert!(std::fs::read_dir(&stick).expect("stick").next().is_none());
    }
    let after = dump(&data).expect("dump");
    // Only the failed-attempt counter moved.
    let strip = |d: &str| {
        d.lines()
            .filter(|l| !l.starts_with("Text(\"Anna\")|Integer(1)"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (before, after) = (strip(&before.expect("dump")), strip(&after));
    let gone: Vec<&str> = before.lines().filter(|l| !after.contains(l)).collect();
    let new: Vec<&str> = after.lines().filter(|l| !before.contains(l)).collect();
    assert!(
        gone.is_empty() && new.is_empty(),
        "changed: -{gone:?} +{new:?}"
    );
}

#[test]
fn the_office_key_is_set_later_by_a_coordinator_and_journaled() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("kiosk");
    // Set up with "no key yet" and PINs of at least six digits.
    ok(
        urna(&data)
            .args(["init", "--edition", EDITION, "--point", "P01"])
            .args([
                "--point-name",
                "Szkoła",
                "--coordinator",
                "Anna",
                "--pin-stdin",
            ])
            .args(["--min-pin-length", "6"])
            .write_stdin("123456\n")
            .output()
            .expect("init"),
        "init",
    );
    let short = urna(&data)
        .args([
            "--lang",
            "en",
            "operator",
            "add",
            "Bartek",
            "--role",
            "volunteer",
        ])
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("123456\n5678\n")
        .output()
        .expect("add");
    assert_eq!(short.status.code(), Some(2), "{}", all(&short));
    assert!(
        all(&short).contains("a PIN is 6 to 12 digits"),
        "{}",
        all(&short)
    );
    ok(
        urna(&data)
            .args(["operator", "add", "Bartek", "--role", "volunteer"])
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("123456\n567890\n")
            .output()
            .expect("add"),
        "add",
    );
    // Every export attempt says plainly, in Polish, what to do.
    let stick = tmp.path().join("stick");
    std::fs::create_dir_all(&stick).expect("stick");
    let o = urna(&data)
        .args(["export", "--out"])
        .arg(&stick)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("123456\n")
        .output()
        .expect("export");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        all(&o).contains("Punkt nie ma jeszcze klucza biura")
            && all(&o).contains("urna central set age1… --as IMIĘ"),
        "{}",
        all(&o)
    );
    let office = age::x25519::Identity::generate().to_public().to_string();
    // A volunteer cannot set it; a wrong PIN cannot; nothing is journaled.
    let status = |d: &Path| {
        let o = urna(d).args(["status", "--json"]).output().expect("status");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v["journal_entries"].as_u64().expect("entries")
    };
    let before = status(&data);
    for (who, pin, code) in [("Bartek", "567890", 2), ("Anna", "654321", 2)] {
        let o = urna(&data)
            .args([
                "--lang",
                "en",
                "central",
                "set",
                &office,
                "--as",
                who,
                "--pin-stdin",
            ])
            .write_stdin(format!("{pin}\n"))
            .output()
            .expect("central set");
        assert_eq!(o.status.code(), Some(code), "{who}: {}", all(&o));
    }
    assert_eq!(status(&data), before);
    let bad = urna(&data)
        .args(["central", "set", "age1nope", "--as", "Anna", "--pin-stdin"])
        .write_stdin("123456\n")
        .output()
        .expect("central set");
    assert_eq!(bad.status.code(), Some(2));
    ok(
        urna(&data)
            .args(["central", "set", &office, "--as", "Anna", "--pin-stdin"])
            .write_stdin("123456\n")
            .output()
            .expect("central set"),
        "central set",
    );
    assert_eq!(status(&data), before + 1, "journaled");
    let shown = ok(
        urna(&data)
            .args(["central", "show"])
            .output()
            .expect("show"),
        "show",
    );
    // "klucz biura: age1…" (or "office key: …", as the machine's language is).
    assert!(
        text(&shown.stdout)
            .lines()
            .any(|l| l.ends_with(&format!(": {office}"))),
        "{}",
        text(&shown.stdout)
    );
    urna(&data).arg("check").assert().success();
    // Editing it afterwards on the disk is caught (the journal says otherwise).
    let copy = copy_store(&data, &tmp.path().join("copy"));
    db(&copy)
        .execute(
            "UPDATE meta SET value = '' WHERE key = 'central_recipient'",
            [],
        )
        .expect("edit");
    assert!(reported(&copy).contains("meta[central_recipient]"));
    // And the export now works, encrypted to the office key.
    ok(
        urna(&data)
            .args(["export", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("123456\n")
            .output()
            .expect("export"),
        "export",
    );
}
