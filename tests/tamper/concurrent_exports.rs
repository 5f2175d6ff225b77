//! Two exports at once, on two sticks or into one directory, leave only
//! journaled bundles.

use super::*;

/// Starts two exports of one store at once, into `a` and `b`; returns both
/// outcomes.
fn two_exports(data: &Path, a: &Path, b: &Path) -> (Output, Output) {
    let spawn = |out: &Path| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_urna"));
        c.env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(data)
            .args(["--lang", "en", "export", "--out"])
            .arg(out)
            .args(["--as", "Anna", "--pin-stdin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = c.spawn().expect("spawn export");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"1234\n")
            .expect("PIN");
        child
    };
    let (x, y) = (spawn(a), spawn(b));
    (
        x.wait_with_output().expect("first"),
        y.wait_with_output().expect("second"),
    )
}

/// Every bundle on the sticks is journaled (its fingerprint in an
/// `export_made` entry), no temporary file is left, and the store is sound.
fn nothing_unjournaled(data: &Path, sticks: &[&Path]) -> usize {
    let store = urna::store::Store::open(data).expect("open");
    let journaled: Vec<String> = store
        .journal()
        .expect("journal")
        .iter()
        .filter_map(|(_, body, _)| match parse_entry(body).ok()?.event {
            Event::ExportMade {
                manifest_sha256, ..
            } => Some(manifest_sha256),
            _ => None,
        })
        .collect();
    let mut bundles = 0;
    for stick in sticks {
        for e in std::fs::read_dir(stick).expect("stick") {
            let p = e.expect("entry").path();
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            assert!(
                !name.ends_with(".partial"),
                "a temporary file is left: {name}"
            );
            if name.ends_with(".urna") {
                let v = urna::bundle::verify(&p, None).expect("a whole bundle");
                assert!(
                    journaled.contains(&v.fingerprint),
                    "{name} is on the stick but not journaled"
                );
                bundles += 1;
            }
        }
    }
    drop(store);
    urna(data).arg("check").assert().success();
    bundles
}

#[test]
fn two_exports_at_once_on_two_sticks_leave_only_journaled_bundles() {
    let w = world();
    let data = w.copy("two-sticks");
    for round in 0..2 {
        let a = w.root.join(format!("stick-a-{round}"));
        let b = w.root.join(format!("stick-b-{round}"));
        std::fs::create_dir_all(&a).expect("a");
        std::fs::create_dir_all(&b).expect("b");
        let (x, y) = two_exports(&data, &a, &b);
        for o in [&x, &y] {
            // Either it waited for the other and wrote the next number, or
            // it failed saying so; never "No such file or directory".
            assert!(
                o.status.success() || all(o).contains("another export"),
                "{}",
                all(o)
            );
        }
        let n = nothing_unjournaled(&data, &[&a, &b]);
        let ok_runs = [&x, &y].iter().filter(|o| o.status.success()).count();
        assert_eq!(n, ok_runs, "one bundle per successful export");
    }
}

#[test]
fn two_exports_at_once_into_one_directory_leave_only_journaled_bundles() {
    let w = world();
    let data = w.copy("one-dir");
    let dir = w.root.join("shared-stick");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut runs = 0;
    for _ in 0..2 {
        let (x, y) = two_exports(&data, &dir, &dir);
        for o in [&x, &y] {
            assert!(!all(o).contains("No such file or directory"), "{}", all(o));
            assert!(
                o.status.success() || all(o).contains("another export"),
                "{}",
                all(o)
            );
            runs += usize::from(o.status.success());
        }
    }
    assert_eq!(nothing_unjournaled(&data, &[&dir]), runs);
}
