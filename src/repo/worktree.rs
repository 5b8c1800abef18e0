//! Questions about the learner's work tree before bec touches it.

use git2::{Repository, RepositoryState, StatusOptions};

use crate::error::UserError;

/// Refuses a repo with uncommitted changes or untracked files, naming them.
pub fn check_clean(repo: &Repository) -> Result<(), UserError> {
    let mut options = StatusOptions::new();
    options
        .include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(false);
    let statuses = repo
        .statuses(Some(&mut options))
        .map_err(|e| UserError::Other(format!("cannot read the work tree's status: {}", e.message())))?;
    let mut files: Vec<String> = statuses
        .iter()
        .filter(|entry| !entry.status().is_ignored())
        .map(|entry| {
            let what = if entry.status().is_wt_new() {
                "untracked"
            } else {
                "changed"
            };
            format!("  {what}: {}", entry.path().unwrap_or("(non-UTF-8 path)"))
        })
        .collect();
    if files.is_empty() {
        return Ok(());
    }
    if files.len() > 20 {
        let more = files.len() - 20;
        files.truncate(20);
        files.push(format!("  … and {more} more"));
    }
    Err(UserError::DirtyTree {
        files: files.join("\n"),
    })
}

/// Refuses a repo in the middle of a merge, rebase, cherry-pick…
pub fn ensure_no_operation_in_progress(repo: &Repository) -> Result<(), UserError> {
    if repo.state() == RepositoryState::Clean {
        Ok(())
    } else {
        Err(UserError::MergeInProgress)
    }
}

/// The checked-out branch's short name; refuses a detached HEAD.
pub fn current_branch(repo: &Repository) -> Result<String, UserError> {
    if repo.head_detached().unwrap_or(false) {
        return Err(UserError::DetachedHead);
    }
    let head = repo
        .head()
        .map_err(|e| UserError::Other(format!("cannot read HEAD: {}", e.message())))?;
    Ok(head.shorthand().unwrap_or("HEAD").to_string())
}

/// Refuses to work while `.git/index.lock` exists: a git command is running, or one was
/// interrupted (bec killed in the middle of writing files leaves it too).
pub fn check_index_lock(repo: &Repository) -> Result<(), UserError> {
    let path = repo.path().join("index.lock");
    if path.exists() {
        return Err(UserError::StaleIndexLock { path });
    }
    Ok(())
}

/// Refuses to merge into `bec/template` itself: it holds only the course's renders.
pub fn check_not_on_template_branch(repo: &Repository) -> Result<(), UserError> {
    let on_template = repo
        .find_reference("HEAD")
        .ok()
        .map(|h| matches!(h.symbolic_target(), Ok(Some(t)) if t == super::TEMPLATE_REF))
        .unwrap_or(false);
    if on_template {
        return Err(UserError::OnTemplateBranch);
    }
    Ok(())
}
