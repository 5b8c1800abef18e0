//! Instructor tools: `bec course export/check/diff`, partial course folders, `bec update`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn bump_version(course: &Path, version: &str) {
    let text = fs::read_to_string(course.join("course.toml"))
        .unwrap()
        .replace("version = \"1.0.0\"", &format!("version = \"{version}\""));
    fs::write(course.join("course.toml"), text).unwrap();
}

#[test]
fn export_writes_the_built_in_course_and_it_checks_clean() {
    let sandbox = Sandbox::new().built_in_course();
    sandbox
        .bec(&["course", "export", "exported"])
        .success()
        .stdout_has("Exported the built-in course");
    let dir = sandbox.path().join("exported");
    assert!(dir.join("course.toml").is_file());
    assert!(dir.join("days/day01/day.toml").is_file());
    assert!(dir.join("root/README.md.hbs").is_file());
    sandbox
        .bec(&["course", "check", "exported"])
        .success()
        .stdout_has("course OK");
    // the exported folder is a complete course: a repo made from it has the files of one made
    // from the binary; only bec.toml differs, by the course source it records
    sandbox
        .bec(&["new", "2", "builtin", "--yes", "--date", "2026-01-01"])
        .success();
    sandbox
        .bec(&[
            "--course",
            "exported",
            "new",
            "2",
            "folder",
            "--yes",
            "--date",
            "2026-01-01",
        ])
        .success();
    let without_state = |repo: &str| -> Vec<_> {
        snapshot(&sandbox.path().join(repo))
            .into_iter()
            .filter(|(path, _)| path != Path::new("bec.toml"))
            .collect()
    };
    assert_eq!(without_state("builtin"), without_state("folder"));
    let exported = dir.canonicalize().unwrap();
    let state = |repo: &str| fs::read_to_string(sandbox.path().join(repo).join("bec.toml")).unwrap();
    assert_eq!(
        state("builtin").replace(
            "version = \"0.1.0\"\n",
            &format!(
                "version = \"0.1.0\"\nsource = \"folder\"\npath = \"{}\"\n",
                exported.display()
            )
        ),
        state("folder")
    );
    // refuses a non-empty target
    sandbox.bec(&["course", "export", "exported"]).code(4).clean_error();
}

#[test]
fn a_partial_course_folder_overrides_only_its_files() {
    let sandbox = Sandbox::new().built_in_course();
    let dir = sandbox.path().join("school");
    write(
        &dir.join("course.toml"),
        "extends = \"builtin\"\n\n[course]\nversion = \"0.1.0-school.1\"\n",
    );
    write(&dir.join("days/day01/README.md"), "# Day 1, our school's way\n");
    sandbox
        .bec(&["--course", "school", "new", "1", "repo", "--yes"])
        .success();
    let repo = sandbox.path().join("repo");
    assert_eq!(
        fs::read_to_string(repo.join("day01/README.md")).unwrap(),
        "# Day 1, our school's way\n"
    );
    assert!(
        repo.join("day01/pyproject.toml").is_file(),
        "other files come from the built-in course"
    );
    assert!(
        fs::read_to_string(repo.join("bec.toml"))
            .unwrap()
            .contains("version = \"0.1.0-school.1\"")
    );
    let diff = sandbox.bec(&["course", "diff", "school"]);
    diff.success()
        .stdout_has("overrides  days/day01/README.md")
        .stdout_has("+# Day 1, our school's way")
        .stdout_has("changes    course.toml  (1 key(s), merged with the built-in one)\n")
        .stdout_has("  ~ course.version = \"0.1.0\" → \"0.1.0-school.1\"\n");
    // the manifest is compared by keys: no line of the built-in manifest reads as deleted
    assert!(
        diff.stdout.starts_with(
            "changes    course.toml  (1 key(s), merged with the built-in one)\n  \
             ~ course.version = \"0.1.0\" → \"0.1.0-school.1\"\noverrides"
        ),
        "{}",
        diff.stdout
    );
    sandbox.bec(&["course", "check", "school"]).success();
}

