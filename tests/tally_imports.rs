//! Every check `urna tally import` and `import-online` make (DESIGN §7), each
//! proven with a file crafted the way it could really reach the office: real
//! kiosks (`urna init`, `import-cards`, `export`) make real bundles, and
//! Debian's `tar`, `age` and `minisign` take them apart and put them together
//! again, the last with the kiosk's own `kiosk.key` when a forgery needs a
//! valid signature.
//!
//! For every refusal: the exit code is 1, the line names the file and says
//! what is wrong, the import log records it, and nothing from the file is
//! stored: `urna tally results --format json` is byte for byte the same, and
//! so are the tally's tables of received entries, card ids and internet rows.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use urna::bundle::{self, Manifest};
use urna::pesel::{Sex, synthesize};
use urna::store::Store;
use urna::store::journal::{Entry, Event, GENESIS, chain_hash};
use urna::tally::store::{ImportRecord, Tally};

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
const HEADER: &str =
    "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed";
const REJECTED: &str = "REJECTED — ";
const ALREADY_KNOWN: &str = "already known — nothing changes";

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .arg("--lang")
        .arg("en")
        .arg("--data-dir")
        .arg(dir);
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(out: Output, what: &str) -> Output {
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

/// Runs one of Debian's tools in `cwd`; it must succeed.
fn tool(cwd: &Path, program: &str, args: &[&str]) -> Output {
    let out = std::process::Command::new(program)
        .current_dir(cwd)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {program} ({e}): `bash test.sh` installs Debian's tar, age and minisign"
            )
        });
    ok(out, &format!("{program} {args:?}"))
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn pesel(n: u16) -> String {
    synthesize(
        NaiveDate::from_ymd_opt(1970, 1, 1).expect("date"),
        n,
        Sex::Female,
    )
    .expect("pesel")
}

/// A card row: district I, the same order for the local and city-wide picks.
fn row(id: &str, pesel: &str, order: &str) -> String {
    format!("{id},{pesel},Ewa,Nowak,ul. Długa 1,2014-09-28,I,{order},{order},1")
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A unique number for file names.
fn next() -> usize {
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// A polling point's kiosk: its data dir and point id.
struct Kiosk {
    data: PathBuf,
    point: String,
}

impl Kiosk {
    /// Enters card rows with `urna import-cards`.
    fn enter(&self, rows: &[String]) {
        let csv = self
            .data
            .with_file_name(format!("{}-cards-{}.csv", self.point, next()));
        std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("cards csv");
        ok(
            urna(&self.data)
                .arg("import-cards")
                .arg(&csv)
                .args(["--as", "Anna", "--pin-stdin"])
                .write_stdin("1234\n")
                .output()
                .expect("run"),
            "urna import-cards",
        );
    }

    /// `urna export` into `out` (made if missing); the new bundle's path.
    fn export(&self, out: &Path) -> PathBuf {
        std::fs::create_dir_all(out).expect("the stick");
        let bundles = || -> Vec<PathBuf> {
            let mut v: Vec<PathBuf> = std::fs::read_dir(out)
                .expect("the stick")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "urna"))
                .collect();
            v.sort();
            v
        };
        let before = bundles();
        ok(
            urna(&self.data)
                .args(["export", "--out"])
                .arg(out)
                .args(["--as", "Anna", "--pin-stdin"])
                .write_stdin("1234\n")
                .output()
                .expect("run"),
            "urna export",
        );
        let made: Vec<PathBuf> = bundles()
            .into_iter()
            .filter(|p| !before.contains(p))
            .collect();
        assert_eq!(made.len(), 1, "one new bundle in {}", out.display());
        made[0].clone()
    }

    /// `urna key`, saved beside the data dir.
    fn public_key(&self) -> PathBuf {
        let out = ok(
            urna(&self.data).arg("key").output().expect("run"),
            "urna key",
        );
        let path = self
            .data
            .with_file_name(format!("{}-{}.pub", self.point, next()));
        std::fs::write(&path, &out.stdout).expect("key file");
        path
    }

    /// The kiosk's key id, as the manifest names it.
    fn key_id(&self) -> String {
        let text = urna::store::signing::public_text(&self.data).expect("the kiosk key");
        let public = minisign::PublicKeyBox::from_string(&text)
            .and_then(|b| b.into_public_key())
            .expect("a public key");
        urna::store::signing::key_id(public.keynum())
    }

    /// The kiosk's store, logged in as Anna with her PIN: what an insider
    /// who knows a coordinator's PIN holds.
    fn insider(&self) -> Store {
        let mut store = Store::open(&self.data).expect("the kiosk store");
        store
            .login("Anna", "1234", chrono::Local::now())
            .expect("Anna's PIN");
        store
    }

    /// The kiosk's signing key unsealed with Anna's PIN, as a plain minisign
    /// key file (what Debian's `minisign -S -s` signs with).
    fn unsealed_key(&self) -> PathBuf {
        let key = self.insider().signing_key().expect("the signing key");
        let path = self
            .data
            .with_file_name(format!("{}-unsealed-{}.key", self.point, next()));
        let text = key.secret.to_box(None).expect("a key box").to_string();
        std::fs::write(&path, text).expect("the unsealed key");
        path
    }

    /// The kiosk's own journal: (seq, canonical bytes, hash).
    fn journal(&self) -> Vec<(u64, Vec<u8>, [u8; 32])> {
        Store::open(&self.data)
            .expect("the kiosk store")
            .journal()
            .expect("its journal")
    }
}

/// The central office: a tally store in a temp dir.
struct Office {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    tally: PathBuf,
    recipient: String,
}

fn office() -> Office {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().to_path_buf();
    let tally = root.join("tally");
    let out = ok(
        urna(&tally)
            .args(["tally", "init", "--edition", EDITION])
            .output()
            .expect("run"),
        "urna tally init",
    );
    let recipient = text(&out.stdout)
        .lines()
        .last()
        .expect("the recipient")
        .trim()
        .to_string();
    assert!(recipient.starts_with("age1"), "{recipient}");
    Office {
        _tmp: tmp,
        root,
        tally,
        recipient,
    }
}

impl Office {
    /// A real kiosk set up for this office (`urna init --central`).
    fn kiosk(&self, point: &str) -> Kiosk {
        self.kiosk_with(point, point, EDITION, &self.recipient)
    }

