//! `bec list`: the course's days by week.

use crate::course::Course;
use crate::day_id::day_dir;

/// The text of `bec list`; `current` marks the learner's day.
pub fn render_list(course: &Course, current: Option<u32>) -> String {
    let manifest = &course.manifest;
    let mut out = format!("{} (version {})\n", manifest.course.title, manifest.course.version);
    let mut week = 0;
    for day in &manifest.days {
        if day.week != week {
            week = day.week;
            let title = manifest.week_title(week).unwrap_or("");
            out.push_str(&format!("\nWeek {week} — {title}\n"));
        }
        let marker = if Some(day.number) == current { "▶" } else { " " };
        let note = if day.lab { "" } else { "  (no lab yet)" };
        out.push_str(&format!("{marker} {}  {}{note}\n", day_dir(day.number), day.title));
    }
    let labs = manifest.days.iter().filter(|d| d.lab).count();
    out.push_str(&format!("\n{labs} of {} days have labs.", manifest.days.len()));
    if current.is_some() {
        out.push_str(" ▶ marks your current day.");
    }
    out.push('\n');
    out
}
