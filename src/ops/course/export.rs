//! `bec course export DIR`: the built-in course as an editable folder.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::course::Course;
use crate::ops::new::check_target;

/// Writes every file of `course` below `dir` (which must not exist, or be empty).
pub fn export(course: &Course, dir: &Path) -> Result<usize> {
    check_target(dir)?;
    let mut count = 0;
    for (path, file) in course.files.iter() {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::write(&target, &file.bytes).with_context(|| format!("cannot write {}", target.display()))?;
        #[cfg(unix)]
        if file.executable {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&target, fs::Permissions::from_mode(0o755))
                .with_context(|| format!("cannot make {} executable", target.display()))?;
        }
        count += 1;
    }
    Ok(count)
}
