//! `bec check` runs the day's tests; `bec doctor` checks the day's tools.

use std::fs;

use crate::support::*;

#[test]
fn check_counts_failing_tests_on_the_starter_and_passes_once_solved() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let python = test_python();
    let mut command = sandbox.command(&repo_dir, &["check"]);
    command.env("BEC_PYTHON", &python);
    let starter = run(command.output().unwrap());
    starter
        .code(1)
        .stdout_has("0 of 2 tests passing")
        .stdout_has("to do    tests/test_app.py::test_add_adds");
    assert!(starter.stdout.contains("NotImplementedError"), "{}", starter.stdout);

    fs::write(repo_dir.join("day01/app.py"), "def add(a, b):\n    return a + b\n").unwrap();
    let mut command = sandbox.command(&repo_dir.join("day01"), &["check", "1"]);
    command.env("BEC_PYTHON", &python);
    run(command.output().unwrap())
        .success()
        .stdout_has("2 of 2 tests passing")
        .stdout_has("day 1 is done");
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
        .stdout_has("MISSING  imaginary")
        .stdout_has("imaginary tool shop");
    sandbox.bec(&["doctor", "1"]).success().stdout_has("ok       git");
}

#[test]
fn completions_are_printed() {
    let sandbox = Sandbox::new();
    sandbox.bec(&["completions", "bash"]).success().stdout_has("_bec()");
}

#[test]
fn check_without_the_days_dependencies_says_how_to_install_them() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    // a day whose tests import a package that is not installed anywhere
    fs::write(
        repo_dir.join("day01/tests/test_app.py"),
        "import bec_no_such_package\n\n\ndef test_x():\n    assert True\n",
    )
    .unwrap();
    let mut command = sandbox.command(&repo_dir, &["check"]);
    command.env("BEC_PYTHON", test_python());
    run(command.output().unwrap())
        .code(1)
        .stdout_has("run `uv sync` in day01/")
        .stdout_has("0 of 1 tests passing");
}
