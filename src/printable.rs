//! Text that others wrote (commit messages, file names, roster cells) made safe to show.
//!
//! A learner controls their commit messages and file names; printed raw, an escape sequence in
//! them can move the cursor, recolour or rewrite lines of the admin's terminal and fake a result.
//! [`printable`] shows every control character (and the invisible direction overrides) as an
//! escape (`\u{1b}`) instead. [`spreadsheet_cell`] also keeps a CSV cell from being taken for a
//! formula by spreadsheet programs.

use std::borrow::Cow;

/// Whether `c` changes how a terminal shows the text around it instead of showing itself.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unprintable character written as its escape (`\n`, `\u{1b}`).
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unprintable(c) {
            shown.extend(c.escape_debug());
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// A CSV cell that spreadsheet programs show as the text it is: [`printable`], and a leading
/// `'` when it would otherwise start a formula (`=`, `+`, `-`, `@`).
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    let shown = printable(text);
    if shown.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_run() {
        assert_eq!(printable("plain text, ünïcode ✓"), "plain text, ünïcode ✓");
        assert_eq!(printable("\u{1b}[2K\rall tests pass"), "\\u{1b}[2K\\rall tests pass");
        assert_eq!(printable("a\nb\tc\u{7f}\u{9b}"), "a\\nb\\tc\\u{7f}\\u{9b}");
        assert_eq!(printable("abc\u{202e}fed"), "abc\\u{202e}fed");
    }

    #[test]
    fn formulas_are_neutralised() {
        for formula in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)"] {
            assert_eq!(spreadsheet_cell(formula), format!("'{formula}"));
        }
        assert_eq!(spreadsheet_cell("\t=1"), "\\t=1");
        assert_eq!(spreadsheet_cell("ada"), "ada");
        assert_eq!(spreadsheet_cell("a=b"), "a=b");
        assert_eq!(spreadsheet_cell(""), "");
    }
}
