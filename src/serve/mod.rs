//! `urna tally serve`: the office's sync server. Kiosks with a network post
//! the same signed bundles they write to a stick; the server hands each to
//! the same import `urna tally import` runs ([`crate::tally::store::Tally`]),
//! one at a time, and answers what came of it. It listens only where it is
//! told, speaks HTTP/1.1 (TLS with rustls when given a certificate), and
//! bounds what a client can make it hold: the time to send headers and each
//! piece of a body, the size of a body, and how many bodies are read at once.
//!
//! [`api`] answers the requests, [`page`] is the status page and [`tls`]
//! reads the certificate; this file accepts connections.

mod api;
mod page;
mod tls;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};

use crate::i18n::Lang;
use crate::tally::store::{Tally, TallyError};
use crate::tr;

/// The largest body taken by default: 64 MiB, a point's cumulative journal
/// of more than 50,000 cards.
pub const DEFAULT_MAX_BODY: u64 = 64 << 20;
/// How long a client may take to send its headers, and to send each piece
/// of a body, by default.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest a whole body may take to arrive, however steadily it comes.
pub const BODY_TOTAL_TIMEOUT: Duration = Duration::from_secs(600);
/// Bodies read at once: with the body limit, what uploads can hold in memory.
pub const UPLOADS_AT_ONCE: usize = 4;
/// Connections served at once; more wait to be accepted.
pub const CONNECTIONS_AT_ONCE: usize = 256;
/// A body this small (by its `Content-Length`) is read without one of the
/// `UPLOADS_AT_ONCE` slots, so slow large uploads cannot hold up the syncs
/// (a delta of a few cards is a few KiB); the connections' limit bounds
/// what such bodies hold: 256 × 256 KiB = 64 MiB.
pub const SMALL_BODY: u64 = 256 * 1024;

/// What `urna tally serve` was told.
pub struct Config {
    pub dir: PathBuf,
    pub listen: String,
    pub tls: Option<(PathBuf, PathBuf)>,
    pub max_body: u64,
    pub read_timeout: Duration,
    pub lang: Lang,
}

/// Why the server could not start (or stopped): in the user's language.
#[derive(Debug)]
pub struct ServeError(pub String);

/// What every request can reach: the store (one connection that imports,
/// one that reads, so the page and heads are not held up by an import) and
/// the limits.
pub(crate) struct Shared {
    pub writer: Mutex<Tally>,
    pub reader: Mutex<Tally>,
    pub lang: Lang,
    pub max_body: u64,
    pub read_timeout: Duration,
    pub uploads: tokio::sync::Semaphore,
}

/// Opens the store, binds, calls `bound` with the address it listens on,
/// and serves until the process ends.
pub fn run(config: Config, bound: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let lang = config.lang;
    let store = |e: TallyError| ServeError(e.describe(lang));
    let shared = Arc::new(Shared {
        writer: Mutex::new(Tally::open(&config.dir).map_err(store)?),
        reader: Mutex::new(Tally::open(&config.dir).map_err(store)?),
        lang,
        max_body: config.max_body,
        read_timeout: config.read_timeout,
        uploads: tokio::sync::Semaphore::new(UPLOADS_AT_ONCE),
    });
    let acceptor = match &config.tls {
        Some((cert, key)) => Some(tls::acceptor(lang, cert, key)?),
        None => None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| ServeError(crate::foreign::io_error(lang, &e)))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&config.listen)
            .await
            .map_err(|e| {
                ServeError(tr!(
                    lang,
                    "cli-serve-cannot-listen",
                    listen = crate::shown::escape_controls(&config.listen),
                    error = crate::foreign::io_error(lang, &e)
                ))
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| ServeError(crate::foreign::io_error(lang, &e)))?;
        tracing::info!(%addr, tls = acceptor.is_some(), "sync server listening");
        bound(addr);
        let app = api::router(shared.clone());
        let slots = Arc::new(tokio::sync::Semaphore::new(CONNECTIONS_AT_ONCE));
        loop {
            let Ok(slot) = slots.clone().acquire_owned().await else {
                return Ok(());
            };
            let (tcp, _) = match listener.accept().await {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: wait, go on.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let app = app.clone();
            let acceptor = acceptor.clone();
            let timeout = shared.read_timeout;
            tokio::spawn(async move {
                let _slot = slot;
                match acceptor {
                    None => serve_connection(tcp, app, timeout).await,
                    Some(acceptor) => {
                        match tokio::time::timeout(timeout, acceptor.accept(tcp)).await {
                            Ok(Ok(stream)) => serve_connection(stream, app, timeout).await,
                            Ok(Err(e)) => tracing::info!(error = %e, "TLS handshake refused"),
                            Err(_) => tracing::info!("TLS handshake timed out"),
                        }
                    }
                }
            });
        }
    })
}

/// One connection: HTTP/1.1 with keep-alive; headers must arrive within
/// `timeout`. A request hyper cannot parse is answered 400 by hyper and
/// the connection closed; either way the log says so, with nothing of
/// the request's content.
async fn serve_connection<S>(stream: S, app: axum::Router, timeout: Duration)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = hyper_util::service::TowerToHyperService::new(app);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(timeout)
        .max_buf_size(64 * 1024);
    if let Err(e) = http.serve_connection(TokioIo::new(stream), service).await {
        let kind = if e.is_parse() || e.is_parse_status() {
            "malformed request"
        } else if e.is_timeout() {
            "client too slow"
        } else if e.is_incomplete_message() {
            "connection closed mid-request"
        } else {
            "connection error"
        };
        tracing::info!(kind, "request refused");
    }
}
