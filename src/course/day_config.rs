//! `days/dayNN/day.toml`: how a day's lab is tested.

use serde::Deserialize;

use crate::error::UserError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayConfig {
    pub test: TestConfig,
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
        Ok(config)
    }
}
