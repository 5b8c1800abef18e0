//! `bec next`: real git merges that keep the learner's work.

use std::fs;
use std::path::Path;

use git2::{Repository, RepositoryState};

use crate::support::*;

fn next(sandbox: &Sandbox) -> Run {
    sandbox.bec_in("repo", &["next", "--date", "2026-01-02"])
}

#[test]
fn clean_merge_keeps_learner_edits_byte_for_byte() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let solved = "def add(a, b):\n    return a + b  # my solution\r\n";
    fs::write(repo_dir.join("day01/app.py"), solved).unwrap();
    let readme =
        fs::read_to_string(repo_dir.join("README.md"))
            .unwrap()
            .replacen("# fixture-project", "# My own title", 1);
    fs::write(repo_dir.join("README.md"), &readme).unwrap();
    fs::write(repo_dir.join("day01/mine.txt"), "my own file\n").unwrap();
    commit_all(&repo_dir, "my work on day 1");
    let before = head_id(&repo_dir);

    next(&sandbox).success().stdout_has("Day 2 — Day two");

    assert_eq!(fs::read_to_string(repo_dir.join("day01/app.py")).unwrap(), solved);
    assert_eq!(
        fs::read_to_string(repo_dir.join("day01/mine.txt")).unwrap(),
        "my own file\n"
    );
    let merged_readme = fs::read_to_string(repo_dir.join("README.md")).unwrap();
    assert!(merged_readme.starts_with("# My own title"), "{merged_readme}");
    assert!(
        merged_readme.contains("| 2 | Day two |"),
        "the template's new row arrives: {merged_readme}"
    );
    assert!(repo_dir.join("day02/README.md").is_file());
    assert!(
        fs::read_to_string(repo_dir.join("progress.txt"))
            .unwrap()
            .contains("Current day: 2")
    );
    assert!(
        fs::read_to_string(repo_dir.join("bec.toml"))
            .unwrap()
            .contains("current_day = 2")
    );
    assert!(dirty_files(&repo_dir).is_empty());

    let repo = Repository::open(&repo_dir).unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(head.parent_count(), 2, "one merge commit");
    assert_eq!(head.parent_id(0).unwrap(), before);
    assert_eq!(head.parent_id(1).unwrap(), ref_id(&repo_dir, "refs/heads/bec/template"));
    assert!(
        head.summary()
            .unwrap()
            .unwrap()
            .starts_with("bec: start day 2 — Day two")
    );
    assert_eq!(head.author().name().unwrap(), "Ada Learner");
    let template = repo.find_commit(ref_id(&repo_dir, "refs/heads/bec/template")).unwrap();
    assert_eq!(template.parent_count(), 1, "template commits stack on each other");
    assert_eq!(repo.state(), RepositoryState::Clean);
}

#[test]
fn a_file_the_learner_deleted_stays_deleted() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::remove_file(repo_dir.join("day01/notes.txt")).unwrap();
    commit_all(&repo_dir, "remove notes");
    next(&sandbox).success();
    assert!(!repo_dir.join("day01/notes.txt").exists());
}

#[test]
fn next_from_a_subfolder_finds_the_repo() {
    let sandbox = Sandbox::new();
    sandbox.new_repo("1");
    sandbox.bec_in("repo/day01/tests", &["next"]).success();
    assert!(sandbox.path().join("repo/day02").is_dir());
}

#[test]
fn a_template_change_to_a_learner_edited_line_is_a_real_conflict() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let edited = fs::read_to_string(repo_dir.join("progress.txt"))
        .unwrap()
        .replace("Current day: 1", "Current day: one, and I love it");
    fs::write(repo_dir.join("progress.txt"), &edited).unwrap();
    commit_all(&repo_dir, "my progress note");
    let head_before = head_id(&repo_dir);
    let template_before = ref_id(&repo_dir, "refs/heads/bec/template");

    let run = next(&sandbox);
    run.code(6).stdout_has("progress.txt").stdout_has("bec next --abort");

    let repo = Repository::open(&repo_dir).unwrap();
    assert_eq!(repo.state(), RepositoryState::Merge, "MERGE_HEAD is set");
    let index = repo.index().unwrap();
    assert!(index.has_conflicts());
    let conflict = index.conflicts().unwrap().next().unwrap().unwrap();
    assert_eq!(
        conflict.ancestor.as_ref().map(|e| e.path.clone()),
        Some(b"progress.txt".to_vec())
    );
    assert!(
        conflict.our.is_some() && conflict.their.is_some(),
        "stages 2 and 3 present"
    );
    let text = fs::read_to_string(repo_dir.join("progress.txt")).unwrap();
    assert!(text.contains("<<<<<<<") && text.contains(">>>>>>>"), "{text}");
    assert!(text.contains("Current day: one, and I love it") && text.contains("Current day: 2"));

    // status shows the conflict, another next is refused
    let status = sandbox.bec_in("repo", &["status", "--json"]);
    status.success();
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(json["merge_in_progress"], true);
    assert_eq!(json["conflicts"][0], "progress.txt");
    next(&sandbox)
        .code(4)
        .clean_error()
        .stderr_has("merge is already in progress");

    // abort restores the state before the command
    sandbox.bec_in("repo", &["next", "--abort"]).success();
    let repo = Repository::open(&repo_dir).unwrap();
    assert_eq!(repo.state(), RepositoryState::Clean);
    assert_eq!(head_id(&repo_dir), head_before);
    assert_eq!(ref_id(&repo_dir, "refs/heads/bec/template"), template_before);
    assert_eq!(fs::read_to_string(repo_dir.join("progress.txt")).unwrap(), edited);
    assert!(!repo_dir.join("day02").exists());
    assert!(dirty_files(&repo_dir).is_empty(), "{:?}", dirty_files(&repo_dir));
    sandbox
        .bec_in("repo", &["next", "--abort"])
        .code(4)
        .stderr_has("no bec merge to abort");
}

