//! Handlebars' errors, told as plain sentences with the file's line: a block never closed or
//! closed by the wrong tag, a `{{` never closed, an unknown variable (with the known name it was
//! probably meant to be), an unknown helper or partial. No Rust debug text reaches the user.
//!
//! Handlebars stops at the first unknown variable; [`unknown_variables`] renders again with a
//! stand-in for each one found, so a file's every unknown variable is reported in one run.

use handlebars::{RenderError, RenderErrorReason, TemplateError, TemplateErrorReason};
use serde_json::{Map, Value};

use crate::error::UserError;

/// How many unknown variables of one file are reported (each costs a render).
const MAX_UNKNOWN: usize = 50;

/// A problem at a line of a template.
fn at(file: &str, line: Option<usize>, problem: String) -> UserError {
    UserError::Template {
        file: file.to_string(),
        location: line.map(|l| format!(":{l}")).unwrap_or_default(),
        problem,
    }
}

/// The error of a template Handlebars cannot compile. The file's own block structure explains
/// most syntax errors better than the parser's list of expected tokens.
pub fn compile_error(file: &str, source: &str, error: &TemplateError) -> UserError {
    if let Some((line, problem)) = block_problem(source) {
        return at(file, Some(line), problem);
    }
    let line = error.pos().map(|(line, _)| line);
    let problem = match error.reason() {
        TemplateErrorReason::MismatchingClosedHelper(open, close)
        | TemplateErrorReason::MismatchingClosedDecorator(open, close) => {
            format!("`{{{{/{close}}}}}` closes a block, but the block open here is `{{{{#{open}}}}}`")
        }
        TemplateErrorReason::InvalidParam(param) => format!("`{param}` is not a valid parameter"),
        TemplateErrorReason::NestedSubexpression => "sub-expressions cannot be nested here".to_string(),
        _ => {
            let column = error.pos().map(|(_, c)| format!(", column {c}")).unwrap_or_default();
            format!(
                "this is not valid Handlebars{column}: check the `{{{{…}}}}` tags on this line \
                 (a missing `}}}}`, a stray character, an unknown kind of tag)"
            )
        }
    };
    at(file, line, problem)
}

