//! A learner's handle: the name of their folder (`DIR/<handle>/`) and of their remote
//! (`{handle}` in `--push`). It must be safe as both, on every platform.

/// What a handle may look like, in words (for error messages).
pub const HANDLE_RULE: &str =
    "1 to 39 letters, digits, `.`, `_` or `-`, starting with a letter or digit (like a GitHub user name)";

/// Why `handle` cannot name a folder, or `None` when it can.
///
/// The rule is `^[A-Za-z0-9][A-Za-z0-9._-]{0,38}$`: no path separators, no `.`/`..`, nothing that
/// starts with `.` or `-`, and nothing a shell or a URL would need to quote.
pub fn handle_problem(handle: &str) -> Option<String> {
    if handle.is_empty() {
        return Some("the handle is empty".to_string());
    }
    let first_ok = handle.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let rest_ok = handle
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    let length = handle.chars().count();
    if first_ok && rest_ok && length <= 39 {
        return None;
    }
    let shown = handle.escape_debug();
    let why = if handle.contains(['/', '\\']) {
        "holds a path separator"
    } else if handle == "." || handle == ".." {
        "names the folder itself or its parent"
    } else if length > 39 {
        "is longer than 39 characters"
    } else if !first_ok {
        "does not start with a letter or digit"
    } else {
        "holds a character other than letters, digits, `.`, `_` and `-`"
    };
    Some(format!("handle `{shown}` {why}: use {HANDLE_RULE}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_handles_pass() {
        for good in ["alice", "Bob_2", "c.d-e", "9lives", &"a".repeat(39)] {
            assert_eq!(handle_problem(good), None, "{good}");
        }
    }

    #[test]
    fn unsafe_handles_are_named() {
        for (bad, why) in [
            ("", "empty"),
            ("../evil", "path separator"),
            ("a/b", "path separator"),
            ("a\\b", "path separator"),
            (".", "folder itself"),
            ("..", "folder itself"),
            (".hidden", "does not start"),
            ("-rf", "does not start"),
            ("with space", "other than"),
            ("émile", "does not start"),
            ("a\nb", "other than"),
        ] {
            let problem = handle_problem(bad).unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert!(problem.contains(why), "{bad:?}: {problem}");
        }
        assert!(handle_problem(&"a".repeat(40)).unwrap().contains("longer than 39"));
    }
}
