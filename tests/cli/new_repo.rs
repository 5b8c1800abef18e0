//! `bec new`: layout, branches, determinism, rendering rules.

use std::fs;

use git2::Repository;

use crate::support::*;

#[test]
fn new_creates_a_repo_with_template_branch_and_main_at_the_same_commit() {
    let sandbox = Sandbox::new();
    let run = sandbox.bec(&["new", "day1", "repo", "--yes", "--date", "2026-01-01"]);
    run.success().stdout_has("Next steps").stdout_has("cd repo");
    let repo_dir = sandbox.path().join("repo");
    let repo = Repository::open(&repo_dir).unwrap();
    assert_eq!(repo.head().unwrap().shorthand().unwrap(), "main");
    let main = ref_id(&repo_dir, "refs/heads/main");
    assert_eq!(main, ref_id(&repo_dir, "refs/heads/bec/template"));
    let commit = repo.find_commit(main).unwrap();
    assert_eq!(commit.author().name().unwrap(), "Fixture Course");
    assert_eq!(commit.time().seconds(), 1_767_225_600);
    assert!(
        dirty_files(&repo_dir).is_empty(),
        "fresh repo must be clean: {:?}",
        dirty_files(&repo_dir)
    );
    for path in [
        "README.md",
        "progress.txt",
        "fixture-project.txt",
        "bec.toml",
        "day01/README.md",
        "day01/app.py",
        "day01/tests/test_app.py",
    ] {
        assert!(repo_dir.join(path).is_file(), "{path} missing");
    }
    assert!(!repo_dir.join("day02").exists(), "only the chosen day is rendered");
    assert!(!repo_dir.join("day01/README.md.hbs").exists(), ".hbs suffix is dropped");
}

#[test]
fn new_renders_templates_without_html_escaping_and_strips_solutions() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let readme = fs::read_to_string(repo_dir.join("README.md")).unwrap();
    assert!(
        readme.contains("Made for Ada Learner <ada@example.invalid>."),
        "{readme}"
    );
    let app = fs::read_to_string(repo_dir.join("day01/app.py")).unwrap();
    assert_eq!(
        app,
        "def add(a, b):\n    raise NotImplementedError(\"TODO(day01): add the numbers\")\n"
    );
    let day_readme = fs::read_to_string(repo_dir.join("day01/README.md")).unwrap();
    assert!(day_readme.starts_with("# Day 1 — Day one"), "{day_readme}");
}

#[test]
fn solution_flag_renders_the_reference() {
    let sandbox = Sandbox::new();
    sandbox.bec(&["new", "1", "ref", "--yes", "--solution"]).success();
    let app = fs::read_to_string(sandbox.path().join("ref/day01/app.py")).unwrap();
    assert_eq!(app, "def add(a, b):\n    return a + b\n");
}

#[test]
fn binary_files_are_copied_byte_for_byte_and_executables_stay_executable() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("day-1");
    let source = fs::read(fixture_course().join("days/day01/data.bin")).unwrap();
    assert_eq!(fs::read(repo_dir.join("day01/data.bin")).unwrap(), source);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(repo_dir.join("day01/run.sh"))
            .unwrap()
            .permissions()
            .mode();
        assert_ne!(mode & 0o111, 0, "run.sh lost its executable bit");
        let mode = fs::metadata(repo_dir.join("day01/notes.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o111, 0);
    }
    let repo = Repository::open(&repo_dir).unwrap();
    let tree = repo.head().unwrap().peel_to_tree().unwrap();
    let entry = tree.get_path(std::path::Path::new("day01/run.sh")).unwrap();
    assert_eq!(entry.filemode(), 0o100755);
}

#[test]
fn same_inputs_give_the_same_commit_id() {
    let sandbox = Sandbox::new();
    sandbox
        .bec(&["new", "2", "a", "--yes", "--date", "2026-03-04"])
        .success();
    sandbox
        .bec(&["new", "2", "b", "--yes", "--date", "2026-03-04"])
        .success();
    let a = head_id(&sandbox.path().join("a"));
    assert_eq!(a, head_id(&sandbox.path().join("b")));
    let mut command = sandbox.command(sandbox.path(), &["new", "2", "c", "--yes"]);
    command.env("SOURCE_DATE_EPOCH", "1772582400");
    run(command.output().unwrap()).success();
    assert_eq!(
        a,
        head_id(&sandbox.path().join("c")),
        "SOURCE_DATE_EPOCH gives the same moment"
    );
    sandbox
        .bec(&["new", "2", "d", "--yes", "--date", "2026-03-05"])
        .success();
    assert_ne!(a, head_id(&sandbox.path().join("d")), "another date, another commit");
}

#[test]
fn set_answers_reach_templates_paths_and_bec_toml() {
    let sandbox = Sandbox::new();
    sandbox
        .bec(&[
            "new",
            "1",
            "repo",
            "--yes",
            "--set",
            "project_name=my-course",
            "--set",
            "author_name=Grace",
        ])
        .success();
    let repo_dir = sandbox.path().join("repo");
    assert!(repo_dir.join("my-course.txt").is_file());
    let state = fs::read_to_string(repo_dir.join("bec.toml")).unwrap();
    assert!(state.contains("project_name = \"my-course\""), "{state}");
    assert!(state.contains("author_name = \"Grace\""), "{state}");
    assert!(state.contains("current_day = 1"), "{state}");
    assert!(state.contains("id = \"fixture-course\""), "{state}");
    assert!(state.contains("version = \"1.0.0\""), "{state}");
}

