//! `bec course check DIR`: everything wrong with a course folder, in one run.
//!
//! Checks the manifest (with the checks `bec new` makes of prompts and the commit identity), that
//! lab flags match the day folders, every day's `day.toml`, and renders every lab day as starter
//! and as reference (Handlebars syntax, unknown variables, solution regions, unsafe paths) and
//! commits each render as `bec new` does, in a scratch repo. With `--labs` it also runs each
//! day's tests: the starter must fail and the reference must pass.

use std::path::Path;

use anyhow::Result;

use crate::answers::Answers;
use crate::course::Course;
use crate::date::Timestamp;
use crate::day_id::day_dir;
use crate::ops::check::{Outcome, run_day_tests};
use crate::ops::new::commit_start;
use crate::ops::{render_learner_repo, render_learner_tree};
use crate::regions::Variant;
use crate::state::State;

#[derive(Debug, Default)]
pub struct CourseCheckReport {
    pub lab_days: usize,
    pub problems: Vec<String>,
    /// With `--labs`: one line per day.
    pub lab_results: Vec<String>,
}

/// Answers good enough to render every template: defaults, first choices, or a sample value.
pub fn sample_answers(course: &Course) -> Answers {
    course
        .manifest
        .prompts
        .iter()
        .map(|p| {
            let value = p
                .default
                .clone()
                .or_else(|| p.choices.first().cloned())
                .unwrap_or_else(|| match p.default_from_git.as_deref() {
                    Some("user.email") => "learner@example.invalid".to_string(),
                    _ => "Sample Learner".to_string(),
                });
            (p.name.clone(), value)
        })
        .collect()
}

pub fn check_course(dir: &Path, run_labs: bool) -> Result<CourseCheckReport> {
    let mut report = CourseCheckReport::default();
    let course = match Course::from_folder(dir) {
        Ok(course) => course,
        Err(error) => {
            report.problems.push(error.to_string());
            return Ok(report);
        }
    };
    report
        .problems
        .extend(course.lab_problems().into_iter().map(|e| e.to_string()));
    let answers = sample_answers(&course);
    let lab_days: Vec<u32> = course
        .manifest
        .days
        .iter()
        .filter(|d| d.lab)
        .map(|d| d.number)
        .collect();
    report.lab_days = lab_days.len();
    let date = Timestamp(0);
    // `bec new` commits every render: so does the check, in a scratch repo.
    let scratch_dir = tempfile::tempdir()?;
    let scratch = git2::Repository::init_bare(scratch_dir.path())?;
    for &day in &lab_days {
        if let Err(error) = course.day_config(day) {
            report.problems.push(error.to_string());
        }
        for variant in [Variant::Starter, Variant::Solution] {
            let state = State::starting_at(&course, day, answers.clone());
            let problems = match render_learner_tree(&course, &state, variant, date) {
                Ok(tree) => match commit_start(&scratch, &course, &state, &tree, date, None) {
                    Ok(_) => Vec::new(),
                    Err(error) => vec![format!("{}: `bec new` would fail: {error:#}", day_dir(day))],
                },
                Err(errors) => errors.iter().map(ToString::to_string).collect(),
            };
            for line in problems {
                if !report.problems.contains(&line) {
                    report.problems.push(line);
                }
            }
        }
    }
    if run_labs && report.problems.is_empty() {
        for &day in &lab_days {
            report
                .lab_results
                .push(prove_day(&course, day, &answers, &mut report.problems)?);
        }
    }
    Ok(report)
}

/// Renders a day both ways into temp folders and runs its tests.
fn prove_day(course: &Course, day: u32, answers: &Answers, problems: &mut Vec<String>) -> Result<String> {
    let mut line = format!("{}:", day_dir(day));
    let config = course.day_config(day)?;
    for variant in [Variant::Starter, Variant::Solution] {
        let tree = render_learner_repo(
            course,
            &State::starting_at(course, day, answers.clone()),
            variant,
            Timestamp(0),
        )?;
        let temp = tempfile::tempdir()?;
        for (path, file) in &tree {
            let target = temp.path().join(path);
            std::fs::create_dir_all(target.parent().expect("inside the temp dir"))?;
            std::fs::write(&target, &file.bytes)?;
        }
        let run = run_day_tests(&config, &temp.path().join(day_dir(day)))?;
        let passed = run.tests.iter().filter(|t| t.outcome == Outcome::Passed).count();
        // a module that cannot be imported on the starter is a failing lab, not "no tests"
        let total = run.tests.iter().filter(|t| t.outcome != Outcome::Skipped).count() + run.collection_errors.len();
        match variant {
            Variant::Starter => {
                line.push_str(&format!(" starter {passed}/{total} passing"));
                if total == 0 || passed > 0 {
                    problems.push(format!(
                        "{}: the starter must fail every lab test, but {passed} of {total} pass",
                        day_dir(day)
                    ));
                }
            }
            Variant::Solution => {
                line.push_str(&format!(", reference {passed}/{total} passing"));
                if total == 0 || passed != total || !run.succeeded {
                    problems.push(format!(
                        "{}: the reference must pass every test, but {passed} of {total} pass",
                        day_dir(day)
                    ));
                }
            }
        }
    }
    Ok(line)
}
