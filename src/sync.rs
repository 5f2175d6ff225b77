//! The kiosk's side of a sync (`docs/sync.md`): ask the office what it holds
//! from this point, post a delta of the rest, and say what came of it.
//! `urna sync` calls it once; the kiosk calls it from its sender thread.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::bundle::ExportError;
use crate::i18n::{ENTRY, Lang, count};
use crate::store::sync::{CentralUrl, Position};
use crate::store::{Store, StoreError};
use crate::tr;

/// How long one request may take, connection to last byte.
const TIMEOUT: Duration = Duration::from_secs(60);
/// How long a connection may take to open.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest answer read (the office's answers are a few hundred bytes).
const MAX_ANSWER: u64 = 64 * 1024;

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Synced {
    /// The office already held everything.
    UpToDate { entries: u64, cards: u64 },
    /// The office stored `added` new entries; it now holds `entries`.
    Sent {
        added: u64,
        entries: u64,
        cards: u64,
    },
}

/// Why a sync did not complete. A kiosk tries again later after
/// `Unreachable`, `Busy` and `Office`; the others need a person.
#[derive(Debug)]
pub enum SyncError {
    /// No `urna central url` set.
    NoUrl,
    /// The office could not be reached (no network, no server, TLS).
    Unreachable(Net),
    /// The office answered with an error of its own (5xx).
    Office { code: u16, message: String },
    /// The office does not trust this kiosk.
    Unknown { said: OfficeSaid },
    /// The office refused the delta.
    Refused {
        code: u16,
        status: String,
        said: OfficeSaid,
    },
    /// The office holds another history of this point, or more of it.
    Diverged(Position),
    /// The office's head moved again while this sync was sent (another
    /// sender under this point's name?).
    Moving,
    /// The store could not make the delta.
    Store(ExportError),
}

/// Why the office could not be reached, in words of either language.
#[derive(Debug)]
pub enum Net {
    /// The address's name is not known (DNS).
    HostNotFound,
    /// No answer in time.
    Timeout,
    /// The operating system's refusal (connection refused, no network…).
    Io(std::io::Error),
    /// The office's certificate.
    Certificate(crate::foreign::tls::CertProblem),
    /// The stored `--ca` holds no certificate.
    NoPinnedCertificate,
    /// An answer that is not HTTP, or not the office's (a web server or a
    /// captive portal at that address).
    Garbled,
    /// The connection broke before the whole answer came.
    Broken,
    /// Anything else the HTTP client reports: its own words, said inside a
    /// sentence of the catalogs.
    Other(String),
}

impl Net {
    fn of(e: ureq::Error) -> Net {
        use crate::foreign::tls::CertProblem;
        match e {
            ureq::Error::HostNotFound => Net::HostNotFound,
            ureq::Error::Timeout(_) => Net::Timeout,
            ureq::Error::Rustls(e) => match CertProblem::from_rustls(&e) {
                Some(p) => Net::Certificate(p),
                None => Net::Other(format!("TLS: {e}")),
            },
            ureq::Error::Io(e) => {
                // rustls's refusal reaches ureq inside an I/O error.
                let cert = e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<tokio_rustls::rustls::Error>())
                    .and_then(CertProblem::from_rustls);
                use std::io::ErrorKind::*;
                match cert {
                    Some(p) => Net::Certificate(p),
                    None if e.kind() == TimedOut => Net::Timeout,
                    None if crate::foreign::io::code(&e) == "host_not_found" => Net::HostNotFound,
                    // ureq's "Peer disconnected" and the like: the answer
                    // stopped coming.
                    None if matches!(
                        e.kind(),
                        UnexpectedEof | ConnectionReset | ConnectionAborted | BrokenPipe
                    ) =>
                    {
                        Net::Broken
                    }
                    None => Net::Io(e),
                }
            }
            ureq::Error::Protocol(_) | ureq::Error::BodyStalled | ureq::Error::ConnectionFailed => {
                Net::Garbled
            }
            other => Net::Other(other.to_string()),
        }
    }

    pub fn words(&self, lang: Lang) -> String {
        match self {
            Net::HostNotFound => {
                crate::foreign::io::words(lang, "host_not_found").unwrap_or_default()
            }
            Net::Timeout => tr!(lang, "error-sync-timeout"),
            Net::Io(e) => crate::foreign::io_error(lang, e),
            Net::Certificate(p) => p.words(lang),
            Net::NoPinnedCertificate => tr!(lang, "error-sync-no-pinned-certificate"),
            Net::Garbled => tr!(lang, "error-sync-garbled"),
            Net::Broken => tr!(lang, "error-sync-broken"),
            Net::Other(why) => tr!(
                lang,
                "error-sync-other",
                why = crate::shown::escape_controls(why)
            ),
        }
    }
}

/// What the office said about a refusal: its sentence (in the office's
/// language) and, from this urna on, the refusal's code and arguments,
/// which the kiosk says in its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeSaid {
    pub message: String,
    pub code: Option<(String, Vec<String>)>,
}

