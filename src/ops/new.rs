//! `bec new`: a learner repo at a given day, created in a staging folder and moved into place.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dialoguer::{Confirm, theme::ColorfulTheme};
use git2::{ConfigLevel, Oid, Repository, RepositoryInitOptions};

use crate::answers::{self, Answers, Asking};
use crate::course::Course;
use crate::date::Timestamp;
use crate::error::UserError;
use crate::ops::render_learner_repo;
use crate::regions::Variant;
use crate::repo::{self, TEMPLATE_REF};
use crate::staging::Staging;
use crate::state::State;

/// Plain options for [`new_repo`].
#[derive(Debug, Clone)]
pub struct NewOptions {
    pub day: u32,
    pub path: PathBuf,
    /// Answers given with `--set`.
    pub answers: Answers,
    pub asking: Asking,
    pub date: Timestamp,
    /// Render the reference solution instead of the starter (for instructors and the harness).
    pub variant: Variant,
}

/// What [`new_repo`] made.
#[derive(Debug)]
pub struct NewReport {
    pub path: PathBuf,
    pub commit: Oid,
    pub files: usize,
    pub state: State,
    /// The `user.name`/`user.email` written into the repo's own git config, when git had none.
    pub identity: Option<Identity>,
}

/// A git identity: `user.name` and `user.email`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

/// Refuses a target that exists and is not an empty folder.
pub fn check_target(path: &Path) -> Result<(), UserError> {
    match fs::symlink_metadata(path) {
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() => {
            let empty = fs::read_dir(path)
                .map(|mut entries| entries.next().is_none())
                .unwrap_or(false);
            if empty {
                Ok(())
            } else {
                Err(UserError::TargetNotEmpty {
                    path: path.to_path_buf(),
                })
            }
        }
        Ok(_) => Err(UserError::TargetNotEmpty {
            path: path.to_path_buf(),
        }),
    }
}

/// Creates the learner repo described by `options`.
pub fn new_repo(course: &Course, options: &NewOptions) -> Result<NewReport> {
    course.lab_day(options.day)?;
    check_target(&options.path)?;
    let answers = answers::collect(&course.manifest.prompts, options.answers.clone(), options.asking)?;
    let state = State::starting_at(course, options.day, answers);
    let tree = render_learner_repo(course, &state, options.variant, options.date)?;

    let identity = identity_to_set(course, &state, options.asking)?;

    let staging = Staging::beside(&options.path, ".bec-new-")?;
    let commit = build_repo(staging.path(), course, &state, &tree, options.date)?;
    if let Some(identity) = &identity {
        set_local_identity(staging.path(), identity)?;
    }
    staging.move_to(&options.path)?;
    Ok(NewReport {
        path: options.path.clone(),
        commit,
        files: tree.len(),
        state,
        identity,
    })
}

/// Whether git knows who the learner is (`user.name` and `user.email` in the global or system
/// config): the merge commits of `bec next` need it.
fn git_knows_who(config: Option<git2::Config>) -> bool {
    let has = |key: &str| {
        config
            .as_ref()
            .and_then(|c| c.get_string(key).ok())
            .is_some_and(|v| !v.trim().is_empty())
    };
    has("user.name") && has("user.email")
}

/// When git has no identity, the answers to the course's questions that default from
/// `user.name` and `user.email` become the repo's own: with `--yes` (or no terminal) always,
/// on a terminal when the learner agrees.
fn identity_to_set(course: &Course, state: &State, asking: Asking) -> Result<Option<Identity>> {
    if git_knows_who(git2::Config::open_default().ok()) {
        return Ok(None);
    }
    let answer_for = |key: &str| {
        course
            .manifest
            .prompts
            .iter()
            .find(|p| p.default_from_git.as_deref() == Some(key))
            .and_then(|p| state.answers.get(&p.name))
            .filter(|v| !v.trim().is_empty())
            .cloned()
    };
    let (Some(name), Some(email)) = (answer_for("user.name"), answer_for("user.email")) else {
        return Ok(None);
    };
    let identity = Identity { name, email };
    if asking == Asking::Interactive {
        let agreed = Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(format!(
                "git does not know who you are. Sign this repo's commits as {} <{}>?",
                identity.name, identity.email
            ))
            .default(true)
            .interact()
            .map_err(|e| UserError::Other(format!("no answer about the git identity: {e}")))?;
        if !agreed {
            return Ok(None);
        }
    }
    Ok(Some(identity))
}

/// Writes `identity` into the repo's own `.git/config`.
fn set_local_identity(dir: &Path, identity: &Identity) -> Result<()> {
    let repo = Repository::open(dir).context("cannot open the new repository")?;
    let mut config = repo
        .config()
        .and_then(|config| config.open_level(ConfigLevel::Local))
        .context("cannot open the new repo's git config")?;
    config
        .set_str("user.name", &identity.name)
        .and_then(|()| config.set_str("user.email", &identity.email))
        .context("cannot write the git identity into the new repo's config")?;
    Ok(())
}

/// Initialises the repo in `dir`: one template commit, `main` at the same commit, checked out.
fn build_repo(
    dir: &Path,
    course: &Course,
    state: &State,
    tree: &crate::render::RenderedTree,
    date: Timestamp,
) -> Result<Oid> {
    let (repo, commit) = init_with_template(dir, course, state, tree, date)?;
    check_out_main(&repo, commit)?;
    Ok(commit)
}

/// A new repo in `dir` whose `bec/template` branch holds one commit: the render `tree` of
/// `state`, by the course's identity at `date`. HEAD names `main`, which does not exist yet.
/// `bec new` and `bec cohort new` both start here.
pub fn init_with_template(
    dir: &Path,
    course: &Course,
    state: &State,
    tree: &crate::render::RenderedTree,
    date: Timestamp,
) -> Result<(Repository, Oid)> {
    let mut init = RepositoryInitOptions::new();
    init.initial_head("main").no_reinit(true);
    let repo = Repository::init_opts(dir, &init).context("cannot create the git repository")?;
    let commit = commit_start(&repo, course, state, tree, date, Some(TEMPLATE_REF))?;
    Ok((repo, commit))
}

/// The first template commit of a repo at `state`: the render `tree`, by the course's identity
/// at `date`, moving `reference` when given. `bec course check` makes it too (with no
/// reference, in a scratch repo), so it finds what git would refuse before a learner does.
pub fn commit_start(
    repo: &Repository,
    course: &Course,
    state: &State,
    tree: &crate::render::RenderedTree,
    date: Timestamp,
    reference: Option<&str>,
) -> Result<Oid> {
    let tree_id = repo::write_tree(repo, tree).context("git cannot store the rendered files")?;
    let tree = repo.find_tree(tree_id)?;
    let identity = &course.manifest.commit;
    let signature = repo::signature(&identity.name, &identity.email, date)?;
    let day = course.day(state.current_day)?;
    let message = format!(
        "bec: start at day {} — {}\n\nCourse {} {}.\n",
        state.current_day,
        day.title,
        course.id(),
        course.version()
    );
    Ok(repo.commit(reference, &signature, &signature, &message, &tree, &[])?)
}

/// Points `main` at `commit` and writes its files into the (empty) work tree.
pub fn check_out_main(repo: &Repository, commit: Oid) -> Result<()> {
    repo.reference("refs/heads/main", commit, false, "bec new")?;
    let mut checkout = git2::build::CheckoutBuilder::new();
    checkout.force();
    repo.checkout_head(Some(&mut checkout))
        .context("cannot write the files of the new repo")?;
    Ok(())
}
