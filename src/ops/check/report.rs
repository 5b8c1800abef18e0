//! What `bec check` prints: the summary first, then the first failure in full with a "work on
//! this next" pointer, then the names of the other failing tests. pytest's own output only with
//! `--verbose` (or when bec could not read a report).

use std::fmt::Write;

use super::pristine::PYPROJECT_PYTEST;
use super::{CheckReport, Outcome, TestResult};
use crate::day_id::day_dir;
use crate::paint::Paint;

/// Lines of a traceback shown before `--verbose` is needed.
pub const MAX_TRACEBACK_LINES: usize = 40;
/// Of those, how many come from the start of a long traceback (the rest from its end).
const TRACEBACK_HEAD: usize = 12;

/// The text `bec check` prints for `report`.
pub fn render(report: &CheckReport, paint: Paint, verbose: bool) -> String {
    let mut out = String::new();
    let day = report.day;
    let dir = day_dir(day);
    // pytest's own output is all there is when bec has no report to read
    let show_raw = verbose || !report.is_pytest || !report.has_report;
    if show_raw {
        out.push_str(&report.output);
        if !report.output.ends_with('\n') && !report.output.is_empty() {
            out.push('\n');
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "{}",
        paint.bold(&format!("Day {day} — {}: {}", report.title, headline(report, paint)))
    );
    write_pristine_note(&mut out, report, paint);

    if !report.is_pytest {
        return out;
    }
    if !report.has_report {
        let _ = writeln!(
            out,
            "\nThe tests could not run: pytest wrote no results (its output is above)."
        );
        write_missing_package_hint(&mut out, &report.output, &dir);
        return out;
    }

    if let Some((error, others)) = report.collection_errors.split_first() {
        let _ = writeln!(
            out,
            "\n{} {}",
            paint.red("✗"),
            paint.bold(&format!("{dir}/{}", error.file))
        );
        write_traceback(&mut out, &error.text, paint, verbose);
        let _ = writeln!(
            out,
            "\n{} {dir}/{} cannot be imported, so none of its tests ran",
            paint.yellow("fix this first:"),
            error.file
        );
        if !others.is_empty() {
            let _ = writeln!(out, "\nalso not collected ({}):", others.len());
            for other in others {
                let _ = writeln!(
                    out,
                    "  {dir}/{}  {}",
                    other.file,
                    paint.dim(&format!("({})", other.error))
                );
            }
        }
        write_missing_package_hint(&mut out, &error.text, &dir);
    }

    let failing: Vec<&TestResult> = report.failing().collect();
    if let Some(first) = failing.first() {
        if report.collection_errors.is_empty() {
            let _ = writeln!(out, "\n{} {}", paint.red("✗"), paint.bold(&first.name));
            let text = if first.traceback.trim().is_empty() {
                &first.detail
            } else {
                &first.traceback
            };
            write_traceback(&mut out, text, paint, verbose);
            let _ = writeln!(
                out,
                "\n{} {}",
                paint.yellow("work on this next:"),
                paint.bold(&first.name)
            );
        }
        let rest = if report.collection_errors.is_empty() {
            &failing[1..]
        } else {
            &failing[..]
        };
        if !rest.is_empty() {
            let _ = writeln!(out, "\nstill failing ({}):", rest.len());
            for test in rest {
                let _ = writeln!(out, "  {}", test.name);
            }
        }
        write_missing_package_hint(&mut out, &first.traceback, &dir);
    }
    let skipped: Vec<&TestResult> = report.tests.iter().filter(|t| t.outcome == Outcome::Skipped).collect();
    if !skipped.is_empty() {
        let _ = writeln!(out, "\nskipped ({}):", skipped.len());
        for test in skipped {
            let _ = writeln!(out, "  {}  {}", test.name, paint.dim(&format!("({})", test.detail)));
        }
    }
    if !verbose && (!failing.is_empty() || !report.collection_errors.is_empty()) {
        let _ = writeln!(
            out,
            "\n{}",
            paint.dim("`bec check --verbose` shows pytest's full output; `bec check -- -k NAME` runs only matching tests; `bec hint` gives a hint.")
        );
    }
    out
}

/// The one-line summary after the day's title.
fn headline(report: &CheckReport, paint: Paint) -> String {
    let passed = report.count(Outcome::Passed);
    let failed = report.count(Outcome::Failed) + report.count(Outcome::Error);
    let skipped = report.count(Outcome::Skipped);
    let total = passed + failed;
    let skipped_note = if skipped > 0 {
        format!(", {skipped} skipped")
    } else {
        String::new()
    };
    let selected = if report.selected { "selected " } else { "" };
    if !report.is_pytest {
        return if report.command_succeeded {
            paint.green("the tests pass")
        } else {
            paint.red("the tests fail")
        };
    }
    if !report.has_report {
        return paint.red("the tests could not run");
    }
    if let Some(error) = report.collection_errors.first() {
        let kind = error.error.split(':').next().unwrap_or("an error").trim();
        let more = match report.collection_errors.len() {
            1 => String::new(),
            n => format!(" (and {} more file(s))", n - 1),
        };
        return paint.red(&format!(
            "tests could not be collected: {kind} in {}/{}{more}",
            day_dir(report.day),
            error.file
        ));
    }
    if report.all_passed() {
        let done = if report.selected {
            "run `bec check` without pytest arguments to see the whole day".to_string()
        } else {
            format!("day {} is done. Run `bec next` when you are ready", report.day)
        };
        return paint.green(&format!(
            "{passed} of {total} {selected}tests passing{skipped_note}: {done}."
        ));
    }
    if total == 0 {
        return paint.yellow(&format!(
            "no test ran{skipped_note}: day {} is not done yet",
            report.day
        ));
    }
    if failed == 0 {
        // pytest failed although no test did (a hook, a teardown, a warning turned error)
        return paint.red(&format!(
            "{passed} of {total} {selected}tests passing{skipped_note}, but pytest reported a problem: \
             `bec check --verbose` shows it"
        ));
    }
    paint.red(&format!(
        "{passed} of {total} {selected}tests passing{skipped_note}: {failed} to go."
    ))
}

fn write_pristine_note(out: &mut String, report: &CheckReport, paint: Paint) {
    let Some(comparison) = report.comparison.as_ref().filter(|c| !c.is_pristine()) else {
        return;
    };
    let dir = day_dir(report.day);
    let mut lines = Vec::new();
    for path in &comparison.changed {
        lines.push(format!("  changed  {dir}/{path}"));
    }
    for path in &comparison.deleted {
        lines.push(format!("  deleted  {dir}/{path}"));
    }
    for path in &comparison.added {
        let note = if path.starts_with("tests/") {
            "not run"
        } else {
            "not used"
        };
        lines.push(format!("  added    {dir}/{path}  ({note})"));
    }
    let only_tests = comparison
        .changed
        .iter()
        .chain(&comparison.deleted)
        .chain(&comparison.added)
        .all(|p| p.starts_with("tests/"));
    let what = if only_tests {
        format!("Your {dir}/tests differ")
    } else {
        format!("Your {dir} tests or test settings differ")
    };
    let _ = writeln!(
        out,
        "\n{}\n{}",
        paint.yellow(&format!(
            "{what} from the course's: bec check ran the course's versions."
        )),
        lines.join("\n")
    );
    let restore: Vec<String> = comparison
        .changed
        .iter()
        .chain(&comparison.deleted)
        .filter(|p| p.as_str() != PYPROJECT_PYTEST)
        .map(|p| format!("{dir}/{p}"))
        .collect();
    if !restore.is_empty() {
        let _ = writeln!(
            out,
            "  (to get the course's back: git checkout {} -- {})",
            crate::repo::TEMPLATE_BRANCH,
            restore.join(" ")
        );
    }
    if comparison.changed.iter().any(|p| p == PYPROJECT_PYTEST) {
        let _ = writeln!(
            out,
            "  (the course's pytest settings: git show {}:{dir}/pyproject.toml)",
            crate::repo::TEMPLATE_BRANCH
        );
    }
}

/// Up to [`MAX_TRACEBACK_LINES`] lines of pytest's traceback, indented, with `>` and `E` lines
/// highlighted. A longer one keeps its start (the test's own line) and its end (where it broke,
/// and the `E` lines).
fn write_traceback(out: &mut String, text: &str, paint: Paint, verbose: bool) {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    let (head, tail) = if verbose || lines.len() <= MAX_TRACEBACK_LINES {
        (lines.len(), 0)
    } else {
        (TRACEBACK_HEAD, MAX_TRACEBACK_LINES - TRACEBACK_HEAD)
    };
    let write_line = |out: &mut String, line: &str| {
        if line.trim().is_empty() {
            out.push('\n');
            return;
        }
        let painted = if line.starts_with('E') {
            paint.red(line)
        } else if line.starts_with('>') {
            paint.bold(line)
        } else {
            line.to_string()
        };
        let _ = writeln!(out, "    {painted}");
    };
    for line in &lines[..head] {
        write_line(out, line);
    }
    if tail > 0 {
        let _ = writeln!(
            out,
            "    {}",
            paint.dim(&format!(
                "… {} more line(s): `bec check --verbose` shows them",
                lines.len() - head - tail
            ))
        );
        for line in &lines[lines.len() - tail..] {
            write_line(out, line);
        }
    }
}

fn write_missing_package_hint(out: &mut String, text: &str, dir: &str) {
    if text.contains("ModuleNotFoundError") || text.contains("No module named") {
        let _ = writeln!(
            out,
            "\nA Python package may be missing: run `uv sync` in {dir}/ (bec then uses its .venv), or set BEC_PYTHON."
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::check::CollectionError;

    fn test(name: &str, outcome: Outcome, traceback: &str) -> TestResult {
        TestResult {
            name: name.into(),
            outcome,
            detail: traceback.lines().last().unwrap_or("").into(),
            traceback: traceback.into(),
        }
    }

    fn report(tests: Vec<TestResult>) -> CheckReport {
        CheckReport {
            day: 3,
            title: "Three".into(),
            tests,
            collection_errors: vec![],
            command_succeeded: false,
            is_pytest: true,
            has_report: true,
            output: "RAW PYTEST OUTPUT\n".into(),
            comparison: None,
            selected: false,
        }
    }

    #[test]
    fn summary_comes_first_then_the_first_failure_and_the_rest_by_name() {
        let long: String = (1..=100).map(|i| format!("line {i}\n")).collect();
        let text = render(
            &report(vec![
                test("tests/t.py::a", Outcome::Passed, ""),
                test("tests/t.py::b", Outcome::Failed, &long),
                test("tests/t.py::c", Outcome::Failed, "E boom"),
                test("tests/t.py::d", Outcome::Error, "E setup"),
            ]),
            Paint::plain(),
            false,
        );
        assert!(
            text.starts_with("Day 3 — Three: 1 of 4 tests passing: 3 to go."),
            "{text}"
        );
        assert!(!text.contains("RAW PYTEST OUTPUT"), "{text}");
        assert!(text.contains("line 12\n") && !text.contains("line 13\n"), "{text}");
        assert!(text.contains("… 60 more line(s)"), "{text}");
        assert!(text.contains("line 73\n") && text.contains("line 100\n"), "{text}");
        assert!(!text.contains("line 72\n"), "{text}");
        assert!(text.contains("work on this next: tests/t.py::b"), "{text}");
        assert!(
            text.contains("still failing (2):\n  tests/t.py::c\n  tests/t.py::d\n"),
            "{text}"
        );
        assert!(!text.contains('\x1b'), "plain output has no colour: {text}");
    }

    #[test]
    fn verbose_shows_pytest_output_and_the_whole_traceback() {
        let long: String = (1..=100).map(|i| format!("line {i}\n")).collect();
        let text = render(
            &report(vec![test("tests/t.py::b", Outcome::Failed, &long)]),
            Paint::plain(),
            true,
        );
        assert!(text.starts_with("RAW PYTEST OUTPUT"), "{text}");
        assert!(text.contains("line 100\n"), "{text}");
    }

    #[test]
    fn a_collection_error_is_named_never_counted_as_tests() {
        let mut broken = report(vec![]);
        broken.collection_errors.push(CollectionError {
            file: "tests/test_app.py".into(),
            error: "ModuleNotFoundError: No module named 'fastapi'".into(),
            text: "E   ModuleNotFoundError: No module named 'fastapi'".into(),
        });
        let text = render(&broken, Paint::plain(), false);
        assert!(
            text.starts_with(
                "Day 3 — Three: tests could not be collected: ModuleNotFoundError in day03/tests/test_app.py"
            ),
            "{text}"
        );
        assert!(
            !text.contains("of 1 tests passing") && !text.contains("of 0 tests"),
            "{text}"
        );
        assert!(text.contains("run `uv sync` in day03/"), "{text}");
        assert!(!broken.all_passed());
    }

    #[test]
    fn colour_marks_the_failure_when_enabled() {
        let text = render(
            &report(vec![test("tests/t.py::b", Outcome::Failed, "E boom")]),
            Paint { enabled: true },
            false,
        );
        assert!(text.contains("\x1b[31m"), "{text}");
    }
}