#[test]
fn course_diff_of_a_full_export_lists_only_what_changed() {
    let sandbox = Sandbox::new().built_in_course();
    sandbox.bec(&["course", "export", "full"]).success();
    let dir = sandbox.path().join("full");
    let manifest = fs::read_to_string(dir.join("course.toml")).unwrap();
    fs::write(
        dir.join("course.toml"),
        manifest.replacen("version = \"0.1.0\"", "version = \"1.0.0\"", 1),
    )
    .unwrap();
    let readme = dir.join("days/day02/README.md");
    let text = fs::read_to_string(&readme).unwrap();
    fs::write(&readme, format!("{text}One more line.\n")).unwrap();
    fs::remove_file(dir.join("days/day03/README.md")).unwrap();
    write(&dir.join("days/day03/NOTES.md"), "notes\n");
    let diff = sandbox.bec(&["course", "diff", "full"]);
    diff.success()
        .stdout_has("  ~ course.version = \"0.1.0\" → \"1.0.0\"\n")
        .stdout_has("overrides  days/day02/README.md\n")
        .stdout_has("+One more line.")
        .stdout_has("removes    days/day03/README.md\n")
        .stdout_has("adds       days/day03/NOTES.md\n")
        .stdout_has("1 file(s) override the built-in course, 1 added, 1 removed,")
        .stdout_has("identical (not listed; --all lists them).");
    assert!(!diff.stdout.contains("same "), "identical files are hidden");
    assert!(diff.stdout.lines().count() < 40, "{}", diff.stdout);
    sandbox
        .bec(&["course", "diff", "full", "--all"])
        .success()
        .stdout_has("same       days/day01/README.md\n");
}

#[test]
fn course_check_reports_every_problem_with_file_and_line() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    write(
        &course.join("days/day01/README.md.hbs"),
        "# {{day.title}}\n\n{{no_such_variable}}\n",
    );
    write(
        &course.join("root/progress.txt.hbs"),
        "line\n{{#if track}}\nnever closed\n",
    );
    write(&course.join("days/day02/solution.py"), "x = 1\n# END SOLUTION\n");
    let manifest = fs::read_to_string(course.join("course.toml")).unwrap();
    fs::write(
        course.join("course.toml"),
        manifest.replace("version = \"1.0.0\"", "version = \"spring-2026\""),
    )
    .unwrap();
    write(
        &course.join("days/day04/stray.txt"),
        "a day marked lab = false with files\n",
    );
    let run = sandbox.bec(&["course", "check", "course-copy"]);
    run.code(5)
        .stderr_has("days/day01/README.md.hbs:3")
        .stderr_has("no_such_variable")
        .stderr_has("root/progress.txt.hbs")
        .stderr_has("days/day02/solution.py:2")
        .stderr_has("day 4 is marked `lab = false`")
        .stderr_has("`[course] version = \"spring-2026\"` is not a semantic version");
}

#[test]
fn course_check_labs_runs_starter_and_reference() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    // keep only day 1, which has tests
    let text = fs::read_to_string(course.join("course.toml")).unwrap();
    let text = text.replace("tools = [\"python\"]\nlab = true", "tools = [\"python\"]\nlab = false");
    let text = text.replace(
        "tools = [\"python\", \"imaginary\", \"oldtool\", \"daemon\"]\nlab = true",
        "tools = [\"python\", \"imaginary\", \"oldtool\", \"daemon\"]\nlab = false",
    );
    let text = text.replace(
        "title = \"Day five\"\nweek = 1\nlab = true",
        "title = \"Day five\"\nweek = 1\nlab = false",
    );
    fs::write(course.join("course.toml"), text).unwrap();
    for day in ["day02", "day03", "day05"] {
        fs::remove_dir_all(course.join("days").join(day)).unwrap();
    }
    let python = test_python();
    let mut command = sandbox.command(sandbox.path(), &["course", "check", "course-copy", "--labs"]);
    command.env("BEC_PYTHON", &python);
    run(command.output().unwrap())
        .success()
        .stdout_has("day01: starter 0/2 passing, reference 2/2 passing");

    // known-wrong variants: one the tests catch, one they accept, one that only breaks the code
    let variant = |mistake: &str, caught_by: &str, line: &str| {
        format!(
            "# The mistake: {mistake}\n# Why it is wrong: the sum is wrong\n# Caught by: {caught_by}\n\
             diff --git a/app.py b/app.py\n--- a/app.py\n+++ b/app.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n\
             -    return a + b\n+{line}\n"
        )
    };
    let caught = variant("subtracts", "tests/test_app.py::test_add_adds", "    return a - b");
    write(&course.join("wrong/day01/subtracts.patch"), &caught);
    let mut command = sandbox.command(sandbox.path(), &["course", "check", "course-copy", "--labs"]);
    command.env("BEC_PYTHON", &python);
    run(command.output().unwrap())
        .success()
        .stdout_has("day01: starter 0/2 passing, reference 2/2 passing, known-wrong variants 1/1 caught");
    assert!(!sandbox.path().join("course-copy/days/day01/.git").exists());

    let accepted = variant(
        "adds the other way round",
        "tests/test_app.py::test_add_adds",
        "    return b + a",
    );
    write(&course.join("wrong/day01/commuted.patch"), &accepted);
    let broken = variant(
        "typo",
        "tests/test_app.py::test_add_handles_negatives",
        "    return a + c",
    );
    write(&course.join("wrong/day01/typo.patch"), &broken);
    write(
        &course.join("wrong/day01/stale.patch"),
        &caught.replace("return a + b", "return a * b"),
    );
    let mut command = sandbox.command(sandbox.path(), &["course", "check", "course-copy", "--labs"]);
    command.env("BEC_PYTHON", &python);
    run(command.output().unwrap())
        .code(5)
        .stdout_has("known-wrong variants 1/4 caught")
        .stderr_has(
            "wrong/day01/commuted.patch: tests/test_app.py::test_add_adds passes, so the tests accept this mistake",
        )
        .stderr_has("wrong/day01/typo.patch: tests/test_app.py::test_add_handles_negatives fails with NameError")
        .stderr_has("wrong/day01/stale.patch: does not apply to the day's reference");
    for name in ["commuted", "typo", "stale"] {
        fs::remove_file(course.join(format!("wrong/day01/{name}.patch"))).unwrap();
    }

    // a starter that already passes is a problem
    write(&course.join("days/day01/app.py"), "def add(a, b):\n    return a + b\n");
    let mut command = sandbox.command(sandbox.path(), &["course", "check", "course-copy", "--labs"]);
    command.env("BEC_PYTHON", &python);
    run(command.output().unwrap())
        .code(5)
        .stderr_has("the starter must fail every lab test, but 2 of 2 pass");
}

