//! A learner's handle: the name of their folder (`DIR/<handle>/`) and of their remote
//! (`{handle}` in `--push`). It must be safe as both, on every platform.

/// What a handle may look like, in words (for error messages).
pub const HANDLE_RULE: &str = "1 to 39 letters, digits, `.`, `_` or `-`, starting with a letter or digit and not ending \
     with `.` (like a GitHub user name)";

/// Names Windows keeps for devices, with any extension (`nul.txt` is the device too).
const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];
const RESERVED_NUMBERED: [&str; 2] = ["com", "lpt"];

/// Whether Windows takes `handle` for a device instead of a folder.
fn is_device_name(handle: &str) -> bool {
    let stem = handle.split('.').next().unwrap_or(handle).to_ascii_lowercase();
    RESERVED.contains(&stem.as_str())
        || (stem.len() == 4 && RESERVED_NUMBERED.contains(&&stem[..3]) && stem.as_bytes()[3].is_ascii_digit())
}

/// Why `handle` cannot name a folder, or `None` when it can.
///
/// The rule is `^[A-Za-z0-9][A-Za-z0-9._-]{0,38}$`: no path separators, no `.`/`..`, nothing that
/// starts with `.` or `-`, and nothing a shell or a URL would need to quote. Names Windows cannot
/// use for a folder are refused too: device names (`con`, `nul`, `COM1`, `lpt9.txt`…) and a
/// trailing dot, which Windows drops.
pub fn handle_problem(handle: &str) -> Option<String> {
    if handle.is_empty() {
        return Some("the handle is empty".to_string());
    }
    let first_ok = handle.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let rest_ok = handle
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    let length = handle.chars().count();
    let windows_ok = !handle.ends_with('.') && !is_device_name(handle);
    if first_ok && rest_ok && length <= 39 && windows_ok {
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
    } else if !rest_ok {
        "holds a character other than letters, digits, `.`, `_` and `-`"
    } else if is_device_name(handle) {
        "is a device name on Windows, where no folder can have it"
    } else {
        "ends with `.`, which Windows drops from folder names"
    };
    Some(format!("handle `{shown}` {why}: use {HANDLE_RULE}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_handles_pass() {
        for good in [
            "alice",
            "Bob_2",
            "c.d-e",
            "9lives",
            &"a".repeat(39),
            "console",
            "com",
            "com10",
            "lpt",
            "nully",
            "a.con",
        ] {
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
            ("con", "device name"),
            ("NUL", "device name"),
            ("nul.txt", "device name"),
            ("COM1", "device name"),
            ("lpt9", "device name"),
            ("Aux.backup", "device name"),
            ("ada.", "ends with `.`"),
            ("ada..", "ends with `.`"),
            ("ada ", "other than"),
        ] {
            let problem = handle_problem(bad).unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert!(problem.contains(why), "{bad:?}: {problem}");
        }
        assert!(handle_problem(&"a".repeat(40)).unwrap().contains("longer than 39"));
    }
}
