//! The README's facts match their sources: the number of days with a lab matches the course
//! manifest, and the Rust it asks for is Cargo.toml's `rust-version`.
//!
//! (That the README's install command and first steps work is proven by `scripts/test`'s
//! `readme` stage, which runs them in a fresh HOME.)

use std::fs;
use std::path::Path;

fn repo_file(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("reading {}: {e}", full.display()))
}

/// Every capture of `pattern` in the README (one capture group per number).
fn readme_numbers(pattern: &str) -> Vec<Vec<String>> {
    let readme = repo_file("README.md");
    let re = regex_lite::Regex::new(pattern).unwrap();
    re.captures_iter(&readme)
        .map(|c| c.iter().skip(1).map(|m| m.unwrap().as_str().to_string()).collect())
        .collect()
}

#[test]
fn readme_says_how_many_days_have_a_lab_as_the_manifest_does() {
    let manifest: toml::Table = toml::from_str(&repo_file("templates/course.toml")).unwrap();
    let days = manifest["days"].as_array().expect("[[days]] in templates/course.toml");
    let with_lab = days
        .iter()
        .filter(|d| d.get("lab").and_then(|l| l.as_bool()) == Some(true))
        .count();
    let claims = readme_numbers(r"(\d+) of the (\d+) days have a lab");
    assert_eq!(
        claims.len(),
        1,
        "the README's intro says once \"N of the M days have a lab\"; found {claims:?}"
    );
    assert_eq!(
        claims[0],
        [with_lab.to_string(), days.len().to_string()],
        "README.md's intro must say \"{with_lab} of the {} days have a lab\" \
         (templates/course.toml has {with_lab} days with `lab = true`)",
        days.len()
    );
}

#[test]
fn readme_asks_for_the_rust_version_cargo_toml_declares() {
    let cargo_toml: toml::Table = toml::from_str(&repo_file("Cargo.toml")).unwrap();
    let declared = cargo_toml["package"]["rust-version"]
        .as_str()
        .expect("Cargo.toml declares [package] rust-version");
    let claims = readme_numbers(r"Rust (\d+\.\d+(?:\.\d+)?) or newer");
    assert!(
        !claims.is_empty(),
        "the README's Install section says \"Rust X.Y or newer\""
    );
    for claim in claims {
        assert_eq!(
            claim[0], declared,
            "README.md says \"Rust {} or newer\" but Cargo.toml's rust-version is {declared}",
            claim[0]
        );
    }
}
