//! `bec doctor`: are the tools a day needs installed?

use std::process::{Command, Stdio};

use crate::course::Course;

#[derive(Debug)]
pub struct ToolCheck {
    pub name: String,
    pub found: bool,
    /// First line the check printed (a version), or why it failed.
    pub detail: String,
    pub install: String,
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
        .map(|(name, tool)| {
            let result = Command::new(&tool.check[0])
                .args(&tool.check[1..])
                .stdin(Stdio::null())
                .output();
            let (found, detail) = match result {
                Ok(output) if output.status.success() => {
                    let text = String::from_utf8_lossy(&output.stdout);
                    let first = text
                        .lines()
                        .find(|l| !l.trim().is_empty())
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    (true, first)
                }
                Ok(output) => {
                    let text = String::from_utf8_lossy(&output.stderr);
                    (
                        false,
                        text.lines().next().unwrap_or("the check failed").trim().to_string(),
                    )
                }
                Err(_) => (false, "not found on PATH".to_string()),
            };
            ToolCheck {
                name,
                found,
                detail,
                install: tool.install.clone(),
            }
        })
        .collect()
}
