//! `bec cohort`: identical repos for a roster, proved by `verify`, reported by `status`.

use std::fs;
use std::path::{Path, PathBuf};

use git2::Repository;

use crate::support::*;

const DATE: &str = "2026-01-01";

/// The answers the fixture course has no default for, shared by every repo.
const SHARED: [&str; 4] = [
    "--set",
    "author_name=Course Staff",
    "--set",
    "author_email=staff@example.invalid",
];

fn write_roster(sandbox: &Sandbox, text: &str) {
    fs::write(sandbox.path().join("roster.csv"), text).unwrap();
}

/// `bec cohort new roster.csv --day 1 --out class --date DATE` plus the shared answers and `extra`.
/// `bec cohort new roster.csv --day 1 --out class` with the class's date and shared answers.
pub(crate) fn cohort_new(sandbox: &Sandbox, extra: &[&str]) -> Run {
    let mut args = vec![
        "cohort",
        "new",
        "roster.csv",
        "--day",
        "1",
        "--out",
        "class",
        "--date",
        DATE,
    ];
    args.extend(SHARED);
    args.extend(extra);
    sandbox.bec(&args)
}

fn class(sandbox: &Sandbox, handle: &str) -> PathBuf {
    sandbox.path().join("class").join(handle)
}

fn learner_folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn blob_at(repo_dir: &Path, reference: &str, path: &str) -> String {
    let repo = Repository::open(repo_dir).unwrap();
    let tree = repo.revparse_single(reference).unwrap().peel_to_tree().unwrap();
    let entry = tree.get_path(Path::new(path)).unwrap();
    String::from_utf8(repo.find_blob(entry.id()).unwrap().content().to_vec()).unwrap()
}

#[test]
fn five_learners_get_identical_repos_and_verify_proves_it() {
    let sandbox = Sandbox::new();
    write_roster(
        &sandbox,
        "handle,name,email\nada,Ada L,ada@example.org\nbob,Bob,bob@example.org\ncy,,\ndee,Dee,\neve,,eve@example.org\n",
    );
    cohort_new(&sandbox, &["--jobs", "2"])
        .success()
        .stdout_has("Created 5 learner repos");
    let handles = ["ada", "bob", "cy", "dee", "eve"];
    assert_eq!(learner_folders(&sandbox.path().join("class")), handles);

    let first = class(&sandbox, "ada");
    let template = ref_id(&first, "refs/heads/bec/template");
    let files = snapshot(&first);
    assert!(files.iter().any(|(path, _)| path == Path::new("day01/app.py")));
    for handle in handles {
        let dir = class(&sandbox, handle);
        assert_eq!(ref_id(&dir, "refs/heads/bec/template"), template, "{handle}");
        assert_eq!(head_id(&dir), template, "{handle}: main is the template commit");
        assert_eq!(snapshot(&dir), files, "{handle} has other files");
        assert!(dirty_files(&dir).is_empty(), "{handle} is not clean");
    }
    // The same inputs through `bec new` give the very same commit.
    sandbox
        .bec(&[&["new", "1", "single", "--yes", "--date", DATE][..], &SHARED[..]].concat())
        .success();
    assert_eq!(head_id(&sandbox.path().join("single")), template);
    // The roster's name and email go into each repo's own config, not into commits.
    let config = Repository::open(&first).unwrap().config().unwrap();
    assert_eq!(config.get_string("user.name").unwrap(), "Ada L");
    assert_eq!(config.get_string("user.email").unwrap(), "ada@example.org");
    let repo = Repository::open(&first).unwrap();
    let commit = repo.find_commit(template).unwrap();
    assert_eq!(commit.author().name().unwrap(), "Fixture Course");

    sandbox
        .bec(&["cohort", "verify", "class"])
        .success()
        .stdout_has("5 repos in class are identical")
        .stdout_has(&template.to_string());

    let tampered = class(&sandbox, "dee");
    fs::write(tampered.join("day01/app.py"), "def add(a, b):\n    return a + b\n").unwrap();
    commit_all(&tampered, "solved it");
    let run = sandbox.bec(&["cohort", "verify", "class"]);
    run.code(1).stdout_has("1 of 5 repos").stdout_has("  dee:");
    assert!(
        run.stdout.contains("day01/app.py"),
        "the changed file is named:\n{}",
        run.stdout
    );
    for other in ["ada", "bob", "cy", "eve"] {
        assert!(
            !run.stdout.contains(&format!("  {other}:")),
            "{other} flagged:\n{}",
            run.stdout
        );
    }
    fs::write(class(&sandbox, "bob").join("notes.txt"), "untracked\n").unwrap();
    sandbox
        .bec(&["cohort", "verify", "class"])
        .code(1)
        .stdout_has("  bob:")
        .stdout_has("uncommitted changes");
}

