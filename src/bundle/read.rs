//! Reading a bundle from a file nobody vouches for: the tar headers parsed
//! here, byte by byte, so that exactly the shape [`super::seal`] writes is
//! accepted and everything else is refused by name before any of it is
//! believed — above all before a declared size is allocated.
//!
//! A bundle is three POSIX ustar members (`manifest.json`,
//! `manifest.json.minisig`, `journal.jsonl.age`), regular files, in that
//! order, each at most its limit below; then two zero blocks and nothing
//! but zero bytes. The payload is never held: the caller reads it as a
//! stream (hashed here as it passes) and the rest of the archive is checked
//! after it. See `docs/bundle-format.md`, "What a reader accepts".

use std::io::{self, Read};

use sha2::{Digest, Sha256};

use super::{Cut, MANIFEST, PAYLOAD, SIGNATURE, VerifyError};

/// The largest `manifest.json` a bundle may carry (a real one is ~1 KiB).
pub const MAX_MANIFEST: u64 = 64 * 1024;
/// The largest `manifest.json.minisig` (a real one is ~400 bytes).
pub const MAX_SIGNATURE: u64 = 64 * 1024;
/// The largest `journal.jsonl.age`: 1 GiB, about a million journal entries
/// from one point — more cards than Kraków has voters.
pub const MAX_PAYLOAD: u64 = 1 << 30;
/// Zero bytes allowed after the end-of-archive blocks (GNU tar pads to
/// 10 KiB records; 1 MiB allows any blocking factor in use).
pub const MAX_TRAILER: u64 = 1 << 20;
/// The largest file that can be a bundle: three headers, the three members
/// at their limits with padding, the end blocks and the trailer.
pub const MAX_FILE: u64 =
    3 * BLOCK + MAX_MANIFEST + MAX_SIGNATURE + MAX_PAYLOAD + 3 * BLOCK + 2 * BLOCK + MAX_TRAILER;
/// The longest journal line (one entry) the office reads: 1 MiB. A kiosk
/// writes entries of a few KiB; the card's fields have their own limits.
pub const MAX_LINE: usize = 1 << 20;
/// The largest age header the payload may start with (a real one, for one
/// recipient, is ~200 bytes).
pub const MAX_AGE_HEADER: u64 = 64 * 1024;

const BLOCK: u64 = 512;

/// The members, in the order a bundle holds them, with their limits.
const MEMBERS: [(&str, u64); 3] = [
    (MANIFEST, MAX_MANIFEST),
    (SIGNATURE, MAX_SIGNATURE),
    (PAYLOAD, MAX_PAYLOAD),
];

/// A file being read: counts and hashes every byte that passes, so the
/// import log can name the file by its SHA-256 without a second read.
pub struct Source<R> {
    inner: R,
    offset: u64,
    hasher: Sha256,
}

impl<R: Read> Source<R> {
    pub fn new(inner: R) -> Source<R> {
        Source {
            inner,
            offset: 0,
            hasher: Sha256::new(),
        }
    }

    /// Bytes read so far.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Reads (and hashes) the rest of the file, at most `limit` bytes more;
    /// `false` if there was more than that.
    pub fn drain(&mut self, limit: u64) -> io::Result<bool> {
        let copied = io::copy(&mut (&mut *self).take(limit), &mut io::sink())?;
        if copied < limit {
            return Ok(true);
        }
        let mut one = [0u8; 1];
        Ok(self.read(&mut one)? == 0)
    }

    /// SHA-256 of every byte read so far, lowercase hex.
    pub fn sha256_hex(&self) -> String {
        hex::encode(self.hasher.clone().finalize())
    }

    /// Exactly `buf.len()` bytes, or `Ok(false)` at a clean end of file
    /// before the first byte; a file ending inside is an error.
    fn block(&mut self, buf: &mut [u8]) -> Result<bool, VerifyError> {
        let mut got = 0;
        while got < buf.len() {
            match self.read(&mut buf[got..]) {
                Ok(0) if got == 0 => return Ok(false),
                Ok(0) => return Err(VerifyError::Tar(Cut::Block { at: self.offset })),
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(VerifyError::unreadable(&e)),
            }
        }
        Ok(true)
    }

    /// `n` bytes that must all be zero (a member's padding, the trailer).
    fn zeros(&mut self, n: u64) -> Result<(), VerifyError> {
        let mut buf = [0u8; 512];
        let mut left = n;
        while left > 0 {
            let want = left.min(512) as usize;
            let at = self.offset;
            if !self.block(&mut buf[..want])? {
                return Err(VerifyError::Tar(Cut::Padding { at }));
            }
            if let Some(i) = buf[..want].iter().position(|b| *b != 0) {
                return Err(VerifyError::Padding { at: at + i as u64 });
            }
            left -= want as u64;
        }
        Ok(())
    }
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.offset += n as u64;
        Ok(n)
    }
}

