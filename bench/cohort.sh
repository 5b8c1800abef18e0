#!/usr/bin/env bash
# Times `bec cohort new` of 100 learners at day 1 against the physical baseline: 100 x (cp -r of
# the same rendered tree + git init/add/commit), with hyperfine, and measures peak memory with
# GNU time. Writes bench/cohort-results.md.
# Needs: hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail

source "$(dirname "$0")/setup.sh"
learners="${BENCH_LEARNERS:-100}"
{
    echo "handle,name,email"
    for i in $(seq -w 1 "$learners"); do echo "learner$i,Learner $i,learner$i@example.invalid"; done
} >roster.csv
shared=(--set "author_name=Course Staff" --set "author_email=staff@example.invalid")
new_cohort="$bec cohort new roster.csv --day 1 --out out ${shared[*]@Q}"

# The tree each learner gets, without its .git: the baseline copies exactly this.
"$bec" cohort new roster.csv --day 1 --out reference "${shared[@]}" >/dev/null
first="$(sed -n 2p roster.csv | cut -d, -f1)"
mkdir tree && (cd "reference/$first" && git archive HEAD) | tar -x -C tree
files=$(find tree -type f | wc -l)
baseline="for h in \$(cut -d, -f1 roster.csv | tail -n +2); do cp -r tree out/\$h && (cd out/\$h && git init -q && git add -A && git commit -qm 'day 1'); done"

hyperfine --warmup 2 --min-runs 10 --export-markdown "$work/time.md" \
    --prepare "rm -rf out" -n "bec cohort new ($learners learners, day 1)" "$new_cohort" \
    --prepare "rm -rf out" -n "bec cohort new --jobs 1" "$new_cohort --jobs 1" \
    --prepare "rm -rf out && mkdir out" -n "baseline: $learners x (cp -r + git init/add/commit)" "$baseline"

peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
rm -rf out && cohort_kb=$(peak bash -c "$new_cohort")
rm -rf out && mkdir out && baseline_kb=$(peak bash -c "$baseline")
rm -rf out && "$bec" cohort new roster.csv --day 1 --out out "${shared[@]}" >/dev/null
verify="$("$bec" cohort verify out)"

{
    echo "## bec cohort new vs the physical baseline"
    echo
    echo "Roster: $learners learners. Tree per learner: \`bec cohort new --day 1\` output, $files files."
    echo "Machine: $(nproc) cores, $(uname -sr)."
    echo
    cat "$work/time.md"
    echo
    echo "| peak memory (max RSS) | KiB |"
    echo "|:---|---:|"
    echo "| bec cohort new ($learners learners) | $cohort_kb |"
    echo "| baseline (largest single process: bash, cp or git) | $baseline_kb |"
    echo
    echo "After the run: $verify"
} | tee "$here/cohort-results.md"
