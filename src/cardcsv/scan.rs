//! Passes over a card CSV's raw bytes beside the `csv` crate: [`prescan`]
//! bounds every record's size, field count and quoting before the crate reads
//! it; [`Lines`] turns a record's byte offset into its line in the file.

use super::{FileError, MAX_COLUMNS, MAX_RECORD_BYTES};

/// Checks every record's size, field count and quoting before the `csv`
/// crate sees the bytes, so it never grows a buffer past [`MAX_RECORD_BYTES`].
/// Quote parity is exact: `""` inside a quoted field toggles twice.
pub(super) fn prescan(bytes: &[u8], shown: &str) -> Result<(), FileError> {
    let mut line: u64 = 1;
    let mut start_line: u64 = 1;
    let mut quote_line: u64 = 1;
    let mut in_quote = false;
    let mut since = 0usize;
    let mut fields = 1usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        since += 1;
        match b {
            b'"' => {
                in_quote = !in_quote;
                if in_quote {
                    quote_line = line;
                }
            }
            b',' if !in_quote => fields += 1,
            b'\n' | b'\r' => {
                if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                    line += 1;
                }
                if !in_quote {
                    since = 0;
                    fields = 1;
                    start_line = line;
                }
            }
            _ => {}
        }
        if since > MAX_RECORD_BYTES {
            return Err(FileError::RecordTooLong {
                path: shown.to_string(),
                line: if in_quote { quote_line } else { start_line },
                quoted: in_quote,
            });
        }
        if fields > MAX_COLUMNS {
            return Err(FileError::TooManyColumns {
                path: shown.to_string(),
                line: start_line,
            });
        }
        i += 1;
    }
    if in_quote {
        return Err(FileError::UnclosedQuote {
            path: shown.to_string(),
            line: quote_line,
        });
    }
    Ok(())
}

/// Counts lines by byte offset, the same for LF, CRLF and lone-CR files (the
/// `csv` crate's own count is one short after every CRLF).
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    /// Offset counted up to, and the line it is on.
    at: usize,
    line: u64,
}

impl Lines<'_> {
    pub(crate) fn new(bytes: &[u8]) -> Lines<'_> {
        Lines {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The line of the record that starts at `offset`. Offsets only grow.
    pub(crate) fn of(&mut self, offset: usize) -> u64 {
        let mut offset = offset.min(self.bytes.len());
        // A record reported at the `\n` of the previous line's CRLF starts
        // just after it.
        if offset > 0 && self.bytes.get(offset) == Some(&b'\n') && self.bytes[offset - 1] == b'\r' {
            offset += 1;
        }
        if offset < self.at {
            return self.line;
        }
        for i in self.at..offset {
            let b = self.bytes[i];
            if b == b'\n' || (b == b'\r' && self.bytes.get(i + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.at = offset;
        self.line
    }
}
