//! `bec new` builds aside and moves into place; what a killed or failed run leaves is cleaned up,
//! and only that.

use std::fs::{self, File};

use crate::support::*;

/// The lock file bec keeps locked in a staging folder while its process lives.
const LOCK_FILE: &str = ".bec-staging.lock";

fn staging_folder(sandbox: &Sandbox, name: &str, with_lock: bool) -> File {
    let dir = sandbox.path().join(name);
    fs::create_dir_all(dir.join(".git/objects")).unwrap();
    fs::write(dir.join("half-written.txt"), "partial").unwrap();
    if with_lock {
        File::create(dir.join(LOCK_FILE)).unwrap()
    } else {
        File::open(dir.join("half-written.txt")).unwrap()
    }
}

#[test]
fn staging_left_by_a_killed_new_is_removed_by_the_next_new_and_live_or_foreign_ones_stay() {
    let sandbox = Sandbox::new();
    // A killed `bec new`: its lock file is there, and nobody holds the lock any more.
    drop(staging_folder(&sandbox, ".bec-new-killed", true));
    // A `bec new` still running: it holds the lock.
    let running = staging_folder(&sandbox, ".bec-new-running", true);
    running.lock().unwrap();
    // Folders that are not provably bec's abandoned staging: no lock file in them.
    drop(staging_folder(&sandbox, ".bec-new-unknown", false));
    drop(staging_folder(&sandbox, ".bec-notes", false));

    sandbox.new_repo("1");

    assert!(
        !sandbox.path().join(".bec-new-killed").exists(),
        "the stale staging folder stays"
    );
    for kept in [".bec-new-running", ".bec-new-unknown", ".bec-notes"] {
        assert!(
            sandbox.path().join(kept).join("half-written.txt").is_file(),
            "{kept} was touched"
        );
    }
    assert!(
        !sandbox.path().join("repo").join(LOCK_FILE).exists(),
        "the lock file reached the repo"
    );
    assert!(dirty_files(&sandbox.path().join("repo")).is_empty());
    drop(running);
}

#[test]
fn a_failed_new_removes_the_parent_folders_it_created() {
    let sandbox = Sandbox::new();
    fs::create_dir(sandbox.path().join("existing")).unwrap();
    // The move into place fails after the parents were made: the last name is too long.
    let target = format!("existing/a/b/c/{}", "x".repeat(300));
    sandbox
        .bec(&["new", "1", &target, "--yes", "--date", "2026-01-01"])
        .code(1)
        .clean_error()
        .stderr_has("cannot move the new repo");
    assert!(
        sandbox.path().join("existing").is_dir(),
        "a folder bec did not create was removed"
    );
    assert!(
        !sandbox.path().join("existing/a").exists(),
        "existing/a/b/c was left behind"
    );
    let leftovers: Vec<_> = fs::read_dir(sandbox.path().join("existing"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
