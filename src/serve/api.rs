//! The server's answers: thin handlers that read a request, call what the
//! command line calls (the import, the point's head, the roll) on a
//! blocking thread, and turn the outcome into a status code and a JSON
//! body `{status, message, …}` in the server's language.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt;
use serde_json::{Value, json};

use super::{BODY_TOTAL_TIMEOUT, Shared};
use crate::bundle::VerifyError;
use crate::i18n::{ENTRY, Lang, count};
use crate::tally::store::{Imported, Rejection, Tally, TallyError};
use crate::tr;

pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(status_page))
        .route("/v1/bundles", post(upload))
        .route("/v1/points/{id}/head", get(point_head))
        .fallback(not_found)
        .with_state(shared)
}

/// A JSON answer: `status` a word a client can act on, `message` a sentence
/// for a person, and whatever else the answer carries.
fn answer(code: StatusCode, status: &str, message: String, extra: Value) -> Response {
    let mut body = json!({ "status": status, "message": message });
    if let (Some(body), Value::Object(extra)) = (body.as_object_mut(), extra) {
        body.extend(extra);
    }
    tracing::info!(code = code.as_u16(), status, "answered");
    (
        code,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body.to_string() + "\n",
    )
        .into_response()
}

fn lock(m: &Mutex<Tally>) -> MutexGuard<'_, Tally> {
    // An import that panicked was rolled back as it unwound: the store is
    // as it was, and the connection can go on.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs store work on a blocking thread; a failure of the store itself is
/// a 500 that says what failed.
async fn blocking<T: Send + 'static>(
    lang: Lang,
    work: impl FnOnce() -> Result<T, TallyError> + Send + 'static,
) -> Result<T, Response> {
    let failed = |message: String| {
        tracing::error!("the office's store failed");
        answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            "store_failed",
            message,
            Value::Null,
        )
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(failed(e.describe(lang))),
        Err(_) => Err(failed(tr!(lang, "cli-serve-internal-error"))),
    }
}

async fn not_found(State(s): State<Arc<Shared>>) -> Response {
    answer(
        StatusCode::NOT_FOUND,
        "not_found",
        tr!(s.lang, "cli-serve-not-found"),
        Value::Null,
    )
}

async fn point_head(State(s): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let lang = s.lang;
    let unknown = || {
        answer(
            StatusCode::NOT_FOUND,
            "unknown_point",
            tr!(lang, "cli-serve-unknown-point"),
            Value::Null,
        )
    };
    if !crate::store::valid_point_id(&id) {
        return unknown();
    }
    let shared = s.clone();
    let asked = id.clone();
    match blocking(lang, move || lock(&shared.reader).point_head(&asked)).await {
        Err(r) => r,
        Ok(None) => unknown(),
        Ok(Some((entries, head))) => answer(
            StatusCode::OK,
            "known",
            tr!(
                lang,
                "cli-serve-point-head",
                point = id.as_str(),
                entries = count(lang, entries, &ENTRY)
            ),
            json!({ "point": id, "entries": entries, "head": head }),
        ),
    }
}

async fn status_page(State(s): State<Arc<Shared>>) -> Response {
    let shared = s.clone();
    let lang = s.lang;
    let read = blocking(lang, move || {
        let tally = lock(&shared.reader);
        Ok((
            tally.sync_roll()?,
            tally.refused_elsewhere()?,
            tally.edition().name.clone(),
        ))
    })
    .await;
    match read {
        Err(r) => r,
        Ok((roll, elsewhere, edition)) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                // As of this load: a reload asks again.
                (header::CACHE_CONTROL, "no-store"),
            ],
            super::page::html(lang, &edition, &roll, elsewhere),
        )
            .into_response(),
    }
}

/// Why a body was not read whole.
enum Cut {
    TooLarge(u64),
    Slow,
    Broken,
}

/// The body, at most `max` bytes, each piece within `idle` of the last and
/// the whole within [`BODY_TOTAL_TIMEOUT`].
async fn read_body(body: &mut Body, max: u64, idle: Duration) -> Result<Vec<u8>, Cut> {
    let mut bytes = Vec::new();
    let whole = async {
        loop {
            match tokio::time::timeout(idle, body.frame()).await {
                Err(_) => return Err(Cut::Slow),
                Ok(None) => return Ok(()),
                Ok(Some(Err(_))) => return Err(Cut::Broken),
                Ok(Some(Ok(frame))) => {
                    if let Some(data) = frame.data_ref() {
                        let size = bytes.len() as u64 + data.len() as u64;
                        if size > max {
                            return Err(Cut::TooLarge(size));
                        }
                        bytes.extend_from_slice(data);
                    }
                }
            }
        }
    };
    match tokio::time::timeout(BODY_TOTAL_TIMEOUT, whole).await {
        Err(_) => Err(Cut::Slow),
        Ok(Err(cut)) => Err(cut),
        Ok(Ok(())) => Ok(bytes),
    }
}

/// Reads and drops up to 1 MiB more of a refused body, so that closing the
/// connection does not reset it before the client has read the answer.
async fn linger(mut body: Body, idle: Duration) {
    let mut left: usize = 1 << 20;
    while left > 0 {
        match tokio::time::timeout(idle, body.frame()).await {
            Ok(Some(Ok(frame))) => {
                let n = frame.data_ref().map_or(0, |d| d.len());
                left = left.saturating_sub(n.max(1));
            }
            _ => return,
        }
    }
}

/// The answer, with the connection closed after it.
fn closing(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CONNECTION,
        header::HeaderValue::from_static("close"),
    );
    r
}

