//! End-of-day bundles (DESIGN §6) as the people around them meet them: the
//! real `urna` binary exports into a real directory, and Debian's `tar`,
//! `age`, `minisign` and `sha256sum` open and check what it wrote, as the
//! central office or an observer would with no urna installed. Then every way
//! a bundle can be damaged or forged on its way to the city, each named by
//! `urna verify`; and exports that cannot be written (a read-only or full USB
//! stick, no office key) leave no file and journal nothing.
//!
//! The format is described in `docs/bundle-format.md`. The USB-stick tests
//! mount a tmpfs and so need root; CI runs as root.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use sha2::{Digest, Sha256};
use urna::bundle::{self, Manifest};
use urna::store::Store;
use urna::store::journal::{GENESIS, Hash, chain_hash};

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/cards-2014.csv");

/// What `urna verify` prints (in Polish, the default) before the reason.
const NOT_TRUSTWORTHY: &str = "PACZKA NIEWIARYGODNA";
const TAR_DAMAGED: &str = "not a complete tar archive (truncated or damaged)";
const BAD_SIGNATURE: &str =
    "the signature does not match manifest.json (the manifest or the signature was changed)";

fn urna() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR");
    c
}

fn urna_in(data: &Path) -> Command {
    let mut c = urna();
    c.arg("--data-dir").arg(data);
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs one of the peers (Debian's tools) in `cwd`.
fn tool(cwd: &Path, program: &str, args: &[&str]) -> Output {
    std::process::Command::new(program)
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {program} ({e}): `bash test.sh` installs Debian's tar, age and minisign"
            )
        })
}

/// Runs a peer that must succeed.
fn tool_ok(cwd: &Path, program: &str, args: &[&str]) -> Output {
    let out = tool(cwd, program, args);
    assert!(
        out.status.success(),
        "{program} {args:?} failed ({}):\n{}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// `sha256sum FILE` in `cwd`: the hex digest.
fn sha256sum(cwd: &Path, file: &str) -> String {
    let out = tool_ok(cwd, "sha256sum", &[file]);
    let line = text(&out.stdout);
    let (digest, name) = line.trim_end().split_once("  ").expect("sha256sum's line");
    assert_eq!(name, file);
    digest.to_string()
}

/// The central office's age identity, made with Debian's `age-keygen`:
/// `office.key` in `dir` and its recipient.
fn office(dir: &Path) -> String {
    tool_ok(dir, "age-keygen", &["-o", "office.key"]);
    let out = tool_ok(dir, "age-keygen", &["-y", "office.key"]);
    let recipient = text(&out.stdout).trim().to_string();
    assert!(recipient.starts_with("age1"), "{recipient}");
    recipient
}

/// A kiosk set up as the README says, with the sample cards entered (the
/// sample has a rejected row on purpose, hence exit 1).
fn kiosk(data: &Path, point: &str, central: Option<&str>) {
    let mut init = urna_in(data);
    init.args(["init", "--edition", EDITION, "--point", point])
        .args(["--point-name", "Szkoła nr 1", "--coordinator", "Anna"])
        .arg("--pin-stdin");
    if let Some(r) = central {
        init.args(["--central", r]);
    }
    init.write_stdin("1234\n").assert().success();
    urna_in(data)
        .args(["import-cards", SAMPLE, "--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .code(1);
}

/// Runs `urna export --out DIR` as Anna with her PIN.
fn run_export(data: &Path, out: &Path) -> Output {
    urna_in(data)
        .args(["export", "--out"])
        .arg(out)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("run urna export")
}

/// Every name in a directory, hidden ones too.
fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read the directory")
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Exports into `out` and returns the path of the one new bundle.
fn export(data: &Path, out: &Path) -> PathBuf {
    let before = names_in(out);
    let run = run_export(data, out);
    assert!(
        run.status.success(),
        "urna export failed ({}):\n{}{}",
        run.status,
        text(&run.stdout),
        text(&run.stderr)
    );
    let new: Vec<String> = names_in(out)
        .difference(&before)
        .filter(|n| n.ends_with(".urna"))
        .cloned()
        .collect();
    assert_eq!(new.len(), 1, "one new bundle expected, found {new:?}");
    out.join(&new[0])
}

/// `urna key`, saved as `kiosk.pub` in `dir`.
fn kiosk_pub(data: &Path, dir: &Path) -> PathBuf {
    let out = urna_in(data).arg("key").output().expect("run urna key");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = dir.join("kiosk.pub");
    std::fs::write(&path, &out.stdout).expect("write kiosk.pub");
    path
}

/// The store's journal: (seq, canonical bytes, hash) of every entry.
fn journal(data: &Path) -> Vec<(u64, Vec<u8>, Hash)> {
    Store::open(data)
        .expect("open the store")
        .journal()
        .expect("read the journal")
}

/// The journal's length and head hash.
fn journal_head(data: &Path) -> (usize, Hash) {
    let j = journal(data);
    (j.len(), j.last().map(|(_, _, h)| *h).unwrap_or(GENESIS))
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// One member of a bundle's tar: its name, where its data starts in the
/// file, and its bytes.
struct Member {
    name: String,
    offset: usize,
    data: Vec<u8>,
}

fn members(bytes: &[u8]) -> Vec<Member> {
    let mut archive = tar::Archive::new(bytes);
    archive
        .entries()
        .expect("a tar archive")
        .map(|e| {
            let mut e = e.expect("a tar member");
            let name = e.path().expect("a name").to_string_lossy().into_owned();
            let offset = e.raw_file_position() as usize;
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut data).expect("member data");
            Member { name, offset, data }
        })
        .collect()
}

fn member<'a>(all: &'a [Member], name: &str) -> &'a Member {
    all.iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("the bundle has no {name}"))
}

/// A tar like the kiosk's, from the given members in order.
fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        builder
            .append_data(&mut header, name, *data)
            .expect("append a member");
    }
    builder.into_inner().expect("finish the tar")
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &str) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .unwrap_or_else(|| panic!("{needle:?} not found"))
}

