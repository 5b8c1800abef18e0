//! One bec command at a time changes a learner repo: `.git/bec/lock`, held with an advisory file
//! lock for as long as the command runs. The operating system releases it when the process ends,
//! however it ends (even `kill -9`), so a crash never leaves a lock behind that blocks a retry.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use git2::Repository;

use crate::error::UserError;

/// Held while a command changes the repo; released when dropped.
#[derive(Debug)]
pub struct RepoLock {
    _file: File,
}

fn lock_path(repo: &Repository) -> PathBuf {
    repo.path().join("bec").join("lock")
}

impl RepoLock {
    /// Takes the lock, or fails with [`UserError::Busy`] when another bec command holds it.
    pub fn acquire(repo: &Repository, command: &str) -> Result<RepoLock> {
        match RepoLock::try_acquire(repo, command)? {
            Some(lock) => Ok(lock),
            None => {
                let mut holder = String::new();
                let _ = File::open(lock_path(repo)).and_then(|mut f| f.read_to_string(&mut holder));
                let holder = holder.trim();
                Err(UserError::Busy {
                    holder: if holder.is_empty() {
                        "another bec command".to_string()
                    } else {
                        holder.to_string()
                    },
                }
                .into())
            }
        }
    }

    /// Takes the lock if no other bec command holds it.
    pub fn try_acquire(repo: &Repository, command: &str) -> Result<Option<RepoLock>> {
        let path = lock_path(repo);
        let dir = path.parent().expect("has a parent");
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(None),
            Err(TryLockError::Error(error)) => {
                return Err(anyhow::Error::new(error).context(format!("cannot lock {}", path.display())));
            }
        }
        // Who holds it, for the message of a second command; a full disk must not stop the command.
        let _ = file.set_len(0).and_then(|()| {
            file.seek(SeekFrom::Start(0))?;
            writeln!(file, "`bec {command}` (process {})", std::process::id())
        });
        Ok(Some(RepoLock { _file: file }))
    }
}
