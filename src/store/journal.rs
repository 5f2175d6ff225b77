//! The journal: an append-only, hash-chained list of everything that happened at
//! a polling point. Each entry's hash covers the previous hash and the entry's
//! canonical bytes, so changing, removing or reordering any entry breaks every
//! hash after it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::card::{Assessment, RawCard};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The `prev_hash` of the first entry.
pub const GENESIS: Hash = [0u8; 32];

/// Who typed a card in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "via")]
pub enum Source {
    /// Typed at the kiosk screen.
    Kiosk,
    /// A row of a card CSV imported with `urna import-cards`.
    Csv {
        file: String,
        line: u64,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        id: Option<String>,
    },
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "data")]
pub enum Event {
    /// The first entry of a store: what the store is, and the public keys
    /// everything else is checked against. `signature` is the kiosk key's
    /// minisign signature of this entry's canonical bytes with `signature`
    /// empty, so only whoever held the kiosk key when the store was made
    /// (`urna init`) could have written it.
    StoreCreated {
        point_id: String,
        point_name: String,
        mobile: bool,
        training: bool,
        edition_id: String,
        /// SHA-256 of the edition file's bytes as stored.
        edition_sha256: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        central_recipient: Option<String>,
        /// The kiosk's bundle-signing key (minisign base64).
        kiosk_public_key: String,
        /// The key that seals the journal's head (minisign base64).
        journal_public_key: String,
        /// The shortest PIN this store accepts.
        min_pin_length: u8,
        signature: String,
    },
    OperatorAdded {
        name: String,
        role: String,
        /// SHA-256 of the operator's PIN record as stored.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pin_record: Option<String>,
    },
    /// The central office's age recipient was set or changed.
    CentralSet {
        recipient: String,
    },
    CardEntered {
        card_id: String,
        card: RawCard,
        assessment: Assessment,
        source: Source,
        /// Cards already in this store with the same PESEL.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        same_pesel: Vec<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        training: bool,
        /// Where a mobile point stood when the card was taken from its urn.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stop: Option<String>,
        /// Keys pressed at the kiosk to type the card, review and save
        /// included (operator statistics); none for imported rows and for
        /// entries of earlier releases.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keys: Option<u32>,
    },
    CardAmended {
        card_id: String,
        card: RawCard,
        assessment: Assessment,
        reason: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        same_pesel: Vec<String>,
    },
    CardVoided {
        card_id: String,
        reason: String,
    },
    /// The voting day whose urn is being entered (cards from an earlier day's
    /// urn are entered under that day).
    DaySet {
        day: chrono::NaiveDate,
    },
    /// A mobile point's current stop.
    StopSet {
        location: String,
    },
    /// A paper card keyed again blind by another operator and compared field by field.
    CardVerified {
        card_id: String,
        /// The journal seq of the version compared (the entry or its last amendment).
        version_seq: u64,
        /// Who keyed that version.
        keyer: String,
        /// How many fields were compared.
        fields: u32,
        /// Fields the paper showed the keyer had wrong ("first_name", "last_name",
        /// "address", "pesel", "signed", "district", "local.1", …, "citywide.1", …,
        /// "cast_date").
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        keyer_errors: Vec<String>,
        /// Fields where the verifier slipped and retyped.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        verifier_errors: Vec<String>,
        /// The amendment this verification made, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amended_seq: Option<u64>,
    },
    /// A coordinator's setting of how much the point verifies
    /// (docs/verification.md): every card, or a sample per operator — all
    /// of an operator's first `first` cards, then `share` % of the rest,
    /// rising with their keying error rate.
    VerificationSet {
        /// `all` or `sample`.
        mode: String,
        #[serde(default)]
        first: u32,
        #[serde(default)]
        share: u32,
    },
    /// The office's sync address (`urna central url`): the kiosk sends its
    /// journal there as it goes, after every `every_cards` cards and every
    /// `every_minutes` minutes. An empty `url` turns sending off.
    CentralUrlSet {
        url: String,
        /// A PEM certificate to trust for `https`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ca_pem: Option<String>,
        every_cards: u32,
        every_minutes: u32,
    },
    /// An end-of-day bundle was written (it holds the journal up to `entries`).
    ExportMade {
        file: String,
        sequence: u64,
        manifest_sha256: String,
        entries: u64,
        head_hash: String,
    },
}

