//! Merging a new template commit into the learner's branch with git's own three-way merge, and
//! undoing it (`bec next --abort`, or bec itself when a step fails).
//!
//! The order keeps every moment recoverable. The merge is first computed in memory and refused if
//! it would write through a link or over an untracked file ([`super::plan`]). Then
//! `.git/bec/merge-abort` records what the merge will touch, git writes the work tree, and only
//! then are the commit and the branches written: the learner's branch first, `bec/template` last.
//! A failure at any step undoes what was written, like `git merge --abort`: the files the merge
//! touched go back to the learner's commit, the files it created are removed, and every other
//! file, uncommitted edits included, stays as it is.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use git2::build::CheckoutBuilder;
use git2::{Index, Oid, Repository, Signature};

use crate::error::UserError;

use super::TEMPLATE_REF;
use super::fault;
use super::heal::{self, Health};
use super::lock::RepoLock;
use super::plan::{merge_options, plan_merge};
use super::record::{AbortRecord, Phase};
use super::worktree::check_index_lock;

/// What a merge did.
#[derive(Debug)]
pub enum MergeOutcome {
    /// Merged cleanly into one merge commit.
    Merged(Oid),
    /// Stopped with conflicts in these files; the repo is in git's merge state.
    Conflicts(Vec<String>),
}

/// What `bec next --abort` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Aborted {
    /// The unfinished merge is undone.
    Undone,
    /// No merge was left, but `bec/template` pointed at a render no branch merged: moved back.
    Repaired,
}

/// Merges the template commit `template` (a child of `previous`, the tip of `bec/template`, not
/// yet on any branch) into the checked-out branch. The caller holds the repo lock.
pub fn merge_template(
    repo: &Repository,
    previous: Oid,
    template: Oid,
    message: &str,
    author: &Signature<'_>,
) -> Result<MergeOutcome> {
    let head = repo
        .head()?
        .peel_to_commit()
        .context("cannot read the current commit")?
        .id();
    let plan = plan_merge(repo, head, template).context("cannot prepare the merge, so bec changed nothing")?;
    let mut record = AbortRecord {
        head,
        template: previous,
        new: template,
        phase: Phase::Merging,
        touched: plan.touched,
    };
    record
        .save(repo)
        .context("cannot record how to undo the merge, so bec changed nothing")?;
    let locks = LeftLocks::before(repo);
    match write_merge(repo, &mut record, message, author) {
        Ok(outcome) => Ok(outcome),
        Err(error) => {
            locks.remove_new(repo);
            Err(undo_after_failure(repo, &record, error))
        }
    }
}

/// Lock files libgit2 can leave behind when a write fails half-way (a full disk): those that did
/// not exist before the merge are this command's own and are removed before undoing it.
struct LeftLocks {
    existing: Vec<std::path::PathBuf>,
}

impl LeftLocks {
    fn candidates(repo: &Repository) -> Vec<std::path::PathBuf> {
        let git = repo.path();
        let mut paths: Vec<_> = ["index", "MERGE_HEAD", "MERGE_MSG", "MERGE_MODE", "ORIG_HEAD", "HEAD"]
            .iter()
            .map(|name| git.join(format!("{name}.lock")))
            .collect();
        paths.push(git.join(format!("{TEMPLATE_REF}.lock")));
        if let Ok(branch) = checked_out_branch(repo) {
            paths.push(git.join(format!("{branch}.lock")));
        }
        paths
    }

    fn before(repo: &Repository) -> LeftLocks {
        LeftLocks {
            existing: LeftLocks::candidates(repo).into_iter().filter(|p| p.exists()).collect(),
        }
    }

    fn remove_new(&self, repo: &Repository) {
        for path in LeftLocks::candidates(repo) {
            if !self.existing.contains(&path) {
                let _ = fs::remove_file(path);
            }
        }
    }
}

