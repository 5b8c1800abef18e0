//! Output into a pipe whose reader is gone (`bec status | head -1`) ends bec quietly.

use std::process::Stdio;

use crate::support::*;

/// Runs bec with stdout a pipe whose read end is already closed.
fn bec_into_closed_pipe(sandbox: &Sandbox, cwd: &str, args: &[&str]) -> Run {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = sandbox
        .command(&sandbox.path().join(cwd), args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    run(output)
}

#[track_caller]
fn quiet_success(run: &Run) {
    assert!(!run.stderr.contains("panicked"), "bec panicked:\n{}", run.stderr);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "", "nothing to say about a reader that left");
}

#[test]
fn completions_into_a_closed_pipe_exit_quietly() {
    let sandbox = Sandbox::new();
    quiet_success(&bec_into_closed_pipe(&sandbox, "", &["completions", "zsh"]));
}

#[test]
fn status_list_and_new_into_a_closed_pipe_exit_quietly() {
    let sandbox = Sandbox::new();
    quiet_success(&bec_into_closed_pipe(
        &sandbox,
        "",
        &["new", "day1", "repo", "--yes", "--date", "2026-01-01"],
    ));
    assert!(sandbox.path().join("repo/bec.toml").is_file(), "the repo is still made");
    quiet_success(&bec_into_closed_pipe(&sandbox, "repo", &["status"]));
    quiet_success(&bec_into_closed_pipe(&sandbox, "repo", &["status", "--json"]));
    quiet_success(&bec_into_closed_pipe(&sandbox, "repo", &["list"]));
}
