//! The roster: a CSV file with a header line and one line per learner.
//!
//! ```csv
//! handle,name,email,author_name
//! ada,Ada Lovelace,ada@example.org,Ada
//! grace,Grace Hopper,grace@example.org,
//! ```
//!
//! `handle` is required; `name` and `email` become the repo's local `user.name`/`user.email`;
//! a column named like one of the course's questions (`[[prompts]]`) gives that learner their own
//! answer (an empty cell keeps the shared one). Column names ignore case and surrounding spaces.
//! Any other column is refused, so a typo never drops an answer silently.
//!
//! Every row is checked before anything is created, and every problem is reported with its line
//! number: the caller refuses the whole roster, or (`--skip-bad`) keeps the good rows.

use std::collections::HashMap;
use std::path::Path;

use crate::answers::{self, Answers};
use crate::course::Prompt;
use crate::error::UserError;

use super::handle::handle_problem;

/// One good roster row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    /// The CSV line the row starts on.
    pub line: u64,
    pub handle: String,
    /// The `name` column (git `user.name` in the repo), when given.
    pub name: Option<String>,
    /// The `email` column (git `user.email` in the repo), when given.
    pub email: Option<String>,
    /// This learner's own answers: non-empty cells of question columns.
    pub answers: Answers,
}

/// A row that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    pub problem: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

/// A read roster: the good rows, and the bad ones with their problems.
#[derive(Debug, Default)]
pub struct Roster {
    pub learners: Vec<Learner>,
    pub problems: Vec<RowProblem>,
    /// The question columns the roster has, in header order.
    pub answer_columns: Vec<String>,
}

/// What a header column is for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Handle,
    Name,
    Email,
    Answer(usize),
}

/// Reads and checks the roster at `path`. Problems with the file as a whole (unreadable, no
/// `handle` column, unknown columns, no rows) are an error; problems with single rows are
/// returned in [`Roster::problems`].
pub fn read_roster(path: &Path, prompts: &[Prompt]) -> Result<Roster, UserError> {
    let bad = |problems: Vec<String>, fix: &str| UserError::BadRoster {
        path: path.to_path_buf(),
        problems: problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"),
        fix: fix.to_string(),
    };
    let bytes = std::fs::read(path).map_err(|e| bad(vec![format!("it cannot be read ({e})")], ROSTER_HELP))?;
    parse_roster(&bytes, prompts).map_err(|problems| bad(problems, ROSTER_HELP))
}

/// How a roster looks, for messages about the file as a whole.
pub const ROSTER_HELP: &str = "A roster is a CSV file whose first line names the columns, like `handle,name,email`, \
     followed by one line per learner.";

/// Parses roster bytes; `Err` holds the problems that make the whole file unusable.
pub fn parse_roster(bytes: &[u8], prompts: &[Prompt]) -> Result<Roster, Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header = reader
        .byte_headers()
        .map_err(|e| vec![format!("line 1: the header cannot be read ({e})")])?
        .clone();
    if header.is_empty() || header.iter().all(|field| field.is_empty()) {
        return Err(vec!["the file is empty".to_string()]);
    }
    let header_line = line_of(bytes, header.position());
    let columns = header_columns(&header, header_line, prompts)?;

    let mut roster = Roster {
        answer_columns: columns
            .iter()
            .filter_map(|c| match c {
                Column::Answer(i) => Some(prompts[*i].name.clone()),
                _ => None,
            })
            .collect(),
        ..Roster::default()
    };
    // Lower-cased handle → the line that first used it.
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut rows = 0;
    for record in reader.byte_records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = line_of(bytes, error.position());
                roster.problems.push(RowProblem {
                    line,
                    problem: format!("the row cannot be read ({error})"),
                });
                continue;
            }
        };
        rows += 1;
        let line = line_of(bytes, record.position());
        match learner_from_row(&record, line, &columns, prompts) {
            Ok(learner) => {
                let key = learner.handle.to_ascii_lowercase();
                if let Some(first) = seen.get(&key) {
                    roster.problems.push(RowProblem {
                        line,
                        problem: format!(
                            "handle `{}` is already used on line {first} (handles are compared ignoring case)",
                            learner.handle
                        ),
                    });
                } else {
                    seen.insert(key, line);
                    roster.learners.push(learner);
                }
            }
            Err(problems) => roster
                .problems
                .extend(problems.into_iter().map(|problem| RowProblem { line, problem })),
        }
    }
    if rows == 0 {
        return Err(vec![format!(
            "it has a header line but no learners: add one line per learner below line {header_line}"
        )]);
    }
    Ok(roster)
}

