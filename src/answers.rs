//! The answers a course asks for (`[[prompts]]`): from `--set`, from defaults, or asked on the
//! terminal with dialoguer. Without a terminal (or with `--yes`) bec never waits for input.

use std::collections::BTreeMap;

use dialoguer::{Input, theme::ColorfulTheme};

use crate::course::Prompt;
use crate::error::UserError;

/// Answers by prompt name.
pub type Answers = BTreeMap<String, String>;

/// Whether bec may ask questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    /// stdin is a terminal and `--yes` was not given.
    Interactive,
    /// Use `--set` values and defaults; fail naming any answer that has neither.
    Never,
}

impl Asking {
    pub fn detect(yes: bool) -> Asking {
        use std::io::IsTerminal;
        if !yes && std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            Asking::Interactive
        } else {
            Asking::Never
        }
    }
}

/// Parses `--set key=value` flags.
pub fn parse_sets(sets: &[String]) -> Result<Answers, UserError> {
    let mut answers = Answers::new();
    for set in sets {
        let (key, value) = set
            .split_once('=')
            .ok_or_else(|| UserError::BadSet { given: set.clone() })?;
        let key = key.trim();
        if key.is_empty() {
            return Err(UserError::BadSet { given: set.clone() });
        }
        answers.insert(key.to_string(), value.to_string());
    }
    Ok(answers)
}

/// Refuses an answer (from `--set` or a roster column) to a question the course does not ask.
pub fn refuse_unknown(prompts: &[Prompt], given: &Answers) -> Result<(), UserError> {
    match given.keys().find(|k| !prompts.iter().any(|p| &p.name == *k)) {
        Some(unknown) => Err(UserError::UnknownAnswer {
            name: unknown.clone(),
            known: prompts.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "),
        }),
        None => Ok(()),
    }
}

/// Resolves every prompt: `--set` first, then the terminal or the default.
pub fn collect(prompts: &[Prompt], mut given: Answers, asking: Asking) -> Result<Answers, UserError> {
    refuse_unknown(prompts, &given)?;
    let mut answers = Answers::new();
    for prompt in prompts {
        let value = match given.remove(&prompt.name) {
            Some(value) => value,
            // A question with one possible answer is not a question: never asked.
            None if prompt.choices.len() == 1 => prompt.choices[0].clone(),
            None => {
                let default = default_for(prompt);
                match asking {
                    Asking::Interactive => ask(prompt, default.as_deref())?,
                    Asking::Never => default.ok_or_else(|| missing(prompt))?,
                }
            }
        };
        validate(prompt, &value)?;
        answers.insert(prompt.name.clone(), value);
    }
    Ok(answers)
}

fn missing(prompt: &Prompt) -> UserError {
    match &prompt.default_from_git {
        Some(key) => UserError::MissingGitDefault {
            name: prompt.name.clone(),
            key: key.clone(),
        },
        None => UserError::MissingAnswer {
            name: prompt.name.clone(),
            question: prompt.question.clone(),
        },
    }
}

fn default_for(prompt: &Prompt) -> Option<String> {
    if let Some(key) = &prompt.default_from_git {
        let from_git = git2::Config::open_default()
            .ok()
            .and_then(|config| config.get_string(key).ok())
            .filter(|value| !value.trim().is_empty());
        if from_git.is_some() {
            return from_git;
        }
    }
    prompt.default.clone()
}

/// Checks an answer against the prompt's choices and pattern.
pub fn validate(prompt: &Prompt, value: &str) -> Result<(), UserError> {
    let bad = |problem: String| UserError::BadAnswer {
        name: prompt.name.clone(),
        problem,
    };
    if value.trim().is_empty() {
        return Err(bad("it is empty".into()));
    }
    if let Some(c) = value.chars().find(|c| crate::printable::is_unprintable(*c)) {
        return Err(bad(format!(
            "it contains the control character {}: an answer is one line of plain text",
            c.escape_debug()
        )));
    }
    if !prompt.choices.is_empty() && !prompt.choices.iter().any(|c| c == value) {
        return Err(bad(format!("`{value}` is not one of: {}", prompt.choices.join(", "))));
    }
    if let Some(pattern) = &prompt.pattern {
        let regex = compile_pattern(prompt, pattern)?;
        if !regex.is_match(value) {
            let help = prompt
                .pattern_help
                .clone()
                .unwrap_or_else(|| format!("it must match {pattern}"));
            return Err(bad(format!("`{value}`: {help}")));
        }
    }
    Ok(())
}

