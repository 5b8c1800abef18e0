//! Solution regions: one source file gives both the learner's starter and the reference solution.
//!
//! ```text
//!     # BEGIN SOLUTION
//!     return a + b
//!     # STARTER: raise NotImplementedError("TODO: add them")
//!     # END SOLUTION
//! ```
//!
//! The starter keeps only the `STARTER:` lines (marker removed, indentation kept); the reference
//! keeps the other lines. Marker lines vanish from both. Comment prefixes: `#`, `//`, `--`.

/// Which side of the regions to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// What the learner gets: TODO stubs.
    Starter,
    /// The reference solution.
    Solution,
}

/// A malformed region, with the 1-based line it was found on.
#[derive(Debug, PartialEq, Eq)]
pub struct RegionError {
    pub line: usize,
    pub problem: &'static str,
}

const PREFIXES: [&str; 3] = ["#", "//", "--"];

enum Marker<'a> {
    Begin,
    End,
    /// A starter line: indentation and the code after `STARTER:`.
    Starter(&'a str, &'a str),
}

fn marker(line: &str) -> Option<Marker<'_>> {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    let prefix = PREFIXES.iter().find(|p| trimmed.starts_with(**p))?;
    let body = trimmed[prefix.len()..].trim_start();
    let body_trimmed = body.trim_end();
    if body_trimmed == "BEGIN SOLUTION" {
        Some(Marker::Begin)
    } else if body_trimmed == "END SOLUTION" {
        Some(Marker::End)
    } else if let Some(code) = body.strip_prefix("STARTER:") {
        let code = code.strip_prefix(' ').unwrap_or(code);
        Some(Marker::Starter(indent, code))
    } else {
        None
    }
}

/// True when `text` contains at least one region marker (a fast path for plain files).
pub fn has_regions(text: &str) -> bool {
    text.contains("BEGIN SOLUTION") || text.contains("END SOLUTION") || text.contains("STARTER:")
}

/// Applies the regions of `text` for `variant`. Line endings are preserved.
pub fn apply(text: &str, variant: Variant) -> Result<String, RegionError> {
    let mut out = String::with_capacity(text.len());
    let mut open_at: Option<usize> = None;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let content = line.trim_end_matches(['\n', '\r']);
        let ending = &line[content.len()..];
        match (marker(content), open_at) {
            (Some(Marker::Begin), None) => open_at = Some(number),
            (Some(Marker::Begin), Some(_)) => {
                return Err(RegionError {
                    line: number,
                    problem: "BEGIN SOLUTION inside another region (regions do not nest)",
                });
            }
            (Some(Marker::End), Some(_)) => open_at = None,
            (Some(Marker::End), None) => {
                return Err(RegionError {
                    line: number,
                    problem: "END SOLUTION without a BEGIN SOLUTION before it",
                });
            }
            (Some(Marker::Starter(indent, code)), Some(_)) => {
                if variant == Variant::Starter {
                    out.push_str(indent);
                    out.push_str(code);
                    out.push_str(ending);
                }
            }
            (Some(Marker::Starter(..)), None) => {
                return Err(RegionError {
                    line: number,
                    problem: "STARTER: line outside a BEGIN/END SOLUTION region",
                });
            }
            (None, Some(_)) => {
                if variant == Variant::Solution {
                    out.push_str(line);
                }
            }
            (None, None) => out.push_str(line),
        }
    }
    match open_at {
        Some(line) => Err(RegionError {
            line,
            problem: "BEGIN SOLUTION is never closed by END SOLUTION",
        }),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "def add(a, b):\n    # BEGIN SOLUTION\n    return a + b\n    # STARTER: raise NotImplementedError(\"TODO\")\n    # END SOLUTION\n";

    #[test]
    fn starter_keeps_only_the_stub() {
        assert_eq!(
            apply(SOURCE, Variant::Starter).unwrap(),
            "def add(a, b):\n    raise NotImplementedError(\"TODO\")\n"
        );
    }

    #[test]
    fn solution_keeps_only_the_code() {
        assert_eq!(
            apply(SOURCE, Variant::Solution).unwrap(),
            "def add(a, b):\n    return a + b\n"
        );
    }

    #[test]
    fn other_comment_prefixes_and_crlf_work() {
        let sql =
            "-- BEGIN SOLUTION\r\nCREATE TABLE t (id int);\r\n-- STARTER: -- TODO: create t\r\n-- END SOLUTION\r\n";
        assert_eq!(apply(sql, Variant::Starter).unwrap(), "-- TODO: create t\r\n");
        assert_eq!(apply(sql, Variant::Solution).unwrap(), "CREATE TABLE t (id int);\r\n");
    }

    #[test]
    fn region_without_stub_disappears_from_starter() {
        let text = "a\n# BEGIN SOLUTION\nb\n# END SOLUTION\nc";
        assert_eq!(apply(text, Variant::Starter).unwrap(), "a\nc");
    }

    #[test]
    fn malformed_regions_name_their_line() {
        assert_eq!(apply("x\n# BEGIN SOLUTION\ny\n", Variant::Starter).unwrap_err().line, 2);
        assert_eq!(apply("# END SOLUTION\n", Variant::Starter).unwrap_err().line, 1);
        assert_eq!(
            apply("# BEGIN SOLUTION\n# BEGIN SOLUTION\n", Variant::Solution)
                .unwrap_err()
                .line,
            2
        );
        assert_eq!(apply("ok\n# STARTER: x\n", Variant::Starter).unwrap_err().line, 2);
    }

    #[test]
    fn text_without_markers_is_unchanged() {
        let text = "no markers here\n  # just a comment\n";
        assert_eq!(apply(text, Variant::Starter).unwrap(), text);
    }
}
