//! bec's integration tests: the built binary driven in temp dirs, the repos checked with git2.

mod support;

mod bad_input;
mod built_in_course;
mod check_and_doctor;
mod cohort;
mod course_tools;
mod interactive;
mod new_repo;
mod next_day;
mod readme;
mod rust_version;
