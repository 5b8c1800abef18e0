//! After `bec next`: whether the day before the new one was done, and whether the new day is the
//! last one with a lab.
//!
//! Running a day's tests needs that day's Python dependencies. They are run only when a Python
//! for them is set up: `BEC_PYTHON`, or the day's `.venv` (made by `uv sync`). Without either,
//! the tests would fail on a missing package and say nothing about the learner's work, so bec
//! says how to find out instead (`bec check N`).

use std::path::Path;

use crate::course::Course;
use crate::day_id::day_dir;
use crate::ops::check::{CheckOptions, Outcome, PYTHON_ENV, check};

/// What bec knows about a day the learner has left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayDone {
    /// Every test of the day passes.
    Done { passed: usize },
    /// Some tests fail (or none ran).
    NotDone { passed: usize, total: usize },
    /// The tests were not run, for the reason given.
    NotChecked { why: String },
}

/// Whether a Python that has `day_folder`'s dependencies is set up.
pub fn python_ready(day_folder: &Path) -> bool {
    std::env::var_os(PYTHON_ENV).is_some_and(|p| !p.is_empty())
        || [".venv/bin/python", ".venv/Scripts/python.exe"]
            .iter()
            .any(|python| day_folder.join(python).is_file())
}

/// Runs `day`'s tests in the repo at `root` when a Python for them is set up.
pub fn day_done(course: &Course, root: &Path, day: u32) -> DayDone {
    let folder = root.join(day_dir(day));
    if !python_ready(&folder) {
        return DayDone::NotChecked {
            why: format!("{} has no .venv; `uv sync` there makes it", day_dir(day)),
        };
    }
    let options = CheckOptions {
        start: root.to_path_buf(),
        day: Some(day),
        ..CheckOptions::default()
    };
    match check(course, &options) {
        Ok(report) if report.all_passed() => DayDone::Done {
            passed: report.count(Outcome::Passed),
        },
        Ok(report) if !report.collection_errors.is_empty() => DayDone::NotChecked {
            why: "its tests could not be collected".to_string(),
        },
        Ok(report) if report.tests.is_empty() => DayDone::NotChecked {
            why: "the tests could not run".to_string(),
        },
        Ok(report) => {
            let passed = report.count(Outcome::Passed);
            DayDone::NotDone {
                passed,
                total: passed + report.count(Outcome::Failed) + report.count(Outcome::Error),
            }
        }
        Err(error) => DayDone::NotChecked {
            why: format!(
                "the tests could not run: {}",
                error.to_string().lines().next().unwrap_or_default()
            ),
        },
    }
}

/// When `day` is the last day `bec next` can reach with this course, what that means.
pub fn last_lab_note(course: &Course, day: u32) -> Option<String> {
    let next = day + 1;
    if day >= course.manifest.last_day() {
        return Some(format!(
            "Day {day} is the last day of the course: `bec next` has nothing more to add."
        ));
    }
    if course.lab_day(next).is_ok() {
        return None;
    }
    let title = course.manifest.day(next).map(|d| d.title.as_str()).unwrap_or("");
    Some(format!(
        "Day {day} is the last day with a lab in course version {}: day {next} — {title} has no lab yet, so \
         `bec next` stops here. When a newer course adds it, `bec update` brings it in (`bec update --check` \
         tells you when).",
        course.version()
    ))
}

/// The command that opens a file with the desktop's default application on this platform.
pub fn open_command() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "start"
    } else {
        "xdg-open"
    }
}
