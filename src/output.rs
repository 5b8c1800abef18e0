//! Writing results to stdout without panicking when nobody reads them any more.
//!
//! `println!` panics when stdout is a closed pipe (`bec status | head -1`). Every command writes
//! through [`outln!`]/[`out!`] instead, which return the write error; [`is_closed_pipe`] lets the
//! entry point end quietly with success on it, like other command-line tools do (ripgrep, git).

/// `println!` that returns the error to the caller with `?`.
macro_rules! outln {
    () => {{
        use std::io::Write as _;
        writeln!(std::io::stdout())?;
    }};
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)?;
    }};
}

/// `print!` that returns the error to the caller with `?`.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout(), $($arg)*)?;
    }};
}

pub(crate) use {out, outln};

/// Whether `error` comes from writing into a pipe whose reader has gone.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
