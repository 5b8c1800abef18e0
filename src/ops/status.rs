//! `bec status`: where the learner repo stands, including what an interrupted or git-aborted
//! merge left behind. When no other bec command is running, it repairs what is safe to repair
//! (a `bec/template` branch pointing at a render no branch merged) and says so.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::course::{Course, CourseSource, Relation, relation};
use crate::error::UserError;
use crate::ops::next::{LearnerRepo, open_git};
use crate::repo::{self, RepoLock, conflicted_paths};
use crate::state::{STATE_FILE, State};

/// The repo's state, as printed by `bec status` and `bec status --json`.
#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub root: String,
    pub course_id: String,
    pub course_version: String,
    /// `builtin` or `folder`: where the course this repo follows comes from.
    pub course_source: String,
    /// The folder of that course, for `folder`.
    pub course_path: Option<String>,
    /// A version of the course that `bec update` would bring in (after an instructor's update),
    /// or null when there is none: same version, an older one, or not the course this repo follows.
    pub available_version: Option<String>,
    /// What to do about the course in use, in words (an update to run, a `--course` to give).
    pub course_note: Option<String>,
    pub first_day: u32,
    pub current_day: u32,
    pub title: String,
    pub last_day: u32,
    pub branch: Option<String>,
    pub merge_in_progress: bool,
    pub conflicts: Vec<String>,
    /// A `bec next`/`bec update` was interrupted: `bec next --abort` undoes what it left.
    pub interrupted: bool,
    /// Another bec command is running in the repo (nothing was checked or repaired).
    pub busy: bool,
    /// `.git/index.lock` exists: a git command is running or was interrupted.
    pub index_locked: bool,
    /// What this command repaired, in words.
    pub repaired: Vec<String>,
}

pub fn status(course: &Course, start: &Path) -> Result<StatusReport> {
    let (root, repo) = open_git(start)?;
    let mut interrupted = false;
    let mut repaired = Vec::new();
    // A repo bec cannot lock (read-only) is still described, just not repaired.
    let locking = RepoLock::try_acquire(&repo, "status");
    let busy = matches!(locking, Ok(None));
    let lock = locking.ok().flatten();
    if lock.is_some() {
        let health = repo::heal(&repo)?;
        interrupted = health.interrupted;
        if let Some((from, to)) = health.repaired {
            repaired.push(format!(
                "bec/template pointed at a course render your branch never merged ({}, left by an interrupted \
                 or git-aborted merge); it points again at the last render merged ({})",
                short(from),
                short(to)
            ));
        }
        if health.finished {
            repaired.push("finished tidying up a merge that was interrupted after it was committed".to_string());
        }
    }
    let state = match State::read(&root.join(STATE_FILE)) {
        Ok(state) => state,
        // What the interruption left explains a damaged bec.toml better than the damage does.
        Err(_) if interrupted => return Err(crate::error::UserError::Interrupted.into()),
        Err(error) => return Err(error.into()),
    };
    let learner = LearnerRepo { root, repo, state };
    let (available_version, course_note) = compare_course(&learner, course)?;
    let repo = &learner.repo;
    let branch = if repo.head_detached().unwrap_or(false) {
        None
    } else {
        repo.head().ok().and_then(|h| h.shorthand().ok().map(str::to_string))
    };
    let conflicts = match repo.index() {
        Ok(index) => conflicted_paths(&index)?,
        Err(_) => Vec::new(),
    };
    let day = learner.state.current_day;
    Ok(StatusReport {
        root: learner.root.display().to_string(),
        course_id: learner.state.course_id.clone(),
        course_version: learner.state.course_version.clone(),
        course_source: match &learner.state.course_source {
            CourseSource::BuiltIn => "builtin".to_string(),
            CourseSource::Folder(_) => "folder".to_string(),
        },
        course_path: match &learner.state.course_source {
            CourseSource::BuiltIn => None,
            CourseSource::Folder(path) => Some(path.display().to_string()),
        },
        available_version,
        course_note,
        first_day: learner.state.first_day,
        current_day: day,
        title: course.manifest.day(day).map(|d| d.title.clone()).unwrap_or_default(),
        last_day: course.manifest.last_day(),
        branch,
        merge_in_progress: repo.path().join("MERGE_HEAD").exists(),
        conflicts,
        interrupted,
        busy,
        index_locked: repo.path().join("index.lock").exists(),
        repaired,
    })
}

/// The version `bec update` would bring in, and what to tell the learner about the course in use.
/// Another course id is refused as `bec next` refuses it; a course this repo does not follow, or
/// an older version, is described without offering an update.
fn compare_course(learner: &LearnerRepo, course: &Course) -> Result<(Option<String>, Option<String>), UserError> {
    let state = &learner.state;
    if state.course_id != course.id() {
        learner.check_course(course, "status")?;
    }
    let version = course.version().to_string();
    let relation = relation(&state.course_source, &state.course_version, &course.source, &version);
    Ok(match relation {
        Relation::Same { .. } if version == state.course_version => (None, None),
        Relation::Same { .. } => {
            let note = format!(
                "version {version} is available: `{}` brings it in",
                course.source.command("update")
            );
            (Some(version), Some(note))
        }
        Relation::FromBuiltInToFolder => {
            let note = format!(
                "{} has version {version}: `{}` moves this repo to it",
                course.source.describe(),
                course.source.command("update")
            );
            (Some(version), Some(note))
        }
        Relation::FollowsFolder => {
            let note = format!(
                "bec is using the course built into bec, not this repo's course: run `{}` to see its updates",
                state.course_source.command("status")
            );
            (None, Some(note))
        }
        Relation::Older => {
            let note = format!(
                "{} has version {version}, older than this repo's: `bec update` does not go back to it",
                course.source.describe()
            );
            (None, Some(note))
        }
    })
}

fn short(oid: git2::Oid) -> String {
    oid.to_string()[..7].to_string()
}
