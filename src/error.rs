//! Mistakes the user must fix, each with one clear message and a documented exit code.
//!
//! Anything that is not a [`UserError`] (an I/O failure, a libgit2 error) is reported with its
//! context chain and exit code [`exit::FAILURE`].

use std::path::PathBuf;

/// Exit codes, documented in the README ("Exit codes").
pub mod exit {
    /// Everything worked (for `bec check`: every test passed).
    pub const SUCCESS: u8 = 0;
    /// Tests failing (`bec check`), an update available (`bec update --check`), or an unexpected
    /// error such as an unreadable file.
    pub const FAILURE: u8 = 1;
    /// The command line itself is wrong (unknown flag, missing argument): reported by clap.
    pub const USAGE: u8 = 2;
    /// A value given to bec is wrong: unknown day, invalid answer, bad `--set` or `--date`.
    pub const BAD_INPUT: u8 = 3;
    /// The repo or target folder is not in a state that allows the command: not a learner repo,
    /// dirty work tree, detached HEAD, merge in progress, non-empty target, damaged bec.toml,
    /// another bec command running in the repo, an interrupted merge, a file or link in the way.
    pub const REPO_STATE: u8 = 4;
    /// The course itself is broken: manifest unreadable or too new, template error, unsafe path.
    pub const COURSE: u8 = 5;
    /// `bec next` stopped on merge conflicts that the learner resolves (or aborts).
    pub const CONFLICT: u8 = 6;
    /// Something bec needs from the machine is missing: a tool, a git identity.
    pub const ENVIRONMENT: u8 = 7;
}

