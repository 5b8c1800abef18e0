//! Limits a course template must stay within before Handlebars compiles and renders it.
//!
//! Handlebars compiles and renders a template by recursion: blocks nested thousands deep, or a
//! partial that calls itself, overflow the stack and abort bec. [`check_template`] reads the
//! template's tags once, linearly, and refuses (naming the file, line and limit):
//!
//! - blocks (`{{#…}}`, `{{^…}}`) and sub-expressions (`(…)`) nested more than [`MAX_DEPTH`] deep;
//! - partials that cannot end: a partial is rendered from the template's own inline partials
//!   (`{{#*inline "name"}}`), since every course file is rendered on its own; a call to any other
//!   name (the file itself included), a computed name, or inline partials that call each other in
//!   a circle are refused, and a chain of partial calls counts towards [`MAX_DEPTH`].

use std::collections::{BTreeMap, BTreeSet};

use crate::error::UserError;

/// How deep blocks, sub-expressions and partial calls may nest in one template.
pub const MAX_DEPTH: usize = 100;

/// A template's name for the partials it may call on itself at the top level.
const TOP: &str = "";

/// Refuses a template Handlebars could not render without overflowing the stack.
pub fn check_template(file: &str, source: &str) -> Result<(), UserError> {
    let shape = Shape::read(source).map_err(|(at, problem)| error(file, source, at, problem))?;
    shape
        .check_partials()
        .map_err(|(at, problem)| error(file, source, at, problem))
}

fn error(file: &str, source: &str, at: usize, problem: String) -> UserError {
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or(before).chars().count() + 1;
    UserError::Template {
        file: file.to_string(),
        location: format!(":{line}:{column}"),
        problem,
    }
}

/// An open block, innermost last.
enum Open {
    Block,
    /// `{{#*inline "name"}}`: the partial being defined.
    Inline(String),
    /// `{{#> name}}`: its body runs inside the partial `name` (as `@partial-block`).
    PartialBlock(String),
}

/// A call of a partial: from which partial, at which nesting depth, at which byte.
struct Call {
    from: String,
    to: String,
    depth: usize,
    at: usize,
}

#[derive(Default)]
struct Shape {
    /// Inline partials defined, with where.
    defined: BTreeMap<String, usize>,
    calls: Vec<Call>,
}

type Problem = (usize, String);

