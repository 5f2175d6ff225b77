//! Which cards the point verifies (docs/verification.md): a new operator's
//! first cards all, then a share that rises with their keying error rate,
//! drawn from the card ids by the documented rule (re-computed here from
//! SHA-256); a verifier is never offered their own card; only a coordinator
//! sets the policy, and the setting is journaled.

use sha2::{Digest, Sha256};
use urna::card::RawCard;
use urna::store::journal::{Event, Source};
use urna::store::sample::Policy;
use urna::store::verify::Verification;
use urna::store::{Store, StoreError};

fn card(n: u16, cast_date: chrono::NaiveDate) -> RawCard {
    RawCard {
        first_name: "Ewa".into(),
        last_name: "Nowak".into(),
        address: "ul. Długa 1".into(),
        pesel: urna::pesel::synthesize(
            chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("date"),
            n,
            urna::pesel::Sex::Female,
        )
        .expect("pesel"),
        signed: true,
        district: "XI".into(),
        local: ["4", "2", "1", "3"].map(String::from).to_vec(),
        citywide: ["15", "2", "9", "7", "11"].map(String::from).to_vec(),
        cast_date,
        marks: vec![],
    }
}

/// The documented draw: SHA-256 of the card id, its first 8 bytes
/// big-endian, modulo 100.
fn draw(card_id: &str) -> u64 {
    let d = Sha256::digest(card_id.as_bytes());
    u64::from_be_bytes(d[..8].try_into().expect("8 bytes")) % 100
}

fn login(store: &mut Store, name: &str) {
    let pin = if name == "Anna" { "1234" } else { "5678" };
    store.login(name, pin, chrono::Local::now()).expect("login");
}

fn waiting(store: &Store, verifier: &str) -> Vec<String> {
    let entries = store.entries().expect("entries");
    urna::store::sample::waiting(&entries, verifier)
        .into_iter()
        .map(|o| o.card_id)
        .collect()
}

#[test]
fn first_cards_all_then_a_share_that_rises_with_errors_never_ones_own() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = urna::tui::demo::demo_store(tmp.path()).expect("store");
    let day = store.edition().voting_start;
    login(&mut store, "Anna");
    let mut anna = Vec::new();
    for n in 0..45 {
        let saved = store
            .enter_card(card(n, day), "Anna", Source::Kiosk)
            .expect("card");
        anna.push(saved.card_id);
    }
    login(&mut store, "Bartek");
    let mut bartek = Vec::new();
    for n in 100..103 {
        let saved = store
            .enter_card(card(n, day), "Bartek", Source::Kiosk)
            .expect("card");
        bartek.push(saved.card_id);
    }

    // The default: each operator's first 20, then 10 % by the draw.
    assert_eq!(
        store.verification_policy().expect("policy"),
        Policy::default()
    );
    let mut expected: Vec<String> = anna[..20].to_vec();
    expected.extend(anna[20..].iter().filter(|id| draw(id) < 10).cloned());
    assert!(expected.len() > 20, "the draw takes some later cards too");
    assert!(expected.len() < 30, "but not most of them");
    assert_eq!(waiting(&store, "Bartek"), expected);
    // Anna is offered Bartek's cards only, his first ones all.
    assert_eq!(waiting(&store, "Anna"), bartek);
    let next = store
        .next_to_verify("Bartek")
        .expect("next")
        .expect("offer");
    assert_eq!(next.card_id, anna[0]);
    assert_eq!(next.keyer, "Anna");
    assert_eq!(next.waiting, expected.len() as u64);

    // Only a coordinator sets it.
    assert!(matches!(
        store.set_verification_policy(Policy::All),
        Err(StoreError::NotCoordinator)
    ));
    login(&mut store, "Anna");
    let seq = store
        .set_verification_policy(Policy::Sample {
            first: 20,
            share: 0,
        })
        .expect("set");
    assert!(matches!(
        store.entry(seq).expect("entry").event,
        Event::VerificationSet { ref mode, first: 20, share: 0 } if mode == "sample"
    ));
    assert_eq!(waiting(&store, "Bartek"), anna[..20].to_vec());

    // Bartek verifies Anna's first card and the paper shows one field of
    // fifteen wrong: 6.7 errors per 100 fields raise her share by 133
    // points, so every later card of hers is offered.
    login(&mut store, "Bartek");
    let target = store.to_verify(&next.number, "Bartek").expect("to verify");
    let mut corrected = target.card.clone();
    corrected.citywide[0] = "14".into();
    store
        .record_verification(Verification {
            card_id: target.card_id.clone(),
            version_seq: target.version_seq,
            fields: 15,
            keyer_errors: vec!["citywide.1".into()],
            verifier_errors: vec![],
            corrected: Some(corrected),
        })
        .expect("verified");
    assert_eq!(waiting(&store, "Bartek"), anna[1..].to_vec());
    // A verified card is not offered again.
    assert!(!waiting(&store, "Bartek").contains(&anna[0]));

    // Every card: all that are not verified and not the verifier's own.
    login(&mut store, "Anna");
    store.set_verification_policy(Policy::All).expect("set");
    assert_eq!(waiting(&store, "Anna"), bartek);
    assert_eq!(waiting(&store, "Bartek").len(), 44);
    // A voided card is not offered.
    store
        .void_card(&anna[5], "Anna", "wpisana dwa razy")
        .expect("void");
    assert_eq!(waiting(&store, "Bartek").len(), 43);
    store.check().expect("the store checks");
}
