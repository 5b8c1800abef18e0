//! Turns course files into the files of a learner repo, in memory.
//!
//! `.hbs` files are Handlebars templates (strict, no HTML escaping, suffix dropped); other files are
//! copied byte for byte. Solution regions are applied to every UTF-8 file first. Path segments
//! may hold `{{var}}`; a rendered path that would leave the repo is refused. Templates are checked
//! against [`crate::template_limits`] first, so none can overflow the stack.

use std::collections::BTreeMap;

use handlebars::Handlebars;
use serde_json::Value;

use crate::course::{Course, SourceFile};
use crate::day_id::day_dir;
use crate::error::UserError;
use crate::regions::{self, Variant};
use crate::template_errors;

/// One file of a rendered repo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    pub bytes: Vec<u8>,
    pub executable: bool,
}

/// A rendered repo: `/`-separated relative paths to contents, in path order.
pub type RenderedTree = BTreeMap<String, RenderedFile>;

/// What to render.
#[derive(Debug, Clone)]
pub struct RenderPlan {
    /// The day folders to include, ascending.
    pub days: Vec<u32>,
    pub variant: Variant,
    /// Variables for templates (answers, course, days…); `day` is added per day folder.
    pub context: Value,
}

/// A folder of the course rendered into the repo.
struct Source {
    /// Where its files are in the course: `root/`, `days/day12/`, `shared/services/`.
    prefix: String,
    /// Where they land in the repo: ``, `day12/`, `day12/services/`.
    target: String,
    context: Value,
    /// Files already rendered at the same path win over these (an include under the day's own).
    overridable: bool,
    variant: Variant,
}

