//! What a sync needs from the kiosk's store (`docs/sync.md`): the office's
//! address, journaled like every setting, and a delta of the entries after
//! the office's head, signed by the logged-in operator's journal key.

use rusqlite::{OptionalExtension, TransactionBehavior};

use super::journal::{Event, parse_entry};
use super::{Result, Store, StoreError, append, seal_head};
use crate::bundle::{self, Counts, PointInfo, Sealed};

/// Cards between two sends, unless `urna central url --every-cards` says.
pub const EVERY_CARDS: u32 = 10;
/// Minutes between two sends, unless `--every-minutes` says.
pub const EVERY_MINUTES: u32 = 5;

/// Where the office's sync server is, and how often to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CentralUrl {
    /// `http://host:port` or `https://host:port` (no path).
    pub url: String,
    /// A PEM certificate to trust for `https` (the office's own, or its CA);
    /// without it the usual public roots.
    pub ca_pem: Option<String>,
    pub every_cards: u32,
    pub every_minutes: u32,
}

/// An office address taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address<'a> {
    pub https: bool,
    /// A name, an IPv4 address or a bracketed IPv6 one (`[::1]`).
    pub host: &'a str,
    /// As written, or 80 / 443 when none is.
    pub port: u16,
    pub port_given: bool,
}

/// `url` taken apart if it is an address a kiosk can send to: `http://`
/// or `https://`, a host, an optional port 1–65535, no path, query or
/// user name.
pub fn parse_url(url: &str) -> Option<Address<'_>> {
    let (https, rest) = match url.strip_prefix("https://") {
        Some(rest) => (true, rest),
        None => (false, url.strip_prefix("http://")?),
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty() || rest.len() > 255 {
        return None;
    }
    let (host, port) = if rest.starts_with('[') {
        let end = rest.find(']')?;
        let (host, after) = rest.split_at(end + 1);
        let inner = &host[1..host.len() - 1];
        if inner.is_empty()
            || !inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return None;
        }
        let port = if after.is_empty() {
            None
        } else {
            Some(after.strip_prefix(':')?)
        };
        (host, port)
    } else {
        match rest.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        }
    };
    let name_ok = host.starts_with('[')
        || (!host.is_empty()
            && !host.starts_with(['-', '.'])
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
    if !name_ok {
        return None;
    }
    let port_given = port.is_some();
    let port = match port {
        None => {
            if https {
                443
            } else {
                80
            }
        }
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse::<u16>().ok().filter(|&p| p > 0)?
        }
        Some(_) => return None,
    };
    Some(Address {
        https,
        host,
        port,
        port_given,
    })
}

/// Whether `url` is an address a kiosk can send to ([`parse_url`]).
pub fn valid_url(url: &str) -> bool {
    parse_url(url).is_some()
}

/// A delta ready to post, with what it holds.
pub struct Delta {
    pub sealed: Sealed,
    /// Entries in it (after `from`).
    pub entries: u64,
    /// Cards the store holds at its head (the header's "240 kart").
    pub cards: u64,
}

/// What the store's journal and the office's head say before a sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// The office holds exactly this journal: nothing to send.
    UpToDate { entries: u64, cards: u64 },
    /// The office holds more entries than this store (an older copy of the
    /// store, or another kiosk under this point's name).
    OfficeAhead { office: u64, ours: u64 },
    /// The office's entry `seq` is not this store's: another history.
    Fork { seq: u64 },
}

