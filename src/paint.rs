//! Colour for bec's own output: on when stdout is a terminal, off with `NO_COLOR` (any non-empty
//! value, see no-color.org), forced on with `CLICOLOR_FORCE=1` for pagers. `NO_COLOR` wins.

use std::io::IsTerminal;

/// Wraps text in ANSI colours, or leaves it as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    /// Colour decided from the environment and whether stdout is a terminal.
    pub fn for_stdout() -> Paint {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        let enabled = if set("NO_COLOR") {
            false
        } else if set("CLICOLOR_FORCE") {
            true
        } else {
            std::io::stdout().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
        };
        Paint { enabled }
    }

    /// No colour at all.
    pub fn plain() -> Paint {
        Paint { enabled: false }
    }

    fn wrap(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }

    pub fn red(&self, text: &str) -> String {
        self.wrap("31", text)
    }

    pub fn green(&self, text: &str) -> String {
        self.wrap("32", text)
    }

    pub fn yellow(&self, text: &str) -> String {
        self.wrap("33", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paint_leaves_text_alone() {
        assert_eq!(Paint::plain().red("x"), "x");
        assert_eq!(Paint { enabled: true }.red("x"), "\x1b[31mx\x1b[0m");
    }
}