/// 100 rows: line 2 is the header's first learner, so learner N is on line N + 1.
fn hundred_rows_with_four_bad_ones() -> String {
    let mut text = String::from("handle,name,email\n");
    for n in 1..=100 {
        let row = match n {
            10 => "Learner003,Copy,copy@example.org".to_string(),
            20 => "../evil,Evil,evil@example.org".to_string(),
            30 => ",Nobody,nobody@example.org".to_string(),
            40 => "learner040,Too,many@example.org,fields".to_string(),
            _ => format!("learner{n:03},Learner {n},l{n}@example.org"),
        };
        text.push_str(&row);
        text.push('\n');
    }
    text
}

#[test]
fn bad_rows_are_all_reported_with_their_lines_and_nothing_is_created() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, &hundred_rows_with_four_bad_ones());
    let before = snapshot(sandbox.path());
    let run = cohort_new(&sandbox, &[]);
    run.code(3).clean_error().stderr_has("nothing was created");
    for expected in [
        "line 11: handle `Learner003` is already used on line 4",
        "line 21: handle `../evil` holds a path separator",
        "line 31: the handle is empty",
        "line 41: 4 fields, but the header has 3",
        "--skip-bad to create the 96 good repos",
    ] {
        run.stderr_has(expected);
    }
    assert!(!sandbox.path().join("class").exists(), "no folder was made");
    assert_eq!(snapshot(sandbox.path()), before, "nothing changed on disk");

    let run = cohort_new(&sandbox, &["--skip-bad"]);
    // The good rows are created, but rows were left out: exit 3, so a script notices.
    run.code(3)
        .stdout_has("Created 96 learner repos")
        .stderr_has("Skipped 4 roster row(s)")
        .stderr_has("line 21: handle `../evil`")
        .stderr_has("line 41: 4 fields");
    let folders = learner_folders(&sandbox.path().join("class"));
    assert_eq!(folders.len(), 96, "{folders:?}");
    assert!(
        folders.contains(&"learner003".to_string()),
        "the first of the duplicates is kept"
    );
    assert!(!folders.contains(&"learner010".to_string()));
    assert!(!folders.contains(&"learner040".to_string()));
    assert!(!sandbox.path().join("evil").exists());
    sandbox
        .bec(&["cohort", "verify", "class"])
        .success()
        .stdout_has("96 repos");
}

#[test]
fn a_trailing_slash_on_the_class_folder_never_doubles_in_messages() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\n");
    let run = sandbox.bec(
        &[
            &[
                "cohort",
                "new",
                "roster.csv",
                "--day",
                "1",
                "--out",
                "class/",
                "--date",
                DATE,
            ][..],
            &SHARED[..],
        ]
        .concat(),
    );
    run.success().stdout_has("in class/ at day 1");
    let verify = sandbox.bec(&["cohort", "verify", "class/"]);
    verify.success().stdout_has("repos in class are identical");
    for text in [&run.stdout, &run.stderr, &verify.stdout] {
        assert!(!text.contains("class//"), "{text}");
    }
}

