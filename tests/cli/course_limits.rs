//! What a course may hold: templates within the limits of the renderer, and nothing that
//! `bec course check` accepts but `bec new` refuses.

use std::fs;
use std::path::Path;

use crate::support::*;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// `bec new` and `bec course check` both refuse the course with exit 5, naming `text`.
#[track_caller]
fn both_refuse(sandbox: &Sandbox, course: &Path, text: &str) {
    let new = sandbox.bec(&[
        "--course",
        course.to_str().unwrap(),
        "new",
        "1",
        "repo",
        "--yes",
        "--date",
        "2026-01-01",
    ]);
    new.code(5).clean_error().stderr_has(text);
    assert!(!sandbox.path().join("repo").exists());
    sandbox
        .bec(&["course", "check", course.to_str().unwrap()])
        .code(5)
        .stderr_has(text);
}

#[test]
fn blocks_nested_ten_thousand_deep_are_a_template_error_naming_the_file_and_the_limit() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    write(
        &course.join("days/day01/deep.txt.hbs"),
        &format!("top\n{}x{}\n", "{{#if track}}".repeat(10_000), "{{/if}}".repeat(10_000)),
    );
    both_refuse(&sandbox, &course, "template error in days/day01/deep.txt.hbs:2:");
    both_refuse(&sandbox, &course, "nested more than 100 deep, the limit");
}

#[test]
fn a_partial_that_calls_itself_is_a_template_error_instead_of_a_crash() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    write(
        &course.join("days/day01/tree.txt.hbs"),
        "{{#*inline \"node\"}}- {{track}}\n{{> node}}{{/inline}}\n{{> node}}\n",
    );
    both_refuse(
        &sandbox,
        &course,
        "days/day01/tree.txt.hbs:1:1: partial `node` calls itself",
    );
}

#[test]
fn inline_partials_within_the_limits_still_render() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    write(
        &course.join("days/day01/list.txt.hbs"),
        "{{#*inline \"item\"}}* {{this}}\n{{/inline}}{{#each day.topics}}{{> item}}{{/each}}",
    );
    let sandbox = sandbox.with_course(course);
    let repo = sandbox.new_repo("1");
    assert_eq!(fs::read_to_string(repo.join("day01/list.txt")).unwrap(), "* starting\n");
}

#[test]
fn a_commit_identity_git_refuses_is_found_by_course_check() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    let manifest = course.join("course.toml");
    replace_in(&manifest, "email = \"course@fixture.invalid\"", "email = \"\"");
    both_refuse(&sandbox, &course, "cannot sign a git commit");
    replace_in(&manifest, "email = \"\"", "email = \"<course@fixture.invalid>\"");
    both_refuse(&sandbox, &course, "cannot sign a git commit");
}

#[test]
fn prompt_patterns_and_defaults_bec_new_refuses_are_found_by_course_check() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    let manifest = course.join("course.toml");
    replace_in(&manifest, "pattern = \"^[a-z][a-z0-9-]{0,62}$\"", "pattern = \"^[a-z\"");
    both_refuse(&sandbox, &course, "prompt `project_name` has an invalid pattern");
    replace_in(&manifest, "pattern = \"^[a-z\"", "pattern = \"^[0-9]+$\"");
    both_refuse(
        &sandbox,
        &course,
        "prompt `project_name` has default `fixture-project`, which the prompt itself refuses",
    );
}

#[test]
fn paths_some_systems_take_for_dot_git_are_found_by_course_check() {
    for name in [".GIT", ".git.", ".git ", "Git~1"] {
        let sandbox = Sandbox::new();
        let course = copy_of_fixture(sandbox.path());
        write(&course.join(format!("days/day01/{name}/config")), "[core]\n");
        both_refuse(&sandbox, &course, "would write inside the repo's .git folder");
    }
}

#[test]
fn an_include_into_dot_git_is_found_by_course_check() {
    let sandbox = Sandbox::new();
    let course = copy_of_fixture(sandbox.path());
    write(
        &course.join("days/day01/day.toml"),
        "[test]\ncommand = [\"python\", \"-m\", \"pytest\"]\n\n[[include]]\nfrom = \"shared/lib\"\nto = \".git\"\n",
    );
    both_refuse(&sandbox, &course, "would write inside the repo's .git folder");
}

#[test]
fn a_course_folder_kept_in_git_does_not_take_its_git_folder_for_course_files() {
    let sandbox = Sandbox::new().built_in_course();
    let school = sandbox.path().join("school");
    write(
        &school.join("course.toml"),
        "extends = \"builtin\"\n\n[course]\nversion = \"0.1.0-school.1\"\n",
    );
    write(&school.join("days/day01/README.md"), "# Day 1, our way\n");
    let repo = git2::Repository::init(&school).unwrap();
    let mut index = repo.index().unwrap();
    index.add_all(["*"], git2::IndexAddOption::DEFAULT, None).unwrap();
    index.write().unwrap();
    assert!(school.join(".git/HEAD").is_file());

    let diff = sandbox.bec(&["course", "diff", "school"]);
    diff.success().stdout_has("overrides  days/day01/README.md");
    assert!(!diff.stdout.contains(".git/"), "{}", diff.stdout);
    sandbox.bec(&["course", "check", "school"]).success();
    sandbox
        .bec(&["--course", "school", "new", "1", "repo", "--yes"])
        .success();
}
