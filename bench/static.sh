#!/usr/bin/env bash
# The static Linux binary (the default build, see .cargo/config.toml) against the process
# floor (a Rust hello-world) and the default, dynamically linked build: the
# built-in `status`, all in one hyperfine run so the ratios compare, and the
# instructions callgrind counts for each (which a busy machine does not move).
#
#   bench/static.sh            # RUNS=500 by default
#
# Needs hyperfine and valgrind; installs them (Debian packages) when run as
# root, else says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-500}
target_dir=${CARGO_TARGET_DIR:-target}

# shellcheck source=bench/tools.sh
. bench/tools.sh
need_tools bench/static.sh hyperfine:hyperfine valgrind:valgrind python3:python3

echo "building (release, static as .cargo/config.toml makes it, and dynamic)..." >&2
cargo build --release --locked --quiet --bin smm-path
# The dynamic twin in a folder of its own, so the two builds do not undo
# each other: RUSTFLAGS takes the place of the configuration's flag.
RUSTFLAGS="-C target-feature=-crt-static" cargo build --release --locked --quiet \
    --target-dir "$target_dir/dynamic" --bin smm-path
static=$(release_dir)/smm-path
dynamic=$target_dir/dynamic/$(rustc --print host-tuple)/release/smm-path

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The floor, compiled now with the same toolchain, and its static twin.
printf 'fn main() { println!("hello"); }\n' >"$work/hello.rs"
rustc -O -o "$work/hello" "$work/hello.rs"
rustc -O -C target-feature=+crt-static --target x86_64-unknown-linux-gnu \
    -o "$work/hello-static" "$work/hello.rs"

# A home with a few steps touched, as bench/run.sh measures status in.
export SMM_PATH_HOME=$work/home SMM_PATH_NOW=2026-12-05T14:30:00+07:00 NO_COLOR=1
"$static" done 1-4 >/dev/null
"$static" status >/dev/null    # the caches made once, before the timing

commands=("$work/hello" "$dynamic status" "$static status" "$work/hello-static")
names=("floor: Rust hello-world" "smm-path status (dynamic)" "smm-path status (static)"
    "static hello-world")
hyperfine -N --style none --warmup 50 --runs "$RUNS" --export-json "$work/hyperfine.json" \
    "${commands[@]}" >/dev/null

for command in "${commands[@]}"; do
    # shellcheck disable=SC2086 # the command is words to split
    valgrind --tool=callgrind --callgrind-out-file=/dev/null $command 2>&1 >/dev/null \
        | awk '/Collected/ { print $NF }'
done >"$work/instructions"

python3 - "$work/hyperfine.json" "$work/instructions" "${names[@]}" <<'EOF'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
instructions = [int(line) for line in open(sys.argv[2])]
names = sys.argv[3:]
floor = results[0]["median"]
print("| case | median | × floor (same run) | mean ± σ | instructions |")
print("|---|---:|---:|---:|---:|")
for name, result, count in zip(names, results, instructions):
    median, mean, sigma = result["median"], result["mean"], result["stddev"] or 0.0
    print(f"| {name} | {median * 1000:.3f} ms | {median / floor:.2f} | "
          f"{mean * 1000:.3f} ± {sigma * 1000:.3f} ms | {count:,} |")
EOF
