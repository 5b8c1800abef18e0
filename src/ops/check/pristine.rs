//! The course's own tests: `bec check` judges a day by the tests the course shipped, so emptying
//! or deleting a test cannot mark a day done.
//!
//! What decides which tests run and how is guarded: the day's `tests/`, every `conftest.py` (a
//! `dayNN/conftest.py` could replace the learner's functions before any test runs), `pytest.ini`,
//! and the pytest settings of `pyproject.toml` (`addopts` could deselect tests). Each is compared
//! with the day on `bec/template` (which holds pristine renders only). When any differs, the day
//! folder is copied to a temporary folder (without `.venv` and caches), the guarded files there
//! are replaced by the course's, and the tests run in the copy. The learner's files are never
//! touched.

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

/// Files named like this anywhere in the day are guarded.
const GUARDED_NAMES: &[&str] = &["conftest.py"];
/// Files at the top of the day that configure pytest.
const PYTEST_CONFIGS: &[&str] = &["pytest.ini", ".pytest.ini"];
/// The pyproject.toml entry of the changed list when only its pytest settings differ.
pub const PYPROJECT_PYTEST: &str = "pyproject.toml (pytest settings)";

/// How the work tree's tests and test settings compare with the course's. Paths are relative
/// to the day folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TestsComparison {
    /// Course files whose content the learner changed.
    pub changed: Vec<String>,
    /// Course files missing from the work tree.
    pub deleted: Vec<String>,
    /// Guarded files the course does not have (a test file, a conftest.py, a pytest.ini).
    pub added: Vec<String>,
    /// The course's guarded files: path in the day and bytes.
    course_files: Vec<(String, Vec<u8>)>,
    /// The course's pyproject.toml, when the learner's pytest settings differ from it.
    course_pyproject: Option<Vec<u8>>,
}

/// Whether `path` (relative to the day, `/`-separated) decides which tests run.
fn guarded(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    path.starts_with("tests/") || GUARDED_NAMES.contains(&name) || PYTEST_CONFIGS.contains(&path)
}

/// The `[tool.pytest…]` table of a pyproject.toml; `Err` when it is not valid TOML.
fn pytest_settings(bytes: &[u8]) -> Result<Option<toml::Value>, ()> {
    let text = std::str::from_utf8(bytes).map_err(|_| ())?;
    let table: toml::Table = text.parse().map_err(|_| ())?;
    Ok(table.get("tool").and_then(|tool| tool.get("pytest")).cloned())
}

impl TestsComparison {
    /// The learner's tests and test settings are the course's.
    pub fn is_pristine(&self) -> bool {
        self.changed.is_empty() && self.deleted.is_empty() && self.added.is_empty()
    }
}

