//! `bec cohort verify`: proves a cohort's repos identical.
//!
//! A repo passes when its `bec/template` is the commit most repos have, its `main` is either that
//! commit or one commit on top of it that changes nothing but the `[answers]` of `bec.toml` (see
//! [`super::learner_answers`]), `HEAD` is `main`, and its work tree is clean.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use git2::{Oid, Repository};

use crate::error::UserError;
use crate::printable::printable;
use crate::repo::{TEMPLATE_BRANCH, TEMPLATE_REF, check_clean};
use crate::state::{STATE_FILE, State};

use super::members::{Member, members};

/// A repo that is not like the others, and how.
#[derive(Debug, Clone)]
pub struct OddOne {
    pub handle: String,
    pub problems: Vec<String>,
}

/// What [`verify`] found.
#[derive(Debug)]
pub struct VerifyReport {
    pub repos: usize,
    /// The `bec/template` commit most repos share.
    pub template: Option<Oid>,
    /// How many repos have their own answers on `main`.
    pub with_own_answers: usize,
    pub odd: Vec<OddOne>,
}

/// Checks every learner repo in `dir`.
pub fn verify(dir: &Path) -> Result<VerifyReport> {
    let members = members(dir)?;
    let opened: Vec<(Member, Result<Repository, String>)> = members
        .into_iter()
        .map(|member| {
            let repo = Repository::open(&member.path).map_err(|e| format!("not a git repo ({})", e.message()));
            (member, repo)
        })
        .collect();
    let templates: Vec<Option<Oid>> = opened
        .iter()
        .map(|(_, repo)| repo.as_ref().ok().and_then(|r| r.refname_to_id(TEMPLATE_REF).ok()))
        .collect();
    let template = most_common(&templates);

    let mut report = VerifyReport {
        repos: opened.len(),
        template,
        with_own_answers: 0,
        odd: Vec::new(),
    };
    for ((member, repo), own_template) in opened.iter().zip(&templates) {
        let problems = match repo {
            Err(problem) => vec![problem.clone()],
            Ok(repo) => {
                let (problems, own_answers) = check_repo(repo, *own_template, template);
                report.with_own_answers += usize::from(own_answers && problems.is_empty());
                problems
            }
        };
        if !problems.is_empty() {
            report.odd.push(OddOne {
                handle: member.handle.clone(),
                problems,
            });
        }
    }
    Ok(report)
}

/// The id most repos have (the first such one on a tie).
fn most_common(ids: &[Option<Oid>]) -> Option<Oid> {
    let mut counts: BTreeMap<Oid, (usize, usize)> = BTreeMap::new();
    for (position, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            counts.entry(*id).or_insert((0, position)).0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|(_, (count_a, first_a)), (_, (count_b, first_b))| count_a.cmp(count_b).then(first_b.cmp(first_a)))
        .map(|(id, _)| id)
}

/// The problems of one repo, and whether its `main` carries own answers.
fn check_repo(repo: &Repository, own: Option<Oid>, expected: Option<Oid>) -> (Vec<String>, bool) {
    let mut problems = Vec::new();
    let mut own_answers = false;
    match (own, expected) {
        (None, _) => problems.push(format!("has no `{TEMPLATE_BRANCH}` branch")),
        (Some(own), Some(expected)) if own != expected => problems.push(format!(
            "`{TEMPLATE_BRANCH}` is at {}, the other repos at {}",
            short(own),
            short(expected)
        )),
        _ => {}
    }
    match repo.refname_to_id("refs/heads/main") {
        Err(_) => problems.push("has no `main` branch".to_string()),
        Ok(main) => {
            if let Some(template) = own
                && main != template
            {
                match main_problem(repo, main, template) {
                    Some(problem) => problems.push(problem),
                    None => own_answers = true,
                }
            }
        }
    }
    let on_main = repo
        .head()
        .ok()
        .and_then(|head| head.name().ok().map(|name| name == "refs/heads/main"))
        .unwrap_or(false);
    if !on_main {
        problems.push("HEAD is not on `main`".to_string());
    }
    if let Err(error) = check_clean(repo) {
        let detail = match error {
            UserError::DirtyTree { files } => format!("the work tree has uncommitted changes:\n{files}"),
            other => other.to_string(),
        };
        problems.push(detail);
    }
    (problems, own_answers)
}

/// `None` when `main` is the template plus one commit changing only bec.toml's answers.
fn main_problem(repo: &Repository, main: Oid, template: Oid) -> Option<String> {
    let commit = match repo.find_commit(main) {
        Ok(commit) => commit,
        Err(e) => return Some(format!("`main` cannot be read ({})", e.message())),
    };
    if commit.parent_count() != 1 || commit.parent_id(0).ok() != Some(template) {
        let ahead = repo
            .graph_ahead_behind(main, template)
            .map(|(ahead, _)| format!("{ahead} commit(s) ahead"))
            .unwrap_or_else(|_| "not built on it".to_string());
        return Some(format!(
            "`main` ({}) is not `{TEMPLATE_BRANCH}` plus the learner-answers commit: {ahead}",
            short(main)
        ));
    }
    let (Ok(main_tree), Ok(template_tree)) = (commit.tree(), repo.find_commit(template).and_then(|c| c.tree())) else {
        return Some("the trees of `main` and `bec/template` cannot be read".to_string());
    };
    let changed: Vec<String> = match repo.diff_tree_to_tree(Some(&template_tree), Some(&main_tree), None) {
        Ok(diff) => diff
            .deltas()
            .filter_map(|d| {
                d.new_file()
                    .path()
                    .or(d.old_file().path())
                    .map(|p| printable(&p.to_string_lossy()).into_owned())
            })
            .collect(),
        Err(e) => {
            return Some(format!(
                "cannot compare `main` with `{TEMPLATE_BRANCH}` ({})",
                e.message()
            ));
        }
    };
    if changed.iter().any(|path| path != STATE_FILE) {
        let others: Vec<&str> = changed
            .iter()
            .filter(|p| *p != STATE_FILE)
            .map(String::as_str)
            .collect();
        return Some(format!(
            "`main` changes files other than {STATE_FILE} on top of `{TEMPLATE_BRANCH}`: {}",
            others.join(", ")
        ));
    }
    let state_of = |tree: &git2::Tree<'_>| -> Option<State> {
        let blob = repo.find_blob(tree.get_name(STATE_FILE)?.id()).ok()?;
        State::parse(std::str::from_utf8(blob.content()).ok()?, Path::new(STATE_FILE)).ok()
    };
    match (state_of(&template_tree), state_of(&main_tree)) {
        (Some(mut template_state), Some(main_state)) => {
            template_state.answers = main_state.answers.clone();
            (template_state != main_state)
                .then(|| format!("`main`'s {STATE_FILE} changes more than [answers] on top of `{TEMPLATE_BRANCH}`"))
        }
        _ => Some(format!("`main`'s {STATE_FILE} cannot be read")),
    }
}

fn short(oid: Oid) -> String {
    oid.to_string()[..7].to_string()
}
