//! The course embedded in the binary: consistent, renderable, and walkable with `bec next`.

use std::fs;

use crate::support::*;

/// What every lab sheet has, in this order of use: why, what, how, when done, help, thinking back.
const LAB_SHEET_SECTIONS: [&str; 7] = [
    "## Goal",
    "## Concepts",
    "## Steps",
    "## Definition of done",
    "## Hints",
    "## Reflection",
    "## Self-check",
];

#[test]
fn every_day_marked_with_a_lab_has_one_and_renders_both_ways() {
    let sandbox = Sandbox::new().built_in_course();
    let list = sandbox.bec(&["list"]);
    list.success();
    let lab_days: Vec<String> = list
        .stdout
        .lines()
        .filter(|l| l.trim_start_matches(['▶', ' ']).starts_with("day") && !l.contains("(no lab yet)"))
        .map(|l| l.trim_start_matches(['▶', ' '])[3..5].to_string())
        .collect();
    assert!(lab_days.len() >= 3, "at least days 1-3 have labs: {}", list.stdout);
    for day in &lab_days {
        for variant in ["starter", "solution"] {
            let target = format!("{variant}-{day}");
            let mut args = vec!["new", day.as_str(), target.as_str(), "--yes", "--date", "2026-01-01"];
            if variant == "solution" {
                args.push("--solution");
            }
            sandbox.bec(&args).success();
            let dir = sandbox.path().join(&target).join(format!("day{day}"));
            let sheet = fs::read_to_string(dir.join("README.md")).unwrap_or_default();
            let number: u32 = day.parse().unwrap();
            assert!(
                sheet.starts_with(&format!("# Day {number} — ")),
                "day {day}: lab sheet title"
            );
            for heading in LAB_SHEET_SECTIONS {
                assert!(
                    sheet.lines().any(|l| l.starts_with(heading)),
                    "day {day}: the lab sheet lacks `{heading}`"
                );
            }
            assert!(dir.join("day.toml").is_file(), "day {day} has a day.toml");
        }
        let starter = snapshot(&sandbox.path().join(format!("starter-{day}")));
        let solution = snapshot(&sandbox.path().join(format!("solution-{day}")));
        assert_ne!(
            starter, solution,
            "day {day}: the starter must differ from the reference"
        );
        let leftover_markers = starter.iter().chain(solution.iter()).find(|(_, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            text.contains("BEGIN SOLUTION") || text.contains("STARTER:")
        });
        assert!(
            leftover_markers.is_none(),
            "day {day}: region markers leaked into {:?}",
            leftover_markers.map(|l| &l.0)
        );
    }
}

#[test]
fn a_learner_walks_days_one_to_three_with_next() {
    let sandbox = Sandbox::new().built_in_course();
    let repo_dir = sandbox.new_repo("1");
    let notes = repo_dir.join("day01/NOTES.md");
    fs::write(&notes, "what I learned on day 1\n").unwrap();
    commit_all(&repo_dir, "day 1 notes");
    for day in ["02", "03"] {
        sandbox.bec_in("repo", &["next", "--date", "2026-01-05"]).success();
        assert!(repo_dir.join(format!("day{day}/README.md")).is_file());
    }
    assert_eq!(fs::read_to_string(&notes).unwrap(), "what I learned on day 1\n");
    let readme = fs::read_to_string(repo_dir.join("README.md")).unwrap();
    assert!(readme.contains("day03/"), "{readme}");
    assert!(dirty_files(&repo_dir).is_empty());
}

#[test]
fn the_built_in_course_lists_sixty_days() {
    let sandbox = Sandbox::new().built_in_course();
    let list = sandbox.bec(&["list"]);
    list.success().stdout_has("day60").stdout_has("Week 12");
}

/// A learner who solves every lab (the reference files replace the starter) and advances with
/// `bec next` never meets a conflict and never loses a solved file, from day 1 to the end.
#[test]
fn a_learner_who_solves_each_day_walks_all_lab_days_without_conflicts() {
    let sandbox = Sandbox::new().built_in_course();
    let repo_dir = sandbox.new_repo("1");
    let mut day = 1;
    loop {
        let dir = format!("day{day:02}");
        let reference = format!("ref{day:02}");
        sandbox
            .bec(&[
                "new",
                &day.to_string(),
                &reference,
                "--yes",
                "--solution",
                "--date",
                "2026-01-01",
            ])
            .success();
        copy_dir(&sandbox.path().join(&reference).join(&dir), &repo_dir.join(&dir));
        fs::write(repo_dir.join(&dir).join("NOTES.md"), format!("notes of day {day}\n")).unwrap();
        commit_all(&repo_dir, &format!("solve {dir}"));
        let solved = snapshot(&repo_dir.join(&dir));
        let next = sandbox.bec_in("repo", &["next", "--date", "2026-01-05"]);
        if next.code != 0 && next.stderr.contains("the last day of the course") {
            break;
        }
        next.success();
        assert_eq!(snapshot(&repo_dir.join(&dir)), solved, "{dir} changed after `bec next`");
        day += 1;
    }
    assert_eq!(day, 60, "the walk stopped before the course's last day");
    assert!(dirty_files(&repo_dir).is_empty());
}