/// Compares the guarded files of `work_day` with those of `day_name` on `bec/template`; `None`
/// when the template branch does not have the day (nothing to compare with).
pub fn compare(repo: &Repository, day_name: &str, work_day: &Path) -> Result<Option<TestsComparison>> {
    let Ok(reference) = repo.find_reference(TEMPLATE_REF) else {
        return Ok(None);
    };
    let tree = reference
        .peel_to_tree()
        .context("reading the tree of the course's template branch")?;
    let Ok(entry) = tree.get_path(Path::new(day_name)) else {
        return Ok(None);
    };
    let Some(day_tree) = entry.to_object(repo).ok().and_then(|o| o.into_tree().ok()) else {
        return Ok(None);
    };
    let mut course_files = Vec::new();
    let mut course_pyproject = None;
    let mut walk_error = None;
    day_tree.walk(TreeWalkMode::PreOrder, |dir, item| {
        let path = format!("{dir}{}", item.name().unwrap_or(""));
        let wanted = guarded(&path) || path == "pyproject.toml";
        if item.kind() == Some(ObjectType::Blob) && wanted {
            match repo.find_blob(item.id()) {
                Ok(blob) if path == "pyproject.toml" => course_pyproject = Some(blob.content().to_vec()),
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
    for (path, course_bytes) in &course_files {
        match fs::read(work_day.join(path)) {
            Ok(bytes) if same_text(&bytes, course_bytes) => {}
            Ok(_) => comparison.changed.push(path.clone()),
            Err(_) => comparison.deleted.push(path.clone()),
        }
    }
    let known: BTreeSet<&str> = course_files.iter().map(|(p, _)| p.as_str()).collect();
    let mut present = Vec::new();
    list_files(work_day, "", &mut present);
    comparison.added = present
        .into_iter()
        .filter(|p| guarded(p) && !known.contains(p.as_str()))
        .collect();
    if let Some(course) = course_pyproject {
        let differs = match fs::read(work_day.join("pyproject.toml")) {
            Ok(bytes) => pytest_settings(&bytes) != pytest_settings(&course),
            Err(_) => {
                comparison.deleted.push("pyproject.toml".to_string());
                true
            }
        };
        if differs {
            if work_day.join("pyproject.toml").exists() {
                comparison.changed.push(PYPROJECT_PYTEST.to_string());
            }
            comparison.course_pyproject = Some(course);
        }
    }
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

/// Copies `work_day` (without environments, caches and guarded files) to a temporary folder
/// and puts the course's guarded files (and pyproject.toml, when its pytest settings differ) in.
pub fn materialize(work_day: &Path, comparison: &TestsComparison) -> Result<PristineDay> {
    let temp = tempfile::Builder::new()
        .prefix("bec-check-")
        .tempdir()
        .context("creating a temporary folder for the course's tests")?;
    let name = work_day.file_name().map(PathBuf::from).unwrap_or_else(|| "day".into());
    let dir = temp.path().join(name);
    let skip_pyproject = comparison.course_pyproject.is_some();
    copy_dir(work_day, &dir, "", skip_pyproject)?;
    let pyproject = comparison
        .course_pyproject
        .as_ref()
        .map(|bytes| ("pyproject.toml".to_string(), bytes.clone()));
    for (path, bytes) in comparison.course_files.iter().chain(pyproject.as_ref()) {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
    }
    Ok(PristineDay { _temp: temp, dir })
}

/// Copies `from` to `to`, leaving out environments, caches and every guarded file (`prefix` is
/// the path of `from` inside the day).
fn copy_dir(from: &Path, to: &Path, prefix: &str, skip_pyproject: bool) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry.with_context(|| format!("reading {}", from.display()))?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let path = format!("{prefix}{name_text}");
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if SKIPPED_DIRS.contains(&name_text.as_ref()) || path == "tests" {
                continue;
            }
            copy_dir(&entry.path(), &to.join(&name), &format!("{path}/"), false)?;
        } else if kind.is_file() && !guarded(&path) && !(skip_pyproject && path == "pyproject.toml") {
            fs::copy(entry.path(), to.join(&name)).with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tests_conftests_and_pytest_configs_are_guarded() {
        assert!(guarded("tests/test_app.py"));
        assert!(guarded("tests/data/sample.json"));
        assert!(guarded("conftest.py"));
        assert!(guarded("app/conftest.py"));
        assert!(guarded("pytest.ini"));
        assert!(!guarded("app/main.py"));
        assert!(!guarded("README.md"));
    }

    #[test]
    fn only_the_pytest_settings_of_pyproject_count() {
        let course = b"[project]\nname = \"x\"\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n";
        let more_deps = b"[project]\nname = \"x\"\ndependencies = [\"httpx\"]\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n";
        let deselects =
            b"[project]\nname = \"x\"\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\naddopts = \"--deselect tests/t.py::a\"\n";
        assert_eq!(pytest_settings(course), pytest_settings(more_deps));
        assert_ne!(pytest_settings(course), pytest_settings(deselects));
    }

    #[test]
    fn line_endings_alone_are_not_a_change() {
        assert!(same_text(b"a\r\nb\r\n", b"a\nb\n"));
        assert!(!same_text(b"a\nb\n", b"a\nc\n"));
    }
}
