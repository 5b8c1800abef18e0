//! A course: its manifest and its files, built in or from a folder.

mod day_config;
mod files;
mod manifest;
mod source;
pub mod version;

use std::path::Path;

use anyhow::Result;

pub use day_config::DayConfig;
pub use files::{CourseFiles, SourceFile};
pub use manifest::extends as manifest_extends;
pub use manifest::{Base, CommitIdentity, DayInfo, FORMAT_VERSION, Manifest, Prompt, Tool};
pub use manifest::{effective_table as effective_manifest_table, table as manifest_table};
pub use source::{CourseSource, Relation, relation};

use crate::day_id::day_dir;
use crate::error::UserError;

#[derive(Debug, Clone)]
pub struct Course {
    pub manifest: Manifest,
    pub files: CourseFiles,
    /// Where the course comes from; recorded in the bec.toml of the repos made from it.
    pub source: CourseSource,
}

impl Course {
    /// The course embedded in this binary.
    pub fn built_in() -> Result<Course> {
        let files = CourseFiles::built_in();
        let manifest = read_manifest(&files, "built-in course.toml")?;
        Ok(Course {
            manifest,
            files,
            source: CourseSource::BuiltIn,
        })
    }

    /// A course folder; with `extends = "builtin"` its files are laid over the built-in course.
    pub fn from_folder(dir: &Path) -> Result<Course> {
        if !dir.join("course.toml").is_file() {
            return Err(UserError::Course(format!(
                "{} has no course.toml: a course folder starts with one (see `bec course export`)",
                dir.display()
            ))
            .into());
        }
        let own = CourseFiles::from_dir(dir)?;
        let origin_name = dir.join("course.toml").display().to_string();
        let own_text = manifest_text(&own, &origin_name)?;
        let (manifest, files) = match manifest::extends(own_text, &origin_name)? {
            None => (Manifest::parse(own_text, &origin_name)?, own),
            Some(Base::BuiltIn) => {
                let base = CourseFiles::built_in();
                let base_text = manifest_text(&base, "built-in course.toml")?;
                let manifest = Manifest::parse_extending(base_text, own_text, &origin_name)?;
                // The built-in known-wrong variants are diffs over the built-in references, which
                // this folder may change: only the folder's own `wrong/` files are its variants.
                (manifest, base.without("wrong/").overlaid_with(own))
            }
        };
        Ok(Course {
            manifest,
            files,
            source: CourseSource::folder(dir),
        })
    }

    /// `--course DIR` when given, else `BEC_COURSE`, else the built-in course.
    pub fn load(folder: Option<&Path>) -> Result<Course> {
        match folder {
            Some(dir) => Course::from_folder(dir),
            None => Course::built_in(),
        }
    }

    pub fn id(&self) -> &str {
        &self.manifest.course.id
    }

    pub fn version(&self) -> &str {
        &self.manifest.course.version
    }

    /// The day's manifest entry, or the "not a course day" error.
    pub fn day(&self, number: u32) -> Result<&DayInfo, UserError> {
        self.manifest.day(number).ok_or_else(|| UserError::BadDay {
            given: number.to_string(),
            last: self.manifest.last_day(),
        })
    }

    /// The day's entry when it has a lab, or the "no lab yet" error.
    pub fn lab_day(&self, number: u32) -> Result<&DayInfo, UserError> {
        let day = self.day(number)?;
        if !day.lab {
            return Err(UserError::DayWithoutLab {
                day: number,
                title: day.title.clone(),
            });
        }
        if !self.files.contains(&format!("{}day.toml", Course::day_prefix(number))) {
            return Err(UserError::Course(format!(
                "day {number} is marked `lab = true` but {}day.toml does not exist",
                Course::day_prefix(number)
            )));
        }
        Ok(day)
    }

    /// The prefix of a day's files in the course source: `days/day07/`.
    pub fn day_prefix(number: u32) -> String {
        format!("days/{}/", day_dir(number))
    }

    /// The parsed `day.toml` of a day with a lab.
    pub fn day_config(&self, number: u32) -> Result<DayConfig, UserError> {
        let path = format!("{}day.toml", Course::day_prefix(number));
        let file = self
            .files
            .get(&path)
            .ok_or_else(|| UserError::Course(format!("{path} is missing: every day with a lab needs one")))?;
        DayConfig::parse(&file.bytes, &path)
    }

    /// Every day marked `lab = true` has a folder with a day.toml, and every folder is marked.
    pub fn lab_problems(&self) -> Vec<UserError> {
        let mut problems = Vec::new();
        for day in &self.manifest.days {
            let prefix = Course::day_prefix(day.number);
            let has_folder = self.files.under(&prefix).next().is_some();
            let has_config = self.files.contains(&format!("{prefix}day.toml"));
            if day.lab && !has_config {
                problems.push(UserError::Course(format!(
                    "day {} is marked `lab = true` but {prefix}day.toml does not exist",
                    day.number
                )));
            }
            if !day.lab && has_folder {
                problems.push(UserError::Course(format!(
                    "{prefix} holds files but day {} is marked `lab = false` in course.toml: set `lab = true`",
                    day.number
                )));
            }
        }
        problems
    }
}

fn read_manifest(files: &CourseFiles, origin: &str) -> Result<Manifest, UserError> {
    Manifest::parse(manifest_text(files, origin)?, origin)
}

fn manifest_text<'a>(files: &'a CourseFiles, origin: &str) -> Result<&'a str, UserError> {
    let file = files
        .get("course.toml")
        .ok_or_else(|| UserError::Course(format!("{origin} is missing")))?;
    std::str::from_utf8(&file.bytes).map_err(|_| UserError::Course(format!("{origin} is not UTF-8 text")))
}
