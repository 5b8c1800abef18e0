//! Finding and repairing what an interrupted or git-aborted merge leaves behind.
//!
//! `bec/template` moves to a new render only when that render is merged (or its merge stopped on
//! conflicts). A merge undone with `git merge --abort`, or an older bec interrupted at the wrong
//! moment, can leave the branch pointing at a render no branch has merged; then "what the course
//! rendered last" and "what the learner has" differ, and comparing against the branch tip would
//! call the repo up to date forever. [`heal`] moves the branch back to the newest render a branch
//! has merged; [`merged_template`] is that render for the checked-out branch.

use anyhow::Result;
use git2::{BranchType, Oid, Repository};

use crate::error::UserError;

use super::merge::is_merge_of;
use super::record::{AbortRecord, Phase};
use super::{TEMPLATE_BRANCH, TEMPLATE_REF};

/// What [`heal`] found and did.
#[derive(Debug, Default)]
pub struct Health {
    /// A merge bec started was interrupted: `bec next --abort` undoes it.
    pub interrupted: bool,
    /// `bec/template` was moved from the first commit to the second.
    pub repaired: Option<(Oid, Oid)>,
    /// An interrupted merge was complete but for its tidying, which is now done.
    pub finished: bool,
}

/// Repairs the repo's bec state where that is safe, and reports an interrupted merge. The caller
/// holds the repo lock, so no other bec command is running.
pub fn heal(repo: &Repository) -> Result<Health> {
    let mut health = Health::default();
    let merging = repo.path().join("MERGE_HEAD").exists();
    let head = repo.head().ok().and_then(|h| h.target());
    if let Some(record) = AbortRecord::load(repo)? {
        let bec_commit = head.is_some_and(|h| is_merge_of(repo, h, record.head, record.new));
        match record.phase {
            Phase::Merging => {
                let template = repo.refname_to_id(TEMPLATE_REF).ok();
                if bec_commit && template == Some(record.new) {
                    repo.cleanup_state()?;
                    AbortRecord::remove(repo)?;
                    health.finished = true;
                } else if head == Some(record.head) || bec_commit {
                    health.interrupted = true;
                    return Ok(health);
                } else {
                    // The learner committed since: the record describes nothing that is left.
                    AbortRecord::remove(repo)?;
                }
            }
            Phase::Conflicts if merging => return Ok(health),
            Phase::Conflicts => AbortRecord::remove(repo)?,
        }
    }
    if merging {
        return Ok(health);
    }
    health.repaired = repair_template_branch(repo)?;
    Ok(health)
}

/// Moves `bec/template` back to the newest render a branch has merged, when no branch has merged
/// its tip. Returns (from, to) when it moved.
fn repair_template_branch(repo: &Repository) -> Result<Option<(Oid, Oid)>> {
    let Ok(tip) = repo.refname_to_id(TEMPLATE_REF) else {
        return Ok(None);
    };
    let mut newest: Option<Oid> = None;
    for branch in repo.branches(Some(BranchType::Local))? {
        let (branch, _) = branch?;
        let reference = branch.get();
        if reference.name().ok() == Some(TEMPLATE_REF) {
            continue;
        }
        let Some(target) = reference.target() else { continue };
        let Ok(base) = repo.merge_base(target, tip) else {
            continue;
        };
        if base == tip {
            return Ok(None);
        }
        newest = match newest {
            Some(other) if !repo.graph_descendant_of(base, other)? => Some(other),
            _ => Some(base),
        };
    }
    let Some(target) = newest else { return Ok(None) };
    repo.reference_matching(
        TEMPLATE_REF,
        target,
        true,
        tip,
        "bec: back to the last render a branch merged",
    )?;
    Ok(Some((tip, target)))
}

/// The tip of `bec/template`, or a message saying how to recreate the branch.
pub fn template_tip(repo: &Repository) -> Result<Oid, UserError> {
    repo.refname_to_id(TEMPLATE_REF)
        .map_err(|_| UserError::MissingTemplateBranch {
            fix: match last_render_in_history(repo) {
                Some(oid) => format!(
                    "Recreate it at the last course render your branch merged:\n  git branch {TEMPLATE_BRANCH} {oid}"
                ),
                None => "No course render is in your branch's history either, so bec cannot merge into it: \
                         start a new repo with `bec new` and copy your work into it."
                    .to_string(),
            },
        })
}

/// The render of the course that the checked-out branch has merged last: what the learner's
/// branch has, as opposed to the tip of `bec/template`.
pub fn merged_template(repo: &Repository) -> Result<Oid, UserError> {
    let tip = template_tip(repo)?;
    let head = repo.head().ok().and_then(|h| h.target());
    Ok(head.and_then(|h| repo.merge_base(h, tip).ok()).unwrap_or(tip))
}

/// The newest commit in HEAD's history written by bec as a render (its message names the course
/// and it has at most one parent).
fn last_render_in_history(repo: &Repository) -> Option<Oid> {
    let mut walk = repo.revwalk().ok()?;
    walk.push_head().ok()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME).ok()?;
    walk.filter_map(|oid| oid.ok()).find(|oid| {
        repo.find_commit(*oid).is_ok_and(|c| {
            c.parent_count() <= 1
                && c.message()
                    .is_ok_and(|m| m.starts_with("bec: ") && m.lines().any(|l| l.starts_with("Course ")))
        })
    })
}
