//! `bec.toml`: the learner repo's state file, at the repo root.
//!
//! ```toml
//! # This repo follows a bec course. bec reads and updates this file; `bec next` merges it.
//! format = 1
//!
//! [course]
//! id = "backend-engineering-60"   # the course this repo was made from
//! version = "0.1.0"               # the course version of the last render
//! source = "folder"               # only for a course folder (`--course DIR`); absent: built in
//! path = "/srv/courses/ourschool" # the folder's absolute path, for messages
//!
//! [progress]
//! first_day = 1                   # the day the repo started at (`bec new dayN`)
//! current_day = 3                 # the newest day in the repo
//!
//! [answers]                       # what `bec new` asked; used for every later render
//! project_name = "backend-course"
//! track = "python"
//! ```
//!
//! It is written with toml_edit, so comments a learner adds survive the merges of `bec next`.
//!
//! `course.source` and `course.path` name the course the repo follows: `bec next` and `bec update`
//! refuse the built-in course for a repo made from a folder (`bec status` says which course to
//! give), and a lower version of the same source (semantic-version order). A bec.toml without
//! `source` follows the built-in course: bec writes the key only for a folder, so the bec.toml of
//! a repo from the built-in course reads as it always has (and the repos of a class made by an
//! earlier bec still render to the same commits); `source = "builtin"` is read too. `path` is where the
//! folder was at the last render; a folder given later with `--course` and the same course id is
//! the same course (moved, or a copy with the next version), and its path is recorded then.
//!
//! State that changes without a commit stays out of this tracked file, so it never dirties the
//! work tree: `bec hint` keeps how many hints each day has shown in `.git/bec/hints.toml`
//! (see `ops::hint`).

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, value};

use crate::answers::Answers;
use crate::course::{Course, CourseSource};
use crate::error::UserError;

/// File name of the state file at the repo root.
pub const STATE_FILE: &str = "bec.toml";
/// Format of the state file this bec writes and reads.
pub const STATE_FORMAT: i64 = 1;
/// `course.source` of a repo made from the built-in course (read, never written: it is the default).
const SOURCE_BUILT_IN: &str = "builtin";
/// `course.source` of a repo made from a course folder.
const SOURCE_FOLDER: &str = "folder";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub course_id: String,
    pub course_version: String,
    /// Where the course comes from (`course.source` and `course.path`).
    pub course_source: CourseSource,
    pub first_day: u32,
    pub current_day: u32,
    pub answers: Answers,
}

impl State {
    /// A repo that starts at `day` of `course`, with `answers`.
    pub fn starting_at(course: &Course, day: u32, answers: Answers) -> State {
        State {
            course_id: course.id().to_string(),
            course_version: course.version().to_string(),
            course_source: course.source.clone(),
            first_day: day,
            current_day: day,
            answers,
        }
    }

    /// The pristine text of the state file (what the template branch holds).
    pub fn to_toml(&self) -> String {
        let mut doc = DocumentMut::new();
        doc.decor_mut()
            .set_prefix("# This repo follows a bec course. bec reads and updates this file; `bec next` merges it.\n");
        doc["format"] = value(STATE_FORMAT);
        let mut course = Table::new();
        course["id"] = value(&self.course_id);
        course["version"] = value(&self.course_version);
        if let CourseSource::Folder(path) = &self.course_source {
            course["source"] = value(SOURCE_FOLDER);
            course["path"] = value(path.to_string_lossy().as_ref());
        }
        doc["course"] = Item::Table(course);
        let mut progress = Table::new();
        progress["first_day"] = value(i64::from(self.first_day));
        progress["current_day"] = value(i64::from(self.current_day));
        doc["progress"] = Item::Table(progress);
        let mut answers = Table::new();
        for (name, answer) in &self.answers {
            answers[name.as_str()] = value(answer);
        }
        doc["answers"] = Item::Table(answers);
        doc.to_string()
    }