    /// A kiosk in `root/<dir>` with its own edition file and office key.
    fn kiosk_with(&self, dir: &str, point: &str, edition: &str, central: &str) -> Kiosk {
        let data = self.root.join(dir).join("data");
        ok(
            urna(&data)
                .args(["init", "--edition", edition, "--point", point])
                .args(["--point-name", point, "--coordinator", "Anna"])
                .args(["--central", central, "--pin-stdin"])
                .write_stdin("1234\n")
                .output()
                .expect("run"),
            "urna init",
        );
        Kiosk {
            data,
            point: point.to_string(),
        }
    }

    /// `urna tally trust` the kiosk's key for its point.
    fn trust(&self, k: &Kiosk) {
        ok(
            urna(&self.tally)
                .args(["tally", "trust"])
                .arg(k.public_key())
                .args(["--point", &k.point])
                .output()
                .expect("run"),
            "urna tally trust",
        );
    }

    fn dir(&self, name: &str) -> PathBuf {
        let d = self.root.join(name);
        std::fs::create_dir_all(&d).expect("a dir");
        d
    }

    fn import(&self, paths: &[&Path]) -> Output {
        urna(&self.tally)
            .args(["tally", "import"])
            .args(paths)
            .output()
            .expect("run urna tally import")
    }

    fn import_online(&self, file: &Path) -> Output {
        urna(&self.tally)
            .args(["tally", "import-online"])
            .arg(file)
            .output()
            .expect("run urna tally import-online")
    }

    /// `urna tally results --format json`, the bytes as printed.
    fn results(&self) -> Vec<u8> {
        ok(
            urna(&self.tally)
                .args(["tally", "results", "--format", "json"])
                .output()
                .expect("run"),
            "urna tally results",
        )
        .stdout
    }

    fn results_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.results()).expect("results JSON")
    }

    /// Everything the tally holds from kiosks and the internet channel: each
    /// stored entry's point, number and hash, each card id, each internet row.
    fn stored(&self) -> Vec<String> {
        let conn = rusqlite::Connection::open_with_flags(
            self.tally.join("tally.sqlite"),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("open the tally store");
        let mut out = Vec::new();
        for q in [
            "SELECT 'entry ' || point || ' ' || seq || ' ' || hex(hash) FROM kiosk_entries ORDER BY point, seq",
            "SELECT 'card ' || card_id || ' ' || point || ' ' || kind || ' ' || coalesce(hex(local), '') FROM kiosk_cards ORDER BY point, seq",
            "SELECT 'online ' || id || ' ' || digest FROM online ORDER BY id",
            "SELECT 'kiosk ' || point || ' ' || public_key FROM kiosks ORDER BY point",
        ] {
            let mut stmt = conn.prepare(q).expect("query");
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).expect("rows");
            out.extend(rows.map(|r| r.expect("row")));
        }
        out
    }

    fn log(&self) -> Vec<ImportRecord> {
        Tally::open(&self.tally)
            .expect("open the tally")
            .imports()
            .expect("the import log")
    }

    /// Imports a bundle that must be accepted; returns what was printed.
    fn accepted(&self, bundle: &Path) -> String {
        let out = ok(self.import(&[bundle]), "urna tally import");
        let said = text(&out.stdout);
        assert!(
            said.contains(&format!("{}: accepted", bundle.display())),
            "{said}"
        );
        said
    }

    /// Imports `file` with `import` or `import-online` and checks the
    /// refusal: exit 1, a line naming the file and saying each of `why`, the
    /// rejection in the import log, and nothing stored or counted. Returns
    /// the line.
    fn refused_by(&self, online: bool, file: &Path, why: &[&str]) -> String {
        let results = self.results();
        let stored = self.stored();
        let logged = self.log().len();
        let out = if online {
            self.import_online(file)
        } else {
            self.import(&[file])
        };
        let said = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{} must be refused:\n{said}{}",
            file.display(),
            text(&out.stderr)
        );
        let line = said
            .lines()
            .find(|l| l.contains(REJECTED.trim_end()))
            .unwrap_or_else(|| panic!("no REJECTED line:\n{said}"))
            .to_string();
        assert!(
            line.starts_with(&format!("{}: {REJECTED}", file.display())),
            "the line names the file first: {line}"
        );
        for w in why {
            assert!(line.contains(w), "expected {w:?} in: {line}");
        }
        assert_eq!(
            text(&self.results()),
            text(&results),
            "the results changed after {line}"
        );
        assert_eq!(self.stored(), stored, "something was stored from {line}");
        let log = self.log();
        assert_eq!(log.len(), logged + 1, "one import log row");
        let last = log.last().expect("a log row");
        assert_eq!(last.outcome, "rejected");
        assert_eq!(last.file, file.display().to_string());
        assert_eq!(last.sha256, sha256_hex(&std::fs::read(file).expect("file")));
        for w in why {
            assert!(last.detail.contains(w), "{w:?} in the log: {}", last.detail);
        }
        line
    }

    fn refused(&self, bundle: &Path, why: &[&str]) -> String {
        self.refused_by(false, bundle, why)
    }

    /// Imports a bundle the tally already has (the same or older): exit 0,
    /// "nothing changes", and nothing does.
    fn nothing_changes(&self, bundle: &Path) {
        let results = self.results();
        let stored = self.stored();
        let out = ok(self.import(&[bundle]), "urna tally import");
        let said = text(&out.stdout);
        assert!(
            said.contains(&format!("{}: {ALREADY_KNOWN}", bundle.display())),
            "{said}"
        );
        assert_eq!(text(&self.results()), text(&results));
        assert_eq!(self.stored(), stored);
        let log = self.log();
        let last = log.last().expect("a log row");
        assert_eq!(
            (last.outcome.as_str(), last.file.as_str()),
            ("unchanged", bundle.display().to_string().as_str())
        );
    }

    /// The office with one trusted kiosk, P1, whose first bundle (three
    /// valid cards) is imported: something to leave unchanged.
    fn with_p1() -> (Office, Kiosk, PathBuf) {
        let o = office();
        let p1 = o.kiosk("P1");
        o.trust(&p1);
        p1.enter(&[
            row("a1", &pesel(1), "1|2|3|4|5"),
            row("a2", &pesel(2), "2|3|4|5|6"),
            row("a3", &pesel(3), "3|4|5|6|7"),
        ]);
        let b1 = p1.export(&o.dir("usb-p1"));
        o.accepted(&b1);
        let r = o.results_json();
        assert_eq!(
            (
                r["ballots"]["total"].as_u64(),
                r["ballots"]["valid"].as_u64()
            ),
            (Some(3), Some(3))
        );
        (o, p1, b1)
    }

    /// Takes a bundle apart as the office can with Debian's tools: `tar -xf`
    /// into `root/craft/<case>`, then `age -d` with the office identity.
    fn open(&self, bundle: &Path, case: &str) -> Opened {
        let dir = self.dir(&format!("craft/{case}"));
        tool(&dir, "tar", &["-xf", utf8(bundle)]);
        let manifest_bytes = std::fs::read(dir.join(bundle::MANIFEST)).expect("manifest.json");
        let manifest: Manifest = serde_json::from_slice(&manifest_bytes).expect("a manifest");
        let identity = self.tally.join("office-identity.txt");
        let plain = tool(&dir, "age", &["-d", "-i", utf8(&identity), bundle::PAYLOAD]).stdout;
        let lines = plain
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(<[u8]>::to_vec)
            .collect();
        Opened {
            dir,
            manifest,
            lines,
        }
    }

    /// Puts an opened bundle together again: the journal encrypted with
    /// `age -r` to the office, the manifest's payload hash made to match
    /// (and with `rechain`, its entry count and head hash), signed again
    /// with Debian's `minisign` and the kiosk's own `kiosk.key` when `signer`
    /// is given (else the old signature stays), and archived with `tar`.
    fn seal(&self, o: &mut Opened, rechain: bool, signer: Option<&Kiosk>) -> PathBuf {
        let mut plain = Vec::new();
        for l in &o.lines {
            plain.extend_from_slice(l);
            plain.push(b'\n');
        }
        std::fs::write(o.dir.join("journal.jsonl"), &plain).expect("plain journal");
        std::fs::remove_file(o.dir.join(bundle::PAYLOAD)).expect("old payload");
        tool(
            &o.dir,
            "age",
            &[
                "-e",
                "-r",
                &self.recipient,
                "-o",
                bundle::PAYLOAD,
                "journal.jsonl",
            ],
        );
        std::fs::remove_file(o.dir.join("journal.jsonl")).expect("plain journal");
        let payload = std::fs::read(o.dir.join(bundle::PAYLOAD)).expect("payload");
        o.manifest.payload.sha256 = sha256_hex(&payload);
        if rechain {
            let head = o.lines.iter().fold(GENESIS, |h, l| chain_hash(&h, l));
            o.manifest.journal.entries = o.lines.len() as u64;
            o.manifest.journal.head_hash = hex::encode(head);
            // An insider with the coordinator's PIN re-seals the new head too.
            if let Some(k) = signer {
                o.manifest.journal.seal = Some(
                    k.insider()
                        .sign_seal(o.manifest.journal.entries, &o.manifest.journal.head_hash)
                        .expect("a seal with the PIN"),
                );
            }
        }
        let mut manifest = serde_json::to_vec_pretty(&o.manifest).expect("manifest JSON");
        manifest.push(b'\n');
        std::fs::write(o.dir.join(bundle::MANIFEST), &manifest).expect("manifest.json");
        if let Some(k) = signer {
            std::fs::remove_file(o.dir.join(bundle::SIGNATURE)).expect("old signature");
            let key = k.unsealed_key();
            let trusted = format!(
                "urna bundle point={} sequence={} manifest_sha256={}",
                o.manifest.point.id,
                o.manifest.sequence,
                sha256_hex(&manifest)
            );
            tool(
                &o.dir,
                "minisign",
                &[
                    "-S",
                    "-s",
                    utf8(&key),
                    "-m",
                    bundle::MANIFEST,
                    "-x",
                    bundle::SIGNATURE,
                    "-t",
                    &trusted,
                    "-c",
                    &format!("signature from urna kiosk {}", o.manifest.kiosk_key_id),
                ],
            );
        }
        o.pack()
    }
}

