#!/usr/bin/env bash
# Builds and runs the fuzz targets on stable Rust (see docs/FUZZING.md).
#
#   fuzz/run.sh build                 build every target (release, instrumented)
#   fuzz/run.sh list                  the targets' names
#   fuzz/run.sh run TARGET [ARGS…]    fuzz one target; ARGS go to libFuzzer (-runs=N, …)
#   fuzz/run.sh ci SECONDS            every target in turn, SECONDS in all (CI)
#
# libFuzzer comes from the libfuzzer-sys crate, built from source; the instrumentation is
# the one cargo-fuzz asks rustc for, with flags that stable rustc takes. The build goes to
# $CARGO_TARGET_DIR/<host triple>/release, apart from the app's own builds but in the same
# target folder, so CI reuses it between runs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
fuzz_dir=$PWD
repo=$(dirname "$fuzz_dir")

targets=(letter_json letter_csv letter_path roster_json roster_yaml roster_csv committees extract recovery settings)
host=$(rustc -vV | sed -n 's/^host: //p')
target_dir=${CARGO_TARGET_DIR:-$repo/target}
bin_dir=$target_dir/$host/release
# Where each target's corpus grows: fuzz/corpus/TARGET, or FUZZ_CORPUS/TARGET.
corpus_root=${FUZZ_CORPUS:-$fuzz_dir/corpus}

build() {
    # The flags cargo-fuzz passes for `--sanitizer none`: edge coverage with 8-bit counters
    # and a PC table (what libFuzzer's -print_pcs and feature counting read), comparisons
    # traced so that the fuzzer learns the keywords the readers look for, and `--cfg fuzzing`.
    # `--target` keeps these flags off build scripts and proc macros.
    RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
-Cdebug-assertions -Coverflow-checks ${RUSTFLAGS:-}" \
        cargo build --release --locked --manifest-path "$fuzz_dir/Cargo.toml" --target "$host" --bins
}

# The starting corpus of a target: the repository's fixtures of its kind, and the small
# seeds kept in fuzz/seeds/TARGET (roster excerpts, settings) for what has no fixture.
seed() {
    local target=$1 corpus=$corpus_root/$1
    mkdir -p "$corpus"
    local files=()
    case $target in
        letter_json) files=("$repo"/tests/fixtures/*.json "$repo"/tests/fixtures/{gui,save}/*.json "$repo"/sample_data/*.json) ;;
        letter_csv) files=("$repo"/tests/fixtures/*.csv "$repo"/tests/fixtures/gui/*.csv "$repo"/sample_data/*.csv) ;;
        letter_path) files=("$repo"/tests/fixtures/*.json "$repo"/tests/fixtures/*.csv "$repo"/sample_data/*) ;;
        extract) files=("$repo"/tests/fixtures/extract/*.{txt,md,html}) ;;
        committees) files=("$repo"/tests/fixtures/committees/*.yaml "$repo"/tests/fixtures/committees/*/*.yaml) ;;
        recovery)
            local letter
            for letter in "$repo"/tests/fixtures/*.json "$repo"/sample_data/*.json; do
                printf '{"source":"/home/user/%s","saved_at":"2026-12-07T05:00:00Z","letter":%s}' \
                    "$(basename "$letter")" "$(cat "$letter")" >"$corpus/seed-$(basename "$letter")"
            done
            ;;
    esac
    if [[ -d $fuzz_dir/seeds/$target ]]; then
        files+=("$fuzz_dir/seeds/$target"/*)
    fi
    if [[ ${#files[@]} -gt 0 ]]; then
        cp "${files[@]}" "$corpus/"
    fi
}

run() {
    local target=$1
    shift
    seed "$target"
    mkdir -p "$fuzz_dir/artifacts/$target" "$fuzz_dir/slowest"
    # -timeout=1: an input that takes more than a second is a hang, and is kept as one.
    FUZZ_SLOWEST_DIR=$fuzz_dir/slowest "$bin_dir/$target" \
        -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$fuzz_dir/artifacts/$target/" \
        "$@" "$corpus_root/$target"
}

case ${1:-} in
    build) build ;;
    list) printf '%s\n' "${targets[@]}" ;;
    run)
        [[ $# -ge 2 ]] || { echo "usage: $0 run TARGET [LIBFUZZER ARGS…]" >&2; exit 2; }
        shift
        run "$@"
        ;;
    ci)
        total=${2:-54}
        each=$((total / ${#targets[@]}))
        build
        # CI starts from the seeds alone, with a fixed seed: the same inputs on every run,
        # so a failure is a change in the code, and `fuzz/run.sh ci` here repeats it.
        corpus_root=$(mktemp -d)
        trap 'rm -rf "$corpus_root"' EXIT
        for target in "${targets[@]}"; do
            echo "--- $target, ${each}s"
            run "$target" -seed=1 -max_total_time="$each"
        done
        ;;
    *)
        sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
