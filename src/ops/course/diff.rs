//! `bec course diff DIR`: what a course folder that extends the built-in course changes.

use std::path::Path;

use anyhow::Result;
use similar::TextDiff;

use crate::course::CourseFiles;
use crate::error::UserError;

#[derive(Debug)]
pub enum Change {
    /// The folder replaces a built-in file; `diff` is a unified diff for text files.
    Overrides { path: String, diff: Option<String> },
    /// The folder adds a file the built-in course does not have.
    Adds { path: String },
    /// The folder holds a copy identical to the built-in file (it can be deleted).
    Same { path: String },
}

pub fn diff(dir: &Path) -> Result<Vec<Change>> {
    let own = CourseFiles::from_dir(dir)?;
    let manifest = own
        .get("course.toml")
        .ok_or_else(|| UserError::Course(format!("{} has no course.toml", dir.display())))?;
    let text = String::from_utf8_lossy(&manifest.bytes);
    if crate::course::manifest_extends(&text, "course.toml")?.is_none() {
        return Err(UserError::Course(format!(
            "{} does not extend the built-in course (add `extends = \"builtin\"` to its course.toml); \
             a full course has nothing to diff against",
            dir.display()
        ))
        .into());
    }
    let base = CourseFiles::built_in();
    let mut changes = Vec::new();
    for (path, file) in own.iter() {
        match base.get(path) {
            None => changes.push(Change::Adds { path: path.to_string() }),
            Some(original) if original.bytes == file.bytes => changes.push(Change::Same { path: path.to_string() }),
            Some(original) => {
                let diff = match (std::str::from_utf8(&original.bytes), std::str::from_utf8(&file.bytes)) {
                    (Ok(old), Ok(new)) => Some(
                        TextDiff::from_lines(old, new)
                            .unified_diff()
                            .context_radius(2)
                            .header(&format!("built-in/{path}"), &format!("course/{path}"))
                            .to_string(),
                    ),
                    _ => None,
                };
                changes.push(Change::Overrides {
                    path: path.to_string(),
                    diff,
                });
            }
        }
    }
    Ok(changes)
}
