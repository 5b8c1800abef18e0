//! Known-wrong solutions: `wrong/dayNN/NAME.patch` beside a course's days.
//!
//! Each file is a header of `#` lines, then a unified diff whose paths are relative to the day
//! folder (what `git diff --relative=dayNN` writes), over the day's rendered reference:
//!
//! ```text
//! # The mistake: place_order reads the stock, checks it in Python, then writes it back
//! # Why it is wrong: two concurrent orders both read 1 and both succeed (a lost update)
//! # Caught by: tests/test_place_order.py::test_two_orders_for_the_last_item
//! diff --git a/app/orders.py b/app/orders.py
//! ```
//!
//! bec never renders `wrong/`, so learners never receive these files. `bec course check --labs`
//! applies each diff to a fresh render of the reference and requires every test named in
//! `Caught by:` to fail as a test failure, not as an import, syntax or name error (which would
//! mean the patch broke the code instead of making it wrong), and no test to error.

use std::path::Path;

use anyhow::{Context, Result};

use crate::course::Course;
use crate::day_id::day_dir;
use crate::ops::check::{Outcome, TestRun};

/// Failure types that mean a patch broke the program instead of making it wrong.
const BROKEN: [&str; 5] = [
    "ImportError",
    "ModuleNotFoundError",
    "SyntaxError",
    "IndentationError",
    "NameError",
];

#[derive(Debug, Clone)]
pub struct KnownWrong {
    /// `wrong/day07/read-check-write.patch`
    pub path: String,
    pub mistake: String,
    /// pytest node ids, relative to the day folder.
    pub caught_by: Vec<String>,
    pub diff: Vec<u8>,
}

/// The day's known-wrong variants, in file order; a file that cannot be used is a problem line.
pub fn known_wrong(course: &Course, day: u32) -> (Vec<KnownWrong>, Vec<String>) {
    let prefix = format!("wrong/{}/", day_dir(day));
    let mut variants = Vec::new();
    let mut problems = Vec::new();
    for (path, file) in course.files.under(&prefix) {
        if !path.ends_with(".patch") {
            continue;
        }
        match parse(path, &file.bytes) {
            Ok(variant) => variants.push(variant),
            Err(problem) => problems.push(format!("{path}: {problem}")),
        }
    }
    (variants, problems)
}

fn parse(path: &str, bytes: &[u8]) -> Result<KnownWrong, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_string())?;
    let mut mistake = String::new();
    let mut caught_by = Vec::new();
    let mut body_start = None;
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        if line.starts_with("diff --git ") || line.starts_with("--- ") {
            body_start = Some(offset);
            break;
        }
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let Some(comment) = trimmed.strip_prefix('#') else {
            return Err(format!(
                "line {}: the header holds only `# Key: value` lines before the diff",
                number + 1
            ));
        };
        if let Some((key, value)) = comment.split_once(':') {
            match key.trim().to_lowercase().as_str() {
                "the mistake" => mistake = value.trim().to_string(),
                "caught by" => caught_by.extend(value.split_whitespace().map(str::to_string)),
                _ => {}
            }
        }
    }
    let Some(start) = body_start else {
        return Err("has no diff: the header must be followed by `git diff --relative=dayNN` output".into());
    };
    if caught_by.is_empty() {
        return Err("names no test in `# Caught by:`: which test must fail on this mistake?".into());
    }
    Ok(KnownWrong {
        path: path.to_string(),
        mistake,
        caught_by,
        diff: bytes[start..].to_vec(),
    })
}

/// Applies the variant's diff to the rendered reference in `day_folder` (a scratch copy).
pub fn apply(variant: &KnownWrong, day_folder: &Path) -> Result<(), String> {
    let diff =
        git2::Diff::from_buffer(&variant.diff).map_err(|e| format!("is not a readable diff: {}", e.message()))?;
    let repo = git2::Repository::init(day_folder)
        .context("cannot make a scratch repository to apply the diff in")
        .map_err(|e| format!("{e:#}"))?;
    repo.apply(&diff, git2::ApplyLocation::WorkDir, None).map_err(|e| {
        format!(
            "does not apply to the day's reference ({}): regenerate it with `git diff --relative=dayNN`",
            e.message()
        )
    })
}

