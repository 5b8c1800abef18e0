//! Fault injection: `bec next` and `bec update` killed (SIGKILL) or failing ("No space left on
//! device") at every named step, and run twice at once. After each fault the learner's commits and
//! files are intact, the repo is unchanged or `bec next --abort` puts it back exactly, and a retry
//! works.
//!
//! The steps are those of `src/repo/fault.rs`; a debug build of bec (the one `cargo test` builds)
//! reads `BEC_FAULT=<step>:<action>`. Every case asserts that its fault really fired.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::Stdio;

use crate::support::*;

/// What the learner did before the command, and what the command should end with.
struct Scenario {
    name: &'static str,
    /// `bec update` with a newer course, instead of `bec next`.
    update: bool,
    /// The learner and the course changed the same line: the command stops on a conflict.
    conflict: bool,
}

const SCENARIOS: [Scenario; 4] = [
    Scenario {
        name: "next",
        update: false,
        conflict: false,
    },
    Scenario {
        name: "next with a conflict",
        update: false,
        conflict: true,
    },
    Scenario {
        name: "update",
        update: true,
        conflict: false,
    },
    Scenario {
        name: "update with a conflict",
        update: true,
        conflict: true,
    },
];

/// Steps every run reaches, in order (the checkout steps are counted separately).
const BEFORE_CHECKOUT: [&str; 3] = ["render-written", "template-commit-written", "record-written"];
const AFTER_CLEAN_CHECKOUT: [&str; 5] = [
    "checkout-done",
    "merge-commit-written",
    "branch-moved",
    "template-moved",
    "",
];
const AFTER_CONFLICT_CHECKOUT: [&str; 2] = ["checkout-done", "conflicts-template-moved"];

const LEARNER_APP: &str = "def add(a, b):\n    return a + b  # learner's own\n";
const LEARNER_OWN: &str = "a file only the learner has\n";

struct Case {
    sandbox: Sandbox,
    repo: PathBuf,
    course: PathBuf,
    args: Vec<&'static str>,
    learner_head: git2::Oid,
    before: RepoPicture,
}

impl Case {
    fn new(scenario: &Scenario) -> Case {
        let sandbox = Sandbox::new();
        let repo = sandbox.new_repo("1");
        fs::write(repo.join("day01/app.py"), LEARNER_APP).unwrap();
        fs::write(repo.join("day01/mine.txt"), LEARNER_OWN).unwrap();
        if scenario.conflict {
            let target = if scenario.update {
                "day01/notes.txt"
            } else {
                "progress.txt"
            };
            let text = fs::read_to_string(repo.join(target)).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            lines[1] = "the learner's line";
            fs::write(repo.join(target), lines.join("\n") + "\n").unwrap();
        }
        let learner_head = commit_all(&repo, "the learner's work");
        let course = if scenario.update {
            let v2 = fixture_at_version(sandbox.path(), "1.1.0");
            write_file(
                &v2.join("days/day01/README.md.hbs"),
                "# Day {{day.number}} — {{day.title}} (revised)\n",
            );
            write_file(
                &v2.join("days/day01/notes.txt"),
                "Notes for day 1.\nThe instructor's line.\nLine three.\n",
            );
            write_file(&v2.join("days/day01/extra/hint.txt"), "a new hint\n");
            v2
        } else {
            fixture_course()
        };
        let args = if scenario.update {
            vec!["update", "--date", "2026-01-02"]
        } else {
            vec!["next", "--date", "2026-01-02"]
        };
        let before = picture(&repo);
        Case {
            sandbox,
            repo,
            course,
            args,
            learner_head,
            before,
        }
    }

    fn run_with_fault(&self, fault: &str) -> Run {
        let mut command = self.sandbox.command(&self.repo, &self.args);
        command
            .env("BEC_COURSE", &self.course)
            .env("BEC_FAULT", fault)
            .stdin(Stdio::null());
        run(command.output().unwrap())
    }

    fn bec(&self, args: &[&str]) -> Run {
        bec_with_course(&self.sandbox, &self.repo, &self.course, args)
    }

    /// The learner's commit is still in the branch and their files are as they wrote them.
    #[track_caller]
    fn assert_learner_work_intact(&self, context: &str) {
        let repo = git2::Repository::open(&self.repo).unwrap();
        let head = repo.head().unwrap().peel_to_commit().unwrap().id();
        assert!(
            head == self.learner_head || repo.graph_descendant_of(head, self.learner_head).unwrap(),
            "{context}: the learner's commit left the branch"
        );
        assert_eq!(
            fs::read_to_string(self.repo.join("day01/app.py")).unwrap(),
            LEARNER_APP,
            "{context}"
        );
        assert_eq!(
            fs::read_to_string(self.repo.join("day01/mine.txt")).unwrap(),
            LEARNER_OWN,
            "{context}"
        );
    }

