//! The office survives any stick (issue 10): a corpus of hostile and broken
//! bundles, made here from real bundles the real binary exported, each
//! imported (and checked with `urna verify`) by the real binary under a
//! 512 MiB address-space limit and a timeout. Every one is refused, by its own code, with exactly one row in
//! the import log per file, and the count does not move; then the whole
//! corpus in one folder with two good bundles among it: both good ones are
//! imported, every file has its line, and the exit code says that some were
//! refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use urna::bundle::words::render;
use urna::i18n::Lang;
use urna::tally::store::{ImportRecord, Tally};

#[path = "support/office.rs"]
mod office;

use office::{EDITION, HEADER, Office, office, pesel, row, urna};

const BIN: &str = env!("CARGO_BIN_EXE_urna");
/// The address-space limit every hostile import runs under.
const LIMIT: &str = "--as=536870912";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// ---------------------------------------------------------------------------
// Tar, by hand: headers exactly as a kiosk writes them, then bent.

fn checksum(h: &mut [u8; 512]) {
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|b| u32::from(*b)).sum();
    h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
}

fn octal(n: u64) -> [u8; 12] {
    let s = format!("{n:011o}\0");
    assert_eq!(s.len(), 12, "{n} does not fit 11 octal digits");
    s.as_bytes().try_into().expect("12 bytes")
}

/// GNU tar's base-256 size: 0x80, then the number big-endian.
fn base256(n: u64) -> [u8; 12] {
    let mut f = [0u8; 12];
    f[0] = 0x80;
    f[4..].copy_from_slice(&n.to_be_bytes());
    f
}

fn header(name: &[u8], size: [u8; 12], flag: u8) -> [u8; 512] {
    let mut h = [0u8; 512];
    h[..name.len()].copy_from_slice(name);
    h[100..108].copy_from_slice(b"0000644\0");
    h[108..116].copy_from_slice(b"0000000\0");
    h[116..124].copy_from_slice(b"0000000\0");
    h[124..136].copy_from_slice(&size);
    h[136..148].copy_from_slice(b"15300302541\0");
    h[156] = flag;
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    checksum(&mut h);
    h
}

fn regular(name: &str, data: &[u8]) -> ([u8; 512], Vec<u8>) {
    (
        header(name.as_bytes(), octal(data.len() as u64), b'0'),
        data.to_vec(),
    )
}

