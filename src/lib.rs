//! bec: a learner's repo for a 60-day backend engineering course, advanced one day at a time
//! through real git merges.
//!
//! `app` turns the command line into calls to `ops`; `course` and `render` know the course;
//! `repo` and `state` know the learner's repo.

pub mod answers;
pub mod app;
mod app_cohort;
mod app_learner;
pub mod cli;
pub mod course;
pub mod date;
pub mod day_id;
pub mod error;
pub mod ops;
mod output;
pub mod paint;
pub mod picker;
pub mod printable;
pub mod regions;
pub mod render;
pub mod repo;
pub mod staging;
pub mod state;
pub mod template_errors;
pub mod template_limits;
