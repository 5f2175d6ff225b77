//! A bundle opens with standard tools alone: tar, age, minisign, sha256sum.

use super::*;

/// `sha256sum FILE` in `cwd`: the hex digest.
fn sha256sum(cwd: &Path, file: &str) -> String {
    let out = tool_ok(cwd, "sha256sum", &[file]);
    let line = text(&out.stdout);
    let (digest, name) = line.trim_end().split_once("  ").expect("sha256sum's line");
    assert_eq!(name, file);
    digest.to_string()
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