/// A bundle taken apart: its members in `dir`, the manifest and the
/// journal's lines in the clear.
struct Opened {
    dir: PathBuf,
    manifest: Manifest,
    lines: Vec<Vec<u8>>,
}

impl Opened {
    /// The members as they are in `dir`, archived with Debian's `tar` in the
    /// bundle's order (POSIX ustar, the one format a bundle is), as
    /// `dir/sealed/<the manifest's file name>`.
    fn pack(&self) -> PathBuf {
        let out = self.dir.join("sealed");
        std::fs::create_dir_all(&out).expect("sealed dir");
        let path = out.join(bundle::file_name(&self.manifest));
        tool(
            &self.dir,
            "tar",
            &[
                "--format=ustar",
                "-cf",
                utf8(&path),
                bundle::MANIFEST,
                bundle::SIGNATURE,
                bundle::PAYLOAD,
            ],
        );
        path
    }

    fn entry(&self, i: usize) -> Entry {
        serde_json::from_slice(&self.lines[i]).expect("a journal entry")
    }

    /// Where the card entries are, in order.
    fn cards(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|i| matches!(self.entry(*i).event, Event::CardEntered { .. }))
            .collect()
    }

    fn set(&mut self, i: usize, e: &Entry) {
        self.lines[i] = e.canonical_bytes();
    }
}

fn card_id(e: &Entry) -> String {
    match &e.event {
        Event::CardEntered { card_id, .. } => card_id.clone(),
        other => panic!("not a card: {other:?}"),
    }
}

