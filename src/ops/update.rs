//! `bec update`: bring an instructor's newer course version into an existing learner repo,
//! through the same template-branch merge as `bec next` (renames followed, edits kept).

use std::path::PathBuf;

use anyhow::Result;

use crate::course::Course;
use crate::date::Timestamp;
use crate::ops::next::{LearnerRepo, check_ready_to_merge, commit_and_merge};
use crate::ops::render_learner_repo;
use crate::regions::Variant;
use crate::repo::{MergeOutcome, TEMPLATE_REF, write_tree};

#[derive(Debug, Clone)]
pub struct UpdateOptions {
    pub start: PathBuf,
    pub date: Timestamp,
    /// Only report whether an update is available.
    pub check_only: bool,
}

#[derive(Debug)]
pub enum UpdateReport {
    /// The template branch already holds what the course renders now.
    UpToDate { version: String },
    /// `--check`: the course renders something new.
    Available { from: String, to: String },
    /// Merged (or stopped on conflicts).
    Updated {
        from: String,
        to: String,
        outcome: MergeOutcome,
    },
}

pub fn update(course: &Course, options: &UpdateOptions) -> Result<UpdateReport> {
    let learner = LearnerRepo::open(&options.start)?;
    learner.check_course(course)?;
    let mut state = learner.state.clone();
    state.course_version = course.version().to_string();
    for day in state.days() {
        course.lab_day(day)?;
    }
    let tree = render_learner_repo(course, &state, Variant::Starter, options.date)?;
    // Written once: the comparison and the template commit use the same tree.
    let rendered = write_tree(&learner.repo, &tree)?;
    let current = learner.repo.find_reference(TEMPLATE_REF)?.peel_to_tree()?.id();
    let from = learner.state.course_version.clone();
    let to = course.version().to_string();
    if rendered == current {
        return Ok(UpdateReport::UpToDate { version: to });
    }
    if options.check_only {
        return Ok(UpdateReport::Available { from, to });
    }
    let author = check_ready_to_merge(&learner, options.date)?;
    let message = format!("bec: update course {} from {from} to {to}", course.id());
    let outcome = commit_and_merge(course, &learner, rendered, &author, options.date, &message)?;
    Ok(UpdateReport::Updated { from, to, outcome })
}
