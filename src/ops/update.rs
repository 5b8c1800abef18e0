//! `bec update`: bring an instructor's newer course version into an existing learner repo,
//! through the same template-branch merge as `bec next` (renames followed, edits kept).
//!
//! "Up to date" compares the render with what the learner's branch has merged, not with the tip
//! of `bec/template`, so a merge undone with git or interrupted never hides an update.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::course::Course;
use crate::date::Timestamp;
use crate::ops::next::{LearnerRepo, SourceMove, check_ready_to_merge, commit_and_merge};
use crate::ops::render_learner_repo;
use crate::regions::Variant;
use crate::repo::{self, MergeOutcome, RepoLock, merged_template, write_tree};

#[derive(Debug, Clone)]
pub struct UpdateOptions {
    pub start: PathBuf,
    pub date: Timestamp,
    /// Only report whether an update is available.
    pub check_only: bool,
}

#[derive(Debug)]
pub enum UpdateReport {
    /// The learner's branch already holds what the course renders now.
    UpToDate { version: String },
    /// `--check`: the course renders something new.
    Available {
        from: String,
        to: String,
        source_move: Option<SourceMove>,
    },
    /// Merged (or stopped on conflicts).
    Updated {
        from: String,
        to: String,
        outcome: MergeOutcome,
        /// Set when the repo now follows another course source.
        source_move: Option<SourceMove>,
    },
}

pub fn update(course: &Course, options: &UpdateOptions) -> Result<UpdateReport> {
    // `--check` only reads; an update changes the repo and holds its lock throughout.
    let (learner, _lock): (LearnerRepo, Option<RepoLock>) = if options.check_only {
        (LearnerRepo::open(&options.start)?, None)
    } else {
        let (learner, lock) = LearnerRepo::open_to_change(&options.start, "update")?;
        (learner, Some(lock))
    };
    let source_move = learner.check_course(course, "update")?;
    let mut state = learner.state.clone();
    state.course_version = course.version().to_string();
    state.course_source = course.source.clone();
    for day in state.days() {
        course.lab_day(day)?;
    }
    let tree = render_learner_repo(course, &state, Variant::Starter, options.date)?;
    // Written once: the comparison and the template commit use the same tree.
    let rendered = write_tree(&learner.repo, &tree)
        .map_err(repo::git_error)
        .context("cannot write the course's render into git, so bec changed nothing")?;
    let merged = merged_template(&learner.repo)?;
    let current = learner.repo.find_commit(merged)?.tree_id();
    let from = learner.state.course_version.clone();
    let to = course.version().to_string();
    if rendered == current {
        return Ok(UpdateReport::UpToDate { version: to });
    }
    if options.check_only {
        return Ok(UpdateReport::Available { from, to, source_move });
    }
    let author = check_ready_to_merge(&learner, options.date)?;
    let message = format!("bec: update course {} from {from} to {to}", course.id());
    let outcome = commit_and_merge(course, &learner, rendered, &author, options.date, &message)?;
    Ok(UpdateReport::Updated {
        from,
        to,
        outcome,
        source_move,
    })
}
