//! `bec new` answered through a pseudo-terminal, as a person would.

use std::fs;

use rexpect::session::spawn_command;

use crate::support::*;

#[test]
fn new_asks_for_the_day_and_answers_on_a_terminal() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.command(sandbox.path(), &["new"]);
    command.env("TERM", "xterm");
    let mut session = spawn_command(command, Some(20_000)).expect("spawn bec in a pty");
    session.exp_string("Start at which day?").unwrap();
    session.send("two").unwrap();
    session.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    session.send_line("").unwrap();
    session.exp_string("Project name").unwrap();
    session.send_line("pty-project").unwrap();
    session.exp_string("Your name").unwrap();
    session.send_line("").unwrap();
    session.exp_string("Your email").unwrap();
    session.send_line("").unwrap();
    // The course's track question has one choice: it is answered without asking.
    let before_created = session.exp_string("Created").unwrap();
    assert!(
        !before_created.contains("Language track"),
        "a one-choice question was asked:\n{before_created}"
    );
    session.exp_eof().unwrap();

    let repo_dir = sandbox.path().join("backend-course");
    let state = fs::read_to_string(repo_dir.join("bec.toml")).unwrap();
    assert!(state.contains("current_day = 2"), "{state}");
    assert!(state.contains("project_name = \"pty-project\""), "{state}");
    assert!(
        state.contains("author_name = \"Ada Learner\""),
        "git config gave the default: {state}"
    );
    assert!(repo_dir.join("day02/README.md").is_file());
}

#[test]
fn without_a_git_identity_new_offers_the_answers_as_the_repos_own() {
    let sandbox = Sandbox::without_identity();
    let mut command = sandbox.command(sandbox.path(), &["new", "1", "repo"]);
    command.env("TERM", "xterm");
    let mut session = spawn_command(command, Some(20_000)).expect("spawn bec in a pty");
    session.exp_string("Project name").unwrap();
    session.send_line("").unwrap();
    session.exp_string("Your name").unwrap();
    session.send_line("Pty Learner").unwrap();
    session.exp_string("Your email").unwrap();
    session.send_line("pty@example.invalid").unwrap();
    session
        .exp_string("Sign this repo's commits as Pty Learner <pty@example.invalid>?")
        .unwrap();
    session.send_line("y").unwrap();
    session.exp_string("Created").unwrap();
    session.exp_eof().unwrap();

    let repo_dir = sandbox.path().join("repo");
    let config = git2::Repository::open(&repo_dir).unwrap().config().unwrap();
    let local = config.open_level(git2::ConfigLevel::Local).unwrap();
    assert_eq!(local.get_string("user.name").unwrap(), "Pty Learner");
    assert_eq!(local.get_string("user.email").unwrap(), "pty@example.invalid");
    sandbox.bec_in("repo", &["next", "--date", "2026-01-02"]).success();
}

#[test]
fn without_a_terminal_new_never_waits_and_uses_day_one() {
    let sandbox = Sandbox::new();
    // stdin is closed (not a terminal) and --yes is not given: defaults, no prompt
    sandbox.bec(&["new"]).success();
    let state = fs::read_to_string(sandbox.path().join("backend-course/bec.toml")).unwrap();
    assert!(state.contains("current_day = 1"), "{state}");
}
