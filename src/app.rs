//! The command layer: turns parsed arguments into operation options, prints results, and maps
//! every error to its documented exit code in one place.

use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser};

use crate::answers::{self, Asking};
use crate::cli::{Cli, Command, CourseCommand};
use crate::course::{Course, CourseSource};
use crate::date::Timestamp;
use crate::day_id::{day_dir, parse_day};
use crate::error::{UserError, exit};
use crate::ops::course::diff::{Change, CourseDiff, KeyChange};
use crate::ops::update::{UpdateOptions, UpdateReport};
use crate::ops::{self, new::NewOptions, next::NextOptions};
use crate::output::{out, outln};
use crate::regions::Variant;
use crate::repo::MergeOutcome;

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { exit::USAGE } else { exit::SUCCESS });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) if crate::output::is_closed_pipe(&error) => ExitCode::from(exit::SUCCESS),
        Err(error) => {
            let code = error
                .downcast_ref::<UserError>()
                .map(UserError::exit_code)
                .unwrap_or(exit::FAILURE);
            eprintln!("error: {}", describe(&error));
            ExitCode::from(code)
        }
    }
}

/// A user error prints its own message; anything else prints its context chain.
fn describe(error: &anyhow::Error) -> String {
    if let Some(user) = error.downcast_ref::<UserError>() {
        return user.to_string();
    }
    let mut text = error.to_string();
    for cause in error.chain().skip(1) {
        text.push_str(&format!("\n  caused by: {cause}"));
    }
    text
}

