#!/usr/bin/env bash
# Times `bec new day1` on a course whose day 1 holds one template of N expressions, for growing
# N: compiling and rendering a template should take time linear in its length (twice the
# expressions, twice the time). Usage: bench/templates.sh [BEC] (default: a release build).
# Needs GNU time (Debian: apt-get install time).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -ge 1 ]; then
    bec="$(realpath "$1")"
else
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    bec="$root/target/release/bec"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 SOURCE_DATE_EPOCH=1767225600
unset BEC_COURSE
mkdir -p "$HOME"

echo "| expressions | lines | user s | elapsed s |"
echo "|---:|---:|---:|---:|"
for n in 2500 5000 10000 20000 40000; do
    course="$work/course-$n"
    cp -r "$root/tests/fixtures/course" "$course"
    # Two expressions per line.
    for ((i = 0; i < n / 2; i++)); do
        echo "line $i: {{project_name}} on the {{track}} track"
    done >"$course/days/day01/big.txt.hbs"
    times=$(/usr/bin/time -f "%U %e" "$bec" --course "$course" new day1 "$work/out-$n" --yes \
        --set author_name=Bench --set author_email=bench@example.invalid 2>&1 >/dev/null | tail -1)
    echo "| $n | $((n / 2)) | ${times% *} | ${times#* } |"
done