fn write_merge(
    repo: &Repository,
    record: &mut AbortRecord,
    message: &str,
    author: &Signature<'_>,
) -> Result<MergeOutcome> {
    fault::point("record-written")?;
    let annotated = repo.find_annotated_commit(record.new)?;
    let mut written = 0usize;
    let mut checkout = CheckoutBuilder::new();
    checkout
        .safe()
        .allow_conflicts(true)
        .conflict_style_merge(true)
        .overwrite_ignored(false)
        .progress(|path, _, _| {
            if path.is_some() {
                written += 1;
                // `kill` and `pause` act here; a `fail` cannot stop libgit2 from a progress report.
                let _ = fault::point(&format!("checkout-file-{written}"));
            }
        });
    repo.merge(&[&annotated], Some(&mut merge_options()), Some(&mut checkout))
        .map_err(git_error)
        .context("git could not write the merge into the work tree")?;
    drop(checkout);
    fault::point("checkout-done")?;
    fs::write(repo.path().join("MERGE_MSG"), format!("{message}\n")).context("cannot write .git/MERGE_MSG")?;

    let mut index = repo.index()?;
    let conflicts = conflicted_paths(&index)?;
    if !conflicts.is_empty() {
        move_ref(
            repo,
            TEMPLATE_REF,
            record.new,
            record.template,
            "bec: merge stopped on conflicts",
        )?;
        fault::point("conflicts-template-moved")?;
        record.phase = Phase::Conflicts;
        record.save(repo)?;
        return Ok(MergeOutcome::Conflicts(conflicts));
    }

    let tree = index
        .write_tree()
        .map_err(git_error)
        .context("cannot write the merged files into git")?;
    let tree = repo.find_tree(tree)?;
    let ours = repo.find_commit(record.head)?;
    let theirs = repo.find_commit(record.new)?;
    let commit = repo
        .commit(None, author, author, message, &tree, &[&ours, &theirs])
        .map_err(git_error)
        .context("cannot write the merge commit")?;
    super::verify_written(repo, commit).context("cannot write the merge commit")?;
    fault::point("merge-commit-written")?;
    let branch = checked_out_branch(repo)?;
    move_ref(repo, &branch, commit, record.head, message)?;
    fault::point("branch-moved")?;
    move_ref(repo, TEMPLATE_REF, record.new, record.template, message)?;
    // From here the merge is complete; what is left is tidying that a later command finishes.
    let _ = fault::point("template-moved");
    let _ = repo.cleanup_state();
    let _ = AbortRecord::remove(repo);
    Ok(MergeOutcome::Merged(commit))
}

/// The full name of the branch HEAD points to.
fn checked_out_branch(repo: &Repository) -> Result<String> {
    let head = repo.find_reference("HEAD")?;
    match head.symbolic_target() {
        Ok(Some(target)) => Ok(target.to_string()),
        _ => Err(UserError::DetachedHead.into()),
    }
}

/// Points `name` at `new` if it still points at `old` (another writer is never overwritten).
fn move_ref(repo: &Repository, name: &str, new: Oid, old: Oid, message: &str) -> Result<()> {
    repo.reference_matching(name, new, true, old, message)
        .map_err(git_error)
        .with_context(|| format!("cannot move {}", name.trim_start_matches("refs/heads/")))?;
    Ok(())
}

/// libgit2 sometimes fails without a reason ("no error"); say what is most likely instead.
pub fn git_error(error: git2::Error) -> anyhow::Error {
    let message = error.message().trim();
    if message.is_empty() || message.eq_ignore_ascii_case("no error") {
        anyhow::anyhow!("libgit2 failed without giving a reason (is the disk full?)")
    } else {
        error.into()
    }
}

