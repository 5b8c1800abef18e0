//! `rust-version` in Cargo.toml is the real minimum: no locked dependency asks for a newer Rust.
//!
//! A toolchain older than a dependency's `rust-version` fails to build it, so bec's own
//! `rust-version` (and the README's "Rust X.Y or newer") must be at least the highest one in the
//! dependency tree. The tree is read with `cargo metadata` from Cargo.lock, with every feature and
//! every platform, so `--features network` and Windows-only crates count too.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// A Rust version as `(major, minor, patch)`; a missing patch is 0.
type RustVersion = (u64, u64, u64);

fn parse_rust_version(text: &str) -> RustVersion {
    let mut parts = text.split('.').map(|p| {
        p.parse::<u64>()
            .unwrap_or_else(|_| panic!("rust-version {text:?} is not MAJOR.MINOR[.PATCH]"))
    });
    let major = parts.next().unwrap_or(0);
    let minor = parts.next().unwrap_or(0);
    let patch = parts.next().unwrap_or(0);
    (major, minor, patch)
}

fn show((major, minor, patch): RustVersion) -> String {
    if patch == 0 {
        format!("{major}.{minor}")
    } else {
        format!("{major}.{minor}.{patch}")
    }
}

/// `cargo metadata` for this package: every feature, every platform, exactly Cargo.lock.
fn metadata() -> Value {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--all-features",
            "--locked",
            "--manifest-path",
        ])
        .arg(&manifest)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo metadata failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// bec's package entry and the `rust-version` of every other package in the resolved tree.
fn bec_and_dependencies(metadata: &Value) -> (Value, Vec<(String, RustVersion)>) {
    let resolved: Vec<&str> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("resolve.nodes")
        .iter()
        .map(|node| node["id"].as_str().expect("node id"))
        .collect();
    let root = metadata["resolve"]["root"].as_str().expect("resolve.root");
    let mut bec = Value::Null;
    let mut dependencies = Vec::new();
    for package in metadata["packages"].as_array().expect("packages") {
        let id = package["id"].as_str().expect("package id");
        if id == root {
            bec = package.clone();
            continue;
        }
        let Some(version) = package["rust_version"].as_str() else {
            continue;
        };
        if resolved.contains(&id) {
            let name = format!(
                "{} {}",
                package["name"].as_str().unwrap(),
                package["version"].as_str().unwrap()
            );
            dependencies.push((name, parse_rust_version(version)));
        }
    }
    assert!(!bec.is_null(), "cargo metadata lists bec itself");
    (bec, dependencies)
}

#[test]
fn cargo_toml_rust_version_is_at_least_every_dependency_s() {
    let metadata = metadata();
    let (bec, dependencies) = bec_and_dependencies(&metadata);
    let declared = bec["rust_version"]
        .as_str()
        .expect("Cargo.toml declares `rust-version` under [package]");
    let declared = parse_rust_version(declared);
    assert!(
        dependencies.len() > 20,
        "the dependency tree was read: {} packages declare a rust-version",
        dependencies.len()
    );
    let mut newer: Vec<String> = dependencies
        .iter()
        .filter(|(_, needs)| *needs > declared)
        .map(|(name, needs)| format!("{name} needs {}", show(*needs)))
        .collect();
    newer.sort();
    let highest = dependencies.iter().map(|(_, v)| *v).max().unwrap();
    assert!(
        newer.is_empty(),
        "Cargo.toml says rust-version = \"{}\" but locked dependencies need more:\n  {}\n\
         set rust-version = \"{}\" in Cargo.toml and \"Rust {} or newer\" in the README",
        show(declared),
        newer.join("\n  "),
        show(highest),
        show(highest)
    );
}

#[test]
fn cargo_toml_rust_version_is_at_least_the_edition_s() {
    let metadata = metadata();
    let (bec, _) = bec_and_dependencies(&metadata);
    let declared = parse_rust_version(bec["rust_version"].as_str().expect("rust-version"));
    let edition_needs = match bec["edition"].as_str().expect("edition") {
        "2015" => (1, 0, 0),
        "2018" => (1, 31, 0),
        "2021" => (1, 56, 0),
        "2024" => (1, 85, 0),
        other => panic!("edition {other} is unknown to this test: add the Rust release that stabilised it"),
    };
    assert!(
        declared >= edition_needs,
        "rust-version {} is older than the edition, which needs {}",
        show(declared),
        show(edition_needs)
    );
}