/// What a typeflag other than `0` is (a code [`super::words`] names).
fn type_name(flag: u8) -> Option<&'static str> {
    Some(match flag {
        b'0' => return None,
        b'\0' => "old_regular",
        b'1' => "hardlink",
        b'2' => "symlink",
        b'3' => "char_device",
        b'4' => "block_device",
        b'5' => "directory",
        b'6' => "fifo",
        b'7' => "contiguous",
        b'S' => "gnu_sparse",
        b'x' => "pax_header",
        b'g' => "pax_global",
        b'L' => "gnu_longname",
        b'K' => "gnu_longlink",
        b'D' => "gnu_dumpdir",
        b'M' => "gnu_multivolume",
        b'V' => "gnu_volume",
        _ => "unknown_type",
    })
}

/// A header's name field as text, safe to print.
fn shown(raw: &[u8]) -> String {
    let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
    let name = String::from_utf8_lossy(&raw[..end]);
    // The three expected names are not personal; any other name could be.
    if MEMBERS.iter().any(|(n, _)| *n == name) {
        return name.into_owned();
    }
    crate::shown::Shown::new(&name)
        .to_string()
        .chars()
        .take(120)
        .collect()
}

/// An octal field (`0`–`7` digits, then NUL or space padding), or the
/// base-256 form GNU tar uses for sizes over 8 GiB. Saturates at
/// `u64::MAX`; `None` if it is neither.
fn number(field: &[u8]) -> Option<u64> {
    if field.first().is_some_and(|b| b & 0x80 != 0) {
        if field[0] == 0xff {
            return None; // negative
        }
        let mut v: u64 = u64::from(field[0] & 0x7f);
        for b in &field[1..] {
            match v
                .checked_mul(256)
                .and_then(|v| v.checked_add(u64::from(*b)))
            {
                Some(next) => v = next,
                None => return Some(u64::MAX),
            }
        }
        return Some(v);
    }
    let start = field.iter().position(|b| *b != b' ')?;
    let digits = field[start..]
        .iter()
        .take_while(|b| (b'0'..=b'7').contains(b))
        .count();
    if digits == 0 {
        return None;
    }
    if !field[start + digits..]
        .iter()
        .all(|b| *b == 0 || *b == b' ')
    {
        return None;
    }
    let mut v: u64 = 0;
    for b in &field[start..start + digits] {
        v = v.saturating_mul(8).saturating_add(u64::from(b - b'0'));
    }
    Some(v)
}

/// One member's header, checked: a regular ustar file with a plain name.
struct Header {
    name: String,
    size: u64,
}

fn header(block: &[u8; 512], at: u64) -> Result<Header, VerifyError> {
    // The checksum first: a damaged header says nothing trustworthy.
    let stored = number(&block[148..156]).ok_or(VerifyError::HeaderChecksum { at })?;
    let sum: u64 = block
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if (148..156).contains(&i) {
                32
            } else {
                u64::from(*b)
            }
        })
        .sum();
    if stored != sum {
        return Err(VerifyError::HeaderChecksum { at });
    }
    let name = shown(&block[0..100]);
    if let Some(kind) = type_name(block[156]) {
        return Err(VerifyError::MemberType { name, kind, at });
    }
    if &block[257..263] != b"ustar\0" || &block[263..265] != b"00" {
        return Err(VerifyError::NotUstar { at });
    }
    let name_end = block[..100].iter().position(|b| *b == 0).unwrap_or(100);
    for (field, range) in [
        ("name", name_end..100),
        ("link name", 157..257),
        ("name prefix", 345..500),
    ] {
        if block[range].iter().any(|b| *b != 0) {
            return Err(VerifyError::HeaderField { at, field });
        }
    }
    let size = number(&block[124..136]).ok_or(VerifyError::HeaderField { at, field: "size" })?;
    Ok(Header { name, size })
}