/// `bytes` with the byte at `at` replaced by `to` (which must differ).
fn with_byte(bytes: &[u8], at: usize, to: u8) -> Vec<u8> {
    assert_ne!(bytes[at], to, "a change must change something");
    let mut out = bytes.to_vec();
    out[at] = to;
    out
}

/// Another character of the same kind (digit, letter, base64), so that the
/// file still parses and only the check that matters can catch it.
fn other_char(b: u8) -> u8 {
    match b {
        b'0'..=b'8' | b'a'..=b'y' | b'A'..=b'Y' => b + 1,
        b'9' => b'0',
        b'z' => b'a',
        b'Z' => b'A',
        b'+' | b'/' => b'A',
        _ => panic!("{:?} is not a digit or letter", b as char),
    }
}

/// Writes `bytes` as `dir/case/name` (the bundle's own name, so that only the
/// damage is judged) and returns the path.
fn copy_as(dir: &Path, case: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let d = dir.join(case);
    std::fs::create_dir_all(&d).expect("create a case directory");
    let p = d.join(name);
    std::fs::write(&p, bytes).expect("write a tampered copy");
    p
}

fn run_verify(file: &Path, key: Option<&Path>) -> Output {
    let mut c = urna();
    c.arg("verify").arg(file);
    if let Some(k) = key {
        c.arg("--key").arg(k);
    }
    c.output().expect("run urna verify")
}

/// `urna verify` accepts the file; returns what it printed.
fn verified(file: &Path, key: Option<&Path>) -> String {
    let out = run_verify(file, key);
    assert!(
        out.status.success(),
        "{} should verify:\n{}{}",
        file.display(),
        text(&out.stdout),
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Paczka poprawna"), "{stdout}");
    stdout
}

/// `urna verify` refuses the file with exit 1 and says `why` (in English
/// with `--lang en`; the Polish default says it in Polish).
fn refused(file: &Path, key: Option<&Path>, why: &str) {
    let polish = run_verify(file, key);
    let said = text(&polish.stderr);
    assert_eq!(polish.status.code(), Some(1), "{said}");
    assert!(
        said.contains(NOT_TRUSTWORTHY) && !said.contains(why),
        "the Polish refusal says {why:?} in Polish: {said}"
    );
    let mut c = urna();
    c.args(["--lang", "en", "verify"]).arg(file);
    if let Some(k) = key {
        c.arg("--key").arg(k);
    }
    let out = c.output().expect("run urna verify");
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}: expected exit 1 with {why:?}, got {}:\n{}{stderr}",
        file.display(),
        out.status,
        text(&out.stdout)
    );
    assert!(
        stderr.contains("BUNDLE NOT TRUSTWORTHY") && stderr.contains(why),
        "{}: expected {why:?}, got:\n{stderr}",
        file.display()
    );
    assert!(
        !text(&out.stdout).contains("Paczka poprawna"),
        "a refused bundle must not be called OK"
    );
}

