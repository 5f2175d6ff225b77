//! Certificates for the sync's TLS, said in the user's language: what is
//! wrong with the certificate an office serves or a kiosk pins, found when
//! it is set (`urna tally serve --tls-cert`, `urna central url --ca`)
//! rather than at the first sync, and what rustls reports during one.

use std::sync::Arc;

use tokio_rustls::rustls::client::WebPkiServerVerifier;
use tokio_rustls::rustls::client::danger::ServerCertVerifier;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use tokio_rustls::rustls::server::ParsedCertificate;
use tokio_rustls::rustls::{self, CertificateError, RootCertStore};

use crate::i18n::Lang;
use crate::tr;

/// How to make a certificate a kiosk accepts, for the messages below.
pub const MAKE_CERT: &str = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 400 -keyout office.key -out office.pem -subj /CN=HOST -addext subjectAltName=DNS:HOST -addext basicConstraints=critical,CA:FALSE";

/// What is wrong with a server's certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertProblem {
    /// The certificate is a CA's (`basicConstraints CA:TRUE`), which TLS
    /// clients refuse as a server's own (openssl's `req -x509` default).
    CaAsServer,
    /// Not signed by the certificate the kiosk trusts (or a public root).
    UnknownIssuer,
    /// Issued for other names than the address's host.
    NotForName,
    Expired,
    NotYetValid,
    /// Not a readable certificate.
    Unreadable,
    /// Revoked, or its revocation status cannot be known.
    Revoked,
    /// Not made for a TLS server (its extended key usage).
    NotForServers,
    /// Made with an algorithm or a critical extension this kiosk does not
    /// know.
    Unsupported,
    /// Another refusal (a rustls code, not a sentence: an OCSP answer, an
    /// application's own check), labelled as rustls's.
    Other(String),
}

impl CertProblem {
    /// The problem rustls reported, if it is about the certificate.
    // `UnsupportedSignatureAlgorithm` is deprecated for its `…Context`
    // form, and still matched: an older path may make it.
    #[allow(deprecated)]
    pub fn from_rustls(e: &rustls::Error) -> Option<CertProblem> {
        let rustls::Error::InvalidCertificate(c) = e else {
            return None;
        };
        Some(match c {
            // A bad signature is an issuer of the same name that did not
            // sign it: to the user, not signed by the one trusted.
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                CertProblem::UnknownIssuer
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                CertProblem::NotForName
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                CertProblem::Expired
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                CertProblem::NotYetValid
            }
            CertificateError::BadEncoding => CertProblem::Unreadable,
            CertificateError::Revoked
            | CertificateError::UnknownRevocationStatus
            | CertificateError::ExpiredRevocationList
            | CertificateError::ExpiredRevocationListContext { .. } => CertProblem::Revoked,
            CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
                CertProblem::NotForServers
            }
            CertificateError::UnhandledCriticalExtension
            | CertificateError::UnsupportedSignatureAlgorithm
            | CertificateError::UnsupportedSignatureAlgorithmContext { .. }
            | CertificateError::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
                CertProblem::Unsupported
            }
            // webpki's CaUsedAsEndEntity reaches rustls as an "other" error,
            // which has no type of its own to match.
            other if format!("{other:?}").contains("CaUsedAsEndEntity") => CertProblem::CaAsServer,
            other => CertProblem::Other(format!("{other:?}")),
        })
    }

    pub fn words(&self, lang: Lang) -> String {
        match self {
            CertProblem::CaAsServer => tr!(lang, "error-tls-ca-as-server", command = MAKE_CERT),
            CertProblem::UnknownIssuer => tr!(lang, "error-tls-unknown-issuer"),
            CertProblem::NotForName => tr!(lang, "error-tls-not-for-name"),
            CertProblem::Expired => tr!(lang, "error-tls-expired"),
            CertProblem::NotYetValid => tr!(lang, "error-tls-not-yet-valid"),
            CertProblem::Unreadable => tr!(lang, "error-tls-unreadable"),
            CertProblem::Revoked => tr!(lang, "error-tls-revoked"),
            CertProblem::NotForServers => {
                tr!(lang, "error-tls-not-for-servers", command = MAKE_CERT)
            }
            CertProblem::Unsupported => tr!(lang, "error-tls-unsupported", command = MAKE_CERT),
            CertProblem::Other(why) => tr!(
                lang,
                "error-tls-other",
                why = crate::shown::escape_controls(why)
            ),
        }
    }
}