/// An upload refused before it was read as a bundle: logged in the import
/// log like any other attempt, then answered.
async fn refuse_unread(
    s: &Arc<Shared>,
    code: StatusCode,
    status: &str,
    why: Rejection,
) -> Response {
    let lang = s.lang;
    let message = tr!(lang, "cli-serve-bundle-refused", why = why.text(lang));
    let said = why.said();
    let shared = s.clone();
    if let Err(r) = blocking(lang, move || {
        lock(&shared.writer).log_refused("http:", "", &why)
    })
    .await
    {
        return r;
    }
    answer(
        code,
        status,
        message,
        json!({ "code": said.code, "args": said.args }),
    )
}

fn too_large(s: &Shared, size: u64) -> Rejection {
    Rejection::Bundle(VerifyError::InputTooLarge {
        size,
        limit: s.max_body,
    })
}

async fn upload(State(s): State<Arc<Shared>>, req: Request) -> Response {
    let lang = s.lang;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(size) = declared.filter(|&n| n > s.max_body) {
        tracing::info!(size, limit = s.max_body, "upload larger than --max-body");
        let r = refuse_unread(
            &s,
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            too_large(&s, size),
        )
        .await;
        linger(req.into_body(), s.read_timeout).await;
        return closing(r);
    }
    // Large bodies read at once are bounded: what uploads hold in memory
    // is. A small one (a delta of a few cards, with its declared length)
    // needs no slot, so slow large uploads cannot hold up the syncs:
    // connections × SMALL_BODY is bounded too.
    let small = declared.is_some_and(|n| n <= crate::serve::SMALL_BODY);
    let permit = if small {
        None
    } else {
        Some(s.uploads.acquire().await)
    };
    let Ok(_permit) = permit.transpose() else {
        return answer(
            StatusCode::SERVICE_UNAVAILABLE,
            "stopping",
            tr!(lang, "cli-serve-stopping"),
            Value::Null,
        );
    };
    let mut body = req.into_body();
    let read = read_body(&mut body, s.max_body, s.read_timeout).await;
    let body = match read {
        Ok(b) => b,
        Err(Cut::TooLarge(read)) => {
            // Its whole size is not known: only that it passed the limit.
            let r = refuse_unread(
                &s,
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                Rejection::Bundle(VerifyError::BodyTooLarge {
                    read,
                    limit: s.max_body,
                }),
            )
            .await;
            linger(body, s.read_timeout).await;
            return closing(r);
        }
        Err(cut) => {
            let (code, status, kind) = match cut {
                Cut::Slow => (
                    StatusCode::REQUEST_TIMEOUT,
                    "too_slow",
                    std::io::ErrorKind::TimedOut,
                ),
                _ => (
                    StatusCode::BAD_REQUEST,
                    "malformed",
                    std::io::ErrorKind::UnexpectedEof,
                ),
            };
            let why = Rejection::Bundle(VerifyError::unreadable(&std::io::Error::from(kind)));
            return refuse_unread(&s, code, status, why).await;
        }
    };
    let name = crate::bundle::implied_file_name(&body)
        .map(|n| crate::shown::escape_controls(&n))
        .unwrap_or_default();
    let source = format!("http:{name}");
    let shared = s.clone();
    let outcome = blocking(lang, move || {
        lock(&shared.writer).import_bytes(&body, &source)
    })
    .await;
    match outcome {
        Err(r) => r,
        Ok(Ok(Imported::Added { point, entries })) => answer(
            StatusCode::CREATED,
            "stored",
            tr!(
                lang,
                "cli-serve-bundle-stored",
                point = point.as_str(),
                entries = entries
            ),
            json!({ "point": point, "added": entries }),
        ),
        Ok(Ok(_)) => answer(
            StatusCode::OK,
            "already_known",
            tr!(lang, "cli-serve-bundle-known"),
            Value::Null,
        ),
        Ok(Err(r)) => refused(&s, r).await,
    }
}

/// A bundle the import refused (already in the import log): its code.
async fn refused(s: &Arc<Shared>, r: Rejection) -> Response {
    let lang = s.lang;
    let message = tr!(lang, "cli-serve-bundle-refused", why = r.text(lang));
    // The refusal's code and arguments beside the sentence, so that a
    // kiosk can say it in its own language (`crate::bundle::words`).
    let said = r.said();
    let (code, args) = (said.code, said.args);
    match r {
        Rejection::Fork {
            point,
            seq,
            ours,
            theirs,
        } => {
            let shared = s.clone();
            let asked = point.clone();
            let held = blocking(lang, move || lock(&shared.reader).point_head(&asked))
                .await
                .ok()
                .flatten();
            let (entries, head) = held.unwrap_or((0, None));
            answer(
                StatusCode::CONFLICT,
                "fork",
                message,
                json!({
                    "code": code,
                    "args": args,
                    "point": point,
                    "entry": seq,
                    "office_hash": ours,
                    "bundle_hash": theirs,
                    "office_head": { "entries": entries, "head": head },
                }),
            )
        }
        Rejection::Gap { point, have, from } => answer(
            StatusCode::CONFLICT,
            "gap",
            message,
            json!({
                "code": code,
                "args": args,
                "point": point,
                "from": from,
                "office_head": { "entries": have },
            }),
        ),
        Rejection::UnknownKiosk { .. } | Rejection::NotTheTrustedKey { .. } => answer(
            StatusCode::FORBIDDEN,
            "unknown_kiosk",
            message,
            json!({ "code": code, "args": args }),
        ),
        Rejection::Internal => answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            message,
            json!({ "code": code, "args": args }),
        ),
        _ => answer(
            StatusCode::BAD_REQUEST,
            "malformed",
            message,
            json!({ "code": code, "args": args }),
        ),
    }
}
