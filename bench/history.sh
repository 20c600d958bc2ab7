#!/usr/bin/env bash
# Measures smm-path on long histories (the built-in roadmap, N changes on
# three devices; see examples/history_data.rs) against the targets of the
# long-history issue, and prints Markdown tables: median wall time, peak
# RSS, the target and whether it is met.
#
#   bench/history.sh                        # 50,000 and 500,000 changes, 1,000,000 notes
#   N_LARGE=200000 RUNS=3 bench/history.sh  # smaller, quicker
#   TSV=before.tsv bench/history.sh         # also keep the raw figures
#   BEFORE=before.tsv bench/history.sh      # compare `status` and `note` with them
#
# N_SMALL, N_LARGE and N_NOTES set the sizes; RUNS the timed runs of each
# case (after one warm-up). Homes are generated under TMPDIR (about 2 GB at
# the default sizes). Needs hyperfine, GNU time and python3; installs them
# (Debian packages hyperfine, time, python3) when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

N_SMALL=${N_SMALL:-50000}
N_LARGE=${N_LARGE:-500000}
N_NOTES=${N_NOTES:-1000000}
RUNS=${RUNS:-5}

# shellcheck source=bench/tools.sh
. bench/tools.sh
need_tools bench/history.sh hyperfine:hyperfine /usr/bin/time:time python3:python3

echo "building (release)..." >&2
cargo build --release --locked --quiet --bin smm-path --example history_data
bin=$(release_dir)/smm-path
data=$(release_dir)/examples/history_data

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv
: > "$results"
started=$SECONDS

median_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }

# generate KIND N NAME: writes $work/NAME/{home,sync}, a pristine copy of
# the home and a script that puts it back. The restore empties the home
# folder and copies the files into it, never replacing the folder itself:
# a new folder is a copied home to smm-path, which becomes a new device
# and rewrites its snapshot, and that is not what is measured here.
generate() {
  local kind=$1 count=$2 dir=$work/$3 began=$SECONDS
  echo "generating $kind, $count changes..." >&2
  now=$("$data" "$kind" "$count" "$dir")
  export SMM_PATH_HOME=$dir/home SMM_PATH_NOW=$now
  if [ -d "$dir/sync" ]; then
    # Writes this home's own device file; a second sync finds nothing new.
    "$bin" sync "$dir/sync" >/dev/null
  fi
  "$bin" status >/dev/null
  cp -a "$dir/home" "$dir/pristine"
  printf '#!/bin/sh\nfind %q -mindepth 1 -delete && cp -a %q/. %q/ && sync\n' \
    "$dir/home" "$dir/pristine" "$dir/home" > "$dir/restore"
  chmod +x "$dir/restore"
  local bytes
  bytes=$(stat -c %s "$dir/home/history.jsonl")
  printf 'generated %s (%s changes): history.jsonl %s MB, progress.yaml %s MB, in %s s\n' \
    "$kind" "$count" "$((bytes / 1000000))" \
    "$(($(stat -c %s "$dir/home/progress.yaml") / 1000000))" "$((SECONDS - began))" >> "$work/generated"
}

# measure NAME TARGET_MS TARGET_MB PREPARE COMMAND: median of RUNS timed
# runs (PREPARE, a script or empty, runs untimed before each) and the peak
# RSS of one more run. TARGET_MS empty: "no more than today".
measure() {
  local name=$1 target_ms=$2 target_mb=$3 prepare=$4 command=$5
  local args=(-N --style none --warmup 1 --runs "$RUNS" --export-json "$work/hyperfine.json")
  if [ -n "$prepare" ]; then args+=(--prepare "$prepare"); fi
  echo "measuring: $name" >&2
  sync
  if ! hyperfine "${args[@]}" "$command" >/dev/null 2>"$work/hyperfine.log"; then
    cat "$work/hyperfine.log" >&2
    exit 1
  fi
  if [ -n "$prepare" ]; then "$prepare"; fi
  # shellcheck disable=SC2086 # the command is words to split
  /usr/bin/time -f '%M' -o "$work/rss" $command >/dev/null 2>&1
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(median_of "$work/hyperfine.json")" \
    "$(tail -n 1 "$work/rss")" "$target_ms" "$target_mb" >> "$results"
  # The next case starts from the home as generated.
  if [ -n "$prepare" ]; then "$prepare"; fi
}

