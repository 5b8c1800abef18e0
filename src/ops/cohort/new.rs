//! `bec cohort new`: one identical learner repo per roster row.
//!
//! Everything is checked before anything is written: the day, the shared answers, `--push`, every
//! roster row, and every target folder. The course is then rendered once, and `jobs` workers
//! build the repos from that one render (see [`super::learner_repo`]), pushing each when asked.

use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use git2::Oid;
use indicatif::ProgressBar;

use crate::answers::Answers;
use crate::course::Course;
use crate::date::Timestamp;
use crate::error::UserError;
use crate::ops::new::check_target;
use crate::ops::render_learner_repo;
use crate::regions::Variant;
use crate::state::State;

use super::learner_answers::shared_answers;
use super::learner_repo::{Batch, Created, create_learner_repo};
use super::push::{check_url_template, push_learner_repo, url_for};
use super::roster::{RowProblem, read_roster};
use super::workers::{default_jobs, for_each_learner};

/// Plain options for [`new_cohort`].
#[derive(Debug, Clone)]
pub struct CohortOptions {
    pub roster: PathBuf,
    pub day: u32,
    /// The folder that gets one repo per learner.
    pub out: PathBuf,
    /// Shared answers given with `--set`.
    pub answers: Answers,
    /// One moment for every commit of the batch.
    pub date: Timestamp,
    /// Create the good rows and report the bad ones instead of refusing the roster.
    pub skip_bad: bool,
    /// Remote URL template holding `{handle}`.
    pub push: Option<String>,
    /// Workers; `None` means one per core.
    pub jobs: Option<usize>,
}

/// What [`new_cohort`] did.
#[derive(Debug)]
pub struct CohortReport {
    pub day: u32,
    pub title: String,
    pub created: Vec<Created>,
    /// Bad roster rows left out (`--skip-bad`).
    pub skipped: Vec<RowProblem>,
    /// Handles whose repo could not be made, with the reason.
    pub failed: Vec<(String, String)>,
    /// Handles whose repo was made but not pushed, with the reason.
    pub push_failed: Vec<(String, String)>,
    pub pushed: usize,
}

impl CohortReport {
    /// The `bec/template` commit of the batch (the same in every repo).
    pub fn template(&self) -> Option<Oid> {
        self.created.first().map(|c| c.template)
    }

    /// How many repos have their own answers (`main` one commit ahead of `bec/template`).
    pub fn with_own_answers(&self) -> usize {
        self.created.iter().filter(|c| c.main != c.template).count()
    }
}

/// Creates the cohort described by `options`; `progress` counts the repos.
pub fn new_cohort(course: &Course, options: &CohortOptions, progress: &ProgressBar) -> Result<CohortReport> {
    course.lab_day(options.day)?;
    let answers = shared_answers(&course.manifest.prompts, options.answers.clone())?;
    let shared = State::starting_at(course, options.day, answers);
    create_batch(course, options, &shared, None, progress)
}

/// Checks the roster and the targets, renders `shared` once and builds a repo per good row.
/// With `expected`, the render must give that `bec/template` commit (the class's), or nothing
/// is created: see [`super::add`].
pub(super) fn create_batch(
    course: &Course,
    options: &CohortOptions,
    shared: &State,
    expected: Option<Oid>,
    progress: &ProgressBar,
) -> Result<CohortReport> {
    let info = course.lab_day(shared.first_day)?;
    if let Some(template) = &options.push {
        check_url_template(template)?;
    }
    let roster = read_roster(&options.roster, &course.manifest.prompts)?;
    if !roster.problems.is_empty() && (!options.skip_bad || roster.learners.is_empty()) {
        let fix = if roster.learners.is_empty() {
            "No row can be used: fix them and run the command again.".to_string()
        } else {
            let good = roster.learners.len();
            format!(
                "Fix these rows, or pass --skip-bad to create the {good} good {} and list the rows left out.",
                if good == 1 { "repo" } else { "repos" }
            )
        };
        return Err(UserError::BadRoster {
            path: options.roster.clone(),
            problems: lines(&roster.problems),
            fix,
        }
        .into());
    }
    check_targets(options, &roster.learners)?;

    let tree = render_learner_repo(course, shared, Variant::Starter, options.date)?;
    if let Some(expected) = expected {
        super::add::check_same_template(&options.out, course, shared, &tree, options.date, expected)?;
    }
    fs::create_dir_all(&options.out).with_context(|| format!("cannot create {}", options.out.display()))?;
    let batch = Batch {
        course,
        shared,
        tree: &tree,
        date: options.date,
        out: &options.out,
    };

    progress.set_length(roster.learners.len() as u64);
    let jobs = options.jobs.unwrap_or_else(default_jobs);
    let results = for_each_learner(&roster.learners, jobs, progress, |learner| {
        let created = create_learner_repo(&batch, learner).map_err(|e| describe(&e))?;
        let pushed = options
            .push
            .as_ref()
            .map(|template| push_learner_repo(&created.path, &url_for(template, &learner.handle)));
        Ok::<_, String>((created, pushed))
    });
    progress.finish_and_clear();

    let mut report = CohortReport {
        day: shared.first_day,
        title: info.title.clone(),
        created: Vec::new(),
        skipped: roster.problems,
        failed: Vec::new(),
        push_failed: Vec::new(),
        pushed: 0,
    };
    for (learner, result) in roster.learners.iter().zip(results) {
        match result {
            Ok((created, pushed)) => {
                match pushed {
                    Some(Ok(())) => report.pushed += 1,
                    Some(Err(why)) => report.push_failed.push((learner.handle.clone(), why)),
                    None => {}
                }
                report.created.push(created);
            }
            Err(why) => report.failed.push((learner.handle.clone(), why)),
        }
    }
    Ok(report)
}

/// Refuses the batch when any learner's folder exists and is not empty, naming them all.
fn check_targets(options: &CohortOptions, learners: &[super::roster::Learner]) -> Result<(), UserError> {
    if options.out.exists() && !options.out.is_dir() {
        return Err(UserError::TargetNotEmpty {
            path: options.out.clone(),
        });
    }
    let taken: Vec<String> = learners
        .iter()
        .filter(|learner| check_target(&options.out.join(&learner.handle)).is_err())
        .map(|learner| {
            format!(
                "  {} (roster line {})",
                options.out.join(&learner.handle).display(),
                learner.line
            )
        })
        .collect();
    if taken.is_empty() {
        Ok(())
    } else {
        Err(UserError::TargetsNotEmpty {
            paths: taken.join("\n"),
        })
    }
}

fn lines(problems: &[RowProblem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}

/// An error and its causes on one line.
fn describe(error: &anyhow::Error) -> String {
    error.chain().map(ToString::to_string).collect::<Vec<_>>().join(": ")
}
