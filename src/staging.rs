//! A folder built aside and moved into place whole, so its target is either complete or absent.
//!
//! The staging folder is a hidden temporary folder next to the target (in its nearest existing
//! ancestor, so the final move is a rename on the same file system). Dropped before
//! [`Staging::move_to`], it is removed with everything in it.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::TempDir;

#[derive(Debug)]
pub struct Staging {
    dir: TempDir,
}

impl Staging {
    /// A new staging folder named `<prefix>…` beside `target`.
    pub fn beside(target: &Path, prefix: &str) -> Result<Staging> {
        let parent = nearest_existing_ancestor(target)?;
        let dir = tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a staging folder in {}", parent.display()))?;
        Ok(Staging { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Moves the staged content to `target`, which must not exist or be an empty folder (perhaps
    /// the current one: then the entries move into it). Missing parents are created.
    pub fn move_to(self, target: &Path) -> Result<()> {
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        if target.is_dir() {
            return move_entries_into(self.dir.path(), target);
        }
        let staged = self.dir.keep();
        fs::rename(&staged, target).map_err(|error| {
            let _ = fs::remove_dir_all(&staged);
            anyhow::Error::new(error).context(format!("cannot move the new repo to {}", target.display()))
        })
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