/// A kiosk with the sample cards and one bundle on its stick.
struct Exported {
    _tmp: tempfile::TempDir,
    work: PathBuf,
    data: PathBuf,
    recipient: String,
    bundle: PathBuf,
    bytes: Vec<u8>,
}

fn exported() -> Exported {
    let tmp = tempfile::tempdir().expect("tempdir");
    let work = tmp.path().to_path_buf();
    let recipient = office(&work);
    let data = work.join("data");
    kiosk(&data, "P01", Some(&recipient));
    let usb = work.join("usb");
    std::fs::create_dir(&usb).expect("create the stick");
    let bundle = export(&data, &usb);
    let bytes = std::fs::read(&bundle).expect("read the bundle");
    verified(&bundle, None);
    Exported {
        _tmp: tmp,
        work,
        data,
        recipient,
        bundle,
        bytes,
    }
}

#[test]
fn a_bundle_opens_with_tar_age_minisign_and_sha256sum() {
    let e = exported();
    let name = file_name(&e.bundle);
    let pub_file = kiosk_pub(&e.data, &e.work);

    // tar lists the three members in order; GNU tar extracts them.
    let listed = tool_ok(&e.work, "tar", &["-tf", e.bundle.to_str().expect("utf8")]);
    assert_eq!(
        text(&listed.stdout).lines().collect::<Vec<_>>(),
        [bundle::MANIFEST, bundle::SIGNATURE, bundle::PAYLOAD]
    );
    let x = e.work.join("x");
    std::fs::create_dir(&x).expect("create the extraction dir");
    tool_ok(&x, "tar", &["-xf", e.bundle.to_str().expect("utf8")]);
    assert_eq!(
        names_in(&x),
        BTreeSet::from([bundle::MANIFEST, bundle::SIGNATURE, bundle::PAYLOAD].map(String::from))
    );

    // The manifest: pretty JSON with a trailing newline, naming this bundle.
    let manifest_bytes = std::fs::read(x.join("manifest.json")).expect("manifest.json");
    assert!(manifest_bytes.ends_with(b"}\n"), "trailing newline");
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes).expect("a manifest");
    assert_eq!(manifest.format, "urna-bundle/1");
    assert_eq!(manifest.edition, "krakow-2014");
    assert_eq!(
        (manifest.point.id.as_str(), manifest.point.name.as_str()),
        ("P01", "Szkoła nr 1")
    );
    assert_eq!(manifest.sequence, 1);
    assert_eq!(manifest.previous_bundle, None);
    assert_eq!(bundle::file_name(&manifest), name);
    assert_eq!(
        name,
        format!("P01-{}-1.urna", manifest.day.replace('-', ""))
    );
    assert_eq!(
        (
            manifest.counts.cards,
            manifest.counts.valid,
            manifest.counts.invalid,
            manifest.counts.flagged
        ),
        (9, 5, 4, 1)
    );
    assert_eq!(
        manifest.payload.recipients,
        std::slice::from_ref(&e.recipient)
    );

    // sha256sum: the fingerprint, and the payload hash the manifest states.
    let fingerprint = sha256sum(&x, "manifest.json");
    assert_eq!(fingerprint, sha256_hex(&manifest_bytes));
    assert_eq!(sha256sum(&x, "journal.jsonl.age"), manifest.payload.sha256);

    // minisign checks the signature with `urna key`'s file and shows the
    // trusted comment naming the point, the sequence and the fingerprint.
    let pub_text = std::fs::read_to_string(&pub_file).expect("kiosk.pub");
    assert_eq!(
        pub_text.lines().nth(1),
        Some(manifest.kiosk_public_key.as_str())
    );
    assert!(
        pub_text
            .lines()
            .next()
            .expect("comment line")
            .ends_with(&manifest.kiosk_key_id),
        "{pub_text}"
    );
    let checked = tool_ok(
        &x,
        "minisign",
        &["-V", "-p", "../kiosk.pub", "-m", "manifest.json"],
    );
    let said = text(&checked.stdout);
    assert!(
        said.contains("Signature and comment signature verified"),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "Trusted comment: urna bundle point=P01 sequence=1 manifest_sha256={fingerprint}"
        )),
        "{said}"
    );
    // The signature is minisign's prehashed kind ("ED", base64 "RU…").
    let sig = std::fs::read_to_string(x.join("manifest.json.minisig")).expect("minisig");
    assert!(
        sig.lines()
            .nth(1)
            .expect("signature line")
            .starts_with("RU"),
        "{sig}"
    );

    // age opens the journal with the office key: one entry per line, each
    // exactly the store's canonical bytes. The export itself is journaled
    // after the bundle was written, so the store holds one entry more.
    let plain = tool_ok(
        &x,
        "age",
        &["-d", "-i", "../office.key", "journal.jsonl.age"],
    )
    .stdout;
    assert!(plain.ends_with(b"\n"), "the last line ends with a newline");
    let lines: Vec<&[u8]> = plain[..plain.len() - 1].split(|b| *b == b'\n').collect();
    let store = journal(&e.data);
    assert_eq!(lines.len() as u64, manifest.journal.entries);
    assert_eq!(store.len(), lines.len() + 1);
    for (i, (line, (seq, body, _))) in lines.iter().zip(&store).enumerate() {
        assert_eq!(*seq, i as u64 + 1);
        assert!(
            *line == body.as_slice(),
            "line {} differs from entry {seq}",
            i + 1
        );
    }

    // The hash chain, recomputed from the lines alone, ends at the head hash
    // the manifest states, which is the store's hash of the same entry.
    let head = lines.iter().fold(GENESIS, |h, line| chain_hash(&h, line));
    assert_eq!(hex::encode(head), manifest.journal.head_hash);
    assert_eq!(head, store[lines.len() - 1].2);

    // The store's newest entry records this bundle.
    let last: Value = serde_json::from_slice(&store[lines.len()].1).expect("entry JSON");
    assert_eq!(last["kind"], "export_made");
    assert_eq!(last["data"]["file"], name.as_str());
    assert_eq!(last["data"]["sequence"], 1);
    assert_eq!(last["data"]["manifest_sha256"], fingerprint.as_str());
    assert_eq!(last["data"]["entries"], lines.len());
    assert_eq!(
        last["data"]["head_hash"],
        manifest.journal.head_hash.as_str()
    );

    // urna verify agrees, with and without the expected kiosk key.
    let shown = verified(&e.bundle, Some(&pub_file));
    assert!(shown.contains(&fingerprint), "{shown}");
    verified(&e.bundle, None);

    // The day's protocol lies beside the bundle and names the fingerprint.
    let txt = std::fs::read_to_string(e.bundle.with_extension("protocol.txt"))
        .expect("the .protocol.txt beside the bundle");
    assert!(txt.contains(&fingerprint), "{txt}");
    assert!(txt.contains(&name), "{txt}");
    let html = std::fs::read_to_string(e.bundle.with_extension("protocol.html"))
        .expect("the .protocol.html beside the bundle");
    assert!(html.contains(&fingerprint));
    assert!(
        html.contains("<svg"),
        "the HTML protocol has the QR code as SVG"
    );

    // Nothing on the stick shows a voter's PESEL or surname in the clear
    // (surnames of five letters or more: three could occur by chance).
    let usb = e.bundle.parent().expect("the stick");
    let sample = std::fs::read_to_string(SAMPLE).expect("sample");
    for file in names_in(usb) {
        let bytes = std::fs::read(usb.join(&file)).expect("a file on the stick");
        for row in sample.lines().skip(1) {
            let fields: Vec<&str> = row.split(',').collect();
            for personal in [fields[1], fields[3]]
                .into_iter()
                .filter(|p| p.chars().count() >= 5)
            {
                assert!(
                    !bytes
                        .windows(personal.len())
                        .any(|w| w == personal.as_bytes()),
                    "{file} shows {personal:?} in the clear"
                );
            }
        }
    }
}