/// The line a record starts on. csv's own line count is off after blank lines (it points at the
/// blank line), so count the line breaks before the record's first byte instead.
fn line_of(bytes: &[u8], position: Option<&csv::Position>) -> u64 {
    let Some(position) = position else { return 0 };
    let mut start = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    let before = &bytes[..start];
    // A lone `\r` also ends a line for csv.
    let breaks = before
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && before.get(i + 1) != Some(&b'\n')))
        .count();
    1 + breaks as u64
}

fn header_columns(header: &csv::ByteRecord, line: u64, prompts: &[Prompt]) -> Result<Vec<Column>, Vec<String>> {
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    for (index, raw) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(raw).trim().to_ascii_lowercase();
        let column = match name.as_str() {
            "handle" => Some(Column::Handle),
            "name" => Some(Column::Name),
            "email" => Some(Column::Email),
            other => prompts.iter().position(|p| p.name == other).map(Column::Answer),
        };
        match column {
            Some(column) if columns.contains(&column) => {
                problems.push(format!("line {line}: column `{name}` appears twice"));
            }
            Some(column) => columns.push(column),
            None => {
                let questions: Vec<&str> = prompts.iter().map(|p| p.name.as_str()).collect();
                let shown = if name.is_empty() {
                    format!("number {} has no name", index + 1)
                } else {
                    format!("`{}` is not known", crate::printable::printable(&name))
                };
                problems.push(format!(
                    "line {line}: column {shown}: a roster has `handle`, and may have `name`, `email` \
                     and the course's questions ({})",
                    questions.join(", ")
                ));
                // Keep the positions of later columns right.
                columns.push(Column::Answer(usize::MAX));
            }
        }
    }
    if !columns.contains(&Column::Handle) {
        problems.insert(
            0,
            format!("line {line}: there is no `handle` column (the first line must name the columns)"),
        );
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

fn learner_from_row(
    record: &csv::ByteRecord,
    line: u64,
    columns: &[Column],
    prompts: &[Prompt],
) -> Result<Learner, Vec<String>> {
    if record.len() != columns.len() {
        return Err(vec![format!(
            "{} fields, but the header has {} (a value holding a comma needs \"double quotes\")",
            record.len(),
            columns.len()
        )]);
    }
    let mut problems = Vec::new();
    let mut learner = Learner {
        line,
        handle: String::new(),
        name: None,
        email: None,
        answers: Answers::new(),
    };
    for (column, raw) in columns.iter().zip(record.iter()) {
        let Ok(value) = std::str::from_utf8(raw) else {
            problems.push("the row is not UTF-8 text: save the roster as UTF-8 CSV".to_string());
            continue;
        };
        match column {
            Column::Handle => learner.handle = value.to_string(),
            Column::Name | Column::Email if value.is_empty() => {}
            Column::Name | Column::Email if value.chars().any(char::is_control) => {
                let what = if *column == Column::Name { "name" } else { "email" };
                problems.push(format!("the {what} holds a line break or control character"));
            }
            Column::Name => learner.name = Some(value.to_string()),
            Column::Email if !value.contains('@') => {
                problems.push(format!("email `{value}` is not an email address"));
            }
            Column::Email => learner.email = Some(value.to_string()),
            Column::Answer(_) if value.is_empty() => {}
            Column::Answer(index) => {
                let prompt = &prompts[*index];
                match answers::validate(prompt, value) {
                    Ok(()) => {
                        learner.answers.insert(prompt.name.clone(), value.to_string());
                    }
                    Err(error) => problems.push(error.to_string()),
                }
            }
        }
    }
    if let Some(problem) = handle_problem(&learner.handle) {
        problems.insert(0, problem);
    }
    if problems.is_empty() {
        Ok(learner)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompts() -> Vec<Prompt> {
        vec![Prompt {
            name: "author_name".into(),
            question: "Your name".into(),
            default: None,
            default_from_git: Some("user.name".into()),
            choices: vec![],
            pattern: None,
            pattern_help: None,
        }]
    }

    fn problems_of(csv: &str) -> Vec<String> {
        parse_roster(csv.as_bytes(), &prompts())
            .unwrap()
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn good_rows_become_learners() {
        let roster = parse_roster(
            "\u{feff}Handle , Name,email,author_name\nada,\"Lovelace, Ada\",ada@example.org,Ada\n\ngrace,,,\n"
                .as_bytes(),
            &prompts(),
        )
        .unwrap();
        assert!(roster.problems.is_empty(), "{:?}", roster.problems);
        assert_eq!(roster.answer_columns, ["author_name"]);
        assert_eq!(roster.learners.len(), 2);
        let ada = &roster.learners[0];
        assert_eq!((ada.line, ada.handle.as_str()), (2, "ada"));
        assert_eq!(ada.name.as_deref(), Some("Lovelace, Ada"));
        assert_eq!(ada.answers["author_name"], "Ada");
        let grace = &roster.learners[1];
        assert_eq!(grace.line, 4, "blank lines still count");
        assert!(grace.name.is_none() && grace.email.is_none() && grace.answers.is_empty());
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let problems = problems_of("handle,name\nada,A\n,Nobody\n../evil,E\nADA,Again\nbob,B,extra\nbob,B\n");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("line 3: the handle is empty"), "{problems:?}");
        assert!(problems[1].starts_with("line 4: handle `../evil`"), "{problems:?}");
        assert!(
            problems[2].starts_with("line 5:") && problems[2].contains("line 2"),
            "{problems:?}"
        );
        assert!(
            problems[3].starts_with("line 6: 3 fields, but the header has 2"),
            "{problems:?}"
        );
    }

    #[test]
    fn quoted_line_breaks_keep_line_numbers_right() {
        let problems = problems_of("handle,name\nada,\"two\nlines\"\n../x,\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("line 2: the name holds a line break"),
            "{problems:?}"
        );
        assert!(problems[1].starts_with("line 4: handle `../x`"), "{problems:?}");
    }

    #[test]
    fn an_unknown_column_is_named_with_its_control_characters_escaped() {
        let problems = match parse_roster(b"handle,\x1b[2Jnote\nada,x\n", &prompts()) {
            Err(problems) => problems.join("\n"),
            Ok(_) => panic!("an unknown column was accepted"),
        };
        assert!(problems.contains("column `\\u{1b}[2jnote` is not known"), "{problems}");
    }

    #[test]
    fn whole_file_problems_are_errors() {
        let whole = |csv: &str| parse_roster(csv.as_bytes(), &prompts()).unwrap_err().join("\n");
        assert!(whole("").contains("empty"));
        assert!(whole("handle,name\n").contains("no learners"));
        assert!(whole("name,email\nA,a@x\n").contains("no `handle` column"));
        let unknown = whole("handle,autor_name\nada,A\n");
        assert!(
            unknown.contains("`autor_name` is not known") && unknown.contains("author_name"),
            "{unknown}"
        );
        assert!(whole("handle,Handle\nada,b\n").contains("appears twice"));
    }
}