impl Store {
    /// The office's sync address in force: the latest `central_url_set`
    /// entry, unless that turned sending off. (Read by a scan from the
    /// journal's end: the kiosk reads it once, off the typing thread.)
    pub fn central_url(&self) -> Result<Option<CentralUrl>> {
        let body: Option<Vec<u8>> = self
            .conn
            .prepare_cached(
                "SELECT body FROM journal WHERE kind = 'central_url_set' ORDER BY seq DESC LIMIT 1",
            )?
            .query_row([], |r| r.get(0))
            .optional()?;
        let Some(body) = body else { return Ok(None) };
        match parse_entry(&body).map(|e| e.event) {
            Ok(Event::CentralUrlSet {
                url,
                ca_pem,
                every_cards,
                every_minutes,
            }) => Ok((!url.is_empty()).then_some(CentralUrl {
                url,
                ca_pem,
                every_cards,
                every_minutes,
            })),
            _ => Err(StoreError::Journal {
                seq: 0,
                what: super::JournalFault::UnreadableKind("central_url_set".into()),
            }),
        }
    }

    /// Sets the office's sync address, or with `None` turns sending off (a
    /// coordinator; journaled).
    pub fn set_central_url(&mut self, setting: Option<&CentralUrl>) -> Result<u64> {
        let (key, by) = self.coordinator()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let event = match setting {
            Some(c) => Event::CentralUrlSet {
                url: c.url.clone(),
                ca_pem: c.ca_pem.clone(),
                every_cards: c.every_cards,
                every_minutes: c.every_minutes,
            },
            None => Event::CentralUrlSet {
                url: String::new(),
                ca_pem: None,
                every_cards: 0,
                every_minutes: 0,
            },
        };
        let seq = append(&tx, &self.point.id, &by, event)?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        tracing::info!(seq, operator = %by, on = setting.is_some(), "office sync address set");
        Ok(seq)
    }

    /// The journal's entry count and head hash (hex; zeros when empty): what
    /// the next append would chain to.
    fn head(&self) -> Result<(u64, String)> {
        let next = super::Head::read(&self.conn)?;
        Ok((next.seq - 1, hex::encode(next.prev)))
    }

    fn hash_at(&self, seq: u64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT hash FROM journal WHERE seq = ?1")?
            .query_row([seq as i64], |r| r.get::<_, Vec<u8>>(0))
            .optional()?
            .map(hex::encode))
    }

    /// Where this store stands against what the office holds
    /// (`office_entries` and the hash of the last of them): `Ok(None)` when
    /// there is something to send.
    pub fn position(
        &self,
        office_entries: u64,
        office_head: Option<&str>,
    ) -> Result<Option<Position>> {
        let (ours, head) = self.head()?;
        if office_entries > ours {
            return Ok(Some(Position::OfficeAhead {
                office: office_entries,
                ours,
            }));
        }
        if office_entries > 0 && self.hash_at(office_entries)?.as_deref() != office_head {
            return Ok(Some(Position::Fork {
                seq: office_entries,
            }));
        }
        if office_entries == ours && (ours == 0 || office_head == Some(head.as_str())) {
            return Ok(Some(Position::UpToDate {
                entries: ours,
                cards: self.status()?.cards,
            }));
        }
        Ok(None)
    }

    /// The entries after `from` (which the office holds, ending at the hash
    /// `position` checked), packed as a delta and signed by the logged-in
    /// operator's journal key. Any operator can: a sync is not an export.
    /// The store must be sound.
    pub fn delta(&mut self, from: u64) -> std::result::Result<Delta, bundle::ExportError> {
        let recipient = self
            .point
            .central_recipient
            .clone()
            .ok_or(bundle::ExportError::NoRecipient)?;
        let journal_key = self.writer()?;
        let kiosk_public = self
            .genesis
            .as_ref()
            .and_then(|g| minisign::PublicKey::from_base64(&g.kiosk_public_key).ok())
            .ok_or_else(|| StoreError::Journal {
                seq: 1,
                what: super::JournalFault::NoKioskKey,
            })?;
        let edition = self.edition.id.clone();
        self.snapshot(|store| {
            let (entries, head_hash) = store.head()?;
            let from_hash = if from == 0 {
                hex::encode(super::journal::GENESIS)
            } else {
                store.hash_at(from)?.ok_or(StoreError::Journal {
                    seq: from,
                    what: super::JournalFault::NoSuchEntry,
                })?
            };
            let mut lines = Vec::new();
            let mut stmt = store
                .conn
                .prepare_cached("SELECT body FROM journal WHERE seq > ?1 ORDER BY seq")?;
            let mut rows = stmt.query([from as i64])?;
            while let Some(row) = rows.next()? {
                let body = row.get_ref(0)?;
                lines.extend_from_slice(body.as_blob().map_err(rusqlite::Error::from)?);
                lines.push(b'\n');
            }
            let status = store.status()?;
            let verification =
                Some(store.verification_totals(None)?).filter(|v| v.verifications > 0);
            let last = store.last_export()?;
            Ok((
                entries,
                head_hash,
                from_hash,
                lines,
                status,
                verification,
                last,
                store.current_day()?,
                store.seal()?,
            ))
        })
        .map_err(bundle::ExportError::from)
        .and_then(
            |(entries, head_hash, from_hash, lines, status, verification, last, day, seal)| {
                let cards = status.cards;
                let (sequence, previous_bundle) = match last {
                    Some((seq, hash)) => (seq, Some(hash)),
                    None => (0, None),
                };
                let sealed = bundle::delta::seal(bundle::delta::Contents {
                    edition: &edition,
                    point: PointInfo {
                        id: self.point.id.clone(),
                        name: self.point.name.clone(),
                        mobile: self.point.mobile,
                    },
                    training: self.point.training,
                    kiosk_public: &kiosk_public,
                    journal_key: &journal_key,
                    recipient: &recipient,
                    sequence,
                    previous_bundle,
                    day,
                    created: chrono::Local::now().fixed_offset(),
                    counts: Counts {
                        verification,
                        ..Counts::of(&status)
                    },
                    journal: lines,
                    from,
                    from_hash,
                    entries,
                    head_hash,
                    journal_seal: seal,
                })?;
                Ok(Delta {
                    sealed,
                    entries: entries - from,
                    cards,
                })
            },
        )
    }
}

