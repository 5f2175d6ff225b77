//! The sync server under test: the real binary (`urna tally serve` on
//! 127.0.0.1, port 0) and a small HTTP/1.1 client over a plain or TLS
//! stream, enough to post a bundle and read the answer.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `urna tally serve`; killed (SIGKILL) when dropped.
pub struct Server {
    pub child: Child,
    /// host:port it listens on.
    pub addr: String,
}

/// Starts the server over the tally store in `tally`, in `lang`, with
/// these extra arguments, and waits for the address it prints first.
pub fn serve(tally: &Path, lang: &str, extra: &[&str]) -> Server {
    serve_at(tally, lang, "127.0.0.1:0", extra)
}

/// [`serve`] on a given address (a server started again where it was).
pub fn serve_at(tally: &Path, lang: &str, listen: &str, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .args(["--lang", lang, "--data-dir"])
        .arg(tally)
        .args(["tally", "serve", "--listen", listen])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start urna tally serve");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the first line");
    let addr = line
        .split_whitespace()
        .next()
        .and_then(|u| u.split("://").nth(1))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

impl Server {
    /// Kills the server at once (SIGKILL: nothing of it runs on).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// An answer: the status code, the header lines, the body.
#[derive(Debug)]
pub struct Answer {
    pub code: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The request's bytes: `Connection: close`, and the body with its length.
pub fn request_bytes(method: &str, path: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "{method} {path} HTTP/1.1\r\nHost: urna.test\r\nConnection: close\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// Reads an answer to its end (the server closes after it).
pub fn read_answer(stream: &mut impl Read) -> Answer {
    let mut all = Vec::new();
    let _ = stream.read_to_end(&mut all);
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(&all)));
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    Answer {
        code,
        head,
        body: all[split + 4..].to_vec(),
    }
}

/// Sends one request over `stream` and reads its answer.
pub fn exchange(mut stream: impl Read + Write, method: &str, path: &str, body: &[u8]) -> Answer {
    stream
        .write_all(&request_bytes(method, path, body))
        .expect("send");
    stream.flush().expect("flush");
    read_answer(&mut stream)
}

/// One plain HTTP request to `addr`.
pub fn http(addr: &str, method: &str, path: &str, body: &[u8]) -> Answer {
    let stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .expect("timeout");
    exchange(stream, method, path, body)
}