#[test]
fn roster_problems_with_the_whole_file_are_refused_even_with_skip_bad() {
    let sandbox = Sandbox::new();
    for (roster, message) in [
        ("", "the file is empty"),
        ("handle,name\n", "no learners"),
        ("name,email\nAda,ada@example.org\n", "no `handle` column"),
        ("handle,autor_name\nada,Ada\n", "column `autor_name` is not known"),
    ] {
        write_roster(&sandbox, roster);
        cohort_new(&sandbox, &["--skip-bad"])
            .code(3)
            .clean_error()
            .stderr_has(message);
        assert!(!sandbox.path().join("class").exists());
    }
    sandbox
        .bec(
            &[
                &["cohort", "new", "missing.csv", "--day", "1", "--out", "class"][..],
                &SHARED[..],
            ]
            .concat(),
        )
        .code(3)
        .clean_error()
        .stderr_has("cannot be read");
}

#[test]
fn shared_answers_never_come_from_the_admins_git_config() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\n");
    sandbox
        .bec(&[
            "cohort",
            "new",
            "roster.csv",
            "--day",
            "1",
            "--out",
            "class",
            "--date",
            DATE,
        ])
        .code(3)
        .clean_error()
        .stderr_has("no shared answer for `author_name` (Your name), `author_email` (Your email)")
        .stderr_has("--set author_name=VALUE --set author_email=VALUE");
    assert!(!sandbox.path().join("class").exists());
    cohort_new(&sandbox, &[]).success();
    let readme = fs::read_to_string(class(&sandbox, "ada").join("README.md")).unwrap();
    assert!(
        readme.contains("Made for Course Staff <staff@example.invalid>."),
        "{readme}"
    );
    assert!(!readme.contains("Ada Learner"), "the admin's identity leaked: {readme}");
}

#[test]
fn a_learners_own_answers_go_into_bec_toml_only() {
    let sandbox = Sandbox::new();
    write_roster(
        &sandbox,
        "handle,email,author_name\nada,ada@example.org,Ada Lovelace\nbob,bob@example.org,Bob Builder\ncy,,\n",
    );
    cohort_new(&sandbox, &[])
        .success()
        .stdout_has("2 repo(s) have their own answers");
    let template = ref_id(&class(&sandbox, "ada"), "refs/heads/bec/template");
    let shared_toml = blob_at(&class(&sandbox, "cy"), "bec/template", "bec.toml");
    let shared_files = snapshot(&class(&sandbox, "cy"));
    for (handle, name) in [("ada", "Ada Lovelace"), ("bob", "Bob Builder")] {
        let dir = class(&sandbox, handle);
        assert_eq!(ref_id(&dir, "refs/heads/bec/template"), template, "{handle}");
        let repo = Repository::open(&dir).unwrap();
        let main = repo.head().unwrap().peel_to_commit().unwrap();
        assert_eq!(main.summary().unwrap(), Some("bec: learner answers"));
        assert_eq!(main.parent_ids().collect::<Vec<_>>(), [template]);
        assert_eq!(main.time().seconds(), 1_767_225_600);

        let own_toml = fs::read_to_string(dir.join("bec.toml")).unwrap();
        assert_eq!(
            own_toml,
            shared_toml.replace("author_name = \"Course Staff\"", &format!("author_name = \"{name}\"")),
            "{handle}: bec.toml differs in that answer only"
        );
        let files: Vec<_> = snapshot(&dir)
            .into_iter()
            .filter(|(p, _)| p != Path::new("bec.toml"))
            .collect();
        let shared: Vec<_> = shared_files
            .iter()
            .filter(|(p, _)| p != Path::new("bec.toml"))
            .cloned()
            .collect();
        assert_eq!(files, shared, "{handle}: every other file is the shared one");
    }
    assert_eq!(
        head_id(&class(&sandbox, "cy")),
        template,
        "no own answers, no extra commit"
    );
    sandbox
        .bec(&["cohort", "verify", "class"])
        .success()
        .stdout_has("2 with their own answers");

    // From the next day on, renders use the learner's own answers, merged like any course change.
    sandbox.bec_in("class/ada", &["next", "--date", "2026-01-02"]).success();
    let readme = fs::read_to_string(class(&sandbox, "ada").join("README.md")).unwrap();
    assert!(readme.contains("Made for Ada Lovelace"), "{readme}");
    assert!(dirty_files(&class(&sandbox, "ada")).is_empty());
}

