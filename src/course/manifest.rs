//! `course.toml`: the versioned manifest of a course. Every field is documented here and in
//! `docs/course-format.md`; a `format_version` newer than [`FORMAT_VERSION`] is refused.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::date::Timestamp;
use crate::error::UserError;

/// The newest manifest format this bec understands.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Format of this file; bec refuses newer formats than it knows.
    pub format_version: u32,
    /// A course folder may say `extends = "builtin"` and hold only the files it changes.
    #[serde(default)]
    pub extends: Option<String>,
    pub course: CourseInfo,
    /// Identity of the pristine template commits.
    pub commit: CommitIdentity,
    /// Questions `bec new` asks; answers are stored in the learner's bec.toml.
    #[serde(default)]
    pub prompts: Vec<Prompt>,
    /// Tools a day may need, checked by `bec doctor`.
    #[serde(default)]
    pub tools: BTreeMap<String, Tool>,
    #[serde(default)]
    pub weeks: Vec<Week>,
    pub days: Vec<DayInfo>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseInfo {
    /// Stable identifier; a learner repo only follows the course it was made from.
    pub id: String,
    pub title: String,
    /// Bumped by instructors on every change; learner repos record the version they have.
    pub version: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitIdentity {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Variable name in templates and bec.toml.
    pub name: String,
    pub question: String,
    #[serde(default)]
    pub default: Option<String>,
    /// A git config key whose value is the default (e.g. `user.name`).
    #[serde(default)]
    pub default_from_git: Option<String>,
    /// When set, the answer must be one of these.
    #[serde(default)]
    pub choices: Vec<String>,
    /// A pattern the answer must match: `^` + character classes with `{min,max}`, see `answers`.
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub pattern_help: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    /// Command that succeeds when the tool is installed.
    pub check: Vec<String>,
    /// How to install it, shown when the check fails.
    pub install: String,
    /// The oldest version accepted (`"3.11"`), compared with the first version number `check`
    /// prints.
    #[serde(default)]
    pub min_version: Option<String>,
    /// Command that succeeds when the tool's service is up (`docker info`): a tool installed but
    /// not running is reported apart from a missing one.
    #[serde(default)]
    pub running: Option<Vec<String>>,
    /// How to start the service, shown when `running` fails.
    #[serde(default)]
    pub start: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Week {
    pub number: u32,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayInfo {
    pub number: u32,
    pub slug: String,
    pub title: String,
    pub week: u32,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub hands_on: String,
    #[serde(default)]
    pub tools: Vec<String>,
    /// True when `days/dayNN/` holds the lab; false for days described but not written yet.
    #[serde(default)]
    pub lab: bool,
}

/// The course a course folder builds on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The course embedded in bec.
    BuiltIn,
}

/// Reads `extends` from a course folder's manifest, if any.
pub fn extends(text: &str, origin: &str) -> Result<Option<Base>, UserError> {
    let table = parse_table(text, origin)?;
    match table.get("extends") {
        None => Ok(None),
        Some(toml::Value::String(name)) if name == "builtin" => Ok(Some(Base::BuiltIn)),
        Some(other) => Err(UserError::Course(format!(
            "{origin}: `extends = {other}` is not known; the only base course is \"builtin\""
        ))),
    }
}

fn parse_table(text: &str, origin: &str) -> Result<toml::Table, UserError> {
    text.parse()
        .map_err(|e: toml::de::Error| UserError::Course(format!("{origin} is not valid TOML: {e}")))
}

/// Lays `over` onto `base`: tables merge key by key; `[[days]]`/`[[weeks]]` entries merge with the
/// base entry of the same `number`, `[[prompts]]` with the same `name`; other values replace.
fn merge_tables(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge_tables(b, o),
            (Some(toml::Value::Array(b)), toml::Value::Array(o))
                if matches!(key.as_str(), "days" | "weeks" | "prompts") =>
            {
                let id = if key == "prompts" { "name" } else { "number" };
                for entry in o {
                    let position = entry
                        .get(id)
                        .and_then(|wanted| b.iter().position(|existing| existing.get(id) == Some(wanted)));
                    match (position, entry) {
                        (Some(i), toml::Value::Table(o)) => {
                            if let toml::Value::Table(existing) = &mut b[i] {
                                merge_tables(existing, o);
                            }
                        }
                        (_, entry) => b.push(entry),
                    }
                }
            }
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// The keys a course folder's manifest stands for, without `extends`: with `base_text` (the
/// manifest it extends), its own keys laid over the base's, as the course is loaded.
pub fn effective_table(base_text: Option<&str>, own_text: &str, origin: &str) -> Result<toml::Table, UserError> {
    let mut own = parse_table(own_text, origin)?;
    own.remove("extends");
    let Some(base_text) = base_text else { return Ok(own) };
    let mut base = parse_table(base_text, "built-in course.toml")?;
    merge_tables(&mut base, own);
    Ok(base)
}

/// The table of a manifest's text.
pub fn table(text: &str, origin: &str) -> Result<toml::Table, UserError> {
    parse_table(text, origin)
}

impl Manifest {
    /// A manifest that extends `base_text` with the keys of `own_text` (see [`merge_tables`]).
    pub fn parse_extending(base_text: &str, own_text: &str, origin: &str) -> Result<Manifest, UserError> {
        let mut own = parse_table(own_text, origin)?;
        own.remove("extends");
        if let Some(version) = own.get("format_version").and_then(|v| v.as_integer())
            && version > i64::from(FORMAT_VERSION)
        {
            return Err(UserError::FormatTooNew {
                found: version,
                known: FORMAT_VERSION,
            });
        }
        let mut base = parse_table(base_text, "built-in course.toml")?;
        merge_tables(&mut base, own);
        let merged = toml::to_string(&base).map_err(|e| UserError::Course(format!("{origin}: {e}")))?;
        Manifest::parse(&merged, origin)
    }

    /// Parses and validates a manifest. `origin` names the file in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Manifest, UserError> {
        let table = parse_table(text, origin)?;
        let version = table
            .get("format_version")
            .and_then(|v| v.as_integer())
            .ok_or_else(|| {
                UserError::Course(format!(
                    "{origin} has no integer `format_version` (this bec writes {FORMAT_VERSION})"
                ))
            })?;
        if version > i64::from(FORMAT_VERSION) {
            return Err(UserError::FormatTooNew {
                found: version,
                known: FORMAT_VERSION,
            });
        }
        let manifest: Manifest = toml::from_str(text).map_err(|e| UserError::Course(format!("{origin}: {e}")))?;
        manifest.validate(origin)?;
        Ok(manifest)
    }

    fn validate(&self, origin: &str) -> Result<(), UserError> {
        let problem = |msg: String| Err(UserError::Course(format!("{origin}: {msg}")));
        if self.days.is_empty() {
            return problem("the course has no [[days]]".into());
        }
        for (index, day) in self.days.iter().enumerate() {
            let expected = index as u32 + 1;
            if day.number != expected {
                return problem(format!(
                    "day number {} is out of order: expected {expected} (days are listed 1, 2, 3, …)",
                    day.number
                ));
            }
            if !self.weeks.is_empty() && !self.weeks.iter().any(|w| w.number == day.week) {
                return problem(format!(
                    "day {} is in week {}, which has no [[weeks]] entry",
                    day.number, day.week
                ));
            }
            if let Some(tool) = day.tools.iter().find(|t| !self.tools.contains_key(*t)) {
                return problem(format!(
                    "day {} needs tool `{tool}`, which has no [tools.{tool}] table",
                    day.number
                ));
            }
            if day.slug.is_empty()
                || !day
                    .slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return problem(format!(
                    "day {} has slug `{}`: use lowercase letters, digits and dashes",
                    day.number, day.slug
                ));
            }
        }
        for prompt in &self.prompts {
            if prompt.name.is_empty()
                || !prompt
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return problem(format!(
                    "prompt name `{}` must be lowercase letters, digits and underscores",
                    prompt.name
                ));
            }
            // The checks `bec new` makes of every answer, made here of the course's own pattern
            // and default, so `bec course check` finds what `bec new` would refuse.
            if let Some(pattern) = &prompt.pattern {
                crate::answers::compile_pattern(prompt, pattern)
                    .map_err(|e| UserError::Course(format!("{origin}: {e}")))?;
            }
            if let Some(default) = &prompt.default
                && let Err(error) = crate::answers::validate(prompt, default)
            {
                return problem(format!(
                    "prompt `{}` has default `{}`, which the prompt itself refuses ({error})",
                    prompt.name,
                    crate::printable::printable(default)
                ));
            }
        }
        // The identity of the template commits, made as `bec new` makes it.
        if let Err(error) = crate::repo::signature(&self.commit.name, &self.commit.email, Timestamp(0)) {
            return problem(format!(
                "[commit] name `{}` and email `{}` cannot sign a git commit: {}",
                crate::printable::printable(&self.commit.name),
                crate::printable::printable(&self.commit.email),
                error.message()
            ));
        }
        for (name, tool) in &self.tools {
            if tool.check.is_empty() {
                return problem(format!("[tools.{name}] has an empty `check` command"));
            }
            if tool.running.as_ref().is_some_and(Vec::is_empty) {
                return problem(format!("[tools.{name}] has an empty `running` command"));
            }
            if let Some(min) = &tool.min_version
                && crate::ops::doctor::parse_version(min).is_none()
            {
                return problem(format!(
                    "[tools.{name}] has min_version `{min}`, which is not a version such as \"3.11\""
                ));
            }
        }
        Ok(())
    }

    pub fn last_day(&self) -> u32 {
        self.days.len() as u32
    }

    pub fn day(&self, number: u32) -> Option<&DayInfo> {
        number.checked_sub(1).and_then(|i| self.days.get(i as usize))
    }

    pub fn week_title(&self, number: u32) -> Option<&str> {
        self.weeks.iter().find(|w| w.number == number).map(|w| w.title.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
format_version = 1
[course]
id = "c"
title = "C"
version = "1"
[commit]
name = "n"
email = "e@x"
[[days]]
number = 1
slug = "one"
title = "One"
week = 1
"#;

    #[test]
    fn parses_a_minimal_manifest() {
        let m = Manifest::parse(MINIMAL, "course.toml").unwrap();
        assert_eq!(m.last_day(), 1);
        assert_eq!(m.day(1).unwrap().title, "One");
        assert!(m.day(2).is_none());
    }

    #[test]
    fn refuses_a_newer_format() {
        let text = MINIMAL.replace("format_version = 1", "format_version = 2");
        assert!(matches!(
            Manifest::parse(&text, "c"),
            Err(UserError::FormatTooNew { found: 2, known: 1 })
        ));
        let huge = MINIMAL.replace("format_version = 1", "format_version = 99999999999");
        let error = Manifest::parse(&huge, "c").unwrap_err();
        assert!(error.to_string().contains("format_version 99999999999,"), "{error}");
    }

    #[test]
    fn names_unknown_fields_and_bad_order() {
        let typo = MINIMAL.replace("slug = \"one\"", "slug = \"one\"\ntitel = \"x\"");
        assert!(Manifest::parse(&typo, "c").unwrap_err().to_string().contains("titel"));
        let order = MINIMAL.replace("number = 1", "number = 2");
        assert!(
            Manifest::parse(&order, "c")
                .unwrap_err()
                .to_string()
                .contains("out of order")
        );
    }

    fn prompt_problem(prompt: &str) -> String {
        let text = format!("{MINIMAL}\n[[prompts]]\nname = \"p\"\nquestion = \"Q\"\n{prompt}\n");
        Manifest::parse(&text, "c").unwrap_err().to_string()
    }

    #[test]
    fn prompts_bec_new_would_refuse_are_refused_here() {
        assert!(prompt_problem("pattern = \"^[a-z\"").contains("prompt `p` has an invalid pattern"));
        let default = prompt_problem("pattern = \"^[a-z]+$\"\ndefault = \"Not Valid\"");
        assert!(
            default.contains("prompt `p` has default `Not Valid`, which the prompt itself refuses"),
            "{default}"
        );
        let choice = prompt_problem("choices = [\"a\", \"b\"]\ndefault = \"c\"");
        assert!(choice.contains("not one of: a, b"), "{choice}");
        assert!(prompt_problem("default = \"\"").contains("it is empty"));
    }

    #[test]
    fn a_commit_identity_git_refuses_is_refused() {
        for (name, email) in [("", "e@x"), ("n", ""), ("<n>", "e@x"), ("n", "<e@x>")] {
            let text = MINIMAL
                .replace("name = \"n\"", &format!("name = \"{name}\""))
                .replace("email = \"e@x\"", &format!("email = \"{email}\""));
            let error = Manifest::parse(&text, "c").unwrap_err().to_string();
            assert!(error.contains("cannot sign a git commit"), "{name} {email}: {error}");
        }
    }
}
