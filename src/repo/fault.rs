//! Named points in `bec next`/`bec update` where the fault-injection tests stop or fail bec.
//!
//! Only debug builds (the ones `cargo test` drives) read `BEC_FAULT=<point>:<action>`; release
//! builds compile [`point`] to nothing. Actions:
//!
//! - `kill`: bec sends itself SIGKILL at the point (a power cut, `kill -9`);
//! - `fail`: the step fails with "No space left on device", as on a full disk;
//! - `pause`: bec prints `bec-fault: paused at <point>` on stderr and waits for a line on stdin,
//!   so a test can run another command while this one is in the middle of its work.
//!
//! The points, in order: `render-written`, `template-commit-written`, `record-written`,
//! `checkout-file-N` (after the N-th file the checkout wrote; `kill` and `pause` only),
//! `checkout-done`, `conflicts-template-moved`, `merge-commit-written`, `branch-moved`,
//! `template-moved`.

use std::io;

/// Reaches the named point: returns an error, never returns, waits, or does nothing.
pub fn point(name: &str) -> io::Result<()> {
    #[cfg(debug_assertions)]
    if let Ok(spec) = std::env::var("BEC_FAULT")
        && let Some((at, action)) = spec.rsplit_once(':')
        && at == name
    {
        return act(name, action);
    }
    let _ = name;
    Ok(())
}

#[cfg(debug_assertions)]
fn act(name: &str, action: &str) -> io::Result<()> {
    use std::io::{BufRead, Write};
    match action {
        "fail" => {
            eprintln!("bec-fault: failing at {name}");
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                format!("No space left on device (injected at {name})"),
            ))
        }
        "kill" => {
            eprintln!("bec-fault: killed at {name}");
            let _ = io::stderr().flush();
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &std::process::id().to_string()])
                .status();
            // `kill` missing: die without any clean-up all the same.
            std::process::abort()
        }
        "pause" => {
            eprintln!("bec-fault: paused at {name}");
            let _ = io::stderr().flush();
            let mut line = String::new();
            let _ = io::stdin().lock().read_line(&mut line);
            Ok(())
        }
        other => panic!("BEC_FAULT action `{other}` is not kill, fail or pause"),
    }
}