#[test]
fn bad_own_answers_are_row_problems() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle,project_name\nada,Not Valid!\nbob,fine-name\n");
    cohort_new(&sandbox, &[])
        .code(3)
        .stderr_has("line 2: invalid answer for `project_name`");
    assert!(!sandbox.path().join("class").exists());
}

#[test]
fn push_sends_main_and_the_template_branch_to_each_learners_remote() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle,author_name\nada,Ada\nbob,\n");
    let remotes = sandbox.path().join("remotes");
    for handle in ["ada", "bob"] {
        Repository::init_bare(remotes.join(format!("{handle}.git"))).unwrap();
    }
    let url = format!("file://{}/{{handle}}.git", remotes.display());
    cohort_new(&sandbox, &["--push", &url])
        .success()
        .stdout_has("Pushed main and bec/template of 2 repo(s)");
    for handle in ["ada", "bob"] {
        let local = class(&sandbox, handle);
        let bare = remotes.join(format!("{handle}.git"));
        for branch in ["refs/heads/main", "refs/heads/bec/template"] {
            assert_eq!(ref_id(&bare, branch), ref_id(&local, branch), "{handle} {branch}");
        }
        let repo = Repository::open(&local).unwrap();
        assert_eq!(
            repo.find_remote("origin").unwrap().url().unwrap(),
            url.replace("{handle}", handle)
        );
    }
    assert_ne!(
        ref_id(&remotes.join("ada.git"), "refs/heads/main"),
        ref_id(&remotes.join("ada.git"), "refs/heads/bec/template"),
        "ada's own answer is on main"
    );
}

#[test]
fn a_failed_push_is_reported_per_learner_and_the_repos_stay() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\nbob\n");
    let remotes = sandbox.path().join("remotes");
    Repository::init_bare(remotes.join("ada.git")).unwrap();
    // A relative path template: resolved against the folder bec runs in.
    let run = cohort_new(&sandbox, &["--push", "remotes/{handle}.git"]);
    run.code(1)
        .stdout_has("Pushed main and bec/template of 1 repo(s)")
        .stderr_has("1 repo(s) were created but not pushed")
        .stderr_has("  bob: ");
    assert!(!run.stderr.contains("  ada: "), "{}", run.stderr);
    assert_eq!(
        ref_id(&remotes.join("ada.git"), "refs/heads/main"),
        head_id(&class(&sandbox, "ada"))
    );
    assert!(class(&sandbox, "bob").join("bec.toml").is_file(), "bob's repo stays");

    sandbox
        .bec(
            &[
                &[
                    "cohort",
                    "new",
                    "roster.csv",
                    "--day",
                    "1",
                    "--out",
                    "other",
                    "--push",
                    "/srv/git/one.git",
                ][..],
                &SHARED[..],
            ]
            .concat(),
        )
        .code(3)
        .clean_error()
        .stderr_has("no {handle} placeholder");
}

#[test]
fn a_non_empty_learner_folder_refuses_the_whole_batch() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\nbob\ncy\n");
    fs::create_dir_all(class(&sandbox, "bob")).unwrap();
    fs::write(class(&sandbox, "bob").join("precious.txt"), "mine").unwrap();
    fs::create_dir_all(class(&sandbox, "cy")).unwrap(); // empty: allowed
    let before = snapshot(sandbox.path());
    cohort_new(&sandbox, &[])
        .code(4)
        .clean_error()
        .stderr_has("exist and are not empty")
        .stderr_has("bob (roster line 3)");
    assert_eq!(snapshot(sandbox.path()), before, "nothing was created");
    assert_eq!(learner_folders(&sandbox.path().join("class")), ["bob", "cy"]);
    assert!(!class(&sandbox, "cy").join(".git").exists());
}

