//! `bec next`: commit the render "all days so far + the next day" on `bec/template` and merge it
//! into the learner's branch. `bec update` uses the same path with the same days.
//!
//! Both take the repo lock for their whole run, first repair what an earlier interrupted run left
//! (or refuse, pointing at `bec next --abort`), and check everything before writing anything.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::{Oid, Repository, Signature};

use crate::course::{Course, CourseSource, Relation, relation};
use crate::date::Timestamp;
use crate::error::UserError;
use crate::ops::render_learner_repo;
use crate::regions::Variant;
use crate::repo::{self, Aborted, MergeOutcome, RepoLock, fault};
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
    /// Set when the repo now follows another course source (see [`LearnerRepo::check_course`]).
    pub source_move: Option<SourceMove>,
}

/// An opened learner repo: its root, git repo and state.
pub struct LearnerRepo {
    pub root: PathBuf,
    pub repo: Repository,
    pub state: State,
}

/// The git repo around `start`, without reading bec.toml (which an interrupted merge may have
/// left half-written).
pub fn open_git(start: &Path) -> Result<(PathBuf, Repository)> {
    let root = find_repo_root(start)?;
    let repo = Repository::open(&root).map_err(|_| UserError::NotALearnerRepo { start: root.clone() })?;
    Ok((root, repo))
}

impl LearnerRepo {
    /// Finds the repo around `start` and reads its bec.toml.
    pub fn open(start: &Path) -> Result<LearnerRepo> {
        let (root, repo) = open_git(start)?;
        let state = State::read(&root.join(STATE_FILE))?;
        Ok(LearnerRepo { root, repo, state })
    }

    /// Opens the repo to change it: takes the repo lock (held until the lock is dropped), repairs
    /// what an earlier run left, refuses an interrupted merge, then reads bec.toml.
    pub fn open_to_change(start: &Path, command: &str) -> Result<(LearnerRepo, RepoLock)> {
        let (root, repo) = open_git(start)?;
        let lock = RepoLock::acquire(&repo, command)?;
        if repo::heal(&repo)?.interrupted {
            return Err(UserError::Interrupted.into());
        }
        let state = State::read(&root.join(STATE_FILE))?;
        Ok((LearnerRepo { root, repo, state }, lock))
    }

    /// Refuses a course this repo does not follow: another course id, the built-in course for a
    /// repo made from a folder, or an older version of the same course (`command` is named in
    /// the fix). Returns the move to another source, to show: from the built-in course to a
    /// folder given with `--course`, or to a folder that moved.
    pub fn check_course(&self, course: &Course, command: &str) -> Result<Option<SourceMove>, UserError> {
        let state = &self.state;
        if state.course_id != course.id() {
            let fix = match (&state.course_source, &course.source) {
                (recorded, using) if recorded == using && matches!(using, CourseSource::Folder(_)) => format!(
                    "Its course.toml now says `id = \"{}\"`: a course keeps its id for the repos made \
                     from it, so set it back to `id = \"{}\"`.",
                    course.id(),
                    state.course_id
                ),
                (CourseSource::Folder(_), _) => format!(
                    "Run `{}` (or set BEC_COURSE to that folder).",
                    state.course_source.command(command)
                ),
                (CourseSource::BuiltIn, CourseSource::Folder(_)) => format!(
                    "Run `bec {command}` without --course (and with BEC_COURSE unset) to use the course built into bec."
                ),
                (CourseSource::BuiltIn, CourseSource::BuiltIn) => format!(
                    "This bec's built-in course is another one: use the bec this repo was made with, or \
                     `bec --course DIR {command}` with a folder of course `{}`.",
                    state.course_id
                ),
            };
            return Err(UserError::CourseMismatch {
                repo_course: state.course_id.clone(),
                repo_source: state.course_source.describe(),
                course: course.id().to_string(),
                using: course.source.describe(),
                fix,
            });
        }
        match relation(
            &state.course_source,
            &state.course_version,
            &course.source,
            course.version(),
        ) {
            Relation::Same { moved_from: None } => Ok(None),
            Relation::Same { .. } | Relation::FromBuiltInToFolder => Ok(Some(SourceMove {
                from: state.course_source.clone(),
                to: course.source.clone(),
            })),
            Relation::FollowsFolder => {
                let CourseSource::Folder(path) = &state.course_source else {
                    unreachable!("a repo that follows a folder")
                };
                Err(UserError::FollowsCourseFolder {
                    path: path.display().to_string(),
                    rerun: state.course_source.command(command),
                })
            }
            Relation::Older => Err(UserError::OlderCourse {
                course: course.id().to_string(),
                repo_version: state.course_version.clone(),
                version: course.version().to_string(),
                using: course.source.describe(),
                fix: match course.source {
                    CourseSource::BuiltIn => {
                        "Upgrade bec: its built-in course is older than the one this repo has.".to_string()
                    }
                    CourseSource::Folder(_) => format!(
                        "Use the folder with version {} or newer (`bec --course DIR {command}`), or give this \
                         folder a higher `version` in its course.toml.",
                        state.course_version
                    ),
                },
            }),
        }
    }
}

