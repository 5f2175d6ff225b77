//! Printing to stdout that survives a reader who stops reading
//! (`urna import-cards big.csv | head -1`). Rust ignores SIGPIPE, so
//! `println!` panics on a closed pipe; here a closed stdout is simply no
//! longer written to: the work goes on, is kept, and the exit code is the
//! command's own.

use std::io::Write;

/// Writes to stdout; a broken pipe is ignored, any other error is logged.
pub fn write(args: std::fmt::Arguments<'_>, newline: bool) {
    let mut out = std::io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| {
        if newline {
            out.write_all(b"\n")
        } else {
            Ok(())
        }
    });
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        tracing::warn!(error = %e, "stdout cannot be written");
    }
}

/// `println!` that never panics on a closed stdout.
macro_rules! say {
    () => {
        $crate::cli::out::write(format_args!(""), true)
    };
    ($($arg:tt)*) => {
        $crate::cli::out::write(format_args!($($arg)*), true)
    };
}

/// `print!` that never panics on a closed stdout.
macro_rules! say_part {
    ($($arg:tt)*) => {
        $crate::cli::out::write(format_args!($($arg)*), false)
    };
}

pub(crate) use {say, say_part};