/// The first problem in the nesting of a template's blocks, with its line: a block never
/// closed, closed by another name, a close without a block, a `{{` without `}}`.
pub fn block_problem(source: &str) -> Option<(usize, String)> {
    let line_of = |at: usize| source[..at].matches('\n').count() + 1;
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut rest = 0;
    while let Some(found) = source[rest..].find("{{") {
        let start = rest + found;
        if source[..start].ends_with('\\') {
            rest = start + 2;
            continue;
        }
        let tail = &source[start..];
        let end_marker = if tail.starts_with("{{!--") {
            "--}}"
        } else if tail.starts_with("{{{{") {
            "}}}}"
        } else {
            "}}"
        };
        let Some(close) = tail[2..].find(end_marker).map(|i| i + 2) else {
            return Some((
                line_of(start),
                format!("`{{{{` at line {} is never closed with `}}}}`", line_of(start)),
            ));
        };
        rest = start + close + end_marker.len();
        if tail.starts_with("{{!") || tail.starts_with("{{{{") {
            // comments and raw blocks hold no tags; a raw block's body is skipped to its end
            if tail.starts_with("{{{{") && !tail.starts_with("{{{{/") {
                if let Some(body_end) = source[rest..].find("{{{{/") {
                    let closing = rest + body_end;
                    rest = source[closing..].find("}}}}").map_or(source.len(), |e| closing + e + 4);
                } else {
                    let line = line_of(start);
                    return Some((line, format!("the raw block opened at line {line} is never closed")));
                }
            }
            continue;
        }
        let tag = tail[2..close]
            .trim_start_matches(['{', '~'])
            .trim_end_matches(['}', '~'])
            .trim();
        let name = |text: &str| -> String {
            let text = text.trim_start_matches(['>', '*']).trim_start();
            text.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
                .next()
                .unwrap_or("")
                .to_string()
        };
        if let Some(block) = tag.strip_prefix('#') {
            open.push((name(block.trim_start()), line_of(start)));
        } else if let Some(inverse) = tag.strip_prefix('^') {
            if !inverse.trim().is_empty() {
                open.push((name(inverse.trim_start()), line_of(start)));
            }
        } else if let Some(closing) = tag.strip_prefix('/') {
            let closing = name(closing.trim_start());
            let line = line_of(start);
            match open.pop() {
                None => {
                    return Some((
                        line,
                        format!("`{{{{/{closing}}}}}` at line {line} closes no open block"),
                    ));
                }
                Some((opened, opened_at)) if opened != closing => {
                    return Some((
                        line,
                        format!(
                            "`{{{{/{closing}}}}}` at line {line} cannot close `{{{{#{opened}}}}}`, opened at line \
                             {opened_at}: close that block first with `{{{{/{opened}}}}}`"
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
    }
    open.pop().map(|(name, line)| {
        (
            line,
            format!("`{{{{#{name}}}}}` opened at line {line} is never closed: add `{{{{/{name}}}}}` where it ends"),
        )
    })
}

/// The error of a template that compiled but did not render.
pub fn render_error(file: &str, error: &RenderError, context: &Value) -> UserError {
    let problem = match error.reason() {
        RenderErrorReason::MissingVariable(Some(path)) => unknown_variable(path, context),
        RenderErrorReason::MissingVariable(None) => {
            "a value used here is not defined (check the parameters of the helpers on this line)".to_string()
        }
        RenderErrorReason::HelperNotFound(name) => format!(
            "`{name}` is not a Handlebars helper (bec adds none of its own: if, unless, each, with, lookup, \
             eq, ne, gt, gte, lt, lte, and, or, not, len)"
        ),
        RenderErrorReason::PartialNotFound(name) | RenderErrorReason::TemplateNotFound(name) => {
            format!("partial `{name}` is not defined in this file")
        }
        RenderErrorReason::ParamNotFoundForIndex(helper, index) => {
            format!("`{helper}` needs a parameter at position {}", index + 1)
        }
        RenderErrorReason::ParamNotFoundForName(helper, name) => format!("`{helper}` needs the parameter `{name}`"),
        RenderErrorReason::InvalidParamType(kind) => format!("a helper parameter must be {kind}"),
        RenderErrorReason::BlockContentRequired => "this helper must be used as a block".to_string(),
        other => other.to_string(),
    };
    at(file, error.line_no, problem)
}

/// "unknown variable `autor_name` (did you mean `author_name`?)".
fn unknown_variable(path: &str, context: &Value) -> String {
    let mut known = Vec::new();
    known_paths(context, "", &mut known);
    match closest(path, &known) {
        Some(best) => format!("unknown variable `{path}` (did you mean `{best}`?)"),
        None => format!("unknown variable `{path}`"),
    }
}

/// Every unknown variable `render` meets: after each, `render` runs again with a stand-in for
/// it, until it succeeds, fails otherwise, or a variable cannot be stood in for (a `this.…` or
/// `../…` inside a block). Each error carries its own line.
pub fn unknown_variables<F>(file: &str, context: &Value, first: &RenderError, mut render: F) -> Vec<UserError>
where
    F: FnMut(&Value) -> Result<String, RenderError>,
{
    let mut errors = vec![render_error(file, first, context)];
    let mut patched = context.clone();
    let mut last = first_missing(first);
    while let Some(path) = last.take() {
        if errors.len() >= MAX_UNKNOWN || !stand_in(&mut patched, &path) {
            break;
        }
        match render(&patched) {
            Ok(_) => break,
            Err(error) => {
                let missing = first_missing(&error);
                if missing.as_deref() == Some(path.as_str()) {
                    break;
                }
                errors.push(render_error(file, &error, context));
                last = missing;
            }
        }
    }
    errors
}

fn first_missing(error: &RenderError) -> Option<String> {
    match error.reason() {
        RenderErrorReason::MissingVariable(Some(path)) => Some(path.clone()),
        _ => None,
    }
}

/// Puts an empty string at `path` (`a.b.c`) of `context`; false when the path is relative to a
/// block (`this.x`, `../x`, `@index`) or runs into a value that is not an object.
fn stand_in(context: &mut Value, path: &str) -> bool {
    let plain = |s: &&str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if let Some(key) = path.strip_prefix("this.")
        && plain(&key)
    {
        return stand_in_items(context, key);
    }
    let segments: Vec<&str> = path.split('.').collect();
    if !segments.iter().all(plain) {
        return false;
    }
    let mut here = context;
    for (i, segment) in segments.iter().enumerate() {
        let Some(map) = here.as_object_mut() else { return false };
        if i + 1 == segments.len() {
            map.insert(segment.to_string(), Value::String(String::new()));
            return true;
        }
        here = map
            .entry(segment.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    false
}

/// Puts an empty string at `key` of every object in every array of `value` (a `this.key` inside
/// an `{{#each}}`); false when there is no such object.
fn stand_in_items(value: &mut Value, key: &str) -> bool {
    let mut done = false;
    match value {
        Value::Object(map) => {
            for item in map.values_mut() {
                done |= stand_in_items(item, key);
            }
        }
        Value::Array(items) => {
            for item in items {
                if let Value::Object(map) = item {
                    map.entry(key.to_string()).or_insert(Value::String(String::new()));
                    done = true;
                }
                done |= stand_in_items(item, key);
            }
        }
        _ => {}
    }
    done
}

/// The dotted paths of `value`'s objects; the keys of array items count as `this.key`
/// and `key` (how a block over the array names them).
fn known_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.push(path.clone());
                known_paths(item, &path, out);
            }
        }
        Value::Array(items) => {
            if let Some(Value::Object(map)) = items.first() {
                for key in map.keys() {
                    out.push(key.clone());
                    out.push(format!("this.{key}"));
                }
            }
        }
        _ => {}
    }
}

/// The known path closest to `wanted`, when it is close enough to be a typo.
fn closest<'a>(wanted: &str, known: &'a [String]) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).clamp(1, 3);
    known
        .iter()
        .filter(|k| k.as_str() != wanted)
        .map(|k| (edit_distance(wanted, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, k)| (*d, k.len()))
        .map(|(_, k)| k.as_str())
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push((previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_line_of_a_block_never_closed() {
        let (line, problem) = block_problem("line\nline\n{{#if track}}\nnever closed\n").unwrap();
        assert_eq!(line, 3);
        assert_eq!(
            problem,
            "`{{#if}}` opened at line 3 is never closed: add `{{/if}}` where it ends"
        );
    }

    #[test]
    fn names_a_block_closed_by_another_name_or_not_open() {
        let (line, problem) = block_problem("{{#if x}}\n{{#each y}}\n{{/if}}\n").unwrap();
        assert_eq!(line, 3);
        assert!(
            problem.contains("`{{/if}}` at line 3 cannot close `{{#each}}`, opened at line 2"),
            "{problem}"
        );
        let (_, problem) = block_problem("text\n{{/each}}").unwrap();
        assert!(
            problem.contains("`{{/each}}` at line 2 closes no open block"),
            "{problem}"
        );
        let (line, problem) = block_problem("a\n{{ broken\n").unwrap();
        assert_eq!(
            (line, problem.as_str()),
            (2, "`{{` at line 2 is never closed with `}}`")
        );
    }

    #[test]
    fn balanced_templates_have_no_block_problem() {
        for good in [
            "{{#if a}}{{else}}{{/if}}",
            "{{#each days}}{{this.title}}{{/each}}",
            "{{^if a}}x{{/if}}",
            "{{!-- {{#if}} --}}{{! {{#each}}}}",
            "{{{{raw}}}}{{#if}}{{{{/raw}}}}",
            "\\{{#if}} escaped",
            "{{~#if a~}}x{{~/if~}}",
            "{{#*inline \"p\"}}x{{/inline}}{{> p}}",
        ] {
            assert_eq!(block_problem(good), None, "{good}");
        }
    }

    #[test]
    fn suggests_the_closest_known_variable() {
        let context = serde_json::json!({
            "author_name": "A", "day": { "title": "T", "number": 1 }, "days": [{ "title": "T" }]
        });
        assert_eq!(
            unknown_variable("autor_name", &context),
            "unknown variable `autor_name` (did you mean `author_name`?)"
        );
        assert_eq!(
            unknown_variable("day.titel", &context),
            "unknown variable `day.titel` (did you mean `day.title`?)"
        );
        assert_eq!(
            unknown_variable("zzz_unrelated", &context),
            "unknown variable `zzz_unrelated`"
        );
    }

    #[test]
    fn stands_in_for_plain_paths_only() {
        let mut context = serde_json::json!({ "a": { "b": 1 }, "s": "x" });
        assert!(stand_in(&mut context, "a.c"));
        assert!(stand_in(&mut context, "new.deep.path"));
        assert_eq!(context["new"]["deep"]["path"], "");
        assert!(!stand_in(&mut context, "s.x"));
        assert!(!stand_in(&mut context, "this.x"), "no array to stand in");
        let mut with_items = serde_json::json!({ "days": [{ "n": 1 }, { "n": 2 }] });
        assert!(stand_in(&mut with_items, "this.x"));
        assert_eq!(with_items["days"][1]["x"], "");
        assert!(!stand_in(&mut context, "../x"));
    }
}
