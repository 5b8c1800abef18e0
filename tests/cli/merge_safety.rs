//! `bec next`/`bec update`/`bec next --abort` never lose learner work, never write outside the
//! repo, and recover from merges stopped half-way.

use std::fs;
use std::path::{Path, PathBuf};

use git2::{Repository, RepositoryState};

use crate::support::*;

fn next(sandbox: &Sandbox) -> Run {
    sandbox.bec_in("repo", &["next", "--date", "2026-01-02"])
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(unix)]
#[test]
fn update_never_writes_through_a_committed_symlink_to_a_folder_outside_the_repo() {
    let sandbox = Sandbox::new();
    sandbox.new_repo("3");
    let repo_dir = sandbox.path().join("repo");
    // the learner keeps day03/lib outside the repo and commits a link to it
    let outside = sandbox.path().join("outside-lib");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("data.txt"), "precious, outside the repo\n").unwrap();
    fs::remove_dir_all(repo_dir.join("day03/lib")).unwrap();
    symlink(&outside, &repo_dir.join("day03/lib"));
    commit_all(&repo_dir, "keep lib elsewhere");
    // the instructor adds a file to that folder
    let v2 = fixture_at_version(sandbox.path(), "1.1.0");
    write_file(&v2.join("days/day03/lib/new.txt"), "a new file\n");
    let before = picture(&repo_dir);

    let run = bec_with_course(&sandbox, &repo_dir, &v2, &["update"]);

    assert_eq!(
        fs::read_to_string(outside.join("data.txt")).unwrap(),
        "precious, outside the repo\n"
    );
    assert_eq!(
        fs::read_dir(&outside).unwrap().count(),
        1,
        "nothing new outside the repo"
    );
    run.code(4)
        .clean_error()
        .stderr_has("`day03/lib` is a symbolic link")
        .stderr_has("changed nothing");
    assert_eq!(picture(&repo_dir), before);
    sandbox
        .bec_in("repo", &["next", "--abort"])
        .code(4)
        .stderr_has("no bec merge to abort");
}

#[cfg(unix)]
#[test]
fn next_never_writes_through_an_ignored_symlink_where_the_course_adds_a_folder() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let outside = sandbox.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("README.md"), "mine, outside\n").unwrap();
    fs::write(repo_dir.join(".gitignore"), "/day02\n").unwrap();
    commit_all(&repo_dir, "ignore my link");
    symlink(&outside, &repo_dir.join("day02"));
    let before = picture(&repo_dir);

    let run = next(&sandbox);

    assert_eq!(
        fs::read_to_string(outside.join("README.md")).unwrap(),
        "mine, outside\n"
    );
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 1);
    run.code(4).clean_error().stderr_has("`day02` is a symbolic link");
    assert!(repo_dir.join("day02").is_symlink());
    assert_eq!(picture(&repo_dir), before);
}

/// A repo at day 1 whose `bec update` to course 1.1.0 stopped on a conflict in
/// `day01/notes.txt` (both sides changed its second line). Returns the sandbox, the repo, the
/// 1.1.0 course folder and `bec/template` as it was before the update.
fn update_stopped_on_a_conflict() -> (Sandbox, PathBuf, PathBuf, git2::Oid) {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(
        repo_dir.join("day01/notes.txt"),
        "Notes for day 1.\nMine.\nLine three.\n",
    )
    .unwrap();
    commit_all(&repo_dir, "my notes");
    let template_before = ref_id(&repo_dir, "refs/heads/bec/template");
    let v2 = fixture_at_version(sandbox.path(), "1.1.0");
    write_file(
        &v2.join("days/day01/notes.txt"),
        "Notes for day 1.\nThe instructor's.\nLine three.\n",
    );
    bec_with_course(&sandbox, &repo_dir, &v2, &["update"]).code(6);
    (sandbox, repo_dir, v2, template_before)
}

#[test]
fn update_check_compares_with_what_the_branch_merged_after_git_merge_abort() {
    let (sandbox, repo_dir, v2, template_before) = update_stopped_on_a_conflict();
    // the learner undoes the merge with git itself
    git(&sandbox, &repo_dir, &["merge", "--abort"]).success();

    bec_with_course(&sandbox, &repo_dir, &v2, &["update", "--check"])
        .code(1)
        .stdout_has("1.0.0 → 1.1.0");

    let status = bec_with_course(&sandbox, &repo_dir, &v2, &["status", "--json"]);
    status.success();
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert!(
        json["repaired"][0].as_str().unwrap().contains("never merged"),
        "{}",
        status.stdout
    );
    assert_eq!(ref_id(&repo_dir, "refs/heads/bec/template"), template_before, "healed");
    assert!(
        !Repository::open(&repo_dir)
            .unwrap()
            .path()
            .join("bec/merge-abort")
            .exists()
    );

    // the update is offered again, and brings the same conflict
    bec_with_course(&sandbox, &repo_dir, &v2, &["update"])
        .code(6)
        .stdout_has("day01/notes.txt");
}

