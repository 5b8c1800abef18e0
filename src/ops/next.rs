//! `bec next`: commit the render "all days so far + the next day" on `bec/template` and merge it
//! into the learner's branch. `bec update` uses the same path with the same days.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::{Oid, Repository, Signature};

use crate::course::Course;
use crate::date::Timestamp;
use crate::error::UserError;
use crate::ops::render_learner_repo;
use crate::regions::Variant;
use crate::repo::{self, AbortRecord, MergeOutcome, TEMPLATE_BRANCH, TEMPLATE_REF};
use crate::state::{STATE_FILE, State, find_repo_root};

/// Plain options for [`next_day`].
#[derive(Debug, Clone)]
pub struct NextOptions {
    /// Any folder inside the learner repo.
    pub start: PathBuf,
    pub date: Timestamp,
}

/// What [`next_day`] did.
#[derive(Debug)]
pub struct NextReport {
    pub root: PathBuf,
    pub day: u32,
    pub title: String,
    pub outcome: MergeOutcome,
}

/// An opened learner repo: its root, git repo and state.
pub struct LearnerRepo {
    pub root: PathBuf,
    pub repo: Repository,
    pub state: State,
}

impl LearnerRepo {
    /// Finds the repo around `start` and reads its bec.toml.
    pub fn open(start: &Path) -> Result<LearnerRepo> {
        let root = find_repo_root(start)?;
        let repo = Repository::open(&root).map_err(|_| UserError::NotALearnerRepo { start: root.clone() })?;
        let state = State::read(&root.join(STATE_FILE))?;
        Ok(LearnerRepo { root, repo, state })
    }

    /// Refuses a repo from another course.
    pub fn check_course(&self, course: &Course) -> Result<(), UserError> {
        if self.state.course_id != course.id() {
            return Err(UserError::CourseMismatch {
                repo_course: self.state.course_id.clone(),
                course: course.id().to_string(),
            });
        }
        Ok(())
    }
}

/// Advances the repo by one day.
pub fn next_day(course: &Course, options: &NextOptions) -> Result<NextReport> {
    let learner = LearnerRepo::open(&options.start)?;
    learner.check_course(course)?;
    let current = learner.state.current_day;
    if current >= course.manifest.last_day() {
        return Err(UserError::CourseFinished { day: current }.into());
    }
    let next = current + 1;
    let info = course.lab_day(next)?;
    let mut state = learner.state.clone();
    state.current_day = next;
    state.course_version = course.version().to_string();
    let author = check_ready_to_merge(&learner, options.date)?;
    let tree = render_learner_repo(course, &state, Variant::Starter, options.date)?;
    let tree = repo::write_tree(&learner.repo, &tree)?;
    let message = format!("bec: start day {next} — {}", info.title);
    let outcome = commit_and_merge(course, &learner, tree, &author, options.date, &message)?;
    Ok(NextReport {
        root: learner.root,
        day: next,
        title: info.title.clone(),
        outcome,
    })
}

/// Refuses a repo that bec must not merge into (an operation in progress, a detached HEAD, a dirty
/// work tree, no git identity) and returns the learner's signature for the merge commit.
pub fn check_ready_to_merge(learner: &LearnerRepo, date: Timestamp) -> Result<Signature<'static>> {
    let repo = &learner.repo;
    repo::ensure_no_operation_in_progress(repo)?;
    repo::current_branch(repo)?;
    repo::check_clean(repo)?;
    Ok(repo::learner_signature(repo, date)?)
}

/// Commits the rendered tree `tree` (already in the repo's object database) on `bec/template` and
/// merges it into the checked-out branch. Call [`check_ready_to_merge`] first.
pub fn commit_and_merge(
    course: &Course,
    learner: &LearnerRepo,
    tree: Oid,
    author: &Signature<'_>,
    date: Timestamp,
    message: &str,
) -> Result<MergeOutcome> {
    let repo = &learner.repo;
    let previous = repo.refname_to_id(TEMPLATE_REF).map_err(|_| UserError::BrokenState {
        path: learner.root.join(".git"),
        problem: format!("the branch `{TEMPLATE_BRANCH}` that holds the course's renders is missing"),
    })?;
    let head = repo
        .head()?
        .peel_to_commit()
        .context("cannot read the current commit")?
        .id();
    let template = commit_template(course, repo, tree, previous, date, message)?;
    let record = AbortRecord {
        head,
        template: previous,
    };
    let outcome = repo::merge_template(repo, template, message, author, &record);
    if outcome.is_err() && repo.state() == git2::RepositoryState::Clean {
        // The merge never started: the template branch goes back to where it was.
        let _ = repo.reference(
            TEMPLATE_REF,
            previous,
            true,
            "bec: merge failed, restore template branch",
        );
    }
    outcome
}

fn commit_template(
    course: &Course,
    repo: &Repository,
    tree: Oid,
    parent: Oid,
    date: Timestamp,
    message: &str,
) -> Result<Oid> {
    let tree = repo.find_tree(tree)?;
    let parent = repo.find_commit(parent)?;
    let identity = &course.manifest.commit;
    let signature = repo::signature(&identity.name, &identity.email, date)?;
    let body = format!("{message}\n\nCourse {} {}.\n", course.id(), course.version());
    Ok(repo.commit(Some(TEMPLATE_REF), &signature, &signature, &body, &tree, &[&parent])?)
}