/// A repo that moves to another course source with this command (same course id).
#[derive(Debug, Clone)]
pub struct SourceMove {
    pub from: CourseSource,
    pub to: CourseSource,
}

impl SourceMove {
    /// The sentence that says so; `done` when the command made the move.
    pub fn describe(&self, done: bool) -> String {
        let (verb, later) = if done {
            ("now follows", "run")
        } else {
            ("would follow", "you would run")
        };
        let mut text = format!(
            "This repo {verb} {} instead of {}",
            self.to.describe(),
            self.from.describe()
        );
        if self.from == CourseSource::BuiltIn {
            text.push_str(&format!(": {later} later commands with `{}`", self.to.command("…")));
        }
        text.push('.');
        text
    }
}

/// Advances the repo by one day.
pub fn next_day(course: &Course, options: &NextOptions) -> Result<NextReport> {
    let (learner, _lock) = LearnerRepo::open_to_change(&options.start, "next")?;
    let source_move = learner.check_course(course, "next")?;
    let current = learner.state.current_day;
    if current >= course.manifest.last_day() {
        return Err(UserError::CourseFinished { day: current }.into());
    }
    let next = current + 1;
    let info = course.lab_day(next)?;
    let mut state = learner.state.clone();
    state.current_day = next;
    state.course_version = course.version().to_string();
    state.course_source = course.source.clone();
    let author = check_ready_to_merge(&learner, options.date)?;
    let tree = render_learner_repo(course, &state, Variant::Starter, options.date)?;
    let tree = repo::write_tree(&learner.repo, &tree)
        .map_err(repo::git_error)
        .context("cannot write the course's render into git, so bec changed nothing")?;
    let message = format!("bec: start day {next} — {}", info.title);
    let outcome = commit_and_merge(course, &learner, tree, &author, options.date, &message)?;
    Ok(NextReport {
        root: learner.root,
        day: next,
        title: info.title.clone(),
        outcome,
        source_move,
    })
}

/// Undoes an unfinished or interrupted `bec next`/`bec update` (`bec next --abort`).
pub fn abort(start: &Path) -> Result<Aborted> {
    let (_, repo) = open_git(start)?;
    repo::abort_next(&repo)
}

/// Refuses a repo that bec must not merge into (an operation in progress, a detached HEAD or
/// `bec/template` checked out, a git command's lock, a dirty work tree, no git identity) and
/// returns the learner's signature for the merge commit.
pub fn check_ready_to_merge(learner: &LearnerRepo, date: Timestamp) -> Result<Signature<'static>> {
    let repo = &learner.repo;
    repo::ensure_no_operation_in_progress(repo)?;
    repo::current_branch(repo)?;
    repo::check_not_on_template_branch(repo)?;
    repo::template_tip(repo)?;
    repo::check_index_lock(repo)?;
    repo::check_clean(repo)?;
    Ok(repo::learner_signature(repo, date)?)
}

/// Commits the rendered tree `tree` (already in the repo's object database) on top of
/// `bec/template` and merges it into the checked-out branch; the branch moves to the new commit
/// only once it is merged (or stopped on conflicts). Call [`check_ready_to_merge`] first, with the
/// repo lock held.
pub fn commit_and_merge(
    course: &Course,
    learner: &LearnerRepo,
    tree: Oid,
    author: &Signature<'_>,
    date: Timestamp,
    message: &str,
) -> Result<MergeOutcome> {
    let repo = &learner.repo;
    let previous = repo::template_tip(repo)?;
    let unchanged = "cannot write the course's render into git, so bec changed nothing";
    fault::point("render-written").context(unchanged)?;
    let template = commit_template(course, repo, tree, previous, date, message).context(unchanged)?;
    repo::verify_written(repo, template).context(unchanged)?;
    fault::point("template-commit-written").context(unchanged)?;
    repo::merge_template(repo, previous, template, message, author)
}

/// Writes the template commit (on no branch yet).
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
    repo.commit(None, &signature, &signature, &body, &tree, &[&parent])
        .map_err(repo::git_error)
}