/// Renders root files plus the plan's days. Every error found is returned, not only the first.
pub fn render(course: &Course, plan: &RenderPlan) -> Result<RenderedTree, Vec<UserError>> {
    let mut handlebars = Handlebars::new();
    handlebars.set_strict_mode(true);
    handlebars.register_escape_fn(handlebars::no_escape);

    let mut out = RenderedTree::new();
    // Which course file each rendered path comes from, to name it in errors.
    let mut origins: BTreeMap<String, String> = BTreeMap::new();
    let mut errors = Vec::new();

    let mut sources = vec![Source {
        prefix: "root/".to_string(),
        target: String::new(),
        context: plan.context.clone(),
        overridable: false,
        variant: plan.variant,
    }];
    for &day in &plan.days {
        let mut context = plan.context.clone();
        if let (Some(map), Ok(info)) = (context.as_object_mut(), course.day(day)) {
            map.insert(
                "day".into(),
                serde_json::json!({
                    "number": day, "dir": day_dir(day), "title": info.title, "week": info.week,
                    "topics": info.topics, "hands_on": info.hands_on, "slug": info.slug,
                }),
            );
        }
        sources.push(Source {
            prefix: Course::day_prefix(day),
            target: format!("{}/", day_dir(day)),
            context: context.clone(),
            overridable: false,
            variant: plan.variant,
        });
        // Shared folders the day includes: the day's own files at the same paths win.
        let has_config = course.files.contains(&format!("{}day.toml", Course::day_prefix(day)));
        let includes = match course.day_config(day) {
            Ok(config) => config.include,
            Err(error) => {
                if has_config {
                    errors.push(error);
                }
                Vec::new()
            }
        };
        for include in &includes {
            let from = format!("{}/", include.from.trim_end_matches('/'));
            let to = format!("{}/{}/", day_dir(day), include.to.trim_matches('/'));
            if course.files.under(&from).next().is_none() {
                errors.push(UserError::Course(format!(
                    "{}day.toml includes `{}`, which holds no files in the course",
                    Course::day_prefix(day),
                    include.from
                )));
            }
            sources.push(Source {
                prefix: from,
                target: to,
                context: context.clone(),
                overridable: true,
                variant: if include.solution {
                    Variant::Solution
                } else {
                    plan.variant
                },
            });
        }
    }

    // Target prefixes are safe by construction (`dayNN/`, and include targets are checked when
    // day.toml is read); render_path checks the rest of every path.
    for Source {
        prefix,
        target: target_prefix,
        context,
        overridable,
        variant,
    } in &sources
    {
        for (source_path, file) in course.files.under(prefix) {
            let relative = &source_path[prefix.len()..];
            let is_template = relative.ends_with(".hbs");
            let path_template = relative.strip_suffix(".hbs").unwrap_or(relative);
            let full = match render_path(&mut handlebars, source_path, path_template, context) {
                Ok(path) => format!("{target_prefix}{path}"),
                Err(found) => {
                    errors.extend(found);
                    continue;
                }
            };
            if *overridable && out.contains_key(&full) {
                continue;
            }
            if let Some(problem) = state_file_problem(&full) {
                errors.push(UserError::UnsafePath {
                    file: source_path.to_string(),
                    rendered: full,
                    problem: problem.into(),
                });
                continue;
            }
            match render_contents(&mut handlebars, source_path, is_template, file, *variant, context) {
                Ok(rendered) => {
                    origins.insert(full.clone(), source_path.to_string());
                    if out.insert(full.clone(), rendered).is_some() {
                        errors.push(UserError::UnsafePath {
                            file: source_path.to_string(),
                            rendered: full,
                            problem: "is also produced by another course file; rename one of them".into(),
                        });
                    }
                }
                Err(found) => errors.extend(found),
            }
        }
    }
    errors.extend(file_folder_clashes(&origins));
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// A rendered path that is also a folder of another rendered path (`day03/app` and
/// `day03/app/main.py`): git cannot hold both, so one of the two files would be lost.
fn file_folder_clashes(origins: &BTreeMap<String, String>) -> Vec<UserError> {
    let mut errors = Vec::new();
    for (path, source) in origins {
        let mut folder = path.as_str();
        while let Some((parent, _)) = folder.rsplit_once('/') {
            if let Some(file_source) = origins.get(parent) {
                errors.push(UserError::UnsafePath {
                    file: source.clone(),
                    rendered: path.clone(),
                    problem: format!(
                        "lies inside `{parent}`, which {file_source} renders as a file; rename one of them"
                    ),
                });
                break;
            }
            folder = parent;
        }
    }
    errors
}

/// Why a course file may not render to `path`, when it is a `bec.toml`: at the root it is bec's
/// own state file; in a folder, bec would take that folder for the repo root.
fn state_file_problem(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if !name.eq_ignore_ascii_case(crate::state::STATE_FILE) {
        None
    } else if path == name {
        Some("is written by bec itself; remove it from the course")
    } else {
        Some("is the name of bec's state file: bec run in that folder would stop working; rename it")
    }
}

/// Turns a list of errors from [`render`] into one error for commands that stop at the first
/// problem but should still show them all.
pub fn combine(mut errors: Vec<UserError>) -> UserError {
    if errors.len() == 1 {
        return errors.remove(0);
    }
    let lines: Vec<String> = errors.iter().map(|e| format!("  - {e}")).collect();
    UserError::Course(format!(
        "{} problems in the course templates:\n{}",
        errors.len(),
        lines.join("\n")
    ))
}

/// A file's contents: solution regions applied to UTF-8 text, then Handlebars for templates.
fn render_contents(
    handlebars: &mut Handlebars<'static>,
    source_path: &str,
    is_template: bool,
    file: &SourceFile,
    variant: Variant,
    context: &Value,
) -> Result<RenderedFile, Vec<UserError>> {
    let bytes = match std::str::from_utf8(&file.bytes) {
        Ok(text) => {
            let text = if regions::has_regions(text) {
                regions::apply(text, variant).map_err(|e| {
                    vec![UserError::Template {
                        file: source_path.to_string(),
                        location: format!(":{}", e.line),
                        problem: e.problem.to_string(),
                    }]
                })?
            } else {
                text.to_string()
            };
            if is_template {
                render_text(handlebars, source_path, &text, context)?.into_bytes()
            } else {
                text.into_bytes()
            }
        }
        Err(_) if is_template => {
            return Err(vec![UserError::Template {
                file: source_path.to_string(),
                location: String::new(),
                problem: "a .hbs template must be UTF-8 text; drop the .hbs suffix to copy the file as it is".into(),
            }]);
        }
        Err(_) => file.bytes.to_vec(),
    };
    Ok(RenderedFile {
        bytes,
        executable: file.executable,
    })
}

fn render_text(
    handlebars: &mut Handlebars<'static>,
    name: &str,
    text: &str,
    context: &Value,
) -> Result<String, Vec<UserError>> {
    crate::template_limits::check_template(name, text).map_err(|e| vec![e])?;
    handlebars
        .register_template_string(name, text)
        .map_err(|e| vec![template_errors::compile_error(name, text, &e)])?;
    let result = handlebars.render(name, context).map_err(|first| {
        template_errors::unknown_variables(name, context, &first, |patched| handlebars.render(name, patched))
    });
    handlebars.unregister_template(name);
    result
}

fn render_path(
    handlebars: &mut Handlebars<'static>,
    source_path: &str,
    path: &str,
    context: &Value,
) -> Result<String, Vec<UserError>> {
    let mut segments = Vec::new();
    for segment in path.split('/') {
        let rendered = if segment.contains("{{") {
            render_text(handlebars, &format!("{source_path} (path)"), segment, context)?
        } else {
            segment.to_string()
        };
        segments.push(rendered);
    }
    let rendered = segments.join("/");
    check_safe_path(source_path, &rendered).map_err(|e| vec![e])?;
    Ok(rendered)
}

/// A rendered path must stay inside the repo: relative, no `.`/`..`/empty segments, no `.git`.
pub fn check_safe_path(source_path: &str, rendered: &str) -> Result<(), UserError> {
    let unsafe_path = |problem: &str| UserError::UnsafePath {
        file: source_path.to_string(),
        rendered: rendered.to_string(),
        problem: problem.to_string(),
    };
    if rendered.starts_with('/') || rendered.contains('\\') || rendered.contains(':') {
        return Err(unsafe_path("is absolute or not portable (no leading /, no \\ or :)"));
    }
    for segment in rendered.split('/') {
        match segment {
            "" => return Err(unsafe_path("has an empty path segment (a variable rendered empty?)")),
            "." | ".." => return Err(unsafe_path("would leave the target folder")),
            s if names_git_folder(s) => {
                return Err(unsafe_path(
                    "would write inside the repo's .git folder (`.GIT`, `.git.` and `git~1` name it too on some systems)",
                ));
            }
            s if s.chars().any(char::is_control) => return Err(unsafe_path("contains a control character")),
            s if s.ends_with(['.', ' ']) => {
                return Err(unsafe_path(
                    "is not portable: Windows drops a trailing `.` or space from names",
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Whether some file system takes `segment` for `.git`: any case, trailing dots and spaces
/// (Windows), the short name `git~1` (Windows), invisible characters inside (macOS). git refuses
/// to write such paths into a tree, so `bec new` would fail on them.
fn names_git_folder(segment: &str) -> bool {
    let visible: String = segment
        .chars()
        .filter(
            |c| !matches!(c, '\u{200c}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{206a}'..='\u{206f}' | '\u{feff}'),
        )
        .collect();
    visible.trim_end_matches(['.', ' ']).eq_ignore_ascii_case(".git") || segment.eq_ignore_ascii_case("git~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_is_both_a_file_and_a_folder_is_refused() {
        let origins: BTreeMap<String, String> = [
            ("day03/app", "days/day03/app"),
            ("day03/app-notes.md", "days/day03/app-notes.md"),
            ("day03/app/main.py", "days/day03/app/main.py"),
            ("day03/application.py", "days/day03/application.py"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let errors = file_folder_clashes(&origins);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let message = errors[0].to_string();
        assert!(message.contains("days/day03/app/main.py"), "{message}");
        assert!(message.contains("lies inside `day03/app`"), "{message}");
    }

    #[test]
    fn unsafe_paths_are_refused() {
        for bad in [
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a//b",
            ".git/config",
            "a\\b",
            "C:/x",
            "./a",
            ".GIT/config",
            "a/.Git/hooks/x",
            ".git./config",
            ".git ./x",
            "GIT~1/config",
            ".g\u{200c}it/config",
            "a/b\tc",
            "notes.",
        ] {
            assert!(check_safe_path("src", bad).is_err(), "{bad}");
        }
        for good in [
            "a",
            "day01/app/main.py",
            ".github/workflows/ci.yml",
            "a..b/c",
            ".gitignore",
            ".git-blame-ignore-revs",
            "git~2",
        ] {
            assert!(check_safe_path("src", good).is_ok(), "{good}");
        }
    }
}
