//! `bec next`: commit the render "all days so far + the next day" on `bec/template` and merge it
//! into the learner's branch. `bec update` uses the same path with the same days.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::{Oid, Repository};

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
    let message = format!("bec: start day {next} — {}", info.title);
    let outcome = commit_and_merge(course, &learner, &state, options.date, &message)?;
    Ok(NextReport {
        root: learner.root,
        day: next,
        title: info.title.clone(),
        outcome,
    })
}

/// Checks the repo, commits the render of `state` on `bec/template`, merges it.
pub fn commit_and_merge(
    course: &Course,
    learner: &LearnerRepo,
    state: &State,
    date: Timestamp,
    message: &str,
) -> Result<MergeOutcome> {
    let repo = &learner.repo;
    repo::ensure_no_operation_in_progress(repo)?;
    repo::current_branch(repo)?;
    repo::check_clean(repo)?;
    let author = repo::learner_signature(repo, date)?;
    let tree = render_learner_repo(course, state, Variant::Starter, date)?;

    let previous = repo.refname_to_id(TEMPLATE_REF).map_err(|_| UserError::BrokenState {
        path: learner.root.join(".git"),
        problem: format!("the branch `{TEMPLATE_BRANCH}` that holds the course's renders is missing"),
    })?;
    let head = repo
        .head()?
        .peel_to_commit()
        .context("cannot read the current commit")?
        .id();
    let template = commit_template(course, repo, &tree, previous, date, message)?;
    let record = AbortRecord {
        head,
        template: previous,
    };
    let outcome = repo::merge_template(repo, template, message, &author, &record);
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
    tree: &crate::render::RenderedTree,
    parent: Oid,
    date: Timestamp,
    message: &str,
) -> Result<Oid> {
    let tree_id = repo::write_tree(repo, tree)?;
    let tree = repo.find_tree(tree_id)?;
    let parent = repo.find_commit(parent)?;
    let identity = &course.manifest.commit;
    let signature = repo::signature(&identity.name, &identity.email, date)?;
    let body = format!("{message}\n\nCourse {} {}.\n", course.id(), course.version());
    Ok(repo.commit(Some(TEMPLATE_REF), &signature, &signature, &body, &tree, &[&parent])?)
}
