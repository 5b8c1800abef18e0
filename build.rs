//! Rebuilds when the course templates change and records which template files are executable,
//! because `include_dir` keeps file contents but not permissions.

use std::fs;
use std::io::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=templates");
    let root = Path::new("templates");
    let mut executables = Vec::new();
    collect_executables(root, root, &mut executables);
    executables.sort();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("executables.rs");
    let mut file = fs::File::create(&out).expect("OUT_DIR is writable");
    writeln!(
        file,
        "/// Template files (relative to `templates/`) whose executable bit is set."
    )
    .unwrap();
    writeln!(file, "pub const EXECUTABLE_TEMPLATE_FILES: &[&str] = &{executables:?};").unwrap();
}

fn collect_executables(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            collect_executables(root, &path, out);
        } else if meta.is_file() && is_executable(&meta) {
            let rel = path.strip_prefix(root).expect("walked below root");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[cfg(unix)]
fn is_executable(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_meta: &fs::Metadata) -> bool {
    false
}
