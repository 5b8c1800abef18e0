//! bec's integration tests: the built binary driven in temp dirs, the repos checked with git2.

mod support;

mod bad_input;
mod built_in_course;
mod check_and_doctor;
mod closed_pipe;
mod cohort;
mod course_limits;
mod course_source;
mod course_tools;
mod damaged_state;
mod faults;
mod full_disk;
mod interactive;
mod learner_text;
mod merge_safety;
mod new_repo;
mod next_day;
mod readme;
mod rust_version;
mod staging_leftovers;