/// The next member's header, which must be member `i` of a bundle; its size
/// checked against the member's limit (and the file's) before anything is
/// read.
fn member<R: Read>(
    src: &mut Source<R>,
    i: usize,
    file_len: Option<u64>,
) -> Result<u64, VerifyError> {
    let at = src.offset();
    let mut block = [0u8; 512];
    if !src.block(&mut block)? {
        return Err(if i == 0 {
            VerifyError::Tar(Cut::Empty)
        } else {
            VerifyError::Tar(Cut::Before {
                at,
                name: MEMBERS[i].0,
            })
        });
    }
    if block.iter().all(|b| *b == 0) {
        return Err(VerifyError::Missing(MEMBERS[i].0));
    }
    let h = header(&block, at)?;
    let (expected, limit) = MEMBERS[i];
    if h.name != expected {
        return Err(match MEMBERS.iter().position(|(n, _)| *n == h.name) {
            Some(j) if j < i => VerifyError::Duplicate(h.name),
            Some(_) => VerifyError::Order {
                found: h.name,
                expected,
            },
            None => VerifyError::Unexpected(h.name),
        });
    }
    if h.size > limit {
        return Err(VerifyError::TooLarge {
            name: expected,
            size: h.size,
            limit,
        });
    }
    if let Some(len) = file_len {
        let left = len.saturating_sub(src.offset());
        if h.size > left {
            return Err(VerifyError::Tar(Cut::Inside {
                at: len,
                name: expected,
            }));
        }
    }
    Ok(h.size)
}

fn padding(size: u64) -> u64 {
    (BLOCK - size % BLOCK) % BLOCK
}

/// A small member read whole (its size is already within its limit).
fn small<R: Read>(
    src: &mut Source<R>,
    size: u64,
    name: &'static str,
) -> Result<Vec<u8>, VerifyError> {
    let mut data = vec![0u8; size as usize];
    let at = src.offset();
    if size > 0 && !src.block(&mut data)? {
        return Err(VerifyError::Tar(Cut::Inside { at, name }));
    }
    src.zeros(padding(size))?;
    Ok(data)
}

/// The two small members read and the payload's header checked: what
/// [`super::open`] goes on from.
pub(super) struct Head {
    pub manifest: Vec<u8>,
    pub signature: Vec<u8>,
    pub payload_size: u64,
}

pub(super) fn head<R: Read>(
    src: &mut Source<R>,
    file_len: Option<u64>,
) -> Result<Head, VerifyError> {
    if let Some(len) = file_len
        && len > MAX_FILE
    {
        return Err(VerifyError::FileTooLarge {
            size: len,
            limit: MAX_FILE,
        });
    }
    let size = member(src, 0, file_len)?;
    let manifest = small(src, size, MANIFEST)?;
    let size = member(src, 1, file_len)?;
    let signature = small(src, size, SIGNATURE)?;
    let payload_size = member(src, 2, file_len)?;
    Ok(Head {
        manifest,
        signature,
        payload_size,
    })
}

/// The payload's bytes as they pass: at most its declared size, hashed.
pub struct Payload<'a, R> {
    src: &'a mut Source<R>,
    left: u64,
    hasher: Sha256,
}

impl<'a, R: Read> Payload<'a, R> {
    pub(super) fn new(src: &'a mut Source<R>, size: u64) -> Payload<'a, R> {
        Payload {
            src,
            left: size,
            hasher: Sha256::new(),
        }
    }

    /// Reads what the caller left of the payload, then the end of the
    /// archive; returns the payload's SHA-256. A file cut short, bytes
    /// after the end, or padding that is not zero are refused here.
    pub(super) fn finish(mut self, size: u64) -> Result<String, VerifyError> {
        match io::copy(&mut self, &mut io::sink()) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                return Err(VerifyError::Tar(Cut::Inside {
                    at: self.src.offset(),
                    name: PAYLOAD,
                }));
            }
            Err(e) => return Err(VerifyError::unreadable(&e)),
        }
        let src = self.src;
        src.zeros(padding(size))?;
        let mut block = [0u8; 512];
        for _ in 0..2 {
            let at = src.offset();
            if !src.block(&mut block)? {
                return Err(VerifyError::Tar(Cut::EndBlocks));
            }
            if block.iter().all(|b| *b == 0) {
                continue;
            }
            return Err(VerifyError::ExtraMember { at });
        }
        // Nothing but zeros after the end, and not too many of them.
        let mut seen = 0u64;
        loop {
            let at = src.offset();
            let n = match src.read(&mut block) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(VerifyError::unreadable(&e)),
            };
            if n == 0 {
                break;
            }
            if let Some(i) = block[..n].iter().position(|b| *b != 0) {
                return Err(VerifyError::TrailingData { at: at + i as u64 });
            }
            seen += n as u64;
            if seen > MAX_TRAILER {
                return Err(VerifyError::TrailingData { at });
            }
        }
        Ok(hex::encode(self.hasher.finalize()))
    }
}

impl<R: Read> Read for Payload<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = self.src.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "journal.jsonl.age is cut short",
            ));
        }
        self.hasher.update(&buf[..n]);
        self.left -= n as u64;
        Ok(n)
    }
}

