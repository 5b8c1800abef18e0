//! `bec check --watch`: run the checks, wait for a saved file under the day folder, run them
//! again. Changes are found by polling modification times and sizes (no file-system
//! notification dependency); a burst of saves is one change once the folder stays quiet for the
//! debounce time.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, SystemTime};

use anyhow::Result;

use super::pristine::SKIPPED_DIRS;

/// Where the next change comes from: the file system, or a script in tests.
pub trait Changes {
    /// Remembers the current state: what changes from here on counts. Called after each run,
    /// so files the tests themselves write are not a change.
    fn mark(&mut self);
    /// Blocks until something changed since [`Changes::mark`]; `false` means stop watching.
    fn wait(&mut self) -> Result<bool>;
}

/// Runs `run_once`, then again after every change, until `changes` says stop or `max_runs`
/// runs are done; `waiting` is called once the state is marked, before each wait. Returns the
/// exit code of the last run.
pub fn watch(
    mut run_once: impl FnMut() -> u8,
    mut waiting: impl FnMut(),
    changes: &mut dyn Changes,
    max_runs: Option<usize>,
) -> Result<u8> {
    let mut runs = 0;
    loop {
        let code = run_once();
        runs += 1;
        if max_runs.is_some_and(|max| runs >= max) {
            return Ok(code);
        }
        changes.mark();
        waiting();
        if !changes.wait()? {
            return Ok(code);
        }
    }
}

/// Each file's modification time and size.
type Snapshot = BTreeMap<PathBuf, (Option<SystemTime>, u64)>;

/// Polls the files below a folder, ignoring environments and caches.
#[derive(Debug)]
pub struct Poller {
    pub dir: PathBuf,
    pub interval: Duration,
    pub debounce: Duration,
    marked: Snapshot,
}

impl Poller {
    /// Polls `dir` twice a second; a change counts once nothing moved for 300 ms.
    pub fn new(dir: &Path) -> Poller {
        Poller {
            dir: dir.to_path_buf(),
            interval: Duration::from_millis(500),
            debounce: Duration::from_millis(300),
            marked: Snapshot::new(),
        }
    }
}

impl Changes for Poller {
    fn mark(&mut self) {
        self.marked = snapshot(&self.dir);
    }

    fn wait(&mut self) -> Result<bool> {
        loop {
            sleep(self.interval);
            let mut now = snapshot(&self.dir);
            if now == self.marked {
                continue;
            }
            loop {
                sleep(self.debounce);
                let again = snapshot(&self.dir);
                if again == now {
                    return Ok(true);
                }
                now = again;
            }
        }
    }
}

fn snapshot(dir: &Path) -> Snapshot {
    let mut files = Snapshot::new();
    collect(dir, &mut files);
    files
}

fn collect(dir: &Path, files: &mut Snapshot) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else { continue };
        let name = entry.file_name();
        if kind.is_dir() {
            if !SKIPPED_DIRS.contains(&name.to_string_lossy().as_ref()) {
                collect(&entry.path(), files);
            }
        } else if let Ok(meta) = entry.metadata() {
            files.insert(entry.path(), (meta.modified().ok(), meta.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Says "changed" a fixed number of times, then "stop".
    struct Scripted(usize);

    impl Changes for Scripted {
        fn mark(&mut self) {}

        fn wait(&mut self) -> Result<bool> {
            if self.0 == 0 {
                return Ok(false);
            }
            self.0 -= 1;
            Ok(true)
        }
    }

    #[test]
    fn runs_once_plus_once_per_change_and_returns_the_last_code() {
        let mut codes = vec![1, 1, 0].into_iter();
        let mut runs = 0;
        let code = watch(
            || {
                runs += 1;
                codes.next().unwrap()
            },
            || {},
            &mut Scripted(2),
            None,
        )
        .unwrap();
        assert_eq!((runs, code), (3, 0));
    }

    #[test]
    fn stops_after_max_runs() {
        let mut runs = 0;
        watch(
            || {
                runs += 1;
                1
            },
            || {},
            &mut Scripted(10),
            Some(2),
        )
        .unwrap();
        assert_eq!(runs, 2);
    }

    #[test]
    fn snapshots_ignore_caches_and_see_edits() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("app.py"), "x = 1\n").unwrap();
        let before = snapshot(dir.path());
        fs::create_dir_all(dir.path().join("__pycache__")).unwrap();
        fs::write(dir.path().join("__pycache__/app.pyc"), "compiled").unwrap();
        assert_eq!(snapshot(dir.path()), before);
        fs::write(dir.path().join("app.py"), "x = 22\n").unwrap();
        assert_ne!(snapshot(dir.path()), before);
    }
}
