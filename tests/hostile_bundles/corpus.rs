//! The corpus of hostile files and folders: each refused by name, with its
//! code, in bounded memory, and the good bundles beside them still imported.

use super::*;

// ---------------------------------------------------------------------------
// The corpus.

/// One hostile input: a file or a folder, and the refusal code of each row
/// its import must log, in the order the files are found.
struct Case {
    name: String,
    path: PathBuf,
    codes: Vec<&'static str>,
}

struct Corpus {
    dir: PathBuf,
    cases: Vec<Case>,
}

impl Corpus {
    /// `bytes` as `<case>/<file>`.
    fn file(&mut self, case: &str, file: &str, bytes: &[u8], code: &'static str) {
        let d = self.dir.join(case);
        std::fs::create_dir_all(&d).expect("case dir");
        let p = d.join(file);
        std::fs::write(&p, bytes).expect("case file");
        self.cases.push(Case {
            name: case.into(),
            path: p,
            codes: vec![code],
        });
    }
}

struct World {
    o: Office,
    /// A tally store with the kiosks trusted and nothing imported, kept
    /// for the whole corpus at once.
    fresh: PathBuf,
    /// P1's second bundle and P2's first: good, not imported yet.
    good: [PathBuf; 2],
    corpus: Corpus,
}

fn world() -> World {
    let o = office();
    let edition = PathBuf::from(EDITION);
    let central = o.recipient();
    let p1 = kiosk(
        &o,
        "P1",
        &edition,
        &central,
        &[row("a1", &pesel(1), "1|2|3|4|5")],
    );
    trust(&o, &p1, "P1");
    let p1_first = export(&p1, &o.root.join("usb-p1-1"));
    enter(
        &o,
        &p1,
        &[
            row("a2", &pesel(2), "2|3|4|5|6"),
            row("a3", &pesel(3), "3|4|5|6|7"),
        ],
    );
    let p1_second = export(&p1, &o.root.join("usb-p1-2"));
    let p2 = kiosk(
        &o,
        "P2",
        &edition,
        &central,
        &[row("b1", &pesel(20), "5|4|3|2|1")],
    );
    trust(&o, &p2, "P2");
    let p2_first = export(&p2, &o.root.join("usb-p2"));

    // A kiosk nobody trusted; one of another edition; one encrypting to
    // another office; a training (demo) kiosk, trusted by mistake.
    let p3 = kiosk(
        &o,
        "P3",
        &edition,
        &central,
        &[row("c1", &pesel(30), "1|2|3|4|5")],
    );
    let untrusted = export(&p3, &o.root.join("usb-p3"));
    let bis = o.root.join("krakow-2014-bis.toml");
    std::fs::write(
        &bis,
        std::fs::read_to_string(EDITION)
            .expect("edition")
            .replace("id = \"krakow-2014\"", "id = \"krakow-2014-bis\""),
    )
    .expect("edition file");
    let p4 = kiosk(
        &o,
        "P4",
        &bis,
        &central,
        &[row("d1", &pesel(40), "1|2|3|4|5")],
    );
    trust(&o, &p4, "P4");
    let other_edition = export(&p4, &o.root.join("usb-p4"));
    let other_office = age::x25519::Identity::generate().to_public().to_string();
    let p5 = kiosk(
        &o,
        "P5",
        &edition,
        &other_office,
        &[row("e1", &pesel(50), "1|2|3|4|5")],
    );
    trust(&o, &p5, "P5");
    let undecryptable = export(&p5, &o.root.join("usb-p5"));
    let demo = o.root.join("kiosk-DEMO");
    drop(urna::tui::demo::demo_store(&demo).expect("a demo store"));
    enter(&o, &demo, &[row("f1", &pesel(60), "1|2|3|4|5")]);
    trust(&o, &demo, "DEMO");
    let training = export(&demo, &o.root.join("usb-demo"));

    // The office as it starts the day: every kiosk trusted, nothing in.
    let fresh = o.root.join("tally-fresh");
    let cp = Command::new("cp")
        .arg("-a")
        .arg(&o.tally)
        .arg(&fresh)
        .status()
        .expect("cp");
    assert!(cp.success());
    // The working office has P1's first bundle, so a count to keep still.
    let out = import_limited(&o.tally, "en", &[&p1_first]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));

    let a = real(&p1_second);
    let b = real(&p2_first);
    let name = a.name.clone();
    let mut c = Corpus {
        dir: o.root.join("corpus"),
        cases: Vec::new(),
    };

    // Declared sizes far beyond any limit, before anything is allocated.
    let mut sized = |case: &str, member: usize, size: [u8; 12]| {
        let bytes = a.bent(member, |h| h[124..136].copy_from_slice(&size));
        c.file(case, &name, &bytes, "too_large");
    };
    sized("manifest-2^40-base256", 0, base256(1 << 40));
    sized("payload-2^40-base256", 2, base256(1 << 40));
    sized("payload-2^63-base256", 2, base256(1 << 63));
    sized("payload-u64-max-base256", 2, base256(u64::MAX));
    sized("manifest-8GiB-octal", 0, *b"100000000000");
    sized("signature-64GiB-octal", 1, *b"777777777777");
    sized("payload-2GiB-octal", 2, *b"20000000000\0");
    let mut over = [0xffu8; 12];
    over[0] = 0x80; // 2^88 - 1: more than u64 holds
    sized("payload-2^88-base256", 2, over);
    let bytes = a.bent(2, |h| h[124..136].copy_from_slice(&[0xff; 12]));
    c.file("payload-negative-size", &name, &bytes, "header_field");
    let bytes = a.bent(0, |h| h[124..136].copy_from_slice(b"0000x002053\0"));
    c.file("manifest-size-not-octal", &name, &bytes, "header_field");
    // One byte over the manifest's limit, the data really there.
    let mut big = a.manifest.clone();
    big.resize(64 * 1024 + 1, b' ');
    let bytes = tar(&[
        regular("manifest.json", &big),
        regular("manifest.json.minisig", &a.signature),
        regular("journal.jsonl.age", &a.payload),
    ]);
    c.file("manifest-64KiB-and-one", &name, &bytes, "too_large");

    // A 2 GiB member in a file that is sparse on disk: 2 GiB long, almost
    // nothing written.
    {
        let d = c.dir.join("disk-sparse-2GiB");
        std::fs::create_dir_all(&d).expect("dir");
        let p = d.join(&name);
        let head = a.bent(2, |h| h[124..136].copy_from_slice(&octal(1 << 31)));
        std::fs::write(&p, &head[..a.at[2] + 512]).expect("write");
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(&p)
            .expect("open");
        f.set_len((a.at[2] + 512) as u64 + (1 << 31) + 1024)
            .expect("set_len");
        c.cases.push(Case {
            name: "disk-sparse-2GiB".into(),
            path: p,
            codes: vec!["file_too_large"],
        });
    }

    // Tar extensions: PAX headers (one declaring size=2^40), GNU long names
    // and links, a GNU sparse member of 3 GiB real size.
    let pax = b"30 size=1099511627776\n".to_vec();
    let mut ms = a.three();
    ms.insert(
        0,
        (
            header(b"././@PaxHeader", octal(pax.len() as u64), b'x'),
            pax.clone(),
        ),
    );
    c.file("pax-size-2^40", &name, &tar(&ms), "member_type");
    let mut ms = a.three();
    ms.insert(
        0,
        (
            header(b"pax_global_header", octal(pax.len() as u64), b'g'),
            pax,
        ),
    );
    c.file("pax-global", &name, &tar(&ms), "member_type");
    let long = format!("{}/manifest.json\0", "d".repeat(120)).into_bytes();
    let mut ms = a.three();
    ms.insert(
        0,
        (
            header(b"././@LongLink", octal(long.len() as u64), b'L'),
            long.clone(),
        ),
    );
    c.file("gnu-long-name", &name, &tar(&ms), "member_type");
    let mut ms = a.three();
    ms.insert(
        0,
        (
            header(b"././@LongLink", octal(long.len() as u64), b'K'),
            long,
        ),
    );
    c.file("gnu-long-link", &name, &tar(&ms), "member_type");
    {
        // Old GNU sparse: typeflag S, GNU magic, one 512-byte map entry at
        // 3 GiB, the real size (offset 483) 3 GiB.
        let mut h = header(b"journal.jsonl.age", octal(512), b'S');
        h[257..265].copy_from_slice(b"ustar  \0");
        h[386..398].copy_from_slice(b"30000000000\0"); // offset 3 GiB
        h[398..410].copy_from_slice(b"00000001000\0"); // numbytes 512
        h[483..495].copy_from_slice(b"30000000000\0"); // realsize 3 GiB
        checksum(&mut h);
        let mut ms = a.three();
        ms[2] = (h, vec![7u8; 512]);
        c.file("gnu-sparse-3GiB", &name, &tar(&ms), "member_type");
    }

    // Members typed as something else, carrying the real data.
    for (case, flag) in [
        ("manifest-as-symlink", b'2'),
        ("manifest-as-hardlink", b'1'),
        ("manifest-as-directory", b'5'),
        ("manifest-as-char-device", b'3'),
        ("manifest-as-fifo", b'6'),
        ("manifest-old-style-type", b'\0'),
    ] {
        let bytes = a.bent(0, |h| h[156] = flag);
        c.file(case, &name, &bytes, "member_type");
    }
    let bytes = a.bent(2, |h| h[156] = b'2');
    c.file("payload-as-symlink", &name, &bytes, "member_type");
    let bytes = a.bent(1, |h| {
        h[157..170].copy_from_slice(b"manifest.json");
    });
    c.file("signature-with-link-name", &name, &bytes, "header_field");
    let bytes = a.bent(0, |h| h[345..350].copy_from_slice(b"../.."));
    c.file("manifest-with-name-prefix", &name, &bytes, "header_field");
    let bytes = a.bent(0, |h| h[257..265].copy_from_slice(b"ustar  \0"));
    c.file("manifest-gnu-magic", &name, &bytes, "not_ustar");

    // Names, order, count.
    let mut ms = a.three();
    ms[0] = regular("./manifest.json", &a.manifest);
    c.file("dot-slash-name", &name, &tar(&ms), "unexpected");
    let mut ms = a.three();
    ms.insert(0, regular("README.txt", b"hello\n"));
    c.file("unexpected-first", &name, &tar(&ms), "unexpected");
    let mut ms = a.three();
    ms.insert(1, regular("manifest.json", &a.manifest));
    c.file("manifest-twice", &name, &tar(&ms), "duplicate");
    let mut ms = a.three();
    ms.swap(0, 1);
    c.file("signature-first", &name, &tar(&ms), "order");
    let ms = a.three();
    c.file("no-payload", &name, &tar(&ms[..2]), "missing");
    let mut ms = a.three();
    ms.push(regular("journal.jsonl.age", &a.payload));
    c.file(
        "extra-member-before-the-end",
        &name,
        &tar(&ms),
        "extra_member",
    );
    let mut bytes = a.bytes.clone();
    bytes.extend_from_slice(&members(&[regular("evil.sh", b"rm -rf /\n")]));
    c.file("extra-member-after-the-end", &name, &bytes, "trailing_data");
    let mut bytes = a.bytes.clone();
    bytes.extend_from_slice(b"trailing garbage\n");
    c.file("trailing-garbage", &name, &bytes, "trailing_data");
    let mut bytes = a.bytes.clone();
    bytes.resize(bytes.len() + (1 << 20) + 512, 0);
    c.file("over-1MiB-of-zeros-after", &name, &bytes, "trailing_data");
    let mut bytes = a.bytes.clone();
    bytes[512 + a.manifest.len()] = b'!';
    c.file("non-zero-padding", &name, &bytes, "padding");

    // Damaged headers: a wrong checksum in each.
    for (i, case) in ["manifest", "signature", "payload"].iter().enumerate() {
        let mut bytes = a.bytes.clone();
        bytes[a.at[i] + 148] ^= 0x01;
        c.file(
            &format!("{case}-bad-checksum"),
            &name,
            &bytes,
            "header_checksum",
        );
    }
    let mut bytes = a.bytes.clone();
    bytes[a.at[1] + 300] = b'X';
    c.file("signature-header-altered", &name, &bytes, "header_checksum");

    // Cut at every member boundary (and inside the last block).
    let pad = |n: usize| n.div_ceil(512) * 512;
    for (case, len) in [
        ("cut-empty", 0),
        ("cut-after-manifest-header", a.at[0] + 512),
        ("cut-after-manifest-data", a.at[0] + 512 + a.manifest.len()),
        ("cut-before-signature", a.at[1]),
        ("cut-after-signature-header", a.at[1] + 512),
        ("cut-before-payload", a.at[2]),
        ("cut-after-payload-header", a.at[2] + 512),
        ("cut-mid-payload", a.at[2] + 512 + a.payload.len() / 2),
        ("cut-after-payload-data", a.at[2] + 512 + a.payload.len()),
        (
            "cut-before-end-blocks",
            a.at[2] + 512 + pad(a.payload.len()),
        ),
        ("cut-after-one-end-block", a.at[3] + 512),
        ("cut-last-byte", a.bytes.len() - 1),
    ] {
        c.file(case, &name, &a.bytes[..len], "tar");
    }
    c.file("zeros-only", &name, &[0u8; 10240], "missing");

    // Members swapped between two bundles, another kiosk's signature.
    let mut ms = a.three();
    ms[2] = regular("journal.jsonl.age", &b.payload);
    c.file("payload-of-another-kiosk", &name, &tar(&ms), "payload_hash");
    let mut ms = a.three();
    ms[1] = regular("manifest.json.minisig", &b.signature);
    c.file("another-kiosks-signature", &name, &tar(&ms), "wrong_key");
    let mut ms = real(&p1_first).three();
    ms[2] = regular("journal.jsonl.age", &a.payload);
    c.file(
        "a-newer-payload-under-an-older-manifest",
        &real(&p1_first).name,
        &tar(&ms),
        "payload_hash",
    );
    let mut bytes = a.bytes.clone();
    let mid = a.at[2] + 512 + a.payload.len() / 2;
    bytes[mid] ^= 0x40;
    c.file("payload-byte-flipped", &name, &bytes, "payload_hash");
    c.file("renamed", "P1-20200101-9.urna", &a.bytes, "file_name");

    // Whole bundles the office must not count.
    for (case, path, code) in [
        ("untrusted-kiosk", &untrusted, "unknown_kiosk"),
        ("another-edition", &other_edition, "other_edition"),
        ("another-office", &undecryptable, "undecryptable"),
        ("training", &training, "training"),
    ] {
        let r = real(path);
        c.file(case, &r.name, &r.bytes, code);
    }

    // Folders: links never followed, special files never opened.
    {
        let d = c.dir.join("symlink-loops");
        std::fs::create_dir_all(&d).expect("dir");
        std::os::unix::fs::symlink(".", d.join("loop-a")).expect("symlink");
        std::os::unix::fs::symlink(".", d.join("loop-b")).expect("symlink");
        c.cases.push(Case {
            name: "symlink-loops".into(),
            path: d,
            codes: vec!["symlink", "symlink"],
        });
        let d = c.dir.join("link-to-dev-zero");
        std::fs::create_dir_all(&d).expect("dir");
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.urna")).expect("symlink");
        c.cases.push(Case {
            name: "link-to-dev-zero".into(),
            path: d,
            codes: vec!["symlink"],
        });
        let d = c.dir.join("link-to-a-good-bundle");
        std::fs::create_dir_all(&d).expect("dir");
        std::os::unix::fs::symlink(&p1_second, d.join(&name)).expect("symlink");
        c.cases.push(Case {
            name: "link-to-a-good-bundle".into(),
            path: d,
            codes: vec!["symlink"],
        });
        let d = c.dir.join("fifo-in-a-folder");
        std::fs::create_dir_all(&d).expect("dir");
        mkfifo(&d.join("x.urna"));
        c.cases.push(Case {
            name: "fifo-in-a-folder".into(),
            path: d,
            codes: vec!["not_a_file"],
        });
        let d = c.dir.join("fifo-named-directly");
        std::fs::create_dir_all(&d).expect("dir");
        mkfifo(&d.join("y.urna"));
        c.cases.push(Case {
            name: "fifo-named-directly".into(),
            path: d.join("y.urna"),
            codes: vec!["not_a_file"],
        });
        let d = c.dir.join("symlink-named-directly");
        std::fs::create_dir_all(&d).expect("dir");
        std::os::unix::fs::symlink("/dev/zero", d.join("z.urna")).expect("symlink");
        c.cases.push(Case {
            name: "symlink-named-directly".into(),
            path: d.join("z.urna"),
            codes: vec!["symlink"],
        });
    }
    World {
        o,
        fresh,
        good: [p1_second, p2_first],
        corpus: c,
    }
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().expect("mkfifo");
    assert!(ok.success(), "mkfifo {}", p.display());
}

