//! Text a learner controls (commit messages, file names, roster cells, answers) never reaches the
//! admin's terminal or spreadsheet as anything but text, and never as control characters.

use std::fs;

use crate::support::*;

/// `bec cohort new` for this roster, as the cohort tests run it.
fn cohort_new(sandbox: &Sandbox, roster: &str) -> Run {
    fs::write(sandbox.path().join("roster.csv"), roster).unwrap();
    crate::cohort::cohort_new(sandbox, &[])
}

#[track_caller]
fn no_control_characters(text: &str) {
    let found: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(found.is_empty(), "control characters {found:?} in:\n{text}");
}

#[test]
fn escape_sequences_in_commits_and_file_names_are_shown_escaped_by_cohort_status_and_verify() {
    let sandbox = Sandbox::new();
    cohort_new(&sandbox, "handle\nada\nbob\n").success();
    let ada = sandbox.path().join("class/ada");
    fs::write(ada.join("notes.md"), "my notes").unwrap();
    // Erases the line and writes a fake result over it.
    commit_all(&ada, "\u{1b}[2K\r\u{1b}[32mall 60 days done\u{1b}[0m");
    fs::write(ada.join("evil\u{1b}[8m.txt"), "hidden").unwrap();

    let status = sandbox.bec(&["cohort", "status", "class"]);
    status.success().stdout_has("\\u{1b}[2K\\r\\u{1b}[32mall 60 days done");
    no_control_characters(&status.stdout);

    let verify = sandbox.bec(&["cohort", "verify", "class"]);
    verify.code(1).stdout_has("evil\\u{1b}[8m.txt");
    no_control_characters(&verify.stdout);

    let csv = sandbox.bec(&["cohort", "status", "class", "--format", "csv"]);
    csv.success();
    no_control_characters(&csv.stdout);
}

#[test]
fn csv_cells_that_start_like_a_formula_are_neutralised() {
    let sandbox = Sandbox::new();
    cohort_new(
        &sandbox,
        "handle,name,email\nada,\"=HYPERLINK(\"\"http://evil.invalid\"\",\"\"ok\"\")\",+1@x.invalid\nbob,-2+3,@bob@x.invalid\n",
    )
    .success();
    commit_all(&sandbox.path().join("class/bob"), "@SUM(A1:A9)");
    let run = sandbox.bec(&["cohort", "status", "class", "--format", "csv"]);
    run.success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[1].starts_with("ada,\"'=HYPERLINK(\"\"http://evil.invalid\"\",\"\"ok\"\")\",'+1@x.invalid,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("bob,'-2+3,'@bob@x.invalid,"), "{}", lines[2]);
    assert!(lines[2].contains(",'@SUM(A1:A9),"), "{}", lines[2]);
}

#[test]
fn control_characters_in_set_answers_are_refused_naming_the_key() {
    let sandbox = Sandbox::new();
    for value in ["Ada\u{1b}[31m", "Ada\tL", "Ada\u{7f}"] {
        let set = format!("author_name={value}");
        sandbox
            .bec(&["new", "1", "repo", "--yes", "--set", &set])
            .code(3)
            .clean_error()
            .stderr_has("invalid answer for `author_name`: it contains the control character");
        assert!(!sandbox.path().join("repo").exists());
    }
}

#[test]
fn control_characters_in_roster_answers_are_refused_naming_the_row() {
    let sandbox = Sandbox::new();
    cohort_new(
        &sandbox,
        "handle,author_name\nada,Ada\nbob,\"Bob\u{1b}]0;owned\u{7}\"\n",
    )
    .code(3)
    .clean_error()
    .stderr_has("line 3: invalid answer for `author_name`: it contains the control character \\u{1b}");
    assert!(!sandbox.path().join("class").exists());
}

#[test]
fn handles_windows_cannot_use_as_folder_names_are_refused() {
    let sandbox = Sandbox::new();
    let run = cohort_new(&sandbox, "handle\nada\ncon\nnul\nCOM1\nlpt9\nAux.txt\nbob.\n");
    run.code(3).clean_error();
    for (line, handle) in [(3, "con"), (4, "nul"), (5, "COM1"), (6, "lpt9"), (7, "Aux.txt")] {
        run.stderr_has(&format!("line {line}: handle `{handle}` is a device name on Windows"));
    }
    run.stderr_has("line 8: handle `bob.` ends with `.`");
    assert!(!sandbox.path().join("class").exists());
}