/// The points each city-wide project got, where any.
fn citywide_points(r: &serde_json::Value) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = r["citywide"]["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .filter(|p| p["points"].as_u64() != Some(0))
        .map(|p| {
            (
                p["id"].as_str().expect("id").to_string(),
                p["points"].as_u64().expect("points"),
            )
        })
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// Who sent it

#[test]
fn a_bundle_from_a_point_never_trusted_is_refused() {
    let (o, _, _) = Office::with_p1();
    let p9 = o.kiosk("P9");
    p9.enter(&[row("z1", &pesel(90), "1|2|3|4|5")]);
    let b = p9.export(&o.dir("usb-p9"));
    o.refused(
        &b,
        &[&format!(
            "unknown kiosk: point P9 (key {}) is not trusted; `urna tally trust` its key first",
            p9.key_id()
        )],
    );
    // Trusted, the same file is accepted: it was refused for who sent it.
    o.trust(&p9);
    o.accepted(&b);
}

#[test]
fn a_known_point_with_another_key_is_refused() {
    // P1's laptop reinstalled: a new kiosk with a new key under the same
    // point id, which the office never trusted.
    let (o, p1, _) = Office::with_p1();
    let again = o.kiosk_with("P1-reinstalled", "P1", EDITION, &o.recipient);
    again.enter(&[row("n1", &pesel(91), "1|2|3|4|5")]);
    let b = again.export(&o.dir("usb-p1-reinstalled"));
    assert_ne!(again.key_id(), p1.key_id());
    o.refused(
        &b,
        &[&format!(
            "signed by key {}, but point P1 is trusted with key {}",
            again.key_id(),
            p1.key_id()
        )],
    );
}

// ---------------------------------------------------------------------------
// The file itself

#[test]
fn a_manifest_altered_after_signing_is_refused() {
    // Someone on the way changes a vote, encrypts the journal again to the
    // office and fixes every hash in the manifest, but cannot sign it.
    let (o, p1, b1) = Office::with_p1();
    let mut opened = o.open(&b1, "altered-manifest");
    let i = opened.cards()[0];
    let mut e = opened.entry(i);
    if let Event::CardEntered { card, .. } = &mut e.event {
        card.citywide = ["15", "14", "13", "12", "11"].map(String::from).to_vec();
    }
    opened.set(i, &e);
    let forged = o.seal(&mut opened, true, None);
    o.refused(
        &forged,
        &["the signature does not match manifest.json (the manifest or the signature was changed)"],
    );
    // The same forgery signed with the kiosk's key passes every check but
    // the fork: the office already holds the journal it changes.
    let mut again = o.open(&b1, "altered-manifest-signed");
    again.set(i, &e);
    let signed = o.seal(&mut again, true, Some(&p1));
    o.refused(&signed, &["a fork: point P1's entry"]);
}

#[test]
fn a_swapped_payload_is_refused() {
    // Bundle 1's signed manifest around bundle 2's journal (the same kiosk,
    // encrypted to the same office, so it would decrypt).
    let o = office();
    let p1 = o.kiosk("P1");
    o.trust(&p1);
    p1.enter(&[row("a1", &pesel(1), "1|2|3|4|5")]);
    let b1 = p1.export(&o.dir("usb"));
    p1.enter(&[row("a2", &pesel(2), "5|4|3|2|1")]);
    let b2 = p1.export(&o.dir("usb"));
    let first = o.open(&b1, "swap-1");
    let second = o.open(&b2, "swap-2");
    std::fs::copy(
        second.dir.join(bundle::PAYLOAD),
        first.dir.join(bundle::PAYLOAD),
    )
    .expect("swap the payload");
    let swapped = first.pack();
    o.refused(
        &swapped,
        &[&format!(
            "journal.jsonl.age has SHA-256 {}, the manifest says {} (the payload was changed)",
            second.manifest.payload.sha256, first.manifest.payload.sha256
        )],
    );
    assert_eq!(o.results_json()["ballots"]["total"], 0);
}

#[test]
fn a_renamed_bundle_is_refused() {
    // The file name is part of what the kiosk signed (point, day, sequence).
    let (o, p1, _) = Office::with_p1();
    p1.enter(&[row("a4", &pesel(4), "1|2|3|4|5")]);
    let b2 = p1.export(&o.dir("usb-p1-day2"));
    let name = b2.file_name().expect("name").to_string_lossy().into_owned();
    let renamed = o.dir("renamed").join(name.replace("-2.urna", "-3.urna"));
    std::fs::copy(&b2, &renamed).expect("copy");
    o.refused(
        &renamed,
        &[&format!(
            "the file is named \"{}\", but its manifest says \"{name}\" (renamed)",
            renamed.file_name().expect("name").to_string_lossy()
        )],
    );
}

#[test]
fn a_truncated_bundle_is_refused() {
    let (o, p1, _) = Office::with_p1();
    p1.enter(&[row("a4", &pesel(4), "1|2|3|4|5")]);
    let b2 = p1.export(&o.dir("usb-p1-day2"));
    let bytes = std::fs::read(&b2).expect("bundle");
    for (case, len) in [("half", bytes.len() / 2), ("last-block", bytes.len() - 512)] {
        let cut = o
            .dir(&format!("cut-{case}"))
            .join(b2.file_name().expect("name"));
        std::fs::write(&cut, &bytes[..len]).expect("a cut copy");
        o.refused(&cut, &["not a complete tar archive (truncated or damaged)"]);
    }
    // The whole file is fine.
    o.accepted(&b2);
}

#[test]
fn a_payload_for_another_office_is_refused() {
    // A kiosk set up with another office's age recipient (a typo'd or
    // wrong key at `urna init --central`).
    let (o, _, _) = Office::with_p1();
    let keys = o.dir("other-office");
    tool(&keys, "age-keygen", &["-o", "office.key"]);
    let other = text(&tool(&keys, "age-keygen", &["-y", "office.key"]).stdout)
        .trim()
        .to_string();
    let p2 = o.kiosk_with("P2", "P2", EDITION, &other);
    o.trust(&p2);
    p2.enter(&[row("b1", &pesel(20), "1|2|3|4|5")]);
    let b = p2.export(&o.dir("usb-p2"));
    o.refused(&b, &["the payload cannot be decrypted with the office key"]);
}

#[test]
fn a_bundle_of_another_edition_is_refused() {
    let (o, _, _) = Office::with_p1();
    let toml = std::fs::read_to_string(EDITION)
        .expect("edition")
        .replace("id = \"krakow-2014\"", "id = \"krakow-2014-bis\"");
    let edition = o.root.join("krakow-2014-bis.toml");
    std::fs::write(&edition, toml).expect("edition file");
    let p2 = o.kiosk_with("P2", "P2", utf8(&edition), &o.recipient);
    o.trust(&p2);
    p2.enter(&[row("b1", &pesel(20), "1|2|3|4|5")]);
    let b = p2.export(&o.dir("usb-p2"));
    o.refused(
        &b,
        &["a bundle of edition krakow-2014-bis; this tally counts krakow-2014"],
    );
}

#[test]
fn a_training_bundle_is_refused() {
    // The store `urna demo` makes (point DEMO, training), with cards, its
    // key trusted by mistake, exported as a coordinator would.
    let (o, _, _) = Office::with_p1();
    let data = o.root.join("demo").join("data");
    drop(urna::tui::demo::demo_store(&data).expect("a demo store"));
    let demo = Kiosk {
        data,
        point: "DEMO".into(),
    };
    demo.enter(&[row("d1", &pesel(30), "1|2|3|4|5")]);
    o.trust(&demo);
    let b = demo.export(&o.dir("usb-demo"));
    o.refused(
        &b,
        &["a training bundle (made by a demo kiosk); it is not counted"],
    );
}

// ---------------------------------------------------------------------------
// The journal inside

#[test]
fn a_journal_altered_and_validly_resigned_is_refused() {
    // A vote changed in the journal, which is encrypted again and signed
    // with the kiosk's own key; the manifest keeps the head hash the kiosk
    // computed. First import of this point, so no earlier copy to compare.
    let o = office();
    let p1 = o.kiosk("P1");
    o.trust(&p1);
    p1.enter(&[
        row("a1", &pesel(1), "1|2|3|4|5"),
        row("a2", &pesel(2), "2|3|4|5|6"),
    ]);
    let b1 = p1.export(&o.dir("usb"));
    let opened = o.open(&b1, "pristine");
    let first_card = opened.cards()[0];

    let mut changed = o.open(&b1, "vote-changed");
    let mut e = changed.entry(first_card);
    if let Event::CardEntered { card, .. } = &mut e.event {
        card.citywide = ["15", "14", "13", "12", "11"].map(String::from).to_vec();
    }
    changed.set(first_card, &e);
    let forged = o.seal(&mut changed, false, Some(&p1));
    assert!(
        bundle::verify(&forged, None).is_ok(),
        "the forgery is validly signed"
    );
    // Only the head hash shows it, so the tally cannot say which entry
    // changed (the message gives the last entry's number; not asserted).
    o.refused(
        &forged,
        &[
            "the journal is broken at entry",
            "the entries do not end at the manifest's head hash",
        ],
    );

    // An entry dropped: what follows is out of order.
    let mut dropped = o.open(&b1, "entry-dropped");
    dropped.lines.remove(first_card);
    let forged = o.seal(&mut dropped, false, Some(&p1));
    o.refused(
        &forged,
        &[
            &format!("the journal is broken at entry {}", first_card + 1),
            "out of order",
        ],
    );

    // An entry in another JSON spelling: not what the kiosk hashed.
    let mut spaced = o.open(&b1, "not-canonical");
    let pretty = serde_json::to_vec_pretty(&spaced.entry(first_card)).expect("json");
    spaced.lines[first_card] = pretty.into_iter().filter(|b| *b != b'\n').collect();
    let forged = o.seal(&mut spaced, false, Some(&p1));
    o.refused(
        &forged,
        &[
            &format!("the journal is broken at entry {}", first_card + 1),
            "not in canonical form",
        ],
    );

    // The kiosk's own bundle still goes in.
    o.accepted(&b1);
}

#[test]
fn a_signed_card_past_the_field_limits_is_refused() {
    // A card whose first name is 10,000 characters, with the chain and the
    // manifest made to match and signed with the kiosk's own key: every hash
    // holds, but no kiosk running urna's rules could have entered it.
    let o = office();
    let p1 = o.kiosk("P1");
    o.trust(&p1);
    p1.enter(&[row("a1", &pesel(1), "1|2|3|4|5")]);
    let b1 = p1.export(&o.dir("usb"));
    let mut long = o.open(&b1, "field-too-long");
    let first_card = long.cards()[0];
    let mut e = long.entry(first_card);
    if let Event::CardEntered { card, .. } = &mut e.event {
        card.first_name = "A".repeat(10_000);
    }
    long.set(first_card, &e);
    // `seal` with rechain: the manifest's head hash is the new chain's.
    let forged = o.seal(&mut long, true, Some(&p1));
    assert!(
        bundle::verify(&forged, None).is_ok(),
        "the forgery is validly signed"
    );
    o.refused(
        &forged,
        &[
            &format!("the journal is broken at entry {}", first_card + 1),
            "a card with a field longer than the field limits allow",
        ],
    );
    o.accepted(&b1);
}

#[test]
fn a_signed_card_with_a_control_character_is_refused() {
    // A card whose surname carries an escape sequence, re-chained and signed
    // with the kiosk's own key: no rubric of a kiosk takes a control
    // character, and `import-cards` refuses the row, so no kiosk running
    // urna's rules entered it.
    let o = office();
    let p1 = o.kiosk("P1");
    o.trust(&p1);
    p1.enter(&[row("a1", &pesel(1), "1|2|3|4|5")]);
    let b1 = p1.export(&o.dir("usb"));
    let mut bent = o.open(&b1, "control-character");
    let first_card = bent.cards()[0];
    let mut e = bent.entry(first_card);
    if let Event::CardEntered { card, .. } = &mut e.event {
        card.last_name = "Nowak\u{1b}[2J".into();
    }
    bent.set(first_card, &e);
    let forged = o.seal(&mut bent, true, Some(&p1));
    assert!(
        bundle::verify(&forged, None).is_ok(),
        "the forgery is validly signed"
    );
    let said = o.refused(
        &forged,
        &[
            &format!("the journal is broken at entry {}", first_card + 1),
            "a card with a control character in a field",
        ],
    );
    assert!(
        !said.contains('\u{1b}') && !said.contains("Nowak"),
        "{said}"
    );
    o.accepted(&b1);
}

#[test]
fn a_fork_of_a_copied_kiosk_is_refused_and_names_both_hashes() {
    // P4's store copied after its first export; both copies enter other
    // cards and export. The second copy's bundle does not extend what the
    // office holds, whether it is shorter or longer.
    let o = office();
    let k = o.kiosk("P4");
    o.trust(&k);
    k.enter(&[row("f1", &pesel(40), "1|2|3|4|5")]);
    let b1 = k.export(&o.dir("usb-1"));
    let copy_dir = o.root.join("P4-copy");
    std::fs::create_dir_all(&copy_dir).expect("copy dir");
    tool(
        &o.root,
        "cp",
        &["-a", utf8(&k.data), utf8(&copy_dir.join("data"))],
    );
    let copy = Kiosk {
        data: copy_dir.join("data"),
        point: "P4".into(),
    };
    k.enter(&[
        row("f2", &pesel(41), "2|3|4|5|6"),
        row("f3", &pesel(42), "3|4|5|6|7"),
    ]);
    copy.enter(&[row("g2", &pesel(43), "5|4|3|2|1")]);
    let original = k.export(&o.dir("usb-original"));
    let forked = copy.export(&o.dir("usb-copy"));
    assert_eq!(
        original.file_name(),
        forked.file_name(),
        "both are bundle 2"
    );

    o.accepted(&b1);
    o.accepted(&original);
    let ours = k.journal();
    let theirs = copy.journal();
    let common = bundle::verify(&forked, None)
        .expect("the copy's bundle is sound by itself")
        .manifest
        .journal
        .entries as usize;
    assert!(common < ours.len(), "the copy's bundle is the shorter");
    let line = o.refused(
        &forked,
        &[&format!(
            "a fork: point P4's entry {common} has hash {} here but {} in this bundle; \
             it does not extend what the kiosk sent before",
            hex::encode(ours[common - 1].2),
            hex::encode(theirs[common - 1].2)
        )],
    );
    assert!(!line.contains(ALREADY_KNOWN), "{line}");

    // The copy goes on and exports a longer journal: still a fork.
    copy.enter(&[
        row("g3", &pesel(44), "5|4|3|2|1"),
        row("g4", &pesel(45), "5|4|3|2|1"),
        row("g5", &pesel(46), "5|4|3|2|1"),
    ]);
    let longer = copy.export(&o.dir("usb-copy-later"));
    let held = o
        .stored()
        .iter()
        .filter(|s| s.starts_with("entry P4 "))
        .count();
    let theirs = copy.journal();
    o.refused(
        &longer,
        &[&format!(
            "a fork: point P4's entry {held} has hash {} here but {} in this bundle",
            hex::encode(ours[held - 1].2),
            hex::encode(theirs[held - 1].2)
        )],
    );
}

#[test]
fn a_card_id_seen_before_with_other_data_is_refused() {
    // The kiosk's second bundle, its new card given the id of a card the
    // office already holds (another vote), chained and signed with the
    // kiosk's own key: every check before the card ids passes.
    let (o, p1, b1) = Office::with_p1();
    let held = o.open(&b1, "held");
    let old_id = card_id(&held.entry(held.cards()[0]));
    p1.enter(&[row("a4", &pesel(4), "5|4|3|2|1")]);
    let b2 = p1.export(&o.dir("usb-p1-day2"));
    let mut opened = o.open(&b2, "reused-id");
    let i = *opened.cards().last().expect("the new card");
    let mut e = opened.entry(i);
    if let Event::CardEntered { card_id, .. } = &mut e.event {
        *card_id = old_id.clone();
    }
    opened.set(i, &e);
    let forged = o.seal(&mut opened, true, Some(&p1));
    // A kiosk names the card it enters by its point and entry number, so the
    // reused id is refused before its data is even compared.
    o.refused(
        &forged,
        &[&format!(
            "enters card {old_id}, but a kiosk names the card it enters as entry"
        )],
    );
    // Nor can a point take an id from another point's range.
    let mut opened = o.open(&b2, "foreign-id");
    let i = *opened.cards().last().expect("the new card");
    let mut e = opened.entry(i);
    let foreign = format!("P7-{:06}", e.seq);
    if let Event::CardEntered { card_id, .. } = &mut e.event {
        *card_id = foreign.clone();
    }
    opened.set(i, &e);
    let forged = o.seal(&mut opened, true, Some(&p1));
    o.refused(&forged, &[&format!("enters card {foreign}")]);
    // The kiosk's own second bundle goes in.
    o.accepted(&b2);
}

#[test]
fn a_kiosk_cannot_enter_amend_or_void_another_points_card() {
    // P2's own journal with one more entry, chained and signed with P2's
    // key, about a card P1 entered: amending it, voiding it, or entering it
    // again word for word after P1 voided it (the count takes each card
    // id's latest entry, so that would bring the voided card back).
    let (o, p1, b1) = Office::with_p1();
    let held = o.open(&b1, "held");
    let p1_entry = held.entry(held.cards()[0]);
    let (victim, victim_card) = match &p1_entry.event {
        Event::CardEntered { card_id, card, .. } => (card_id.clone(), card.clone()),
        _ => unreachable!(),
    };
    let voided_entry = held.entry(held.cards()[1]);
    let voided = card_id(&voided_entry);
    // Anna logged in (her PIN unlocks the journal key every write needs).
    p1.insider()
        .void_card(&voided, "Anna", "entered twice")
        .expect("void");
    o.accepted(&p1.export(&o.dir("usb-p1-day2")));
    let p2 = o.kiosk("P2");
    o.trust(&p2);
    p2.enter(&[row("b1", &pesel(20), "1|2|3|4|5")]);
    let b2 = p2.export(&o.dir("usb-p2"));
    let before = o.results_json();
    assert_eq!(before["ballots"]["total"], 2);

    for (case, id, event) in [
        (
            "amend",
            &victim,
            Event::CardAmended {
                card_id: victim.clone(),
                card: {
                    let mut c = victim_card.clone();
                    c.citywide = ["15", "14", "13", "12", "11"].map(String::from).to_vec();
                    c
                },
                assessment: match &p1_entry.event {
                    Event::CardEntered { assessment, .. } => assessment.clone(),
                    _ => unreachable!(),
                },
                reason: "typo".into(),
                same_pesel: Vec::new(),
            },
        ),
        (
            "void",
            &victim,
            Event::CardVoided {
                card_id: victim.clone(),
                reason: "entered twice".into(),
            },
        ),
        ("enter-again", &voided, voided_entry.event.clone()),
    ] {
        let mut opened = o.open(&b2, case);
        let last = opened.entry(opened.lines.len() - 1);
        let entry = Entry {
            seq: opened.lines.len() as u64 + 1,
            at: last.at.clone(),
            operator: "Anna".into(),
            event,
        };
        opened.lines.push(entry.canonical_bytes());
        let forged = o.seal(&mut opened, true, Some(&p2));
        o.refused(
            &forged,
            &[&format!(
                "entry {} is about card {id}, which point P2 did not enter",
                entry.seq
            )],
        );
        assert_eq!(o.results_json(), before, "{case}: P1's cards stand");
    }
    // P2's own bundle goes in, and P1's cards still count as P1 sent them.
    o.accepted(&b2);
    let r = o.results_json();
    assert_eq!(r["ballots"]["total"], 3);
    assert!(
        citywide_points(&r)
            .iter()
            .all(|(id, _)| id.parse::<u32>().expect("id") <= 10)
    );
}

#[test]
fn a_kiosks_own_amendments_and_voids_are_counted() {
    // The other side of the check above: the kiosk corrects and voids its
    // own cards, from an earlier bundle and from this one.
    let (o, p1, b1) = Office::with_p1();
    let held = o.open(&b1, "held");
    let (a1, a2) = (
        card_id(&held.entry(held.cards()[0])),
        card_id(&held.entry(held.cards()[1])),
    );
    p1.enter(&[row("a4", &pesel(4), "1|2|3|4|5")]);
    let a4 =
        card_id(&serde_json::from_slice(&p1.journal().last().expect("an entry").1).expect("entry"));
    {
        let mut store = p1.insider();
        let order = |o: &str| o.split('|').map(String::from).collect::<Vec<_>>();
        for (id, new) in [(&a1, "10|9|8|7|6"), (&a4, "6|7|8|9|10")] {
            let mut card = store.card(id).expect("read").expect("the card");
            card.local = order(new);
            card.citywide = order(new);
            store
                .amend_card(id, card, "Anna", "typed in the wrong order")
                .expect("amend");
        }
        store.void_card(&a2, "Anna", "entered twice").expect("void");
    }
    let b2 = p1.export(&o.dir("usb-p1-day2"));
    o.accepted(&b2);
    // By hand: a1 as amended, a3 as entered, a4 as amended; a2 voided.
    let r = o.results_json();
    assert_eq!(r["ballots"]["total"], 3);
    assert_eq!(r["ballots"]["valid"], 3);
    let expected: Vec<(String, u64)> = [
        ("10", 6),
        ("3", 5),
        ("4", 4),
        ("5", 3),
        ("6", 8),
        ("7", 7),
        ("8", 6),
        ("9", 6),
    ]
    .map(|(id, p)| (id.to_string(), p))
    .to_vec();
    assert_eq!(citywide_points(&r), expected);
}

// ---------------------------------------------------------------------------
// What is already there

#[test]
fn the_same_or_an_older_bundle_again_changes_nothing() {
    let (o, p1, b1) = Office::with_p1();
    o.nothing_changes(&b1);
    p1.enter(&[row("a4", &pesel(4), "1|2|3|4|5")]);
    let b2 = p1.export(&o.dir("usb-p1-day2"));
    o.accepted(&b2);
    assert_eq!(o.results_json()["ballots"]["total"], 4);
    o.nothing_changes(&b2);
    o.nothing_changes(&b1);
    // A copy of the older bundle elsewhere (another stick): the same.
    let copy = o.dir("another-stick").join(b1.file_name().expect("name"));
    std::fs::copy(&b1, &copy).expect("copy");
    o.nothing_changes(&copy);
    assert_eq!(o.results_json()["ballots"]["total"], 4);
}

#[test]
fn a_folder_with_a_good_and_a_bad_bundle_imports_the_good_one() {
    let (o, _, _) = Office::with_p1();
    let p2 = o.kiosk("P2");
    let p3 = o.kiosk("P3");
    o.trust(&p2);
    o.trust(&p3);
    p2.enter(&[row("b1", &pesel(20), "1|2|3|4|5")]);
    p3.enter(&[row("c1", &pesel(30), "1|2|3|4|5")]);
    let stick = o.dir("stick");
    let good = p2.export(&stick.join("P2"));
    let bad = p3.export(&stick.join("P3"));
    let bytes = std::fs::read(&bad).expect("bundle");
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).expect("cut");

    // The same office, copied before the import, takes the good one alone.
    let alone = o.root.join("tally-alone");
    tool(&o.root, "cp", &["-a", utf8(&o.tally), utf8(&alone)]);
    ok(
        urna(&alone)
            .args(["tally", "import"])
            .arg(&good)
            .output()
            .expect("run"),
        "import the good bundle alone",
    );
    let expected = ok(
        urna(&alone)
            .args(["tally", "results", "--format", "json"])
            .output()
            .expect("run"),
        "results",
    )
    .stdout;

    let out = o.import(&[&stick]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!("{}: accepted (P2, ", good.display())),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "{}: REJECTED — not a complete tar archive",
            bad.display()
        )),
        "{said}"
    );
    assert_eq!(text(&o.results()), text(&expected));
    assert_eq!(o.results_json()["ballots"]["total"], 4);
    assert!(
        !o.stored()
            .iter()
            .any(|s| s.starts_with("entry P3 ") || s.starts_with("card P3-")),
        "nothing of P3 is stored"
    );
}

