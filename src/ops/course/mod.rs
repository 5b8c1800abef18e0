//! `bec course …`: tools for instructors who edit a course folder.

pub mod check;
pub mod diff;
pub mod export;
pub mod wrong;
