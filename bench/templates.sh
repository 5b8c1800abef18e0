#!/usr/bin/env bash
# Times `bec new day1` on a course whose day 1 holds one template of N expressions, for growing
# N: compiling and rendering a template should take time linear in its length (twice the
# expressions, twice the time). Usage: bench/templates.sh [BEC] (default: a release build).
# Needs GNU time (Debian: apt-get install time).
set -euo pipefail

bench_tools="/usr/bin/time git"
bench_bec="${1:-}"
source "$(dirname "$0")/setup.sh"

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