#[test]
fn next_repairs_a_template_branch_left_ahead_of_the_learner() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(repo_dir.join("progress.txt"), "my own progress\n").unwrap();
    commit_all(&repo_dir, "mine");
    let template_before = ref_id(&repo_dir, "refs/heads/bec/template");
    next(&sandbox).code(6);
    git(&sandbox, &repo_dir, &["merge", "--abort"]).success();
    assert_ne!(ref_id(&repo_dir, "refs/heads/bec/template"), template_before);

    // the retry stacks its render on the one the branch merged, not on the abandoned one
    next(&sandbox).code(6);
    let repo = Repository::open(&repo_dir).unwrap();
    let template = repo.find_commit(ref_id(&repo_dir, "refs/heads/bec/template")).unwrap();
    assert_eq!(template.parent_id(0).unwrap(), template_before);
}

#[test]
fn abort_keeps_uncommitted_edits_to_files_the_merge_did_not_touch() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let edited = "Course: Fixture Course\nCurrent day: mine\nTrack: python\n";
    fs::write(repo_dir.join("progress.txt"), edited).unwrap();
    commit_all(&repo_dir, "my progress");
    let head_before = head_id(&repo_dir);
    next(&sandbox).code(6).stdout_has("progress.txt");
    // while the conflict waits, the learner keeps working elsewhere
    let work = "def add(a, b):\n    return a + b  # not committed yet\n";
    fs::write(repo_dir.join("day01/app.py"), work).unwrap();
    fs::write(repo_dir.join("day01/scratch.txt"), "an idea\n").unwrap();

    let abort = sandbox.bec_in("repo", &["next", "--abort"]);
    abort.success();

    assert_eq!(fs::read_to_string(repo_dir.join("day01/app.py")).unwrap(), work);
    assert_eq!(
        fs::read_to_string(repo_dir.join("day01/scratch.txt")).unwrap(),
        "an idea\n"
    );
    assert_eq!(fs::read_to_string(repo_dir.join("progress.txt")).unwrap(), edited);
    assert!(!repo_dir.join("day02").exists(), "files the merge created are gone");
    assert_eq!(head_id(&repo_dir), head_before);
    let repo = Repository::open(&repo_dir).unwrap();
    assert_eq!(repo.state(), RepositoryState::Clean);
    let mut dirty = dirty_files(&repo_dir);
    dirty.sort();
    assert_eq!(dirty, ["day01/app.py", "day01/scratch.txt"]);
    assert!(
        abort.stdout.contains("uncommitted changes are kept"),
        "{}",
        abort.stdout
    );
}

#[test]
fn an_ignored_file_where_the_course_adds_one_is_refused_and_kept() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(repo_dir.join(".gitignore"), ".env\n").unwrap();
    commit_all(&repo_dir, "ignore secrets");
    fs::create_dir_all(repo_dir.join("day02")).unwrap();
    fs::write(repo_dir.join("day02/.env"), "API_KEY=my-secret\n").unwrap();
    let v2 = fixture_at_version(sandbox.path(), "1.1.0");
    write_file(&v2.join("days/day02/.env"), "API_KEY=change-me\n");
    let before = picture(&repo_dir);

    let run = bec_with_course(&sandbox, &repo_dir, &v2, &["next"]);

    assert_eq!(
        fs::read_to_string(repo_dir.join("day02/.env")).unwrap(),
        "API_KEY=my-secret\n"
    );
    run.code(4)
        .clean_error()
        .stderr_has("day02/.env")
        .stderr_has("git does not track");
    assert_eq!(picture(&repo_dir), before);
}

#[test]
fn a_file_where_the_course_adds_a_folder_is_refused_without_tilde_copies() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(repo_dir.join("day02"), "my notes about day two\n").unwrap();
    commit_all(&repo_dir, "a file named like tomorrow's folder");
    let before = picture(&repo_dir);

    next(&sandbox)
        .code(4)
        .clean_error()
        .stderr_has("the course has a folder at `day02`, where your branch has a file")
        .stderr_has("git mv day02 day02.mine");

    assert_eq!(picture(&repo_dir), before);
    assert!(!repo_dir.join("day02~HEAD").exists());

    // following the message works
    git(&sandbox, &repo_dir, &["mv", "day02", "day02.mine"]).success();
    git(&sandbox, &repo_dir, &["commit", "-qm", "rename"]).success();
    next(&sandbox).success();
    assert_eq!(
        fs::read_to_string(repo_dir.join("day02.mine")).unwrap(),
        "my notes about day two\n"
    );
    assert!(repo_dir.join("day02/README.md").is_file());
}

#[test]
fn next_with_the_template_branch_checked_out_says_to_switch_back() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(repo_dir.join("day01/notes.txt"), "mine\n").unwrap();
    commit_all(&repo_dir, "mine");
    git(&sandbox, &repo_dir, &["switch", "-q", "bec/template"]).success();
    let before = picture(&repo_dir);

    next(&sandbox)
        .code(4)
        .clean_error()
        .stderr_has("`bec/template` is checked out")
        .stderr_has("git switch main");
    assert_eq!(picture(&repo_dir), before);
}