impl Shape {
    fn read(source: &str) -> Result<Shape, Problem> {
        let mut shape = Shape::default();
        let mut open: Vec<Open> = Vec::new();
        let mut rest = 0;
        while let Some(found) = source[rest..].find("{{") {
            let at = rest + found;
            if source[..at].ends_with('\\') {
                rest = at + 2;
                continue;
            }
            let tail = &source[at..];
            // Raw blocks and comments hold text, not tags.
            let skip_to = if tail.starts_with("{{{{") {
                raw_block_end(source, at)
            } else if tail.starts_with("{{!--") {
                tail.find("--}}").map(|end| at + end + 4)
            } else if tail.starts_with("{{!") {
                tail.find("}}").map(|end| at + end + 2)
            } else {
                None
            };
            if let Some(end) = skip_to {
                rest = end;
                continue;
            }
            let Some(close) = tail.find("}}") else { break };
            let tag = tail[2..close].trim_start_matches('{').trim_start_matches('~').trim();
            let tag = tag.trim_end_matches('~').trim_end();
            rest = at + close + 2;

            let depth = open.len() + subexpression_depth(tag);
            if depth > MAX_DEPTH {
                return Err((
                    at,
                    format!("blocks and sub-expressions are nested more than {MAX_DEPTH} deep, the limit"),
                ));
            }
            let owner = open
                .iter()
                .rev()
                .find_map(|o| match o {
                    Open::Inline(name) => Some(name.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| TOP.to_string());
            let call = |to: String, shape: &mut Shape| {
                // The body of `{{#> p}}…{{/p}}` runs inside `p`, so its calls are `p`'s too.
                let mut from = vec![owner.clone()];
                from.extend(open.iter().filter_map(|o| match o {
                    Open::PartialBlock(name) => Some(name.clone()),
                    _ => None,
                }));
                for from in from {
                    shape.calls.push(Call {
                        from,
                        to: to.clone(),
                        depth: open.len() + 1,
                        at,
                    });
                }
            };
            if let Some(block) = tag.strip_prefix('#') {
                let block = block.trim_start();
                if let Some(partial) = block.strip_prefix('>') {
                    let name = partial_name(partial).map_err(|problem| (at, problem))?;
                    if let Some(name) = name.clone() {
                        call(name, &mut shape);
                    }
                    open.push(Open::PartialBlock(name.unwrap_or_default()));
                } else if let Some(decorator) = block.strip_prefix('*') {
                    match decorator.strip_prefix("inline") {
                        Some(name) if name.starts_with(char::is_whitespace) => {
                            let name = partial_name(name).map_err(|problem| (at, problem))?.unwrap_or_default();
                            shape.defined.entry(name.clone()).or_insert(at);
                            open.push(Open::Inline(name));
                        }
                        _ => open.push(Open::Block),
                    }
                } else {
                    open.push(Open::Block);
                }
            } else if let Some(inverse) = tag.strip_prefix('^') {
                if !inverse.trim().is_empty() {
                    open.push(Open::Block);
                }
            } else if tag.starts_with('/') {
                open.pop();
            } else if let Some(partial) = tag.strip_prefix('>')
                && let Some(name) = partial_name(partial).map_err(|problem| (at, problem))?
            {
                call(name, &mut shape);
            }
        }
        Ok(shape)
    }

    /// Every call names an inline partial, no partial reaches itself, and no chain of calls
    /// nests deeper than [`MAX_DEPTH`].
    fn check_partials(&self) -> Result<(), Problem> {
        for call in &self.calls {
            if !self.defined.contains_key(&call.to) {
                return Err((
                    call.at,
                    format!(
                        "partial `{}` is not an inline partial of this file: a course template can only \
                         call partials it defines with {{{{#*inline \"name\"}}}}",
                        call.to
                    ),
                ));
            }
        }
        let mut callees: BTreeMap<&str, BTreeSet<(&str, usize)>> = BTreeMap::new();
        for call in &self.calls {
            callees
                .entry(call.from.as_str())
                .or_default()
                .insert((call.to.as_str(), call.depth));
        }
        let mut deepest = BTreeMap::new();
        let mut path = Vec::new();
        let depth = self.depth_from(TOP, &callees, &mut deepest, &mut path)?;
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    fn too_deep(&self) -> Problem {
        let at = self.calls.first().map(|c| c.at).unwrap_or(0);
        (
            at,
            format!("partial calls nest more than {MAX_DEPTH} deep (with their blocks), the limit"),
        )
    }

    /// How deep rendering `partial` nests, at most; refuses a circle of calls. Each call nests
    /// at least one level, so the walk never goes deeper than [`MAX_DEPTH`] calls.
    fn depth_from<'a>(
        &self,
        partial: &'a str,
        callees: &BTreeMap<&'a str, BTreeSet<(&'a str, usize)>>,
        deepest: &mut BTreeMap<&'a str, usize>,
        path: &mut Vec<&'a str>,
    ) -> Result<usize, Problem> {
        if let Some(depth) = deepest.get(partial) {
            return Ok(*depth);
        }
        if path.len() > MAX_DEPTH {
            return Err(self.too_deep());
        }
        if let Some(start) = path.iter().position(|p| *p == partial) {
            let mut circle: Vec<String> = path[start..].iter().map(|p| format!("`{p}`")).collect();
            circle.push(format!("`{partial}`"));
            let at = self.defined.get(partial).copied().unwrap_or(0);
            return Err((
                at,
                format!(
                    "partial `{partial}` calls itself ({}): its rendering would never end",
                    circle.join(" → ")
                ),
            ));
        }
        path.push(partial);
        let mut depth = 0;
        for &(to, at_depth) in callees.get(partial).into_iter().flatten() {
            depth = depth.max(at_depth + self.depth_from(to, callees, deepest, path)?);
            if depth > MAX_DEPTH {
                break;
            }
        }
        path.pop();
        deepest.insert(partial, depth);
        Ok(depth)
    }
}

/// The end of the raw block opening at `at` (`{{{{raw}}}} … {{{{/raw}}}}`).
fn raw_block_end(source: &str, at: usize) -> Option<usize> {
    let opening_end = at + source[at..].find("}}}}")? + 4;
    let closing = opening_end + source[opening_end..].find("{{{{/")?;
    Some(closing + source[closing..].find("}}}}")? + 4)
}

/// How deep `(…)` sub-expressions nest in a tag, outside string literals.
fn subexpression_depth(tag: &str) -> usize {
    let (mut depth, mut deepest, mut quote) = (0usize, 0usize, None);
    for c in tag.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, ')') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The name after `>`: `name`, `"name"` or `'name'`. `None` for `@partial-block`, which renders
/// the caller's block (whose calls are counted where it is written).
fn partial_name(text: &str) -> Result<Option<String>, String> {
    let text = text.trim_start();
    if text.starts_with('(') {
        return Err("a partial's name is computed (`(…)`): write the name of an inline partial".into());
    }
    if let Some(quoted) = text.strip_prefix(['"', '\'']) {
        let quote = text.chars().next().unwrap_or('"');
        let name = quoted.split(quote).next().unwrap_or(quoted);
        return Ok(Some(name.to_string()));
    }
    let name: String = text.chars().take_while(|c| !c.is_whitespace()).collect();
    if name.starts_with('@') {
        return Ok(None);
    }
    Ok(Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(source: &str) -> String {
        check_template("t.hbs", source).unwrap_err().to_string()
    }

    #[test]
    fn ordinary_templates_pass() {
        for good in [
            "plain text",
            "{{#if a}}{{#each b}}{{this}}{{else}}none{{/each}}{{/if}}",
            "{{#unless a}}x{{^}}y{{/unless}}",
            "{{! a comment with {{#if}} }} {{!-- {{#each}} --}}",
            "{{{{raw}}}} {{#if}} {{> nope}} {{{{/raw}}}}",
            "\\{{> nope}} {{~#if a~}} x {{~/if~}}",
            "{{#*inline \"row\"}}<td>{{this}}</td>{{/inline}}{{#each rows}}{{> row}}{{/each}}",
            "{{#*inline \"a\"}}{{> b}}{{/inline}}{{#*inline \"b\"}}b{{/inline}}{{> a}}",
            "{{#*inline \"frame\"}}[{{> @partial-block}}]{{/inline}}{{#> frame}}body{{/frame}}",
            "{{concat (upper (lower a)) \"(((\"}}",
        ] {
            assert!(
                check_template("t.hbs", good).is_ok(),
                "{good}: {:?}",
                check_template("t.hbs", good)
            );
        }
        let nested = format!("{}x{}", "{{#if a}}".repeat(MAX_DEPTH), "{{/if}}".repeat(MAX_DEPTH));
        assert!(check_template("t.hbs", &nested).is_ok());
    }

    #[test]
    fn blocks_nested_too_deep_are_refused_with_file_line_and_limit() {
        let nested = format!("line one\n{}x{}", "{{#if a}}".repeat(10_000), "{{/if}}".repeat(10_000));
        let error = problem(&nested);
        assert!(error.contains("t.hbs:2:"), "{error}");
        assert!(error.contains("more than 100 deep"), "{error}");
        let sub = format!(
            "{{{{x {}a{}}}}}",
            "(f ".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        assert!(problem(&sub).contains("more than 100 deep"));
    }

    #[test]
    fn partials_that_cannot_end_are_refused() {
        assert!(problem("{{> t.hbs}}").contains("partial `t.hbs` is not an inline partial"));
        assert!(problem("{{#> other}}x{{/other}}").contains("partial `other` is not an inline partial"));
        assert!(problem("{{> (lookup . \"p\")}}").contains("computed"));
        let recursive = "{{#*inline \"p\"}}{{#if a}}{{> p}}{{/if}}{{/inline}}\n{{> p}}";
        let error = problem(recursive);
        assert!(error.contains("partial `p` calls itself (`p` → `p`)"), "{error}");
        assert!(error.contains("t.hbs:1:1"), "{error}");
        let circle = "{{#*inline 'a'}}{{> b}}{{/inline}}{{#*inline 'b'}}{{> a}}{{/inline}}{{> a}}";
        assert!(problem(circle).contains("(`a` → `b` → `a`)"));
        // Through a partial block: `p`'s @partial-block runs the caller's body, which calls `p`.
        let through_block = "{{#*inline \"p\"}}{{> @partial-block}}{{/inline}}{{#> p}}{{> p}}{{/p}}";
        assert!(problem(through_block).contains("partial `p` calls itself"));
    }

    #[test]
    fn a_long_chain_of_partials_counts_towards_the_limit() {
        let mut chain = String::new();
        for i in 0..150 {
            chain.push_str(&format!("{{{{#*inline \"p{i}\"}}}}{{{{> p{}}}}}{{{{/inline}}}}", i + 1));
        }
        chain.push_str("{{#*inline \"p150\"}}end{{/inline}}{{> p0}}");
        assert!(problem(&chain).contains("partial calls nest more than 100 deep"));
        let mut long = String::new();
        for i in 0..20_000 {
            long.push_str(&format!(
                "{{{{#*inline \"p{i}\"}}}}{{{{> p{}}}}}{{{{/inline}}}}\n",
                i + 1
            ));
        }
        long.push_str("{{#*inline \"p20000\"}}end{{/inline}}{{> p0}}");
        assert!(problem(&long).contains("partial calls nest more than 100 deep"));
    }
}
