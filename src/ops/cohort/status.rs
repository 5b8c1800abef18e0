//! `bec cohort status`: one row per learner repo — day, course version, last commit, work in
//! progress (merge conflicts, uncommitted files) and, when asked, the current day's tests (run
//! with `bec check`'s own code).
//!
//! Tests need each day's Python dependencies: a repo's `dayNN/.venv` (made by `uv sync`), or one
//! Python for every repo with `BEC_PYTHON`. A repo whose tests stop on a missing package gets a
//! problem that says so, and [`CohortStatus::missing_packages`] counts them.

use std::path::Path;

use anyhow::Result;
use git2::{Repository, StatusOptions};
use indicatif::ProgressBar;
use serde::Serialize;

use crate::course::Course;
use crate::date::Timestamp;
use crate::day_id::day_dir;
use crate::ops::check::{CheckOptions, Outcome, PYTHON_ENV, check};
use crate::state::{STATE_FILE, State};

use super::members::{Member, members};
use super::workers::{default_jobs, for_each_learner};

/// The whole report: the course bec knows, and a row per repo.
#[derive(Debug, Serialize)]
pub struct CohortStatus {
    pub course: CourseSummary,
    /// When the report was made, `YYYY-MM-DD HH:MM` in UTC (SOURCE_DATE_EPOCH, else now).
    pub generated_at: String,
    /// Whether the current day's tests were run.
    pub tests_run: bool,
    pub repos: Vec<MemberStatus>,
}

impl CohortStatus {
    /// How many repos could not run their tests because a Python package is missing.
    pub fn missing_packages(&self) -> usize {
        self.repos.iter().filter(|r| r.missing_packages).count()
    }
}

#[derive(Debug, Serialize)]
pub struct CourseSummary {
    pub id: String,
    pub title: String,
    pub version: String,
}

