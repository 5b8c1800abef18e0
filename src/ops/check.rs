//! `bec check`: run a day's tests and say, in plain words, what passes and what remains.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

use crate::course::{Course, DayConfig};
use crate::day_id::day_dir;
use crate::error::UserError;
use crate::ops::next::LearnerRepo;

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
    pub name: String,
    pub outcome: Outcome,
    /// The reason pytest gave (first line), for failures and skips.
    pub detail: String,
}

#[derive(Debug)]
pub struct CheckReport {
    pub day: u32,
    pub title: String,
    pub tests: Vec<TestResult>,
    /// The test command's exit status was success.
    pub command_succeeded: bool,
    /// Everything the test command printed.
    pub output: String,
}

impl CheckReport {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.tests.iter().filter(|t| t.outcome == outcome).count()
    }

    /// Done means: the command succeeded, something passed, nothing failed.
    pub fn all_passed(&self) -> bool {
        self.command_succeeded
            && self.count(Outcome::Passed) > 0
            && self.count(Outcome::Failed) == 0
            && self.count(Outcome::Error) == 0
    }
}

/// Runs the tests of `day` (default: the current day) in the learner repo around `start`.
pub fn check(course: &Course, start: &Path, day: Option<u32>) -> Result<CheckReport> {
    let learner = LearnerRepo::open(start)?;
    let day = day.unwrap_or(learner.state.current_day);
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
    let run = run_day_tests(&config, &dir)?;
    Ok(CheckReport {
        day,
        title: info.title.clone(),
        tests: run.tests,
        command_succeeded: run.succeeded,
        output: run.output,
    })
}

/// What one run of a day's test command gave.
#[derive(Debug)]
pub struct TestRun {
    pub tests: Vec<TestResult>,
    pub succeeded: bool,
    /// Everything the command printed, stdout then stderr.
    pub output: String,
}

/// Runs the day's `[test] command` in `dir` (a rendered `dayNN/`): `python` resolved by
/// [`resolve_python`], pytest asked for a full per-test summary, which is parsed.
pub fn run_day_tests(config: &DayConfig, dir: &Path) -> Result<TestRun> {
    let mut command = config.test.command.clone();
    if command[0] == "python" {
        command[0] = resolve_python(dir)?.display().to_string();
    }
    if command.iter().any(|part| part.contains("pytest")) {
        // -rA: a summary line per test, which bec reads; -vv: those lines are never cut short.
        command.extend(["-rA".to_string(), "-vv".to_string()]);
    }
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
    Ok(TestRun {
        tests: parse_pytest_summary(&text),
        succeeded: output.status.success(),
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

/// Reads pytest's `-rA` short summary: `PASSED tests/x.py::t`, `FAILED tests/x.py::t - why`…
pub fn parse_pytest_summary(output: &str) -> Vec<TestResult> {
    let mut tests = Vec::new();
    for line in output.lines() {
        let (outcome, rest) = if let Some(rest) = line.strip_prefix("PASSED ") {
            (Outcome::Passed, rest)
        } else if let Some(rest) = line.strip_prefix("FAILED ") {
            (Outcome::Failed, rest)
        } else if let Some(rest) = line.strip_prefix("ERROR ") {
            (Outcome::Error, rest)
        } else if let Some(rest) = line.strip_prefix("SKIPPED ") {
            (Outcome::Skipped, rest)
        } else {
            continue;
        };
        let (name, detail) = match outcome {
            Outcome::Skipped => {
                // SKIPPED [1] tests/test_x.py:12: reason
                let rest = rest.split_once("] ").map(|(_, r)| r).unwrap_or(rest);
                match rest.split_once(": ") {
                    Some((place, why)) => (place.to_string(), why.to_string()),
                    None => (rest.to_string(), String::new()),
                }
            }
            _ => match rest.split_once(" - ") {
                Some((name, why)) => (name.to_string(), why.to_string()),
                None => (rest.to_string(), String::new()),
            },
        };
        tests.push(TestResult { name, outcome, detail });
    }
    tests
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pytest_short_summary() {
        let output = "\
....
=========================== short test summary info ============================
PASSED tests/test_api.py::test_health
FAILED tests/test_api.py::test_create - NotImplementedError: TODO(day03): store it
ERROR tests/test_db.py::test_conn - ImportError: no module
SKIPPED [1] tests/test_live.py:9: needs BEC_LIVE=1
=================== 1 failed, 1 passed, 1 skipped, 1 error in 0.20s ===================
";
        let tests = parse_pytest_summary(output);
        assert_eq!(tests.len(), 4);
        assert_eq!(tests[0].outcome, Outcome::Passed);
        assert_eq!(tests[1].name, "tests/test_api.py::test_create");
        assert!(tests[1].detail.starts_with("NotImplementedError"));
        assert_eq!(tests[2].outcome, Outcome::Error);
        assert_eq!(tests[3].outcome, Outcome::Skipped);
        assert_eq!(tests[3].detail, "needs BEC_LIVE=1");
    }
}