#[test]
fn a_resolved_conflict_is_finished_with_git_commit_and_next_continues() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let edited = fs::read_to_string(repo_dir.join("progress.txt"))
        .unwrap()
        .replace("Current day: 1", "Current day: mine");
    fs::write(repo_dir.join("progress.txt"), edited).unwrap();
    commit_all(&repo_dir, "edit");
    next(&sandbox).code(6);
    // resolve: take the course's line, keep a note of the learner's own, commit with both parents
    fs::write(
        repo_dir.join("progress.txt"),
        "Course: Fixture Course\nCurrent day: 2\nTrack: python\n",
    )
    .unwrap();
    let repo = Repository::open(&repo_dir).unwrap();
    let mut index = repo.index().unwrap();
    index.add_path(Path::new("progress.txt")).unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = git2::Signature::now("Ada Learner", "ada@example.invalid").unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    let theirs = repo.find_commit(repo.refname_to_id("MERGE_HEAD").unwrap()).unwrap();
    let message = fs::read_to_string(repo.path().join("MERGE_MSG")).unwrap();
    assert!(
        message.starts_with("bec: start day 2"),
        "MERGE_MSG prepared for `git commit`: {message}"
    );
    repo.commit(Some("HEAD"), &sig, &sig, &message, &tree, &[&head, &theirs])
        .unwrap();
    repo.cleanup_state().unwrap();

    // the merge is finished: an abort now must not touch the learner's merge commit
    let resolved = head_id(&repo_dir);
    sandbox
        .bec_in("repo", &["next", "--abort"])
        .code(4)
        .stderr_has("no bec merge to abort");
    assert_eq!(head_id(&repo_dir), resolved);

    next(&sandbox).success().stdout_has("Day 3");
    assert!(
        fs::read_to_string(repo_dir.join("bec.toml"))
            .unwrap()
            .contains("current_day = 3")
    );
}

#[test]
fn dirty_tree_is_refused_and_nothing_changes() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(repo_dir.join("day01/app.py"), "work in progress\n").unwrap();
    fs::write(repo_dir.join("scratch.txt"), "untracked\n").unwrap();
    let template_before = ref_id(&repo_dir, "refs/heads/bec/template");
    let before = snapshot(&repo_dir);
    next(&sandbox)
        .code(4)
        .clean_error()
        .stderr_has("day01/app.py")
        .stderr_has("scratch.txt")
        .stderr_has("git stash");
    assert_eq!(snapshot(&repo_dir), before);
    assert_eq!(ref_id(&repo_dir, "refs/heads/bec/template"), template_before);
}

#[test]
fn detached_head_is_refused() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let repo = Repository::open(&repo_dir).unwrap();
    repo.set_head_detached(head_id(&repo_dir)).unwrap();
    next(&sandbox).code(4).clean_error().stderr_has("detached");
}

#[test]
fn a_day_without_a_lab_and_the_last_day_are_refused() {
    let sandbox = Sandbox::new();
    sandbox.new_repo("3");
    next(&sandbox)
        .code(3)
        .clean_error()
        .stderr_has("day 4 (Day four) has no lab yet");
    let other = Sandbox::new();
    other.new_repo("5");
    next(&other).code(4).clean_error().stderr_has("last day");
}

#[test]
fn next_outside_a_learner_repo_says_how_to_start() {
    let sandbox = Sandbox::new();
    sandbox
        .bec(&["next"])
        .code(4)
        .clean_error()
        .stderr_has("not inside a bec learner repo")
        .stderr_has("bec new");
    sandbox.bec(&["status"]).code(4).clean_error();
}