/// Lets at most [`MAX_AGE_HEADER`] bytes through until [`Capped::lift`],
/// so that a hostile age header cannot make the decryptor grow its buffer
/// without end.
pub struct Capped<R> {
    inner: R,
    budget: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// Lifts a [`Capped`]'s limit once the age header is read.
#[derive(Clone)]
pub struct Lift(std::sync::Arc<std::sync::atomic::AtomicU64>);

impl Lift {
    pub fn lift(&self) {
        self.0.store(u64::MAX, std::sync::atomic::Ordering::Relaxed);
    }
}

impl<R> Capped<R> {
    pub fn new(inner: R) -> (Capped<R>, Lift) {
        let budget = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(MAX_AGE_HEADER));
        (
            Capped {
                inner,
                budget: budget.clone(),
            },
            Lift(budget),
        )
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::sync::atomic::Ordering;
        let budget = self.budget.load(Ordering::Relaxed);
        if budget == 0 {
            return Err(io::Error::other(crate::foreign::age::HeaderTooLong));
        }
        let want = buf.len().min(budget.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        if budget != u64::MAX {
            self.budget
                .store(budget.saturating_sub(n as u64), Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// What a file that is not a regular file is, as a code.
pub fn file_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_dir() {
        "directory"
    } else if ft.is_symlink() {
        "symlink"
    } else if ft.is_fifo() {
        "fifo"
    } else if ft.is_char_device() {
        "char_device"
    } else if ft.is_block_device() {
        "block_device"
    } else if ft.is_socket() {
        "socket"
    } else {
        "unknown_type"
    }
}

/// Opens `path` only if it is a regular file (looked at without following
/// a link, opened without following one and without blocking, and looked
/// at again once open, in case it was swapped meanwhile); its length.
pub fn open_file(path: &std::path::Path) -> Result<(std::fs::File, u64), VerifyError> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let unreadable = |e: io::Error| VerifyError::unreadable(&e);
    let before = std::fs::symlink_metadata(path).map_err(unreadable)?;
    let ft = before.file_type();
    if ft.is_symlink() {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        return Err(VerifyError::Symlink { target });
    }
    if !ft.is_file() {
        return Err(VerifyError::NotAFile {
            kind: file_kind(&ft),
        });
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) {
                VerifyError::ChangedWhileOpened
            } else {
                unreadable(e)
            }
        })?;
    let after = file.metadata().map_err(unreadable)?;
    if !after.file_type().is_file() || after.dev() != before.dev() || after.ino() != before.ino() {
        return Err(VerifyError::ChangedWhileOpened);
    }
    Ok((file, after.len()))
}

/// Reads a whole regular file named on the command line, at most `max` bytes:
/// the same refusals as [`open_file`] (symlink, FIFO, device, swapped while
/// opened), never blocking, never reading past `max`.
pub fn read_regular(path: &std::path::Path, max: u64) -> Result<Vec<u8>, VerifyError> {
    use std::io::Read;
    let (file, len) = open_file(path)?;
    if len > max {
        return Err(VerifyError::InputTooLarge {
            size: len,
            limit: max,
        });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| VerifyError::unreadable(&e))?;
    if bytes.len() as u64 > max {
        return Err(VerifyError::InputTooLarge {
            size: bytes.len() as u64,
            limit: max,
        });
    }
    Ok(bytes)
}

/// [`read_regular`] as UTF-8 text; the error is one line in `lang` naming
/// the file (its name with control characters escaped).
pub fn read_text(
    path: &std::path::Path,
    max: u64,
    lang: crate::i18n::Lang,
) -> Result<String, String> {
    let shown = crate::shown::path(path);
    let bytes = read_regular(path, max).map_err(|e| format!("{shown}: {}", e.text(lang)))?;
    String::from_utf8(bytes)
        .map_err(|_| crate::tr!(lang, "bundle-read-not-utf8", file = shown.as_str()))
}

/// The most bytes read from a public key file.
pub const MAX_KEY_BYTES: u64 = 4096;
/// The most bytes read from an edition file.
pub const MAX_EDITION_BYTES: u64 = 16 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn octal_and_base256_sizes() {
        assert_eq!(number(b"00000002053\0"), Some(1067));
        assert_eq!(number(b"   1777\0    "), Some(1023));
        assert_eq!(number(b"77777777777\0"), Some(8 * (1 << 30) - 1));
        assert_eq!(number(b"0000000x053\0"), None);
        assert_eq!(number(b"\0\0\0\0"), None);
        let mut b256 = [0u8; 12];
        b256[0] = 0x80;
        b256[6] = 1; // 2^40
        assert_eq!(number(&b256), Some(1 << 40));
        let mut huge = [0xffu8; 12];
        huge[0] = 0x80;
        assert_eq!(number(&huge), Some(u64::MAX), "over u64: saturates");
        huge[0] = 0xff;
        assert_eq!(number(&huge), None, "negative");
    }
}
