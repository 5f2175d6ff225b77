//! A resent delta changes nothing; a gap, a fork and a forgery are refused;
//! `kill -9` of the server mid-sync stores all or nothing.

use super::*;

#[test]
fn a_resent_delta_changes_nothing_and_gaps_forks_and_forgeries_are_refused() {
    let o = office();
    let k = o.init_kiosk("P1");
    o.trust(&k, "P1");
    enter(&k, &rows("a", 1, 3));
    let server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);

    let first = delta(&k, 0);
    let a = http(&server.addr, "POST", "/v1/bundles", &first);
    assert_eq!((a.code, a.json()["status"].clone()), (201, "stored".into()));
    let held = office_head(&o.tally, "P1");
    assert_eq!(held, kiosk_head(&k));
    let counted = results_of(&o.tally);
    // The same delta again: 200, nothing changes.
    let a = http(&server.addr, "POST", "/v1/bundles", &first);
    assert_eq!(
        (a.code, a.json()["status"].clone()),
        (200, "already_known".into())
    );
    assert_eq!(office_head(&o.tally, "P1"), held);
    assert_eq!(results_of(&o.tally), counted);

    // A copy of the store taken now, which will go its own way.
    let copy = o.root.join("P1-copy");
    copy_dir(&k, &copy);

    enter(&k, &rows("b", 10, 2));
    // A delta that starts after what the office holds: 409 gap.
    let ahead = delta(&k, held.0 + 1);
    let a = http(&server.addr, "POST", "/v1/bundles", &ahead);
    assert_eq!((a.code, a.json()["status"].clone()), (409, "gap".into()));
    assert_eq!(a.json()["office_head"]["entries"], held.0);
    assert_eq!(office_head(&o.tally, "P1"), held);

    // A delta changed after it was signed: 400, nothing stored.
    // The manifest says the point is mobile (same length, still JSON).
    let forged = replaced(
        &delta(&k, held.0),
        b"\"mobile\": false",
        b"\"mobile\": true ",
    );
    let a = http(&server.addr, "POST", "/v1/bundles", &forged);
    assert_eq!(
        (a.code, a.json()["status"].clone()),
        (400, "malformed".into())
    );
    assert_eq!(a.json()["code"], "bad_signature", "{}", a.text());
    assert_eq!(office_head(&o.tally, "P1"), held);

    // The real one.
    let (code, said) = sync(&k);
    assert_eq!(code, 0, "{said}");
    let now = office_head(&o.tally, "P1");
    assert_eq!(now, kiosk_head(&k));

    // The copy enters other cards: the office holds another history.
    enter(&copy, &rows("c", 30, 2));
    let (code, said) = sync(&copy);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("a fork"), "{said}");
    // Posted anyway, from where both agree: 409 fork, with both hashes.
    let other = delta(&copy, held.0);
    let a = http(&server.addr, "POST", "/v1/bundles", &other);
    assert_eq!((a.code, a.json()["status"].clone()), (409, "fork".into()));
    let j = a.json();
    assert_ne!(j["office_hash"], j["bundle_hash"]);
    assert_eq!(j["office_head"]["entries"], now.0);
    assert_eq!(office_head(&o.tally, "P1"), now);

    // A kiosk the office does not know.
    let stranger = o.init_kiosk("P9");
    set_url(&stranger, &format!("http://{}", server.addr), 10, &[]);
    let (code, said) = sync(&stranger);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("does not know this kiosk"), "{said}");
    // No address set: `urna sync` says how to set one.
    let (code, said) = sync(&o.init_kiosk("P8"));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("urna central url"), "{said}");
}

#[test]
fn kill_9_of_the_server_mid_sync_stores_all_or_nothing_and_the_retry_completes_it() {
    use std::io::Write;
    let o = office();
    let k = o.init_kiosk("P1");
    o.trust(&k, "P1");
    enter(&k, &rows("a", 1, 2));
    let mut server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);
    assert_eq!(sync(&k).0, 0);
    let before = office_head(&o.tally, "P1");

    // A big day's worth at once, posted whole, and the server killed as it
    // stores it.
    enter(&k, &rows("b", 100, 800));
    let big = delta(&k, before.0);
    let mut stream = std::net::TcpStream::connect(&server.addr).expect("connect");
    stream
        .write_all(&support::request_bytes("POST", "/v1/bundles", &big))
        .expect("send");
    stream.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(30));
    server.kill();
    let after_kill = office_head(&o.tally, "P1");
    let all = kiosk_head(&k);
    assert!(
        after_kill == before || after_kill == all,
        "half stored: {after_kill:?}, before {before:?}, all {all:?}"
    );
    let accepted = |o: &Office| {
        Tally::open(&o.tally)
            .expect("tally")
            .imports()
            .expect("imports")
            .into_iter()
            .filter(|r| r.outcome == "accepted")
            .count()
    };
    assert_eq!(accepted(&o), if after_kill == before { 1 } else { 2 });

    // The server again (its new address journaled), and the kiosk's retry.
    let server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);
    let (code, said) = sync(&k);
    assert_eq!(code, 0, "{said}");
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
    assert_eq!(results_of(&o.tally)["ballots"]["total"], 802);
}

#[test]
fn a_delta_whose_start_was_changed_after_signing_is_a_bad_signature_not_a_fork() {
    let o = office();
    let k = o.init_kiosk("P1");
    o.trust(&k, "P1");
    enter(&k, &rows("a", 1, 3));
    let server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);
    assert_eq!(sync(&k).0, 0);
    let held = office_head(&o.tally, "P1");
    enter(&k, &rows("b", 10, 2));
    let honest = delta(&k, held.0);
    let text = String::from_utf8_lossy(&honest).into_owned();
    let from = format!("\"from\": {},", held.0);
    assert!(text.contains(&from), "{text}");
    let hash = held.1.clone().expect("a head");
    // Another start with the old signature: entry held-1 (padded to the
    // same width, still JSON).
    let width = from.len() - "\"from\":,".len();
    let earlier = format!("\"from\":{:>width$},", held.0 - 1);
    for (what, forged) in [
        (
            "from",
            replaced(&honest, from.as_bytes(), earlier.as_bytes()),
        ),
        (
            "from_hash",
            replaced(&honest, hash.as_bytes(), "0".repeat(64).as_bytes()),
        ),
    ] {
        let a = http(&server.addr, "POST", "/v1/bundles", &forged);
        assert_eq!(a.code, 400, "{what}: {}", a.text());
        assert_eq!(a.json()["code"], "bad_signature", "{what}: {}", a.text());
        assert_eq!(office_head(&o.tally, "P1"), held, "{what}");
    }
    // A start past the delta's end: the field is named.
    let past = format!("\"from\":{},", "9".repeat(width));
    let a = http(
        &server.addr,
        "POST",
        "/v1/bundles",
        &replaced(&honest, from.as_bytes(), past.as_bytes()),
    );
    assert_eq!(a.code, 400, "{}", a.text());
    assert_eq!(a.json()["code"], "delta_start", "{}", a.text());
    assert!(a.text().contains("journal.from"), "{}", a.text());
    // The honest one still goes in.
    let a = http(&server.addr, "POST", "/v1/bundles", &honest);
    assert_eq!(a.code, 201, "{}", a.text());
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
}
