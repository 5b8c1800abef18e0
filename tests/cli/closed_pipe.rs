//! Output into a pipe whose reader is gone (`bec status | head -1`) ends bec quietly.

use std::process::Stdio;

use crate::support::*;

/// Runs bec with stdout a pipe whose read end is already closed.
fn bec_into_closed_pipe(sandbox: &Sandbox, cwd: &str, args: &[&str]) -> Run {
    closed_pipe_run(sandbox.command(&sandbox.path().join(cwd), args))
}

fn closed_pipe_run(mut command: std::process::Command) -> Run {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = command
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    run(output)
}

#[track_caller]
fn quiet_success(run: &Run) {
    quiet_exit(run, 0);
}

#[track_caller]
fn quiet_exit(run: &Run, code: i32) {
    assert!(!run.stderr.contains("panicked"), "bec panicked:\n{}", run.stderr);
    assert_eq!(run.code, code, "stderr:\n{}", run.stderr);
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

#[test]
fn a_closed_pipe_keeps_the_exit_code_of_the_outcome() {
    let sandbox = Sandbox::new();
    // Day 3 needs a tool that is nowhere: doctor still says so with its exit code.
    quiet_exit(&bec_into_closed_pipe(&sandbox, "", &["doctor", "3"]), 7);
    // The starter's tests fail: `bec check | head -1` still exits 1.
    let repo = sandbox.new_repo("1");
    let mut command = sandbox.command(&repo, &["check"]);
    command.env("BEC_PYTHON", test_python());
    quiet_exit(&closed_pipe_run(command), 1);
}