#[test]
fn a_changed_byte_in_manifest_signature_or_payload_is_named() {
    let e = exported();
    let name = file_name(&e.bundle);
    let all = members(&e.bytes);
    let manifest = member(&all, bundle::MANIFEST);
    let signature = member(&all, bundle::SIGNATURE);
    let payload = member(&all, bundle::PAYLOAD);
    let cases = e.work.join("cases");

    // The manifest: a digit of the card count, a letter of the edition, a
    // digit of the payload hash (so a swapped payload cannot be covered up by
    // editing the manifest): the signature no longer matches.
    let in_manifest =
        |needle: &str, skip: usize| manifest.offset + find(&manifest.data, needle) + skip;
    for (case, at) in [
        ("manifest-digit", in_manifest("\"cards\": 9", 9)),
        ("manifest-letter", in_manifest("krakow-2014", 2)),
        ("manifest-payload-hash", in_manifest("\"sha256\": \"", 20)),
    ] {
        let bad = with_byte(&e.bytes, at, other_char(e.bytes[at]));
        refused(&copy_as(&cases, case, &name, &bad), None, BAD_SIGNATURE);
    }
    // A letter of the kiosk key id the manifest names: not the signer's.
    let at = in_manifest("\"kiosk_key_id\": \"", 18);
    let bad = with_byte(&e.bytes, at, other_char(e.bytes[at]));
    refused(
        &copy_as(&cases, "manifest-key-id", &name, &bad),
        None,
        "but the manifest names key",
    );
    // A brace: no longer a manifest at all.
    let bad = with_byte(&e.bytes, manifest.offset, b'[');
    refused(
        &copy_as(&cases, "manifest-brace", &name, &bad),
        None,
        "manifest.json is not a readable manifest",
    );

    // The signature file: line 2 is base64 of "ED", the key id (8 bytes) and
    // the Ed25519 signature; line 3 the trusted comment; line 4 the global
    // signature over signature and trusted comment.
    let sig_text = text(&signature.data);
    let line_start = |n: usize| -> usize {
        sig_text
            .split_inclusive('\n')
            .take(n)
            .map(str::len)
            .sum::<usize>()
    };
    let in_sig = |line: usize, col: usize| signature.offset + line_start(line) + col;
    for (case, at) in [
        ("signature-bytes", in_sig(1, 50)),
        (
            "signature-trusted-comment",
            in_sig(2, "trusted comment: urna bundle point=P0".len()),
        ),
        ("signature-global", in_sig(3, 40)),
    ] {
        let bad = with_byte(&e.bytes, at, other_char(e.bytes[at]));
        refused(&copy_as(&cases, case, &name, &bad), None, BAD_SIGNATURE);
    }
    let at = in_sig(1, 6);
    let bad = with_byte(&e.bytes, at, other_char(e.bytes[at]));
    refused(
        &copy_as(&cases, "signature-key-id", &name, &bad),
        None,
        "but the manifest names key",
    );
    // The first line is minisign's *untrusted* comment: no signature covers
    // it, so changing it changes nothing (minisign itself ignores it too).
    let at = in_sig(0, "untrusted comment: s".len());
    let bad = with_byte(&e.bytes, at, other_char(e.bytes[at]));
    verified(
        &copy_as(&cases, "signature-untrusted-comment", &name, &bad),
        None,
    );

    // The payload: its age header and its ciphertext.
    for (case, at) in [
        ("payload-header", payload.offset + 3),
        ("payload-middle", payload.offset + payload.data.len() / 2),
        ("payload-last", payload.offset + payload.data.len() - 1),
    ] {
        let bad = with_byte(&e.bytes, at, e.bytes[at] ^ 0x01);
        refused(
            &copy_as(&cases, case, &name, &bad),
            None,
            "(the payload was changed)",
        );
    }
    // The same bytes unchanged still verify: the cases above are the damage.
    verified(&copy_as(&cases, "unchanged", &name, &e.bytes), None);
}

