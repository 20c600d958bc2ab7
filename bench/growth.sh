#!/usr/bin/env bash
# How smm-path's cost grows: instructions (callgrind), one wall time and
# peak RSS for each command, on generated roadmaps of 1,000, 10,000 and
# 100,000 steps (every step touched, ten changes each: bench_data
# generated) and on the built-in roadmap with histories of 10,000, 100,000
# and 1,000,000 changes (history_data mixed). Prints Markdown tables, with
# each size's instructions over the size ten times smaller beside them
# (the target: at most 10x).
#
#   bench/growth.sh                         # all sizes (about 15 minutes)
#   STEPS="1000 10000" CHANGES="10000" bench/growth.sh
#
# Instruction counts do not move with the machine's load, so they are
# what to compare; the wall time is one run. A change is measured on a
# fresh copy of its home each time. Homes are generated under TMPDIR
# (about 1.5 GB at the default sizes). Needs valgrind, GNU time and
# python3; installs them (Debian packages) when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

STEPS=${STEPS:-"1000 10000 100000"}
CHANGES=${CHANGES:-"10000 100000 1000000"}

# shellcheck source=bench/tools.sh
. bench/tools.sh
need_tools bench/growth.sh valgrind:valgrind /usr/bin/time:time python3:python3

echo "building (release)..." >&2
cargo build --release --locked --quiet --bin smm-path --example bench_data --example history_data
bin=$(release_dir)/smm-path
bench_data=$(release_dir)/examples/bench_data
history_data=$(release_dir)/examples/history_data

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv
: >"$results"
export NO_COLOR=1

# measure TABLE SIZE NAME HOME COMMAND...: the command's instructions,
# wall time and peak RSS in HOME, which is put back from HOME.pristine
# before each run. It is emptied and refilled, never replaced: a new
# folder is a copied home to smm-path, which then rewrites its snapshot
# as a new device, and that is not what is measured. A command run
# first, untimed, goes in $BEFORE (undo needs a change to take back).
restore() { find "$1" -mindepth 1 -delete && cp -a "$1.pristine/." "$1/"; }
measure() {
  local table=$1 size=$2 name=$3 home=$4
  shift 4
  export SMM_PATH_HOME=$home
  restore "$home"
  if [ -n "${BEFORE:-}" ]; then
    # shellcheck disable=SC2086 # the command is words to split
    "$bin" $BEFORE >/dev/null
  fi
  echo "measuring: $table $size: $name" >&2
  local instructions
  instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 >/dev/null |
    awk '/Collected/ { print $NF }')
  restore "$home"
  if [ -n "${BEFORE:-}" ]; then
    # shellcheck disable=SC2086
    "$bin" $BEFORE >/dev/null
  fi
  sync
  local began ended
  began=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" "$@" >/dev/null 2>&1
  ended=$(date +%s%N)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$table" "$name" "$size" "$instructions" \
    "$(((ended - began) / 1000))" "$(tail -n 1 "$work/rss")" >>"$results"
}

for size in $STEPS; do
  dir=$work/steps-$size
  echo "generating $size steps..." >&2
  "$bench_data" generated "$size" "$dir"
  # After the last generated change (a minute each from 2026-01-05: a
  # million end in November 2027), so no stamp is ahead of the clock.
  export SMM_PATH_HOME=$dir/home SMM_PATH_ROADMAP=$dir/roadmap.yaml SMM_PATH_NOW=2028-01-01T09:00:00+07:00
  # The caches made (the history's index by `log`), and the fingerprints
  # old enough to be remembered.
  "$bin" status >/dev/null && "$bin" log -n 1 >/dev/null && sleep 2 && "$bin" status >/dev/null
  cp -a "$dir/home" "$dir/home.pristine"
  middle=$((size / 2))
  measure steps "$size" status "$dir/home" status
  measure steps "$size" "note" "$dir/home" note "$middle" "a note"
  measure steps "$size" "done" "$dir/home" done 1
  BEFORE="done $middle" measure steps "$size" "undo" "$dir/home" undo
  measure steps "$size" "done 1-$size" "$dir/home" done "1-$size"
  rm -rf "$dir"
done
unset SMM_PATH_ROADMAP

for count in $CHANGES; do
  dir=$work/history-$count
  echo "generating $count changes..." >&2
  now=$("$history_data" mixed "$count" "$dir")
  export SMM_PATH_HOME=$dir/home SMM_PATH_NOW=$now
  "$bin" status >/dev/null && "$bin" log -n 1 >/dev/null && sleep 2 && "$bin" status >/dev/null
  cp -a "$dir/home" "$dir/home.pristine"
  measure history "$count" status "$dir/home" status
  measure history "$count" "note" "$dir/home" note 7 "a note"
  measure history "$count" "done" "$dir/home" done 7
  BEFORE="done 8" measure history "$count" "undo" "$dir/home" undo
  measure history "$count" "log -n 20" "$dir/home" log -n 20
  rm -rf "$dir"
done

python3 - "$results" <<'EOF'
import collections, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
tables = collections.OrderedDict()
for table, name, size, instructions, microseconds, rss in rows:
    tables.setdefault(table, collections.OrderedDict()).setdefault(name.split(" 1-")[0] + (" 1-N" if " 1-" in name else ""), []).append(
        (int(size), int(instructions), int(microseconds), int(rss)))
titles = {"steps": "roadmap size (steps)", "history": "history length (changes)"}
for table, commands in tables.items():
    print(f"\n| {titles[table]} | command | instructions | × the size 10x smaller | wall time | peak RSS |")
    print("|---|---|---:|---:|---:|---:|")
    for name, cases in commands.items():
        previous = None
        for size, instructions, microseconds, rss in cases:
            growth = f"{instructions / previous:.1f}x" if previous else ""
            print(f"| {size:,} | {name} | {instructions:,} | {growth} | {microseconds / 1000:.1f} ms | {rss / 1024:.1f} MB |")
            previous = instructions
EOF