/// A mistake the user can fix. The message names the problem and the fix.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("`{given}` is not a course day: use a number from 1 to {last}, written `12`, `day12` or `day-12`")]
    BadDay { given: String, last: u32 },

    #[error(
        "day {day} ({title}) has no lab yet: the course only describes it so far.\n\
         Run `bec list` to see the days that have labs."
    )]
    DayWithoutLab { day: u32, title: String },

    #[error("invalid answer for `{name}`: {problem}")]
    BadAnswer { name: String, problem: String },

    #[error("`--set {given}` is not of the form key=value (for example --set project_name=my-course)")]
    BadSet { given: String },

    #[error("unknown question `{name}` in --set: this course asks for {known}")]
    UnknownAnswer { name: String, known: String },

    #[error("no answer for `{name}` ({question}) and no terminal to ask on: pass --set {name}=VALUE")]
    MissingAnswer { name: String, question: String },

    #[error(
        "no answer for `{name}`: git config {key} is not set and there is no terminal to ask on.\n\
         Pass --set {name}=VALUE, or set it once with `git config --global {key} VALUE`"
    )]
    MissingGitDefault { name: String, key: String },

    #[error("invalid date `{given}`: use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or seconds since 1970")]
    BadDate { given: String },

    #[error("`{given}` is after 2106-02-07T06:28:15Z, the last moment a git commit can record: use an earlier date")]
    DateOutOfRange { given: String },

    #[error("{path} exists and is not empty: choose another folder, or remove it first")]
    TargetNotEmpty { path: PathBuf },

    #[error(
        "not inside a bec learner repo (no bec.toml in {start} or any folder above it).\n\
         Create one with `bec new day1`, or cd into your course repo."
    )]
    NotALearnerRepo { start: PathBuf },

    #[error(
        "{path} is damaged: {problem}.\nRestore it with `git checkout HEAD -- bec.toml` (or fix the value by hand)."
    )]
    BrokenState { path: PathBuf, problem: String },

    #[error(
        "this repo follows course `{repo_course}` ({repo_source}), but bec is using course `{course}` \
         ({using}).\n{fix}"
    )]
    CourseMismatch {
        repo_course: String,
        repo_source: String,
        course: String,
        using: String,
        fix: String,
    },

    #[error(
        "this repo follows the course in {path}, but bec is using the course built into bec: that would \
         drop the changes of the course in {path}, so bec changed nothing.\n\
         Run `{rerun}` (or set BEC_COURSE to that folder; if it moved, give its new place)."
    )]
    FollowsCourseFolder { path: String, rerun: String },

    #[error(
        "this repo has version {repo_version} of course `{course}`, but {using} is version {version}, \
         which is older (semantic-version order), so bec changed nothing: it never takes a repo back \
         to an older course version.\n{fix}"
    )]
    OlderCourse {
        course: String,
        repo_version: String,
        version: String,
        using: String,
        fix: String,
    },

    #[error(
        "the work tree has uncommitted changes, so bec changed nothing:\n{files}\n\
         Commit them (`git add -A && git commit`) or stash them (`git stash -u`), then run the command again."
    )]
    DirtyTree { files: String },

    #[error("HEAD is detached: check out your branch first (`git switch main`)")]
    DetachedHead,

    #[error(
        "a merge is already in progress in this repo: finish it (resolve, `git add`, `git commit`) \
         or undo it with `bec next --abort`"
    )]
    MergeInProgress,

    #[error("there is no bec merge to abort in this repo")]
    NothingToAbort,

    #[error(
        "{holder} is already changing this repo, so this command changed nothing.\n\
         Wait for it to finish, then run this command again."
    )]
    Busy { holder: String },

    #[error(
        "a `bec next` or `bec update` in this repo was interrupted before it finished (killed, machine \
         stopped, disk full), so bec changed nothing now.\n\
         Undo what it left with `bec next --abort`, then run the command again."
    )]
    Interrupted,

    #[error(
        "{path} exists: a git command is running in this repo, or one (or bec) was interrupted and left it.\n\
         If no git command is running (editors run git too), remove it with `rm {path}`, then run the command again."
    )]
    StaleIndexLock { path: PathBuf },

    #[error(
        "the course writes `{path}`, but `{link}` is a symbolic link in your repo: bec never writes through a \
         link (the file could be outside the repo), so it changed nothing.\n\
         Replace the link with a real folder or file (or rename it), commit, and run the command again."
    )]
    LinkInTheWay { link: String, path: String },

    #[error(
        "the course adds these paths, but your repo already has files there that git does not track \
         (ignored files, such as a .env with a secret), so bec changed nothing:\n{files}\n\
         Move them out of the way (for example `mv day03/.env day03/.env.mine`), run the command again, \
         then bring back what you need."
    )]
    UntrackedInTheWay { files: String },

    #[error(
        "the course has {course} at `{path}`, where your branch has {yours}, so bec changed nothing.\n\
         Rename yours (`git mv {path} {path}.mine`), commit, and run the command again."
    )]
    FileFolderConflict {
        path: String,
        yours: String,
        course: String,
    },

    #[error(
        "the branch `bec/template` is checked out: it holds only the course's renders, and bec merges them \
         into your own branch.\nSwitch to your branch first (`git switch main`), then run the command again."
    )]
    OnTemplateBranch,

    #[error(
        "you changed these files after the merge wrote them, and undoing the merge would lose that, \
         so bec changed nothing:\n{files}\n\
         Copy what you want to keep outside the repo (or undo your change with `git checkout -- FILE`), \
         then run `bec next --abort` again; or finish the merge instead (`git add`, `git commit`)."
    )]
    EditedSinceMerge { files: String },

    #[error("the branch `bec/template`, which holds the course's renders, is missing.\n{fix}")]
    MissingTemplateBranch { fix: String },

    #[error("you are on day {day}, the last day of the course: there is no next day. Congratulations!")]
    CourseFinished { day: u32 },

    #[error(
        "git does not know who you are, and commits need an author.\n\
         Set it once with:\n  git config --global user.name \"Your Name\"\n  git config --global user.email \"you@example.com\""
    )]
    MissingIdentity,

    #[error(
        "the course manifest has format_version {found}, but this bec understands up to {known}.\n\
         Upgrade bec (cargo install --locked --path . in its repo) to use this course."
    )]
    FormatTooNew { found: i64, known: u32 },

    #[error("course error: {0}")]
    Course(String),

    #[error("template error in {file}{location}: {problem}")]
    Template {
        file: String,
        location: String,
        problem: String,
    },

    #[error("unsafe path in the course: {file} would render to `{rendered}`, which {problem}")]
    UnsafePath {
        file: String,
        rendered: String,
        problem: String,
    },

    #[error("{tool} is needed for this and was not found: {install}")]
    MissingTool { tool: String, install: String },

    #[error("{path} cannot be used as a roster, so nothing was created:\n{problems}\n{fix}")]
    BadRoster {
        path: PathBuf,
        problems: String,
        fix: String,
    },

    #[error(
        "no shared answer for {names}: a cohort's repos are all rendered with the same answers, so bec \
         does not read your git config for them.\nPass {sets} (a roster column with the same name still \
         gives each learner their own value in bec.toml)"
    )]
    MissingSharedAnswers { names: String, sets: String },

    #[error(
        "--push `{given}` has no {{handle}} placeholder, so every repo would go to the same remote.\n\
         Write it like file:///srv/git/{{handle}}.git or git@host:class/{{handle}}.git"
    )]
    BadPushUrl { given: String },

    #[error(
        "`--push {given}` needs ssh/https support, which this bec was built without.\n\
         Reinstall it with `cargo install --locked --path . --features network`, \
         or push to a path or a file:// URL"
    )]
    NoNetworkTransport { given: String },

    #[error(
        "these learner folders exist and are not empty, so nothing was created:\n{paths}\n\
         Remove them, choose another --out folder, or take those rows out of the roster."
    )]
    TargetsNotEmpty { paths: String },

    #[error(
        "{dir} holds no learner repos (folders with a bec.toml and a .git).\n\
         Create them with `bec cohort new ROSTER.csv --day 1 --out {dir}`."
    )]
    NoCohortRepos { dir: String },

    #[error("cannot add learners to {dir}: {problem}\n{fix}")]
    ClassMismatch { dir: String, problem: String, fix: String },

    #[error("{0}")]
    Other(String),
}