#[test]
fn every_change_to_a_signed_or_hashed_byte_is_refused() {
    // Through the library, which `urna verify` calls: each byte of the
    // manifest and of the signature but its untrusted comment, and of the
    // payload its age header, its last bytes and every 16th byte, changed in
    // turn (every byte of the payload takes ~10 s in a debug build).
    let e = exported();
    let name = file_name(&e.bundle);
    let all = members(&e.bytes);
    let signature = member(&all, bundle::SIGNATURE);
    let untrusted = text(&signature.data)
        .split_inclusive('\n')
        .next()
        .map(str::len)
        .expect("the untrusted comment line");
    let mut positions = Vec::new();
    for m in &all {
        let (start, end) = (m.offset, m.offset + m.data.len());
        match m.name.as_str() {
            bundle::SIGNATURE => positions.extend(start + untrusted..end),
            bundle::PAYLOAD => positions.extend(
                (start..end)
                    .filter(|at| at - start < 128 || end - at <= 32 || (at - start) % 16 == 0),
            ),
            _ => positions.extend(start..end),
        }
    }
    for at in positions {
        let bad = with_byte(&e.bytes, at, e.bytes[at] ^ 0x01);
        assert!(
            bundle::verify_bytes(&bad, &name, None).is_err(),
            "a change at byte {at} went unnoticed"
        );
    }
}

