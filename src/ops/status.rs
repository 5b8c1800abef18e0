//! `bec status`: where the learner repo stands.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::course::Course;
use crate::ops::next::LearnerRepo;
use crate::repo::conflicted_paths;

/// The repo's state, as printed by `bec status` and `bec status --json`.
#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub root: String,
    pub course_id: String,
    pub course_version: String,
    /// The course version bec would render now (differs after an instructor's update).
    pub available_version: String,
    pub first_day: u32,
    pub current_day: u32,
    pub title: String,
    pub last_day: u32,
    pub branch: Option<String>,
    pub merge_in_progress: bool,
    pub conflicts: Vec<String>,
}

pub fn status(course: &Course, start: &Path) -> Result<StatusReport> {
    let learner = LearnerRepo::open(start)?;
    learner.check_course(course)?;
    let repo = &learner.repo;
    let branch = if repo.head_detached().unwrap_or(false) {
        None
    } else {
        repo.head().ok().and_then(|h| h.shorthand().ok().map(str::to_string))
    };
    let conflicts = match repo.index() {
        Ok(index) => conflicted_paths(&index)?,
        Err(_) => Vec::new(),
    };
    let day = learner.state.current_day;
    Ok(StatusReport {
        root: learner.root.display().to_string(),
        course_id: learner.state.course_id.clone(),
        course_version: learner.state.course_version.clone(),
        available_version: course.version().to_string(),
        first_day: learner.state.first_day,
        current_day: day,
        title: course.manifest.day(day).map(|d| d.title.clone()).unwrap_or_default(),
        last_day: course.manifest.last_day(),
        branch,
        merge_in_progress: repo.path().join("MERGE_HEAD").exists(),
        conflicts,
    })
}