/// Runs one command and returns its exit code.
pub fn run(cli: Cli) -> Result<u8> {
    if let Command::Completions { shell } = cli.command {
        // Generated into memory: clap_complete panics when its writer fails (a closed pipe).
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "bec", &mut script);
        crate::output::write_bytes(&script)?;
        return Ok(exit::SUCCESS);
    }
    if let Command::Course { command } = &cli.command {
        return run_course_command(command);
    }
    let course = Course::load(cli.course.as_deref())?;
    let here = std::env::current_dir()?;
    let reads_learner_days = matches!(
        cli.command,
        Command::Next { abort: false, .. }
            | Command::Status { .. }
            | Command::Update { .. }
            | Command::Check { .. }
            | Command::Doctor { day: None }
    );
    if reads_learner_days && let Ok(learner) = ops::next::LearnerRepo::open(&here) {
        learner
            .state
            .check_days(&course, &learner.root.join(crate::state::STATE_FILE))?;
    }
    match cli.command {
        Command::New {
            day,
            path,
            yes,
            sets,
            date,
            solution,
        } => {
            let asking = Asking::detect(yes);
            let date = Timestamp::resolve(date.as_deref())?;
            let day = match day {
                Some(day) => parse_day(&day, course.manifest.last_day())?,
                None if asking == Asking::Interactive => ask_day(&course)?,
                None => 1,
            };
            let options = NewOptions {
                day,
                path,
                answers: answers::parse_sets(&sets)?,
                asking,
                date,
                variant: if solution { Variant::Solution } else { Variant::Starter },
            };
            let report = ops::new::new_repo(&course, &options)?;
            print_new(&course, &report)?;
            Ok(exit::SUCCESS)
        }
        Command::Next { abort, date } => {
            if abort {
                match ops::next::abort(&here)? {
                    crate::repo::Aborted::Undone => outln!(
                        "Aborted: the files the merge touched, your branch and bec/template are back where they \
                         were before the command; your other uncommitted changes are kept."
                    ),
                    crate::repo::Aborted::Repaired => outln!(
                        "No merge was left to undo; bec/template pointed at a course render your branch never \
                         merged, and points again at the last one it merged."
                    ),
                }
                return Ok(exit::SUCCESS);
            }
            let options = NextOptions {
                start: here,
                date: Timestamp::resolve(date.as_deref())?,
            };
            let report = ops::next::next_day(&course, &options)?;
            match report.outcome {
                MergeOutcome::Merged(commit) => {
                    if let Some(source_move) = &report.source_move {
                        outln!("{}", source_move.describe(true));
                    }
                    outln!(
                        "Day {} — {} is in {}/ (merge commit {}).",
                        report.day,
                        report.title,
                        day_dir(report.day),
                        short(commit)
                    );
                    print_next_steps(&course, &report)?;
                    Ok(exit::SUCCESS)
                }
                MergeOutcome::Conflicts(files) => {
                    if let Some(source_move) = &report.source_move {
                        outln!("{}", source_move.describe(true));
                    }
                    print_conflicts(&format!("Day {} — {}", report.day, report.title), &files)?;
                    Ok(exit::CONFLICT)
                }
            }
        }
        Command::Status { json } => {
            let report = ops::status::status(&course, &here)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                outln!("Course:  {} (version {})", report.course_id, report.course_version);
                match &report.course_path {
                    Some(path) => outln!("Source:  the course in {path}"),
                    None => outln!("Source:  the course built into bec"),
                }
                if let Some(note) = &report.course_note {
                    outln!("         {note}");
                }
                outln!(
                    "Day:     {} of {} — {}",
                    report.current_day,
                    report.last_day,
                    report.title
                );
                outln!(
                    "Days:    {} to {}",
                    day_dir(report.first_day),
                    day_dir(report.current_day)
                );
                outln!("Branch:  {}", report.branch.as_deref().unwrap_or("(detached HEAD)"));
                for repair in &report.repaired {
                    outln!("Repaired: {repair}");
                }
                if report.interrupted {
                    outln!("Merge:   interrupted: undo what it left with `bec next --abort`, then run it again");
                }
                if report.busy {
                    outln!("Busy:    another bec command is changing this repo right now");
                }
                if report.index_locked {
                    outln!("Lock:    .git/index.lock exists: if no git command is running, remove it");
                }
                if report.merge_in_progress {
                    outln!("Merge:   in progress ({} conflicted file(s))", report.conflicts.len());
                    for file in &report.conflicts {
                        outln!("           {file}");
                    }
                    outln!("         finish with `git add` + `git commit`, or undo with `bec next --abort`");
                }
            }
            Ok(exit::SUCCESS)
        }
        Command::List => {
            let current = ops::next::LearnerRepo::open(&here).ok().map(|l| l.state.current_day);
            out!("{}", ops::list::render_list(&course, current));
            Ok(exit::SUCCESS)
        }
        Command::Check {
            day,
            verbose,
            watch,
            watch_runs,
            pytest_args,
        } => crate::app_learner::run_check(
            &course,
            &here,
            crate::app_learner::CheckArgs {
                day,
                verbose,
                watch,
                watch_runs,
                pytest_args,
            },
        ),
        Command::Hint { day, all, reset } => crate::app_learner::run_hint(&course, &here, day, all, reset),
        Command::Doctor { day } => {
            let day = match day {
                Some(day) => parse_day(&day, course.manifest.last_day())?,
                None => ops::next::LearnerRepo::open(&here)
                    .map(|l| l.state.current_day)
                    .unwrap_or(1),
            };
            crate::app_learner::print_doctor(day, &ops::doctor::doctor(&course, day))
        }
        Command::Update { check, date } => {
            let options = UpdateOptions {
                start: here,
                date: Timestamp::resolve(date.as_deref())?,
                check_only: check,
            };
            match ops::update::update(&course, &options)? {
                UpdateReport::UpToDate { version } => {
                    outln!("Up to date with course version {version}.");
                    Ok(exit::SUCCESS)
                }
                UpdateReport::Available { from, to, source_move } => {
                    outln!(
                        "An update is available: course version {from} → {to}. Run `{}` to merge it.",
                        again(&course, "update")
                    );
                    if let Some(source_move) = source_move {
                        outln!("{}", source_move.describe(false));
                    }
                    Ok(exit::FAILURE)
                }
                UpdateReport::Updated {
                    from,
                    to,
                    outcome,
                    source_move,
                } => match outcome {
                    MergeOutcome::Merged(commit) => {
                        if let Some(source_move) = &source_move {
                            outln!("{}", source_move.describe(true));
                        }
                        outln!(
                            "Updated the course from {from} to {to} (merge commit {}).",
                            short(commit)
                        );
                        Ok(exit::SUCCESS)
                    }
                    MergeOutcome::Conflicts(files) => {
                        if let Some(source_move) = &source_move {
                            outln!("{}", source_move.describe(true));
                        }
                        print_conflicts(&format!("The update from {from} to {to}"), &files)?;
                        Ok(exit::CONFLICT)
                    }
                },
            }
        }
        Command::Cohort { command } => crate::app_cohort::run_cohort_command(&course, command),
        Command::Completions { .. } | Command::Course { .. } => unreachable!("handled above"),
    }
}

