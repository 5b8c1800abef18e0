//! Operations: each command's work, with a plain options struct, callable without the CLI.

pub mod check;
pub mod cohort;
pub mod course;
pub mod day_done;
pub mod doctor;
pub mod hint;
pub mod list;
pub mod new;
pub mod next;
pub mod status;
pub mod update;

mod learner_render;

pub use learner_render::{render_learner_repo, render_learner_tree};
