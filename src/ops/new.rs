//! `bec new`: a learner repo at a given day, created in a staging folder and moved into place.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::{Oid, Repository, RepositoryInitOptions};

use crate::answers::{self, Answers, Asking};
use crate::course::Course;
use crate::date::Timestamp;
use crate::error::UserError;
use crate::ops::render_learner_repo;
use crate::regions::Variant;
use crate::repo::{self, TEMPLATE_REF};
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
    let state = State {
        course_id: course.id().to_string(),
        course_version: course.version().to_string(),
        first_day: options.day,
        current_day: options.day,
        answers,
    };
    let tree = render_learner_repo(course, &state, options.variant, options.date)?;

    let staging_parent = nearest_existing_ancestor(&options.path)?;
    let staging = tempfile::Builder::new()
        .prefix(".bec-new-")
        .tempdir_in(&staging_parent)
        .with_context(|| format!("cannot create a staging folder in {}", staging_parent.display()))?;
    let commit = build_repo(staging.path(), course, &state, &tree, options.date)?;

    if let Some(parent) = options.path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    if options.path.is_dir() {
        // An empty folder (checked above), perhaps the current one: move the repo into it.
        move_entries_into(staging.path(), &options.path)?;
    } else {
        let staged = staging.keep();
        if let Err(error) = fs::rename(&staged, &options.path) {
            let _ = fs::remove_dir_all(&staged);
            return Err(
                anyhow::Error::new(error).context(format!("cannot move the new repo to {}", options.path.display()))
            );
        }
    }
    Ok(NewReport {
        path: options.path.clone(),
        commit,
        files: tree.len(),
        state,
    })
}

/// Moves every entry of `from` into the empty folder `into`; on a failure, moves back what moved.
fn move_entries_into(from: &Path, into: &Path) -> Result<()> {
    let entries: Vec<_> = fs::read_dir(from)
        .with_context(|| format!("cannot read {}", from.display()))?
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("cannot read {}", from.display()))?;
    let mut moved = Vec::new();
    for entry in entries {
        let target = into.join(entry.file_name());
        if let Err(error) = fs::rename(entry.path(), &target) {
            for (source, target) in moved.into_iter().rev() {
                let _ = fs::rename(target, source);
            }
            return Err(anyhow::Error::new(error).context(format!("cannot move the new repo into {}", into.display())));
        }
        moved.push((entry.path(), target));
    }
    Ok(())
}

fn nearest_existing_ancestor(path: &Path) -> Result<PathBuf> {
    let absolute = std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    Ok(absolute
        .ancestors()
        .skip(1)
        .find(|dir| dir.is_dir())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".")))
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
    let tree_id = repo::write_tree(&repo, tree)?;
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
    let commit = repo.commit(Some(TEMPLATE_REF), &signature, &signature, &message, &tree, &[])?;
    drop(tree);
    Ok((repo, commit))
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
