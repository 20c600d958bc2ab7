#!/usr/bin/env bash
# Measures smm-path against the process floor (a Rust hello-world) and
# Taskwarrior, all in one run, and prints one Markdown table: median wall
# time, its ratio to the floor, and peak RSS.
#
#   bench/run.sh                 # everything (a few minutes)
#   SIZES="1000 10000" bench/run.sh
#
# Needs hyperfine, Taskwarrior and GNU time; installs them (Debian packages
# hyperfine, taskwarrior, time) when run as root, else says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-200}          # runs for the fast, built-in cases
LARGE_RUNS=${LARGE_RUNS:-10}
RSS_RUNS=${RSS_RUNS:-5}

# shellcheck source=bench/tools.sh
. bench/tools.sh
need_tools bench/run.sh hyperfine:hyperfine task:taskwarrior /usr/bin/time:time python3:python3

echo "building (release)..." >&2
cargo build --release --locked --quiet --bin smm-path --example bench_data
release=$(release_dir)
bin=$release/smm-path
data=$release/examples/bench_data

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The floor: the cheapest Rust process, compiled now with the same toolchain.
printf 'fn main() { println!("hello"); }\n' > "$work/hello.rs"
rustc -O -o "$work/hello" "$work/hello.rs"

results=$work/results.tsv
: > "$results"

median_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$@"; }

# peak_rss PREPARE COMMAND [shell]: the largest max-RSS (KB) of a few runs.
peak_rss() {
  local prepare=$1 command=$2 shell_mode=${3:-} peak=0 rss
  for _ in $(seq "$RSS_RUNS"); do
    if [ -n "$prepare" ]; then "$prepare"; fi
    if [ -z "$shell_mode" ]; then
      # shellcheck disable=SC2086 # the command is words to split
      /usr/bin/time -f '%M' -o "$work/rss" $command >/dev/null 2>&1
    else
      # Several commands: the peak of any of them (the shell's own included).
      /usr/bin/time -f '%M' -o "$work/rss" bash -c "$command" >/dev/null 2>&1
    fi
    rss=$(tail -n 1 "$work/rss")
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
  done
  echo "$peak"
}

run_hyperfine() {
  if ! hyperfine --style none --export-json "$work/hyperfine.json" "$@" >/dev/null 2>"$work/hyperfine.log"; then
    cat "$work/hyperfine.log" >&2
    exit 1
  fi
}

# measure NAME PREPARE COMMAND RUNS [shell]: one case, its median, the
# floor's median measured in the same hyperfine run (so the ratio compares
# runs made under the same load), and peak RSS. PREPARE (a script, may be
# empty) runs before every timed run, untimed. Dirty pages are written back
# first, so one case's writes do not slow the next.
measure() {
  local name=$1 prepare=$2 command=$3 runs=$4 shell_mode=${5:-}
  local args=(--warmup 3 --runs "$runs")
  if [ -n "$prepare" ]; then args+=(--prepare "$prepare"); fi
  if [ -z "$shell_mode" ]; then args+=(-N); fi
  echo "measuring: $name" >&2
  sync
  run_hyperfine "${args[@]}" "$work/hello" "$command"
  printf '%s\t%s\t%s\t%s\n' "$name" "$(median_of "$work/hyperfine.json" 1)" \
    "$(peak_rss "$prepare" "$command" "$shell_mode")" \
    "$(median_of "$work/hyperfine.json" 0)" >> "$results"
}

# Keep a pristine copy of a directory, and write a script that puts it back
# (hyperfine runs --prepare without a shell); prints the script's path.
snapshot() {
  cp -a "$1" "$1.pristine"
  printf '#!/bin/sh
rm -rf %q && cp -a %q %q
' "$1" "$1.pristine" "$1" > "$1.restore"
  chmod +x "$1.restore"
}
restore() { printf '%s' "$1.restore"; }

# Taskwarrior with 20 tasks, in its own data directory.
taskdata=$work/task
mkdir -p "$taskdata"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=99.99.99\n' "$taskdata" > "$work/taskrc"
export TASKRC=$work/taskrc TASKDATA=$taskdata
for n in $(seq 20); do task add "roadmap step $n" >/dev/null; done
task list >/dev/null
snapshot "$taskdata"

# The built-in roadmap with a realistic state.
home=$work/builtin
"$data" builtin "$home"
SMM_PATH_HOME=$home "$bin" status >/dev/null   # the first read fills the cache
snapshot "$home"
export SMM_PATH_HOME=$home

