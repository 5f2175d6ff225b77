//! TLS with a certificate made here: trusted where it is given, a CA's
//! certificate as the server's own refused.

use super::*;

/// The office's server over TLS with this certificate and key, and its
/// address as `https://localhost:PORT`.
fn serve_tls(tally: &Path, lang: &str, cert: &Path, key: &Path) -> (support::Server, String) {
    let server = serve(
        tally,
        lang,
        &[
            "--tls-cert",
            cert.to_str().expect("utf-8"),
            "--tls-key",
            key.to_str().expect("utf-8"),
        ],
    );
    let port = server.addr.rsplit(':').next().expect("port").to_string();
    (server, format!("https://localhost:{port}"))
}

#[test]
fn a_sync_over_tls_trusts_the_certificate_it_was_given() {
    let o = office();
    let k = o.init_kiosk("P1");
    o.trust(&k, "P1");
    enter(&k, &rows("a", 1, 2));
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    let cert = o.root.join("server.crt");
    let key = o.root.join("server.key");
    std::fs::write(&cert, made.cert.pem()).expect("cert");
    std::fs::write(&key, made.signing_key.serialize_pem()).expect("key");
    let (_server, url) = serve_tls(&o.tally, "en", &cert, &key);
    // Without the certificate, the public roots do not know it: nothing sent.
    set_url(&k, &url, 10, &[]);
    let (code, said) = sync(&k);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("the office cannot be reached"), "{said}");
    assert_eq!(office_head(&o.tally, "P1").0, 0);
    // With it.
    set_url(&k, &url, 10, &["--ca", cert.to_str().expect("utf-8")]);
    let (code, said) = sync(&k);
    assert_eq!(code, 0, "{said}");
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
}

/// A certificate authority's certificate, as `openssl req -x509` makes by
/// default, for `names`; and its key.
fn ca_certificate(names: &[&str]) -> (rcgen::CertificateParams, rcgen::KeyPair, String) {
    let mut params =
        rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
            .expect("params");
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let key = rcgen::KeyPair::generate().expect("key");
    let pem = params.self_signed(&key).expect("self-signed").pem();
    (params, key, pem)
}

#[test]
fn a_ca_certificate_as_the_servers_own_is_refused_where_it_is_set() {
    let o = office();
    let k = o.init_kiosk("P1");
    o.trust(&k, "P1");
    enter(&k, &rows("a", 1, 2));
    // The office's certificate made the openssl way: CA:TRUE, for localhost.
    let (_, ca_key, ca_pem) = ca_certificate(&["localhost"]);
    let cert = o.root.join("office.pem");
    let key = o.root.join("office.key");
    std::fs::write(&cert, &ca_pem).expect("cert");
    std::fs::write(&key, ca_key.serialize_pem()).expect("key");
    // The server refuses to serve it, and says how to make one that works.
    let out = urna_pl(&o.tally)
        .args(["tally", "serve", "--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&cert)
        .arg("--tls-key")
        .arg(&key)
        .output()
        .expect("serve");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("CA:TRUE"), "{said}");
    assert!(
        said.contains("basicConstraints=critical,CA:FALSE"),
        "{said}"
    );
    // The kiosk refuses to pin it for that host, with the same advice.
    let (code, said) = set_url_pl(
        &k,
        &[
            "https://localhost:8443",
            "--ca",
            cert.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("CA:TRUE"), "{said}");
    assert!(!said.contains("CaUsedAsEndEntity"), "{said}");

    // A real authority (no name of the host) signs the server's certificate:
    // the kiosk pins the authority, the server serves its certificate.
    let (ca_params, ca_key, ca_pem) = ca_certificate(&[]);
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let leaf_key = rcgen::KeyPair::generate().expect("key");
    let leaf = rcgen::CertificateParams::new(vec!["localhost".to_string()])
        .expect("params")
        .signed_by(&leaf_key, &issuer)
        .expect("signed");
    std::fs::write(&cert, leaf.pem()).expect("cert");
    std::fs::write(&key, leaf_key.serialize_pem()).expect("key");
    let authority = o.root.join("authority.pem");
    std::fs::write(&authority, &ca_pem).expect("ca");
    let (_server, url) = serve_tls(&o.tally, "pl", &cert, &key);
    let (code, said) = set_url_pl(&k, &[&url, "--ca", authority.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{said}");
    let (code, said) = sync_pl(&k);
    assert_eq!(code, 0, "{said}");
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
    // Trusting another authority: the refusal in words, not rustls's.
    let (_, _, stranger) = ca_certificate(&[]);
    std::fs::write(&authority, stranger).expect("ca");
    enter(&k, &rows("b", 10, 1));
    let (code, said) = set_url_pl(&k, &[&url, "--ca", authority.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{said}");
    let (code, said) = sync_pl(&k);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("nie jest podpisany przez certyfikat, któremu ufa ten kiosk"),
        "{said}"
    );
}