impl Event {
    /// The `kind` column's value.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::StoreCreated { .. } => "store_created",
            Event::OperatorAdded { .. } => "operator_added",
            Event::CentralSet { .. } => "central_set",
            Event::CardEntered { .. } => "card_entered",
            Event::CardAmended { .. } => "card_amended",
            Event::CardVoided { .. } => "card_voided",
            Event::DaySet { .. } => "day_set",
            Event::StopSet { .. } => "stop_set",
            Event::ExportMade { .. } => "export_made",
            Event::CardVerified { .. } => "card_verified",
            Event::VerificationSet { .. } => "verification_set",
            Event::CentralUrlSet { .. } => "central_url_set",
        }
    }
}

/// One journal entry. The field order here is the order of the canonical bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub seq: u64,
    /// Local time with offset, RFC 3339.
    pub at: String,
    pub operator: String,
    #[serde(flatten)]
    pub event: Event,
}

impl Entry {
    /// The bytes that are hashed and stored: compact JSON, fields in declaration
    /// order, no trailing newline.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        // Serializing plain structs and strings to a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Whether `bytes` are exactly this entry's canonical bytes: serialized
    /// straight into a comparison, with nothing allocated, stopping at the
    /// first byte that differs.
    pub fn is_canonical(&self, bytes: &[u8]) -> bool {
        struct Same<'a>(&'a [u8]);
        impl std::io::Write for Same<'_> {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                match self.0.strip_prefix(buf) {
                    Some(rest) => {
                        self.0 = rest;
                        Ok(buf.len())
                    }
                    None => Err(std::io::ErrorKind::InvalidData.into()),
                }
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut rest = Same(bytes);
        serde_json::to_writer(&mut rest, self).is_ok() && rest.0.is_empty()
    }
}

/// Reads one entry from its bytes, as `serde_json::from_slice::<Entry>` would
/// but without serde's buffering of flattened fields, which at a million
/// entries is most of the tally's import time. An entry whose keys are in
/// the canonical order (`seq`, `at`, `operator`, `kind`, `data`, each once,
/// nothing else) is read in one pass, its event by the derived reader
/// straight from the rest of the map; anything else is read by the general
/// path below, which is the authority on what is readable (the one-pass
/// reader accepts nothing the general one refuses, and reads it alike).
pub fn parse_entry(line: &[u8]) -> serde_json::Result<Entry> {
    match serde_json::from_slice::<InOrder>(line) {
        Ok(InOrder(entry)) => Ok(entry),
        Err(_) => parse_entry_any_order(line),
    }
}

/// The general reader: the entry's fields, with `kind` and `data` kept as
/// they are written and read as an event.
fn parse_entry_any_order(line: &[u8]) -> serde_json::Result<Entry> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Wire<'a> {
        seq: u64,
        at: String,
        operator: String,
        #[serde(borrow)]
        kind: &'a serde_json::value::RawValue,
        #[serde(borrow)]
        data: &'a serde_json::value::RawValue,
    }
    let w: Wire<'_> = serde_json::from_slice(line)?;
    let mut event = String::with_capacity(w.kind.get().len() + w.data.get().len() + 18);
    event.push_str("{\"kind\":");
    event.push_str(w.kind.get());
    event.push_str(",\"data\":");
    event.push_str(w.data.get());
    event.push('}');
    Ok(Entry {
        seq: w.seq,
        at: w.at,
        operator: w.operator,
        event: serde_json::from_str(&event)?,
    })
}

/// An entry read in one pass, its keys in the canonical order.
struct InOrder(Entry);

