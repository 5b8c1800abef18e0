//! The HTML report of `bec cohort status --html FILE`: a learners × days grid an instructor can
//! take in at a glance. One self-contained file: inline CSS, no JavaScript, no external assets.
//!
//! A row per learner, a column per course day that any repo has. A cell is green when the day is
//! the learner's current day and all its tests pass, amber with "N/M" when some fail, red with
//! "✗ 0/M" when none passes, blue when
//! the day is in the repo but its tests were not run, and grey when the learner has not reached
//! it. Every cell also carries a symbol and a tooltip, so colour is never the only signal. The
//! footer counts, per day, the learners who have it and those whose tests all pass. Merge
//! conflicts and uncommitted files are flagged beside the last commit; the header says when the
//! report was generated.
//! Every string a learner controls (handle, name, commit summary) is HTML-escaped.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::course::Course;
use crate::day_id::day_dir;

use super::status::{CohortStatus, MemberStatus};

const STYLE: &str = "
body { font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; margin: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.meta { color: #57606a; margin: 0 0 16px; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; margin: 0 0 16px; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 28px; height: 20px; border-radius: 4px; text-align: center;
  font-size: 12px; line-height: 20px; }
table { border-collapse: separate; border-spacing: 2px; }
th, td { padding: 4px 6px; }
thead th { font-size: 12px; color: #57606a; font-weight: 600; text-align: center; }
thead th.learner, thead th.commit, tbody th { text-align: left; }
tbody th { font-weight: 600; white-space: nowrap; }
.name { display: block; font-weight: 400; color: #57606a; font-size: 12px; }
.commit { font-size: 12px; color: #57606a; max-width: 260px; }
.commit code { color: #1f2328; }
.summary { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 260px; }
.problem { display: block; color: #a40e26; }
.num { text-align: center; }
.cell { min-width: 34px; text-align: center; border-radius: 4px; font-size: 12px; }
.pass { background: #2da44e; color: #fff; font-weight: 600; }
.partial { background: #f5c542; color: #3b2e00; font-weight: 600; }
.zero { background: #cf222e; color: #fff; font-weight: 600; }
.flag { display: inline-block; margin: 2px 4px 0 0; padding: 0 6px; border-radius: 10px; font-size: 11px; }
.flag.conflict { background: #ffebe9; color: #a40e26; border: 1px solid #cf222e; }
.flag.dirty { background: #fff8c5; color: #4d2d00; border: 1px solid #d4a72c; }
.present { background: #cfe3ff; color: #0a3069; }
.none { background: #f0f1f3; color: #8c959f; }
tfoot td, tfoot th { font-size: 12px; color: #57606a; text-align: center; border-top: 1px solid #d0d7de; }
tfoot th { text-align: left; }
";

/// The report as one HTML document.
pub fn html_report(status: &CohortStatus, course: &Course) -> String {
    let days: Vec<u32> = status
        .repos
        .iter()
        .flat_map(MemberStatus::days)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let title = escape(&status.course.title);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — cohort status</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"meta\">Course <code>{}</code>, version {} · {} learner repos · {} · \
         generated {} UTC</p>\n",
        escape(&status.course.id),
        escape(&status.course.version),
        status.repos.len(),
        if status.tests_run {
            "tests run on each learner's current day"
        } else {
            "tests not run (add --run-tests to see them)"
        },
        escape(&status.generated_at)
    );
    html.push_str(
        "<ul class=\"legend\">\n\
         <li><span class=\"swatch pass\">✓</span> current day, all tests pass</li>\n\
         <li><span class=\"swatch partial\">1/3</span> current day, some tests pass</li>\n\
         <li><span class=\"swatch zero\">✗ 0/3</span> current day, no test passes</li>\n\
         <li><span class=\"swatch present\">●</span> in the repo, tests not run</li>\n\
         <li><span class=\"swatch none\">·</span> not reached</li>\n\
         <li><span class=\"flag conflict\">⚠ conflicts</span> a merge left conflicts to resolve</li>\n\
         <li><span class=\"flag dirty\">✎ uncommitted</span> work not committed yet</li>\n</ul>\n",
    );

    html.push_str("<table>\n<thead>\n<tr><th class=\"learner\" scope=\"col\">Learner</th><th scope=\"col\">Day</th><th class=\"commit\" scope=\"col\">Last commit</th>");
    for day in &days {
        let day_title = course.manifest.day(*day).map(|d| d.title.as_str()).unwrap_or("");
        let _ = write!(
            html,
            "<th scope=\"col\" title=\"{}: {}\">{day}</th>",
            day_dir(*day),
            escape(day_title)
        );
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");
    for repo in &status.repos {
        row(&mut html, repo, &days);
    }
    html.push_str("</tbody>\n<tfoot>\n<tr><th colspan=\"3\">Learners with the day (✓ all tests pass)</th>");
    for day in &days {
        let present = status.repos.iter().filter(|r| r.days().contains(day)).count();
        let passing = status
            .repos
            .iter()
            .filter(|r| r.tests.as_ref().is_some_and(|t| t.day == *day && t.all_passed))
            .count();
        let tested = status
            .repos
            .iter()
            .any(|r| r.tests.as_ref().is_some_and(|t| t.day == *day));
        let _ = write!(html, "<td>{present}/{}", status.repos.len());
        if tested {
            let _ = write!(html, "<br>{passing} ✓");
        }
        html.push_str("</td>");
    }
    html.push_str("</tr>\n</tfoot>\n</table>\n</body>\n</html>\n");
    html
}

fn row(html: &mut String, repo: &MemberStatus, days: &[u32]) {
    let _ = write!(html, "<tr><th scope=\"row\">{}", escape(&repo.handle));
    if let Some(name) = &repo.name {
        let _ = write!(html, "<span class=\"name\">{}</span>", escape(name));
    }
    let _ = write!(
        html,
        "</th><td class=\"num\">{}</td><td class=\"commit\">",
        repo.current_day.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
    );
    if let Some(commit) = &repo.last_commit {
        let _ = write!(
            html,
            "<code>{}</code> {}<span class=\"summary\" title=\"{summary}\">{summary}</span>",
            escape(&commit.short_id),
            escape(&commit.date),
            summary = escape(&commit.summary)
        );
    }
    if !repo.conflicts.is_empty() {
        let _ = write!(
            html,
            "<span class=\"flag conflict\" title=\"{}\">⚠ {} conflicted</span>",
            escape(&repo.conflicts.join(", ")),
            repo.conflicts.len()
        );
    }
    if repo.uncommitted > 0 {
        let _ = write!(
            html,
            "<span class=\"flag dirty\">✎ {} uncommitted</span>",
            repo.uncommitted
        );
    }
    if let Some(problem) = &repo.problem {
        let _ = write!(html, "<span class=\"problem\">{}</span>", escape(problem));
    }
    html.push_str("</td>");
    let present = repo.days();
    for day in days {
        let (class, text, tip) = match &repo.tests {
            Some(tests) if tests.day == *day && tests.all_passed => (
                "pass",
                format!("✓ {}/{}", tests.passed, tests.total),
                "all tests pass".to_string(),
            ),
            Some(tests) if tests.day == *day && tests.passed == 0 => (
                "zero",
                format!("✗ 0/{}", tests.total),
                format!("none of {} tests pass", tests.total),
            ),
            Some(tests) if tests.day == *day => (
                "partial",
                format!("{}/{}", tests.passed, tests.total),
                format!("{} of {} tests pass", tests.passed, tests.total),
            ),
            _ if present.contains(day) => ("present", "●".to_string(), "in the repo, tests not run".to_string()),
            _ => ("none", "·".to_string(), "not reached".to_string()),
        };
        let _ = write!(
            html,
            "<td class=\"cell {class}\" title=\"{}, {}: {tip}\">{text}</td>",
            escape(&repo.handle),
            day_dir(*day)
        );
    }
    html.push_str("</tr>\n");
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_learner_strings_is_escaped() {
        assert_eq!(
            escape("<b>\"Bo\" & 'Al'</b>"),
            "&lt;b&gt;&quot;Bo&quot; &amp; &#39;Al&#39;&lt;/b&gt;"
        );
    }
}
