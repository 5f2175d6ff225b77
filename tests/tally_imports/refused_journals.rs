//! Signed bundles whose journal the office refuses: altered and signed
//! again, cards past the field limits or with control characters, a fork,
//! a card id seen before, another point's card.

use super::*;

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