#[test]
fn a_missing_template_branch_is_named_with_the_command_that_recreates_it() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let template = ref_id(&repo_dir, "refs/heads/bec/template");
    fs::write(repo_dir.join("day01/notes.txt"), "mine\n").unwrap();
    commit_all(&repo_dir, "mine");
    git(&sandbox, &repo_dir, &["branch", "-D", "bec/template"]).success();
    let before = picture(&repo_dir);

    let run = next(&sandbox);
    run.code(4)
        .clean_error()
        .stderr_has("`bec/template`, which holds the course's renders, is missing")
        .stderr_has(&format!("git branch bec/template {template}"));
    assert!(!run.stderr.contains("bec.toml"), "{}", run.stderr);
    assert_eq!(picture(&repo_dir), before);

    git(&sandbox, &repo_dir, &["branch", "bec/template", &template.to_string()]).success();
    next(&sandbox).success();
}

#[test]
fn a_deleted_file_that_an_update_changes_comes_back_as_a_conflict() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::remove_file(repo_dir.join("day01/notes.txt")).unwrap();
    fs::remove_file(repo_dir.join("day01/data.bin")).unwrap();
    commit_all(&repo_dir, "I do not need these");
    let v2 = fixture_at_version(sandbox.path(), "1.1.0");
    write_file(&v2.join("days/day01/notes.txt"), "Notes for day 1, revised.\n");

    bec_with_course(&sandbox, &repo_dir, &v2, &["update"])
        .code(6)
        .stdout_has("day01/notes.txt");
    assert!(
        !repo_dir.join("day01/data.bin").exists(),
        "unchanged by the course: stays deleted"
    );
    // `git rm` keeps it deleted
    git(&sandbox, &repo_dir, &["rm", "-q", "day01/notes.txt"]).success();
    git(&sandbox, &repo_dir, &["commit", "-q", "--no-edit"]).success();
    assert!(!repo_dir.join("day01/notes.txt").exists());
    bec_with_course(&sandbox, &repo_dir, &v2, &["update", "--check"])
        .success()
        .stdout_has("Up to date");
}

#[test]
fn abort_undoes_a_merge_stopped_by_an_older_bec() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let edited = "Course: Fixture Course\nCurrent day: mine\nTrack: python\n";
    fs::write(repo_dir.join("progress.txt"), edited).unwrap();
    commit_all(&repo_dir, "my progress");
    let before = picture(&repo_dir);
    next(&sandbox).code(6);
    // the record as older versions of bec wrote it
    fs::write(
        repo_dir.join(".git/bec/merge-abort"),
        format!("head {}\ntemplate {}\n", before.head, before.template.unwrap()),
    )
    .unwrap();

    sandbox.bec_in("repo", &["next", "--abort"]).success();
    assert_eq!(picture(&repo_dir), before);
}

#[test]
fn abort_refuses_to_drop_an_edit_made_after_the_merge_to_a_file_it_wrote() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    fs::write(repo_dir.join("progress.txt"), "my own progress\n").unwrap();
    commit_all(&repo_dir, "my progress");
    let before = picture(&repo_dir);
    next(&sandbox).code(6);
    // the learner starts on tomorrow's lab before resolving the conflict
    let started = "# Day 2\n\nmy first notes on day two\n";
    fs::write(repo_dir.join("day02/README.md"), started).unwrap();
    let during = picture(&repo_dir);

    sandbox
        .bec_in("repo", &["next", "--abort"])
        .code(4)
        .clean_error()
        .stderr_has("day02/README.md")
        .stderr_has("changed nothing");
    assert_eq!(picture(&repo_dir), during);
    assert_eq!(fs::read_to_string(repo_dir.join("day02/README.md")).unwrap(), started);

    // once the learner drops (or saves) the change, the abort goes through
    git(&sandbox, &repo_dir, &["checkout", "--", "day02/README.md"]).success();
    sandbox.bec_in("repo", &["next", "--abort"]).success();
    assert_eq!(picture(&repo_dir), before);
}

#[test]
fn status_repairs_a_template_branch_an_interrupted_older_bec_left_ahead() {
    let (sandbox, repo_dir, v2, template_before) = update_stopped_on_a_conflict();
    // what an older bec left when killed after moving bec/template: no merge, no record
    git(&sandbox, &repo_dir, &["merge", "--abort"]).success();
    fs::remove_file(repo_dir.join(".git/bec/merge-abort")).unwrap();
    bec_with_course(&sandbox, &repo_dir, &v2, &["update", "--check"]).code(1);

    bec_with_course(&sandbox, &repo_dir, &v2, &["status"])
        .success()
        .stdout_has("Repaired: bec/template pointed at a course render your branch never merged");
    assert_eq!(ref_id(&repo_dir, "refs/heads/bec/template"), template_before);
    bec_with_course(&sandbox, &repo_dir, &v2, &["status"])
        .success()
        .stdout_has("Day:");
    let again = bec_with_course(&sandbox, &repo_dir, &v2, &["status"]);
    assert!(!again.stdout.contains("Repaired"), "{}", again.stdout);
}
