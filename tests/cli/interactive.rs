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
    // keys are read in order: the filter sees "two" before Enter
    session.send_line("two").unwrap();
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

/// Everything the terminal showed until bec ended.
fn rest_of_output(session: &mut rexpect::session::PtySession) -> String {
    session.exp_eof().unwrap_or_default()
}

/// The cursor is visible at the end: no "hide cursor" without a later "show cursor".
#[track_caller]
fn assert_cursor_visible(screen: &str) {
    let hidden = screen.rfind("\x1b[?25l");
    let shown = screen.rfind("\x1b[?25h");
    assert!(
        hidden.is_none() || shown > hidden,
        "the cursor is left hidden:\n{screen:?}"
    );
}

#[test]
fn escape_in_the_day_picker_creates_nothing_and_leaves_the_cursor_visible() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.command(sandbox.path(), &["new"]);
    command.env("TERM", "xterm");
    let mut session = spawn_command(command, Some(20_000)).expect("spawn bec in a pty");
    let mut screen = session.exp_string("Start at which day?").unwrap();
    session.send("\x1b").unwrap();
    session.flush().unwrap();
    screen.push_str(&rest_of_output(&mut session));
    assert!(screen.contains("no day chosen: nothing was created"), "{screen:?}");
    assert_cursor_visible(&screen);
    assert!(!sandbox.path().join("backend-course").exists());
}

#[test]
fn ctrl_c_in_a_choice_prompt_creates_nothing_and_leaves_the_cursor_visible() {
    let sandbox = Sandbox::new();
    // a question with two choices is asked with the select prompt
    let course = copy_of_fixture(&sandbox.home);
    let manifest = fs::read_to_string(course.join("course.toml")).unwrap();
    fs::write(
        course.join("course.toml"),
        manifest.replace("choices = [\"python\"]", "choices = [\"python\", \"python-typed\"]"),
    )
    .unwrap();
    let sandbox = sandbox.with_course(course);
    let mut command = sandbox.command(sandbox.path(), &["new", "1", "--set", "project_name=p"]);
    command.env("TERM", "xterm");
    let mut session = spawn_command(command, Some(20_000)).expect("spawn bec in a pty");
    let mut screen = String::new();
    for question in ["Your name", "Your email"] {
        screen.push_str(&session.exp_string(question).unwrap());
        session.send_line("").unwrap();
    }
    screen.push_str(&session.exp_string("Language track").unwrap());
    session.send_control('c').unwrap();
    screen.push_str(&rest_of_output(&mut session));
    assert_cursor_visible(&screen);
    assert!(!sandbox.path().join("backend-course").exists());
}

#[test]
fn typing_a_day_number_in_the_picker_chooses_that_day() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.command(sandbox.path(), &["new", "--set", "project_name=p"]);
    command.env("TERM", "xterm");
    let mut session = spawn_command(command, Some(20_000)).expect("spawn bec in a pty");
    session.exp_string("Start at which day?").unwrap();
    session.send("day3").unwrap();
    session.flush().unwrap();
    // the list is redrawn after every key: wait until the last one shows
    session.exp_string("day3").unwrap();
    session.send_line("").unwrap();
    for question in ["Your name", "Your email"] {
        session.exp_string(question).unwrap();
        session.send_line("").unwrap();
    }
    session.exp_string("Created").unwrap();
    session.exp_eof().unwrap();
    let state = fs::read_to_string(sandbox.path().join("backend-course/bec.toml")).unwrap();
    assert!(state.contains("current_day = 3"), "{state}");
}