# The floor and the read-only commands in one hyperfine call, back to back,
# so the ratios compare runs made under the same load.
echo "measuring: floor, status, status --short, today, export" >&2
quick=("$work/hello" "$bin status" "$bin status --short" "$bin today" "$bin export" "task list")
names=("floor: Rust hello-world" "smm-path status" "smm-path status --short" "smm-path today" "smm-path export" "task list (20 tasks)")
sync
run_hyperfine -N --warmup 20 --runs "$RUNS" "${quick[@]}"
cp "$work/hyperfine.json" "$work/quick.json"
for index in "${!quick[@]}"; do
  printf '%s\t%s\t%s\t%s\n' "${names[$index]}" "$(median_of "$work/quick.json" "$index")" \
    "$(peak_rss "" "${quick[$index]}")" "$(median_of "$work/quick.json" 0)" >> "$results"
done
# The progress card as PNG: layout, resvg's drawing and the PNG encoding
# (the aim is under 300 ms). It only writes the picture, so no restore.
measure "smm-path card -o card.png" "" "$bin card -o $work/card.png" "${CARD_RUNS:-50}"
measure "smm-path done 7" "$(restore "$home")" "$bin done 7" "$RUNS"
measure "smm-path done 7 + undo" "$(restore "$home")" "$bin done 7 && $bin undo" "$RUNS" shell
measure "task 7 done" "$(restore "$taskdata")" "task 7 done" "$RUNS"
unset SMM_PATH_HOME TASKRC TASKDATA


# Generated roadmaps: every step touched, ten history events per step.
for size in $SIZES; do
  dir=$work/g$size
  echo "generating $size steps..." >&2
  "$data" generated "$size" "$dir"
  export SMM_PATH_HOME=$dir/home SMM_PATH_ROADMAP=$dir/roadmap.yaml
  "$bin" status >/dev/null
  snapshot "$dir/home"
  runs=$RUNS; [ "$size" -ge 10000 ] && runs=$LARGE_RUNS
  measure "$size steps: status" "" "$bin status" "$runs"
  measure "$size steps: done" "$(restore "$dir/home")" "$bin done 2" "$runs"
  measure "$size steps: note" "$(restore "$dir/home")" "$bin note 2 evidence" "$runs"
  measure "$size steps: undo" "$(restore "$dir/home")" "$bin undo" "$runs"
  measure "$size steps: export" "" "$bin export" "$runs"
  unset SMM_PATH_HOME SMM_PATH_ROADMAP
  rm -rf "$dir"
  # The same roadmap with a single step touched: a change should cost what it changes.
  "$data" sparse "$size" "$dir"
  export SMM_PATH_HOME=$dir/home SMM_PATH_ROADMAP=$dir/roadmap.yaml
  "$bin" status >/dev/null
  snapshot "$dir/home"
  measure "$size steps, one touched: done" "$(restore "$dir/home")" "$bin done 2" "$runs"
  unset SMM_PATH_HOME SMM_PATH_ROADMAP
  rm -rf "$dir"
done

# A mentor's cohort report over generated exports: 2,000 and 20,000 learners.
cargo build --release --locked --quiet --example cohort_data
for count in 2000 20000; do
  echo "generating a cohort of $count..." >&2
  "$release/examples/cohort_data" "$count" "$work/cohort-$count"
  runs=10; [ "$count" -ge 20000 ] && runs=5
  measure "cohort of $count exports" "" "$bin cohort $work/cohort-$count -f json" "$runs"
  rm -rf "$work/cohort-$count"
done

# The full-screen view in a pseudo-terminal: first frame and one key press,
# on the built-in roadmap and on 10,000 steps (bench/ui.py says how).
echo "measuring: ui" >&2
"$data" sparse 10000 "$work/ui"
python3 bench/ui.py "$bin" "$work/ui" "${UI_RUNS:-20}" > "$work/ui.md"

python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print("| case | median | × floor (same run) | peak RSS |")
print("|---|---:|---:|---:|")
for name, median, rss, floor in rows:
    seconds = float(median)
    shown = f"{seconds * 1000:.2f} ms" if seconds < 10 else f"{seconds:.2f} s"
    print(f"| {name} | {shown} | {seconds / float(floor):.2f} | {int(rss) / 1024:.1f} MB |")
PY

echo
cat "$work/ui.md"

# Long histories (50,000 and 500,000 changes, a million notes): bench/history.sh; HISTORY=0 skips it.
if [ "${HISTORY:-1}" != 0 ]; then echo; bench/history.sh; fi
