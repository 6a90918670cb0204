#!/usr/bin/env bash
# Times the whole `signer-dashboard summary FILE --format json` process on a synthetic
# letter of a million signers, as JSON and as CSV, against the Python reference
# (scripts/reference_tally.py: the standard json or csv module plus collections.Counter,
# computing the same tally), and measures the peak memory of both.
#
#   scripts/bench-summary.sh                 # 1,000,000 signers, 10 runs each
#   SIGNERS=100000 RUNS=5 scripts/bench-summary.sh
#   REPEAT_SHARE=0.15 scripts/bench-summary.sh   # 15% of signers repeat a name and state
#
# For a CSV table it also times the polars peer (scripts/polars_tally.py: `read_csv` and a
# group_by party, state and role) where Python has polars, and says so where it has not.
#
# Environment:
#   SIGNERS           signers per letter (1000000)
#   REPEAT_SHARE      share of signers repeating an earlier name and state (0), as
#                     `examples/generate --repeat-share`
#   RUNS              timed runs per command (10), after 2 warm-up runs
#   WORK              where the letters are generated, outside the repository (/tmp/signer-bench)
#   CARGO_TARGET_DIR  where cargo builds (target)
#   BEFORE            another build of signer-dashboard (an earlier commit) to time in the
#                     same run, for before/after figures under the same machine load, e.g.
#                     git archive 9f52c98 | tar -x -C /tmp/old && (cd /tmp/old && cargo build
#                     --release --no-default-features) && BEFORE=/tmp/old/target/release/signer-dashboard
#
# Uses hyperfine when it is installed (Debian: apt-get install hyperfine), otherwise a
# plain loop; /usr/bin/time (Debian: time) for the peak resident memory. The binary is
# built without the window (--no-default-features): `summary` runs the same code either
# way, and the headless build is quicker to make.
#
# The targets (issues 8 and 15): at most 300 ms for the whole process, at least 5 times
# faster than Python and 2 times faster than polars, peak memory at most 0.5 times the
# file's size. Each line says whether it
# meets them; the script exits 1 if the app's tally differs from Python's.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
signers="${SIGNERS:-1000000}"
share="${REPEAT_SHARE:-0}"
runs="${RUNS:-10}"
work="${WORK:-/tmp/signer-bench}"
target="${CARGO_TARGET_DIR:-target}"
export CARGO_TARGET_DIR="$target"

cargo build --quiet --release --no-default-features --bin signer-dashboard --example generate
app="$target/release/signer-dashboard"
generate="$target/release/examples/generate"
mkdir -p "$work"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "python:  $(python3 --version 2>&1)"
echo

# Milliseconds of one run of the command given as arguments.
time_once() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

# "mean min user system" in milliseconds over $runs runs of the command given as one
# string (user and system CPU time only with hyperfine; 0 otherwise).
time_command() {
    local command="$1"
    if command -v hyperfine >/dev/null; then
        local json="$work/hyperfine.json"
        hyperfine --style none --warmup 2 --runs "$runs" --export-json "$json" "$command" >/dev/null
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(*(round(r[k]*1000) for k in ("mean", "min", "user", "system")))' "$json"
    else
        local times=() i
        for i in 1 2; do bash -c "$command" >/dev/null 2>&1 || true; done
        for ((i = 0; i < runs; i++)); do times+=("$(time_once bash -c "$command")"); done
        printf '%s\n' "${times[@]}" | sort -n | awk '{ s += $1; a[NR] = $1 } END { printf "%d %d 0 0\n", s / NR, a[1] }'
    fi
}

# Peak resident memory of the command, in kilobytes.
peak_kb() {
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1
}