/// The certificates in a PEM text (none if it holds none or is unreadable).
pub fn pem_certificates(pem: &[u8]) -> Vec<CertificateDer<'static>> {
    CertificateDer::pem_slice_iter(pem)
        .filter_map(Result::ok)
        .collect()
}

/// Verifies `leaf` as a server's certificate for `name`, trusting `roots`.
fn verify(
    leaf: &CertificateDer<'_>,
    roots: &[CertificateDer<'static>],
    name: &ServerName<'_>,
) -> Result<(), CertProblem> {
    let mut store = RootCertStore::empty();
    for root in roots {
        // A certificate webpki cannot take as a root is simply not one.
        let _ = store.add(root.clone());
    }
    if store.is_empty() {
        return Err(CertProblem::UnknownIssuer);
    }
    let verifier = WebPkiServerVerifier::builder_with_provider(
        Arc::new(store),
        Arc::new(rustls::crypto::ring::default_provider()),
    )
    .build()
    .map_err(|e| CertProblem::Other(format!("{e:?}")))?;
    verifier
        .verify_server_cert(leaf, &[], name, &[], UnixTime::now())
        .map(|_| ())
        .map_err(|e| CertProblem::from_rustls(&e).unwrap_or(CertProblem::Other(format!("{e:?}"))))
}

/// A certificate the office serves: refused if it is self-signed and a
/// CA's, or out of its dates — every kiosk would refuse it at its first
/// sync. (A certificate signed by another is left to that CA's kiosks.)
pub fn check_served(chain: &[CertificateDer<'static>]) -> Result<(), CertProblem> {
    let Some(leaf) = chain.first() else {
        return Err(CertProblem::Unreadable);
    };
    let name = ServerName::try_from("urna.invalid").map_err(|_| CertProblem::Unreadable)?;
    match verify(leaf, std::slice::from_ref(leaf), &name) {
        Ok(()) | Err(CertProblem::NotForName) | Err(CertProblem::UnknownIssuer) => Ok(()),
        Err(CertProblem::Other(_)) => Ok(()),
        Err(p) => Err(p),
    }
}

/// A certificate a kiosk is told to trust for `host`: when it names that
/// host it is the server's own, and must be one a TLS client accepts as
/// such; otherwise it is taken as the CA that signs the server's.
pub fn check_pinned(certs: &[CertificateDer<'static>], host: &str) -> Result<(), CertProblem> {
    let Some(leaf) = certs.first() else {
        return Err(CertProblem::Unreadable);
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let name = ServerName::try_from(host.to_string()).map_err(|_| CertProblem::NotForName)?;
    let parsed = ParsedCertificate::try_from(leaf).map_err(|_| CertProblem::Unreadable)?;
    if rustls::client::verify_server_name(&parsed, &name).is_err() {
        return Ok(());
    }
    match verify(leaf, certs, &name) {
        Ok(()) | Err(CertProblem::UnknownIssuer) => Ok(()),
        Err(p) => Err(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(e: CertificateError, lang: Lang) -> String {
        let problem = CertProblem::from_rustls(&rustls::Error::InvalidCertificate(e))
            .expect("a certificate's problem");
        problem.words(lang)
    }

    #[test]
    fn every_refusal_of_a_certificate_is_said_in_the_users_language() {
        let cases = [
            (CertificateError::Revoked, "error-tls-revoked"),
            (
                CertificateError::UnknownRevocationStatus,
                "error-tls-revoked",
            ),
            (
                CertificateError::InvalidPurpose,
                "error-tls-not-for-servers",
            ),
            (
                CertificateError::UnhandledCriticalExtension,
                "error-tls-unsupported",
            ),
            (CertificateError::UnknownIssuer, "error-tls-unknown-issuer"),
            (CertificateError::Expired, "error-tls-expired"),
        ];
        for (e, id) in cases {
            for lang in [Lang::Pl, Lang::En, Lang::Uk] {
                let words = said(e.clone(), lang);
                let want = crate::i18n::lookup(lang, id, &[("command", MAKE_CERT.into())]);
                assert_eq!(words, want, "{e:?} in {lang:?}");
                assert!(!words.contains("rustls"), "{words}");
            }
        }
        // What has no words of its own keeps rustls's code, labelled.
        let other = said(CertificateError::ApplicationVerificationFailure, Lang::Pl);
        assert!(
            other.contains("rustls: ApplicationVerificationFailure"),
            "{other}"
        );
        // And an error that is not about the certificate is not one.
        assert_eq!(CertProblem::from_rustls(&rustls::Error::DecryptError), None);
    }
}
