//! The command layer of `bec cohort`: turns its arguments into operation options, prints the
//! results, and picks the exit code.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use crate::answers;
use crate::cli::{CohortCommand, StatusFormat};
use crate::course::Course;
use crate::date::Timestamp;
use crate::day_id::{day_dir, parse_day};
use crate::error::exit;
use crate::ops::cohort::add::{AddOptions, add_to_cohort};
use crate::ops::cohort::html::html_report;
use crate::ops::cohort::new::{CohortOptions, CohortReport, new_cohort};
use crate::ops::cohort::status::{CohortStatus, cohort_status};
use crate::ops::cohort::verify::verify;
use crate::output::{out, outln};
use crate::printable::{printable, spreadsheet_cell};

/// Runs one `bec cohort` command and returns its exit code.
pub fn run_cohort_command(course: &Course, command: CohortCommand) -> Result<u8> {
    match command {
        CohortCommand::New {
            roster,
            day,
            out,
            sets,
            date,
            skip_bad,
            push,
            jobs,
        } => {
            let options = CohortOptions {
                roster,
                day: parse_day(&day, course.manifest.last_day())?,
                out,
                answers: answers::parse_sets(&sets)?,
                date: Timestamp::resolve(date.as_deref())?,
                skip_bad,
                push,
                jobs: jobs.map(usize::from),
            };
            let report = new_cohort(course, &options, &progress_bar("creating repos"))?;
            print_new(course, &options.out, options.push.as_deref(), &report, false)
        }
        CohortCommand::Add {
            roster,
            out,
            skip_bad,
            push,
            jobs,
        } => {
            let options = AddOptions {
                roster,
                class: out,
                skip_bad,
                push,
                jobs: jobs.map(usize::from),
            };
            let report = add_to_cohort(course, &options, &progress_bar("creating repos"))?;
            print_new(course, &options.class, options.push.as_deref(), &report, true)
        }
        CohortCommand::Verify { dir } => {
            let report = verify(&dir)?;
            let template = report
                .template
                .map(|t| t.to_string())
                .unwrap_or_else(|| "(none)".into());
            if report.odd.is_empty() {
                outln!(
                    "{} repos in {} are identical: bec/template at {template} in every one; \
                     {} with their own answers in bec.toml.",
                    report.repos,
                    folder(&dir),
                    report.with_own_answers
                );
                return Ok(exit::SUCCESS);
            }
            outln!(
                "{} of {} repos in {} differ from the others (bec/template at {template}):",
                report.odd.len(),
                report.repos,
                folder(&dir)
            );
            // Problems quote file names and commit ids from the learners' repos: every line is
            // shown with its control characters escaped.
            for odd in &report.odd {
                outln!("  {}:", printable(&odd.handle));
                for problem in &odd.problems {
                    let lines: Vec<_> = problem.lines().map(printable).collect();
                    outln!("    - {}", lines.join("\n      "));
                }
            }
            Ok(exit::FAILURE)
        }
        CohortCommand::Status {
            dir,
            run_tests,
            format,
            html,
            jobs,
        } => {
            let bar = if run_tests {
                progress_bar("running tests")
            } else {
                ProgressBar::hidden()
            };
            let now = Timestamp::resolve(None)?;
            let status = cohort_status(course, &dir, run_tests, jobs.map(usize::from), now, &bar)?;
            match format {
                StatusFormat::Table => out!("{}", status_table(&status)),
                StatusFormat::Csv => out!("{}", status_csv(&status)?),
                StatusFormat::Json => outln!("{}", serde_json::to_string_pretty(&status)?),
            }
            if let Some(file) = html {
                write_html(&file, &html_report(&status, course))?;
                eprintln!("Wrote the HTML report to {}.", file.display());
            }
            let missing = status.missing_packages();
            if missing > 0 {
                eprintln!(
                    "{missing} repo(s) could not run their tests: a Python package is missing. Test every repo with \
                     one Python that has the course's packages: `BEC_PYTHON=/path/to/python bec cohort status {} \
                     --run-tests` (for example the .venv that `uv sync` makes in one repo's day folder), or run \
                     `uv sync` in each repo's day folder.",
                    folder(&dir)
                );
            }
            Ok(exit::SUCCESS)
        }
    }
}

