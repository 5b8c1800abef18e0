//! `.git/bec/merge-abort`: what a running or stopped `bec next`/`bec update` merge changes, so that
//! `bec next --abort` (or bec itself, after a failure) can put the repo back.
//!
//! It is written, atomically, before the first file of the work tree is touched, and removed when
//! the merge is committed or undone. It names the learner's commit before the merge, the template
//! branch before and after, the phase, and every path the merge writes or deletes.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use git2::{Oid, Repository};
use serde::{Deserialize, Serialize};

/// How far the merge got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// bec is writing the merge. Found with no bec running, the command was interrupted.
    Merging,
    /// bec stopped on conflicts for the learner to resolve or abort.
    Conflicts,
}

/// Where to go back to on abort, and what to undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbortRecord {
    /// The learner's commit before the merge.
    pub head: Oid,
    /// `bec/template` before the merge.
    pub template: Oid,
    /// The template commit being merged.
    pub new: Oid,
    pub phase: Phase,
    /// Every path (`/`-separated, relative to the work tree) the merge writes or deletes.
    pub touched: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    head: String,
    template: String,
    new: String,
    phase: Phase,
    touched: Vec<String>,
}

impl AbortRecord {
    pub fn path(repo: &Repository) -> PathBuf {
        repo.path().join("bec").join("merge-abort")
    }

    /// Writes the record whole or not at all (a temporary file renamed into place, synced).
    pub fn save(&self, repo: &Repository) -> Result<()> {
        let path = AbortRecord::path(repo);
        let dir = path.parent().expect("has a parent");
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let stored = Stored {
            head: self.head.to_string(),
            template: self.template.to_string(),
            new: self.new.to_string(),
            phase: self.phase,
            touched: self.touched.clone(),
        };
        let text = serde_json::to_vec_pretty(&stored)?;
        let mut file = tempfile::NamedTempFile::new_in(dir)
            .with_context(|| format!("cannot write a file in {}", dir.display()))?;
        file.write_all(&text)
            .and_then(|()| file.as_file().sync_all())
            .with_context(|| format!("cannot write {}", path.display()))?;
        file.persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    /// The record, if there is one. A record that cannot be read is an error, never ignored: it
    /// is the only description of what an interrupted merge wrote.
    pub fn load(repo: &Repository) -> Result<Option<AbortRecord>> {
        let path = AbortRecord::path(repo);
        let text = match fs::read(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(anyhow::Error::new(error).context(format!("cannot read {}", path.display()))),
        };
        if text.starts_with(b"head ") {
            return Ok(legacy(repo, &String::from_utf8_lossy(&text)));
        }
        let damaged = || {
            format!(
                "{} is damaged: remove it, then check the work tree with `git status`",
                path.display()
            )
        };
        let stored: Stored = serde_json::from_slice(&text).with_context(damaged)?;
        let oid = |text: &str| Oid::from_str(text).with_context(damaged);
        Ok(Some(AbortRecord {
            head: oid(&stored.head)?,
            template: oid(&stored.template)?,
            new: oid(&stored.new)?,
            phase: stored.phase,
            touched: stored.touched,
        }))
    }

    pub fn remove(repo: &Repository) -> Result<()> {
        let path = AbortRecord::path(repo);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(anyhow::Error::new(error).context(format!("cannot remove {}", path.display()))),
        }
    }
}

/// A record written by an older bec (`head <oid>` and `template <oid>` lines, written before a
/// merge): the touched paths are those that differ between the learner's commit and the commit
/// being merged, plus the conflicted ones.
fn legacy(repo: &Repository, text: &str) -> Option<AbortRecord> {
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.trim().parse::<Oid>().ok())
    };
    let head = field("head ")?;
    let template = field("template ")?;
    let new = repo.refname_to_id("MERGE_HEAD").unwrap_or(template);
    let old_tree = repo.find_commit(head).ok()?.tree().ok()?;
    let new_tree = repo.find_commit(new).ok()?.tree().ok()?;
    let diff = repo.diff_tree_to_tree(Some(&old_tree), Some(&new_tree), None).ok()?;
    let mut touched: Vec<String> = diff
        .deltas()
        .flat_map(|d| [d.old_file().path(), d.new_file().path()])
        .flatten()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    if let Ok(index) = repo.index() {
        touched.extend(super::merge::conflicted_paths(&index).unwrap_or_default());
    }
    touched.sort();
    touched.dedup();
    Some(AbortRecord {
        head,
        template,
        new,
        phase: Phase::Conflicts,
        touched,
    })
}