    /// Parses the state file; any problem is a [`UserError::BrokenState`] naming the field.
    pub fn parse(text: &str, path: &Path) -> Result<State, UserError> {
        let broken = |problem: String| UserError::BrokenState {
            path: path.to_path_buf(),
            problem,
        };
        let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
            broken(format!("it is not valid TOML ({})", first_line(&e.to_string())))
        })?;
        let format = doc
            .get("format")
            .and_then(Item::as_integer)
            .ok_or_else(|| broken("`format` is missing or not a number".into()))?;
        if format < 1 {
            return Err(broken(format!(
                "`format = {format}` is not a format of bec.toml (this bec writes {STATE_FORMAT})"
            )));
        }
        if format > STATE_FORMAT {
            return Err(broken(format!(
                "it has format {format}, newer than this bec understands ({STATE_FORMAT}); upgrade bec"
            )));
        }
        let text_field = |table: &str, key: &str| -> Result<String, UserError> {
            doc.get(table)
                .and_then(|t| t.get(key))
                .and_then(Item::as_str)
                .map(str::to_string)
                .ok_or_else(|| broken(format!("`{table}.{key}` is missing or not a string")))
        };
        let day_field = |key: &str| -> Result<u32, UserError> {
            let number = doc
                .get("progress")
                .and_then(|t| t.get(key))
                .and_then(Item::as_integer)
                .ok_or_else(|| broken(format!("`progress.{key}` is missing or not a number")))?;
            u32::try_from(number)
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| broken(format!("`progress.{key}` = {number} is not a day number")))
        };
        let mut answers = Answers::new();
        if let Some(table) = doc.get("answers").and_then(Item::as_table_like) {
            for (key, item) in table.iter() {
                let answer = item
                    .as_str()
                    .ok_or_else(|| broken(format!("`answers.{key}` is not a string")))?;
                answers.insert(key.to_string(), answer.to_string());
            }
        } else {
            return Err(broken("the [answers] table is missing".into()));
        }
        let course_source = match doc.get("course").and_then(|t| t.get("source")) {
            None => CourseSource::BuiltIn,
            Some(item) => match item.as_str() {
                Some(SOURCE_BUILT_IN) => CourseSource::BuiltIn,
                Some(SOURCE_FOLDER) => {
                    let path = text_field("course", "path")?;
                    if !Path::new(&path).is_absolute() {
                        return Err(broken(format!(
                            "`course.path` = \"{}\" is not an absolute path",
                            crate::printable::printable(&path)
                        )));
                    }
                    CourseSource::Folder(PathBuf::from(path))
                }
                _ => {
                    return Err(broken(format!(
                        "`course.source` must be \"{SOURCE_BUILT_IN}\" or \"{SOURCE_FOLDER}\""
                    )));
                }
            },
        };
        let state = State {
            course_id: text_field("course", "id")?,
            course_version: text_field("course", "version")?,
            course_source,
            first_day: day_field("first_day")?,
            current_day: day_field("current_day")?,
            answers,
        };
        if state.first_day > state.current_day {
            return Err(broken(format!(
                "`progress.first_day` ({}) is after `progress.current_day` ({})",
                state.first_day, state.current_day
            )));
        }
        Ok(state)
    }

    pub fn read(path: &Path) -> Result<State, UserError> {
        let text = std::fs::read_to_string(path).map_err(|e| UserError::BrokenState {
            path: path.to_path_buf(),
            problem: format!("it cannot be read ({e})"),
        })?;
        State::parse(&text, path)
    }

    /// Refuses a state whose days the course it was made from does not have (a `current_day`
    /// changed by hand). A state from another course, or from a folder when this is the
    /// built-in course, is left to the caller's course check.
    pub fn check_days(&self, course: &Course, path: &Path) -> Result<(), UserError> {
        let other_source = matches!(
            (&self.course_source, &course.source),
            (CourseSource::Folder(_), CourseSource::BuiltIn)
        );
        if self.course_id != course.id() || other_source {
            return Ok(());
        }
        let last = course.manifest.last_day();
        for (key, day) in [("first_day", self.first_day), ("current_day", self.current_day)] {
            if day > last {
                return Err(UserError::BrokenState {
                    path: path.to_path_buf(),
                    problem: format!(
                        "`progress.{key}` = {day}, but course `{}` has {last} days",
                        self.course_id
                    ),
                });
            }
        }
        Ok(())
    }

    /// The days present in the repo.
    pub fn days(&self) -> Vec<u32> {
        (self.first_day..=self.current_day).collect()
    }
}

fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text).trim()
}