/// One `tally import` of many files reads each next bundle while the one
/// before it is stored: it must come to exactly what importing them one at
/// a time does — the same outcomes in the same order, the same log rows,
/// the same store and count — with a later bundle of the same point taking
/// only what the earlier one (committed just before) did not have.
#[test]
fn many_bundles_in_one_import_come_to_what_one_at_a_time_does() {
    let o = office();
    let p1 = o.kiosk("P1");
    let p2 = o.kiosk("P2");
    let p3 = o.kiosk("P3");
    for k in [&p1, &p2, &p3] {
        o.trust(k);
    }
    p1.enter(&[
        row("a1", &pesel(1), "1|2|3|4|5"),
        row("a2", &pesel(2), "2|3|4|5|6"),
    ]);
    let day1 = p1.export(&o.dir("stick-day1"));
    p1.enter(&[row("a3", &pesel(3), "3|4|5|6|7")]);
    let day2 = p1.export(&o.dir("stick-day2"));
    let copy = o.dir("another-stick").join(day1.file_name().expect("name"));
    std::fs::copy(&day1, &copy).expect("copy");
    p2.enter(&[row("b1", &pesel(20), "1|2|3|4|5")]);
    let p2_bundle = p2.export(&o.dir("stick-p2"));
    p3.enter(&[row("c1", &pesel(30), "1|2|3|4|5")]);
    let bad = p3.export(&o.dir("stick-p3"));
    let bytes = std::fs::read(&bad).expect("bundle");
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).expect("cut");
    let files: [&Path; 5] = [&day1, &bad, &day2, &copy, &p2_bundle];

    // The same office, copied before, takes the files one at a time.
    let alone = Office {
        _tmp: tempfile::tempdir().expect("tempdir"),
        root: o.root.clone(),
        tally: o.root.join("tally-alone"),
        recipient: o.recipient.clone(),
    };
    tool(&o.root, "cp", &["-a", utf8(&o.tally), utf8(&alone.tally)]);
    // Each file's line, without the summary.
    let lines = |said: &str| -> Vec<String> {
        said.lines()
            .filter(|l| !l.starts_with("Bundles accepted: "))
            .map(str::to_string)
            .collect()
    };
    let said_alone: Vec<String> = files
        .iter()
        .flat_map(|f| lines(&text(&alone.import(&[f]).stdout)))
        .collect();

    let out = o.import(&files);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert_eq!(lines(&said), said_alone);
    let outcomes: Vec<&str> = said_alone
        .iter()
        .map(|l| {
            if l.contains(": accepted (") {
                "accepted"
            } else if l.contains(ALREADY_KNOWN) {
                "unchanged"
            } else {
                "rejected"
            }
        })
        .collect();
    assert_eq!(
        outcomes,
        ["accepted", "rejected", "accepted", "unchanged", "accepted"],
        "{said}"
    );
    assert!(
        said.contains(&format!("{}: accepted (P1, new entries: ", day2.display())),
        "{said}"
    );

    // The log: one row per file, in the order given, each named by its
    // SHA-256; row for row what the imports one at a time wrote.
    let rows = |log: Vec<ImportRecord>| -> Vec<[String; 7]> {
        log.into_iter()
            .map(|r| {
                [
                    r.id.to_string(),
                    r.file,
                    r.sha256,
                    r.outcome,
                    r.point.unwrap_or_default(),
                    r.sequence.map(|s| s.to_string()).unwrap_or_default(),
                    r.detail,
                ]
            })
            .collect()
    };
    let log = rows(o.log());
    assert_eq!(log, rows(alone.log()));
    let last: Vec<(String, String)> = log[log.len() - files.len()..]
        .iter()
        .map(|r| (r[1].clone(), r[2].clone()))
        .collect();
    let given: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let sha = sha256_hex(&std::fs::read(f).expect("file"));
            (f.display().to_string(), sha)
        })
        .collect();
    assert_eq!(last, given);
    assert_eq!(o.stored(), alone.stored());
    assert_eq!(text(&o.results()), text(&alone.results()));
    assert_eq!(o.results_json()["ballots"]["total"], 4);
}