/// A learner repo from the fixture course (v1.0.0) and a copy of that course to edit as v1.1.0.
fn learner_and_new_version(sandbox: &Sandbox) -> (PathBuf, PathBuf) {
    let repo = sandbox.new_repo("1");
    let v2 = copy_of_fixture(sandbox.path());
    bump_version(&v2, "1.1.0");
    (repo, v2)
}

#[test]
fn update_follows_a_renamed_file_that_the_learner_edited() {
    let sandbox = Sandbox::new();
    let (repo, v2) = learner_and_new_version(&sandbox);
    let edited = "Notes for day 1.\nMy own line two.\nLine three.\n";
    fs::write(repo.join("day01/notes.txt"), edited).unwrap();
    commit_all(&repo, "my notes");
    // the instructor renames notes.txt and fixes the README
    fs::rename(v2.join("days/day01/notes.txt"), v2.join("days/day01/NOTES.md")).unwrap();
    write(
        &v2.join("days/day01/README.md.hbs"),
        "# Day {{day.number}} — {{day.title}} (revised)\n\nTopics: {{#each day.topics}}{{this}} {{/each}}\n",
    );

    let mut check = sandbox.command(&repo, &["update", "--check"]);
    check.env("BEC_COURSE", &v2);
    run(check.output().unwrap()).code(1).stdout_has("1.0.0 → 1.1.0");

    let mut update = sandbox.command(&repo, &["update", "--date", "2026-02-01"]);
    update.env("BEC_COURSE", &v2);
    run(update.output().unwrap())
        .success()
        .stdout_has("Updated the course from 1.0.0 to 1.1.0");

    assert_eq!(
        fs::read_to_string(repo.join("day01/NOTES.md")).unwrap(),
        edited,
        "the edit followed the rename"
    );
    assert!(!repo.join("day01/notes.txt").exists());
    assert!(
        fs::read_to_string(repo.join("day01/README.md"))
            .unwrap()
            .contains("(revised)")
    );
    assert!(
        fs::read_to_string(repo.join("bec.toml"))
            .unwrap()
            .contains("version = \"1.1.0\"")
    );
    assert!(dirty_files(&repo).is_empty());

    let mut again = sandbox.command(&repo, &["update", "--check"]);
    again.env("BEC_COURSE", &v2);
    run(again.output().unwrap()).success().stdout_has("Up to date");
}

