//! One learner's repo of a cohort, built from the render shared by the whole batch.
//!
//! The repo is made in a hidden staging folder next to its target (`DIR/.bec-staging-<handle>-…`)
//! and renamed into place when complete, so `DIR/<handle>` is either a whole repo or absent; a
//! failure removes the staging folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::{ConfigLevel, Oid, Repository};

use crate::course::Course;
use crate::date::Timestamp;
use crate::ops::new::{check_out_main, init_with_template};
use crate::render::RenderedTree;
use crate::staging::Staging;
use crate::state::State;

use super::learner_answers::{commit_learner_answers, learner_state};
use super::roster::Learner;

/// What every repo of the batch shares.
#[derive(Debug)]
pub struct Batch<'a> {
    pub course: &'a Course,
    /// The state every repo is rendered with: shared answers, the day.
    pub shared: &'a State,
    /// The render of `shared`, made once.
    pub tree: &'a RenderedTree,
    pub date: Timestamp,
    /// The folder that gets one repo per learner.
    pub out: &'a Path,
}

/// A learner repo that was made.
#[derive(Debug, Clone)]
pub struct Created {
    pub handle: String,
    pub path: PathBuf,
    /// `bec/template`: the same in every repo of the batch.
    pub template: Oid,
    /// `main`: the template commit, or the learner-answers commit on top of it.
    pub main: Oid,
}

/// Builds `learner`'s repo in a staging folder and moves it to `out/<handle>`.
pub fn create_learner_repo(batch: &Batch<'_>, learner: &Learner) -> Result<Created> {
    let target = batch.out.join(&learner.handle);
    let staging = Staging::beside(&target, &format!(".bec-staging-{}-", learner.handle))?;
    let (template, main) = build(staging.path(), batch, learner)?;
    staging.move_to(&target)?;
    Ok(Created {
        handle: learner.handle.clone(),
        path: target,
        template,
        main,
    })
}

/// The repo itself: template commit, learner answers, identity in the local config, checkout.
fn build(dir: &Path, batch: &Batch<'_>, learner: &Learner) -> Result<(Oid, Oid)> {
    let (repo, template) = init_with_template(dir, batch.course, batch.shared, batch.tree, batch.date)?;
    let main = match learner_state(batch.shared, learner) {
        Some(own) => commit_learner_answers(&repo, batch.course, template, batch.shared, &own, batch.date)?,
        None => template,
    };
    set_identity(&repo, learner)?;
    check_out_main(&repo, main)?;
    Ok((template, main))
}

/// The roster's `name`/`email` as the repo's own `user.name`/`user.email` (never in commits).
fn set_identity(repo: &Repository, learner: &Learner) -> Result<()> {
    if learner.name.is_none() && learner.email.is_none() {
        return Ok(());
    }
    let mut config = repo
        .config()
        .and_then(|config| config.open_level(ConfigLevel::Local))
        .context("cannot open the new repo's git config")?;
    if let Some(name) = &learner.name {
        config.set_str("user.name", name)?;
    }
    if let Some(email) = &learner.email {
        config.set_str("user.email", email)?;
    }
    Ok(())
}
