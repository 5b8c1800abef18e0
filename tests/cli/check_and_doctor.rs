//! `bec check` runs the day's tests; `bec doctor` checks the day's tools.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::Stdio;

use crate::support::*;

/// `bec check` in `dir` with the test Python.
fn check_in(sandbox: &Sandbox, dir: &Path, args: &[&str]) -> Run {
    let mut command = sandbox.command(dir, args);
    command
        .env("BEC_PYTHON", test_python())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    run(command.stdin(Stdio::null()).output().unwrap())
}

const SOLVED: &str = "def add(a, b):\n    return a + b\n";

#[test]
fn check_prints_the_summary_first_and_points_at_the_first_failing_test() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let starter = check_in(&sandbox, &repo_dir, &["check"]);
    starter
        .code(1)
        .stdout_has("work on this next: tests/test_app.py::test_add_adds")
        .stdout_has("still failing (1):\n  tests/test_app.py::test_add_handles_negatives")
        .stdout_has("NotImplementedError: TODO(day01): add the numbers");
    assert!(
        starter
            .stdout
            .starts_with("Day 1 — Day one: 0 of 2 tests passing: 2 to go."),
        "{}",
        starter.stdout
    );
    assert!(
        !starter.stdout.contains("test session starts"),
        "pytest's own output only with --verbose:\n{}",
        starter.stdout
    );
    assert!(
        !starter.stdout.contains('\x1b'),
        "no colour into a pipe:\n{}",
        starter.stdout
    );
    assert!(
        !starter.stdout.contains("differ from the course's"),
        "untouched tests are the course's:\n{}",
        starter.stdout
    );

    fs::write(repo_dir.join("day01/app.py"), SOLVED).unwrap();
    check_in(&sandbox, &repo_dir.join("day01"), &["check", "1"])
        .success()
        .stdout_has("2 of 2 tests passing")
        .stdout_has("day 1 is done");
}

#[test]
fn check_verbose_shows_pytests_full_output() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    check_in(&sandbox, &repo_dir, &["check", "--verbose"])
        .code(1)
        .stdout_has("test session starts")
        .stdout_has("0 of 2 tests passing");
}

#[test]
fn check_passes_arguments_after_double_dash_to_pytest() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    check_in(&sandbox, &repo_dir, &["check", "--", "-k", "negatives"])
        .code(1)
        .stdout_has("0 of 1 selected tests passing")
        .stdout_has("work on this next: tests/test_app.py::test_add_handles_negatives");
}

#[test]
fn check_colours_only_when_asked_and_no_color_wins() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let mut command = sandbox.command(&repo_dir, &["check"]);
    command
        .env("BEC_PYTHON", test_python())
        .env("CLICOLOR_FORCE", "1")
        .env_remove("NO_COLOR");
    let coloured = run(command.output().unwrap());
    assert!(coloured.stdout.contains("\x1b[31m"), "{}", coloured.stdout);
    command.env("NO_COLOR", "1");
    let plain = run(command.output().unwrap());
    plain.code(1).stdout_has("0 of 2 tests passing");
    assert!(!plain.stdout.contains('\x1b'), "{}", plain.stdout);
}

#[test]
fn check_runs_the_courses_tests_when_the_learner_hollowed_them_out() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let hollow = "def test_add_adds():\n    pass\n\n\ndef test_add_handles_negatives():\n    pass\n";
    fs::write(repo_dir.join("day01/tests/test_app.py"), hollow).unwrap();
    check_in(&sandbox, &repo_dir, &["check"])
        .code(1)
        .stdout_has("Your day01/tests differ from the course's: bec check ran the course's versions.")
        .stdout_has("changed  day01/tests/test_app.py")
        .stdout_has("0 of 2 tests passing");
    assert_eq!(
        fs::read_to_string(repo_dir.join("day01/tests/test_app.py")).unwrap(),
        hollow,
        "the learner's file is left as it was"
    );

    // deleting the tests does not help either; the course's tests pass once the lab is done
    fs::remove_file(repo_dir.join("day01/tests/test_app.py")).unwrap();
    check_in(&sandbox, &repo_dir, &["check"])
        .code(1)
        .stdout_has("deleted  day01/tests/test_app.py")
        .stdout_has("0 of 2 tests passing");
    fs::write(repo_dir.join("day01/app.py"), SOLVED).unwrap();
    check_in(&sandbox, &repo_dir, &["check"])
        .success()
        .stdout_has("2 of 2 tests passing");
    assert!(!repo_dir.join("day01/tests/test_app.py").exists());
}