/// The prompt's `pattern`, compiled; an invalid one is a course error.
pub fn compile_pattern(prompt: &Prompt, pattern: &str) -> Result<regex_lite::Regex, UserError> {
    regex_lite::Regex::new(pattern)
        .map_err(|e| UserError::Course(format!("prompt `{}` has an invalid pattern: {e}", prompt.name)))
}

fn ask(prompt: &Prompt, default: Option<&str>) -> Result<String, UserError> {
    let theme = ColorfulTheme::default();
    let interrupted = |e: dialoguer::Error| UserError::Other(format!("no answer for `{}`: {e}", prompt.name));
    if !prompt.choices.is_empty() {
        let start = default
            .and_then(|d| prompt.choices.iter().position(|c| c == d))
            .unwrap_or(0);
        let rank = |query: &str| crate::picker::rank_by_words(&prompt.choices, query);
        let index = crate::picker::select(&prompt.question, &prompt.choices, start, &rank)
            .map_err(|e| interrupted(e.into()))?
            .ok_or_else(|| UserError::Other(format!("no answer for `{}`: nothing was created", prompt.name)))?;
        return Ok(prompt.choices[index].clone());
    }
    let mut input = Input::<String>::with_theme(&theme).with_prompt(&prompt.question);
    if let Some(default) = default {
        input = input.default(default.to_string());
    }
    let checked = prompt.clone();
    input
        .validate_with(move |value: &String| validate(&checked, value).map_err(|e| e.to_string()))
        .interact_text()
        .map_err(interrupted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompt(name: &str) -> Prompt {
        Prompt {
            name: name.into(),
            question: "Q".into(),
            default: None,
            default_from_git: None,
            choices: vec![],
            pattern: None,
            pattern_help: None,
        }
    }

    #[test]
    fn set_values_win_and_unknown_names_are_refused() {
        let prompts = vec![Prompt {
            default: Some("d".into()),
            ..prompt("a")
        }];
        let given = parse_sets(&["a=x=y".into()]).unwrap();
        assert_eq!(collect(&prompts, given, Asking::Never).unwrap()["a"], "x=y");
        let unknown = parse_sets(&["b=1".into()]).unwrap();
        assert!(matches!(
            collect(&prompts, unknown, Asking::Never),
            Err(UserError::UnknownAnswer { .. })
        ));
        assert!(parse_sets(&["novalue".into()]).is_err());
    }

    #[test]
    fn a_question_with_one_choice_is_answered_without_asking() {
        let prompts = vec![Prompt {
            choices: vec!["python".into()],
            ..prompt("track")
        }];
        // Interactive would block on a prompt without a terminal: it must not ask at all.
        assert_eq!(
            collect(&prompts, Answers::new(), Asking::Interactive).unwrap()["track"],
            "python"
        );
    }

    #[test]
    fn missing_answer_without_terminal_is_named() {
        let err = collect(&[prompt("needed")], Answers::new(), Asking::Never).unwrap_err();
        assert!(err.to_string().contains("--set needed="), "{err}");
    }

    #[test]
    fn choices_and_patterns_are_enforced() {
        let p = Prompt {
            choices: vec!["python".into()],
            ..prompt("track")
        };
        assert!(validate(&p, "python").is_ok());
        assert!(validate(&p, "cobol").is_err());
        let p = Prompt {
            pattern: Some("^[a-z][a-z0-9-]{0,62}$".into()),
            ..prompt("project_name")
        };
        assert!(validate(&p, "my-course").is_ok());
        assert!(validate(&p, "../evil").is_err());
        assert!(validate(&p, "").is_err());
    }

    #[test]
    fn control_characters_are_refused_and_named() {
        let p = prompt("author_name");
        assert!(validate(&p, "Ada Lovelace-Byron, Jr.").is_ok());
        for (bad, shown) in [
            ("Ada\u{1b}[31m", "\\u{1b}"),
            ("Ada\tL", "\\t"),
            ("Ada\u{7f}", "\\u{7f}"),
            ("Ada\u{9b}", "\\u{9b}"),
            ("Ada\u{202e}", "\\u{202e}"),
            ("a\nb", "\\n"),
        ] {
            let error = validate(&p, bad).unwrap_err().to_string();
            assert!(
                error.contains("`author_name`") && error.contains(shown),
                "{bad:?}: {error}"
            );
        }
    }
}