/// Why the variant's tests did not prove it wrong; empty when it was caught.
pub fn verdict(variant: &KnownWrong, run: &TestRun) -> Vec<String> {
    let mut problems = Vec::new();
    for error in &run.collection_errors {
        problems.push(format!(
            "{}: {} cannot be collected ({}): the patch broke the code instead of making it wrong",
            variant.path, error.file, error.error
        ));
    }
    for test in run.tests.iter().filter(|t| t.outcome == Outcome::Error) {
        problems.push(format!("{}: {} errors ({})", variant.path, test.name, test.detail));
    }
    for wanted in &variant.caught_by {
        let Some(test) = run.tests.iter().find(|t| &t.name == wanted) else {
            problems.push(format!(
                "{}: `Caught by:` names {wanted}, which is not a test of the day",
                variant.path
            ));
            continue;
        };
        match test.outcome {
            Outcome::Failed if BROKEN.iter().any(|kind| test.detail.starts_with(kind)) => problems.push(format!(
                "{}: {wanted} fails with {}: the patch broke the code instead of making it wrong",
                variant.path, test.detail
            )),
            Outcome::Failed => {}
            Outcome::Passed => problems.push(format!(
                "{}: {wanted} passes, so the tests accept this mistake: {}",
                variant.path, variant.mistake
            )),
            Outcome::Skipped | Outcome::Error => problems.push(format!(
                "{}: {wanted} did not fail as a test ({:?}: {})",
                variant.path, test.outcome, test.detail
            )),
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATCH: &str = "# The mistake: adds one too many\n# Why it is wrong: off by one\n\
                         # Caught by: tests/test_app.py::test_a tests/test_app.py::test_b\n\
                         diff --git a/app.py b/app.py\n--- a/app.py\n+++ b/app.py\n";

    #[test]
    fn the_header_names_the_mistake_and_the_tests_and_the_diff_follows() {
        let variant = parse("wrong/day01/x.patch", PATCH.as_bytes()).unwrap();
        assert_eq!(variant.mistake, "adds one too many");
        assert_eq!(
            variant.caught_by,
            ["tests/test_app.py::test_a", "tests/test_app.py::test_b"]
        );
        assert!(variant.diff.starts_with(b"diff --git a/app.py"));
    }

    #[test]
    fn a_variant_without_tests_or_without_a_diff_is_refused() {
        let no_tests = PATCH.replace("# Caught by: tests/test_app.py::test_a tests/test_app.py::test_b\n", "");
        assert!(parse("p", no_tests.as_bytes()).unwrap_err().contains("names no test"));
        assert!(parse("p", b"# The mistake: x\n").unwrap_err().contains("has no diff"));
        assert!(
            parse("p", b"not a header\ndiff --git a/x b/x\n")
                .unwrap_err()
                .contains("line 1")
        );
    }

    #[test]
    fn every_built_in_variant_parses_and_every_lab_day_has_three() {
        let course = Course::built_in().unwrap();
        for day in course.manifest.days.iter().filter(|d| d.lab) {
            let (variants, problems) = known_wrong(&course, day.number);
            assert!(problems.is_empty(), "{problems:?}");
            assert!(
                variants.len() >= 3,
                "day {} has {} variants",
                day.number,
                variants.len()
            );
            for variant in &variants {
                assert!(git2::Diff::from_buffer(&variant.diff).is_ok(), "{}", variant.path);
            }
        }
    }

    #[test]
    fn a_folder_extending_the_built_in_course_has_only_its_own_variants() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("course.toml"),
            "extends = \"builtin\"\n\n[course]\nversion = \"1.0.0\"\n",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("wrong/day01")).unwrap();
        std::fs::write(dir.path().join("wrong/day01/ours.patch"), PATCH).unwrap();
        let course = Course::from_folder(dir.path()).unwrap();
        let (variants, problems) = known_wrong(&course, 1);
        assert!(problems.is_empty(), "{problems:?}");
        let paths: Vec<&str> = variants.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, ["wrong/day01/ours.patch"]);
        assert!(known_wrong(&course, 2).0.is_empty());
    }
}