#[test]
fn a_truncated_bundle_is_named() {
    let e = exported();
    let name = file_name(&e.bundle);
    let all = members(&e.bytes);
    let manifest = member(&all, bundle::MANIFEST);
    let signature = member(&all, bundle::SIGNATURE);
    let payload = member(&all, bundle::PAYLOAD);
    let payload_end = payload.offset + payload.data.len();
    let members_end = payload_end.div_ceil(512) * 512;
    assert_eq!(
        e.bytes.len(),
        members_end + 1024,
        "three members, then two zero blocks"
    );
    let signature_end = (signature.offset + signature.data.len()).div_ceil(512) * 512;
    let cases = e.work.join("cases");
    for (case, len) in [
        ("empty", 0),
        ("mid-first-header", 100),
        ("mid-manifest", manifest.offset + 10),
        ("after-signature", signature_end),
        ("mid-payload-header", payload.offset - 256),
        ("mid-payload", payload.offset + payload.data.len() / 2),
        ("payload-end-unpadded", payload_end),
        ("before-end-blocks", members_end),
        ("one-end-block", members_end + 512),
        ("last-byte-missing", e.bytes.len() - 1),
    ] {
        assert!(len < e.bytes.len(), "{case}: {len}");
        refused(
            &copy_as(&cases, case, &name, &e.bytes[..len]),
            None,
            TAR_DAMAGED,
        );
    }
    // And every other length, through the library `urna verify` calls.
    for len in 0..e.bytes.len() {
        match bundle::verify_bytes(&e.bytes[..len], &name, None) {
            Err(bundle::VerifyError::Tar(_)) => {}
            other => panic!("cut to {len} bytes: {:?}", other.map(|v| v.fingerprint)),
        }
    }
}

