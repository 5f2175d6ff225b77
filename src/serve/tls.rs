//! The server's certificate and key, PEM files, for rustls (on ring).

use std::path::Path;
use std::sync::Arc;

use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};

use super::ServeError;
use crate::i18n::Lang;
use crate::tr;

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
    let bad =
        |path: &Path, what: String| ServeError(format!("{}: {what}", crate::shown::path(path)));
    let cert_pem = read(lang, cert)?;
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|_| bad(cert, tr!(lang, "cli-serve-tls-unreadable-certificate")))?;
    if chain.is_empty() {
        return Err(bad(cert, tr!(lang, "cli-serve-tls-no-certificate")));
    }
    if let Err(p) = crate::foreign::tls::check_served(&chain) {
        return Err(ServeError(format!(
            "{}: {}",
            crate::shown::path(cert),
            p.words(lang)
        )));
    }
    let key_pem = read(lang, key)?;
    let private = PrivateKeyDer::from_pem_slice(&key_pem)
        .map_err(|_| bad(key, tr!(lang, "cli-serve-tls-no-key")))?;
    let config =
        ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| ServeError(e.to_string()))?
            .with_no_client_auth()
            .with_single_cert(chain, private)
            .map_err(|_| bad(key, tr!(lang, "cli-serve-tls-key-mismatch")))?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}
