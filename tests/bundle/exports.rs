//! Exports: numbered, chained and cumulative on one day; a read-only or full
//! stick, no central key or a pulled stick's leftover leave nothing behind.

use super::*;

#[test]
fn two_exports_on_one_day_are_numbered_chained_and_cumulative() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let work = tmp.path();
    let recipient = office(work);
    let data = work.join("data");
    kiosk(&data, "P01", Some(&recipient));
    let usb = work.join("usb");
    std::fs::create_dir(&usb).expect("create the stick");
    let first = export(&data, &usb);
    let second = export(&data, &usb);

    let open = |bundle: &Path| -> (Manifest, String, Vec<Vec<u8>>) {
        let x = work.join(format!("x-{}", file_name(bundle)));
        std::fs::create_dir(&x).expect("create the extraction dir");
        tool_ok(&x, "tar", &["-xf", bundle.to_str().expect("utf8")]);
        let manifest_bytes = std::fs::read(x.join("manifest.json")).expect("manifest");
        let manifest = serde_json::from_slice(&manifest_bytes).expect("manifest JSON");
        let plain = tool_ok(
            &x,
            "age",
            &["-d", "-i", "../office.key", "journal.jsonl.age"],
        )
        .stdout;
        let lines = plain
            .split_inclusive(|b| *b == b'\n')
            .map(|l| l.strip_suffix(b"\n").expect("newline-terminated").to_vec())
            .collect();
        (manifest, sha256_hex(&manifest_bytes), lines)
    };
    let (m1, fp1, lines1) = open(&first);
    let (m2, fp2, lines2) = open(&second);

    assert_eq!(m1.day, m2.day, "both on one day");
    let day = m1.day.replace('-', "");
    assert_eq!(file_name(&first), format!("P01-{day}-1.urna"));
    assert_eq!(file_name(&second), format!("P01-{day}-2.urna"));
    assert_eq!((m1.sequence, m2.sequence), (1, 2));
    assert_eq!(m1.previous_bundle, None);
    assert_eq!(m2.previous_bundle.as_deref(), Some(fp1.as_str()));
    assert_ne!(fp1, fp2);

    // Cumulative: the second journal is the first plus the first export.
    assert_eq!(lines2.len(), lines1.len() + 1);
    assert_eq!(lines2[..lines1.len()], lines1[..]);
    let made: Value = serde_json::from_slice(&lines2[lines1.len()]).expect("entry JSON");
    assert_eq!(made["kind"], "export_made");
    assert_eq!(made["seq"], lines1.len() + 1);
    assert_eq!(made["data"]["file"], file_name(&first).as_str());
    assert_eq!(made["data"]["sequence"], 1);
    assert_eq!(made["data"]["manifest_sha256"], fp1.as_str());
    assert_eq!(made["data"]["entries"], m1.journal.entries);
    assert_eq!(made["data"]["head_hash"], m1.journal.head_hash.as_str());
    let head = lines2.iter().fold(GENESIS, |h, l| chain_hash(&h, l));
    assert_eq!(hex::encode(head), m2.journal.head_hash);
    assert_eq!(m2.journal.entries, lines2.len() as u64);

    // Both verify where they lie, and each has its own protocol.
    verified(&first, None);
    verified(&second, None);
    assert_eq!(
        names_in(&usb),
        BTreeSet::from(
            [
                "-1.urna",
                "-1.protocol.txt",
                "-1.protocol.html",
                "-2.urna",
                "-2.protocol.txt",
                "-2.protocol.html"
            ]
            .map(|s| format!("P01-{day}{s}"))
        )
    );
    // The store holds both exports.
    assert_eq!(journal(&data).len(), lines2.len() + 1);
}

/// A tmpfs mounted for one test, unmounted when dropped (even when the test
/// fails).
struct Tmpfs {
    dir: PathBuf,
}

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Tmpfs {
        std::fs::create_dir_all(dir).expect("create the mount point");
        let out = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ])
            .arg(dir)
            .output();
        match out {
            Ok(o) if o.status.success() => {}
            Ok(o) => panic!(
                "this test needs root to mount a tmpfs as a USB stick (CI runs as root): \
                 mount -t tmpfs {} failed: {}",
                dir.display(),
                text(&o.stderr).trim()
            ),
            Err(e) => panic!("this test needs root and `mount` (CI runs as root): {e}"),
        }
        Tmpfs {
            dir: dir.to_path_buf(),
        }
    }

    fn read_only(&self) {
        let out = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.dir)
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "remount,ro {}: {}",
            self.dir.display(),
            text(&out.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = std::process::Command::new("umount")
            .arg(&self.dir)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = std::process::Command::new("umount")
                .arg("-l")
                .arg(&self.dir)
                .status();
        }
    }
}

