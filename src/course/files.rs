//! The files of a course, wherever they come from: embedded in the binary or read from a folder.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use include_dir::{Dir, include_dir};

use crate::error::UserError;

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

include!(concat!(env!("OUT_DIR"), "/executables.rs"));

/// One file of the course source.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub bytes: Cow<'static, [u8]>,
    pub executable: bool,
}

/// All files of a course, keyed by their `/`-separated path below the course root.
#[derive(Debug, Clone, Default)]
pub struct CourseFiles {
    files: BTreeMap<String, SourceFile>,
}

impl CourseFiles {
    /// The course embedded in this binary.
    pub fn built_in() -> Self {
        let mut files = BTreeMap::new();
        collect_embedded(&BUILT_IN, &mut files);
        CourseFiles { files }
    }

    /// A course folder on disk. Symlinks are refused: a course is plain files.
    pub fn from_dir(root: &Path) -> Result<Self> {
        let mut files = BTreeMap::new();
        collect_dir(root, root, &mut files)?;
        Ok(CourseFiles { files })
    }

    /// These files without the ones under `prefix` (a folder path ending in `/`).
    pub fn without(mut self, prefix: &str) -> Self {
        self.files.retain(|path, _| !path.starts_with(prefix));
        self
    }

    /// This course with `overrides` laid on top: a file in `overrides` replaces the same path.
    pub fn overlaid_with(mut self, overrides: CourseFiles) -> Self {
        self.files.extend(overrides.files);
        self
    }

    pub fn get(&self, path: &str) -> Option<&SourceFile> {
        self.files.get(path)
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Files below `prefix` (which ends in `/`), in path order.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a SourceFile)> + 'a {
        self.files
            .range::<str, _>((std::ops::Bound::Included(prefix), std::ops::Bound::Unbounded))
            .take_while(move |(path, _)| path.starts_with(prefix))
            .map(|(path, file)| (path.as_str(), file))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &SourceFile)> {
        self.files.iter().map(|(path, file)| (path.as_str(), file))
    }
}

/// Names that are never course files: caches, and `.git` (a course folder kept in git).
fn is_junk(name: &str) -> bool {
    matches!(
        name,
        "__pycache__" | ".pytest_cache" | ".ruff_cache" | ".venv" | ".DS_Store" | ".mypy_cache" | ".git"
    )
}

fn collect_embedded(dir: &'static Dir<'static>, out: &mut BTreeMap<String, SourceFile>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if path.split('/').any(is_junk) {
            continue;
        }
        let executable = EXECUTABLE_TEMPLATE_FILES.contains(&path.as_str());
        out.insert(
            path,
            SourceFile {
                bytes: Cow::Borrowed(file.contents()),
                executable,
            },
        );
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

fn collect_dir(root: &Path, dir: &Path, out: &mut BTreeMap<String, SourceFile>) -> Result<()> {
    let entries = fs::read_dir(dir).with_context(|| format!("cannot read course folder {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read course folder {}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_junk(&name) {
            continue;
        }
        let meta = fs::symlink_metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let rel = path
            .strip_prefix(root)
            .expect("walked below root")
            .to_string_lossy()
            .replace('\\', "/");
        if meta.file_type().is_symlink() {
            return Err(UserError::UnsafePath {
                file: rel,
                rendered: path.display().to_string(),
                problem: "is a symlink: a course holds plain files only (copy the file in instead)".into(),
            }
            .into());
        }
        if meta.is_dir() {
            collect_dir(root, &path, out)?;
        } else if meta.is_file() {
            let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            out.insert(
                rel,
                SourceFile {
                    bytes: Cow::Owned(bytes),
                    executable: is_executable(&meta),
                },
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn is_executable(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_meta: &fs::Metadata) -> bool {
    false
}