#[test]
fn check_does_not_count_a_test_file_that_patches_the_code_under_test() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    // an added module runs at collection and could replace add(): only the course's tests run
    fs::write(
        repo_dir.join("day01/tests/test_zz_mine.py"),
        "import app\n\napp.add = lambda a, b: a + b\n",
    )
    .unwrap();
    check_in(&sandbox, &repo_dir, &["check"])
        .code(1)
        .stdout_has("added    day01/tests/test_zz_mine.py  (not run)")
        .stdout_has("0 of 2 tests passing");
}

#[test]
fn check_ignores_a_conftest_that_replaces_the_code_under_test() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(
        repo_dir.join("day01/conftest.py"),
        "import app\n\napp.add = lambda a, b: a + b\n",
    )
    .unwrap();
    check_in(&sandbox, &repo_dir, &["check"])
        .code(1)
        .stdout_has("Your day01 tests or test settings differ from the course's")
        .stdout_has("added    day01/conftest.py  (not used)")
        .stdout_has("0 of 2 tests passing");
    assert!(repo_dir.join("day01/conftest.py").is_file(), "the learner's file stays");
}

#[test]
fn check_ignores_pytest_settings_that_deselect_failing_tests() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let pyproject = repo_dir.join("day01/pyproject.toml");
    let text = fs::read_to_string(&pyproject).unwrap();
    let deselecting = text.replace(
        "testpaths = [\"tests\"]",
        "testpaths = [\"tests\"]\naddopts = \"--deselect tests/test_app.py::test_add_adds\"",
    );
    assert_ne!(text, deselecting, "the fixture's pytest settings changed shape");
    fs::write(&pyproject, &deselecting).unwrap();
    // with these settings pytest alone would report 1 of 1 passing…
    fs::write(
        repo_dir.join("day01/app.py"),
        "def add(a, b):\n    return a + b if a < 0 else 0\n",
    )
    .unwrap();
    // …but bec check runs with the course's settings
    check_in(&sandbox, &repo_dir, &["check"])
        .code(1)
        .stdout_has("changed  day01/pyproject.toml (pytest settings)")
        .stdout_has("1 of 2 tests passing")
        .stdout_has("work on this next: tests/test_app.py::test_add_adds");
    assert_eq!(fs::read_to_string(&pyproject).unwrap(), deselecting);

    // other changes to pyproject.toml (a new dependency) are the learner's business
    fs::write(
        &pyproject,
        text.replace(
            "[tool.pytest.ini_options]",
            "[project]\nname = \"mine\"\n\n[tool.pytest.ini_options]",
        ),
    )
    .unwrap();
    let run = check_in(&sandbox, &repo_dir, &["check"]);
    run.code(1).stdout_has("1 of 2 tests passing");
    assert!(!run.stdout.contains("differ from the course's"), "{}", run.stdout);
}

#[test]
fn check_watch_runs_again_after_a_save() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let mut command = sandbox.command(&repo_dir, &["check", "--watch", "--watch-runs", "2"]);
    command
        .env("BEC_PYTHON", test_python())
        .stdin(Stdio::null())
        .stdout(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    // the first run is over when bec says it is watching
    while !seen.contains("Watching day01/") {
        let mut line = String::new();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "bec ended early:\n{seen}");
        seen.push_str(&line);
    }
    assert!(seen.contains("0 of 2 tests passing"), "{seen}");
    fs::write(repo_dir.join("day01/app.py"), SOLVED).unwrap();
    stdout.read_to_string(&mut seen).unwrap();
    let status = child.wait().unwrap();
    assert!(seen.contains("2 of 2 tests passing"), "{seen}");
    assert_eq!(status.code(), Some(0), "{seen}");
}