#[test]
fn status_reports_day_version_and_last_commit_as_json_and_csv() {
    let sandbox = Sandbox::new();
    write_roster(
        &sandbox,
        "handle,name,author_name\nada,\"Lovelace, Ada\",Ada\nbob,Bob,\n",
    );
    cohort_new(&sandbox, &[]).success();
    sandbox.bec_in("class/bob", &["next", "--date", "2026-01-02"]).success();

    let run = sandbox.bec(&["cohort", "status", "class", "--format", "json"]);
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["course"]["version"], "1.0.0");
    let repos = json["repos"].as_array().unwrap();
    assert_eq!(repos.len(), 2);
    assert_eq!(repos[0]["handle"], "ada");
    assert_eq!(repos[0]["current_day"], 1);
    assert_eq!(repos[0]["course_version"], "1.0.0");
    assert_eq!(repos[0]["name"], "Lovelace, Ada");
    assert_eq!(repos[0]["last_commit"]["summary"], "bec: learner answers");
    assert_eq!(repos[0]["last_commit"]["date"], "2026-01-01 00:00");
    assert_eq!(
        repos[0]["last_commit"]["id"],
        head_id(&class(&sandbox, "ada")).to_string()
    );
    assert_eq!(repos[1]["current_day"], 2);
    assert_eq!(repos[1]["last_commit"]["summary"], "bec: start day 2 — Day two");
    assert!(repos[1]["tests"].is_null(), "tests only run with --run-tests");

    let run = sandbox.bec(&["cohort", "status", "class", "--format", "csv"]);
    run.success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(lines[0].starts_with("handle,name,email,first_day,current_day,course_version,commit"));
    let bob = head_id(&class(&sandbox, "bob")).to_string();
    assert!(
        lines[1].starts_with("ada,\"Lovelace, Ada\",,1,1,1.0.0,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with(&format!("bob,Bob,,1,2,1.0.0,{bob},")),
        "{}",
        lines[2]
    );

    sandbox
        .bec(&["cohort", "status", "class"])
        .success()
        .stdout_has("HANDLE")
        .stdout_has("day02");
}