/// Walks up from `start` to the folder holding `bec.toml` next to `.git`: a `bec.toml` in a
/// folder of the repo (a learner's own file) is not the repo root.
pub fn find_repo_root(start: &Path) -> Result<PathBuf, UserError> {
    let absolute = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    absolute
        .ancestors()
        .find(|dir| dir.join(STATE_FILE).is_file() && dir.join(".git").exists())
        .map(Path::to_path_buf)
        .ok_or(UserError::NotALearnerRepo { start: absolute })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        State {
            course_id: "c".into(),
            course_version: "1.0.0".into(),
            course_source: CourseSource::Folder(PathBuf::from("/srv/courses/ourschool")),
            first_day: 2,
            current_day: 4,
            answers: [("track".to_string(), "python".to_string())].into(),
        }
    }

    #[test]
    fn round_trips() {
        let state = sample();
        assert_eq!(State::parse(&state.to_toml(), Path::new("bec.toml")).unwrap(), state);
        assert_eq!(state.days(), vec![2, 3, 4]);
    }

    #[test]
    fn records_the_course_source() {
        let text = sample().to_toml();
        assert!(
            text.contains("source = \"folder\"\npath = \"/srv/courses/ourschool\"\n"),
            "{text}"
        );
        let built_in = State {
            course_source: CourseSource::BuiltIn,
            ..sample()
        };
        let text = built_in.to_toml();
        assert!(!text.contains("source =") && !text.contains("path ="), "{text}");
        assert_eq!(State::parse(&text, Path::new("bec.toml")).unwrap(), built_in);
        let explicit = text.replace("version = \"1.0.0\"\n", "version = \"1.0.0\"\nsource = \"builtin\"\n");
        assert_eq!(State::parse(&explicit, Path::new("bec.toml")).unwrap(), built_in);
    }

    #[test]
    fn a_state_file_without_a_source_follows_the_built_in_course() {
        let old = "format = 1\n[course]\nid = \"c\"\nversion = \"1.0.0\"\n[progress]\nfirst_day = 2\n\
                   current_day = 4\n[answers]\ntrack = \"python\"\n";
        let state = State::parse(old, Path::new("bec.toml")).unwrap();
        assert_eq!(state.course_source, CourseSource::BuiltIn);
    }

    #[test]
    fn a_damaged_source_is_named() {
        let path = Path::new("bec.toml");
        let unknown = sample().to_toml().replace("source = \"folder\"", "source = \"web\"");
        let error = State::parse(&unknown, path).unwrap_err().to_string();
        assert!(error.contains("`course.source` must be"), "{error}");
        let no_path = sample().to_toml().replace("path = \"/srv/courses/ourschool\"", "");
        let error = State::parse(&no_path, path).unwrap_err().to_string();
        assert!(error.contains("`course.path` is missing"), "{error}");
        let relative = sample()
            .to_toml()
            .replace("/srv/courses/ourschool", "courses/ourschool");
        let error = State::parse(&relative, path).unwrap_err().to_string();
        assert!(error.contains("not an absolute path"), "{error}");
    }

    #[test]
    fn comments_added_by_hand_do_not_break_parsing() {
        let text = format!("# my notes\n{}\n# more notes\n", sample().to_toml());
        assert_eq!(State::parse(&text, Path::new("bec.toml")).unwrap(), sample());
    }

    #[test]
    fn damage_is_named() {
        let path = Path::new("bec.toml");
        let no_day = sample().to_toml().replace("current_day = 4", "");
        assert!(
            State::parse(&no_day, path)
                .unwrap_err()
                .to_string()
                .contains("progress.current_day")
        );
        let bad_type = sample().to_toml().replace("current_day = 4", "current_day = \"four\"");
        assert!(
            State::parse(&bad_type, path)
                .unwrap_err()
                .to_string()
                .contains("progress.current_day")
        );
        assert!(
            State::parse("this is [not toml", path)
                .unwrap_err()
                .to_string()
                .contains("not valid TOML")
        );
        let backwards = sample().to_toml().replace("first_day = 2", "first_day = 9");
        assert!(State::parse(&backwards, path).is_err());
        for format in ["format = 0", "format = -3"] {
            let old = sample().to_toml().replace("format = 1", format);
            let error = State::parse(&old, path).unwrap_err().to_string();
            assert!(error.contains(&format!("`{format}` is not a format")), "{error}");
        }
    }
}
