//! Merging a new template commit into the learner's branch with git's own three-way merge, and
//! undoing it (`bec next --abort`).
//!
//! Before merging, bec writes `.git/bec/merge-abort` with the learner's HEAD and the template
//! branch's previous tip, so an abort restores both.

use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use git2::build::CheckoutBuilder;
use git2::{Index, MergeOptions, Oid, Repository, ResetType, Signature};

use crate::error::UserError;

use super::TEMPLATE_REF;

/// What a merge did.
#[derive(Debug)]
pub enum MergeOutcome {
    /// Merged cleanly into one merge commit.
    Merged(Oid),
    /// Stopped with conflicts in these files; the repo is in git's merge state.
    Conflicts(Vec<String>),
}

/// Where to go back to on abort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbortRecord {
    pub head: Oid,
    pub template: Oid,
}

impl AbortRecord {
    fn path(repo: &Repository) -> PathBuf {
        repo.path().join("bec").join("merge-abort")
    }

    fn save(&self, repo: &Repository) -> Result<()> {
        let path = AbortRecord::path(repo);
        fs::create_dir_all(path.parent().expect("has a parent"))
            .with_context(|| format!("cannot create {}", path.display()))?;
        fs::write(&path, format!("head {}\ntemplate {}\n", self.head, self.template))
            .with_context(|| format!("cannot write {}", path.display()))
    }

    fn load(repo: &Repository) -> Option<AbortRecord> {
        let text = fs::read_to_string(AbortRecord::path(repo)).ok()?;
        let mut head = None;
        let mut template = None;
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("head", oid)) => head = Oid::from_str(oid.trim()).ok(),
                Some(("template", oid)) => template = Oid::from_str(oid.trim()).ok(),
                _ => {}
            }
        }
        Some(AbortRecord {
            head: head?,
            template: template?,
        })
    }

    fn remove(repo: &Repository) {
        let _ = fs::remove_file(AbortRecord::path(repo));
    }
}

/// Merges `template` into the checked-out branch. `record` says how to undo it.
pub fn merge_template(
    repo: &Repository,
    template: Oid,
    message: &str,
    author: &Signature<'_>,
    record: &AbortRecord,
) -> Result<MergeOutcome> {
    record.save(repo)?;
    let annotated = repo.find_annotated_commit(template)?;
    let mut merge_options = MergeOptions::new();
    merge_options.find_renames(true);
    let mut checkout = CheckoutBuilder::new();
    checkout.safe().allow_conflicts(true).conflict_style_merge(true);
    if let Err(error) = repo.merge(&[&annotated], Some(&mut merge_options), Some(&mut checkout)) {
        // Nothing the learner owns was touched if libgit2 refused; put the branches back.
        let _ = restore(repo, record);
        return Err(
            anyhow::Error::new(error).context("git could not merge the new template commit; the repo is as it was")
        );
    }
    fs::write(repo.path().join("MERGE_MSG"), format!("{message}\n")).context("cannot write MERGE_MSG")?;

    let mut index = repo.index()?;
    let conflicts = conflicted_paths(&index)?;
    if !conflicts.is_empty() {
        return Ok(MergeOutcome::Conflicts(conflicts));
    }

    let tree_id = index.write_tree()?;
    let tree = repo.find_tree(tree_id)?;
    let head = repo.head()?.peel_to_commit()?;
    let theirs = repo.find_commit(template)?;
    let commit = repo.commit(Some("HEAD"), author, author, message, &tree, &[&head, &theirs])?;
    repo.cleanup_state()?;
    AbortRecord::remove(repo);
    Ok(MergeOutcome::Merged(commit))
}

/// The paths with conflict entries (stages 1–3) in `index`, sorted.
pub fn conflicted_paths(index: &Index) -> Result<Vec<String>, git2::Error> {
    if !index.has_conflicts() {
        return Ok(Vec::new());
    }
    let mut files: Vec<String> = index
        .conflicts()?
        .filter_map(|c| c.ok())
        .filter_map(|c| c.our.or(c.their).or(c.ancestor))
        .map(|entry| String::from_utf8_lossy(&entry.path).into_owned())
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

/// Undoes an unfinished `bec next`/`bec update` merge: the branch, the work tree and
/// `bec/template` go back to where they were before the command.
pub fn abort_next(repo: &Repository) -> Result<()> {
    let merging = repo.path().join("MERGE_HEAD").exists();
    let head = repo.head().ok().and_then(|h| h.target());
    match AbortRecord::load(repo) {
        // Only the merge bec started, still unfinished, is undone.
        Some(record) if merging && head == Some(record.head) => restore(repo, &record),
        Some(_) if !merging => {
            // The merge was finished (or undone) with git itself: the record is stale.
            AbortRecord::remove(repo);
            Err(UserError::NothingToAbort.into())
        }
        _ if merging => {
            Err(UserError::Other("this merge was not started by bec: undo it with `git merge --abort`".into()).into())
        }
        _ => Err(UserError::NothingToAbort.into()),
    }
}

fn restore(repo: &Repository, record: &AbortRecord) -> Result<()> {
    let head = repo.find_object(record.head, None)?;
    let mut checkout = CheckoutBuilder::new();
    checkout.force();
    repo.reset(&head, ResetType::Hard, Some(&mut checkout))
        .context("cannot reset the branch")?;
    repo.reference(
        TEMPLATE_REF,
        record.template,
        true,
        "bec: abort, restore template branch",
    )?;
    repo.cleanup_state()?;
    AbortRecord::remove(repo);
    Ok(())
}