/// One learner repo. Fields that could not be read are `None`, and `problem` says why.
#[derive(Debug, Serialize)]
pub struct MemberStatus {
    pub handle: String,
    /// The repo's `user.name` (from the roster's `name` column).
    pub name: Option<String>,
    pub email: Option<String>,
    pub first_day: Option<u32>,
    pub current_day: Option<u32>,
    pub course_version: Option<String>,
    pub last_commit: Option<LastCommit>,
    /// The current day's tests, with `--run-tests`.
    pub tests: Option<TestCount>,
    /// Files with merge conflicts (a `bec next` or `bec update` the learner has not finished).
    pub conflicts: Vec<String>,
    /// Files changed or untracked and not committed (conflicted ones are not counted again).
    pub uncommitted: usize,
    /// With `--run-tests`: the tests stopped on a Python package that is not installed.
    pub missing_packages: bool,
    pub problem: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LastCommit {
    pub id: String,
    pub short_id: String,
    /// The commit time in UTC, `YYYY-MM-DD HH:MM`.
    pub date: String,
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub struct TestCount {
    pub day: u32,
    pub passed: usize,
    /// Passed + failed + errors (skipped tests do not count).
    pub total: usize,
    /// What `bec check` calls done: the command succeeded and nothing failed.
    pub all_passed: bool,
}

impl MemberStatus {
    /// The days present in the repo.
    pub fn days(&self) -> Vec<u32> {
        match (self.first_day, self.current_day) {
            (Some(first), Some(current)) => (first..=current).collect(),
            _ => Vec::new(),
        }
    }
}

/// Reads every learner repo in `dir`; with `run_tests`, runs each current day's tests on `jobs`
/// workers (default: one per core).
pub fn cohort_status(
    course: &Course,
    dir: &Path,
    run_tests: bool,
    jobs: Option<usize>,
    now: Timestamp,
    progress: &ProgressBar,
) -> Result<CohortStatus> {
    let members = members(dir)?;
    progress.set_length(members.len() as u64);
    let repos = for_each_learner(&members, jobs.unwrap_or_else(default_jobs), progress, |member| {
        member_status(course, member, run_tests)
    });
    progress.finish_and_clear();
    Ok(CohortStatus {
        course: CourseSummary {
            id: course.id().to_string(),
            title: course.manifest.course.title.clone(),
            version: course.version().to_string(),
        },
        generated_at: utc_minutes(now.0),
        tests_run: run_tests,
        repos,
    })
}

fn member_status(course: &Course, member: &Member, run_tests: bool) -> MemberStatus {
    let mut status = MemberStatus {
        handle: member.handle.clone(),
        name: None,
        email: None,
        first_day: None,
        current_day: None,
        course_version: None,
        last_commit: None,
        tests: None,
        conflicts: Vec::new(),
        uncommitted: 0,
        missing_packages: false,
        problem: None,
    };
    let mut problems = Vec::new();
    match Repository::open(&member.path) {
        Ok(repo) => {
            // The repo's own config only: the roster's values, never the admin's global identity.
            if let Ok(config) = repo.config().and_then(|c| c.open_level(git2::ConfigLevel::Local)) {
                status.name = config.get_string("user.name").ok();
                status.email = config.get_string("user.email").ok();
            }
            match repo.head().and_then(|head| head.peel_to_commit()) {
                Ok(commit) => {
                    let id = commit.id().to_string();
                    status.last_commit = Some(LastCommit {
                        short_id: id[..7].to_string(),
                        id,
                        date: utc_minutes(commit.time().seconds()),
                        summary: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned(),
                    });
                }
                Err(e) => problems.push(format!("no commit to show ({})", e.message())),
            }
            match work_in_progress(&repo) {
                Ok((conflicts, uncommitted)) => {
                    status.conflicts = conflicts;
                    status.uncommitted = uncommitted;
                }
                Err(e) => problems.push(format!("cannot read the work tree's status ({})", e.message())),
            }
        }
        Err(e) => problems.push(format!("not a git repo ({})", e.message())),
    }
    let state_file = member.path.join(STATE_FILE);
    let state = State::read(&state_file).and_then(|state| state.check_days(course, &state_file).map(|()| state));
    match state {
        Ok(state) => {
            status.first_day = Some(state.first_day);
            status.current_day = Some(state.current_day);
            status.course_version = Some(state.course_version);
        }
        Err(error) => problems.push(error.to_string().lines().next().unwrap_or_default().to_string()),
    }
    if run_tests && status.current_day.is_some() {
        match check(
            course,
            &CheckOptions {
                start: member.path.clone(),
                ..CheckOptions::default()
            },
        ) {
            Ok(report) if !report.all_passed() && missing_module(&report.output).is_some() => {
                status.missing_packages = true;
                problems.push(format!(
                    "the tests could not run: Python package `{}` is missing; run `uv sync` in {}/{}, or set \
                     {PYTHON_ENV} to one Python with the course's packages for every repo",
                    missing_module(&report.output).unwrap_or_default(),
                    member.handle,
                    day_dir(report.day)
                ));
            }
            Ok(report) if report.tests.is_empty() && !report.command_succeeded => {
                problems.push("the tests could not run (run `bec check` in the repo to see why)".to_string());
            }
            Ok(report) => {
                let passed = report.count(Outcome::Passed);
                status.tests = Some(TestCount {
                    day: report.day,
                    passed,
                    total: passed
                        + report.count(Outcome::Failed)
                        + report.count(Outcome::Error)
                        + report.collection_errors.len(),
                    all_passed: report.all_passed(),
                });
            }
            Err(error) => problems.push(format!(
                "tests not run: {}",
                error.to_string().lines().next().unwrap_or_default()
            )),
        }
    }
    if !problems.is_empty() {
        status.problem = Some(problems.join("; "));
    }
    status
}

/// The conflicted files, and how many other files are changed or untracked.
fn work_in_progress(repo: &Repository) -> Result<(Vec<String>, usize), git2::Error> {
    let mut options = StatusOptions::new();
    options
        .include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(false);
    let statuses = repo.statuses(Some(&mut options))?;
    let mut conflicts = Vec::new();
    let mut uncommitted = 0;
    for entry in statuses.iter().filter(|e| !e.status().is_ignored()) {
        if entry.status().is_conflicted() {
            conflicts.push(String::from_utf8_lossy(entry.path_bytes()).into_owned());
        } else {
            uncommitted += 1;
        }
    }
    Ok((conflicts, uncommitted))
}

/// The module Python could not import, from a test run's output.
fn missing_module(output: &str) -> Option<String> {
    output.lines().find_map(|line| {
        let rest = line.split_once("No module named ")?.1;
        Some(rest.trim().trim_matches(['\'', '"']).to_string())
    })
}

/// `YYYY-MM-DD HH:MM` in UTC.
pub fn utc_minutes(seconds: i64) -> String {
    let of_day = seconds.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}",
        Timestamp(seconds).date_string(),
        of_day / 3600,
        of_day % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_python_package_is_named() {
        let output = "E   ModuleNotFoundError: No module named 'fastapi'\nERROR tests/test_app.py\n";
        assert_eq!(missing_module(output).as_deref(), Some("fastapi"));
        assert_eq!(missing_module("1 failed"), None);
    }

    #[test]
    fn commit_times_are_shown_to_the_minute_in_utc() {
        assert_eq!(utc_minutes(1_767_229_261), "2026-01-01 01:01");
        assert_eq!(utc_minutes(0), "1970-01-01 00:00");
    }
}
