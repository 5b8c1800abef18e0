//! Parsing a day as the user writes it: `12`, `day12`, `day-12`, `Day 12`.

use crate::error::UserError;

/// Parses `given` into a day number between 1 and `last`.
pub fn parse_day(given: &str, last: u32) -> Result<u32, UserError> {
    let bad = || UserError::BadDay {
        given: given.to_string(),
        last,
    };
    let lower = given.trim().to_ascii_lowercase();
    let digits = lower
        .strip_prefix("day")
        .map(|rest| rest.trim_start_matches(['-', '_', ' ']))
        .unwrap_or(&lower);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 3 {
        return Err(bad());
    }
    let day: u32 = digits.parse().map_err(|_| bad())?;
    if day == 0 || day > last {
        return Err(bad());
    }
    Ok(day)
}

/// The folder name of a day in templates and learner repos: `day07`.
pub fn day_dir(day: u32) -> String {
    format!("day{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_spellings() {
        for given in ["12", "day12", "day-12", "Day12", "day_12", "day 12", "012"] {
            assert_eq!(parse_day(given, 60).unwrap(), 12, "{given}");
        }
    }

    #[test]
    fn rejects_out_of_range_and_garbage() {
        for given in ["0", "61", "day", "", "-3", "day12x", "twelve", "1.5", "99999999999"] {
            assert!(parse_day(given, 60).is_err(), "{given} should be rejected");
        }
    }

    #[test]
    fn day_dir_is_two_digits() {
        assert_eq!(day_dir(3), "day03");
        assert_eq!(day_dir(60), "day60");
    }
}
