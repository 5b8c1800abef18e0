//! `bec cohort`: identical learner repos for a whole class, made, checked and reported together.
//!
//! - `new` ([`new::new_cohort`]): one repo per roster row ([`roster`]) in `DIR/<handle>/`. The
//!   course is rendered once, with one set of shared answers and one date, and every repo is built
//!   from that render, so every `bec/template` branch is the same commit. A learner's own answers
//!   (roster columns named like a course question) go into their `bec.toml` only, as one extra
//!   commit on `main`: see [`learner_answers`].
//! - `verify` ([`verify::verify`]): proves the repos identical.
//! - `status` ([`status::cohort_status`]): a row per repo, as a table, CSV, JSON or an HTML grid
//!   ([`html`]).

pub mod add;
pub mod handle;
pub mod html;
pub mod learner_answers;
pub mod learner_repo;
pub mod members;
pub mod new;
pub mod push;
pub mod roster;
pub mod status;
pub mod verify;
pub mod workers;
