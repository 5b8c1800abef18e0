//! The course a repo follows is recorded in bec.toml (`course.source`, `course.path`): a repo made
//! from a course folder refuses the built-in course, no repo goes back to an older version, and
//! a bec.toml written before the source was recorded follows the built-in course.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn set_version(course: &Path, version: &str) {
    let text = fs::read_to_string(course.join("course.toml"))
        .unwrap()
        .replace("version = \"1.0.0\"", &format!("version = \"{version}\""));
    fs::write(course.join("course.toml"), text).unwrap();
}

/// A folder that extends the built-in course, as an instructor writes one, at `version`.
fn school_course(sandbox: &Sandbox, version: &str) -> PathBuf {
    let dir = sandbox.path().join("school");
    write(
        &dir.join("course.toml"),
        &format!("extends = \"builtin\"\n\n[course]\nversion = \"{version}\"\n"),
    );
    write(&dir.join("days/day01/README.md"), "# Day 1, our school's way\n");
    write(&dir.join("days/day02/README.md"), "# Day 2, our school's way\n");
    dir.canonicalize().unwrap()
}

fn bec_toml(repo: &Path) -> String {
    fs::read_to_string(repo.join("bec.toml")).unwrap()
}

#[test]
fn a_repo_made_from_a_folder_refuses_the_built_in_course_and_names_the_folder() {
    let sandbox = Sandbox::new().built_in_course();
    let school = school_course(&sandbox, "0.1.0-ourschool.1");
    sandbox
        .bec(&[
            "--course",
            "school",
            "new",
            "1",
            "repo",
            "--yes",
            "--date",
            "2026-01-01",
        ])
        .success()
        .stdout_has(&format!("bec --course {} next", school.display()));
    let repo = sandbox.path().join("repo");
    let state = bec_toml(&repo);
    assert!(
        state.contains(&format!("source = \"folder\"\npath = \"{}\"\n", school.display())),
        "{state}"
    );
    let before = head_id(&repo);
    let fix = format!("bec --course {} next", school.display());
    sandbox
        .bec_in("repo", &["next"])
        .code(4)
        .clean_error()
        .stderr_has(&format!("this repo follows the course in {}", school.display()))
        .stderr_has(&fix)
        .stderr_has("BEC_COURSE");
    sandbox
        .bec_in("repo", &["update"])
        .code(4)
        .stderr_has(&format!("bec --course {} update", school.display()));
    sandbox.bec_in("repo", &["update", "--check"]).code(4);
    assert_eq!(head_id(&repo), before, "nothing changed");
    assert!(dirty_files(&repo).is_empty());
    // status describes the repo, and does not offer the built-in 0.1.0 as an update
    let status = sandbox.bec_in("repo", &["status"]);
    status
        .success()
        .stdout_has(&format!("Source:  the course in {}", school.display()))
        .stdout_has(&format!("bec --course {} status", school.display()));
    assert!(!status.stdout.contains("is available"), "{}", status.stdout);
    let json = sandbox.bec_in("repo", &["status", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["available_version"], serde_json::Value::Null);
    assert_eq!(report["course_source"], "folder");
    // with the folder, it goes on
    sandbox
        .bec_in(
            "repo",
            &["--course", school.to_str().unwrap(), "next", "--date", "2026-01-02"],
        )
        .success();
    assert_eq!(
        fs::read_to_string(repo.join("day02/README.md")).unwrap(),
        "# Day 2, our school's way\n"
    );
}

#[test]
fn a_repo_never_goes_back_to_an_older_course_version() {
    let sandbox = Sandbox::new();
    let v1 = copy_of_fixture(sandbox.path());
    let newer = sandbox.path().join("newer");
    fs::rename(&v1, &newer).unwrap();
    set_version(&newer, "1.1.0");
    let older = copy_of_fixture(sandbox.path());
    let mut new = sandbox.command(sandbox.path(), &["new", "1", "repo", "--yes", "--date", "2026-01-01"]);
    new.env("BEC_COURSE", &newer);
    run(new.output().unwrap()).success();
    let repo = sandbox.path().join("repo");
    let before = head_id(&repo);
    for command in [&["next"][..], &["update"], &["update", "--check"]] {
        let mut run_it = sandbox.command(&repo, command);
        run_it.env("BEC_COURSE", &older);
        run(run_it.output().unwrap())
            .code(4)
            .clean_error()
            .stderr_has("this repo has version 1.1.0 of course `fixture-course`")
            .stderr_has("is version 1.0.0, which is older");
    }
    assert_eq!(head_id(&repo), before);
    let mut status = sandbox.command(&repo, &["status"]);
    status.env("BEC_COURSE", &older);
    let status = run(status.output().unwrap());
    status.success().stdout_has("older than this repo's");
    assert!(!status.stdout.contains("is available"), "{}", status.stdout);
    // semantic-version order: a pre-release of 1.1.0 is older than 1.1.0
    set_version(&older, "1.1.0-school.1");
    let mut next = sandbox.command(&repo, &["next"]);
    next.env("BEC_COURSE", &older);
    run(next.output().unwrap()).code(4).stderr_has("which is older");
}

#[test]
fn a_moved_course_folder_is_the_same_course_and_its_new_path_is_recorded() {
    let sandbox = Sandbox::new();
    let first = copy_of_fixture(sandbox.path());
    let mut new = sandbox.command(sandbox.path(), &["new", "1", "repo", "--yes", "--date", "2026-01-01"]);
    new.env("BEC_COURSE", &first);
    run(new.output().unwrap()).success();
    let repo = sandbox.path().join("repo");
    let moved = sandbox.path().join("moved-course");
    fs::rename(&first, &moved).unwrap();
    let moved = moved.canonicalize().unwrap();
    let mut next = sandbox.command(&repo, &["next", "--date", "2026-01-02"]);
    next.env("BEC_COURSE", &moved);
    run(next.output().unwrap())
        .success()
        .stdout_has(&format!("now follows the course in {}", moved.display()));
    assert!(
        bec_toml(&repo).contains(&format!("path = \"{}\"", moved.display())),
        "{}",
        bec_toml(&repo)
    );
}

#[test]
fn a_built_in_repo_moves_to_a_folder_only_when_given_one_and_says_so() {
    let sandbox = Sandbox::new().built_in_course();
    let school = school_course(&sandbox, "0.1.0-ourschool.1");
    let repo = sandbox.new_repo("1");
    assert!(!bec_toml(&repo).contains("source ="), "the default is not written");
    sandbox
        .bec_in("repo", &["--course", school.to_str().unwrap(), "status"])
        .success()
        .stdout_has("Source:  the course built into bec")
        .stdout_has("moves this repo to it");
    sandbox
        .bec_in(
            "repo",
            &["--course", school.to_str().unwrap(), "next", "--date", "2026-01-02"],
        )
        .success()
        .stdout_has(&format!(
            "This repo now follows the course in {} instead of the course built into bec",
            school.display()
        ));
    assert!(bec_toml(&repo).contains("source = \"folder\""));
    sandbox.bec_in("repo", &["next"]).code(4).stderr_has("--course");
}

#[test]
fn another_course_is_refused_with_the_course_option_to_use() {
    let sandbox = Sandbox::new();
    let repo = sandbox.new_repo("1");
    let before = head_id(&repo);
    let mut next = sandbox.command(&repo, &["next"]);
    next.env_remove("BEC_COURSE");
    let fixture = fixture_course().canonicalize().unwrap();
    run(next.output().unwrap())
        .code(4)
        .clean_error()
        .stderr_has("this repo follows course `fixture-course`")
        .stderr_has("but bec is using course `backend-engineering-60`")
        .stderr_has(&format!("bec --course {} next", fixture.display()));
    assert_eq!(head_id(&repo), before);
}

/// bec writes no `source` for the built-in course, so the bec.toml of such a repo is the one
/// earlier bec versions wrote, for a repo from the built-in course or from a folder alike.
#[test]
fn a_state_file_without_a_source_follows_the_built_in_course() {
    let sandbox = Sandbox::new().built_in_course();
    let repo = sandbox.new_repo("1");
    let state = bec_toml(&repo);
    assert!(!state.contains("source") && !state.contains("path"), "{state}");
    fs::write(repo.join("bec.toml"), format!("# my notes\n{state}")).unwrap();
    commit_all(&repo, "a note in bec.toml");
    sandbox
        .bec_in("repo", &["status"])
        .success()
        .stdout_has("Source:  the course built into bec");
    sandbox
        .bec_in("repo", &["next", "--date", "2026-01-02"])
        .success()
        .stdout_has("Day 2");
    let state = bec_toml(&repo);
    assert!(state.starts_with("# my notes\n"), "{state}");
    assert!(
        state.contains("current_day = 2") && !state.contains("source"),
        "{state}"
    );
    // such a repo made from a folder by an earlier bec moves to the folder when it is named
    // (a_built_in_repo_moves_to_a_folder_only_when_given_one_and_says_so)
}

#[test]
fn a_course_folder_whose_id_changed_is_refused_with_the_id_to_put_back() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    let mut new = sandbox.command(sandbox.path(), &["new", "1", "repo", "--yes", "--date", "2026-01-01"]);
    new.env("BEC_COURSE", &course);
    run(new.output().unwrap()).success();
    let manifest = fs::read_to_string(course.join("course.toml")).unwrap();
    fs::write(
        course.join("course.toml"),
        manifest.replace("id = \"fixture-course\"", "id = \"renamed-course\""),
    )
    .unwrap();
    let repo = sandbox.path().join("repo");
    let mut next = sandbox.command(&repo, &["next"]);
    next.env("BEC_COURSE", &course);
    run(next.output().unwrap())
        .code(4)
        .clean_error()
        .stderr_has("but bec is using course `renamed-course`")
        .stderr_has("set it back to `id = \"fixture-course\"`");
}
