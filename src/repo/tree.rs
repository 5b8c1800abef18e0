//! Writing a rendered repo straight into git's object database as a tree, without a work tree.

use std::collections::BTreeMap;

use git2::{FileMode, Oid, Repository};

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
