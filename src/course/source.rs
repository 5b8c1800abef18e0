//! Where a course comes from: the course built into bec, or a course folder (`--course DIR`,
//! `BEC_COURSE`). A learner repo records the source of its course in bec.toml, so a later
//! command run without the same `--course` refuses instead of rendering another course.
//!
//! The identity of a course is its id plus the kind of source. A folder's path is recorded to
//! name it in messages, not to identify it: a moved folder, or a copy holding the next version,
//! is still the same course when its id matches (the new path is then recorded).

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use super::version;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CourseSource {
    /// The course embedded in bec (what a bec.toml without `source` means).
    #[default]
    BuiltIn,
    /// A course folder, by its absolute path.
    Folder(PathBuf),
}

impl CourseSource {
    /// The source of a folder given on the command line: its absolute path, symlinks resolved
    /// when the folder exists.
    pub fn folder(dir: &Path) -> CourseSource {
        let path = std::fs::canonicalize(dir)
            .or_else(|_| std::path::absolute(dir))
            .unwrap_or_else(|_| dir.to_path_buf());
        CourseSource::Folder(path)
    }

    /// In words: "the built-in course" or "the course in /srv/course".
    pub fn describe(&self) -> String {
        match self {
            CourseSource::BuiltIn => "the course built into bec".to_string(),
            CourseSource::Folder(path) => format!("the course in {}", path.display()),
        }
    }

    /// The command that runs `command` with this course: `bec --course '/srv/course' next`.
    pub fn command(&self, command: &str) -> String {
        match self {
            CourseSource::BuiltIn => format!("bec {command}"),
            CourseSource::Folder(path) => format!("bec --course {} {command}", shell_quote(path)),
        }
    }
}

/// How a repo that follows `recorded` at `recorded_version` relates to a course from `using`
/// at `version` (same course id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// The same source: the course may render for this repo.
    Same {
        /// The folder moved: the repo followed it at this path.
        moved_from: Option<PathBuf>,
    },
    /// The repo followed the built-in course and this is a folder with the same id: an
    /// explicit `--course` moves it to the folder (and bec says so).
    FromBuiltInToFolder,
    /// The repo follows a folder and this is the built-in course: rendering it would silently
    /// drop the folder's changes.
    FollowsFolder,
    /// The same source, but an older version than the repo has.
    Older,
}

pub fn relation(recorded: &CourseSource, recorded_version: &str, using: &CourseSource, version: &str) -> Relation {
    let same = match (recorded, using) {
        (CourseSource::Folder(_), CourseSource::BuiltIn) => return Relation::FollowsFolder,
        (CourseSource::BuiltIn, CourseSource::Folder(_)) => return Relation::FromBuiltInToFolder,
        (CourseSource::BuiltIn, CourseSource::BuiltIn) => Relation::Same { moved_from: None },
        (CourseSource::Folder(old), CourseSource::Folder(new)) => Relation::Same {
            moved_from: (old != new).then(|| old.clone()),
        },
    };
    if version::compare(version, recorded_version) == Some(Ordering::Less) {
        Relation::Older
    } else {
        same
    }
}

/// A path as one shell word: bare when it is plain, else in single quotes.
fn shell_quote(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ',' | ':' | '@'));
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(path: &str) -> CourseSource {
        CourseSource::Folder(PathBuf::from(path))
    }

    #[test]
    fn a_folder_repo_refuses_the_built_in_course_whatever_the_versions() {
        for version in ["0.0.1", "9.0.0"] {
            assert_eq!(
                relation(&folder("/c"), "0.1.0-ourschool.1", &CourseSource::BuiltIn, version),
                Relation::FollowsFolder
            );
        }
    }

    #[test]
    fn versions_compare_only_within_one_source() {
        let builtin = CourseSource::BuiltIn;
        assert_eq!(relation(&builtin, "0.2.0", &builtin, "0.1.0"), Relation::Older);
        assert_eq!(
            relation(&builtin, "0.1.0", &builtin, "0.2.0"),
            Relation::Same { moved_from: None }
        );
        // 0.1.0-ourschool.1 sorts below 0.1.0, but a switch to a folder is not a step back
        assert_eq!(
            relation(&builtin, "0.1.0", &folder("/c"), "0.1.0-ourschool.1"),
            Relation::FromBuiltInToFolder
        );
        assert_eq!(
            relation(&folder("/c"), "0.1.0-ourschool.2", &folder("/c"), "0.1.0-ourschool.1"),
            Relation::Older
        );
        assert_eq!(
            relation(&folder("/old"), "1.0.0", &folder("/new"), "1.1.0"),
            Relation::Same {
                moved_from: Some(PathBuf::from("/old"))
            }
        );
    }

    #[test]
    fn commands_quote_paths_that_need_it() {
        assert_eq!(folder("/srv/course").command("next"), "bec --course /srv/course next");
        assert_eq!(folder("/my course").command("next"), "bec --course '/my course' next");
        assert_eq!(folder("/it's").command("update"), r"bec --course '/it'\''s' update");
        assert_eq!(CourseSource::BuiltIn.command("next"), "bec next");
    }
}