#[test]
fn status_runs_each_current_days_tests_and_writes_an_html_grid() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle,name\nada,<b>Ada</b>\nbob,Bob & Co\ncy,\n");
    cohort_new(&sandbox, &[]).success();
    let solved = class(&sandbox, "bob");
    fs::write(solved.join("day01/app.py"), "def add(a, b):\n    return a + b\n").unwrap();
    commit_all(&solved, "solve day 1");
    sandbox.bec_in("class/cy", &["next", "--date", "2026-01-02"]).success();

    let python = test_python();
    let mut command = sandbox.command(
        sandbox.path(),
        &[
            "cohort",
            "status",
            "class",
            "--run-tests",
            "--format",
            "json",
            "--html",
            "report/class.html",
        ],
    );
    command.env("BEC_PYTHON", &python).stdin(std::process::Stdio::null());
    let run = run(command.output().unwrap());
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let tests = |i: usize| &json["repos"][i]["tests"];
    assert_eq!(
        (tests(0)["passed"].as_u64(), tests(0)["total"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(
        (tests(1)["passed"].as_u64(), tests(1)["all_passed"].as_bool()),
        (Some(2), Some(true))
    );
    // The fixture's day 2 has no tests: not a 0/0, a problem to look at.
    assert!(tests(2).is_null());
    assert!(
        json["repos"][2]["problem"].as_str().unwrap().contains("could not run"),
        "{}",
        run.stdout
    );

    let html = fs::read_to_string(sandbox.path().join("report/class.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Fixture Course") && html.contains("1.0.0"));
    assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 3, "one row per learner");
    for handle in ["ada", "bob", "cy"] {
        assert!(html.contains(&format!("<tr><th scope=\"row\">{handle}")), "{handle}");
    }
    assert!(html.contains("&lt;b&gt;Ada&lt;/b&gt;"), "the name is escaped");
    assert!(!html.contains("<b>Ada</b>"), "no markup from the roster");
    assert!(html.contains("Bob &amp; Co"));
    assert!(html.contains("class=\"cell pass\""), "bob's day 1 passes");
    assert!(html.contains("class=\"cell zero\""), "none of ada's day 1 tests pass");
    assert!(!html.contains("class=\"cell partial\""), "0/2 has its own colour");
    assert!(html.contains("class=\"cell present\""), "cy's day 1, not tested");
    assert!(html.contains("class=\"cell none\""), "ada has no day 2");
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
}

#[test]
fn verify_and_status_name_a_folder_without_repos() {
    let sandbox = Sandbox::new();
    fs::create_dir(sandbox.path().join("empty")).unwrap();
    for args in [["cohort", "verify", "empty"], ["cohort", "status", "empty"]] {
        sandbox
            .bec(&args)
            .code(4)
            .clean_error()
            .stderr_has("holds no learner repos");
    }
}

/// Built with `--features network`, ssh and https remotes go through transports built into bec:
/// a closed local port is a connection failure per learner, never "unsupported protocol".
#[cfg(feature = "network")]
#[test]
fn ssh_and_https_push_urls_reach_their_transports() {
    for template in ["https://127.0.0.1:9/{handle}.git", "ssh://git@127.0.0.1:9/{handle}.git"] {
        let sandbox = Sandbox::new();
        write_roster(&sandbox, "handle\nada\n");
        let run = cohort_new(&sandbox, &["--push", template]);
        run.code(1).stderr_has("  ada: ");
        for missing in ["unsupported URL protocol", "no TLS stream", "ssh is not supported"] {
            assert!(!run.stderr.contains(missing), "{template}: {}", run.stderr);
        }
    }
}

/// Built without the `network` feature, an ssh or https remote is refused before anything is
/// created, with the way to get it.
#[cfg(not(feature = "network"))]
#[test]
fn ssh_and_https_push_urls_need_the_network_feature() {
    for template in ["https://git.example/{handle}.git", "git@git.example:class/{handle}.git"] {
        let sandbox = Sandbox::new();
        write_roster(&sandbox, "handle\nada\n");
        cohort_new(&sandbox, &["--push", template])
            .code(3)
            .clean_error()
            .stderr_has("--features network");
        assert!(!sandbox.path().join("class").exists(), "nothing is created");
    }
}

/// `bec cohort add ROSTER --class class` plus `extra`.
fn cohort_add(sandbox: &Sandbox, roster: &str, extra: &[&str]) -> Run {
    let mut args = vec!["cohort", "add", roster, "--class", "class"];
    args.extend(extra);
    sandbox.bec(&args)
}

/// The first commit of `bec/template` (the one the repo started from).
fn first_template(repo_dir: &Path) -> git2::Oid {
    let repo = Repository::open(repo_dir).unwrap();
    let mut commit = repo
        .find_commit(repo.refname_to_id("refs/heads/bec/template").unwrap())
        .unwrap();
    while commit.parent_count() > 0 {
        commit = commit.parent(0).unwrap();
    }
    commit.id()
}

#[test]
fn a_late_learner_gets_the_classs_template_commit() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\nbob\n");
    cohort_new(&sandbox, &[]).success();
    let template = ref_id(&class(&sandbox, "ada"), "refs/heads/bec/template");

    // No --set, no --date, no --day: all of it comes from the class. Today's date differs.
    fs::write(
        sandbox.path().join("late.csv"),
        "handle,name,author_name\ncy,Cy,\ndee,Dee,Dee Own\n",
    )
    .unwrap();
    cohort_add(&sandbox, "late.csv", &[])
        .success()
        .stdout_has("Added 2 learner repos in class/ at day 1")
        .stdout_has(&template.to_string());
    for handle in ["cy", "dee"] {
        assert_eq!(
            ref_id(&class(&sandbox, handle), "refs/heads/bec/template"),
            template,
            "{handle}: the very commit the class has"
        );
    }
    assert_eq!(head_id(&class(&sandbox, "cy")), template);
    let dee = Repository::open(class(&sandbox, "dee")).unwrap();
    let main = dee.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(main.summary().unwrap(), Some("bec: learner answers"));
    assert_eq!(main.parent_ids().collect::<Vec<_>>(), [template]);
    sandbox
        .bec(&["cohort", "verify", "class"])
        .success()
        .stdout_has("4 repos in class are identical");

    // Learners who moved on keep the class's first template commit: a later learner still matches.
    sandbox.bec_in("class/bob", &["next", "--date", "2026-01-02"]).success();
    fs::write(sandbox.path().join("later.csv"), "handle\neve\n").unwrap();
    cohort_add(&sandbox, "later.csv", &[]).success();
    assert_eq!(ref_id(&class(&sandbox, "eve"), "refs/heads/bec/template"), template);
    assert_eq!(first_template(&class(&sandbox, "bob")), template);
}

