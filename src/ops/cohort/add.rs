//! `bec cohort add`: late learners join a class with repos identical to the others'.
//!
//! The class's repos all started from one `bec/template` commit: the first commit of that
//! branch (later `bec next` runs add commits on top of it, so its tip moves, its root does not).
//! That commit holds everything the render depended on: its `bec.toml` has the course id and
//! version, the day and the shared answers, and its date is the batch's date. `add` reads it
//! from every repo of the class, refuses when they disagree or when the course bec uses now has
//! another id or version, renders the same state at the same date, checks in a scratch repo that
//! this gives the very same commit id, and only then builds the new repos the way `cohort new`
//! does (their own answers and identity from the roster).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use git2::{Oid, Repository};
use indicatif::ProgressBar;

use crate::course::Course;
use crate::date::Timestamp;
use crate::error::UserError;
use crate::ops::new::commit_start;
use crate::render::RenderedTree;
use crate::repo::TEMPLATE_REF;
use crate::state::{STATE_FILE, State};

use super::members::members;
use super::new::{CohortOptions, CohortReport, create_batch};

/// Plain options for [`add_to_cohort`].
#[derive(Debug, Clone)]
pub struct AddOptions {
    pub roster: std::path::PathBuf,
    /// The class folder: its repos give the template commit, the new repos go there too.
    pub class: std::path::PathBuf,
    pub skip_bad: bool,
    pub push: Option<String>,
    pub jobs: Option<usize>,
}

/// What every repo of a class started from.
#[derive(Debug, Clone)]
pub struct ClassStart {
    /// The first `bec/template` commit, the same in every repo.
    pub template: Oid,
    pub date: Timestamp,
    /// The state it was rendered with (shared answers, the first day, the course version).
    pub state: State,
}

/// Adds a repo per roster row to the class in `options.class`.
pub fn add_to_cohort(course: &Course, options: &AddOptions, progress: &ProgressBar) -> Result<CohortReport> {
    let start = class_start(&options.class)?;
    let mismatch = |problem: String, fix: String| UserError::ClassMismatch {
        dir: options.class.display().to_string(),
        problem,
        fix,
    };
    if start.state.course_id != course.id() {
        return Err(mismatch(
            format!(
                "the class follows course `{}`, bec is using `{}`",
                start.state.course_id,
                course.id()
            ),
            "Pass the class's course with --course DIR.".to_string(),
        )
        .into());
    }
    if start.state.course_version != course.version() {
        return Err(mismatch(
            format!(
                "the class was made with course version {}, bec has version {}: new repos would not share the \
                 class's bec/template commit",
                start.state.course_version,
                course.version()
            ),
            format!(
                "Use the course version {} (--course DIR, or the bec that made the class), or make the new \
                 repos a class of their own with `bec cohort new`.",
                start.state.course_version
            ),
        )
        .into());
    }
    let cohort = CohortOptions {
        roster: options.roster.clone(),
        day: start.state.first_day,
        out: options.class.clone(),
        answers: start.state.answers.clone(),
        date: start.date,
        skip_bad: options.skip_bad,
        push: options.push.clone(),
        jobs: options.jobs,
    };
    create_batch(course, &cohort, &start.state, Some(start.template), progress)
}

/// Reads the first `bec/template` commit of every repo in `dir`; refuses a class whose repos
/// did not all start from the same one.
pub fn class_start(dir: &Path) -> Result<ClassStart> {
    let shown = dir.display().to_string();
    let mismatch = |problem: String, fix: &str| UserError::ClassMismatch {
        dir: shown.clone(),
        problem,
        fix: fix.to_string(),
    };
    let mut roots: BTreeMap<Oid, Vec<String>> = BTreeMap::new();
    let mut unreadable = Vec::new();
    for member in members(dir)? {
        match Repository::open(&member.path)
            .map_err(anyhow::Error::from)
            .and_then(|repo| first_template(&repo))
        {
            Ok(root) => roots.entry(root).or_default().push(member.handle),
            Err(error) => unreadable.push(format!("  {}: {error}", member.handle)),
        }
    }
    if !unreadable.is_empty() {
        return Err(mismatch(
            format!(
                "the first bec/template commit of some repos cannot be read:\n{}",
                unreadable.join("\n")
            ),
            "Fix or move those repos out of the class folder, then run the command again.",
        )
        .into());
    }
    if roots.len() > 1 {
        let groups: Vec<String> = roots
            .iter()
            .map(|(id, handles)| format!("  {}: {}", &id.to_string()[..7], handles.join(", ")))
            .collect();
        return Err(mismatch(
            format!(
                "its repos did not start from the same bec/template commit:\n{}",
                groups.join("\n")
            ),
            "Add the learners to one class folder whose repos all started together (`bec cohort verify` \
             shows the odd ones out).",
        )
        .into());
    }
    let Some(template) = roots.into_keys().next() else {
        return Err(UserError::NoCohortRepos { dir: shown }.into());
    };
    // Every repo has this commit: read it from the first one.
    let first = &members(dir)?[0];
    let repo = Repository::open(&first.path)?;
    let commit = repo.find_commit(template)?;
    let tree = commit.tree()?;
    let entry = tree
        .get_name(STATE_FILE)
        .with_context(|| format!("the class's first bec/template commit has no {STATE_FILE}"))?;
    let blob = repo.find_blob(entry.id())?;
    let text = std::str::from_utf8(blob.content()).context("the class's first bec.toml is not UTF-8")?;
    let state = State::parse(text, Path::new(STATE_FILE))?;
    Ok(ClassStart {
        template,
        date: Timestamp(commit.time().seconds()),
        state,
    })
}

/// The first commit of `bec/template`, following first parents from its tip.
fn first_template(repo: &Repository) -> Result<Oid> {
    let mut commit = repo
        .refname_to_id(TEMPLATE_REF)
        .map_err(|_| anyhow::anyhow!("it has no bec/template branch"))
        .and_then(|id| Ok(repo.find_commit(id)?))?;
    while commit.parent_count() > 0 {
        commit = commit.parent(0)?;
    }
    Ok(commit.id())
}

/// Renders nothing new: commits `tree` the way `bec new` does in a scratch repo and refuses
/// unless that gives the class's template commit `expected`.
pub fn check_same_template(
    class: &Path,
    course: &Course,
    state: &State,
    tree: &RenderedTree,
    date: Timestamp,
    expected: Oid,
) -> Result<()> {
    let scratch = tempfile::Builder::new()
        .prefix("bec-add-")
        .tempdir()
        .context("cannot make a scratch folder")?;
    let repo = Repository::init_bare(scratch.path()).context("cannot make a scratch git repo")?;
    let made = commit_start(&repo, course, state, tree, date, None)?;
    if made == expected {
        return Ok(());
    }
    Err(UserError::ClassMismatch {
        dir: class.display().to_string(),
        problem: format!(
            "this course renders its start as commit {}, the class's repos started at {}, although both say \
             version {}: the course changed without a new version",
            &made.to_string()[..7],
            &expected.to_string()[..7],
            state.course_version
        ),
        fix: "Use the course files the class was made with (--course DIR).".to_string(),
    }
    .into())
}