/// The command line that runs `command` with the course in use: it names `--course` for a
/// course folder, unless BEC_COURSE already names that folder.
fn again(course: &Course, command: &str) -> String {
    let from_env = std::env::var_os("BEC_COURSE")
        .filter(|dir| !dir.is_empty())
        .is_some_and(|dir| CourseSource::folder(std::path::Path::new(&dir)) == course.source);
    if from_env {
        format!("bec {command}")
    } else {
        course.source.command(command)
    }
}

fn ask_day(course: &Course) -> Result<u32> {
    let days: Vec<(u32, String)> = course
        .manifest
        .days
        .iter()
        .filter(|d| d.lab)
        .map(|d| (d.number, d.title.clone()))
        .collect();
    let items: Vec<String> = days
        .iter()
        .map(|(number, title)| format!("Day {number:>2} — {title}"))
        .collect();
    let rank = |query: &str| crate::picker::rank_days(&days, query);
    let index = crate::picker::select("Start at which day? (type to filter)", &items, 0, &rank)
        .map_err(|e| UserError::Other(format!("no day chosen: {e}")))?
        .ok_or_else(|| UserError::Other("no day chosen: nothing was created".into()))?;
    Ok(days[index].0)
}

fn short(oid: git2::Oid) -> String {
    oid.to_string()[..7].to_string()
}

fn print_new(course: &Course, report: &ops::new::NewReport) -> Result<()> {
    let day = report.state.current_day;
    let title = course.manifest.day(day).map(|d| d.title.as_str()).unwrap_or("");
    let path = report.path.display();
    outln!(
        "Created {path} at day {day} — {title} ({} files, commit {}).",
        report.files,
        short(report.commit)
    );
    if let Some(identity) = &report.identity {
        outln!(
            "git had no identity: this repo's commits are signed {} <{}> (its own git config; \
             `git config user.name` changes it).",
            identity.name,
            identity.email
        );
    }
    let dir = day_dir(day);
    let open = ops::day_done::open_command();
    // A repo made from a course folder needs it for every later command: the steps say so.
    print_steps(&[
        (format!("cd {path}"), String::new()),
        (
            format!("{open} {dir}/README.md"),
            "today's lab sheet (or open it in your editor)".to_string(),
        ),
        (
            format!("cd {dir} && uv sync"),
            "install the day's Python dependencies".to_string(),
        ),
        (
            again(course, "check"),
            "run the day's tests: they fail until the lab is done".to_string(),
        ),
        (
            again(course, "next"),
            format!("when you are ready: add day {}", day + 1),
        ),
    ])?;
    crate::output::flush()?;
    Ok(())
}

/// After a merged `bec next`: how the day before went, what the last lab day means, what to run.
fn print_next_steps(course: &Course, report: &ops::next::NextReport) -> Result<()> {
    use ops::day_done::{DayDone, day_done, last_lab_note, open_command};
    let previous = report.day - 1;
    match day_done(course, &report.root, previous) {
        DayDone::Done { passed } => outln!("Day {previous} is done: all {passed} of its tests pass."),
        DayDone::NotDone { passed, total } => outln!(
            "Day {previous} is not done yet: {passed} of {total} tests pass (`{}` shows which).",
            again(course, &format!("check {previous}"))
        ),
        DayDone::NotChecked { why } => {
            outln!(
                "Day {previous}: tests not run ({why}); `{}` says whether it is done.",
                again(course, &format!("check {previous}"))
            )
        }
    }
    if let Some(note) = last_lab_note(course, report.day) {
        outln!("{note}");
    }
    let dir = day_dir(report.day);
    print_steps(&[
        (
            format!("{} {dir}/README.md", open_command()),
            "the lab sheet (or open it in your editor)".to_string(),
        ),
        (
            format!("cd {dir} && uv sync"),
            "install the day's Python dependencies".to_string(),
        ),
        (again(course, "check"), "run the day's tests".to_string()),
    ])?;
    Ok(())
}