/// An export that fails on the stick: exit 1, the message names the path and
/// says nothing was journaled, and the stick is left as it was.
fn export_fails_on(data: &Path, stick: &Path, why: &str) {
    let run = run_export(data, stick);
    let stderr = text(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(1),
        "export to {} should fail:\n{}{stderr}",
        stick.display(),
        text(&run.stdout)
    );
    assert!(
        stderr.contains("eksport nieudany, nic nie zapisano w dzienniku"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&stick.display().to_string()),
        "the message names the stick: {stderr}"
    );
    assert!(stderr.contains(why), "{stderr}");
    for english in ["Read-only file system", "No space left", "os error"] {
        assert!(
            !stderr.contains(english),
            "the OS's English in Polish: {stderr}"
        );
    }
    assert_eq!(
        names_in(stick),
        BTreeSet::new(),
        "no bundle, partial or temporary file is left on {}",
        stick.display()
    );
}

#[test]
fn export_to_a_read_only_or_full_stick_leaves_nothing_and_journals_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let work = tmp.path();
    let recipient = office(work);
    let data = work.join("data");
    kiosk(&data, "P01", Some(&recipient));
    let before = journal_head(&data);

    // Declared after `tmp`, so unmounted before the temp dir is removed.
    let read_only = Tmpfs::mount(&work.join("ro"), "1m");
    read_only.read_only();
    export_fails_on(&data, &read_only.dir, "dysk jest tylko do odczytu");

    // 8 KiB: less than the bundle (checked below). The brief's 16 KiB holds
    // this small bundle, and the export then fails only at the protocol.
    let full = Tmpfs::mount(&work.join("full"), "8k");
    export_fails_on(&data, &full.dir, "brak miejsca na dysku");

    assert_eq!(journal_head(&data), before, "the journal is unchanged");
    urna_in(&data)
        .arg("check")
        .assert()
        .success()
        .stdout(contains("Magazyn w porządku").and(contains(format!("({} wpisów)", before.0))));

    // A good stick then gets bundle number 1, holding exactly that journal.
    let usb = work.join("usb");
    std::fs::create_dir(&usb).expect("create the stick");
    let bundle = export(&data, &usb);
    assert!(
        file_name(&bundle).ends_with("-1.urna"),
        "{}",
        bundle.display()
    );
    let verified_bundle = bundle::verify(&bundle, None).expect("the bundle verifies");
    assert_eq!(verified_bundle.manifest.journal.entries, before.0 as u64);
    assert_eq!(
        verified_bundle.manifest.journal.head_hash,
        hex::encode(before.1)
    );
    let size = std::fs::metadata(&bundle).expect("bundle size").len();
    assert!(size > 8 * 1024, "the full stick must be too small: {size}");
}

#[test]
fn export_without_a_central_key_fails_and_journals_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    kiosk(&data, "P01", None);
    let before = journal_head(&data);
    let usb = tmp.path().join("usb");
    std::fs::create_dir(&usb).expect("create the stick");
    let run = run_export(&data, &usb);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    // In the kiosk's language, naming the command that sets the key.
    assert!(
        stderr.contains("eksport nieudany, nic nie zapisano w dzienniku")
            && stderr.contains("nie ma jeszcze klucza biura")
            && stderr.contains("urna central set age1… --as"),
        "{stderr}"
    );
    assert_eq!(names_in(&usb), BTreeSet::new());
    assert_eq!(journal_head(&data), before);
    urna_in(&data).arg("check").assert().success();
}

#[test]
fn a_temporary_file_left_by_a_pulled_stick_does_not_block_the_next_export() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let usb = tmp.path().join("usb");
    std::fs::create_dir(&usb).expect("usb");
    let recipient = office(tmp.path());
    kiosk(&data, "P01", Some(&recipient));
    let first = export(&data, &usb);
    // The next bundle's temporary file, as a pulled stick would leave it.
    let next = file_name(&first).replace("-1.urna", "-2.urna");
    let stale = usb.join(format!(".{next}.partial"));
    std::fs::write(&stale, b"half a bundle").expect("stale temp file");
    let second = export(&data, &usb);
    assert_eq!(file_name(&second), next);
    assert!(!stale.exists(), "the stale temporary file is gone");
    assert!(
        names_in(&usb).iter().all(|n| !n.ends_with(".partial")),
        "{:?}",
        names_in(&usb)
    );
    verified(&second, None);
}
