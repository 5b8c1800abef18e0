//! Writing a rendered repo straight into git's object database as a tree, without a work tree.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use git2::{FileMode, Oid, Repository, TreeWalkMode, TreeWalkResult};

use crate::render::RenderedTree;

enum Node {
    File(Oid, FileMode),
    Dir(BTreeMap<String, Node>),
}

/// Writes every file as a blob and returns the id of the root tree.
pub fn write_tree(repo: &Repository, files: &RenderedTree) -> Result<Oid, git2::Error> {
    let mut root = BTreeMap::new();
    for (path, file) in files {
        let oid = repo.blob(&file.bytes)?;
        let mode = if file.executable {
            FileMode::BlobExecutable
        } else {
            FileMode::Blob
        };
        insert(
            &mut root,
            path.split('/').collect::<Vec<_>>().as_slice(),
            Node::File(oid, mode),
        );
    }
    write_dir(repo, &root)
}

fn insert(dir: &mut BTreeMap<String, Node>, segments: &[&str], node: Node) {
    match segments {
        [name] => {
            dir.insert((*name).to_string(), node);
        }
        [first, rest @ ..] => {
            let child = dir
                .entry((*first).to_string())
                .or_insert_with(|| Node::Dir(BTreeMap::new()));
            if let Node::Dir(child) = child {
                insert(child, rest, node);
            }
        }
        [] => {}
    }
}

fn write_dir(repo: &Repository, dir: &BTreeMap<String, Node>) -> Result<Oid, git2::Error> {
    let mut builder = repo.treebuilder(None)?;
    for (name, node) in dir {
        match node {
            Node::File(oid, mode) => builder.insert(name, *oid, (*mode).into())?,
            Node::Dir(children) => {
                let oid = write_dir(repo, children)?;
                builder.insert(name, oid, FileMode::Tree.into())?
            }
        };
    }
    builder.write()
}

/// Checks, through a fresh handle on the repo (no object cache), that `commit` and every object of
/// its tree can be read from disk. On a full disk libgit2 can report an object as written that
/// never reached the disk; bec must find that out before it builds on the object.
pub fn verify_written(repo: &Repository, commit: Oid) -> Result<()> {
    let fresh = Repository::open(repo.path()).context("cannot reopen the repository")?;
    let missing = |what: &str, oid: Oid| format!("{what} {oid} was not written to disk (is the disk full?)");
    let commit = fresh.find_commit(commit).with_context(|| missing("commit", commit))?;
    let tree = commit.tree().with_context(|| missing("tree", commit.tree_id()))?;
    let odb = fresh.odb()?;
    let mut absent = None;
    let walked = tree.walk(TreeWalkMode::PreOrder, |_, entry| {
        if odb.exists(entry.id()) {
            TreeWalkResult::Ok
        } else {
            absent = Some(entry.id());
            TreeWalkResult::Abort
        }
    });
    match (absent, walked) {
        (Some(oid), _) => Err(anyhow::anyhow!(missing("object", oid))),
        (None, Err(error)) => Err(anyhow::Error::new(error).context(missing("tree of commit", commit.id()))),
        (None, Ok(())) => Ok(()),
    }
}
