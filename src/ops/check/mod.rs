//! `bec check`: run a day's tests and say, in plain words, what passes and what remains.
//!
//! pytest writes a JUnit XML report (`junit`) that bec reads instead of pytest's text; the
//! course's own tests are run when the learner's differ (`pristine`); `report` turns the result
//! into a learner-sized summary; `watch` re-runs on every save.

pub mod junit;
pub mod pristine;
pub mod report;
pub mod watch;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::course::{Course, DayConfig};
use crate::day_id::day_dir;
use crate::error::UserError;
use crate::ops::next::LearnerRepo;

pub use junit::CollectionError;
pub use pristine::TestsComparison;

/// The environment variable naming the Python interpreter for `bec check`.
pub const PYTHON_ENV: &str = "BEC_PYTHON";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    Error,
    Skipped,
}

#[derive(Debug, Clone)]
pub struct TestResult {
    /// pytest's node id: `tests/test_app.py::test_add`.
    pub name: String,
    pub outcome: Outcome,
    /// The reason pytest gave (first line), for failures, errors and skips.
    pub detail: String,
    /// pytest's traceback of a failure or error.
    pub traceback: String,
}

/// Plain options for [`check`].
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Any folder inside the learner repo.
    pub start: PathBuf,
    /// The day to check (default: the current day).
    pub day: Option<u32>,
    /// Passed to pytest after the day's command: `-k name`, `-x`…
    pub extra_args: Vec<String>,
}

#[derive(Debug)]
pub struct CheckReport {
    pub day: u32,
    pub title: String,
    pub tests: Vec<TestResult>,
    /// Test modules pytest could not import: none of their tests ran.
    pub collection_errors: Vec<CollectionError>,
    /// The test command's exit status was success.
    pub command_succeeded: bool,
    /// The day's command runs pytest.
    pub is_pytest: bool,
    /// pytest wrote a report bec could read (false when pytest itself broke).
    pub has_report: bool,
    /// Everything the test command printed.
    pub output: String,
    /// How the learner's `tests/` compares with the course's; `Some` non-pristine means the
    /// course's versions were run.
    pub comparison: Option<TestsComparison>,
    /// Extra pytest arguments were given, so only some tests may have run.
    pub selected: bool,
}

impl CheckReport {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.tests.iter().filter(|t| t.outcome == outcome).count()
    }

    /// The tests that failed or errored, in the order pytest ran them.
    pub fn failing(&self) -> impl Iterator<Item = &TestResult> {
        self.tests
            .iter()
            .filter(|t| matches!(t.outcome, Outcome::Failed | Outcome::Error))
    }

    /// The course's tests were run because the learner's differ.
    pub fn ran_course_tests(&self) -> bool {
        self.comparison.as_ref().is_some_and(|c| !c.is_pristine())
    }

    /// Done means: the command succeeded, everything was collected, something passed, nothing
    /// failed. A command that is not pytest is judged by its exit status alone.
    pub fn all_passed(&self) -> bool {
        if !self.is_pytest {
            return self.command_succeeded;
        }
        self.has_report
            && self.command_succeeded
            && self.collection_errors.is_empty()
            && self.count(Outcome::Passed) > 0
            && self.count(Outcome::Failed) == 0
            && self.count(Outcome::Error) == 0
    }
}

/// Runs the tests of a day in the learner repo around `options.start`: the course's versions
/// when the learner's `tests/` differ from them.
pub fn check(course: &Course, options: &CheckOptions) -> Result<CheckReport> {
    let learner = LearnerRepo::open(&options.start)?;
    let day = options.day.unwrap_or(learner.state.current_day);
    let info = course.day(day)?;
    let dir = learner.root.join(day_dir(day));
    if !dir.is_dir() {
        return Err(UserError::Other(format!(
            "{} is not in this repo (it has days {} to {}): run `bec check {}` for a day you have",
            day_dir(day),
            learner.state.first_day,
            learner.state.current_day,
            learner.state.current_day
        ))
        .into());
    }
    let config_path = dir.join("day.toml");
    let config = match std::fs::read(&config_path) {
        Ok(bytes) => DayConfig::parse(&bytes, &config_path.display().to_string())?,
        Err(_) => course.day_config(day)?,
    };
    let comparison = pristine::compare(&learner.repo, &day_dir(day), &dir)?;
    let run = match comparison.as_ref().filter(|c| !c.is_pristine()) {
        Some(comparison) => {
            // the copy has no .venv: find the Python for the learner's own day folder
            let python = match config.test.command[0].as_str() {
                "python" => Some(resolve_python(&dir)?),
                _ => None,
            };
            let copy = pristine::materialize(&dir, comparison)?;
            let mut run = run_tests(&config, &copy.dir, python.as_deref(), &options.extra_args)?;
            // name the learner's folder, not the temporary copy, in what pytest said
            run.replace_path(&copy.dir, &dir);
            run
        }
        None => run_tests(&config, &dir, None, &options.extra_args)?,
    };
    Ok(CheckReport {
        day,
        title: info.title.clone(),
        tests: run.tests,
        collection_errors: run.collection_errors,
        command_succeeded: run.succeeded,
        is_pytest: run.is_pytest,
        has_report: run.has_report,
        output: run.output,
        comparison,
        selected: !options.extra_args.is_empty(),
    })
}

