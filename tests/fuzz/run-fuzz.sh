#!/bin/sh
# run-fuzz.sh SOURCE_ROOT BUILD_ROOT RUNS [REQUIRED] [-- LIBFUZZER_ARG ...]
#
# Builds the libFuzzer harness tests/fuzz/fuzz-pack.c together with every
# source file of the core (src/core/*.c), all compiled by clang with
# -fsanitize=fuzzer,address,undefined, then fuzzes pack loading and
# validation for RUNS inputs from the seed corpus. The meson test suite runs
# it with a fixed number of runs and a fixed seed; tests/fuzz/README.md
# gives the command for a long run.
#
# Exit status: 0 when no input crashed, 1 on a crash (the input is saved
# in BUILD_ROOT/tests/fuzz/ as crash-*), 77 (skipped) when clang or its
# fuzzing runtime is missing, unless REQUIRED is "true" (meson option
# -Dfuzzing=true), which makes that a failure.
set -eu

src=$1
build=$2
runs=$3
required=${4:-false}
shift 3
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

out="$build/tests/fuzz"
cc=${FUZZ_CC:-clang}
mkdir -p "$out"

skip () {
  echo "run-fuzz: $1" >&2
  if [ "$required" = true ]; then
    exit 1
  fi
  exit 77
}

command -v "$cc" >/dev/null 2>&1 ||
  skip "$cc not found (Debian: apt-get install clang libclang-rt-14-dev)"

# The project's own flags: the API version fences and log domain.
defines="-DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74"
defines="$defines -DG_LOG_USE_STRUCTURED -DG_LOG_DOMAIN=\"Framewise\""
pkgs="glib-2.0 gio-2.0 json-glib-1.0 pango pangocairo cairo cairo-pdf"
cflags=$(pkg-config --cflags $pkgs)
libs="$(pkg-config --libs $pkgs) -lm"
sanitize="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"

# A trivial program tells a missing fuzzing runtime from a broken harness.
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){return 0;}\n' > "$out/probe.c"
"$cc" $sanitize "$out/probe.c" -o "$out/probe" >/dev/null 2>&1 ||
  skip "$cc cannot build a libFuzzer program (Debian: apt-get install libclang-rt-14-dev)"

echo "run-fuzz: building the harness with $cc"
# shellcheck disable=SC2086
"$cc" -g -O1 $sanitize -std=gnu11 $defines $cflags \
  -I"$build" -I"$build/src/core" -I"$src/src/core" \
  "$src/tests/fuzz/fuzz-pack.c" "$src"/src/core/*.c "$build/src/core/fw-core-resources.c" \
  $libs -o "$out/fuzz-pack"

# A fresh working corpus each run keeps the test deterministic; the seeds
# are the hand-made corpus, the broken and test packs and the shipped
# packs.
rm -rf "$out/work-corpus"
mkdir -p "$out/work-corpus"

# The harness's own sanitizer settings, whatever the test suite's are
# (GLib warnings are made fatal in the harness itself).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

echo "run-fuzz: $runs runs"
exec "$out/fuzz-pack" -runs="$runs" -seed=1 -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$out/" "$@" \
  "$out/work-corpus" "$src/tests/fuzz/corpus" "$src/tests/packs/broken" "$src/tests/packs" \
  "$src/data/packs"