/// After a failed step: undo the merge and say so, or say how to undo it.
fn undo_after_failure(repo: &Repository, record: &AbortRecord, error: anyhow::Error) -> anyhow::Error {
    match restore(repo, record) {
        Ok(()) => error.context("the merge failed, so bec put the repo back as it was before the command"),
        Err(undo) => error.context(format!(
            "the merge failed, and bec could not undo it ({undo:#}).\n\
             Fix the cause (free some disk space…), then run `bec next --abort`: it puts the repo back"
        )),
    }
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

/// Whether `commit` is the merge of `template` into `head`.
pub(super) fn is_merge_of(repo: &Repository, commit: Oid, head: Oid, template: Oid) -> bool {
    repo.find_commit(commit)
        .map(|c| c.parent_count() == 2 && c.parent_id(0).ok() == Some(head) && c.parent_id(1).ok() == Some(template))
        .unwrap_or(false)
}

/// Undoes an unfinished or interrupted `bec next`/`bec update` merge, like `git merge --abort`.
pub fn abort_next(repo: &Repository) -> Result<Aborted> {
    let _lock = RepoLock::acquire(repo, "next --abort")?;
    check_index_lock(repo)?;
    let merging = repo.path().join("MERGE_HEAD").exists();
    let head = repo.head().ok().and_then(|h| h.target());
    let not_ours = || UserError::Other("this merge was not started by bec: undo it with `git merge --abort`".into());
    let Some(record) = AbortRecord::load(repo)? else {
        if merging {
            return Err(not_ours().into());
        }
        return repaired_or_nothing(heal::heal(repo)?);
    };
    let bec_commit = head.is_some_and(|h| is_merge_of(repo, h, record.head, record.new));
    let undo = match record.phase {
        Phase::Merging => head == Some(record.head) || bec_commit,
        Phase::Conflicts => merging && head == Some(record.head),
    };
    if undo {
        if record.phase == Phase::Conflicts {
            check_no_edits_since_merge(repo, &record)?;
        }
        restore(repo, &record)?;
        return Ok(Aborted::Undone);
    }
    // Finished (`git commit`) or undone (`git merge --abort`) with git: the record is stale.
    AbortRecord::remove(repo)?;
    if merging {
        return Err(not_ours().into());
    }
    repaired_or_nothing(heal::heal(repo)?)
}

fn repaired_or_nothing(health: Health) -> Result<Aborted> {
    if health.repaired.is_some() {
        Ok(Aborted::Repaired)
    } else {
        Err(UserError::NothingToAbort.into())
    }
}

/// Puts back what `record` says the merge touched: the branch, the touched files (created ones
/// removed, changed ones as in the learner's commit), the index, `bec/template`, git's merge state.
fn restore(repo: &Repository, record: &AbortRecord) -> Result<()> {
    let root = repo
        .workdir()
        .ok_or_else(|| UserError::Other("this repo has no work tree (a bare repo)".into()))?
        .to_path_buf();
    let touched: BTreeSet<String> = record.touched.iter().cloned().collect();
    for path in &touched {
        if let Some(link) = link_above(&root, path) {
            return Err(UserError::LinkInTheWay {
                link,
                path: path.clone(),
            }
            .into());
        }
    }
    let current = repo.head().ok().and_then(|h| h.target());
    if let Some(current) = current.filter(|c| *c != record.head) {
        let branch = checked_out_branch(repo)?;
        move_ref(repo, &branch, record.head, current, "bec: undo the merge")?;
    }
    let head_tree = repo.find_commit(record.head)?.tree()?;

    // Created files first: removing them frees space on a full disk. libgit2 writes each file
    // through `<path>.lock`, which a failed write (a full disk) leaves behind.
    let mut changed = Vec::new();
    for path in &touched {
        let lock = format!("{path}.lock");
        if !touched.contains(&lock) && head_tree.get_path(Path::new(&lock)).is_err() {
            let _ = fs::remove_file(root.join(&lock));
        }
        if head_tree.get_path(Path::new(path)).is_ok() {
            changed.push(path.as_str());
            continue;
        }
        let full = root.join(path);
        match fs::symlink_metadata(&full) {
            Ok(meta) if !meta.is_dir() => {
                fs::remove_file(&full).with_context(|| format!("cannot remove {path}"))?;
                remove_empty_folders(&root, path);
            }
            _ => {}
        }
    }

    let mut index = repo.index()?;
    if index.has_conflicts() || !index_matches(repo, &head_tree, &index)? {
        index.read_tree(&head_tree)?;
        index.write().map_err(git_error).context("cannot write .git/index")?;
    }
    if !changed.is_empty() {
        let mut checkout = CheckoutBuilder::new();
        checkout.force().disable_pathspec_match(true);
        for path in &changed {
            checkout.path(*path);
        }
        repo.checkout_tree(head_tree.as_object(), Some(&mut checkout))
            .map_err(git_error)
            .context("cannot restore the files the merge changed")?;
    }
    if repo.refname_to_id(TEMPLATE_REF).ok() != Some(record.template) {
        repo.reference(TEMPLATE_REF, record.template, true, "bec: undo the merge")
            .map_err(git_error)
            .context("cannot move bec/template back")?;
    }
    repo.cleanup_state().map_err(git_error)?;
    AbortRecord::remove(repo)
}

/// Refuses to undo a stopped merge when the learner changed a file after the merge wrote it
/// cleanly (`git merge --abort` refuses too): undoing would lose that change. Conflicted files are
/// the merge's own and go back as they were.
fn check_no_edits_since_merge(repo: &Repository, record: &AbortRecord) -> Result<()> {
    let root = repo.workdir().expect("checked by the caller");
    let index = repo.index()?;
    let mut edited = Vec::new();
    for path in &record.touched {
        let Some(entry) = index.get_path(Path::new(path), 0) else {
            continue;
        };
        let full = root.join(path);
        let same = match fs::symlink_metadata(&full) {
            Ok(meta) if meta.file_type().is_symlink() => fs::read_link(&full)
                .ok()
                .and_then(|target| Oid::hash_object(git2::ObjectType::Blob, target.as_os_str().as_encoded_bytes()).ok())
                .is_some_and(|oid| oid == entry.id),
            Ok(meta) if meta.is_file() => {
                Oid::hash_file(git2::ObjectType::Blob, &full).is_ok_and(|oid| oid == entry.id)
            }
            _ => false,
        };
        if !same {
            edited.push(format!("  {path}"));
        }
    }
    if edited.is_empty() {
        return Ok(());
    }
    Err(UserError::EditedSinceMerge {
        files: edited.join("\n"),
    }
    .into())
}

/// The first symbolic link above `path` in the work tree, if any.
fn link_above(root: &Path, path: &str) -> Option<String> {
    path.match_indices('/')
        .map(|(at, _)| &path[..at])
        .find(|dir| fs::symlink_metadata(root.join(dir)).is_ok_and(|m| m.file_type().is_symlink()))
        .map(str::to_string)
}

/// Removes the folders above `path` that are now empty (the merge created them).
fn remove_empty_folders(root: &Path, path: &str) {
    let mut dirs: Vec<&str> = path.match_indices('/').map(|(at, _)| &path[..at]).collect();
    dirs.reverse();
    for dir in dirs {
        if fs::remove_dir(root.join(dir)).is_err() {
            break;
        }
    }
}

fn index_matches(repo: &Repository, tree: &git2::Tree<'_>, index: &Index) -> Result<bool> {
    let diff = repo.diff_tree_to_index(Some(tree), Some(index), None)?;
    Ok(diff.deltas().len() == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_libgit2_failure_without_a_reason_is_not_reported_as_no_error() {
        let text = format!("{:#}", git_error(git2::Error::from_str("no error")));
        assert!(!text.contains("no error"), "{text}");
        assert!(text.contains("disk full"), "{text}");
        let real = format!("{:#}", git_error(git2::Error::from_str("failed to write out file")));
        assert_eq!(real, "failed to write out file");
    }
}
