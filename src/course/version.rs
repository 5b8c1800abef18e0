//! Course versions are compared by semantic-versioning precedence (semver.org, item 11):
//! `1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta.2 < 1.0.0 < 1.0.1`; build metadata (`+school.1`)
//! does not count. A version that is not `MAJOR.MINOR.PATCH[-PRE][+BUILD]` has no order.

use std::cmp::Ordering;

/// The precedence of `a` against `b`, or `None` when either is not a semantic version.
pub fn compare(a: &str, b: &str) -> Option<Ordering> {
    let (a, b) = (Version::parse(a)?, Version::parse(b)?);
    Some(a.core.cmp(&b.core).then_with(|| compare_pre(&a.pre, &b.pre)))
}

/// Whether `text` is a semantic version bec can order.
pub fn is_semantic(text: &str) -> bool {
    Version::parse(text).is_some()
}

struct Version<'a> {
    core: [u64; 3],
    pre: Vec<&'a str>,
}

impl<'a> Version<'a> {
    fn parse(text: &'a str) -> Option<Version<'a>> {
        let without_build = match text.split_once('+') {
            Some((version, build)) => {
                identifiers(build)?;
                version
            }
            None => text,
        };
        let (core_text, pre) = match without_build.split_once('-') {
            Some((core, pre)) => (core, identifiers(pre)?),
            None => (without_build, Vec::new()),
        };
        let mut core = [0; 3];
        let mut parts = core_text.split('.');
        for slot in &mut core {
            *slot = number(parts.next()?)?;
        }
        if parts.next().is_some() || pre.iter().any(|p| is_numeric(p) && number(p).is_none()) {
            return None;
        }
        Some(Version { core, pre })
    }
}

/// Dot-separated non-empty identifiers of `[0-9A-Za-z-]`.
fn identifiers(text: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = text.split('.').collect();
    parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .then_some(parts)
}

fn is_numeric(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

/// A number without leading zeros.
fn number(text: &str) -> Option<u64> {
    if !is_numeric(text) || text.is_empty() || (text.len() > 1 && text.starts_with('0')) {
        return None;
    }
    text.parse().ok()
}

fn compare_pre(a: &[&str], b: &[&str]) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        // a pre-release sorts before its release
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        (false, false) => {}
    }
    for (x, y) in a.iter().zip(b) {
        let order = match (number(x), number(y)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_semver_precedence() {
        let ascending = [
            "0.1.0-ourschool.1",
            "0.1.0-ourschool.2",
            "0.1.0-ourschool.10",
            "0.1.0",
            "0.1.1",
            "0.2.0",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "10.0.0",
        ];
        for pair in ascending.windows(2) {
            assert_eq!(compare(pair[0], pair[1]), Some(Ordering::Less), "{pair:?}");
            assert_eq!(compare(pair[1], pair[0]), Some(Ordering::Greater), "{pair:?}");
        }
    }

    #[test]
    fn build_metadata_does_not_count() {
        assert_eq!(compare("0.1.0+ourschool.1", "0.1.0"), Some(Ordering::Equal));
        assert_eq!(compare("0.1.0+a", "0.1.0+b"), Some(Ordering::Equal));
    }

    #[test]
    fn other_text_has_no_order() {
        for text in [
            "1",
            "1.0",
            "v1.0.0",
            "1.0.0-",
            "1.0.0-a..b",
            "01.0.0",
            "1.0.0-01",
            "spring-2026",
            "",
        ] {
            assert_eq!(compare(text, "1.0.0"), None, "{text}");
            assert!(!is_semantic(text), "{text}");
        }
    }
}
