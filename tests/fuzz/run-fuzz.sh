#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer harnesses with clang, ASan and UBSan; for each target, replays every
# seed input once, then fuzzes for a bounded time. .ci/run runs it on every change; by hand:
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [TARGET...]
#
#   SECONDS   how long to fuzz each target after the replay (default 60; 0: replay only)
#   TARGET    guard       gb_json_guard_check() and gb_json_locate()
#                         (compiled from src/io/gb-json-{guard,bytes,locate,path}.c; GLib/json-glib only)
#             loader      gb_dossier_load_bytes(), the whole loader
#             timelinejs  gb_import_knight_lab() on guarded, parsed JSON with "events"
#             storymap    gb_import_knight_lab() on guarded, parsed JSON with "storymap"
#                         (these three link the app's static libraries, built in a separate
#                         meson build dir with clang)
#             csv         gb_import_timelinejs_csv() on any bytes, as the loader calls it
#                         for a .csv file (links the app's static libraries too)
#             html        gb_html_to_text() and gb_html_to_line()
#                         (compiled directly from src/io/gb-html-text.c)
#             default: all six
#
# Seeds, replayed in full before fuzzing (a seed that crashes fails the run at once):
#   html         tests/fuzz/corpus/html/
#   csv          tests/fuzz/corpus/csv/, tests/fixtures/**/*.csv and ../shared/samples/*.csv
#   the others   tests/fuzz/corpus/*, tests/fuzz/corpus/<target>/, tests/fixtures/**/*.json,
#                the bundled dossier and ../shared/samples/*.json
#   all          tests/fuzz/crashes/<target>/, inputs that failed before and are not yet
#                moved into the corpus
#
# Environment:
#   FUZZ_BUILD_DIR  where to build and keep the growing corpus and artifacts
#                   (default ${TMPDIR:-/tmp}/golden-bridge-fuzz)
#   GB_SHARED_DIR   directory holding samples/*.json, added to the seeds
#                   (default: ../shared beside the source tree, if it exists)
#   CC              clang to use (default: clang, installed with build-aux/deps.sh)
#   FUZZ_ARGS       extra libFuzzer arguments, e.g. "-jobs=2 -workers=2"
#
# Needs clang with libFuzzer (Debian: clang-14 and libclang-rt-14-dev; without CC, the script
# installs them with build-aux/deps.sh when they are missing). Each target's result is also
# written to $FUZZ_BUILD_DIR/results.json, a line per target as in meson's testlog.json, and
# what it printed on standard error (why a target failed) to $FUZZ_BUILD_DIR/failures.log.
#
# Exits non-zero if a target fails to build or an input crashes, leaks, hangs (10 s), runs out
# of memory (2 GB) or breaks one of the harness's checks. The input is copied into
# tests/fuzz/crashes/<target>/ and printed in base64; the message says how to reproduce it.
# Once it is fixed, move it into tests/fuzz/corpus/<target>/ and commit it: every run replays
# the corpus, so it stays fixed.

set -euo pipefail

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(guard loader timelinejs storymap csv html)

case "$seconds" in
  ''|*[!0-9]*) echo "run-fuzz.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
srcroot=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD_DIR:-${TMPDIR:-/tmp}/golden-bridge-fuzz}
shared=${GB_SHARED_DIR:-$srcroot/../shared}
read -r -a extra_args <<< "${FUZZ_ARGS:-}"

# Debian's clang and its libFuzzer runtime, unless another clang is asked for.
if [ -z "${CC:-}" ]; then
  "$srcroot/build-aux/deps.sh" clang-14 libclang-rt-14-dev
  command -v clang >/dev/null 2>&1 && cc=clang || cc=clang-14
else
  cc=$CC
fi

mkdir -p "$build"
# What goes to standard error (why a target failed) is kept in failures.log too, for .ci/run
# to repeat at the end of its output.
failures="$build/failures.log"
: > "$failures"
exec 2> >(tee -a "$failures" >&2)
tee_pid=$!
# One line per target, as meson's testlog.json, for .ci/run's summary.
results="$build/results.json"
rm -f "$results"
record () {
  printf '{"name": "fuzz %s", "result": "%s"}\n' "$1" "$2" >> "$results"
}

# shellcheck disable=SC2054  # commas inside one flag
sanitize=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
          -fno-omit-frame-pointer -g -O1)
pkgs=(glib-2.0 gio-2.0 json-glib-1.0)

