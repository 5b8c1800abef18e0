//! `bec course diff DIR`: what a course folder changes against the built-in course.
//!
//! A folder that extends the built-in course holds only the files it changes; a full course (an
//! export, edited) holds them all, and a built-in file it lacks is a file it removes. Files
//! identical to the built-in ones are counted, and listed only when asked. `course.toml` is
//! compared key by key after merging, as bec loads it: an extending manifest that sets one key
//! changes one key, however few lines it has.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use similar::TextDiff;

use crate::course::{CourseFiles, effective_manifest_table, manifest_extends, manifest_table};
use crate::error::UserError;

const MANIFEST: &str = "course.toml";

#[derive(Debug)]
pub enum Change {
    /// The folder replaces a built-in file; `diff` is a unified diff for text files.
    Overrides { path: String, diff: Option<String> },
    /// The folder adds a file the built-in course does not have.
    Adds { path: String },
    /// A full course folder lacks a built-in file.
    Removes { path: String },
    /// The folder holds a copy identical to the built-in file.
    Same { path: String },
}

/// One key of the merged manifest that differs from the built-in manifest; values are TOML.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyChange {
    Changed { key: String, old: String, new: String },
    Added { key: String, new: String },
    Removed { key: String, old: String },
}

#[derive(Debug)]
pub struct CourseDiff {
    /// The folder says `extends = "builtin"`.
    pub extends: bool,
    /// The files other than course.toml, in path order.
    pub files: Vec<Change>,
    /// The manifest keys that differ, in the built-in manifest's order, then the added ones.
    pub manifest: Vec<KeyChange>,
}

pub fn diff(dir: &Path) -> Result<CourseDiff> {
    let own = CourseFiles::from_dir(dir)?;
    let origin = dir.join(MANIFEST).display().to_string();
    let own_manifest = own
        .get(MANIFEST)
        .ok_or_else(|| UserError::Course(format!("{} has no course.toml", dir.display())))?;
    let own_text = std::str::from_utf8(&own_manifest.bytes)
        .map_err(|_| UserError::Course(format!("{origin} is not UTF-8 text")))?;
    let extends = manifest_extends(own_text, &origin)?.is_some();
    let base = CourseFiles::built_in();
    let base_text = base
        .get(MANIFEST)
        .and_then(|f| std::str::from_utf8(&f.bytes).ok())
        .ok_or_else(|| UserError::Course("the built-in course.toml is missing".into()))?;
    let merged = effective_manifest_table(extends.then_some(base_text), own_text, &origin)?;
    let manifest = compare_tables(&manifest_table(base_text, "built-in course.toml")?, &merged);

    let mut files = Vec::new();
    for (path, file) in own.iter().filter(|(path, _)| *path != MANIFEST) {
        match base.get(path) {
            None => files.push(Change::Adds { path: path.to_string() }),
            Some(original) if original.bytes == file.bytes => files.push(Change::Same { path: path.to_string() }),
            Some(original) => files.push(Change::Overrides {
                path: path.to_string(),
                diff: text_diff(path, &original.bytes, &file.bytes),
            }),
        }
    }
    if !extends {
        for (path, _) in base.iter().filter(|(path, _)| !own.contains(path)) {
            files.push(Change::Removes { path: path.to_string() });
        }
        files.sort_by(|a, b| path_of(a).cmp(path_of(b)));
    }
    Ok(CourseDiff {
        extends,
        files,
        manifest,
    })
}

fn path_of(change: &Change) -> &str {
    match change {
        Change::Overrides { path, .. } | Change::Adds { path } | Change::Removes { path } | Change::Same { path } => {
            path
        }
    }
}

fn text_diff(path: &str, old: &[u8], new: &[u8]) -> Option<String> {
    let (old, new) = (std::str::from_utf8(old).ok()?, std::str::from_utf8(new).ok()?);
    Some(
        TextDiff::from_lines(old, new)
            .unified_diff()
            .context_radius(2)
            .header(&format!("built-in/{path}"), &format!("course/{path}"))
            .to_string(),
    )
}

/// The keys of two manifests that differ.
pub fn compare_tables(base: &toml::Table, new: &toml::Table) -> Vec<KeyChange> {
    let (mut old_keys, mut new_keys) = (Vec::new(), Vec::new());
    flatten_table(base, "", &mut old_keys);
    flatten_table(new, "", &mut new_keys);
    let new_map: BTreeMap<&str, &str> = new_keys.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let old_map: BTreeMap<&str, &str> = old_keys.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut changes = Vec::new();
    for (key, old) in &old_keys {
        match new_map.get(key.as_str()) {
            None => changes.push(KeyChange::Removed {
                key: key.clone(),
                old: old.clone(),
            }),
            Some(new) if new != old => changes.push(KeyChange::Changed {
                key: key.clone(),
                old: old.clone(),
                new: new.to_string(),
            }),
            Some(_) => {}
        }
    }
    for (key, new) in &new_keys {
        if !old_map.contains_key(key.as_str()) {
            changes.push(KeyChange::Added {
                key: key.clone(),
                new: new.clone(),
            });
        }
    }
    changes
}

/// `(dotted key, TOML value)` of every leaf: `course.version`, `days[3].title` (entries of
/// `[[days]]`/`[[weeks]]` by `number`, `[[prompts]]` by `name`), arrays of plain values whole.
fn flatten_table(table: &toml::Table, prefix: &str, out: &mut Vec<(String, String)>) {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten_table(inner, &path, out),
            toml::Value::Array(items) if !items.is_empty() && items.iter().all(toml::Value::is_table) => {
                for (index, item) in items.iter().enumerate() {
                    let id = ["number", "name"]
                        .iter()
                        .find_map(|id| item.get(id))
                        .map(|v| match v {
                            toml::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .unwrap_or_else(|| format!("#{}", index + 1));
                    if let toml::Value::Table(inner) = item {
                        flatten_table(inner, &format!("{path}[{id}]"), out);
                    }
                }
            }
            other => out.push((path, other.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> toml::Table {
        text.parse().unwrap()
    }

    #[test]
    fn compares_keys_not_lines() {
        let base = table(
            "[course]\nid = \"c\"\nversion = \"0.1.0\"\n[[days]]\nnumber = 1\ntitle = \"One\"\ntopics = [\"a\"]\n\
             [[days]]\nnumber = 2\ntitle = \"Two\"\n",
        );
        let new = table(
            "[course]\nid = \"c\"\nversion = \"0.1.0-school.1\"\n[[days]]\nnumber = 1\ntitle = \"One\"\n\
             topics = [\"a\", \"b\"]\n[[days]]\nnumber = 2\ntitle = \"Two\"\nlab = true\n",
        );
        assert_eq!(
            compare_tables(&base, &new),
            vec![
                KeyChange::Changed {
                    key: "course.version".into(),
                    old: "\"0.1.0\"".into(),
                    new: "\"0.1.0-school.1\"".into()
                },
                KeyChange::Changed {
                    key: "days[1].topics".into(),
                    old: "[\"a\"]".into(),
                    new: "[\"a\", \"b\"]".into()
                },
                KeyChange::Added {
                    key: "days[2].lab".into(),
                    new: "true".into()
                },
            ]
        );
        assert!(compare_tables(&base, &base).is_empty());
    }
}