    /// The command, run again without a fault, does its work; then it is undone if it stopped on
    /// conflicts, and the repo is back exactly as before.
    #[track_caller]
    fn assert_retry_works(&self, scenario: &Scenario, context: &str) {
        let retry = self.bec(&self.args);
        if scenario.conflict {
            retry.code(6);
            self.assert_learner_work_intact(context);
            self.bec(&["next", "--abort"]).success();
            assert_eq!(picture(&self.repo), self.before, "{context}: abort after the retry");
        } else {
            retry.success();
            self.assert_learner_work_intact(context);
            assert!(
                dirty_files(&self.repo).is_empty(),
                "{context}: {:?}",
                dirty_files(&self.repo)
            );
            if scenario.update {
                assert!(self.repo.join("day01/extra/hint.txt").is_file(), "{context}");
            } else {
                assert!(self.repo.join("day02/README.md").is_file(), "{context}");
            }
        }
    }
}

/// Lines that are bec's own error output, without the fault-injection notices.
fn error_output(run: &Run) -> String {
    run.stderr
        .lines()
        .filter(|l| !l.starts_with("bec-fault:"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Default, Debug)]
struct Counts {
    kills: usize,
    kills_leaving_repo_unchanged: usize,
    kills_undone_by_abort: usize,
    kills_after_the_merge_was_complete: usize,
    stale_index_locks: usize,
    failures: usize,
}

/// HEAD is bec's merge of the learner's commit and the tip of `bec/template`: everything was
/// written (git's merge state may still be there).
fn merge_is_complete(case: &Case) -> bool {
    let repo = git2::Repository::open(&case.repo).unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    let template = repo.refname_to_id("refs/heads/bec/template").unwrap();
    head.parent_count() == 2
        && head.parent_id(0).unwrap() == case.learner_head
        && head.parent_id(1).unwrap() == template
}

/// Kills the command at `step` and checks the repo is unchanged or abortable, and a retry works.
fn kill_at(scenario: &Scenario, step: &str, counts: &mut Counts) -> bool {
    let case = Case::new(scenario);
    let context = format!("{} killed at {step}", scenario.name);
    let run = case.run_with_fault(&format!("{step}:kill"));
    if !run.stderr.contains(&format!("bec-fault: killed at {step}")) {
        return false;
    }
    counts.kills += 1;
    assert_eq!(run.code, -1, "{context}: killed by a signal\n{}", run.stderr);
    case.assert_learner_work_intact(&context);
    if picture(&case.repo) == case.before {
        counts.kills_leaving_repo_unchanged += 1;
    } else if merge_is_complete(&case) {
        // killed after the last write: only tidying was left, which the next command finishes
        counts.kills_after_the_merge_was_complete += 1;
        case.bec(&["status"])
            .success()
            .stdout_has("finished tidying up a merge");
        let after = picture(&case.repo);
        assert!(!after.bec_record && after.state == "Clean", "{context}: {after:?}");
        assert!(dirty_files(&case.repo).is_empty(), "{context}");
        case.bec(&["next", "--abort"])
            .code(4)
            .stderr_has("no bec merge to abort");
        let again = case.bec(&case.args);
        if scenario.update {
            again.success().stdout_has("Up to date");
        } else {
            again.success().stdout_has("Day 3");
        }
        case.assert_learner_work_intact(&context);
        return true;
    } else {
        let status = case.bec(&["status"]);
        assert!(!status.stderr.contains("panicked"), "{context}: {}", status.stderr);
        let retry_first = case.bec(&case.args);
        assert_eq!(
            retry_first.code, 4,
            "{context}: {}\n{}",
            retry_first.stdout, retry_first.stderr
        );
        retry_first.clean_error().stderr_has("bec next --abort");
        let mut abort = case.bec(&["next", "--abort"]);
        if abort.code == 4 && abort.stderr.contains("index.lock") {
            counts.stale_index_locks += 1;
            abort.stderr_has("rm ");
            fs::remove_file(case.repo.join(".git/index.lock")).unwrap();
            abort = case.bec(&["next", "--abort"]);
        }
        abort.success();
        assert_eq!(picture(&case.repo), case.before, "{context}: after --abort");
        counts.kills_undone_by_abort += 1;
    }
    case.assert_retry_works(scenario, &context);
    true
}

/// Fails the command at `step` as a full disk would, and checks the repo is exactly as before.
fn fail_at(scenario: &Scenario, step: &str, counts: &mut Counts) {
    let case = Case::new(scenario);
    let context = format!("{} failing at {step}", scenario.name);
    let run = case.run_with_fault(&format!("{step}:fail"));
    assert!(
        run.stderr.contains(&format!("bec-fault: failing at {step}")),
        "{context}: the fault did not fire\n{}",
        run.stderr
    );
    counts.failures += 1;
    assert_eq!(run.code, 1, "{context}\n{}", run.stderr);
    let message = error_output(&run);
    assert!(message.starts_with("error: "), "{context}: {message}");
    assert!(message.contains("No space left on device"), "{context}: {message}");
    assert!(
        message.contains("bec changed nothing") || message.contains("put the repo back as it was"),
        "{context}: the message says what state the repo is in: {message}"
    );
    assert!(!run.stdout.contains("merge commit"), "{context}: no success printed");
    assert_eq!(picture(&case.repo), case.before, "{context}");
    case.assert_learner_work_intact(&context);
    case.assert_retry_works(scenario, &context);
}

#[test]
fn killed_at_every_step_the_repo_is_unchanged_or_abortable_and_a_retry_works() {
    let mut counts = Counts::default();
    for scenario in &SCENARIOS {
        for step in BEFORE_CHECKOUT {
            assert!(
                kill_at(scenario, step, &mut counts),
                "{}: {step} not reached",
                scenario.name
            );
        }
        // after the 1st, 2nd… file the checkout writes, until the checkout has no more files
        let mut written = 0;
        while kill_at(scenario, &format!("checkout-file-{}", written + 1), &mut counts) {
            written += 1;
        }
        assert!(
            written >= 2,
            "{}: the checkout wrote only {written} file(s)",
            scenario.name
        );
        let after: &[&str] = if scenario.conflict {
            &AFTER_CONFLICT_CHECKOUT
        } else {
            &AFTER_CLEAN_CHECKOUT[..4]
        };
        for step in after {
            assert!(
                kill_at(scenario, step, &mut counts),
                "{}: {step} not reached",
                scenario.name
            );
        }
    }
    eprintln!("fault injection, kill -9: {counts:?}");
    assert!(counts.kills >= 40, "{counts:?}");
}

#[test]
fn failing_at_every_step_like_a_full_disk_leaves_the_repo_as_it_was() {
    let mut counts = Counts::default();
    for scenario in &SCENARIOS {
        let after: &[&str] = if scenario.conflict {
            &AFTER_CONFLICT_CHECKOUT
        } else {
            &AFTER_CLEAN_CHECKOUT[..3]
        };
        for step in BEFORE_CHECKOUT.iter().chain(after) {
            fail_at(scenario, step, &mut counts);
        }
    }
    eprintln!("fault injection, write failures: {counts:?}");
    assert_eq!(counts.failures, 2 * (3 + 2) + 2 * (3 + 3));
}

/// Starts the command paused at `step`; returns the child once it is there.
fn start_paused(case: &Case, step: &str) -> std::process::Child {
    let mut command = case.sandbox.command(&case.repo, &case.args);
    command
        .env("BEC_COURSE", &case.course)
        .env("BEC_FAULT", format!("{step}:pause"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert_eq!(
        line.trim(),
        format!("bec-fault: paused at {step}"),
        "the first run reached {step}"
    );
    child
}

fn resume(mut child: std::process::Child) -> Run {
    child.stdin.take().unwrap().write_all(b"\n").unwrap();
    run(child.wait_with_output().unwrap())
}

#[test]
fn a_second_bec_command_while_one_runs_is_refused_and_changes_nothing() {
    let mut cases = 0;
    for scenario in SCENARIOS.iter().filter(|s| !s.conflict) {
        for step in [
            "render-written",
            "template-commit-written",
            "record-written",
            "checkout-file-1",
            "checkout-done",
            "merge-commit-written",
            "branch-moved",
            "template-moved",
        ] {
            let case = Case::new(scenario);
            let first = start_paused(&case, step);
            let during = picture(&case.repo);
            for second in [vec!["next"], vec!["update"], vec!["next", "--abort"]] {
                case.bec(&second)
                    .code(4)
                    .clean_error()
                    .stderr_has("is already changing this repo")
                    .stderr_has(case.args[0]);
                assert_eq!(
                    picture(&case.repo),
                    during,
                    "{second:?} while {} is at {step}",
                    scenario.name
                );
                cases += 1;
            }
            let status = case.bec(&["status", "--json"]);
            status.success();
            let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
            assert_eq!(json["busy"], true);
            assert_eq!(
                picture(&case.repo),
                during,
                "status while {} is at {step}",
                scenario.name
            );
            cases += 1;

            let finished = resume(first);
            finished.success();
            let context = format!("{} after a pause at {step}", scenario.name);
            case.assert_learner_work_intact(&context);
            assert!(dirty_files(&case.repo).is_empty(), "{context}");
            let repo = git2::Repository::open(&case.repo).unwrap();
            let head = repo.head().unwrap().peel_to_commit().unwrap();
            assert_eq!(head.parent_count(), 2, "{context}: the reported merge is in the branch");
            assert_eq!(
                head.parent_id(1).unwrap(),
                repo.refname_to_id("refs/heads/bec/template").unwrap()
            );
        }
    }
    eprintln!("concurrent runs: {cases} second commands refused");
    assert_eq!(cases, 2 * 8 * 4);
}
