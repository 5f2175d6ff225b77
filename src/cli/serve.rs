//! `urna tally serve`: the office's sync server over the tally store
//! ([`crate::serve`]). The first line on stdout is the address it listens
//! on (useful with port 0); everything else goes to the log.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::Failure;
use super::out::say;
use crate::i18n::Lang;
use crate::tr;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where to listen, e.g. 127.0.0.1:8443 or 0.0.0.0:8443 (port 0: any
    /// free port; the first line printed says which)
    #[arg(long, value_name = "ADDR")]
    pub listen: String,
    /// The server's certificate chain (PEM); with --tls-key, serves HTTPS
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM)
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// The largest upload taken, in bytes; larger ones are answered 413
    #[arg(long, value_name = "BYTES", default_value_t = crate::serve::DEFAULT_MAX_BODY,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_body: u64,
    /// Seconds a client may take to send its headers, and each piece of a body
    #[arg(long, value_name = "SECONDS", default_value_t = crate::serve::DEFAULT_READ_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub read_timeout: u64,
}

/// Whether `listen` is `HOST:PORT` with a port 0–65535 (a name is looked
/// up when binding).
fn valid_listen(listen: &str) -> bool {
    let Some((host, port)) = listen.rsplit_once(':') else {
        return false;
    };
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    !host.is_empty()
        && !port.is_empty()
        && port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u16>().is_ok()
}

pub fn run(lang: Lang, dir: PathBuf, args: ServeArgs) -> Result<u8, Failure> {
    if !valid_listen(&args.listen) {
        return Err(Failure::usage(tr!(
            lang,
            "cli-serve-bad-listen",
            listen = crate::shown::escape_controls(&args.listen)
        )));
    }
    let tls = match (args.tls_cert, args.tls_key) {
        (Some(c), Some(k)) => Some((c, k)),
        _ => None,
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let config = crate::serve::Config {
        dir,
        listen: args.listen,
        tls,
        max_body: args.max_body,
        read_timeout: Duration::from_secs(args.read_timeout),
        lang,
    };
    crate::serve::run(config, |addr| {
        say!(
            "{}",
            tr!(
                lang,
                "cli-serve-running",
                address = format!("{scheme}://{addr}")
            )
        );
    })
    .map_err(|e| Failure::usage(e.0))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_listen_address_has_a_host_and_a_port() {
        for ok in [
            "127.0.0.1:0",
            "0.0.0.0:8443",
            "[::1]:8080",
            "localhost:65535",
        ] {
            assert!(super::valid_listen(ok), "{ok}");
        }
        for bad in [
            "localhost",
            "127.0.0.1:99999",
            ":8080",
            "127.0.0.1:",
            "[]:80",
            "h:+1",
        ] {
            assert!(!super::valid_listen(bad), "{bad}");
        }
    }
}
