//! The repos of a cohort folder: every sub-folder holding a `.git`, named by its handle.
//! Hidden folders (such as a staging folder left by a killed run) are not learners.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::UserError;

/// One learner repo of a cohort folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub handle: String,
    pub path: PathBuf,
}

/// The learner repos in `dir`, sorted by handle; refuses a folder without any.
pub fn members(dir: &Path) -> Result<Vec<Member>, UserError> {
    let none = || UserError::NoCohortRepos {
        dir: dir.display().to_string(),
    };
    let entries = fs::read_dir(dir).map_err(|_| none())?;
    let mut found: Vec<Member> = entries
        .flatten()
        .filter(|entry| entry.path().join(".git").exists())
        .filter_map(|entry| {
            let handle = entry.file_name().to_str()?.to_string();
            (!handle.starts_with('.')).then(|| Member {
                handle,
                path: entry.path(),
            })
        })
        .collect();
    if found.is_empty() {
        return Err(none());
    }
    found.sort_by(|a, b| a.handle.cmp(&b.handle));
    Ok(found)
}
