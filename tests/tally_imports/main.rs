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

mod counting;
mod internet_and_logs;
mod refused_bundles;
mod refused_journals;

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
