//! Writing results to stdout without panicking when nobody reads them any more.
//!
//! `println!` panics when stdout is a pipe whose reader has gone (`bec status | head -1`). Every
//! command writes through [`outln!`]/[`out!`] instead (clippy's `print_stdout` lint keeps it so).
//! Once a write finds the pipe closed, output stops quietly and the command ends as it would
//! have: its exit code still says how it went (tests failing, conflicts…), and nothing is printed
//! about the reader that left. Any other write error is returned as usual.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout turned out to be a closed pipe: later output is dropped.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// `println!` that never panics; returns write errors other than a closed pipe.
macro_rules! outln {
    () => {
        $crate::output::write(format_args!("\n"))?
    };
    ($($arg:tt)*) => {
        $crate::output::write(format_args!("{}\n", format_args!($($arg)*)))?
    };
}

/// `print!` that never panics; returns write errors other than a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write(format_args!($($arg)*))?
    };
}

pub(crate) use {out, outln};

/// Writes `text` to stdout, unless stdout is a closed pipe.
pub fn write(text: fmt::Arguments<'_>) -> io::Result<()> {
    if CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    quiet_on_closed_pipe(io::stdout().lock().write_fmt(text))
}

/// Writes `bytes` to stdout, unless stdout is a closed pipe.
pub fn write_bytes(bytes: &[u8]) -> io::Result<()> {
    if CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    quiet_on_closed_pipe(io::stdout().lock().write_all(bytes))
}

/// Flushes stdout (a prompt or a child process may follow), unless it is a closed pipe.
pub fn flush() -> io::Result<()> {
    if CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    quiet_on_closed_pipe(io::stdout().flush())
}

fn quiet_on_closed_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
            CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}

/// Whether `error` comes from writing into a pipe whose reader has gone (a write that did not go
/// through this module): the entry point ends quietly on it.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