impl<'de> Deserialize<'de> for InOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

        fn key<'de, A: MapAccess<'de>>(map: &mut A, want: &str) -> Result<(), A::Error> {
            match map.next_key::<&'de str>()? {
                Some(k) if k == want => Ok(()),
                _ => Err(de::Error::custom("keys not in the canonical order")),
            }
        }

        /// The rest of the entry's map as the event's own map: exactly
        /// `kind`, then `data`, then nothing.
        struct Rest<A> {
            map: A,
            read: usize,
        }
        impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<A> {
            type Error = A::Error;
            fn next_key_seed<K: DeserializeSeed<'de>>(
                &mut self,
                seed: K,
            ) -> Result<Option<K::Value>, A::Error> {
                let want = match self.read {
                    0 => "kind",
                    1 => "data",
                    _ => {
                        return match self.map.next_key::<de::IgnoredAny>()? {
                            None => Ok(None),
                            Some(_) => Err(de::Error::custom("a key after data")),
                        };
                    }
                };
                key(&mut self.map, want)?;
                self.read += 1;
                seed.deserialize(de::value::BorrowedStrDeserializer::new(want))
                    .map(Some)
            }
            fn next_value_seed<V: DeserializeSeed<'de>>(
                &mut self,
                seed: V,
            ) -> Result<V::Value, A::Error> {
                self.map.next_value_seed(seed)
            }
        }

        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = InOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a journal entry")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InOrder, A::Error> {
                key(&mut map, "seq")?;
                let seq = map.next_value()?;
                key(&mut map, "at")?;
                let at = map.next_value()?;
                key(&mut map, "operator")?;
                let operator = map.next_value()?;
                let event = Event::deserialize(de::value::MapAccessDeserializer::new(Rest {
                    map,
                    read: 0,
                }))?;
                Ok(InOrder(Entry {
                    seq,
                    at,
                    operator,
                    event,
                }))
            }
        }
        d.deserialize_map(V)
    }
}

/// An entry's `at` as people read it, e.g. `format_at(at, "%Y-%m-%d %H:%M")`;
/// the stored text itself if it is not RFC 3339.
pub fn format_at(at: &str, pattern: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|d| d.format(pattern).to_string())
        .unwrap_or_else(|_| at.to_string())
}

