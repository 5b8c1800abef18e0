//! The course's own tests: `bec check` judges a day by the tests the course shipped, so emptying
//! or deleting a test cannot mark a day done.
//!
//! The day's `tests/` in the work tree is compared with the same folder on `bec/template` (which
//! holds pristine renders only). When they differ, the day folder is copied to a temporary
//! folder (without `.venv` and caches), its `tests/` replaced by the course's, and the tests run
//! there. The learner's files are never touched.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::{ObjectType, Repository, TreeWalkMode, TreeWalkResult};

use crate::repo::TEMPLATE_REF;

/// Folders never copied into the temporary day: environments and caches.
pub(crate) const SKIPPED_DIRS: &[&str] = &[
    ".venv",
    "venv",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "node_modules",
    ".terraform",
];

/// How the work tree's `tests/` compares with the course's. Paths are relative to the day folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TestsComparison {
    /// Course test files whose content the learner changed.
    pub changed: Vec<String>,
    /// Course test files missing from the work tree.
    pub deleted: Vec<String>,
    /// Files in `tests/` the course does not have.
    pub added: Vec<String>,
    /// The course's files: path inside `tests/` and bytes.
    course_files: Vec<(String, Vec<u8>)>,
}

impl TestsComparison {
    /// The learner's tests are the course's (added files aside, they are not run either way).
    pub fn is_pristine(&self) -> bool {
        self.changed.is_empty() && self.deleted.is_empty() && self.added.is_empty()
    }
}

/// Compares `work_day/tests` with `day_name/tests` on `bec/template`; `None` when the template
/// branch has no tests for this day (nothing to compare with).
pub fn compare(repo: &Repository, day_name: &str, work_day: &Path) -> Result<Option<TestsComparison>> {
    let Ok(reference) = repo.find_reference(TEMPLATE_REF) else {
        return Ok(None);
    };
    let tree = reference
        .peel_to_tree()
        .context("reading the tree of the course's template branch")?;
    let Ok(entry) = tree.get_path(Path::new(&format!("{day_name}/tests"))) else {
        return Ok(None);
    };
    let Some(tests_tree) = entry.to_object(repo).ok().and_then(|o| o.into_tree().ok()) else {
        return Ok(None);
    };
    let mut course_files = Vec::new();
    let mut walk_error = None;
    tests_tree.walk(TreeWalkMode::PreOrder, |dir, item| {
        if item.kind() == Some(ObjectType::Blob) {
            let path = format!("{dir}{}", item.name().unwrap_or(""));
            match repo.find_blob(item.id()) {
                Ok(blob) => course_files.push((path, blob.content().to_vec())),
                Err(e) => {
                    walk_error = Some(e);
                    return TreeWalkResult::Abort;
                }
            }
        }
        TreeWalkResult::Ok
    })?;
    if let Some(error) = walk_error {
        return Err(error).context("reading the course's tests from the template branch");
    }

    let mut comparison = TestsComparison::default();
    let tests_dir = work_day.join("tests");
    for (path, course_bytes) in &course_files {
        match fs::read(tests_dir.join(path)) {
            Ok(bytes) if same_text(&bytes, course_bytes) => {}
            Ok(_) => comparison.changed.push(format!("tests/{path}")),
            Err(_) => comparison.deleted.push(format!("tests/{path}")),
        }
    }
    let known: BTreeSet<&str> = course_files.iter().map(|(p, _)| p.as_str()).collect();
    let mut present = Vec::new();
    list_files(&tests_dir, "", &mut present);
    comparison.added = present
        .into_iter()
        .filter(|p| !known.contains(p.as_str()))
        .map(|p| format!("tests/{p}"))
        .collect();
    comparison.course_files = course_files;
    Ok(Some(comparison))
}

/// Equal once line endings are normalised (a checkout with `core.autocrlf` is not a change).
fn same_text(a: &[u8], b: &[u8]) -> bool {
    fn lf(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(bytes.len());
        for (i, &b) in bytes.iter().enumerate() {
            if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                out.push(b);
            }
        }
        out
    }
    a == b || lf(a) == lf(b)
}

/// Files below `dir` (relative, `/`-separated), skipping caches and compiled files.
fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                list_files(&entry.path(), &format!("{prefix}{name}/"), out);
            }
        } else if !name.ends_with(".pyc") {
            out.push(format!("{prefix}{name}"));
        }
    }
}

/// A temporary copy of the day whose `tests/` is the course's; removed when dropped.
#[derive(Debug)]
pub struct PristineDay {
    _temp: tempfile::TempDir,
    /// The copied day folder (same folder name as the learner's).
    pub dir: PathBuf,
}

/// Copies `work_day` (without environments and caches) to a temporary folder and puts the
/// course's tests in its `tests/`.
pub fn materialize(work_day: &Path, comparison: &TestsComparison) -> Result<PristineDay> {
    let temp = tempfile::Builder::new()
        .prefix("bec-check-")
        .tempdir()
        .context("creating a temporary folder for the course's tests")?;
    let name = work_day.file_name().map(PathBuf::from).unwrap_or_else(|| "day".into());
    let dir = temp.path().join(name);
    copy_dir(work_day, &dir, true)?;
    for (path, bytes) in &comparison.course_files {
        let target = dir.join("tests").join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
    }
    Ok(PristineDay { _temp: temp, dir })
}

fn copy_dir(from: &Path, to: &Path, top: bool) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry.with_context(|| format!("reading {}", from.display()))?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            // the learner's tests/ is replaced by the course's, so it is not copied at all
            if SKIPPED_DIRS.contains(&name_text.as_ref()) || (top && name_text == "tests") {
                continue;
            }
            copy_dir(&entry.path(), &to.join(&name), false)?;
        } else if kind.is_file() {
            fs::copy(entry.path(), to.join(&name)).with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_alone_are_not_a_change() {
        assert!(same_text(b"a\r\nb\r\n", b"a\nb\n"));
        assert!(!same_text(b"a\nb\n", b"a\nc\n"));
    }
}