#[test]
fn hint_reveals_one_hint_per_call_and_keeps_the_tree_clean() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    sandbox
        .bec_in("repo", &["hint"])
        .success()
        .stdout_has("Hint 1 of 2 for day 1:\n1. Python has a `+` operator.");
    let second = sandbox.bec_in("repo", &["hint"]);
    second
        .success()
        .stdout_has("Hint 2 of 2 for day 1:\n2. Negative numbers add\n   like any others.")
        .stdout_has("That was the last hint.");
    assert!(!second.stdout.contains("Why test negatives"), "{}", second.stdout);
    sandbox
        .bec_in("repo/day01", &["hint"])
        .success()
        .stdout_has("Every hint for day 1 is shown already (2):");
    assert!(dirty_files(&repo_dir).is_empty(), "{:?}", dirty_files(&repo_dir));
    sandbox
        .bec_in("repo", &["hint", "--reset"])
        .success()
        .stdout_has("hidden again");
    sandbox.bec_in("repo", &["hint"]).success().stdout_has("Hint 1 of 2");
    sandbox
        .bec_in("repo", &["hint", "--all"])
        .success()
        .stdout_has("1. Python has")
        .stdout_has("2. Negative numbers");
    sandbox
        .bec_in("repo", &["hint", "2"])
        .code(1)
        .clean_error()
        .stderr_has("day02 is not in this repo");
}

#[test]
fn check_refuses_a_day_the_repo_does_not_have() {
    let sandbox = Sandbox::new();
    sandbox.new_repo("1");
    sandbox
        .bec_in("repo", &["check", "3"])
        .code(1)
        .clean_error()
        .stderr_has("day03 is not in this repo");
}

#[test]
fn doctor_names_missing_tools_and_how_to_get_them() {
    let sandbox = Sandbox::new();
    sandbox
        .bec(&["doctor", "3"])
        .code(7)
        .stdout_has("MISSING      imaginary")
        .stdout_has("imaginary tool shop");
    sandbox.bec(&["doctor", "1"]).success().stdout_has("ok           git");
}

#[test]
fn doctor_refuses_a_tool_older_than_the_course_needs() {
    let sandbox = Sandbox::new();
    sandbox
        .bec(&["doctor", "3"])
        .code(7)
        .stdout_has("TOO OLD      oldtool    oldtool 3.9.18 (day 3 needs 3.11 or newer)")
        .stdout_has("upgrade oldtool from the tool shop");
}

#[test]
fn doctor_tells_a_stopped_daemon_from_a_missing_tool() {
    let sandbox = Sandbox::new();
    let run = sandbox.bec(&["doctor", "3"]);
    run.code(7)
        .stdout_has("NOT RUNNING  daemon     daemon 27.1.0 is installed but not running (Cannot connect to the daemon. Is it running?)")
        .stdout_has("start the daemon, then run `bec doctor` again")
        .stdout_has("1 tool(s) missing, 1 too old, 1 installed but not running.");
    assert!(!run.stdout.contains("MISSING      daemon"), "{}", run.stdout);
}

#[test]
fn completions_are_printed() {
    let sandbox = Sandbox::new();
    sandbox.bec(&["completions", "bash"]).success().stdout_has("_bec()");
}

#[test]
fn check_reports_an_import_error_as_such_never_as_zero_of_one_passing() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    // the learner's code imports a package that is not installed anywhere
    fs::write(
        repo_dir.join("day01/app.py"),
        "import bec_no_such_package\n\n\ndef add(a, b):\n    return a + b\n",
    )
    .unwrap();
    let broken = check_in(&sandbox, &repo_dir, &["check"]);
    broken
        .code(1)
        .stdout_has("tests could not be collected: ModuleNotFoundError in day01/tests/test_app.py")
        .stdout_has("No module named 'bec_no_such_package'")
        .stdout_has("run `uv sync` in day01/");
    assert!(!broken.stdout.contains("tests passing"), "{}", broken.stdout);
}