impl OfficeSaid {
    fn of(body: &Value) -> OfficeSaid {
        let code = body["code"].as_str().map(|code| {
            let args = body["args"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| crate::shown::escape_controls(v.as_str().unwrap_or_default()))
                        .collect()
                })
                .unwrap_or_default();
            (code.to_string(), args)
        });
        OfficeSaid {
            message: body["message"].as_str().unwrap_or_default().to_string(),
            code: code.filter(|(c, _)| crate::bundle::words::known(c)),
        }
    }

    pub fn words(&self, lang: Lang) -> String {
        match &self.code {
            Some((code, args)) => crate::bundle::words::render(lang, code, args),
            None => crate::shown::escape_controls(&self.message),
        }
    }
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::Store(e.into())
    }
}

impl From<ExportError> for SyncError {
    fn from(e: ExportError) -> Self {
        SyncError::Store(e)
    }
}

impl SyncError {
    /// Whether trying again later may help (and so the kiosk keeps trying).
    pub fn transient(&self) -> bool {
        matches!(
            self,
            SyncError::Unreachable(_) | SyncError::Office { .. } | SyncError::Moving
        )
    }

    pub fn describe(&self, lang: Lang) -> String {
        match self {
            SyncError::NoUrl => tr!(lang, "error-sync-no-url"),
            SyncError::Unreachable(why) => {
                tr!(lang, "error-sync-unreachable", why = why.words(lang))
            }
            SyncError::Office { code, message } => tr!(
                lang,
                "error-sync-office-failed",
                code = *code,
                message = crate::shown::escape_controls(message)
            ),
            // The office's reason only where the kiosk can say it itself.
            SyncError::Unknown { said } if said.code.is_some() => tr!(
                lang,
                "error-sync-unknown-kiosk-said",
                said = said.words(lang)
            ),
            SyncError::Unknown { .. } => tr!(lang, "error-sync-unknown-kiosk"),
            // The status word is for programs (and English): the code only.
            SyncError::Refused { code, said, .. } => tr!(
                lang,
                "error-sync-refused",
                code = *code,
                said = said.words(lang)
            ),
            SyncError::Diverged(Position::OfficeAhead { office, ours }) => tr!(
                lang,
                "error-sync-office-ahead",
                office = count(lang, *office, &ENTRY),
                ours = count(lang, *ours, &ENTRY)
            ),
            SyncError::Diverged(Position::Fork { seq }) => {
                tr!(lang, "error-sync-fork", seq = *seq)
            }
            SyncError::Diverged(Position::UpToDate { .. }) => String::new(),
            SyncError::Moving => tr!(lang, "error-sync-moving"),
            SyncError::Store(e) => e.localized(lang),
        }
    }
}

impl Synced {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Synced::UpToDate { entries, cards } => tr!(
                lang,
                "cli-sync-up-to-date",
                entries = count(lang, *entries, &ENTRY),
                cards = *cards
            ),
            Synced::Sent {
                added,
                entries,
                cards,
            } => tr!(
                lang,
                "cli-sync-sent",
                added = count(lang, *added, &ENTRY),
                entries = count(lang, *entries, &ENTRY),
                cards = *cards
            ),
        }
    }

    pub fn cards(&self) -> u64 {
        match self {
            Synced::UpToDate { cards, .. } | Synced::Sent { cards, .. } => *cards,
        }
    }
}

/// An HTTP client for one office address.
pub struct Client {
    agent: ureq::Agent,
    base: String,
}