for count in $N_SMALL $N_LARGE; do
  name=mixed-$count
  generate mixed "$count" "$name"
  dir=$work/$name
  measure "$count: log -n 3" 50 100 "" "$bin log -n 3"
  measure "$count: sync DIR, nothing new" 100 100 "" "$bin sync $dir/sync"
  measure "$count: undo" 200 100 "$dir/restore" "$bin undo"
  measure "$count: stats" 1000 100 "" "$bin stats"
  measure "$count: doctor" 2000 100 "" "$bin doctor"
  measure "$count: status" "" 100 "" "$bin status"
  measure "$count: note 3 x" "" 100 "$dir/restore" "$bin note 3 x"
  rm -rf "$dir"
done

# A million notes on the 20 steps, against as many changes without notes.
generate statuses "$N_NOTES" plain
measure "$N_NOTES changes, no notes: status" "" "" "" "$bin status"
rm -rf "$work/plain"
generate notes "$N_NOTES" notes
measure "$N_NOTES notes: status" "" 50 "" "$bin status"
rm -rf "$work/notes"
unset SMM_PATH_HOME SMM_PATH_NOW

if [ -n "${TSV:-}" ]; then cp "$results" "$TSV"; fi
cat "$work/generated" >&2
echo "whole script: $((SECONDS - started)) s after the build" >&2

python3 - "$results" "$N_SMALL" "$N_LARGE" "$N_NOTES" "${BEFORE:-}" <<'PY'
import sys
path, small, large, notes, before_path = sys.argv[1:6]
rows = [line.rstrip("\n").split("\t") for line in open(path)]
median = {name: float(m) for name, m, *_ in rows}
before = {}
if before_path:
    before = {r[0]: float(r[1]) for r in (l.rstrip("\n").split("\t") for l in open(before_path))}

def shown(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.2f} s"

print("| case | median | peak RSS | target time | target memory | met? |")
print("|---|---:|---:|---|---|---|")
plain = f"{notes} changes, no notes: status"
for name, m, rss, target_ms, target_mb in rows:
    seconds, mb = float(m), int(rss) / 1024
    time_goal, missed = "", []
    if target_ms:
        ms = int(target_ms)
        time_goal = f"≤ {ms / 1000:g} s" if ms >= 1000 else f"≤ {ms} ms"
        if seconds * 1000 > ms:
            missed.append("time")
    elif name == f"{notes} notes: status":
        ratio = seconds / median[plain]
        time_goal = f"≤ 2× no notes: {ratio:.2f}×"
        if ratio > 2:
            missed.append("time")
    elif name in before:
        ratio = seconds / before[name]
        # Within a tenth of the earlier run counts as no more: the machine is noisy.
        time_goal = f"≤ before ({shown(before[name])}): {ratio:.2f}×"
        if ratio > 1.1:
            missed.append("time")
    elif name == plain:
        time_goal = "(the reference)"
    else:
        time_goal = "≤ today's: this figure"
    memory_goal = f"≤ {target_mb} MB" if target_mb else ""
    if target_mb and mb > int(target_mb):
        missed.append("memory")
    met = f"**no** ({', '.join(missed)})" if missed else "yes" if name != plain else "–"
    print(f"| {name} | {shown(seconds)} | {mb:.1f} MB | {time_goal} | {memory_goal} | {met} |")

print()
factor = int(large) / int(small)
print(f"| {int(large):,} vs {int(small):,} changes ({factor:g}× the history) | time ratio | met (≤ {factor:g}×)? |")
print("|---|---:|---|")
for name, _, _, _, _ in rows:
    prefix = f"{small}: "
    if name.startswith(prefix):
        command = name[len(prefix):]
        ratio = median[f"{large}: {command}"] / median[name]
        print(f"| {command} | {ratio:.2f}× | {'yes' if ratio <= factor else '**no**'} |")
PY