/// `SHA-256(prev_hash || body)`.
pub fn chain_hash(prev: &Hash, body: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(body);
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_bytes_are_stable() {
        let e = Entry {
            seq: 1,
            at: "2014-09-27T10:00:00+02:00".into(),
            operator: "Anna".into(),
            event: Event::OperatorAdded {
                name: "Anna".into(),
                role: "coordinator".into(),
                pin_record: None,
            },
        };
        let bytes = e.canonical_bytes();
        assert_eq!(
            String::from_utf8(bytes.clone()).expect("utf8"),
            r#"{"seq":1,"at":"2014-09-27T10:00:00+02:00","operator":"Anna","kind":"operator_added","data":{"name":"Anna","role":"coordinator"}}"#
        );
        let back: Entry = serde_json::from_slice(&bytes).expect("parse");
        assert_eq!(back, e);
        assert_ne!(chain_hash(&GENESIS, &bytes), chain_hash(&GENESIS, b"x"));
        assert!(e.is_canonical(&bytes));
        let (head, _) = bytes.split_at(bytes.len() - 1);
        assert!(!e.is_canonical(head), "a prefix is not the entry");
        assert!(
            !e.is_canonical(&[bytes.as_slice(), b" "].concat()),
            "nor more"
        );
        let mut changed = bytes.clone();
        changed[30] ^= 1;
        assert!(!e.is_canonical(&changed), "nor one byte changed");
    }

    #[test]
    fn the_fast_reader_reads_what_the_derived_one_reads() {
        let card = RawCard {
            first_name: "Zażółć \"gęślą\"".into(),
            last_name: "Nowak".into(),
            address: "ul. Długa 1\nKraków".into(),
            pesel: "44051401359".into(),
            signed: true,
            district: "XI".into(),
            local: vec!["1".into(), "".into()],
            citywide: vec![],
            cast_date: chrono::NaiveDate::from_ymd_opt(2014, 9, 28).expect("day"),
            marks: vec![crate::card::Reason::Illegible],
        };
        let events = [
            Event::OperatorAdded {
                name: "Anna".into(),
                role: "coordinator".into(),
                pin_record: Some("ab".into()),
            },
            Event::CardEntered {
                card_id: "P1-000002".into(),
                card: card.clone(),
                assessment: crate::card::Assessment {
                    reasons: vec![crate::card::Reason::MissingAddress],
                    district: Some(3),
                    local: vec![],
                    citywide: vec![],
                },
                source: Source::Csv {
                    file: "a;b.csv".into(),
                    line: 7,
                    id: Some("r1".into()),
                },
                same_pesel: vec!["P1-000001".into()],
                training: false,
                stop: Some("Rynek".into()),
                keys: Some(57),
            },
            Event::CardVerified {
                card_id: "P1-000002".into(),
                version_seq: 2,
                keyer: "Anna".into(),
                fields: 16,
                keyer_errors: vec!["local.2".into()],
                verifier_errors: vec![],
                amended_seq: Some(4),
            },
            Event::VerificationSet {
                mode: "sample".into(),
                first: 20,
                share: 10,
            },
            Event::CardVoided {
                card_id: "P1-000002".into(),
                reason: "dwa razy".into(),
            },
            Event::DaySet {
                day: chrono::NaiveDate::from_ymd_opt(2014, 9, 27).expect("day"),
            },
        ];
        for (i, event) in events.into_iter().enumerate() {
            let e = Entry {
                seq: i as u64 + 1,
                at: "2014-09-27T10:00:00+02:00".into(),
                operator: "Anna".into(),
                event,
            };
            let bytes = e.canonical_bytes();
            assert_eq!(parse_entry(&bytes).expect("fast"), e);
            let derived: Entry = serde_json::from_slice(&bytes).expect("derived");
            assert_eq!(derived, e);
        }
        // What the derived reader refuses, the fast one refuses too.
        for bad in [
            &br#"{"seq":1,"at":"x","operator":"A","kind":"nonsense","data":{}}"#[..],
            br#"{"seq":1,"at":"x","operator":"A","kind":"card_voided"}"#,
            br#"{"seq":"1","at":"x","operator":"A","kind":"day_set","data":{"day":"2014-09-27"}}"#,
            b"not json",
        ] {
            assert!(
                parse_entry(bad).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
            assert!(serde_json::from_slice::<Entry>(bad).is_err());
        }
        // The one-pass reader takes only the canonical order; whatever it
        // takes, the general reader reads alike, and whatever else comes,
        // the general reader decides.
        let day = r#""kind":"day_set","data":{"day":"2014-09-27"}"#;
        for text in [
            format!(r#"{{"seq":1,"at":"x","operator":"A",{day}}}"#),
            format!(r#"{{"at":"x","seq":1,"operator":"A",{day}}}"#),
            format!(r#"{{"seq":1,"at":"x","operator":"A",{day},"extra":1}}"#),
            format!(r#"{{"seq":1,"at":"x","operator":"A","kind":"day_set",{day}}}"#),
            r#"{"seq":1,"at":"x","operator":"A","data":{"day":"2014-09-27"},"kind":"day_set"}"#
                .to_string(),
            format!(r#"{{"s\u0065q":1,"at":"x","operator":"A",{day}}}"#),
            format!(r#"{{"seq":1,"seq":1,"at":"x","operator":"A",{day}}}"#),
        ] {
            let one_pass = serde_json::from_slice::<InOrder>(text.as_bytes())
                .ok()
                .map(|e| e.0);
            let general = parse_entry_any_order(text.as_bytes()).ok();
            if one_pass.is_some() {
                assert_eq!(one_pass, general, "{text}");
            }
            assert_eq!(parse_entry(text.as_bytes()).ok(), general, "{text}");
        }
        let canonical = format!(r#"{{"seq":1,"at":"x","operator":"A",{day}}}"#);
        assert!(serde_json::from_slice::<InOrder>(canonical.as_bytes()).is_ok());
        let reordered = format!(r#"{{"at":"x","seq":1,"operator":"A",{day}}}"#);
        assert!(serde_json::from_slice::<InOrder>(reordered.as_bytes()).is_err());
        assert!(
            parse_entry(reordered.as_bytes()).is_ok(),
            "read the general way"
        );
    }
}