impl Client {
    pub fn new(c: &CentralUrl) -> Result<Client, SyncError> {
        use ureq::tls::{Certificate, RootCerts, TlsConfig};
        let roots = match &c.ca_pem {
            Some(pem) => {
                let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(pem.as_bytes())
                    .filter_map(|item| match item {
                        Ok(ureq::tls::PemItem::Certificate(cert)) => Some(cert),
                        _ => None,
                    })
                    .collect();
                if certs.is_empty() {
                    return Err(SyncError::Unreachable(Net::NoPinnedCertificate));
                }
                RootCerts::Specific(Arc::new(certs))
            }
            None => RootCerts::WebPki,
        };
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(TIMEOUT))
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .tls_config(TlsConfig::builder().root_certs(roots).build())
            .user_agent(concat!("urna/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Client {
            agent,
            base: c.url.trim_end_matches('/').to_string(),
        })
    }

    /// One answer: its status code and JSON body (`Value::Null` if none).
    fn answer(
        r: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<(u16, Value), SyncError> {
        let mut r = r.map_err(|e| SyncError::Unreachable(Net::of(e)))?;
        let code = r.status().as_u16();
        let text = r
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER)
            .read_to_string()
            .map_err(|e| SyncError::Unreachable(Net::of(e)))?;
        // Every answer of the office's server is a JSON object with a
        // status word: anything else (a web server's page, a captive
        // portal) is not the office, whatever its status code says.
        match serde_json::from_str::<Value>(&text) {
            Ok(body) if body["status"].is_string() => Ok((code, body)),
            _ => Err(SyncError::Unreachable(Net::Garbled)),
        }
    }

    /// What the office holds from `point`: entries and head hash.
    pub fn head(&self, point: &str) -> Result<(u64, Option<String>), SyncError> {
        let (code, body) = Self::answer(
            self.agent
                .get(format!("{}/v1/points/{point}/head", self.base))
                .call(),
        )?;
        let message = || body["message"].as_str().unwrap_or_default().to_string();
        let said = || OfficeSaid::of(&body);
        let status = body["status"].as_str().unwrap_or_default();
        match code {
            200 if status == "known" && body["point"] == point => {
                let head = match &body["head"] {
                    Value::Null => None,
                    Value::String(h)
                        if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) =>
                    {
                        Some(h.clone())
                    }
                    _ => return Err(SyncError::Unreachable(Net::Garbled)),
                };
                let entries = body["entries"]
                    .as_u64()
                    .ok_or(SyncError::Unreachable(Net::Garbled))?;
                Ok((entries, head))
            }
            404 if status == "unknown_point" => Err(SyncError::Unknown { said: said() }),
            200 | 404 => Err(SyncError::Unreachable(Net::Garbled)),
            500.. => Err(SyncError::Office {
                code,
                message: message(),
            }),
            _ => Err(SyncError::Refused {
                code,
                status: body["status"].as_str().unwrap_or_default().to_string(),
                said: said(),
            }),
        }
    }

    /// Posts a delta (or a bundle): the code, status word and body.
    pub fn post(&self, bytes: &[u8]) -> Result<(u16, Value), SyncError> {
        Self::answer(
            self.agent
                .post(format!("{}/v1/bundles", self.base))
                .header("content-type", "application/octet-stream")
                .send(bytes),
        )
    }
}

/// One sync of the store with the office at its address: what the office
/// holds, then the rest as a delta. The store needs a logged-in operator
/// (their PIN unlocks the journal key the delta is signed with).
pub fn sync_once(store: &mut Store) -> Result<Synced, SyncError> {
    let central = store.central_url()?.ok_or(SyncError::NoUrl)?;
    let client = Client::new(&central)?;
    sync_with(store, &client)
}

/// [`sync_once`] with a client already made (the kiosk keeps one).
pub fn sync_with(store: &mut Store, client: &Client) -> Result<Synced, SyncError> {
    let point = store.point().id.clone();
    // A gap (the office lost what it had told us, or another sync was
    // stored in between) is followed by one more look at the office's head.
    for _ in 0..2 {
        let (entries, head) = client.head(&point)?;
        match store.position(entries, head.as_deref())? {
            Some(Position::UpToDate { entries, cards }) => {
                return Ok(Synced::UpToDate { entries, cards });
            }
            Some(other) => return Err(SyncError::Diverged(other)),
            None => {}
        }
        let delta = store.delta(entries)?;
        let (code, body) = client.post(&delta.sealed.tar)?;
        let status = body["status"].as_str().unwrap_or_default().to_string();
        let message = body["message"].as_str().unwrap_or_default().to_string();
        let held = delta.sealed.manifest.journal.entries;
        let ours = body["point"].as_str() == Some(point.as_str());
        match code {
            201 if status == "stored" && ours => {
                let added = body["added"].as_u64().unwrap_or(delta.entries);
                tracing::info!(added, entries = held, "synced with the office");
                return Ok(Synced::Sent {
                    added,
                    entries: held,
                    cards: delta.cards,
                });
            }
            200 if status == "already_known" => {
                return Ok(Synced::UpToDate {
                    entries: held,
                    cards: delta.cards,
                });
            }
            200 | 201 => return Err(SyncError::Unreachable(Net::Garbled)),
            409 if status == "gap" => continue,
            403 => {
                return Err(SyncError::Unknown {
                    said: OfficeSaid::of(&body),
                });
            }
            500.. => return Err(SyncError::Office { code, message }),
            _ => {
                return Err(SyncError::Refused {
                    code,
                    status,
                    said: OfficeSaid::of(&body),
                });
            }
        }
    }
    Err(SyncError::Moving)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_http_clients_own_words_are_said_inside_a_sentence_of_the_language() {
        let e = Net::Other("Peer sent\u{1b}[2J nonsense".into());
        let pl = e.words(Lang::Pl);
        assert!(
            pl.starts_with("połączenie z biurem nie powiodło się"),
            "{pl}"
        );
        assert!(pl.contains("nic nie uznano za wysłane"), "{pl}");
        assert!(!pl.contains('\u{1b}'), "a control character shown: {pl:?}");
        let uk = e.words(Lang::Uk);
        assert!(uk.starts_with("не вдалося з’єднатися з бюро"), "{uk}");
        let en = e.words(Lang::En);
        assert!(
            en.starts_with("the connection to the office failed"),
            "{en}"
        );
    }
}
