//! `bec course check DIR`: everything wrong with a course folder, in one run.
//!
//! Checks the manifest (with the checks `bec new` makes of prompts and the commit identity, and
//! that the version is a semantic version, which `bec next` and `bec update` order), that
//! lab flags match the day folders, every day's `day.toml`, and renders every lab day as starter
//! and as reference (Handlebars syntax, unknown variables, solution regions, unsafe paths) and
//! commits each render as `bec new` does, in a scratch repo. With `--labs` it also runs each
//! day's tests: the starter must fail, the reference must pass, and every known-wrong variant
//! of the day (`wrong/dayNN/*.patch`, see [`super::wrong`]) must be caught by the tests it names.

use std::path::Path;

use anyhow::Result;

use crate::answers::Answers;
use crate::course::Course;
use crate::course::{DayConfig, version};
use crate::date::Timestamp;
use crate::day_id::day_dir;
use crate::error::UserError;
use crate::ops::check::{Outcome, PYTHON_ENV, TestRun, resolve_python, run_day_tests};
use crate::ops::course::wrong;
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
    if !version::is_semantic(course.version()) {
        report.problems.push(format!(
            "course.toml: `[course] version = \"{}\"` is not a semantic version (MAJOR.MINOR.PATCH, like \
             1.0.0 or 1.1.0-rc.1): bec orders versions to refuse taking a repo back to an older one",
            crate::printable::printable(course.version())
        ));
    }
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

/// The error when the day's tests need pytest and the Python bec ran has none: then no lab
/// can be proved, and the check says so instead of counting no test as a result.
fn missing_pytest(config: &DayConfig, dir: &Path, output: &str) -> Option<UserError> {
    let uses_python = config.test.command.first().is_some_and(|c| c == "python");
    if !uses_python || !output.contains("No module named pytest") {
        return None;
    }
    let python = resolve_python(dir).map_or_else(|_| "python3".to_string(), |p| p.display().to_string());
    Some(UserError::MissingTool {
        tool: "pytest".into(),
        install: format!(
            "`{python} -m pytest` says \"No module named pytest\", so no lab was run. Install pytest for \
             that Python, or set {PYTHON_ENV} to a Python that has it (and the labs' dependencies)"
        ),
    })
}

fn last_lines(output: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = output.lines().filter(|l| !l.trim().is_empty()).rev().take(5).collect();
    lines.reverse();
    lines
}

/// Writes the learner repo of `day` rendered as `variant` into a new temp folder.
fn render_into_temp(course: &Course, day: u32, answers: &Answers, variant: Variant) -> Result<tempfile::TempDir> {
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
    Ok(temp)
}

/// Renders a day both ways into temp folders and runs its tests, then tries its known-wrong
/// variants on the reference.
fn prove_day(course: &Course, day: u32, answers: &Answers, problems: &mut Vec<String>) -> Result<String> {
    let mut line = format!("{}:", day_dir(day));
    let config = course.day_config(day)?;
    let before = problems.len();
    for variant in [Variant::Starter, Variant::Solution] {
        let temp = render_into_temp(course, day, answers, variant)?;
        let dir = temp.path().join(day_dir(day));
        let run = run_day_tests(&config, &dir)?;
        if run.tests.is_empty() {
            if let Some(missing) = missing_pytest(&config, &dir, &run.output) {
                return Err(missing.into());
            }
            problems.push(format!(
                "{}: `{}` reported no test result for the {}, so the lab is not proved; its last lines:\n    {}",
                day_dir(day),
                config.test.command.join(" "),
                match variant {
                    Variant::Starter => "starter",
                    Variant::Solution => "reference",
                },
                last_lines(&run.output).join("\n    ")
            ));
            line.push_str(" tests did not run");
            return Ok(line);
        }
        tally(day, variant, &run, &mut line, problems);
    }
    if problems.len() > before {
        // variants prove something only over a starter that fails and a reference that passes
        return Ok(line);
    }
    let (variants, unusable) = wrong::known_wrong(course, day);
    problems.extend(unusable);
    if variants.is_empty() {
        return Ok(line);
    }
    let mut caught = 0;
    for variant in &variants {
        let temp = render_into_temp(course, day, answers, Variant::Solution)?;
        let dir = temp.path().join(day_dir(day));
        if let Err(problem) = wrong::apply(variant, &dir) {
            problems.push(format!("{}: {problem}", variant.path));
            continue;
        }
        let found = wrong::verdict(variant, &run_day_tests(&config, &dir)?);
        if found.is_empty() {
            caught += 1;
        }
        problems.extend(found);
    }
    line.push_str(&format!(", known-wrong variants {caught}/{} caught", variants.len()));
    Ok(line)
}

/// Adds the run's counts to the day's line, and a problem when the starter passes a test or the
/// reference fails one.
fn tally(day: u32, variant: Variant, run: &TestRun, line: &mut String, problems: &mut Vec<String>) {
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