#[test]
fn adding_to_a_class_refuses_another_course_version_or_mixed_repos() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\nbob\n");
    cohort_new(&sandbox, &[]).success();
    fs::write(sandbox.path().join("late.csv"), "handle\ncy\n").unwrap();

    // Another course version.
    let newer = copy_of_fixture(sandbox.path());
    let manifest = fs::read_to_string(newer.join("course.toml")).unwrap();
    fs::write(
        newer.join("course.toml"),
        manifest.replace("version = \"1.0.0\"", "version = \"1.1.0\""),
    )
    .unwrap();
    let before = snapshot(&sandbox.path().join("class"));
    cohort_add(&sandbox, "late.csv", &["--course", newer.to_str().unwrap()])
        .code(4)
        .clean_error()
        .stderr_has("made with course version 1.0.0, bec has version 1.1.0");
    assert_eq!(snapshot(&sandbox.path().join("class")), before, "nothing was created");

    // The same version number, other files: the commit would differ, so nothing is made.
    fs::write(
        newer.join("course.toml"),
        manifest.replace("title = \"Fixture Course\"", "title = \"Fixture Course, edited\""),
    )
    .unwrap();
    fs::write(newer.join("days/day01/notes.txt"), "edited without a new version\n").unwrap();
    cohort_add(&sandbox, "late.csv", &["--course", newer.to_str().unwrap()])
        .code(4)
        .clean_error()
        .stderr_has("changed without a new version");
    assert_eq!(snapshot(&sandbox.path().join("class")), before, "nothing was created");

    // A repo from another batch (another date) in the class folder.
    fs::write(sandbox.path().join("other.csv"), "handle\nzed\n").unwrap();
    sandbox
        .bec(
            &[
                &[
                    "cohort",
                    "new",
                    "other.csv",
                    "--day",
                    "1",
                    "--out",
                    "other",
                    "--date",
                    "2026-02-01",
                ][..],
                &SHARED[..],
            ]
            .concat(),
        )
        .success();
    fs::rename(sandbox.path().join("other/zed"), class(&sandbox, "zed")).unwrap();
    cohort_add(&sandbox, "late.csv", &[])
        .code(4)
        .clean_error()
        .stderr_has("did not start from the same bec/template commit")
        .stderr_has("ada, bob")
        .stderr_has("zed");
    assert!(!class(&sandbox, "cy").exists());
}

#[test]
fn add_with_skip_bad_exits_3_after_adding_the_good_rows() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\n");
    cohort_new(&sandbox, &[]).success();
    fs::write(sandbox.path().join("late.csv"), "handle\ncy\n../evil\n").unwrap();
    cohort_add(&sandbox, "late.csv", &[]).code(3).stderr_has("--skip-bad");
    assert!(!class(&sandbox, "cy").exists());
    cohort_add(&sandbox, "late.csv", &["--skip-bad"])
        .code(3)
        .stdout_has("Added 1 learner repo")
        .stderr_has("line 3: handle `../evil`");
    assert!(class(&sandbox, "cy").join("bec.toml").is_file());
}

