//! Every edit of the journal and of the other tables, as someone with the
//! disk would make it: reported by `urna check`, refused by every command
//! that writes, and by the office.

use super::*;

/// The journal triggers' SQL, to put them back after an edit (so that what
/// is caught is the edit, not the missing triggers).
fn triggers(c: &Connection) -> Vec<String> {
    let mut stmt = c
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal'")
        .expect("triggers");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("sql")
}

/// Runs `edit` with the journal's triggers dropped, then restores them.
fn unguarded(c: &Connection, edit: impl FnOnce(&Connection)) {
    let sql = triggers(c);
    c.execute_batch("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;")
        .expect("drop triggers");
    edit(c);
    for s in sql {
        c.execute_batch(&s).expect("restore trigger");
    }
}

/// Recomputes every entry's prev_hash and hash from the bodies, as someone
/// who knows the format (it is documented) would.
fn rechain(c: &Connection) {
    let bodies: Vec<(i64, Vec<u8>)> = c
        .prepare("SELECT seq, body FROM journal ORDER BY seq")
        .expect("select")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("bodies");
    let mut prev = GENESIS;
    for (seq, body) in bodies {
        let h = chain_hash(&prev, &body);
        c.execute(
            "UPDATE journal SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
            rusqlite::params![prev.as_slice(), h.as_slice(), seq],
        )
        .expect("rehash");
        prev = h;
    }
}

fn set_body(c: &Connection, seq: i64, e: &Entry) {
    c.execute(
        "UPDATE journal SET body = ?1 WHERE seq = ?2",
        rusqlite::params![e.canonical_bytes(), seq],
    )
    .expect("set body");
}

/// The first card entry's number.
fn first_card(c: &Connection) -> i64 {
    c.query_row(
        "SELECT MIN(seq) FROM journal WHERE kind = 'card_entered'",
        [],
        |r| r.get(0),
    )
    .expect("a card")
}

fn rename_card(e: &mut Entry, surname: &str) {
    if let Event::CardEntered { card, .. } = &mut e.event {
        card.last_name = surname.into();
    }
}

