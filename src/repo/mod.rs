//! The learner repo as git sees it: writing renders as commits, checking the work tree, merging.

pub mod fault;
mod heal;
mod lock;
mod merge;
mod plan;
mod record;
mod tree;
mod worktree;

pub use heal::{Health, heal, merged_template, template_tip};
pub use lock::RepoLock;
pub use merge::{Aborted, MergeOutcome, abort_next, conflicted_paths, git_error, merge_template};
pub use record::{AbortRecord, Phase};
pub use tree::{verify_written, write_tree};
pub use worktree::{
    check_clean, check_index_lock, check_not_on_template_branch, current_branch, ensure_no_operation_in_progress,
};

use git2::{Repository, Signature, Time};

use crate::date::Timestamp;
use crate::error::UserError;

/// The branch that holds pristine renders only.
pub const TEMPLATE_BRANCH: &str = "bec/template";
/// Its full reference name.
pub const TEMPLATE_REF: &str = "refs/heads/bec/template";

/// A signature at a fixed time (UTC), so commits are reproducible.
pub fn signature(name: &str, email: &str, when: Timestamp) -> Result<Signature<'static>, git2::Error> {
    Signature::new(name, email, &Time::new(when.0, 0))
}

/// The learner's own identity (user.name / user.email), for merge commits.
pub fn learner_signature(repo: &Repository, when: Timestamp) -> Result<Signature<'static>, UserError> {
    let config = repo.config().map_err(|_| UserError::MissingIdentity)?;
    let name = config.get_string("user.name").ok().filter(|s| !s.trim().is_empty());
    let email = config.get_string("user.email").ok().filter(|s| !s.trim().is_empty());
    match (name, email) {
        (Some(name), Some(email)) => signature(&name, &email, when).map_err(|_| UserError::MissingIdentity),
        _ => Err(UserError::MissingIdentity),
    }
}