/// What one run of a day's test command gave.
#[derive(Debug)]
pub struct TestRun {
    pub tests: Vec<TestResult>,
    pub collection_errors: Vec<CollectionError>,
    pub succeeded: bool,
    /// The command runs pytest.
    pub is_pytest: bool,
    /// pytest's JUnit report was written and read.
    pub has_report: bool,
    /// Everything the command printed, stdout then stderr.
    pub output: String,
}

impl TestRun {
    /// Replaces the folder `from` by `to` in the output and tracebacks.
    fn replace_path(&mut self, from: &Path, to: &Path) {
        let (from, to) = (from.display().to_string(), to.display().to_string());
        self.output = self.output.replace(&from, &to);
        for test in &mut self.tests {
            test.traceback = test.traceback.replace(&from, &to);
        }
        for error in &mut self.collection_errors {
            error.text = error.text.replace(&from, &to);
        }
    }
}

/// Runs the day's `[test] command` in `dir` (a rendered `dayNN/`) with the Python
/// [`resolve_python`] finds for it.
pub fn run_day_tests(config: &DayConfig, dir: &Path) -> Result<TestRun> {
    run_tests(config, dir, None, &[])
}

/// Runs the day's `[test] command` in `dir`, a leading `python` replaced by `python` (default:
/// [`resolve_python`] for `dir`); pytest is asked for a JUnit XML report, which is read, and
/// given `extra_args` last.
pub fn run_tests(config: &DayConfig, dir: &Path, python: Option<&Path>, extra_args: &[String]) -> Result<TestRun> {
    let mut command = config.test.command.clone();
    if command[0] == "python" {
        command[0] = match python {
            Some(python) => python.display().to_string(),
            None => resolve_python(dir)?.display().to_string(),
        };
    }
    let is_pytest = command.iter().any(|part| part.contains("pytest"));
    let report_dir = tempfile::Builder::new()
        .prefix("bec-junit-")
        .tempdir()
        .context("creating a temporary folder for pytest's report")?;
    let report_path = report_dir.path().join("report.xml");
    if is_pytest {
        command.push(format!("--junitxml={}", report_path.display()));
        // xunit1 adds each test's file, so bec can name tests exactly as pytest does
        command.extend(["-o".to_string(), "junit_family=xunit1".to_string()]);
    }
    command.extend(extra_args.iter().cloned());
    let output = Command::new(&command[0])
        .args(&command[1..])
        .current_dir(dir)
        // Captured output has no terminal: tell pytest the width of the learner's.
        .env("COLUMNS", terminal_width().to_string())
        .output()
        .map_err(|e| UserError::MissingTool {
            tool: command[0].clone(),
            install: format!("running it failed ({e}); run `bec doctor` to see what is missing"),
        })?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed = std::fs::read_to_string(&report_path)
        .ok()
        .and_then(|xml| junit::parse(&xml).ok());
    let has_report = parsed.is_some();
    let parsed = parsed.unwrap_or_default();
    Ok(TestRun {
        tests: parsed.tests,
        collection_errors: parsed.collection_errors,
        succeeded: output.status.success(),
        is_pytest,
        has_report,
        output: text,
    })
}

/// The width of bec's own terminal, or 100 when it has none.
fn terminal_width() -> u16 {
    console::Term::stdout()
        .size_checked()
        .map(|(_, columns)| columns)
        .unwrap_or(100)
}

/// `$BEC_PYTHON`, else the day's `.venv` (made by `uv sync`), else `python3` on PATH.
pub fn resolve_python(day_dir: &Path) -> Result<PathBuf> {
    if let Some(python) = std::env::var_os(PYTHON_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(python));
    }
    for candidate in [".venv/bin/python", ".venv/Scripts/python.exe"] {
        let path = day_dir.join(candidate);
        if path.is_file() {
            return Ok(path);
        }
    }
    find_on_path("python3")
        .or_else(|| find_on_path("python"))
        .ok_or_else(|| {
            UserError::MissingTool {
                tool: "python3".into(),
                install: "install Python 3.11+, then run `uv sync` in the day's folder".into(),
            }
            .into()
        })
}

/// The full path of `program` on PATH.
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}