status=0
for extension in json csv; do
    file="$work/big-$signers-repeat-$share.$extension"
    if [[ ! -s "$file" ]]; then
        "$generate" "$signers" "$file" --repeat-share "$share"
    fi
    cat "$file" >/dev/null # into the page cache
    bytes=$(stat -c %s "$file")

    "$app" summary "$file" --format json >"$work/app.json" 2>"$work/warnings.txt"
    if ! python3 scripts/reference_tally.py "$file" --check "$work/app.json"; then
        status=1
    fi

    before=(0 0 0 0 0)
    if [[ -n "${BEFORE:-}" ]]; then
        "$BEFORE" summary "$file" --format json >"$work/before.json" 2>"$work/before-warnings.txt"
        if ! cmp -s "$work/app.json" "$work/before.json" || ! cmp -s "$work/warnings.txt" "$work/before-warnings.txt"; then
            echo "BEFORE prints another summary or other warnings for $file"
            status=1
        fi
        read -r -a before < <(time_command "$BEFORE summary $file --format json")
        before+=("$(peak_kb "$BEFORE" summary "$file" --format json)")
    fi
    read -r app_mean app_min app_user app_system < <(time_command "$app summary $file --format json")
    read -r py_mean py_min _ _ < <(time_command "python3 scripts/reference_tally.py $file")
    polars=(0 0)
    if [[ "$extension" == csv ]]; then
        if python3 scripts/polars_tally.py "$file" >/dev/null; then
            read -r -a polars < <(time_command "python3 scripts/polars_tally.py $file")
        fi
    fi
    app_kb=$(peak_kb "$app" summary "$file" --format json)
    py_kb=$(peak_kb python3 scripts/reference_tally.py "$file")

    python3 - "$extension" "$bytes" "$app_mean" "$app_min" "$py_mean" "$py_min" "$app_kb" "$py_kb" "$(wc -l <"$work/warnings.txt")" "$app_user" "$app_system" "${before[@]:0:5}" "${polars[@]:0:2}" <<'EOF'
import sys
ext, size, app_mean, app_min, py_mean, py_min, app_kb, py_kb, warnings, app_user, app_system = sys.argv[1:12]
before_mean, before_min, before_user, before_system, before_kb = map(int, sys.argv[12:17])
polars_mean, polars_min = map(int, sys.argv[17:19])
size = int(size); mb = size / 1e6
app_mean, app_min, py_mean, py_min = map(int, (app_mean, app_min, py_mean, py_min))
app_mb, py_mb = int(app_kb) * 1024 / 1e6, int(py_kb) * 1024 / 1e6
ratio = py_mean / max(app_mean, 1)
memory_ratio = app_mb / mb
ok = lambda good: "meets" if good else "MISSES"
print(f"{ext.upper()}: {mb:.1f} MB, {warnings} warning lines")
print(f"  summary   mean {app_mean:5d} ms, best {app_min:5d} ms   ({ok(app_mean <= 300)} <= 300 ms); CPU {app_user} ms user + {app_system} ms system")
print(f"  python    mean {py_mean:5d} ms, best {py_min:5d} ms   (app is {ratio:.1f}x faster: {ok(ratio >= 5)} >= 5x)")
if polars_mean:
    print(f"  polars    mean {polars_mean:5d} ms, best {polars_min:5d} ms   (app is {polars_mean / max(app_mean, 1):.1f}x faster: {ok(polars_mean >= 2 * app_mean)} >= 2x)")
elif ext == "csv":
    print("  polars    not installed (pip install polars): not compared")
print(f"  peak RSS  summary {app_mb:6.1f} MB = {memory_ratio:.2f}x the file ({ok(memory_ratio <= 0.5)} <= 0.5x); python {py_mb:.1f} MB")
if before_mean:
    before_mb = before_kb * 1024 / 1e6
    print(f"  BEFORE    mean {before_mean:5d} ms, best {before_min:5d} ms, CPU {before_user} ms user + {before_system} ms system, "
          f"peak RSS {before_mb:.1f} MB = {before_mb / mb:.2f}x the file, {py_mean / max(before_mean, 1):.1f}x faster than python")
print()
EOF
done
exit "$status"
