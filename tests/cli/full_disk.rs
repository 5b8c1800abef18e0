//! A real full disk: the learner repo lives on a small tmpfs that is filled up to a few pages
//! below what `bec next`/`bec update` need, for every amount of free space from none to enough.
//! Each failure must say truthfully where the repo stands and leave it as it was (or undoable by
//! `bec next --abort`), and the command must work once there is space again.
//!
//! Mounting a tmpfs needs root, so the test is ignored by default; run it with
//! `cargo test --test cli -- --ignored full_disk`.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

const PAGE: u64 = 4096;

struct Tmpfs {
    dir: PathBuf,
}

impl Tmpfs {
    fn mount(dir: PathBuf) -> Tmpfs {
        fs::create_dir_all(&dir).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(&dir)
            .status()
            .expect("mount is installed");
        assert!(status.success(), "mounting a tmpfs needs root");
        Tmpfs { dir }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

/// Fills the file system of `dir` completely, then frees `free_pages` pages.
fn fill(dir: &Path, free_pages: u64) -> PathBuf {
    let filler = dir.join("filler");
    let mut file = OpenOptions::new().create(true).append(true).open(&filler).unwrap();
    let chunk = vec![0u8; PAGE as usize];
    loop {
        match file.write_all(&chunk) {
            Ok(()) => {}
            Err(error) if error.raw_os_error() == Some(28) || error.kind() == ErrorKind::StorageFull => break,
            Err(error) => panic!("filling the disk: {error}"),
        }
    }
    let len = file.metadata().unwrap().len();
    file.set_len(len.saturating_sub(free_pages * PAGE)).unwrap();
    filler
}

#[derive(Debug, Default)]
struct Counts {
    runs: usize,
    failed_and_unchanged: usize,
    failed_and_undone_by_abort: usize,
    succeeded: usize,
}

#[test]
#[ignore = "mounts a tmpfs, which needs root: cargo test --test cli -- --ignored full_disk"]
fn full_disk_at_every_amount_of_free_space_leaves_the_repo_as_it_was() {
    let mut counts = Counts::default();
    for (name, update, conflict) in [
        ("next", false, false),
        ("next with a conflict", false, true),
        ("update", true, false),
    ] {
        let sandbox = Sandbox::new();
        let disk = Tmpfs::mount(sandbox.path().join("disk"));
        let v2 = fixture_at_version(sandbox.path(), "1.1.0");
        write_file(
            &v2.join("days/day01/notes.txt"),
            "Notes for day 1.\nRevised.\nLine three.\n",
        );
        write_file(&v2.join("days/day01/extra/hint.txt"), "a new hint\n");
        let course = if update { v2 } else { fixture_course() };
        let args: &[&str] = if update { &["update"] } else { &["next"] };
        let mut free = 0;
        loop {
            let context = format!("{name} with {free} free page(s)");
            let repo = disk.dir.join("repo");
            let _ = fs::remove_dir_all(&repo);
            bec_with_course(&sandbox, &disk.dir, &fixture_course(), &["new", "1", "repo", "--yes"]).success();
            fs::write(repo.join("day01/app.py"), "def add(a, b):\n    return a + b\n").unwrap();
            if conflict {
                fs::write(repo.join("progress.txt"), "my own progress\n").unwrap();
            }
            let learner = commit_all(&repo, "learner work");
            let before = picture(&repo);
            let filler = fill(&disk.dir, free);
            let run = bec_with_course(&sandbox, &repo, &course, args);
            counts.runs += 1;
            let expected = if conflict { 6 } else { 0 };
            if run.code == expected {
                fs::remove_file(&filler).unwrap();
                counts.succeeded += 1;
                assert!(
                    head_descends_from(&repo, learner),
                    "{context}: the learner's commit is in the branch"
                );
                if conflict {
                    bec_with_course(&sandbox, &repo, &course, &["next", "--abort"]).success();
                    assert_eq!(picture(&repo), before, "{context}: aborted");
                } else {
                    assert!(dirty_files(&repo).is_empty(), "{context}: {:?}", dirty_files(&repo));
                }
                break;
            }
            assert_eq!(run.code, 1, "{context}\n{}\n{}", run.stdout, run.stderr);
            run.clean_error();
            assert!(!run.stderr.contains("no error"), "{context}: {}", run.stderr);
            assert!(!run.stdout.contains("merge commit"), "{context}: {}", run.stdout);
            fs::remove_file(&filler).unwrap();
            if run.stderr.contains("bec next --abort") {
                bec_with_course(&sandbox, &repo, &course, &["next", "--abort"]).success();
                counts.failed_and_undone_by_abort += 1;
            } else {
                assert!(
                    run.stderr.contains("changed nothing") || run.stderr.contains("put the repo back as it was"),
                    "{context}: the message says where the repo stands: {}",
                    run.stderr
                );
                counts.failed_and_unchanged += 1;
            }
            assert_eq!(picture(&repo), before, "{context}");
            bec_with_course(&sandbox, &repo, &course, args).code(expected);
            free += 1;
            assert!(free < 200, "{context}: never succeeded");
        }
    }
    eprintln!("full disk: {counts:?}");
    assert!(
        counts.failed_and_unchanged + counts.failed_and_undone_by_abort >= 3,
        "{counts:?}"
    );
}

fn head_descends_from(repo_dir: &Path, commit: git2::Oid) -> bool {
    let repo = git2::Repository::open(repo_dir).unwrap();
    let head = repo.head().unwrap().peel_to_commit().unwrap().id();
    head == commit || repo.graph_descendant_of(head, commit).unwrap()
}
