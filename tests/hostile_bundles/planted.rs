//! Values planted in an unsigned bundle are never shown unmasked.

use super::*;

/// Every text the office shows or keeps about its imports: the import log's
/// rows and `tally audit` in text (both languages) and JSON.
fn everything_said(tally: &Path) -> String {
    let mut all = String::new();
    for r in log(tally) {
        all.push_str(&format!("{r:?}\n"));
    }
    for args in [
        &["--lang", "pl", "tally", "audit"][..],
        &["--lang", "en", "tally", "audit"],
        &["--lang", "en", "tally", "audit", "--format", "json"],
    ] {
        let out = Command::new(BIN)
            .args(["--data-dir"])
            .arg(tally)
            .args(args)
            .env_remove("URNA_DATA_DIR")
            .output()
            .expect("tally audit");
        all.push_str(&text(&out.stdout));
        all.push_str(&text(&out.stderr));
    }
    all
}

#[test]
fn values_planted_in_an_unsigned_bundle_are_never_shown_unmasked() {
    const PESEL: &str = "75031412362";
    let o = office();
    let central = o.recipient();
    let p1 = kiosk(
        &o,
        "P1",
        &PathBuf::from(EDITION),
        &central,
        &[row("a1", &pesel(1), "1|2|3|4|5")],
    );
    trust(&o, &p1, "P1");
    let a = real(&export(&p1, &o.root.join("usb-p1")));
    let manifest: serde_json::Value = serde_json::from_slice(&a.manifest).expect("manifest");
    let bent = |key: &str, value: &str| {
        let mut m = manifest.clone();
        m[key] = serde_json::Value::String(value.into());
        let mut ms = a.three();
        ms[0] = regular(
            "manifest.json",
            serde_json::to_string_pretty(&m).expect("json").as_bytes(),
        );
        tar(&ms)
    };
    let mut named = a.three();
    named.insert(0, regular(&format!("{PESEL} Nowak"), b"x\n"));
    let cases = [
        ("sequence", bent("sequence", PESEL), "manifest"),
        (
            "format",
            bent("format", &format!("Nowak {PESEL}")),
            "format",
        ),
        ("member-name", tar(&named), "unexpected"),
    ];
    for (case, bytes, code) in cases {
        let dir = o.root.join(format!("planted-{case}"));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join(&a.name);
        std::fs::write(&file, &bytes).expect("bundle");
        let mut said = String::new();
        for lang in ["pl", "en"] {
            let out = import_limited(&o.tally, lang, &[&file]);
            assert_eq!(out.status.code(), Some(1), "{case}: {out:?}");
            said.push_str(&text(&out.stdout));
            said.push_str(&text(&out.stderr));
        }
        let out = verify_limited(&file);
        assert_eq!(out.status.code(), Some(1), "{case}: {out:?}");
        said.push_str(&text(&out.stdout));
        said.push_str(&text(&out.stderr));
        let last = log(&o.tally).pop().expect("a row");
        assert_eq!(last.code.as_deref(), Some(code), "{case}: {said}");
        said.push_str(&everything_said(&o.tally));
        for planted in [PESEL, "Nowak"] {
            assert!(!said.contains(planted), "{case}: {planted} in:\n{said}");
        }
    }
    // The manifest error still says what and where.
    let said = everything_said(&o.tally);
    assert!(
        said.contains("manifest.json is not a readable manifest: a field of the wrong type, missing or unknown at line"),
        "{said}"
    );
    // The expected names stay readable: a duplicate manifest is named.
    let mut ms = a.three();
    ms.insert(1, regular("manifest.json", &a.manifest));
    let dir = o.root.join("planted-twice");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join(&a.name), tar(&ms)).expect("bundle");
    let out = import_limited(&o.tally, "en", &[&dir]);
    assert!(
        text(&out.stdout).contains("the bundle holds \"manifest.json\" more than once"),
        "{out:?}"
    );
}
