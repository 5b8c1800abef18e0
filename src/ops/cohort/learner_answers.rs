//! Answers in a cohort: shared answers render the course, a learner's own answers live in their
//! `bec.toml` only.
//!
//! Every repo of a cohort is rendered once, from the same course version, the same date and the
//! same **shared answers**: `--set` values, else the course's `default`s. `default_from_git` is
//! never used, because the admin's git config says nothing about the learners; a question with
//! neither a `--set` value nor a default stops the command, naming the `--set` to add.
//!
//! A roster column named like a question (say `author_name`) gives a learner **their own
//! answer**. It cannot go into the rendered files without making every repo different, so it goes
//! into `bec.toml` only:
//!
//! - `bec/template` holds the shared render, the same commit (same id) in every repo;
//! - `main` gets one more commit on top of it, "bec: learner answers", by the course's identity
//!   at the same date, that changes nothing but the `[answers]` of `bec.toml`.
//!
//! A learner without own answers (no such column, empty cells, or the same values as the shared
//! ones) has `main` at the template commit. `bec cohort verify` accepts exactly these two shapes.
//! From the next `bec next` on, renders use the answers in `bec.toml`, so the learner's own
//! answers reach the templates then, merged like any other course change.

use anyhow::Result;
use git2::{Oid, Repository};

use crate::answers::{self, Answers};
use crate::course::{Course, Prompt};
use crate::date::Timestamp;
use crate::error::UserError;
use crate::repo;
use crate::state::{STATE_FILE, State};

use super::roster::Learner;

/// The summary line of the commit that records a learner's own answers on `main`.
pub const LEARNER_ANSWERS_SUMMARY: &str = "bec: learner answers";

/// Resolves every question from `--set` (`given`) or the course's default, never from git config.
pub fn shared_answers(prompts: &[Prompt], mut given: Answers) -> Result<Answers, UserError> {
    answers::refuse_unknown(prompts, &given)?;
    let mut shared = Answers::new();
    let mut missing = Vec::new();
    for prompt in prompts {
        match given.remove(&prompt.name).or_else(|| prompt.default.clone()) {
            Some(value) => {
                answers::validate(prompt, &value)?;
                shared.insert(prompt.name.clone(), value);
            }
            None => missing.push(prompt),
        }
    }
    if missing.is_empty() {
        return Ok(shared);
    }
    Err(UserError::MissingSharedAnswers {
        names: missing
            .iter()
            .map(|p| format!("`{}` ({})", p.name, p.question))
            .collect::<Vec<_>>()
            .join(", "),
        sets: missing
            .iter()
            .map(|p| format!("--set {}=VALUE", p.name))
            .collect::<Vec<_>>()
            .join(" "),
    })
}

/// The learner's state when their own answers differ from the shared ones, else `None`.
pub fn learner_state(shared: &State, learner: &Learner) -> Option<State> {
    let differs = learner
        .answers
        .iter()
        .any(|(name, value)| shared.answers.get(name) != Some(value));
    if !differs {
        return None;
    }
    let mut state = shared.clone();
    state
        .answers
        .extend(learner.answers.iter().map(|(k, v)| (k.clone(), v.clone())));
    Some(state)
}

/// Commits `own`'s `bec.toml` on top of the template commit (no branch is moved) and returns the
/// new commit: the template's tree with that one file replaced. `shared` is the state the
/// template was rendered with; the message names the answers that differ from it.
pub fn commit_learner_answers(
    repo: &Repository,
    course: &Course,
    template: Oid,
    shared: &State,
    own: &State,
    date: Timestamp,
) -> Result<Oid> {
    let parent = repo.find_commit(template)?;
    let blob = repo.blob(own.to_toml().as_bytes())?;
    let mut builder = repo.treebuilder(Some(&parent.tree()?))?;
    builder.insert(STATE_FILE, blob, git2::FileMode::Blob.into())?;
    let tree = repo.find_tree(builder.write()?)?;
    let identity = &course.manifest.commit;
    let signature = repo::signature(&identity.name, &identity.email, date)?;
    let names: Vec<&str> = own
        .answers
        .iter()
        .filter(|(name, value)| shared.answers.get(*name) != Some(*value))
        .map(|(name, _)| name.as_str())
        .collect();
    let message = format!(
        "{LEARNER_ANSWERS_SUMMARY}\n\nThis learner's own answers ({}) in {STATE_FILE}; bec/template keeps the \
         shared answers every repo of the cohort was rendered with.\n",
        names.join(", ")
    );
    Ok(repo.commit(None, &signature, &signature, &message, &tree, &[&parent])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompt(name: &str, default: Option<&str>) -> Prompt {
        Prompt {
            name: name.into(),
            question: format!("Q {name}"),
            default: default.map(str::to_string),
            default_from_git: Some("user.name".into()),
            choices: vec![],
            pattern: None,
            pattern_help: None,
        }
    }

    #[test]
    fn shared_answers_come_from_set_and_defaults_only() {
        let prompts = [prompt("a", Some("da")), prompt("b", None), prompt("c", None)];
        let error = shared_answers(&prompts, Answers::new()).unwrap_err().to_string();
        assert!(error.contains("`b` (Q b), `c` (Q c)"), "{error}");
        assert!(error.contains("--set b=VALUE --set c=VALUE"), "{error}");
        let given: Answers = [("b".to_string(), "x".to_string()), ("c".to_string(), "y".to_string())].into();
        let shared = shared_answers(&prompts, given).unwrap();
        assert_eq!(shared["a"], "da");
        assert_eq!(shared["b"], "x");
    }

    #[test]
    fn a_learner_needs_a_state_of_their_own_only_when_an_answer_differs() {
        let shared = State {
            course_id: "c".into(),
            course_version: "1".into(),
            course_source: Default::default(),
            first_day: 1,
            current_day: 1,
            answers: [("a".to_string(), "shared".to_string())].into(),
        };
        let mut learner = Learner {
            line: 2,
            handle: "h".into(),
            name: None,
            email: None,
            answers: Answers::new(),
        };
        assert!(learner_state(&shared, &learner).is_none());
        learner.answers.insert("a".into(), "shared".into());
        assert!(learner_state(&shared, &learner).is_none());
        learner.answers.insert("a".into(), "own".into());
        assert_eq!(learner_state(&shared, &learner).unwrap().answers["a"], "own");
    }
}