#[test]
fn update_that_changes_a_line_the_learner_changed_is_a_conflict_and_aborts_cleanly() {
    let sandbox = Sandbox::new();
    let (repo, v2) = learner_and_new_version(&sandbox);
    fs::write(
        repo.join("day01/notes.txt"),
        "Notes for day 1.\nLearner's line two.\nLine three.\n",
    )
    .unwrap();
    commit_all(&repo, "mine");
    let before = head_id(&repo);
    fs::write(
        v2.join("days/day01/notes.txt"),
        "Notes for day 1.\nInstructor's line two.\nLine three.\n",
    )
    .unwrap();
    let mut update = sandbox.command(&repo, &["update"]);
    update.env("BEC_COURSE", &v2);
    run(update.output().unwrap()).code(6).stdout_has("day01/notes.txt");
    let text = fs::read_to_string(repo.join("day01/notes.txt")).unwrap();
    assert!(
        text.contains("Learner's line two.") && text.contains("Instructor's line two."),
        "{text}"
    );
    sandbox.bec_in("repo", &["next", "--abort"]).success();
    assert_eq!(head_id(&repo), before);
    assert!(dirty_files(&repo).is_empty());
}

#[test]
fn update_with_no_course_change_does_nothing() {
    let sandbox = Sandbox::new();
    let repo = sandbox.new_repo("1");
    let before = head_id(&repo);
    sandbox.bec_in("repo", &["update"]).success().stdout_has("Up to date");
    assert_eq!(head_id(&repo), before);
}

#[test]
fn template_errors_are_plain_sentences_naming_every_unknown_variable() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    write(
        &course.join("days/day01/README.md.hbs"),
        "# {{day.titel}} by {{autor_name}}\n\n{{#each days}}{{this.nmber}}{{/each}}\n{{no_such_variable}}\n",
    );
    write(
        &course.join("root/progress.txt.hbs"),
        "line\nline\n{{#if track}}\nnever closed\n",
    );
    write(
        &course.join("root/crossed.txt.hbs"),
        "{{#if track}}\n{{#each days}}\n{{/if}}\n",
    );
    write(&course.join("root/open.txt.hbs"), "text\n{{ day.title\n");
    let run = sandbox.bec(&["course", "check", "course-copy"]);
    run.code(5)
        .stderr_has("root/progress.txt.hbs:3: `{{#if}}` opened at line 3 is never closed")
        .stderr_has("root/crossed.txt.hbs:3: `{{/if}}` at line 3 cannot close `{{#each}}`, opened at line 2")
        .stderr_has("root/open.txt.hbs:2: `{{` at line 2 is never closed with `}}`")
        .stderr_has("days/day01/README.md.hbs:1: unknown variable `day.titel` (did you mean `day.title`?)")
        .stderr_has("days/day01/README.md.hbs:1: unknown variable `autor_name` (did you mean `author_name`?)")
        .stderr_has("days/day01/README.md.hbs:3: unknown variable `this.nmber` (did you mean `this.number`?)")
        .stderr_has("days/day01/README.md.hbs:4: unknown variable `no_such_variable`");
    assert!(!run.stderr.contains("Some("), "{}", run.stderr);
    assert!(!run.stderr.contains("expected escape"), "{}", run.stderr);
    // `bec new` stops at the same problems, with the same words
    sandbox
        .bec(&["--course", "course-copy", "new", "1", "repo", "--yes"])
        .code(5)
        .clean_error()
        .stderr_has("unknown variable `autor_name` (did you mean `author_name`?)");
    assert!(!sandbox.path().join("repo").exists());
}

#[cfg(unix)]
#[test]
fn course_check_labs_without_pytest_says_so_instead_of_counting_no_tests() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    copy_of_fixture(sandbox.path());
    // a real Python that cannot import pytest: `-S` leaves site-packages off its path
    let python = sandbox.path().join("python-without-pytest");
    fs::write(&python, format!("#!/bin/sh\nexec '{}' -S \"$@\"\n", test_python())).unwrap();
    fs::set_permissions(&python, fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = sandbox.command(sandbox.path(), &["course", "check", "course-copy", "--labs"]);
    command.env("BEC_PYTHON", &python);
    let result = run(command.output().unwrap());
    result
        .code(7)
        .clean_error()
        .stderr_has("pytest is needed for this and was not found")
        .stderr_has("No module named pytest")
        .stderr_has("BEC_PYTHON");
    assert!(!result.stdout.contains("0/0"), "{}", result.stdout);
    assert!(!result.stderr.contains("0 of 0"), "{}", result.stderr);
}
