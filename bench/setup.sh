# Sourced by the bench scripts: checks the tools, builds bec in release mode, and makes a
# throwaway work folder with an isolated git identity, so a bench never reads or writes the
# user's configuration. Sets: here, root, bec, work (the current folder afterwards).
# A script may set `bench_tools` (the tools it needs) and `bench_bec` (a bec to use instead of a
# release build) before sourcing this file.
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
root="$(dirname "$here")"
for tool in ${bench_tools:-hyperfine /usr/bin/time git}; do
    command -v "$tool" >/dev/null || { echo "bench needs $tool (Debian: apt-get install hyperfine time git)" >&2; exit 1; }
done

if [[ -n ${bench_bec:-} ]]; then
    bec="$(realpath "$bench_bec")"
else
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    bec="$root/target/release/bec"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 SOURCE_DATE_EPOCH=1767225600
unset BEC_COURSE
mkdir -p "$HOME"
git config --global user.name "Bench User"
git config --global user.email "bench@example.invalid"
git config --global init.defaultBranch main
cd "$work"
