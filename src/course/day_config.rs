//! `days/dayNN/day.toml`: how a day's lab is tested.

use serde::Deserialize;

use crate::error::UserError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayConfig {
    pub test: TestConfig,
    /// Shared course folders copied into the day (the day's own files at the same path win).
    #[serde(default)]
    pub include: Vec<Include>,
}

/// `[[include]] from = "shared/services" to = "services"`: the files below `from` (a folder of
/// the course: usually under `shared/`, or an earlier day's) land in `dayNN/<to>/`, rendered like
/// the day's own files. With `solution = true` they are always rendered as the reference
/// solution: how a day ships what an earlier day built as working code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Include {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub solution: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestConfig {
    /// Run inside `dayNN/`. A leading `python` is resolved by `bec check`
    /// ($BEC_PYTHON, then `dayNN/.venv/bin/python`, then `python3`).
    pub command: Vec<String>,
}

impl DayConfig {
    pub fn parse(bytes: &[u8], origin: &str) -> Result<DayConfig, UserError> {
        let text = std::str::from_utf8(bytes).map_err(|_| UserError::Course(format!("{origin} is not UTF-8 text")))?;
        let config: DayConfig = toml::from_str(text).map_err(|e| UserError::Course(format!("{origin}: {e}")))?;
        if config.test.command.is_empty() {
            return Err(UserError::Course(format!("{origin}: [test] command is empty")));
        }
        for include in &config.include {
            let from = include.from.trim_end_matches('/');
            if from.is_empty() || from == "root" || from.starts_with("root/") || from.split('/').any(|s| s == "..") {
                return Err(UserError::Course(format!(
                    "{origin}: include `from = \"{}\"` must name a course folder such as `shared/services` \
                     or `days/day12/services`, not root",
                    include.from
                )));
            }
            let to = include.to.trim_matches('/');
            if to.is_empty() || to.split('/').any(|s| s.is_empty() || s == "." || s == "..") {
                return Err(UserError::Course(format!(
                    "{origin}: include `to = \"{}\"` must be a folder inside the day",
                    include.to
                )));
            }
            // The folder is part of every path its files render to: the same rules apply.
            crate::render::check_safe_path(origin, to)?;
        }
        Ok(config)
    }
}
