//! The command line, parsed by clap. Turned into operation options in `app`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
        /// Also run each day's tests: the starter must fail and the reference must pass.
        #[arg(long)]
        labs: bool,
    },
    /// Show what a course folder that extends the built-in course changes.
    Diff { dir: PathBuf },
}
