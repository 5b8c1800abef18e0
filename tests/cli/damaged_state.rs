//! Damaged or impossible values (in bec.toml, course.toml, `--date`, the course's own files)
//! get a message that says what is really wrong, never a false one.

use std::fs;

use crate::support::*;

#[test]
fn a_current_day_past_the_end_of_the_course_is_named_as_damage() {
    let sandbox = Sandbox::new();
    let repo = sandbox.new_repo("1");
    let state = fs::read_to_string(repo.join("bec.toml")).unwrap();
    fs::write(
        repo.join("bec.toml"),
        state.replace("current_day = 1", "current_day = 61"),
    )
    .unwrap();
    commit_all(&repo, "edit bec.toml by hand");
    for args in [
        &["status"][..],
        &["next"],
        &["check"],
        &["update"],
        &["update", "--check"],
        &["doctor"],
    ] {
        sandbox
            .bec_in("repo", args)
            .code(4)
            .clean_error()
            .stderr_has("bec.toml is damaged: `progress.current_day` = 61, but course `fixture-course` has 5 days");
    }
}

#[test]
fn a_huge_format_version_is_shown_as_written() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    let text = fs::read_to_string(course.join("course.toml"))
        .unwrap()
        .replace("format_version = 1", "format_version = 99999999999");
    fs::write(course.join("course.toml"), text).unwrap();
    sandbox
        .with_course(course)
        .bec(&["new", "1", "repo", "--yes"])
        .code(5)
        .clean_error()
        .stderr_has("format_version 99999999999,");
}

#[test]
fn a_date_git_cannot_record_is_refused_instead_of_wrapping() {
    let sandbox = Sandbox::new();
    for date in ["2107-01-01", "4294967296"] {
        sandbox
            .bec(&["new", "1", "repo", "--yes", "--date", date])
            .code(3)
            .clean_error()
            .stderr_has("the last moment a git commit can record");
        assert!(!sandbox.path().join("repo").exists());
    }
    let run = run(sandbox
        .command(sandbox.path(), &["new", "1", "repo", "--yes"])
        .env("SOURCE_DATE_EPOCH", "5000000000")
        .output()
        .unwrap());
    run.code(3).clean_error().stderr_has("SOURCE_DATE_EPOCH=5000000000");
    sandbox
        .bec(&["new", "1", "repo", "--yes", "--date", "2106-02-07"])
        .success();
}

#[test]
fn a_course_file_rendering_to_a_bec_toml_in_a_folder_is_refused() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(&sandbox.home);
    fs::write(course.join("days/day01/bec.toml"), "format = 1\n").unwrap();
    let sandbox = sandbox.with_course(course.clone());
    sandbox
        .bec(&["new", "1", "repo", "--yes"])
        .code(5)
        .clean_error()
        .stderr_has("would render to `day01/bec.toml`");
    assert!(!sandbox.path().join("repo").exists());
    sandbox
        .bec(&["course", "check", course.to_str().unwrap()])
        .code(5)
        .stderr_has("day01/bec.toml");
}

#[test]
fn a_bec_toml_of_the_learners_own_in_a_folder_is_not_taken_for_the_repo_root() {
    let sandbox = Sandbox::new();
    let repo = sandbox.new_repo("1");
    fs::write(repo.join("day01/bec.toml"), "my = \"own file\"\n").unwrap();
    commit_all(&repo, "a file of my own");
    sandbox
        .bec_in("repo/day01", &["status"])
        .success()
        .stdout_has("Day:     1 of 5");
}