/// What a sync sender on another thread needs of a logged-in session: who
/// is logged in and the journal key their PIN unlocked (never the kiosk's
/// signing key, which only a coordinator's PIN opens for an export).
#[derive(Clone)]
pub struct SyncKey {
    operator: super::Operator,
    journal: minisign::SecretKey,
}

impl Store {
    /// The session's operator and journal key, for a sender on its own
    /// store handle (`None` while nobody is logged in).
    pub fn sync_key(&self) -> Option<SyncKey> {
        self.session.as_ref().map(|s| SyncKey {
            operator: s.operator.clone(),
            journal: s.unlocked.journal.clone(),
        })
    }

    /// Takes on a session's journal key (a sender's own store handle: it
    /// only makes deltas), or with `None` forgets it.
    pub fn adopt(&mut self, key: Option<SyncKey>) {
        self.session = key.map(|k| super::Session {
            operator: k.operator,
            unlocked: super::keys::Unlocked {
                journal: k.journal,
                signing: None,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::parse_url;

    #[test]
    fn addresses_a_kiosk_can_send_to() {
        let a = parse_url("https://biuro.krakow.pl:8443").expect("valid");
        assert!(a.https && a.port_given);
        assert_eq!((a.host, a.port), ("biuro.krakow.pl", 8443));
        let a = parse_url("http://10.0.0.5/").expect("valid");
        assert_eq!((a.host, a.port, a.port_given), ("10.0.0.5", 80, false));
        assert_eq!(parse_url("https://[::1]:9000").map(|a| a.port), Some(9000));
        assert_eq!(parse_url("https://[::1]").map(|a| a.port), Some(443));
        for bad in [
            "http://host:99999",
            "http://host:0",
            "http://host:",
            "http://host:80x",
            "http://host:+80",
            "http://host:8080/v1",
            "http://user@host",
            "ftp://host",
            "http://",
            "http://:8080",
            "http://-host",
            "http://[::1]x",
            "http://[]:80",
            "http://host:80:81",
        ] {
            assert!(parse_url(bad).is_none(), "{bad} taken");
        }
    }
}