/// "Next steps:": one command a line, their comments lined up.
fn print_steps(steps: &[(String, String)]) -> Result<()> {
    let width = steps
        .iter()
        .map(|(command, _)| command.chars().count())
        .max()
        .unwrap_or(0);
    outln!("\nNext steps:");
    for (command, comment) in steps {
        if comment.is_empty() {
            outln!("  {command}");
        } else {
            let pad = " ".repeat(width - command.chars().count());
            outln!("  {command}{pad}   # {comment}");
        }
    }
    Ok(())
}

fn print_conflicts(what: &str, files: &[String]) -> Result<()> {
    outln!("{what} merged with conflicts: the course changed lines you changed too.");
    outln!("\nConflicted files (git status shows them; look for <<<<<<< markers):");
    for file in files {
        outln!("  {file}");
    }
    outln!(
        "\nTo finish: edit each file to keep what you want, then\n  git add <files> && git commit --no-edit\n\
         To undo everything instead:\n  bec next --abort"
    );
    Ok(())
}

fn run_course_command(command: &CourseCommand) -> Result<u8> {
    match command {
        CourseCommand::Export { dir } => {
            let count = ops::course::export::export(&Course::built_in()?, dir)?;
            outln!("Exported the built-in course ({count} files) to {}.", dir.display());
            outln!(
                "Edit it, check it with `bec course check {0}`, use it with `bec --course {0} new day1`.\n\
                 To change only a few files, keep just those plus a course.toml with `extends = \"builtin\"`.",
                dir.display()
            );
            Ok(exit::SUCCESS)
        }
        CourseCommand::Check { dir, labs } => {
            let report = ops::course::check::check_course(dir, *labs)?;
            for line in &report.lab_results {
                outln!("{line}");
            }
            if report.problems.is_empty() {
                outln!(
                    "{}: course OK ({} days with labs render as starter and reference).",
                    dir.display(),
                    report.lab_days
                );
                Ok(exit::SUCCESS)
            } else {
                eprintln!("{}: {} problem(s):", dir.display(), report.problems.len());
                for problem in &report.problems {
                    eprintln!("  - {problem}");
                }
                Ok(exit::COURSE)
            }
        }
        CourseCommand::Diff { dir, all } => {
            let diff = ops::course::diff::diff(dir)?;
            print_course_diff(&diff, *all)?;
            Ok(exit::SUCCESS)
        }
    }
}

fn print_course_diff(diff: &CourseDiff, all: bool) -> Result<()> {
    if diff.manifest.is_empty() {
        outln!("same       course.toml  (every key as in the built-in course)");
    } else {
        let merged = if diff.extends {
            ", merged with the built-in one"
        } else {
            ""
        };
        outln!("changes    course.toml  ({} key(s){merged})", diff.manifest.len());
        for change in &diff.manifest {
            match change {
                KeyChange::Changed { key, old, new } => outln!("  ~ {key} = {old} → {new}"),
                KeyChange::Added { key, new } => outln!("  + {key} = {new}"),
                KeyChange::Removed { key, old } => outln!("  - {key} = {old}"),
            }
        }
    }
    let (mut overrides, mut adds, mut removes, mut same) = (0, 0, 0, 0);
    for change in &diff.files {
        match change {
            Change::Overrides { path, diff } => {
                overrides += 1;
                outln!("overrides  {path}");
                if let Some(diff) = diff {
                    out!("{diff}");
                }
            }
            Change::Adds { path } => {
                adds += 1;
                outln!("adds       {path}");
            }
            Change::Removes { path } => {
                removes += 1;
                outln!("removes    {path}");
            }
            Change::Same { path } => {
                same += 1;
                if all && diff.extends {
                    outln!("same       {path}  (identical to the built-in file: it can be removed)");
                } else if all {
                    outln!("same       {path}");
                }
            }
        }
    }
    let mut summary = format!("{overrides} file(s) override the built-in course, {adds} added");
    if !diff.extends {
        summary.push_str(&format!(", {removes} removed"));
    }
    if same > 0 {
        summary.push_str(&format!(", {same} identical"));
        if !all {
            summary.push_str(" (not listed; --all lists them)");
        }
        if diff.extends {
            summary.push_str(": a folder that extends the built-in course needs only the files it changes");
        }
    }
    outln!("{summary}.");
    Ok(())
}
