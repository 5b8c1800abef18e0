//! The learner's everyday commands at the command layer: `bec check` (once or `--watch`) and
//! `bec hint`. Operations live in `ops::check` and `ops::hint`; this file prints.

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;

use crate::course::Course;
use crate::day_id::{day_dir, parse_day};
use crate::error::exit;
use crate::ops::check::watch::{Poller, watch};
use crate::ops::check::{self, CheckOptions, report};
use crate::ops::doctor::{ToolCheck, ToolStatus};
use crate::ops::hint::{self, HintMode, HintOptions};
use crate::output::{out, outln};
use crate::paint::Paint;

/// `bec check` as the command line gave it.
#[derive(Debug)]
pub struct CheckArgs {
    pub day: Option<String>,
    pub verbose: bool,
    pub watch: bool,
    pub watch_runs: Option<usize>,
    pub pytest_args: Vec<String>,
}

/// Runs `bec check`, once or on every save.
pub fn run_check(course: &Course, here: &Path, args: CheckArgs) -> Result<u8> {
    let day = args
        .day
        .as_deref()
        .map(|d| parse_day(d, course.manifest.last_day()))
        .transpose()?;
    let options = CheckOptions {
        start: here.to_path_buf(),
        day,
        extra_args: args.pytest_args,
    };
    let paint = Paint::for_stdout();
    if !args.watch {
        let report = check::check(course, &options)?;
        out!("{}", report::render(&report, paint, args.verbose));
        return Ok(exit_code(&report));
    }
    // the first run's errors (not a repo, no such day) stop before watching anything
    let first = check::check(course, &options)?;
    let learner = crate::ops::next::LearnerRepo::open(here)?;
    let dir = learner.root.join(day_dir(first.day));
    let day = first.day;
    let options = CheckOptions {
        day: Some(day),
        ..options
    };
    let mut first = Some(first);
    let mut poller = Poller::new(&dir);
    watch(
        || {
            let result = match first.take() {
                Some(report) => Ok(report),
                None => {
                    if std::io::stdout().is_terminal() {
                        let _ = console::Term::stdout().clear_screen();
                    }
                    check::check(course, &options)
                }
            };
            let code = match result {
                Ok(report) => {
                    let _ = crate::output::write(format_args!("{}", report::render(&report, paint, args.verbose)));
                    exit_code(&report)
                }
                Err(error) => {
                    let _ = crate::output::write(format_args!("error: {error}\n"));
                    exit::FAILURE
                }
            };
            let _ = crate::output::flush();
            code
        },
        || {
            let watching = paint.dim(&format!("Watching {}/ for changes: Ctrl-C to stop.", day_dir(day)));
            let _ = crate::output::write(format_args!("\n{watching}\n"));
            let _ = crate::output::flush();
        },
        &mut poller,
        args.watch_runs,
    )
}

fn exit_code(report: &check::CheckReport) -> u8 {
    if report.all_passed() {
        exit::SUCCESS
    } else {
        exit::FAILURE
    }
}

/// Runs `bec hint`.
pub fn run_hint(course: &Course, here: &Path, day: Option<String>, all: bool, reset: bool) -> Result<u8> {
    let day = day.map(|d| parse_day(&d, course.manifest.last_day())).transpose()?;
    let mode = match (all, reset) {
        (_, true) => HintMode::Reset,
        (true, _) => HintMode::All,
        _ => HintMode::Next,
    };
    let report = hint::hint(&HintOptions {
        start: here.to_path_buf(),
        day,
        mode,
    })?;
    let paint = Paint::for_stdout();
    let total = report.hints.len();
    let day = report.day;
    if total == 0 {
        outln!(
            "Day {day}'s lab sheet ({}/README.md) has no hints section.",
            day_dir(day)
        );
        return Ok(exit::SUCCESS);
    }
    let mut text = String::new();
    let all_hints = |text: &mut String| {
        for number in 1..=total {
            write_hint(text, paint, number, &report.hints[number - 1]);
        }
    };
    match mode {
        HintMode::Reset => {
            let _ = writeln!(
                text,
                "Day {day}'s hints are hidden again: `bec hint` shows the first of {total}."
            );
        }
        HintMode::All => {
            let _ = writeln!(text, "All {total} hints for day {day}:");
            all_hints(&mut text);
        }
        HintMode::Next if report.shown > report.shown_before => {
            let _ = writeln!(text, "Hint {} of {total} for day {day}:", report.shown);
            write_hint(&mut text, paint, report.shown, &report.hints[report.shown - 1]);
            let after = if report.shown < total {
                "`bec hint` again shows the next one; `bec hint --all` shows every one."
            } else {
                "That was the last hint."
            };
            let _ = writeln!(text, "\n{}", paint.dim(after));
        }
        HintMode::Next => {
            let _ = writeln!(text, "Every hint for day {day} is shown already ({total}):");
            all_hints(&mut text);
            let _ = writeln!(text, "\n{}", paint.dim("`bec hint --reset` hides them again."));
        }
    }
    out!("{text}");
    Ok(exit::SUCCESS)
}

/// `3. text`, continuation lines under the text.
fn write_hint(text: &mut String, paint: Paint, number: usize, hint: &str) {
    let _ = writeln!(
        text,
        "{} {}",
        paint.bold(&format!("{number}.")),
        hint.replace('\n', "\n   ")
    );
}

/// Prints `bec doctor`'s findings and returns its exit code.
pub fn print_doctor(day: u32, checks: &[ToolCheck]) -> Result<u8> {
    let paint = Paint::for_stdout();
    outln!("Tools for day {day}:");
    for check in checks {
        let label = match &check.status {
            ToolStatus::Ok => {
                outln!(
                    "  {}  {:<10} {}",
                    paint.green(&format!("{:<11}", "ok")),
                    check.name,
                    check.detail
                );
                continue;
            }
            ToolStatus::Missing => "MISSING",
            ToolStatus::TooOld { .. } => "TOO OLD",
            ToolStatus::NotRunning => "NOT RUNNING",
        };
        let detail = match &check.status {
            ToolStatus::TooOld { needed } => format!("{} (day {day} needs {needed} or newer)", check.detail),
            _ => check.detail.clone(),
        };
        outln!(
            "  {}  {:<10} {detail}\n               {}",
            paint.red(&format!("{label:<11}")),
            check.name,
            check.fix
        );
    }
    let count = |wanted: fn(&ToolStatus) -> bool| checks.iter().filter(|c| wanted(&c.status)).count();
    let missing = count(|s| *s == ToolStatus::Missing);
    let old = count(|s| matches!(s, ToolStatus::TooOld { .. }));
    let stopped = count(|s| *s == ToolStatus::NotRunning);
    if missing + old + stopped == 0 {
        outln!("Everything day {day} needs is installed.");
        return Ok(exit::SUCCESS);
    }
    let mut parts = Vec::new();
    if missing > 0 {
        parts.push(format!("{missing} tool(s) missing"));
    }
    if old > 0 {
        parts.push(format!("{old} too old"));
    }
    if stopped > 0 {
        parts.push(format!("{stopped} installed but not running"));
    }
    outln!("{}.", parts.join(", "));
    Ok(exit::ENVIRONMENT)
}
