//! The command line, parsed by clap. Turned into operation options in `app`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "bec",
    version,
    about = "Run the 60-day backend engineering course: one git repo, one day at a time."
)]
pub struct Cli {
    /// Use the course in this folder instead of the built-in one.
    #[arg(long, global = true, env = "BEC_COURSE", value_name = "DIR")]
    pub course: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a learner repo at a course day.
    New {
        /// The day to start at: `12`, `day12` or `day-12` (asked when omitted on a terminal, else day 1).
        day: Option<String>,
        /// Where to create the repo (must not exist, or be empty).
        #[arg(default_value = "backend-course")]
        path: PathBuf,
        /// Never ask: use --set values and defaults.
        #[arg(short, long)]
        yes: bool,
        /// Answer a question: --set project_name=my-course (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        sets: Vec<String>,
        /// Commit date: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or epoch seconds (default: SOURCE_DATE_EPOCH, else now).
        #[arg(long)]
        date: Option<String>,
        /// Render the reference solution instead of the starter (for instructors).
        #[arg(long)]
        solution: bool,
    },
    /// Add the next day to this repo through a git merge.
    Next {
        /// Undo an unfinished `bec next` (conflicts and all).
        #[arg(long)]
        abort: bool,
        /// Commit date (see `bec new --date`).
        #[arg(long)]
        date: Option<String>,
    },
    /// Bring a newer course version into this repo through a git merge.
    Update {
        /// Only say whether an update is available: exit 0 when up to date, 1 when not.
        #[arg(long)]
        check: bool,
        /// Commit date (see `bec new --date`).
        #[arg(long)]
        date: Option<String>,
    },
    /// Tools for instructors: export, check and diff course folders.
    Course {
        #[command(subcommand)]
        command: CourseCommand,
    },
    /// For cohort admins: identical learner repos for a whole class, verified and reported together.
    Cohort {
        #[command(subcommand)]
        command: CohortCommand,
    },
    /// Show the course, day, branch and pending conflicts of this repo.
    Status {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List the course's days by week.
    List,
    /// Run a day's tests (default: the current day); exit 0 only when all pass.
    Check {
        /// The day to check.
        day: Option<String>,
        /// Show pytest's full output and whole tracebacks.
        #[arg(short, long)]
        verbose: bool,
        /// Run again every time a file in the day's folder is saved (Ctrl-C to stop).
        #[arg(short, long)]
        watch: bool,
        /// Stop watching after this many runs (for tests).
        #[arg(long, hide = true, requires = "watch")]
        watch_runs: Option<usize>,
        /// Arguments for pytest after `--`: `bec check -- -k create` runs only matching tests.
        #[arg(last = true, value_name = "PYTEST_ARGS")]
        pytest_args: Vec<String>,
    },
    /// Show the day's hints one at a time (default: the current day).
    Hint {
        /// The day whose hints to show.
        day: Option<String>,
        /// Show every hint of the day.
        #[arg(long, conflicts_with = "reset")]
        all: bool,
        /// Hide the day's hints again: the next `bec hint` shows the first one.
        #[arg(long)]
        reset: bool,
    },
    /// Check that the tools a day needs are installed.
    Doctor {
        /// The day to check for (default: the current day, or day 1 outside a repo).
        day: Option<String>,
    },
    /// Print shell completions.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum CourseCommand {
    /// Write the built-in course as an editable folder.
    Export {
        /// Where to write it (must not exist, or be empty).
        dir: PathBuf,
    },
    /// Report every problem in a course folder: manifest, templates, paths, and with --labs the tests.
    Check {
        dir: PathBuf,
        /// Also run each day's tests: the starter must fail, the reference must pass, and each
        /// known-wrong variant (`wrong/dayNN/*.patch`) must be caught by the tests it names.
        #[arg(long)]
        labs: bool,
    },
    /// Show what a course folder changes against the built-in course (a full export, or a
    /// folder with `extends = "builtin"`): manifest keys, and files overridden, added, removed.
    Diff {
        dir: PathBuf,
        /// Also list the files identical to the built-in ones.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CohortCommand {
    /// One learner repo per roster row in DIR/<handle>/, all identical (same commit ids).
    New {
        /// CSV with a header line: `handle` (required), `name`, `email`, and any course question
        /// (e.g. `author_name`) for a learner's own answer, kept in their bec.toml.
        roster: PathBuf,
        /// The day to start at: `1`, `day1` or `day-1`.
        #[arg(long)]
        day: String,
        /// The folder that gets one repo per learner.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// A shared answer for every repo: --set author_name="Course Staff" (repeatable). Defaults
        /// come from the course, never from your git config.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        sets: Vec<String>,
        /// Commit date of every repo (see `bec new --date`); one date for the whole batch.
        #[arg(long)]
        date: Option<String>,
        /// Create the good rows and list the bad ones (then exit 3), instead of refusing the roster.
        #[arg(long)]
        skip_bad: bool,
        /// Push `main` and `bec/template` of each repo to this URL, with {handle} replaced:
        /// file:///srv/git/{handle}.git, a path, or an ssh/https URL.
        #[arg(long, value_name = "URL_TEMPLATE")]
        push: Option<String>,
        /// Repos built at once (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Add late learners to a class made by `cohort new`: same day, answers, date and course
    /// version as its repos, so their `bec/template` is the class's commit (same id).
    Add {
        /// CSV like `cohort new`'s: `handle`, `name`, `email`, and any course question.
        roster: PathBuf,
        /// The class folder (the `--out` of `cohort new`): its repos say how to build the new ones.
        #[arg(long, visible_alias = "class", value_name = "DIR")]
        out: PathBuf,
        /// Create the good rows and list the bad ones (then exit 3), instead of refusing the roster.
        #[arg(long)]
        skip_bad: bool,
        /// Push each new repo (see `cohort new --push`).
        #[arg(long, value_name = "URL_TEMPLATE")]
        push: Option<String>,
        /// Repos built at once (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Prove the repos in DIR identical: same bec/template commit, main equal to it or differing
    /// only in bec.toml, clean work trees. Exit 1 naming the odd ones out.
    Verify { dir: PathBuf },
    /// One row per repo in DIR: day, course version, last commit, conflicts and uncommitted
    /// files, and tests with --run-tests.
    Status {
        dir: PathBuf,
        /// Also run each repo's current-day tests (like `bec check`), with the day's `.venv`, or one
        /// Python for every repo named by BEC_PYTHON.
        #[arg(long)]
        run_tests: bool,
        /// How to print the rows.
        #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
        format: StatusFormat,
        /// Also write a self-contained HTML report (learners × days grid) to this file.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Repos tested at once with --run-tests (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
}

/// Output format of `bec cohort status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Csv,
    Json,
}