# Harnesses compiled with the few source files they test; those need only config.h's
# GETTEXT_PACKAGE. build_standalone EXE HARNESS SOURCE...
build_standalone () {
  local exe=$1 harness=$2
  shift 2
  local sources=("${@/#/$srcroot/}")
  mkdir -p "$build/standalone-include"
  printf '#pragma once\n#define GETTEXT_PACKAGE "golden-bridge"\n' \
    > "$build/standalone-include/config.h"
  # shellcheck disable=SC2046
  "$cc" "${sanitize[@]}" -std=gnu17 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
    -I"$build/standalone-include" -I"$srcroot/src/io" -I"$srcroot/src/model" \
    "$here/$harness" "${sources[@]}" \
    $(pkg-config --cflags --libs "${pkgs[@]}") -lm \
    -o "$build/$exe"
}

# The app's static libraries with coverage instrumentation and the sanitizers, built once
# per run. Found by what ninja builds, and their headers by folder, so that moving files
# between libraries or folders needs no change here.
lib_build="$build/meson"
lib_archives=()
lib_includes=()
build_libraries () {
  local log="$build/build-libraries.log"
  local dir

  [ ${#lib_archives[@]} -eq 0 ] || return 0

  # Warnings are the normal build's business: clang's -Wshadow also flags parameters
  # named like libc globals (timezone), which gcc accepts.
  if [ ! -f "$lib_build/build.ninja" ]; then
    CC="$cc" meson setup "$lib_build" "$srcroot" \
      -Dwerror=false -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Wno-error=shadow" \
      > "$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
  fi
  mapfile -t lib_archives < <(ninja -C "$lib_build" -t targets all |
                              sed -n 's|^\(src/[^:]*\.a\): .*|\1|p')
  if [ ${#lib_archives[@]} -eq 0 ]; then
    echo "run-fuzz.sh: no static library under src/ in $lib_build" >&2
    return 1
  fi
  ninja -C "$lib_build" "${lib_archives[@]}" > "$log" 2>&1 ||
    { grep -B2 -A8 error "$log" | head -40 >&2; lib_archives=(); return 1; }
  lib_archives=("${lib_archives[@]/#/$lib_build/}")
  lib_includes=(-I"$lib_build")
  while IFS= read -r dir; do
    lib_includes+=(-I"$dir")
  done < <(find "$srcroot/src" "$lib_build/src" -type d -not -name '*.p')
}

# build_linked EXE HARNESS [CFLAGS...]
build_linked () {
  local exe=$1 harness=$2
  shift 2
  build_libraries || return 1
  # shellcheck disable=SC2046
  "$cc" "${sanitize[@]}" -std=gnu17 "$@" "${lib_includes[@]}" \
    "$here/$harness" \
    -Wl,--whole-archive "${lib_archives[@]}" -Wl,--no-whole-archive \
    $(pkg-config --cflags --libs "${pkgs[@]}" gtk4 libadwaita-1 shumate-1.0 libsoup-3.0) -lm \
    -o "$build/$exe"
}

# The seed files of target $1, one per line.
seeds () {
  local target=$1
  {
    if [ "$target" = csv ]; then
      find "$srcroot/tests/fixtures" -type f -name '*.csv'
      find "$shared/samples" -maxdepth 1 -type f -name '*.csv' 2>/dev/null || true
    elif [ "$target" != html ]; then
      find "$here/corpus" -maxdepth 1 -type f
      find "$srcroot/tests/fixtures" -type f -name '*.json'
      find "$srcroot/resources/dossiers" "$shared/samples" -maxdepth 1 -type f -name '*.json' \
        2>/dev/null || true
    fi
    find "$here/corpus/$target" "$here/crashes/$target" -type f 2>/dev/null || true
  } | sort
}

elapsed () {
  echo "$(( $(date +%s) - $1 ))s"
}

# Keeps what the fuzzer left in artifacts dir $2 for target $1 and says what to do with it.
keep_artifacts () {
  local target=$1 artifacts=$2 exe=$3
  local kept="$here/crashes/$target"
  local file

  for file in "$artifacts"/*; do
    [ -f "$file" ] || continue
    mkdir -p "$kept"
    cp "$file" "$kept/"
    echo "run-fuzz.sh: $target failed on the input kept in" \
         "tests/fuzz/crashes/$target/$(basename "$file")" >&2
    if [ "$(stat -c %s "$file")" -le 65536 ]; then
      echo "  (base64; \`base64 -d > $(basename "$file")\` to get it back)" >&2
      base64 -w 100 "$file" | sed 's/^/  /' >&2
    fi
  done
  cat >&2 <<EOF
  Reproduce: FUZZ_BUILD_DIR=$build $0 0 $target, or
             $exe tests/fuzz/crashes/$target/FILE
  Once fixed, keep the input as a regression fixture:
             git mv or git add it as tests/fuzz/corpus/$target/<what-it-is>.<ext>
EOF
}

status=0
for target in "${targets[@]}"; do
  case "$target" in
    guard)      exe=fuzz-json-guard;  build_cmd=(build_standalone fuzz-json-guard fuzz-json-guard.c src/io/gb-json-guard.c
                                                   src/io/gb-json-bytes.c src/io/gb-json-locate.c
                                                   src/io/gb-json-path.c src/model/gb-escape.c) ;;
    loader)     exe=fuzz-dossier-loader; build_cmd=(build_linked fuzz-dossier-loader fuzz-dossier-loader.c) ;;
    timelinejs) exe=fuzz-timelinejs; build_cmd=(build_linked fuzz-timelinejs fuzz-import.c -DFUZZ_IMPORT_TIMELINEJS) ;;
    storymap)   exe=fuzz-storymap;   build_cmd=(build_linked fuzz-storymap fuzz-import.c -DFUZZ_IMPORT_STORYMAP) ;;
    csv)        exe=fuzz-import-csv; build_cmd=(build_linked fuzz-import-csv fuzz-import-csv.c) ;;
    html)       exe=fuzz-html-text;  build_cmd=(build_standalone fuzz-html-text fuzz-html-text.c src/io/gb-html-text.c) ;;
    *) echo "run-fuzz.sh: unknown target '$target' (guard, loader, timelinejs, storymap, csv, html)" >&2; exit 2 ;;
  esac
  exe="$build/$exe"

  case "$target" in
    html)                  dict="$here/html.dict" ;;
    csv)                   dict="$here/csv.dict" ;;
    timelinejs|storymap)   dict="$build/knightlab.dict"
                           cat "$here/json.dict" "$here/knightlab.dict" > "$dict" ;;
    *)                     dict="$here/json.dict" ;;
  esac

  started=$(date +%s)
  echo "== building $target"
  if ! "${build_cmd[@]}"; then
    echo "run-fuzz.sh: building $target failed" >&2
    record "$target" FAIL
    status=1
    continue
  fi

  artifacts="$build/artifacts/$target"
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  corpus="$build/corpus-$target"
  mkdir -p "$corpus"
  mapfile -t seed_files < <(seeds "$target")
  options=(-dict="$dict" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/"
           "${extra_args[@]}")
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

  echo "== replaying ${#seed_files[@]} seeds of $target"
  if ! "$exe" "${options[@]}" "${seed_files[@]}" > "$build/replay-$target.log" 2>&1; then
    tail -60 "$build/replay-$target.log" >&2
    echo "run-fuzz.sh: $target FAILED on a seed (after $(elapsed "$started"))" >&2
    keep_artifacts "$target" "$artifacts" "$exe"
    record "$target" FAIL
    status=1
    continue
  fi

  if [ "$seconds" -gt 0 ]; then
    cp -n "${seed_files[@]}" "$corpus"/ 2>/dev/null || true
    echo "== fuzzing $target for ${seconds}s (corpus $corpus, log $build/fuzz-$target.log)"
    # libFuzzer's progress goes to the log; what failed, and the final figures, to the output,
    # so that the tail of a CI run shows why a target failed.
    if ! "$exe" "${options[@]}" "$corpus" -max_total_time="$seconds" -print_final_stats=1 \
           > "$build/fuzz-$target.log" 2>&1; then
      tail -80 "$build/fuzz-$target.log" >&2
      echo "run-fuzz.sh: $target FAILED (after $(elapsed "$started"))" >&2
      keep_artifacts "$target" "$artifacts" "$exe"
      record "$target" FAIL
      status=1
      continue
    fi
  fi
  [ "$seconds" -eq 0 ] || grep -E '^(Done|stat::)' "$build/fuzz-$target.log" || true
  echo "== $target passed in $(elapsed "$started")"
  record "$target" OK
done

# Let tee write the last of it before the caller reads failures.log.
exec 2>&-
wait "$tee_pid" 2>/dev/null || true
exit $status
