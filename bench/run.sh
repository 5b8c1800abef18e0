#!/usr/bin/env bash
# Times bec against the physical baseline (cp -r of the same tree + git init/add/commit) with
# hyperfine, and measures peak memory with GNU time. Writes bench/results.md.
# Needs: hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail

source "$(dirname "$0")/setup.sh"
# The tree `bec new day3` writes, without its .git: the baseline copies exactly this.
"$bec" new day3 reference --yes >/dev/null
mkdir tree && (cd reference && git archive HEAD) | tar -x -C tree
files=$(find tree -type f | wc -l)

# A capstone day, whose render brings in four earlier days' code: the largest tree of the course.
"$bec" new day55 capstone --yes >/dev/null
mkdir big-tree && (cd capstone && git archive HEAD) | tar -x -C big-tree
big_files=$(find big-tree -type f | wc -l)

# A learner repo holding days 1-3, the starting point of `bec next` (to day 4).
"$bec" new day1 three-days --yes >/dev/null
(cd three-days && "$bec" next >/dev/null && "$bec" next >/dev/null)

hyperfine --warmup 3 --min-runs 30 --export-markdown "$work/time.md" \
    --prepare "rm -rf out" -n "bec new day3" "$bec new day3 out --yes" \
    --prepare "rm -rf out" -n "baseline: cp -r + git init/add/commit" \
        "cp -r tree out && cd out && git init -q && git add -A && git commit -qm 'day 3'" \
    --prepare "rm -rf next && cp -a three-days next" -n "bec next (3-day repo, to day 4)" "cd next && $bec next" \
    --prepare "rm -rf out" -n "bec new day55" "$bec new day55 out --yes" \
    --prepare "rm -rf out" -n "baseline: cp -r + git init/add/commit (day 55 tree)" \
        "cp -r big-tree out && cd out && git init -q && git add -A && git commit -qm 'day 55'"

peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
rm -rf out && new_kb=$(peak "$bec" new day3 out --yes)
rm -rf next && cp -a three-days next && next_kb=$(cd next && peak "$bec" next)

{
    echo "## bec vs the physical baseline"
    echo
    echo "Trees: \`bec new day3\` output, $files files; \`bec new day55\` output, $big_files files."
    echo "Machine: $(nproc) cores, $(uname -sr)."
    echo
    cat "$work/time.md"
    echo
    echo "| peak memory (max RSS) | KiB |"
    echo "|:---|---:|"
    echo "| bec new day3 | $new_kb |"
    echo "| bec next (3-day repo) | $next_kb |"
} | tee "$here/results.md"