#[test]
fn an_empty_existing_folder_is_used() {
    let sandbox = Sandbox::new();
    fs::create_dir(sandbox.path().join("repo")).unwrap();
    sandbox.new_repo("1");
    assert!(sandbox.path().join("repo/bec.toml").is_file());
}

#[test]
fn no_staging_folder_is_left_behind() {
    let sandbox = Sandbox::new();
    sandbox.new_repo("1");
    // The repo is built in staging, then the move fails: `blocker` is a file, not a folder.
    fs::write(sandbox.path().join("blocker"), "a file").unwrap();
    sandbox
        .bec(&["new", "1", "blocker/repo", "--yes"])
        .code(1)
        .clean_error()
        .stderr_has("cannot create");
    let leftovers: Vec<_> = fs::read_dir(sandbox.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".bec-new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(fs::read_to_string(sandbox.path().join("blocker")).unwrap(), "a file");
}

#[test]
fn new_in_the_current_empty_folder_works() {
    let sandbox = Sandbox::new();
    fs::create_dir(sandbox.path().join("here")).unwrap();
    sandbox.bec_in("here", &["new", "1", ".", "--yes"]).success();
    assert!(sandbox.path().join("here/.git").is_dir());
    assert!(sandbox.path().join("here/bec.toml").is_file());
    assert!(dirty_files(&sandbox.path().join("here")).is_empty());
}

#[test]
fn a_day_includes_shared_course_folders_and_its_own_files_win() {
    let sandbox = Sandbox::new();
    sandbox.bec(&["new", "2", "two", "--yes"]).success();
    let two = sandbox.path().join("two/day02/lib");
    assert_eq!(
        fs::read_to_string(two.join("helper.txt")).unwrap(),
        "shared helper for day02\n"
    );
    assert_eq!(fs::read_to_string(two.join("data.txt")).unwrap(), "shared data\n");
    sandbox.bec(&["new", "3", "three", "--yes"]).success();
    let three = sandbox.path().join("three/day03/lib");
    assert_eq!(
        fs::read_to_string(three.join("helper.txt")).unwrap(),
        "shared helper for day03\n"
    );
    assert_eq!(
        fs::read_to_string(three.join("data.txt")).unwrap(),
        "day three keeps its own data\n"
    );
    // a templated shared path is compared after rendering: the day's own `lib/python.txt` wins
    assert_eq!(
        fs::read_to_string(two.join("python.txt")).unwrap(),
        "shared note for the python track\n"
    );
    assert_eq!(
        fs::read_to_string(three.join("python.txt")).unwrap(),
        "day three's own python note\n"
    );
    assert!(
        !sandbox.path().join("two/shared").exists(),
        "shared/ itself is not rendered"
    );
}

#[test]
fn a_day_can_ship_an_earlier_days_reference_solution() {
    let sandbox = Sandbox::new();
    sandbox.bec(&["new", "3", "three", "--yes"]).success();
    // day03/day.toml includes days/day01 with `solution = true`: the learner's starter of day 3
    // holds day 1's solved code, while day 1's own starter keeps its TODO.
    let previous = fs::read_to_string(sandbox.path().join("three/day03/previous/app.py")).unwrap();
    assert_eq!(previous, "def add(a, b):\n    return a + b\n");
    sandbox.bec(&["new", "1", "one", "--yes"]).success();
    let own = fs::read_to_string(sandbox.path().join("one/day01/app.py")).unwrap();
    assert!(own.contains("NotImplementedError"), "{own}");
}

#[test]
fn next_works_right_after_new_when_git_has_no_identity() {
    // HOME is empty and GIT_CONFIG_NOSYSTEM=1: git knows nobody.
    let sandbox = Sandbox::without_identity();
    sandbox
        .bec(&[
            "new",
            "1",
            "repo",
            "--yes",
            "--date",
            "2026-01-01",
            "--set",
            "author_name=Ada Typed",
            "--set",
            "author_email=typed@example.invalid",
        ])
        .success()
        .stdout_has("signed Ada Typed <typed@example.invalid>");
    let repo_dir = sandbox.path().join("repo");
    let config = git2::Repository::open(&repo_dir).unwrap().config().unwrap();
    let local = config.open_level(git2::ConfigLevel::Local).unwrap();
    assert_eq!(local.get_string("user.name").unwrap(), "Ada Typed");
    assert_eq!(local.get_string("user.email").unwrap(), "typed@example.invalid");

    sandbox.bec_in("repo", &["next", "--date", "2026-01-02"]).success();
    let repo = git2::Repository::open(&repo_dir).unwrap();
    let merge = repo.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(merge.author().name().unwrap(), "Ada Typed");
    assert_eq!(merge.author().email().unwrap(), "typed@example.invalid");
}

#[test]
fn a_git_identity_of_its_own_is_only_written_when_git_has_none() {
    let sandbox = Sandbox::new();
    let repo_dir = sandbox.new_repo("1");
    let config = git2::Repository::open(&repo_dir).unwrap().config().unwrap();
    let local = config.open_level(git2::ConfigLevel::Local).unwrap();
    assert!(
        local.get_string("user.name").is_err(),
        "the global identity is used as it is"
    );
}
