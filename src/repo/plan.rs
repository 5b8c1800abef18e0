//! Before a merge writes anything: the exact result, computed in memory with the same three-way
//! merge `git merge` runs, the list of paths it will write or delete, and the refusals that keep
//! learner work safe. Nothing bec writes may leave the repo or replace a file git does not track.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use git2::{Index, MergeOptions, Oid, Repository, TreeWalkMode, TreeWalkResult};

use crate::error::UserError;

/// What merging a template commit into HEAD will do to the work tree.
#[derive(Debug)]
pub struct MergePlan {
    /// Every path the merge writes or deletes, sorted.
    pub touched: Vec<String>,
}

/// The merge options bec uses everywhere: renames followed.
pub fn merge_options() -> MergeOptions {
    let mut options = MergeOptions::new();
    options.find_renames(true);
    options
}

/// Computes the merge of `template` into `head` and refuses it when it would write through a
/// symbolic link, replace a file git does not track (an ignored `.env`…), or meet a file where
/// the other side has a folder.
pub fn plan_merge(repo: &Repository, head: Oid, template: Oid) -> Result<MergePlan> {
    let ours = repo.find_commit(head)?;
    let theirs = repo.find_commit(template)?;
    let merged = repo
        .merge_commits(&ours, &theirs, Some(&merge_options()))
        .context("cannot compute the merge")?;
    let head_files = tree_files(repo, ours.tree_id())?;
    let touched = touched_paths(&merged, &head_files);
    let root = repo
        .workdir()
        .ok_or_else(|| UserError::Other("this repo has no work tree (a bare repo)".into()))?;
    check_no_links(root, &touched, &merged)?;
    check_nothing_untracked_in_the_way(root, &touched, &head_files)?;
    check_no_file_folder_conflict(&touched, &merged, &head_files)?;
    Ok(MergePlan {
        touched: touched.into_iter().collect(),
    })
}

/// Every file of a tree: path → (blob, mode).
pub fn tree_files(repo: &Repository, tree: Oid) -> Result<HashMap<String, (Oid, i32)>> {
    let tree = repo.find_tree(tree)?;
    let mut files = HashMap::new();
    tree.walk(TreeWalkMode::PreOrder, |dir, entry| {
        if entry.kind() != Some(git2::ObjectType::Tree) {
            let name = String::from_utf8_lossy(entry.name_bytes());
            files.insert(format!("{dir}{name}"), (entry.id(), entry.filemode()));
        }
        TreeWalkResult::Ok
    })?;
    Ok(files)
}

fn index_path(entry: &git2::IndexEntry) -> String {
    String::from_utf8_lossy(&entry.path).into_owned()
}

fn stage(entry: &git2::IndexEntry) -> u16 {
    (entry.flags >> 12) & 0x3
}

/// Paths whose entry in the merge result differs from HEAD, conflicts included, and paths the
/// merge deletes.
fn touched_paths(merged: &Index, head_files: &HashMap<String, (Oid, i32)>) -> BTreeSet<String> {
    let mut touched = BTreeSet::new();
    let mut present = HashSet::new();
    for entry in merged.iter() {
        let path = index_path(&entry);
        let same = head_files.get(&path) == Some(&(entry.id, entry.mode as i32));
        if stage(&entry) != 0 || !same {
            touched.insert(path.clone());
        }
        present.insert(path);
    }
    for path in head_files.keys() {
        if !present.contains(path) {
            touched.insert(path.clone());
        }
    }
    touched
}

/// The folders above `path`, outermost first: `a/b/c` gives `a`, `a/b`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(at, _)| &path[..at])
}

/// Refuses when a path the merge touches has a symbolic link above it in the work tree, or is
/// itself a link that the merge would overwrite with a file.
pub fn check_no_links(root: &Path, touched: &BTreeSet<String>, merged: &Index) -> Result<(), UserError> {
    let written: HashSet<String> = merged.iter().map(|e| index_path(&e)).collect();
    for path in touched {
        for dir in ancestors(path) {
            match fs::symlink_metadata(root.join(dir)) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    return Err(UserError::LinkInTheWay {
                        link: dir.to_string(),
                        path: path.clone(),
                    });
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        let is_link = fs::symlink_metadata(root.join(path)).is_ok_and(|m| m.file_type().is_symlink());
        let stays_link = merged
            .get_path(Path::new(path), 0)
            .is_some_and(|e| e.mode == i32::from(git2::FileMode::Link) as u32);
        if is_link && written.contains(path) && !stays_link {
            return Err(UserError::LinkInTheWay {
                link: path.clone(),
                path: path.clone(),
            });
        }
    }
    Ok(())
}

/// Refuses when the merge would write where the work tree holds something git does not track: an
/// ignored file (a `.env` with a secret), or an ignored file where the merge needs a folder.
fn check_nothing_untracked_in_the_way(
    root: &Path,
    touched: &BTreeSet<String>,
    head_files: &HashMap<String, (Oid, i32)>,
) -> Result<(), UserError> {
    let mut in_the_way = BTreeSet::new();
    for path in touched {
        if head_files.contains_key(path) {
            continue;
        }
        if fs::symlink_metadata(root.join(path)).is_ok() {
            in_the_way.insert(path.clone());
            continue;
        }
        for dir in ancestors(path) {
            match fs::symlink_metadata(root.join(dir)) {
                Ok(meta) if !meta.is_dir() && !head_files.contains_key(dir) => {
                    in_the_way.insert(dir.to_string());
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }
    if in_the_way.is_empty() {
        return Ok(());
    }
    Err(UserError::UntrackedInTheWay {
        files: in_the_way
            .into_iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

/// Refuses a merge where one side has a file and the other a folder at the same path: git would
/// move the file aside to `PATH~HEAD`, which is easy to miss and to lose.
fn check_no_file_folder_conflict(
    touched: &BTreeSet<String>,
    merged: &Index,
    head_files: &HashMap<String, (Oid, i32)>,
) -> Result<(), UserError> {
    let files: HashSet<String> = merged.iter().map(|e| index_path(&e)).collect();
    let mut folders = HashSet::new();
    for file in &files {
        folders.extend(ancestors(file).map(str::to_string));
    }
    for path in touched {
        let clash = if folders.contains(path) {
            Some(path.as_str())
        } else {
            ancestors(path).find(|dir| files.contains(*dir))
        };
        if let Some(clash) = clash {
            let yours = if head_files.contains_key(clash) {
                "a file"
            } else {
                "a folder"
            };
            return Err(UserError::FileFolderConflict {
                path: clash.to_string(),
                yours: yours.to_string(),
                course: if yours == "a file" { "a folder" } else { "a file" }.to_string(),
            });
        }
    }
    Ok(())
}