#[test]
fn a_broken_bec_toml_is_named_and_nothing_changes() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    for (broken, expect) in [
        ("this is [ not toml", "not valid TOML"),
        (
            "format = 1\n[course]\nid = \"fixture-course\"\nversion = \"1\"\n[progress]\nfirst_day = 1\n[answers]\n",
            "progress.current_day",
        ),
        (
            "format = 1\n[course]\nid = \"fixture-course\"\nversion = \"1\"\n[progress]\nfirst_day = 1\ncurrent_day = \"two\"\n[answers]\n",
            "progress.current_day",
        ),
    ] {
        fs::write(repo_dir.join("bec.toml"), broken).unwrap();
        commit_all(&repo_dir, "break it");
        let before = snapshot(&repo_dir);
        next(&sandbox)
            .code(4)
            .clean_error()
            .stderr_has("bec.toml")
            .stderr_has(expect)
            .stderr_has("git checkout");
        assert_eq!(snapshot(&repo_dir), before);
    }
}

#[test]
fn a_repo_from_another_course_is_refused() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let text = fs::read_to_string(repo_dir.join("bec.toml"))
        .unwrap()
        .replace("fixture-course", "some-other-course");
    fs::write(repo_dir.join("bec.toml"), text).unwrap();
    commit_all(&repo_dir, "switch");
    next(&sandbox).code(4).clean_error().stderr_has("some-other-course");
}

#[test]
fn missing_git_identity_is_refused_before_anything_changes() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::remove_file(sandbox.home.join(".gitconfig")).unwrap();
    let template_before = ref_id(&repo_dir, "refs/heads/bec/template");
    next(&sandbox)
        .code(7)
        .clean_error()
        .stderr_has("git config --global user.name");
    assert_eq!(ref_id(&repo_dir, "refs/heads/bec/template"), template_before);
}

#[test]
fn status_and_list_describe_the_repo() {
    let sandbox = Sandbox::new();
    sandbox.new_repo("2");
    sandbox
        .bec_in("repo", &["status"])
        .success()
        .stdout_has("Day:     2 of 5 — Day two")
        .stdout_has("Branch:  main");
    let list = sandbox.bec_in("repo", &["list"]);
    list.success()
        .stdout_has("▶ day02  Day two")
        .stdout_has("day04  Day four  (no lab yet)")
        .stdout_has("Week 1 — The only week");
}

/// `bec next` with BEC_PYTHON set (`python`) or unset (`None`), stdin closed.
fn next_with_python(sandbox: &Sandbox, python: Option<&str>) -> Run {
    let mut command = sandbox.command(&sandbox.path().join("repo"), &["next", "--date", "2026-01-02"]);
    command.env_remove("BEC_PYTHON").stdin(std::process::Stdio::null());
    if let Some(python) = python {
        command.env("BEC_PYTHON", python);
    }
    run(command.output().unwrap())
}

#[test]
fn next_says_whether_the_previous_day_was_done_and_how_to_install_the_new_one() {
    let python = test_python();
    // Solved: day 1's tests run (a Python is set up) and all pass.
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(repo_dir.join("day01/app.py"), "def add(a, b):\n    return a + b\n").unwrap();
    commit_all(&repo_dir, "solve day 1");
    let run = next_with_python(&sandbox, Some(&python));
    run.success()
        .stdout_has("Day 1 is done: all 2 of its tests pass.")
        .stdout_has("cd day02 && uv sync")
        .stdout_has("day02/README.md");
    assert!(
        !run.stdout.contains("\n  open "),
        "`open` is macOS only:\n{}",
        run.stdout
    );
    assert!(dirty_files(&repo_dir).is_empty(), "running the tests left files behind");

    // Not solved: the count of passing tests.
    let sandbox = Sandbox::new();
    sandbox.new_repo("1");
    next_with_python(&sandbox, Some(&python))
        .success()
        .stdout_has("Day 1 is not done yet: 0 of 2 tests pass");

    // No Python set up for the day: no misleading result, the way to find out.
    let sandbox = Sandbox::new();
    sandbox.new_repo("1");
    next_with_python(&sandbox, None)
        .success()
        .stdout_has("Day 1: tests not run (day01 has no .venv; `uv sync` there makes it)")
        .stdout_has("`bec check 1` says whether it is done");
}

#[test]
fn next_to_the_last_day_with_a_lab_says_what_that_means() {
    let sandbox = Sandbox::new();
    sandbox.new_repo("2");
    let run = next_with_python(&sandbox, None);
    run.success()
        .stdout_has("Day 3 is the last day with a lab in course version 1.0.0: day 4 — Day four has no lab yet")
        .stdout_has("`bec update` brings it in");
    // Indeed: the day after has no lab.
    next_with_python(&sandbox, None)
        .code(3)
        .stderr_has("day 4 (Day four) has no lab yet");
}