#[test]
fn status_flags_conflicts_and_uncommitted_work_everywhere_and_says_when_it_was_made() {
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\nbob\ncy\n");
    cohort_new(&sandbox, &[]).success();
    // ada: a bec next stopped on a conflict in progress.txt.
    let ada = class(&sandbox, "ada");
    let edited = fs::read_to_string(ada.join("progress.txt"))
        .unwrap()
        .replace("Current day: 1", "Current day: mine");
    fs::write(ada.join("progress.txt"), edited).unwrap();
    commit_all(&ada, "my note");
    sandbox.bec_in("class/ada", &["next", "--date", "2026-01-02"]).code(6);
    // bob: half the tests pass, and two files are not committed.
    let bob = class(&sandbox, "bob");
    fs::write(
        bob.join("day01/app.py"),
        "def add(a, b):\n    return 5 if a == 2 else 0\n",
    )
    .unwrap();
    fs::write(bob.join("scratch.txt"), "notes\n").unwrap();

    let status = |format: &str, extra: &[&str]| {
        let mut args = vec!["cohort", "status", "class", "--format", format];
        args.extend(extra);
        let mut command = sandbox.command(sandbox.path(), &args);
        command
            .env("SOURCE_DATE_EPOCH", "1767272400")
            .env("BEC_PYTHON", test_python())
            .stdin(std::process::Stdio::null());
        run(command.output().unwrap())
    };
    let json = status("json", &[]);
    json.success();
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["generated_at"], "2026-01-01 13:00");
    assert_eq!(json["repos"][0]["conflicts"], serde_json::json!(["progress.txt"]));
    assert_eq!(json["repos"][1]["uncommitted"], 2);
    assert_eq!(json["repos"][1]["conflicts"], serde_json::json!([]));
    assert_eq!(json["repos"][2]["uncommitted"], 0);

    let table = status("table", &[]);
    table
        .success()
        .stdout_has("WORK")
        .stdout_has("1 conflicted")
        .stdout_has("2 uncommitted")
        .stdout_has("generated 2026-01-01 13:00 UTC")
        .stdout_has("1 repo(s) have merge conflicts");

    let csv = status("csv", &[]);
    csv.success();
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert!(
        lines[0].ends_with(",tests_passed,tests_total,conflicts,uncommitted,problem"),
        "{}",
        lines[0]
    );
    // ada's merge also staged the new day's files: those count as uncommitted too.
    let ada_cells: Vec<&str> = lines[1].split(',').collect();
    assert!(
        lines[1].starts_with("ada,") && ada_cells[ada_cells.len() - 3] == "1",
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("bob,") && lines[2].ends_with(",0,2,"),
        "{}",
        lines[2]
    );

    status("json", &["--run-tests", "--html", "report.html"]).success();
    let html = fs::read_to_string(sandbox.path().join("report.html")).unwrap();
    assert!(html.contains("generated 2026-01-01 13:00 UTC"), "generation time");
    assert!(html.contains("<span class=\"flag conflict\" title=\"progress.txt\">⚠ 1 conflicted</span>"));
    assert!(html.contains("<span class=\"flag dirty\">✎ 2 uncommitted</span>"));
    assert!(html.contains("class=\"cell partial\""), "bob: 1 of 2");
    assert!(html.contains("class=\"cell zero\""), "cy: 0 of 2");
}

/// Without a day's packages the tests cannot run: each repo says so and how to fix it, and one
/// line names the way to test every repo with one Python.
#[cfg(unix)]
#[test]
fn status_run_tests_without_the_days_packages_says_how_to_get_them() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    write_roster(&sandbox, "handle\nada\n");
    cohort_new(&sandbox, &[]).success();
    // A Python without the course's packages, as pytest reports it.
    let python = sandbox.path().join("bare-python");
    fs::write(
        &python,
        "#!/bin/sh\necho \"E   ModuleNotFoundError: No module named 'fastapi'\"\necho 'ERROR tests/test_app.py'\nexit 2\n",
    )
    .unwrap();
    fs::set_permissions(&python, fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = sandbox.command(
        sandbox.path(),
        &["cohort", "status", "class", "--run-tests", "--format", "json"],
    );
    command.env("BEC_PYTHON", &python).stdin(std::process::Stdio::null());
    let run = run(command.output().unwrap());
    run.success()
        .stderr_has("1 repo(s) could not run their tests: a Python package is missing")
        .stderr_has("BEC_PYTHON=/path/to/python bec cohort status class --run-tests");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let problem = json["repos"][0]["problem"].as_str().unwrap();
    assert!(
        problem.contains("Python package `fastapi` is missing; run `uv sync` in ada/day01"),
        "{problem}"
    );
    assert!(json["repos"][0]["tests"].is_null(), "not a 0/1: the tests never ran");
    assert_eq!(json["repos"][0]["missing_packages"], true);
}
