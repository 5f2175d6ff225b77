//! The server's certificate and key, PEM files, for rustls (on ring).

use std::path::Path;
use std::sync::Arc;

use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};

use super::ServeError;
use crate::i18n::{Lang, t};

/// The largest certificate chain or key file read.
const MAX_PEM: u64 = 1 << 20;

fn read(lang: Lang, path: &Path) -> Result<Vec<u8>, ServeError> {
    crate::bundle::read::read_regular(path, MAX_PEM).map_err(|e| {
        ServeError(format!(
            "{}: {}",
            crate::shown::path(path),
            e.said().render(lang)
        ))
    })
}

/// A TLS acceptor for the certificate chain and private key in these files.
pub fn acceptor(lang: Lang, cert: &Path, key: &Path) -> Result<TlsAcceptor, ServeError> {
    let bad = |path: &Path, pl: &str, en: &str| {
        ServeError(format!("{}: {}", crate::shown::path(path), t(lang, pl, en)))
    };
    let cert_pem = read(lang, cert)?;
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|_| {
            bad(
                cert,
                "nieczytelny certyfikat PEM",
                "not a readable PEM certificate",
            )
        })?;
    if chain.is_empty() {
        return Err(bad(
            cert,
            "brak certyfikatu (BEGIN CERTIFICATE) w pliku PEM",
            "no certificate (BEGIN CERTIFICATE) in the PEM file",
        ));
    }
    if let Err(p) = crate::foreign::tls::check_served(&chain) {
        return Err(ServeError(format!(
            "{}: {}",
            crate::shown::path(cert),
            p.words(lang)
        )));
    }
    let key_pem = read(lang, key)?;
    let private = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|_| {
        bad(
            key,
            "brak klucza prywatnego (BEGIN PRIVATE KEY) w pliku PEM",
            "no private key (BEGIN PRIVATE KEY) in the PEM file",
        )
    })?;
    let config =
        ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| ServeError(e.to_string()))?
            .with_no_client_auth()
            .with_single_cert(chain, private)
            .map_err(|_| {
                bad(
                    key,
                    "klucz nie pasuje do certyfikatu albo nie jest obsługiwany",
                    "the key does not match the certificate or is not supported",
                )
            })?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}