/// Checks one import of `case`: never an abort, a panic or a hang; exit 1;
/// its rows in the log with its codes, each on a line of stdout in words.
fn refused(tally: &Path, case: &Case) {
    let before_results = results(tally);
    let before = log(tally).len();
    let started = std::time::Instant::now();
    let out = import_limited(tally, "en", &[&case.path]);
    let took = started.elapsed();
    let said = text(&out.stdout);
    let code = out.status.code();
    assert!(
        !matches!(code, Some(101) | Some(134) | Some(137) | Some(124) | None),
        "{}: exit {:?} (panic, abort or killed) after {took:?}:\n{said}{}",
        case.name,
        code,
        text(&out.stderr)
    );
    assert_eq!(
        code,
        Some(1),
        "{}: refused files exit 1:\n{said}{}",
        case.name,
        text(&out.stderr)
    );
    assert!(
        took < std::time::Duration::from_secs(20),
        "{}: {took:?}",
        case.name
    );
    let rows = log(tally);
    let new = &rows[before..];
    let codes: Vec<&str> = new
        .iter()
        .map(|r| r.code.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(codes, case.codes, "{}: the log's rows:\n{said}", case.name);
    let lines: Vec<&str> = said.lines().filter(|l| l.contains(" — ")).collect();
    assert_eq!(
        lines.len(),
        new.len(),
        "{}: one line per file:\n{said}",
        case.name
    );
    for (line, r) in lines.iter().zip(new) {
        assert_eq!(r.outcome, "rejected", "{}", case.name);
        let words = render(Lang::En, r.code.as_deref().unwrap_or(""), &r.args);
        assert!(
            line.starts_with(&format!("{}: REJECTED — {words}", r.file)),
            "{}: {line}",
            case.name
        );
        assert_eq!(r.detail, words, "{}", case.name);
    }
    assert_eq!(
        results(tally),
        before_results,
        "{}: the results changed",
        case.name
    );
    // `urna verify` reads the same file the same way, within the same limits.
    let is_dir = std::fs::symlink_metadata(&case.path).is_ok_and(|m| m.is_dir());
    if !is_dir {
        let out = verify_limited(&case.path);
        let stderr = text(&out.stderr);
        let r = &new[0];
        if OFFICE_ONLY.contains(&case.codes[0]) {
            assert_eq!(out.status.code(), Some(0), "{}: {stderr}", case.name);
        } else {
            let words = render(Lang::En, r.code.as_deref().unwrap_or(""), &r.args);
            assert_eq!(out.status.code(), Some(1), "{}: {stderr}", case.name);
            assert!(
                stderr.contains(&format!("BUNDLE NOT TRUSTWORTHY: {words}")),
                "{}: {stderr}",
                case.name
            );
        }
    }
}

#[test]
fn every_hostile_file_is_refused_by_name_in_bounded_memory_and_the_good_ones_get_in() {
    let w = world();
    let tally = &w.o.tally;
    assert!(w.corpus.cases.len() >= 40, "{}", w.corpus.cases.len());
    let counted = results(tally);
    for case in &w.corpus.cases {
        refused(tally, case);
    }
    assert_eq!(results(tally), counted);

    // The whole corpus in one folder, the two good bundles among it, on the
    // office as it started the day, in Polish.
    let all = w.o.root.join("all");
    let cp = Command::new("cp")
        .arg("-a")
        .arg(&w.corpus.dir)
        .arg(&all)
        .status()
        .expect("cp");
    assert!(cp.success());
    for (i, g) in w.good.iter().enumerate() {
        let d = all.join(format!("good-{i}"));
        std::fs::create_dir_all(&d).expect("dir");
        std::fs::copy(g, d.join(g.file_name().expect("name"))).expect("copy");
    }
    // The FIFO and the link named directly are in the folder too.
    let out = import_limited(&w.fresh, "pl", &[&all]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}{}", text(&out.stderr));
    let rows = log(&w.fresh);
    let expected: usize = w.corpus.cases.iter().map(|c| c.codes.len()).sum::<usize>() + 2;
    assert_eq!(rows.len(), expected, "one row per file found:\n{said}");
    let accepted: Vec<&ImportRecord> = rows.iter().filter(|r| r.outcome == "accepted").collect();
    assert_eq!(accepted.len(), 2, "{said}");
    for g in &w.good {
        let name = g.file_name().expect("name").to_string_lossy().into_owned();
        assert!(
            said.lines()
                .any(|l| l.contains("good-") && l.contains(&name) && l.contains(": przyjęta (")),
            "{name} accepted:\n{said}"
        );
    }
    let refused_lines = said
        .lines()
        .filter(|l| l.contains(": ODRZUCONA — "))
        .count();
    assert_eq!(refused_lines, expected - 2, "{said}");
    for r in rows.iter().filter(|r| r.outcome == "rejected") {
        let words = render(Lang::Pl, r.code.as_deref().unwrap_or(""), &r.args);
        assert!(
            said.contains(&format!("{}: ODRZUCONA — {words}", r.file)),
            "{words}:\n{said}"
        );
    }
    assert!(
        said.contains("Paczki przyjęte: 2, bez zmian: 0, odrzucone:"),
        "{said}"
    );
    // The good bundles counted as if alone: P1's three cards and P2's one.
    let counted = serde_json::from_slice::<serde_json::Value>(&results(&w.fresh)).expect("json");
    assert_eq!(counted["ballots"]["total"], 4, "{counted}");

    // The audit names every import in Polish, and in English when asked.
    let audit = Command::new(BIN)
        .args(["--lang", "pl", "--data-dir"])
        .arg(&w.fresh)
        .args(["tally", "audit"])
        .output()
        .expect("tally audit");
    assert!(audit.status.success(), "{}", text(&audit.stderr));
    let audit = text(&audit.stdout);
    assert!(audit.contains("przyjęty: nowe wpisy: "), "{audit}");
    assert!(!audit.contains("new entries"), "{audit}");
    for r in &rows {
        let words = render(Lang::Pl, r.code.as_deref().unwrap_or(""), &r.args);
        assert!(audit.contains(&words), "{words}:\n{audit}");
    }
    let audit_en = text(&run(urna(&w.fresh).args(["tally", "audit"])).stdout);
    assert!(audit_en.contains("accepted: new entries: "), "{audit_en}");

    // A file reached twice (named twice, and by a hard link in a folder) is
    // read once.
    let linked = w.o.root.join("hard-link");
    std::fs::create_dir_all(&linked).expect("dir");
    std::fs::hard_link(
        &w.good[0],
        linked.join(w.good[0].file_name().expect("name")),
    )
    .expect("hard link");
    let before = log(&w.fresh).len();
    let out = import_limited(&w.fresh, "en", &[&w.good[0], &w.good[0], &linked]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert_eq!(
        said.lines().count(),
        2,
        "one file, then the summary:\n{said}"
    );
    assert!(said.contains("already known"), "{said}");
    assert_eq!(log(&w.fresh).len(), before + 1);
}
