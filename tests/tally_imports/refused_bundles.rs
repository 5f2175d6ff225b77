//! Bundles the office refuses whole: from a point never trusted or with
//! another key, altered, swapped, renamed, cut, for another office or
//! edition, from a training kiosk.

use super::*;

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
