//! A folder built aside and moved into place whole, so its target is either complete or absent.
//!
//! The staging folder is a hidden temporary folder next to the target (in its nearest existing
//! ancestor, so the final move is a rename on the same file system). Dropped before
//! [`Staging::move_to`], it is removed with everything in it; a failed move also removes the
//! parent folders it created for the target.
//!
//! A process that is killed cannot clean up, so every staging folder holds a lock file
//! ([`LOCK_FILE`]) that its process keeps locked while it lives. The operating system releases
//! the lock when the process ends, however it ends: a later [`Staging::beside`] removes the
//! folders beside it whose lock it can take. Folders without the lock file (another program's,
//! or one whose process is just starting) are never touched.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::TempDir;

/// The lock file inside every staging folder; locked for as long as its process works on it.
pub const LOCK_FILE: &str = ".bec-staging.lock";

/// Names of staging folders start with this (`.bec-new-…`, `.bec-staging-<handle>-…`).
const STAGING_PREFIX: &str = ".bec-";

#[derive(Debug)]
pub struct Staging {
    /// Held (locked) until the staged content is moved into place. Declared first, so a dropped
    /// staging closes it before its folder is removed (Windows cannot remove an open file's folder).
    lock: Option<File>,
    dir: TempDir,
}

impl Staging {
    /// A new staging folder named `<prefix>…` beside `target`. Stale staging folders left there
    /// by killed bec processes are removed first.
    pub fn beside(target: &Path, prefix: &str) -> Result<Staging> {
        debug_assert!(prefix.starts_with(STAGING_PREFIX));
        let parent = nearest_existing_ancestor(target)?;
        remove_stale(&parent);
        let dir = tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a staging folder in {}", parent.display()))?;
        // Locked under another name first: a lock file that others can see is always locked.
        let pending = dir.path().join(".bec-staging.lock.new");
        let lock = File::create(&pending).with_context(|| format!("cannot create {}", pending.display()))?;
        lock.lock()
            .with_context(|| format!("cannot lock {}", pending.display()))?;
        fs::rename(&pending, dir.path().join(LOCK_FILE))
            .with_context(|| format!("cannot create the lock file in {}", dir.path().display()))?;
        Ok(Staging { lock: Some(lock), dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Moves the staged content to `target`, which must not exist or be an empty folder (perhaps
    /// the current one: then the entries move into it). Missing parents are created, and removed
    /// again when the move fails.
    pub fn move_to(mut self, target: &Path) -> Result<()> {
        // The lock file must not reach the target. It is removed while still locked, so no other
        // bec can take the folder for stale: see `remove_stale`.
        fs::remove_file(self.dir.path().join(LOCK_FILE)).context("cannot remove the staging lock file")?;
        drop(self.lock.take());
        let created = create_parents(target)?;
        let moved = if target.is_dir() {
            move_entries_into(self.dir.path(), target)
        } else {
            let staged = self.dir.keep();
            fs::rename(&staged, target).map_err(|error| {
                let _ = fs::remove_dir_all(&staged);
                anyhow::Error::new(error).context(format!("cannot move the new repo to {}", target.display()))
            })
        };
        if moved.is_err() {
            remove_created(&created);
        }
        moved
    }
}

/// Creates the missing parents of `target`; returns the ones it created, outermost first.
fn create_parents(target: &Path) -> Result<Vec<PathBuf>> {
    let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(Vec::new());
    };
    let mut missing: Vec<PathBuf> = parent
        .ancestors()
        .take_while(|dir| !dir.as_os_str().is_empty() && fs::symlink_metadata(dir).is_err())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    let mut created = Vec::new();
    for dir in missing {
        match fs::create_dir(&dir) {
            Ok(()) => created.push(dir),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => {
                remove_created(&created);
                return Err(anyhow::Error::new(error).context(format!("cannot create {}", dir.display())));
            }
        }
    }
    // A parent that exists but is not a folder (a file in the way) is named here.
    if !parent.is_dir() {
        remove_created(&created);
        return Err(anyhow::anyhow!(
            "cannot create {}: a file is in the way",
            parent.display()
        ));
    }
    Ok(created)
}

/// Removes folders [`create_parents`] made, innermost first, as long as they are still empty.
fn remove_created(created: &[PathBuf]) {
    for dir in created.iter().rev() {
        if fs::remove_dir(dir).is_err() {
            break;
        }
    }
}

/// Removes the staging folders in `parent` whose process has ended (their lock can be taken).
/// Best effort: a folder that cannot be inspected or removed is left as it is.
fn remove_stale(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let is_staging = entry.file_name().to_string_lossy().starts_with(STAGING_PREFIX)
            && entry.file_type().is_ok_and(|kind| kind.is_dir());
        if !is_staging {
            continue;
        }
        let dir = entry.path();
        let Ok(lock) = File::options().write(true).open(dir.join(LOCK_FILE)) else {
            continue;
        };
        // The lock is free: its process ended, or it removed the lock file just before letting
        // go of it (it is moving the folder into place). Only a lock file still there is stale.
        if lock.try_lock().is_ok() && dir.join(LOCK_FILE).is_file() {
            let _ = fs::remove_dir_all(&dir);
        }
    }
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
