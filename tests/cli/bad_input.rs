//! Every user mistake: one clear message, a documented exit code, nothing changed on disk.

use std::fs;

use crate::support::*;

/// Runs bec in a fresh sandbox and checks that the sandbox is byte-for-byte unchanged.
fn refused(sandbox: &Sandbox, args: &[&str], code: i32, text: &str) {
    let before = snapshot(sandbox.path());
    sandbox.bec(args).code(code).clean_error().stderr_has(text);
    assert_eq!(
        snapshot(sandbox.path()),
        before,
        "`bec {}` changed files",
        args.join(" ")
    );
}

#[test]
fn unknown_and_out_of_range_days() {
    let sandbox = Sandbox::new();
    refused(
        &sandbox,
        &["new", "day99", "repo", "--yes"],
        3,
        "`day99` is not a course day",
    );
    refused(&sandbox, &["new", "0", "repo", "--yes"], 3, "from 1 to 5");
    refused(&sandbox, &["new", "banana", "repo", "--yes"], 3, "not a course day");
    refused(&sandbox, &["check", "day77"], 3, "not a course day");
}

#[test]
fn a_day_without_content() {
    let sandbox = Sandbox::new();
    refused(
        &sandbox,
        &["new", "4", "repo", "--yes"],
        3,
        "day 4 (Day four) has no lab yet",
    );
    assert!(!sandbox.path().join("repo").exists());
}

#[test]
fn a_non_empty_target_is_left_untouched() {
    let sandbox = Sandbox::new();
    fs::create_dir(sandbox.path().join("repo")).unwrap();
    fs::write(sandbox.path().join("repo/precious.txt"), "mine").unwrap();
    refused(&sandbox, &["new", "1", "repo", "--yes"], 4, "exists and is not empty");
    fs::write(sandbox.path().join("afile"), "x").unwrap();
    refused(&sandbox, &["new", "1", "afile", "--yes"], 4, "exists and is not empty");
}

#[test]
fn bad_answers_and_flags() {
    let sandbox = Sandbox::new();
    refused(
        &sandbox,
        &["new", "1", "repo", "--yes", "--set", "project_name=Bad Name!"],
        3,
        "invalid answer for `project_name`",
    );
    refused(
        &sandbox,
        &["new", "1", "repo", "--yes", "--set", "track=cobol"],
        3,
        "not one of: python",
    );
    refused(
        &sandbox,
        &["new", "1", "repo", "--yes", "--set", "colour=blue"],
        3,
        "unknown question `colour`",
    );
    refused(
        &sandbox,
        &["new", "1", "repo", "--yes", "--set", "novalue"],
        3,
        "key=value",
    );
    refused(
        &sandbox,
        &["new", "1", "repo", "--yes", "--date", "2026-02-30"],
        3,
        "invalid date",
    );
}

#[test]
fn missing_git_identity_when_creating_a_repo() {
    let sandbox = Sandbox::without_identity();
    refused(&sandbox, &["new", "1", "repo", "--yes"], 7, "--set author_name=");
    // answering explicitly works without any git config
    sandbox
        .bec(&[
            "new",
            "1",
            "repo",
            "--yes",
            "--set",
            "author_name=Ada",
            "--set",
            "author_email=ada@example.invalid",
        ])
        .success();
}

#[test]
fn a_course_format_that_is_too_new() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    let text = fs::read_to_string(course.join("course.toml"))
        .unwrap()
        .replace("format_version = 1", "format_version = 7");
    fs::write(course.join("course.toml"), text).unwrap();
    let sandbox = sandbox.with_course(course);
    refused(&sandbox, &["new", "1", "repo", "--yes"], 5, "format_version 7");
}

#[test]
fn a_broken_manifest_is_named_with_its_line() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    let text = fs::read_to_string(course.join("course.toml"))
        .unwrap()
        .replace("title = \"Day two\"", "title = Day two");
    fs::write(course.join("course.toml"), text).unwrap();
    let sandbox = sandbox.with_course(course);
    refused(&sandbox, &["new", "1", "repo", "--yes"], 5, "course.toml");
    refused(&sandbox, &["list"], 5, "line");
}

#[test]
fn a_template_error_names_the_file_and_line() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    fs::write(
        course.join("days/day01/README.md.hbs"),
        "# Day {{day.number}}\n\nHello {{learner_nickname}}\n",
    )
    .unwrap();
    let sandbox = sandbox.with_course(course);
    refused(
        &sandbox,
        &["new", "1", "repo", "--yes"],
        5,
        "days/day01/README.md.hbs:3",
    );
    sandbox
        .bec(&["new", "1", "repo", "--yes"])
        .stderr_has("learner_nickname");
}

#[test]
fn a_template_syntax_error_names_the_file_and_line() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    fs::write(course.join("root/progress.txt.hbs"), "ok\n{{#each days}}\nunclosed\n").unwrap();
    let sandbox = sandbox.with_course(course);
    refused(&sandbox, &["new", "1", "repo", "--yes"], 5, "root/progress.txt.hbs");
}

#[test]
fn an_unclosed_solution_region_names_the_file_and_line() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    fs::write(
        course.join("days/day01/app.py"),
        "def f():\n    # BEGIN SOLUTION\n    return 1\n",
    )
    .unwrap();
    let sandbox = sandbox.with_course(course);
    refused(&sandbox, &["new", "1", "repo", "--yes"], 5, "days/day01/app.py:2");
}

#[test]
fn a_rendered_path_that_escapes_the_target_is_refused() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    fs::create_dir_all(course.join("root/{{track}}")).unwrap();
    fs::write(course.join("root/{{track}}/x.txt"), "x").unwrap();
    let text = fs::read_to_string(course.join("course.toml"))
        .unwrap()
        .replace("choices = [\"python\"]", "choices = [\"python\", \"..\"]");
    fs::write(course.join("course.toml"), text).unwrap();
    let sandbox = sandbox.with_course(course);
    refused(
        &sandbox,
        &["new", "1", "repo", "--yes", "--set", "track=.."],
        5,
        "would leave the target folder",
    );
    assert!(!sandbox.path().join("x.txt").exists());
}

#[test]
fn a_symlink_in_a_course_folder_is_refused() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/hostname", course.join("root/host.txt")).unwrap();
    let sandbox = sandbox.with_course(course);
    refused(&sandbox, &["new", "1", "repo", "--yes"], 5, "symlink");
}

#[test]
fn a_missing_course_folder() {
    let sandbox = Sandbox::new();
    let sandbox = sandbox.with_course(std::path::PathBuf::from("/nonexistent/course"));
    refused(&sandbox, &["list"], 5, "has no course.toml");
}

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    sandbox.bec(&["new", "--frobnicate"]).code(2);
    sandbox.bec(&["teleport"]).code(2);
}

#[test]
fn an_include_of_a_missing_or_unsafe_folder_is_a_course_error() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    let config = course.join("days/day02/day.toml");
    let text = fs::read_to_string(&config)
        .unwrap()
        .replace("shared/lib", "shared/nothing-here");
    fs::write(&config, text).unwrap();
    let text = fs::read_to_string(course.join("days/day03/day.toml"))
        .unwrap()
        .replace("to = \"lib\"", "to = \"../lib\"");
    fs::write(course.join("days/day03/day.toml"), text).unwrap();
    let sandbox = sandbox.with_course(course);
    refused(&sandbox, &["new", "2", "repo", "--yes"], 5, "shared/nothing-here");
    refused(
        &sandbox,
        &["new", "3", "repo", "--yes"],
        5,
        "must be a folder inside the day",
    );
}
