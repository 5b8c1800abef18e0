//! The moment recorded in commits: `--date`, else SOURCE_DATE_EPOCH, else now.
//! Fixing it makes `bec new` reproducible down to the commit id.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::UserError;

/// The last moment a git commit records: git stores commit times as unsigned 32-bit seconds.
pub const LATEST: i64 = u32::MAX as i64;

/// Seconds since 1970-01-01T00:00:00Z, from 1970 to [`LATEST`] (2106-02-07T06:28:15Z).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// `--date` when given, else `SOURCE_DATE_EPOCH`, else the current time.
    pub fn resolve(flag: Option<&str>) -> Result<Timestamp, UserError> {
        if let Some(given) = flag {
            return Timestamp::parse(given);
        }
        if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
            return Timestamp::parse(epoch.trim()).map_err(|error| match error {
                UserError::DateOutOfRange { .. } => UserError::DateOutOfRange {
                    given: format!("SOURCE_DATE_EPOCH={epoch}"),
                },
                _ => UserError::BadDate {
                    given: format!("SOURCE_DATE_EPOCH={epoch}"),
                },
            });
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Ok(Timestamp(now))
    }

    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ` or whole seconds since 1970, up to [`LATEST`].
    pub fn parse(given: &str) -> Result<Timestamp, UserError> {
        let seconds = Timestamp::parse_unbounded(given)?;
        if seconds.0 > LATEST {
            return Err(UserError::DateOutOfRange {
                given: given.to_string(),
            });
        }
        Ok(seconds)
    }

    fn parse_unbounded(given: &str) -> Result<Timestamp, UserError> {
        let bad = || UserError::BadDate {
            given: given.to_string(),
        };
        if !given.is_empty() && given.bytes().all(|b| b.is_ascii_digit()) {
            // More digits than an i64 holds is still a date too late, not a malformed one.
            return Ok(Timestamp(given.parse().unwrap_or(i64::MAX)));
        }
        let (date, time) = match given.split_once('T') {
            Some((date, time)) => (date, Some(time.strip_suffix('Z').ok_or_else(bad)?)),
            None => (given, None),
        };
        let numbers = |text: &str, sep: char, count: usize| -> Option<Vec<i64>> {
            let parts: Vec<i64> = text.split(sep).map(|p| p.parse().ok()).collect::<Option<_>>()?;
            (parts.len() == count).then_some(parts)
        };
        let ymd = numbers(date, '-', 3).ok_or_else(bad)?;
        let (year, month, day) = (ymd[0], ymd[1], ymd[2]);
        if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(bad());
        }
        let mut seconds = days_from_civil(year, month, day) * 86_400;
        if let Some(time) = time {
            let hms = numbers(time, ':', 3).ok_or_else(bad)?;
            if !(0..24).contains(&hms[0]) || !(0..60).contains(&hms[1]) || !(0..61).contains(&hms[2]) {
                return Err(bad());
            }
            seconds += hms[0] * 3600 + hms[1] * 60 + hms[2];
        }
        Ok(Timestamp(seconds))
    }

    /// The calendar date, `YYYY-MM-DD` (UTC).
    pub fn date_string(self) -> String {
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400));
        format!("{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_times() {
        assert_eq!(Timestamp::parse("1970-01-01").unwrap(), Timestamp(0));
        assert_eq!(Timestamp::parse("2026-01-01").unwrap(), Timestamp(1_767_225_600));
        assert_eq!(
            Timestamp::parse("2026-01-01T01:00:01Z").unwrap(),
            Timestamp(1_767_229_201)
        );
        assert_eq!(Timestamp::parse("1767225600").unwrap(), Timestamp(1_767_225_600));
        assert_eq!(Timestamp(1_767_225_600).date_string(), "2026-01-01");
        assert_eq!(Timestamp::parse("2024-02-29").unwrap().date_string(), "2024-02-29");
    }

    #[test]
    fn dates_git_cannot_record_are_refused_not_wrapped() {
        assert_eq!(Timestamp::parse("2106-02-07T06:28:15Z").unwrap(), Timestamp(LATEST));
        assert_eq!(Timestamp::parse("4294967295").unwrap(), Timestamp(LATEST));
        for late in [
            "2106-02-07T06:28:16Z",
            "2107-01-01",
            "9999-12-31",
            "4294967296",
            "99999999999999999999999",
        ] {
            assert!(
                matches!(Timestamp::parse(late), Err(UserError::DateOutOfRange { .. })),
                "{late}"
            );
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-01-01T25:00:00Z",
            "yesterday",
            "",
            "2026-01-01T10:00:00",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }
}
