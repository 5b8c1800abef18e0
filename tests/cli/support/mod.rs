//! A small builder over a temp dir: an isolated HOME, the bec binary, git2 helpers.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use git2::{IndexAddOption, Oid, Repository, Signature, StatusOptions};
use tempfile::TempDir;

/// The fixture course shipped with the tests.
pub fn fixture_course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

pub struct Sandbox {
    dir: TempDir,
    pub home: PathBuf,
    pub course: Option<PathBuf>,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn success(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Run {
        assert!(self.stderr.contains(text), "stderr lacks {text:?}:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Run {
        assert!(self.stdout.contains(text), "stdout lacks {text:?}:\n{}", self.stdout);
        self
    }

    /// One message, no panic, no backtrace.
    #[track_caller]
    pub fn clean_error(&self) -> &Run {
        assert!(!self.stderr.contains("panicked"), "bec panicked:\n{}", self.stderr);
        assert!(
            self.stderr.starts_with("error: "),
            "error should start with `error: `:\n{}",
            self.stderr
        );
        self
    }
}

impl Sandbox {
    /// A sandbox whose HOME has a git identity; bec uses the fixture course.
    pub fn new() -> Sandbox {
        let sandbox = Sandbox::without_identity();
        fs::write(
            sandbox.home.join(".gitconfig"),
            "[user]\n\tname = Ada Learner\n\temail = ada@example.invalid\n",
        )
        .unwrap();
        sandbox
    }

    /// A sandbox whose HOME has no git configuration at all.
    pub fn without_identity() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        fs::create_dir_all(&home).unwrap();
        Sandbox {
            dir,
            home,
            course: Some(fixture_course()),
        }
    }

    /// Use the course embedded in the binary instead of the fixture.
    pub fn built_in_course(mut self) -> Sandbox {
        self.course = None;
        self
    }

    pub fn with_course(mut self, course: PathBuf) -> Sandbox {
        self.course = Some(course);
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn command(&self, cwd: &Path, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_bec"));
        command
            .args(args)
            .current_dir(cwd)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("BEC_COURSE")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        if let Some(course) = &self.course {
            command.env("BEC_COURSE", course);
        }
        command
    }

    /// Runs bec in `cwd` (relative to the sandbox) with stdin closed.
    pub fn bec_in(&self, cwd: &str, args: &[&str]) -> Run {
        let dir = self.path().join(cwd);
        run(self.command(&dir, args).stdin(Stdio::null()).output().unwrap())
    }

    pub fn bec(&self, args: &[&str]) -> Run {
        self.bec_in("", args)
    }

    /// `bec new DAY repo --yes --date 2026-01-01`, checked.
    pub fn new_repo(&self, day: &str) -> PathBuf {
        self.bec(&["new", day, "repo", "--yes", "--date", "2026-01-01"])
            .success();
        self.path().join("repo")
    }
}

pub fn run(output: Output) -> Run {
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Commits everything in the work tree as the learner.
pub fn commit_all(repo_dir: &Path, message: &str) -> Oid {
    let repo = Repository::open(repo_dir).unwrap();
    let mut index = repo.index().unwrap();
    index.add_all(["*"], IndexAddOption::DEFAULT, None).unwrap();
    index.update_all(["*"], None).unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let signature = Signature::now("Ada Learner", "ada@example.invalid").unwrap();
    let parent = repo.head().unwrap().peel_to_commit().unwrap();
    repo.commit(Some("HEAD"), &signature, &signature, message, &tree, &[&parent])
        .unwrap()
}

/// Paths git reports as changed or untracked.
pub fn dirty_files(repo_dir: &Path) -> Vec<String> {
    let repo = Repository::open(repo_dir).unwrap();
    let mut options = StatusOptions::new();
    options.include_untracked(true).recurse_untracked_dirs(true);
    repo.statuses(Some(&mut options))
        .unwrap()
        .iter()
        .map(|e| e.path().unwrap().to_string())
        .collect()
}

pub fn head_id(repo_dir: &Path) -> Oid {
    Repository::open(repo_dir)
        .unwrap()
        .head()
        .unwrap()
        .peel_to_commit()
        .unwrap()
        .id()
}

pub fn ref_id(repo_dir: &Path, name: &str) -> Oid {
    Repository::open(repo_dir).unwrap().refname_to_id(name).unwrap()
}

/// Every file below `dir` except `.git`, with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    collect(dir, dir, &mut out);
    out.sort();
    out
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            out.push((path.strip_prefix(root).unwrap().to_path_buf(), fs::read(&path).unwrap()));
        }
    }
}

/// A writable copy of the fixture course, to break on purpose.
pub fn copy_of_fixture(into: &Path) -> PathBuf {
    let target = into.join("course-copy");
    copy_dir(&fixture_course(), &target);
    target
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A Python with pytest for `bec check` tests: BEC_TEST_PYTHON (set by scripts/test), else python3.
pub fn test_python() -> String {
    let python = std::env::var("BEC_TEST_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let ok = Command::new(&python)
        .args(["-c", "import pytest"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "`{python}` cannot import pytest: run the tests through ./scripts/test, which sets BEC_TEST_PYTHON"
    );
    python
}

/// Writes `text` to `path`, creating its folders.
pub fn write_file(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A copy of the fixture course at `version` (for `bec update`), in `into/course-copy`.
pub fn fixture_at_version(into: &Path, version: &str) -> PathBuf {
    let course = copy_of_fixture(into);
    let text = fs::read_to_string(course.join("course.toml"))
        .unwrap()
        .replace("version = \"1.0.0\"", &format!("version = \"{version}\""));
    fs::write(course.join("course.toml"), text).unwrap();
    course
}

/// Runs bec in `repo_dir` with `course` as the course.
pub fn bec_with_course(sandbox: &Sandbox, repo_dir: &Path, course: &Path, args: &[&str]) -> Run {
    let mut command = sandbox.command(repo_dir, args);
    command.env("BEC_COURSE", course).stdin(Stdio::null());
    run(command.output().unwrap())
}

/// Runs the git command line in `dir` with the sandbox's HOME.
pub fn git(sandbox: &Sandbox, dir: &Path, args: &[&str]) -> Run {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", &sandbox.home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git is installed");
    run(output)
}

/// Everything a command could change: files (outside `.git`), HEAD, `bec/template`, git's state.
#[derive(Debug, PartialEq, Eq)]
pub struct RepoPicture {
    pub files: Vec<(PathBuf, Vec<u8>)>,
    pub head: Oid,
    pub template: Option<Oid>,
    pub state: String,
    pub bec_record: bool,
}

pub fn picture(repo_dir: &Path) -> RepoPicture {
    let repo = Repository::open(repo_dir).unwrap();
    RepoPicture {
        files: snapshot(repo_dir),
        head: repo.head().unwrap().peel_to_commit().unwrap().id(),
        template: repo.refname_to_id("refs/heads/bec/template").ok(),
        state: format!("{:?}", repo.state()),
        bec_record: repo.path().join("bec/merge-abort").exists(),
    }
}
