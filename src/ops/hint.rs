//! `bec hint`: the bullet items of the `## Hints` section of a day's lab sheet, revealed one per
//! call. How many each day has shown is kept in `.git/bec/hints.toml`, inside the git folder and
//! not in `bec.toml`, so asking for a hint never dirties the work tree (which would block
//! `bec next`):
//!
//! ```toml
//! # How many of each day's hints `bec hint` has shown. `bec hint --reset` hides a day's again.
//! [shown]
//! day01 = 2
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::Repository;
use toml_edit::{DocumentMut, Item, Table, value};

use crate::day_id::day_dir;
use crate::error::UserError;
use crate::ops::next::LearnerRepo;
use crate::repo::TEMPLATE_REF;

/// What `bec hint` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintMode {
    /// Reveal the next hint.
    Next,
    /// Reveal every hint.
    All,
    /// Hide them all again.
    Reset,
}

/// Plain options for [`hint`].
#[derive(Debug, Clone)]
pub struct HintOptions {
    /// Any folder inside the learner repo.
    pub start: PathBuf,
    /// Default: the current day.
    pub day: Option<u32>,
    pub mode: HintMode,
}

/// What [`hint`] revealed.
#[derive(Debug)]
pub struct HintReport {
    pub day: u32,
    /// Every hint of the day, in the lab sheet's order.
    pub hints: Vec<String>,
    /// How many were shown before this call.
    pub shown_before: usize,
    /// How many are shown now.
    pub shown: usize,
}

/// Reveals, shows all or hides a day's hints and records how many are shown.
pub fn hint(options: &HintOptions) -> Result<HintReport> {
    let learner = LearnerRepo::open(&options.start)?;
    let day = options.day.unwrap_or(learner.state.current_day);
    if !(learner.state.first_day..=learner.state.current_day).contains(&day) {
        return Err(UserError::Other(format!(
            "{} is not in this repo (it has days {} to {}): run `bec hint {}` for a day you have",
            day_dir(day),
            learner.state.first_day,
            learner.state.current_day,
            learner.state.current_day
        ))
        .into());
    }
    let hints = day_hints(&learner.repo, &learner.root, day);
    let store = HintStore::at(&learner.repo);
    let shown_before = store.shown(day)?.min(hints.len());
    let shown = match options.mode {
        HintMode::Next => (shown_before + 1).min(hints.len()),
        HintMode::All => hints.len(),
        HintMode::Reset => 0,
    };
    if shown != shown_before || options.mode == HintMode::Reset {
        store.set(day, shown)?;
    }
    Ok(HintReport {
        day,
        hints,
        shown_before,
        shown,
    })
}

/// The hints of the work tree's lab sheet, else of the course's copy on `bec/template`.
fn day_hints(repo: &Repository, root: &Path, day: u32) -> Vec<String> {
    let readme = format!("{}/README.md", day_dir(day));
    let from_work_tree = fs::read_to_string(root.join(&readme))
        .map(|text| parse_hints(&text))
        .unwrap_or_default();
    if !from_work_tree.is_empty() {
        return from_work_tree;
    }
    repo.find_reference(TEMPLATE_REF)
        .and_then(|r| r.peel_to_tree())
        .and_then(|tree| tree.get_path(Path::new(&readme)))
        .and_then(|entry| entry.to_object(repo))
        .ok()
        .and_then(|object| object.into_blob().ok())
        .map(|blob| parse_hints(&String::from_utf8_lossy(blob.content())))
        .unwrap_or_default()
}

/// The bullet items (`- ` or `* `) of the `## Hints` section; an item's continuation lines are
/// joined to it.
pub fn parse_hints(markdown: &str) -> Vec<String> {
    let mut hints: Vec<Vec<&str>> = Vec::new();
    let mut inside = false;
    let mut fenced = false;
    for line in markdown.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && trimmed.starts_with('#') {
            let heading = trimmed.trim_start_matches('#').trim();
            let level = trimmed.len() - trimmed.trim_start_matches('#').len();
            if level <= 2 {
                inside = heading.eq_ignore_ascii_case("hints");
                continue;
            }
        }
        if !inside {
            continue;
        }
        if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            hints.push(vec![item.trim()]);
        } else if let Some(current) = hints.last_mut()
            && !trimmed.is_empty()
            && (line.starts_with(' ') || line.starts_with('\t') || fenced)
        {
            current.push(line.strip_prefix("  ").unwrap_or(line).trim_end());
        }
    }
    hints.into_iter().map(|lines| lines.join("\n")).collect()
}

/// `.git/bec/hints.toml`.
struct HintStore {
    path: PathBuf,
}

const HINTS_HEADER: &str =
    "# How many of each day's hints `bec hint` has shown. `bec hint --reset` hides a day's again.\n";

impl HintStore {
    fn at(repo: &Repository) -> HintStore {
        HintStore {
            path: repo.path().join("bec").join("hints.toml"),
        }
    }

    fn read(&self) -> Result<DocumentMut> {
        match fs::read_to_string(&self.path) {
            Ok(text) => text.parse().map_err(|e: toml_edit::TomlError| {
                UserError::Other(format!(
                    "{} is damaged ({}): delete it to start the hints again",
                    self.path.display(),
                    e.to_string().lines().next().unwrap_or("")
                ))
                .into()
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut doc = DocumentMut::new();
                doc.decor_mut().set_prefix(HINTS_HEADER);
                Ok(doc)
            }
            Err(e) => Err(e).with_context(|| format!("cannot read {}", self.path.display())),
        }
    }

    fn shown(&self, day: u32) -> Result<usize> {
        let doc = self.read()?;
        Ok(doc
            .get("shown")
            .and_then(|t| t.get(day_dir(day)))
            .and_then(Item::as_integer)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0))
    }

    fn set(&self, day: u32, shown: usize) -> Result<()> {
        let mut doc = self.read()?;
        if !doc.contains_table("shown") {
            doc["shown"] = Item::Table(Table::new());
        }
        doc["shown"][&day_dir(day)] = value(i64::try_from(shown).unwrap_or(i64::MAX));
        let dir = self.path.parent().expect("has a parent");
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        // written next to it, then renamed: never half a file
        let temp = self.path.with_extension("toml.tmp");
        fs::write(&temp, doc.to_string()).with_context(|| format!("cannot write {}", temp.display()))?;
        fs::rename(&temp, &self.path).with_context(|| format!("cannot write {}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_the_bullets_of_the_hints_section_only() {
        let sheet = "# Day 1\n\n## Steps\n\n- not a hint\n\n## Hints\n\n- First: `urlsplit()`\n  takes a URL apart.\n\
                     - Second.\n\n### Details inside\n\n* Third.\n\n## Reflection\n\n- not a hint either\n";
        assert_eq!(
            parse_hints(sheet),
            ["First: `urlsplit()`\ntakes a URL apart.", "Second.", "Third."]
        );
        assert!(parse_hints("# Day\n\n## Steps\n- x\n").is_empty());
    }

    #[test]
    fn the_count_is_kept_per_day_with_comments() {
        let dir = tempfile::tempdir().unwrap();
        let store = HintStore {
            path: dir.path().join("bec/hints.toml"),
        };
        assert_eq!(store.shown(1).unwrap(), 0);
        store.set(1, 2).unwrap();
        store.set(3, 1).unwrap();
        assert_eq!((store.shown(1).unwrap(), store.shown(3).unwrap()), (2, 1));
        let text = fs::read_to_string(&store.path).unwrap();
        assert!(text.starts_with("# How many"), "{text}");
    }
}
