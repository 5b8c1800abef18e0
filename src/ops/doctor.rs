//! `bec doctor`: are the tools a day needs installed, new enough, and (for services such as
//! Docker) running?

use std::process::{Command, Stdio};

use crate::course::{Course, Tool};

/// What `bec doctor` found for one tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolStatus {
    Ok,
    /// Not on PATH, or its check failed.
    Missing,
    /// Installed, older than the course's `min_version`.
    TooOld {
        needed: String,
    },
    /// Installed, but its service (`running` command) is not up.
    NotRunning,
}

#[derive(Debug)]
pub struct ToolCheck {
    pub name: String,
    pub status: ToolStatus,
    /// First line the check printed (a version), or why it failed.
    pub detail: String,
    /// What to do about it: how to install, upgrade or start the tool.
    pub fix: String,
}

impl ToolCheck {
    pub fn is_ok(&self) -> bool {
        self.status == ToolStatus::Ok
    }
}

/// Checks git plus every tool `day` lists.
pub fn doctor(course: &Course, day: u32) -> Vec<ToolCheck> {
    let mut names: Vec<String> = vec!["git".to_string()];
    if let Some(info) = course.manifest.day(day) {
        for tool in &info.tools {
            if !names.contains(tool) {
                names.push(tool.clone());
            }
        }
    }
    names
        .into_iter()
        .filter_map(|name| course.manifest.tools.get(&name).map(|tool| (name, tool)))
        .map(|(name, tool)| check_tool(name, tool))
        .collect()
}

fn check_tool(name: String, tool: &Tool) -> ToolCheck {
    let (installed, detail) = match run(&tool.check) {
        Ok(first_line) => (true, first_line),
        Err(why) => (false, why),
    };
    let mut check = ToolCheck {
        name,
        status: ToolStatus::Ok,
        detail,
        fix: tool.install.clone(),
    };
    if !installed {
        check.status = ToolStatus::Missing;
        return check;
    }
    if let Some(min) = &tool.min_version {
        let found = parse_version(&check.detail);
        if let (Some(found), Some(needed)) = (found, parse_version(min))
            && found < needed
        {
            check.status = ToolStatus::TooOld { needed: min.clone() };
            return check;
        }
    }
    if let Some(running) = &tool.running
        && let Err(why) = run(running)
    {
        check.status = ToolStatus::NotRunning;
        check.detail = format!("{} is installed but not running ({why})", check.detail);
        check.fix = tool
            .start
            .clone()
            .unwrap_or_else(|| format!("start it, then run `bec doctor` again ({})", running.join(" ")));
    }
    check
}

/// Runs a check command: its first non-empty line of stdout, or why it failed.
fn run(command: &[String]) -> Result<String, String> {
    let result = Command::new(&command[0])
        .args(&command[1..])
        .stdin(Stdio::null())
        .output();
    match result {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8_lossy(&output.stdout);
            Ok(first_line(&text).unwrap_or("").to_string())
        }
        Ok(output) => {
            let text = String::from_utf8_lossy(&output.stderr);
            Err(first_line(&text).unwrap_or("the check failed").to_string())
        }
        Err(_) => Err("not found on PATH".to_string()),
    }
}

fn first_line(text: &str) -> Option<&str> {
    text.lines().map(str::trim).find(|l| !l.is_empty())
}

/// The first version number in `text`: `Python 3.11.7` → `[3, 11, 7]`.
pub fn parse_version(text: &str) -> Option<Vec<u32>> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|word| word.trim_matches('.'))
        .find(|word| word.contains('.') && word.split('.').all(|p| !p.is_empty()))
        .or_else(|| {
            text.split(|c: char| !c.is_ascii_digit())
                .find(|w| !w.is_empty())
                .filter(|_| text.trim().chars().all(|c| c.is_ascii_digit() || c == '.'))
        })
        .map(|word| word.split('.').filter_map(|p| p.parse().ok()).collect::<Vec<u32>>())
        .filter(|parts| !parts.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_tool_output_and_compared_numerically() {
        assert_eq!(parse_version("Python 3.11.7"), Some(vec![3, 11, 7]));
        assert_eq!(parse_version("3.11"), Some(vec![3, 11]));
        assert_eq!(parse_version("3"), Some(vec![3]));
        assert_eq!(parse_version("git version 2.43.0."), Some(vec![2, 43, 0]));
        assert_eq!(parse_version("no version here"), None);
        assert!(parse_version("Python 3.9.18") < parse_version("3.11"));
        assert!(parse_version("Python 3.12.1") >= parse_version("3.11"));
    }
}