#[test]
fn another_kiosks_signature_or_key_is_refused() {
    let e = exported();
    let name = file_name(&e.bundle);
    let ours = kiosk_pub(&e.data, &e.work);
    // A second kiosk, with its own signing key, exporting the same cards.
    let other_dir = e.work.join("other");
    std::fs::create_dir(&other_dir).expect("create the other kiosk's dir");
    let other_data = other_dir.join("data");
    kiosk(&other_data, "P02", Some(&e.recipient));
    let other_usb = other_dir.join("usb");
    std::fs::create_dir(&other_usb).expect("create the other stick");
    let other_bundle = export(&other_data, &other_usb);
    let theirs = kiosk_pub(&other_data, &other_dir);
    let other_bytes = std::fs::read(&other_bundle).expect("read the other bundle");

    let a = members(&e.bytes);
    let b = members(&other_bytes);
    let a_manifest: Manifest =
        serde_json::from_slice(&member(&a, bundle::MANIFEST).data).expect("manifest");
    let b_manifest: Manifest =
        serde_json::from_slice(&member(&b, bundle::MANIFEST).data).expect("manifest");
    assert_ne!(a_manifest.kiosk_key_id, b_manifest.kiosk_key_id);
    let cases = e.work.join("cases");

    // Our manifest and payload with the other kiosk's signature.
    let swapped = tar_of(&[
        (bundle::MANIFEST, &member(&a, bundle::MANIFEST).data),
        (bundle::SIGNATURE, &member(&b, bundle::SIGNATURE).data),
        (bundle::PAYLOAD, &member(&a, bundle::PAYLOAD).data),
    ]);
    refused(
        &copy_as(&cases, "their-signature", &name, &swapped),
        None,
        &format!(
            "signed by key {}, but the manifest names key {}",
            b_manifest.kiosk_key_id, a_manifest.kiosk_key_id
        ),
    );

    // The same, with our manifest edited to name their key: it is no longer
    // the manifest they signed.
    let edited = text(&member(&a, bundle::MANIFEST).data)
        .replace(&a_manifest.kiosk_key_id, &b_manifest.kiosk_key_id)
        .replace(&a_manifest.kiosk_public_key, &b_manifest.kiosk_public_key);
    let forged = tar_of(&[
        (bundle::MANIFEST, edited.as_bytes()),
        (bundle::SIGNATURE, &member(&b, bundle::SIGNATURE).data),
        (bundle::PAYLOAD, &member(&a, bundle::PAYLOAD).data),
    ]);
    refused(
        &copy_as(&cases, "their-key-named", &name, &forged),
        None,
        BAD_SIGNATURE,
    );

    // Their manifest and signature around our payload.
    let other_name = file_name(&other_bundle);
    let mixed = tar_of(&[
        (bundle::MANIFEST, &member(&b, bundle::MANIFEST).data),
        (bundle::SIGNATURE, &member(&b, bundle::SIGNATURE).data),
        (bundle::PAYLOAD, &member(&a, bundle::PAYLOAD).data),
    ]);
    refused(
        &copy_as(&cases, "our-payload-in-theirs", &other_name, &mixed),
        None,
        "(the payload was changed)",
    );

    // Their whole bundle is sound by itself, but not from the kiosk we
    // expect: --key with our key refuses it, --key with theirs accepts it.
    verified(&other_bundle, Some(&theirs));
    refused(
        &other_bundle,
        Some(&ours),
        &format!(
            "signed by key {}, not by the expected kiosk key {}",
            b_manifest.kiosk_key_id, a_manifest.kiosk_key_id
        ),
    );
    refused(&e.bundle, Some(&theirs), "not by the expected kiosk key");
    // And Debian's minisign agrees.
    let x = e.work.join("x");
    std::fs::create_dir(&x).expect("create the extraction dir");
    tool_ok(&x, "tar", &["-xf", other_bundle.to_str().expect("utf8")]);
    let wrong = tool(
        &x,
        "minisign",
        &[
            "-V",
            "-p",
            ours.to_str().expect("utf8"),
            "-m",
            "manifest.json",
        ],
    );
    assert!(
        !wrong.status.success(),
        "minisign must refuse the wrong key"
    );
}

#[test]
fn a_renamed_bundle_is_named() {
    let e = exported();
    let name = file_name(&e.bundle);
    let cases = e.work.join("cases");
    let day = name
        .strip_prefix("P01-")
        .and_then(|r| r.strip_suffix("-1.urna"))
        .expect("P01-<day>-1.urna");
    for (case, renamed) in [
        ("sequence", format!("P01-{day}-2.urna")),
        ("point", format!("P02-{day}-1.urna")),
        ("day", "P01-20140927-1.urna".to_string()),
        ("free", "bundle.urna".to_string()),
    ] {
        refused(
            &copy_as(&cases, case, &renamed, &e.bytes),
            None,
            &format!("the file is named \"{renamed}\", but its manifest says \"{name}\" (renamed)"),
        );
    }
}

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

#[test]
fn a_key_file_that_is_not_a_minisign_key_is_a_usage_error() {
    let e = exported();
    let not_a_key = e.work.join("office.key");
    let out = run_verify(&e.bundle, Some(&not_a_key));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("to nie jest klucz publiczny minisign"),
        "{}",
        text(&out.stderr)
    );
}