/// The office's verdict on the store's export for investigation (made with
/// Anna's PIN, as the office would ask): without and with `--investigation`.
fn office_refuses(w: &World, data: &Path, name: &str) {
    let stick = w.root.join(format!("{name}-investigation"));
    std::fs::create_dir_all(&stick).expect("stick");
    // The ordinary export refuses the damaged store…
    let o = urna(data)
        .args(["--lang", "en", "export", "--out"])
        .arg(&stick)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("export");
    assert_eq!(o.status.code(), Some(1), "{name}: {}", all(&o));
    assert!(std::fs::read_dir(&stick).expect("stick").next().is_none());
    // …the export for investigation writes one, marked so.
    ok(
        urna(data)
            .args(["--lang", "en", "export", "--investigation", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .output()
            .expect("export"),
        name,
    );
    let plain = urna(&w.tally)
        .args(["--lang", "en", "tally", "import"])
        .arg(&stick)
        .output()
        .expect("import");
    assert_eq!(plain.status.code(), Some(1), "{name}: {}", all(&plain));
    assert!(
        all(&plain).contains("a bundle for investigation"),
        "{name}: {}",
        all(&plain)
    );
    let flagged = urna(&w.tally)
        .args(["--lang", "en", "tally", "import", "--investigation"])
        .arg(&stick)
        .output()
        .expect("import");
    assert_eq!(flagged.status.code(), Some(1), "{name}: {}", all(&flagged));
    assert!(
        all(&flagged).contains("the journal is not the one its kiosk sealed"),
        "{name}: {}",
        all(&flagged)
    );
}

/// The journal edits of the issue: what each one is, the edit, what `urna
/// check` names, and whether the hashes were recomputed (then the office is
/// asked too).
fn journal_edits() -> Vec<(&'static str, Edit, &'static str, bool)> {
    vec![
        (
            "update an entry, hashes left as they were",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c);
                let mut e = entry(&c, seq);
                rename_card(&mut e, "Kowalska");
                unguarded(&c, |c| set_body(c, seq, &e));
            }),
            "the hash does not match its contents",
            false,
        ),
        (
            "update an entry and recompute the chain",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c);
                let mut e = entry(&c, seq);
                rename_card(&mut e, "Kowalska");
                unguarded(&c, |c| {
                    set_body(c, seq, &e);
                    rechain(c);
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "update an entry and its index row, recompute the chain",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c);
                let mut e = entry(&c, seq);
                if let Event::CardEntered { card, .. } = &mut e.event {
                    card.pesel = pesel(99);
                }
                unguarded(&c, |c| {
                    set_body(c, seq, &e);
                    c.execute(
                        "UPDATE card_versions SET pesel = ?1 WHERE seq = ?2",
                        rusqlite::params![pesel(99), seq],
                    )
                    .expect("index");
                    rechain(c);
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "delete the last entry",
            Box::new(|_, data| {
                let c = db(data);
                unguarded(&c, |c| {
                    c.execute(
                        "DELETE FROM journal WHERE seq = (SELECT MAX(seq) FROM journal)",
                        [],
                    )
                    .expect("delete");
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "delete an entry in the middle",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c) + 1;
                unguarded(&c, |c| {
                    c.execute("DELETE FROM card_versions WHERE seq = ?1", [seq])
                        .expect("index");
                    c.execute("DELETE FROM journal WHERE seq = ?1", [seq])
                        .expect("delete");
                });
            }),
            "entries are missing",
            false,
        ),
        (
            "swap two entries' contents, chain recomputed",
            Box::new(|_, data| {
                let c = db(data);
                let a = first_card(&c);
                let (ea, eb) = (entry(&c, a), entry(&c, a + 1));
                unguarded(&c, |c| {
                    set_body(c, a, &eb);
                    set_body(c, a + 1, &ea);
                    rechain(c);
                });
            }),
            "journal[",
            false,
        ),
        (
            "truncate the journal and its index to the cards of the first half",
            Box::new(|_, data| {
                let c = db(data);
                let keep = first_card(&c) + 1;
                unguarded(&c, |c| {
                    c.execute("DELETE FROM card_versions WHERE seq > ?1", [keep])
                        .expect("index");
                    c.execute("DELETE FROM journal WHERE seq > ?1", [keep])
                        .expect("truncate");
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "append a forged card with a correct hash and its index row",
            Box::new(|_, data| append_forged(&db(data))),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "append a forged card and the seal of another store",
            Box::new(|w, data| {
                let c = db(data);
                append_forged(&c);
                let other = other_store(w);
                let seal: (i64, Vec<u8>, String) = db(&other)
                    .query_row("SELECT entries, head, signature FROM seal", [], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .expect("other seal");
                c.execute(
                    "UPDATE seal SET entries = ?1, head = ?2, signature = ?3",
                    rusqlite::params![seal.0, seal.1, seal.2],
                )
                .expect("seal");
            }),
            "the seal is not the journal key's signature",
            true,
        ),
        (
            "drop the append-only triggers",
            sql("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;"),
            "sqlite_master[trigger journal_no_delete]: missing (dropped)",
            false,
        ),
        (
            "change an entry's kind column",
            Box::new(|_, data| {
                let c = db(data);
                unguarded(&c, |c| {
                    c.execute(
                        "UPDATE journal SET kind = 'day_set' WHERE kind = 'operator_added' AND seq = 3",
                        [],
                    )
                    .expect("kind");
                });
            }),
            "operators[Bartek]: an operator the journal never added",
            false,
        ),
        (
            "rewrite the store's creation entry (another edition), chain recomputed",
            Box::new(|_, data| {
                let c = db(data);
                let mut e = entry(&c, 1);
                let toml: String = c
                    .query_row(
                        "SELECT value FROM meta WHERE key = 'edition_toml'",
                        [],
                        |r| r.get(0),
                    )
                    .expect("edition");
                let changed = toml.replacen("min_age = 16", "min_age = 60", 1);
                assert_ne!(changed, toml, "the edition has min_age = 16");
                if let Event::StoreCreated { edition_sha256, .. } = &mut e.event {
                    *edition_sha256 = urna::store::keys::sha256_hex(changed.as_bytes());
                }
                c.execute(
                    "UPDATE meta SET value = ?1 WHERE key = 'edition_toml'",
                    [&changed],
                )
                .expect("meta");
                unguarded(&c, |c| {
                    set_body(c, 1, &e);
                    rechain(c);
                });
            }),
            "the creation entry is not signed by the kiosk key it names",
            true,
        ),
        (
            "add a coordinator entry and row for oneself, chain recomputed",
            Box::new(|_, data| {
                let c = db(data);
                let last: i64 = c
                    .query_row("SELECT MAX(seq) FROM journal", [], |r| r.get(0))
                    .expect("last");
                let record: String = c
                    .query_row(
                        "SELECT pin_hash FROM operators WHERE name = 'Anna'",
                        [],
                        |r| r.get(0),
                    )
                    .expect("record");
                let e = Entry {
                    seq: last as u64 + 1,
                    at: "2014-09-28T20:00:00+02:00".into(),
                    operator: "Anna".into(),
                    event: Event::OperatorAdded {
                        name: "Mallory".into(),
                        role: "coordinator".into(),
                        pin_record: Some(urna::store::keys::sha256_hex(record.as_bytes())),
                    },
                };
                let prev: Vec<u8> = c
                    .query_row("SELECT hash FROM journal WHERE seq = ?1", [last], |r| {
                        r.get(0)
                    })
                    .expect("prev");
                let body = e.canonical_bytes();
                let h = chain_hash(&prev.clone().try_into().expect("32"), &body);
                c.execute(
                    "INSERT INTO journal(seq, kind, body, prev_hash, hash) VALUES (?1, 'operator_added', ?2, ?3, ?4)",
                    rusqlite::params![last + 1, body, prev, h.as_slice()],
                )
                .expect("append");
                c.execute(
                    "INSERT INTO operators(name, role, pin_hash, added_seq) VALUES ('Mallory', 'coordinator', ?1, ?2)",
                    rusqlite::params![record, last + 1],
                )
                .expect("row");
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
    ]
}

/// Appends a copy of the first card as a new entry, with a correct hash,
/// the next card id, and its index row.
fn append_forged(c: &Connection) {
    let last: i64 = c
        .query_row("SELECT MAX(seq) FROM journal", [], |r| r.get(0))
        .expect("last");
    let first = first_card(c);
    let mut e = entry(c, first);
    e.seq = last as u64 + 1;
    let id = format!("P01-{:06}", e.seq);
    if let Event::CardEntered {
        card_id,
        source,
        card,
        ..
    } = &mut e.event
    {
        *card_id = id.clone();
        *source = urna::store::journal::Source::Kiosk;
        card.pesel = pesel(77);
    }
    let prev: Vec<u8> = c
        .query_row("SELECT hash FROM journal WHERE seq = ?1", [last], |r| {
            r.get(0)
        })
        .expect("prev");
    let body = e.canonical_bytes();
    let h = chain_hash(&prev.clone().try_into().expect("32"), &body);
    c.execute(
        "INSERT INTO journal(seq, kind, body, prev_hash, hash) VALUES (?1, 'card_entered', ?2, ?3, ?4)",
        rusqlite::params![last + 1, body, prev, h.as_slice()],
    )
    .expect("append");
    c.execute(
        "INSERT INTO card_versions(card_id, seq, kind, pesel, surname, valid, reasons, flagged, operator, at, source_ref, day, stop)
         SELECT ?1, ?2, kind, ?3, surname, valid, reasons, flagged, operator, ?4, NULL, day, stop
         FROM card_versions WHERE seq = ?5",
        rusqlite::params![id, last + 1, pesel(77), e.at, first],
    )
    .expect("index row");
}

/// Another kiosk's store (its own keys), made once.
fn other_store(w: &World) -> PathBuf {
    let dir = w.root.join("other");
    if !dir.join("urna.sqlite").exists() {
        kiosk(&w.root, "other", &office_recipient(&w.tally));
    }
    dir
}

#[test]
fn every_journal_edit_is_reported_and_refused() {
    let w = world();
    urna(&w.base).arg("check").assert().success();
    let sound = urna(&w.base)
        .args(["status", "--json"])
        .output()
        .expect("status");
    assert_eq!(sound.status.code(), Some(0), "{}", all(&sound));
    let json: serde_json::Value = serde_json::from_slice(&sound.stdout).expect("JSON");
    assert_eq!(json["damaged"], false, "{json}");
    assert!(sound.stderr.is_empty(), "{}", all(&sound));
    let edits = journal_edits();
    assert!(edits.len() >= 12);
    for (i, (what, edit, expected, rechained)) in edits.iter().enumerate() {
        let data = w.copy(&format!("journal-{i}"));
        edit(&w, &data);
        let said = reported(&data);
        assert!(said.contains(expected), "{what}: {said}");
        status_warns(&data, expected);
        refuses_a_write(&w, &data);
        if *rechained {
            office_refuses(&w, &data, &format!("journal-{i}"));
        }
    }
}

#[test]
fn every_edit_of_the_other_tables_is_reported_and_refused() {
    let w = world();
    let stranger = age::x25519::Identity::generate().to_public().to_string();
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "a volunteer made a coordinator",
            sql("UPDATE operators SET role = 'coordinator' WHERE name = 'Bartek'"),
            "operators[Bartek]: role coordinator, but volunteer in the journal",
        ),
        (
            "a PIN record replaced",
            sql(
                "UPDATE operators SET pin_hash = (SELECT pin_hash FROM operators WHERE name = 'Bartek') WHERE name = 'Anna'",
            ),
            "operators[Anna]: the PIN record is not the one the journal committed to",
        ),
        (
            "an operator added by a row",
            sql(
                "INSERT INTO operators(name, role, pin_hash, added_seq) SELECT 'Mallory', 'coordinator', pin_hash, added_seq FROM operators WHERE name = 'Anna'",
            ),
            "operators[Mallory]: an operator the journal never added",
        ),
        (
            "the edition's minimum age 16 → 60",
            sql(
                "UPDATE meta SET value = replace(value, 'min_age = 16', 'min_age = 60') WHERE key = 'edition_toml'",
            ),
            "meta[edition_toml]: differs from the journal",
        ),
        (
            "the office key replaced by a stranger's",
            Box::new(move |_, data| {
                db(data)
                    .execute(
                        "UPDATE meta SET value = ?1 WHERE key = 'central_recipient'",
                        [&stranger],
                    )
                    .expect("meta");
            }),
            "meta[central_recipient]: differs from the journal",
        ),
        (
            "the training flag set",
            sql("UPDATE meta SET value = '1' WHERE key = 'training'"),
            "meta[training]: differs from the journal",
        ),
        (
            "the point id changed",
            sql("UPDATE meta SET value = 'P02' WHERE key = 'point_id'"),
            "meta[point_id]: differs from the journal",
        ),
        (
            "an invalid card made valid in the index, a surname changed",
            sql(
                "UPDATE card_versions SET valid = 1 - valid, surname = 'kowalska' WHERE seq = (SELECT MIN(seq) FROM card_versions)",
            ),
            "the card index row differs from the journal entry",
        ),
        (
            "the public key file replaced by another kiosk's",
            Box::new(|w, data| {
                let other = other_store(w);
                std::fs::copy(other.join("kiosk.pub"), data.join("kiosk.pub")).expect("swap");
            }),
            "kiosk.pub: not the kiosk key the journal names",
        ),
    ];
    assert!(cases.len() >= 8);
    for (i, (what, edit, expected)) in cases.iter().enumerate() {
        let data = w.copy(&format!("table-{i}"));
        edit(&w, &data);
        let said = reported(&data);
        assert!(said.contains(expected), "{what}: {said}");
        status_warns(&data, expected);
        refuses_a_write(&w, &data);
    }
}