impl UserError {
    /// The documented exit code of this mistake.
    pub fn exit_code(&self) -> u8 {
        use UserError::*;
        match self {
            BadDay { .. }
            | DayWithoutLab { .. }
            | BadAnswer { .. }
            | BadSet { .. }
            | UnknownAnswer { .. }
            | MissingAnswer { .. }
            | BadDate { .. }
            | DateOutOfRange { .. }
            | BadRoster { .. }
            | MissingSharedAnswers { .. }
            | BadPushUrl { .. }
            | NoNetworkTransport { .. } => exit::BAD_INPUT,
            TargetNotEmpty { .. }
            | NotALearnerRepo { .. }
            | BrokenState { .. }
            | CourseMismatch { .. }
            | FollowsCourseFolder { .. }
            | OlderCourse { .. }
            | DirtyTree { .. }
            | DetachedHead
            | MergeInProgress
            | NothingToAbort
            | Busy { .. }
            | Interrupted
            | StaleIndexLock { .. }
            | LinkInTheWay { .. }
            | UntrackedInTheWay { .. }
            | FileFolderConflict { .. }
            | OnTemplateBranch
            | EditedSinceMerge { .. }
            | MissingTemplateBranch { .. }
            | CourseFinished { .. }
            | TargetsNotEmpty { .. }
            | NoCohortRepos { .. }
            | ClassMismatch { .. } => exit::REPO_STATE,
            FormatTooNew { .. } | Course(_) | Template { .. } | UnsafePath { .. } => exit::COURSE,
            MissingIdentity | MissingGitDefault { .. } | MissingTool { .. } => exit::ENVIRONMENT,
            Other(_) => exit::FAILURE,
        }
    }
}