/// A progress bar on stderr, hidden when stderr is not a terminal.
fn progress_bar(message: &'static str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0).with_message(message);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:32}] {pos}/{len} ({elapsed})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// The result of `cohort new`, or of `cohort add` (`added`) into the class folder `out`.
fn print_new(course: &Course, out: &Path, push: Option<&str>, report: &CohortReport, added: bool) -> Result<u8> {
    let out = folder(out);
    if !report.skipped.is_empty() {
        eprintln!(
            "Skipped {} roster row(s) (--skip-bad); fix them and run `bec cohort add` with those rows:",
            report.skipped.len()
        );
        for problem in &report.skipped {
            eprintln!("  {problem}");
        }
    }
    if let Some(template) = report.template() {
        outln!(
            "{} {} learner {} in {out}/ at day {} — {} (course {} {}).",
            if added { "Added" } else { "Created" },
            report.created.len(),
            if report.created.len() == 1 { "repo" } else { "repos" },
            report.day,
            report.title,
            course.id(),
            course.version()
        );
        if added {
            outln!("bec/template started at commit {template} in every new repo, as in the class's other repos.");
        } else {
            outln!("bec/template is commit {template} in every repo.");
        }
        let own = report.with_own_answers();
        if own > 0 {
            outln!(
                "{own} repo(s) have their own answers: main = bec/template + one \"bec: learner answers\" commit \
                 changing only bec.toml."
            );
        }
    }
    // Rows left out are bad input the admin still has to fix: the run is not a success.
    let mut code = if report.skipped.is_empty() {
        exit::SUCCESS
    } else {
        exit::BAD_INPUT
    };
    if !report.failed.is_empty() {
        eprintln!(
            "error: {} repo(s) could not be created (nothing of them was left behind):",
            report.failed.len()
        );
        for (handle, why) in &report.failed {
            eprintln!("  {handle}: {why}");
        }
        code = exit::FAILURE;
    }
    if let Some(template) = push {
        if report.pushed > 0 {
            outln!(
                "Pushed main and bec/template of {} repo(s) to {template}.",
                report.pushed
            );
        }
        if !report.push_failed.is_empty() {
            eprintln!(
                "error: {} repo(s) were created but not pushed; fix the remote, then `git push origin main bec/template` \
                 in each:",
                report.push_failed.len()
            );
            for (handle, why) in &report.push_failed {
                eprintln!("  {handle}: {why}");
            }
            code = exit::FAILURE;
        }
    }
    if !report.created.is_empty() {
        outln!(
            "\nNext: `bec cohort verify {out}` proves them identical; `bec cohort status {out}` shows where each stands."
        );
    }
    Ok(code)
}

/// A folder as typed, without trailing separators: `class/` is shown as `class`, so
/// `{folder}/{handle}` never reads `class//ada`.
pub fn folder(path: &Path) -> String {
    let shown = path.display().to_string();
    let trimmed = shown.trim_end_matches(['/', '\\']);
    if trimmed.is_empty() { shown } else { trimmed.to_string() }
}

fn tests_text(status: &crate::ops::cohort::status::MemberStatus) -> String {
    status
        .tests
        .as_ref()
        .map(|t| format!("{}/{}", t.passed, t.total))
        .unwrap_or_default()
}

/// The work a learner has not committed: `2 conflicted, 3 uncommitted`, or empty.
fn work_text(status: &crate::ops::cohort::status::MemberStatus) -> String {
    let mut parts = Vec::new();
    if !status.conflicts.is_empty() {
        parts.push(format!("{} conflicted", status.conflicts.len()));
    }
    if status.uncommitted > 0 {
        parts.push(format!("{} uncommitted", status.uncommitted));
    }
    parts.join(", ")
}

fn status_table(status: &CohortStatus) -> String {
    let mut rows: Vec<Vec<String>> = vec![
        ["HANDLE", "DAY", "VERSION", "COMMIT", "DATE (UTC)", "SUMMARY"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    ];
    let any_work = status
        .repos
        .iter()
        .any(|r| !r.conflicts.is_empty() || r.uncommitted > 0);
    if any_work {
        rows[0].push("WORK".into());
    }
    if status.tests_run {
        rows[0].push("TESTS".into());
    }
    for repo in &status.repos {
        let commit = repo.last_commit.as_ref();
        let mut summary: String = commit.map(|c| printable(&c.summary).into_owned()).unwrap_or_default();
        if summary.chars().count() > 48 {
            summary = format!("{}…", summary.chars().take(47).collect::<String>());
        }
        let mut row = vec![
            printable(&repo.handle).into_owned(),
            repo.current_day.map(day_dir).unwrap_or_else(|| "?".into()),
            repo.course_version.clone().unwrap_or_else(|| "?".into()),
            commit.map(|c| c.short_id.clone()).unwrap_or_default(),
            commit.map(|c| c.date.clone()).unwrap_or_default(),
            summary,
        ];
        if any_work {
            row.push(work_text(repo));
        }
        if status.tests_run {
            row.push(tests_text(repo));
        }
        if let Some(problem) = &repo.problem {
            row.push(format!("({})", printable(problem)));
        }
        rows.push(row);
    }
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let width = widths.get(i).copied().unwrap_or(0);
                format!("{cell}{}", " ".repeat(width.saturating_sub(cell.chars().count())))
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out.push_str(&format!(
        "{} repos; course {} version {}; generated {} UTC.\n",
        status.repos.len(),
        status.course.id,
        status.course.version,
        status.generated_at
    ));
    let conflicted = status.repos.iter().filter(|r| !r.conflicts.is_empty()).count();
    if conflicted > 0 {
        out.push_str(&format!(
            "{conflicted} repo(s) have merge conflicts to resolve (`git status` in the repo lists them).\n"
        ));
    }
    out
}

fn status_csv(status: &CohortStatus) -> Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "handle",
        "name",
        "email",
        "first_day",
        "current_day",
        "course_version",
        "commit",
        "commit_date",
        "summary",
        "tests_passed",
        "tests_total",
        "conflicts",
        "uncommitted",
        "problem",
    ])?;
    let text = |value: Option<String>| value.unwrap_or_default();
    for repo in &status.repos {
        let commit = repo.last_commit.as_ref();
        let cells = [
            repo.handle.clone(),
            text(repo.name.clone()),
            text(repo.email.clone()),
            text(repo.first_day.map(|d| d.to_string())),
            text(repo.current_day.map(|d| d.to_string())),
            text(repo.course_version.clone()),
            text(commit.map(|c| c.id.clone())),
            text(commit.map(|c| c.date.clone())),
            text(commit.map(|c| c.summary.clone())),
            text(repo.tests.as_ref().map(|t| t.passed.to_string())),
            text(repo.tests.as_ref().map(|t| t.total.to_string())),
            repo.conflicts.len().to_string(),
            repo.uncommitted.to_string(),
            text(repo.problem.clone()),
        ];
        // Learners wrote the names, emails and commit messages: no cell may run as a formula.
        writer.write_record(cells.iter().map(|cell| spreadsheet_cell(cell).into_owned()))?;
    }
    let bytes = writer.into_inner().context("cannot write the CSV")?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn write_html(file: &Path, html: &str) -> Result<()> {
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(file, html).with_context(|| format!("cannot write {}", file.display()))
}