// ---------------------------------------------------------------------------
// The internet channel

#[test]
fn an_internet_file_with_one_bad_row_imports_nothing_and_names_line_and_field() {
    let (o, _, _) = Office::with_p1();
    let file = o.root.join("internet-1.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}\n{}\n{}\n{}\n",
            row("w1", &pesel(50), "1|2|3|4|5"),
            row("w2", &pesel(51), "1|2|3|4|5"),
            row("w3", &pesel(52), "1|2|3|4|5").replace("2014-09-28", "28.09.2014"),
        ),
    )
    .expect("csv");
    let why = [
        &format!("{}: nothing imported", file.display()) as &str,
        "line 4: cast_date \"28.09.2014\" is not a date like YYYY-MM-DD",
    ];
    let first = o.refused_by(true, &file, &why);
    // The same file again: refused the same way, and still nothing.
    let second = o.refused_by(true, &file, &why);
    assert_eq!(first, second);
    assert_eq!(o.results_json()["ballots"]["total"], 3);
}

#[test]
fn an_internet_file_again_changes_nothing_and_a_changed_row_is_refused() {
    let (o, _, _) = Office::with_p1();
    let rows = [
        row("w1", &pesel(50), "1|2|3|4|5"),
        row("w2", &pesel(51), "2|3|4|5|6"),
    ];
    let file = o.root.join("internet.csv");
    std::fs::write(&file, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
    let out = ok(o.import_online(&file), "import-online");
    assert!(
        text(&out.stdout).contains("rows accepted: 2"),
        "{}",
        text(&out.stdout)
    );
    let results = o.results();
    let stored = o.stored();
    assert_eq!(o.results_json()["ballots"]["total"], 5);

    let out = ok(o.import_online(&file), "import-online again");
    assert!(
        text(&out.stdout).contains(&format!("{}: {ALREADY_KNOWN}", file.display())),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(text(&o.results()), text(&results));
    assert_eq!(o.stored(), stored);

    // The channel's next export, with w2 changed on the way and a new row:
    // nothing of it is taken, the new row neither.
    let changed = o.root.join("internet-2.csv");
    std::fs::write(
        &changed,
        format!(
            "{HEADER}\n{}\n{}\n{}\n",
            rows[0],
            row("w2", &pesel(51), "6|5|4|3|2"),
            row("w3", &pesel(52), "1|2|3|4|5"),
        ),
    )
    .expect("csv");
    o.refused_by(
        true,
        &changed,
        &["record w2 was seen before with different data"],
    );
    // One new id twice in a file, with different votes: neither is taken.
    let twice = o.root.join("internet-3.csv");
    std::fs::write(
        &twice,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("w4", &pesel(53), "1|2|3|4|5"),
            row("w4", &pesel(53), "5|4|3|2|1"),
        ),
    )
    .expect("csv");
    o.refused_by(
        true,
        &twice,
        &["record w4 was seen before with different data"],
    );
    assert_eq!(o.stored(), stored);
}

/// At `-v` the office's commands log into the tally's own `logs/` (0700,
/// files 0600): one line per imported file with its outcome code, the
/// point and the file's hash; no PESEL.
#[test]
fn the_office_logs_each_import_at_verbose() {
    use std::os::unix::fs::PermissionsExt;
    let (o, p1, _) = Office::with_p1();
    let p9 = o.kiosk("P9");
    let voter = pesel(91);
    p9.enter(&[row("z1", &voter, "1|2|3|4|5")]);
    let refused = p9.export(&o.dir("usb-p9"));
    let accepted = p1.export(&o.dir("usb-p1"));
    for b in [&refused, &accepted] {
        urna(&o.tally)
            .arg("-v")
            .args(["tally", "import"])
            .arg(b)
            .output()
            .expect("run");
    }
    let logs = o.tally.join("logs");
    assert_eq!(
        std::fs::metadata(&logs).expect("logs").permissions().mode() & 0o777,
        0o700
    );
    let mut all = String::new();
    for f in std::fs::read_dir(&logs).expect("read logs") {
        let f = f.expect("entry").path();
        assert_eq!(
            std::fs::metadata(&f).expect("file").permissions().mode() & 0o777,
            0o600,
            "{}",
            f.display()
        );
        all.push_str(&std::fs::read_to_string(&f).expect("log"));
    }
    let line = |file: &Path, code: &str| {
        all.lines()
            .find(|l| {
                l.contains("bundle imported")
                    && l.contains(&format!("file={}", file.display()))
                    && l.contains(&format!("code=\"{code}\""))
            })
            .unwrap_or_else(|| panic!("no {code} line in:\n{all}"))
            .to_string()
    };
    assert!(
        line(&refused, "unknown_kiosk").contains("outcome=\"rejected\""),
        "{all}"
    );
    let ok_line = line(&accepted, "accepted");
    assert!(ok_line.contains("point=P1"), "{ok_line}");
    assert!(
        ok_line.contains(&sha256_hex(&std::fs::read(&accepted).expect("read"))),
        "{ok_line}"
    );
    assert!(!all.contains(&voter), "a PESEL in the log:\n{all}");
}