/// Headers and data, each padded to 512, without the end blocks.
fn members(ms: &[([u8; 512], Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (h, d) in ms {
        out.extend_from_slice(h);
        out.extend_from_slice(d);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out
}

fn tar(ms: &[([u8; 512], Vec<u8>)]) -> Vec<u8> {
    let mut out = members(ms);
    out.extend_from_slice(&[0u8; 1024]);
    out
}

/// A real bundle's three members (name, data), and where each header is.
struct Real {
    bytes: Vec<u8>,
    name: String,
    manifest: Vec<u8>,
    signature: Vec<u8>,
    payload: Vec<u8>,
    /// Offsets of the three headers, then of the end blocks.
    at: [usize; 4],
}

fn real(path: &Path) -> Real {
    let bytes = std::fs::read(path).expect("a bundle");
    let mut at = [0usize; 4];
    let mut data = Vec::new();
    let mut pos = 0;
    for slot in at.iter_mut().take(3) {
        *slot = pos;
        let h = &bytes[pos..pos + 512];
        let size = usize::from_str_radix(std::str::from_utf8(&h[124..135]).expect("octal"), 8)
            .expect("a size");
        data.push(bytes[pos + 512..pos + 512 + size].to_vec());
        pos += 512 + size.div_ceil(512) * 512;
    }
    at[3] = pos;
    assert_eq!(bytes.len(), pos + 1024, "three members, then the end");
    Real {
        name: path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned(),
        bytes,
        payload: data.pop().expect("payload"),
        signature: data.pop().expect("signature"),
        manifest: data.pop().expect("manifest"),
        at,
    }
}

impl Real {
    fn three(&self) -> Vec<([u8; 512], Vec<u8>)> {
        vec![
            regular("manifest.json", &self.manifest),
            regular("manifest.json.minisig", &self.signature),
            regular("journal.jsonl.age", &self.payload),
        ]
    }

    /// The real bundle with one header's bytes changed by `f` (checksum
    /// made right again).
    fn bent(&self, member: usize, f: impl FnOnce(&mut [u8; 512])) -> Vec<u8> {
        let mut out = self.bytes.clone();
        let at = self.at[member];
        let mut h: [u8; 512] = out[at..at + 512].try_into().expect("a header");
        f(&mut h);
        checksum(&mut h);
        out[at..at + 512].copy_from_slice(&h);
        out
    }
}

// ---------------------------------------------------------------------------
// The office and its kiosks, all made with the real binary.

fn run(c: &mut assert_cmd::Command) -> Output {
    let out = c.output().expect("run urna");
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

/// A kiosk of `point` for `edition`, encrypting to `central`, with one card
/// per row entered; trusted by the office if asked; its data dir.
fn kiosk(o: &Office, point: &str, edition: &Path, central: &str, rows: &[String]) -> PathBuf {
    let data = o.root.join(format!("kiosk-{point}"));
    run(urna(&data)
        .args(["init", "--edition"])
        .arg(edition)
        .args(["--point", point, "--point-name", point])
        .args(["--coordinator", "Anna", "--central", central, "--pin-stdin"])
        .write_stdin("1234\n"));
    enter(o, &data, rows);
    data
}

fn enter(o: &Office, data: &Path, rows: &[String]) {
    let csv = o.root.join(format!(
        "{}-{}.csv",
        data.file_name().expect("name").to_string_lossy(),
        rows.len()
    ));
    std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
    let out = urna(data)
        .arg("import-cards")
        .arg(&csv)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("import-cards");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
}

fn trust(o: &Office, data: &Path, point: &str) {
    let key = o.root.join(format!("{point}.pub"));
    let out = run(urna(data).arg("key"));
    std::fs::write(&key, &out.stdout).expect("key file");
    run(urna(&o.tally)
        .args(["tally", "trust"])
        .arg(&key)
        .args(["--point", point]));
}

/// `urna export` into `out`; the new bundle.
fn export(data: &Path, out: &Path) -> PathBuf {
    std::fs::create_dir_all(out).expect("stick");
    let before: Vec<PathBuf> = bundles(out);
    run(urna(data)
        .args(["export", "--out"])
        .arg(out)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n"));
    let made: Vec<PathBuf> = bundles(out)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    made[0].clone()
}

fn bundles(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "urna"))
        .collect();
    v.sort();
    v
}

/// `urna tally import PATHS` as the office runs it, but under the address
/// space limit and killed after 60 s.
fn import_limited(tally: &Path, lang: &str, paths: &[&Path]) -> Output {
    Command::new("timeout")
        .args(["-s", "KILL", "60", "prlimit", LIMIT, "--"])
        .arg(BIN)
        .args(["--lang", lang, "--data-dir"])
        .arg(tally)
        .args(["tally", "import"])
        .args(paths)
        .env_remove("URNA_DATA_DIR")
        .output()
        .expect("run urna tally import")
}

/// `urna verify FILE`, under the same limits.
fn verify_limited(path: &Path) -> Output {
    Command::new("timeout")
        .args(["-s", "KILL", "60", "prlimit", LIMIT, "--"])
        .arg(BIN)
        .args(["--lang", "en", "verify"])
        .arg(path)
        .output()
        .expect("run urna verify")
}

/// Refusals only the office can make (they need its trust, its edition or
/// its key): `urna verify` finds these bundles whole.
const OFFICE_ONLY: [&str; 4] = [
    "unknown_kiosk",
    "other_edition",
    "undecryptable",
    "training",
];

fn results(tally: &Path) -> Vec<u8> {
    run(urna(tally).args(["tally", "results", "--format", "json"])).stdout
}

fn log(tally: &Path) -> Vec<ImportRecord> {
    Tally::open(tally)
        .expect("the tally")
        .imports()
        .expect("the import log")
}

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
