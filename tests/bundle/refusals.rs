//! What `urna verify` refuses, and names: a changed, cut or renamed
//! bundle, another kiosk's signature or key, a key file that is no key.

use super::*;

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
