#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds and runs the libFuzzer harnesses with clang, ASan and UBSan.
# Not part of `meson test` (it takes minutes); run it by hand or in a nightly job:
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [TARGET...]
#
#   SECONDS   how long to fuzz each target (default 60)
#   TARGET    guard   gb_json_guard_check() and gb_json_locate()
#                     (compiled directly from src/io/gb-json-{guard,bytes,locate,path}.c; needs only GLib/json-glib)
#             loader  gb_dossier_load_bytes(), the whole loader
#                     (builds the gb-core library in a separate meson build dir with clang)
#             default: guard loader
#
# Environment:
#   FUZZ_BUILD_DIR  where to build and keep the growing corpus and crash files
#                   (default ${TMPDIR:-/tmp}/golden-bridge-fuzz)
#   GB_SHARED_DIR   directory holding samples/*.json, added to the seed corpus
#                   (default: ../shared beside the source tree, if it exists)
#   CC              clang to use (default clang)
#   FUZZ_ARGS       extra libFuzzer arguments, e.g. "-jobs=2 -workers=2"
#
# Needs clang with libFuzzer (Debian: clang-14 and libclang-rt-14-dev).
# Exits non-zero if a target fails to build or the fuzzer finds a crash, leak, hang or a
# broken invariant; the input is left in $FUZZ_BUILD_DIR/artifacts/<target>-crash-<sha1>.
# Reproduce with
#   $FUZZ_BUILD_DIR/fuzz-json-guard $FUZZ_BUILD_DIR/artifacts/guard-crash-...
#   $FUZZ_BUILD_DIR/fuzz-dossier-loader $FUZZ_BUILD_DIR/artifacts/loader-crash-...
# and once fixed, copy it into tests/fuzz/corpus/ as a regression seed (every run starts from
# that corpus, the shared samples and the bundled dossier).

set -euo pipefail

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(guard loader)

case "$seconds" in
  ''|*[!0-9]*) echo "run-fuzz.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
srcroot=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD_DIR:-${TMPDIR:-/tmp}/golden-bridge-fuzz}
shared=${GB_SHARED_DIR:-$srcroot/../shared}
cc=${CC:-clang}
read -r -a extra_args <<< "${FUZZ_ARGS:-}"

mkdir -p "$build/artifacts"

sanitize=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
          -fno-omit-frame-pointer -g -O1)
pkgs=(glib-2.0 gio-2.0 json-glib-1.0)

# Seeds: the committed corpus, the shared samples and the bundled dossier.
seed_corpus () {
  local dir=$1
  mkdir -p "$dir"
  cp -n "$here"/corpus/* "$dir"/ 2>/dev/null || true
  cp -n "$shared"/samples/*.json "$dir"/ 2>/dev/null || true
  cp -n "$srcroot"/resources/dossiers/*.json "$dir"/ 2>/dev/null || true
}

build_guard () {
  # The guard, locator and path files need only config.h's GETTEXT_PACKAGE.
  mkdir -p "$build/guard-include"
  printf '#pragma once\n#define GETTEXT_PACKAGE "golden-bridge"\n' > "$build/guard-include/config.h"
  # shellcheck disable=SC2046
  "$cc" "${sanitize[@]}" -std=gnu17 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
    -I"$build/guard-include" -I"$srcroot/src/io" -I"$srcroot/src/model" \
    "$here/fuzz-json-guard.c" "$srcroot/src/io/gb-json-guard.c" \
    "$srcroot/src/io/gb-json-bytes.c" "$srcroot/src/io/gb-json-locate.c" \
    "$srcroot/src/io/gb-json-path.c" "$srcroot/src/model/gb-escape.c" \
    $(pkg-config --cflags --libs "${pkgs[@]}") -lm \
    -o "$build/fuzz-json-guard"
}

build_loader () {
  local lib_build="$build/meson"
  local log="$build/build-loader.log"

  # The library with coverage instrumentation and the sanitizers. Warnings are
  # the normal build's business: clang's -Wshadow also flags parameters named
  # like libc globals (timezone), which gcc accepts.
  if [ ! -f "$lib_build/build.ninja" ]; then
    CC="$cc" meson setup "$lib_build" "$srcroot" \
      -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Wno-error=shadow" \
      > "$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
  fi
  ninja -C "$lib_build" src/libgb-core.a > "$log" 2>&1 || { grep -B2 -A8 error "$log" | head -40 >&2; return 1; }
  # shellcheck disable=SC2046
  "$cc" "${sanitize[@]}" -std=gnu17 \
    -I"$lib_build" -I"$lib_build/src" \
    -I"$srcroot/src" -I"$srcroot/src/model" -I"$srcroot/src/io" -I"$srcroot/src/geo" \
    "$here/fuzz-dossier-loader.c" \
    -Wl,--whole-archive "$lib_build/src/libgb-core.a" -Wl,--no-whole-archive \
    $(pkg-config --cflags --libs "${pkgs[@]}") -lm \
    -o "$build/fuzz-dossier-loader"
}

status=0
for target in "${targets[@]}"; do
  case "$target" in
    guard)  exe="$build/fuzz-json-guard";     builder=build_guard ;;
    loader) exe="$build/fuzz-dossier-loader"; builder=build_loader ;;
    *) echo "run-fuzz.sh: unknown target '$target' (guard, loader)" >&2; exit 2 ;;
  esac

  echo "== building $target"
  if ! $builder; then
    echo "run-fuzz.sh: building $target failed" >&2
    status=1
    continue
  fi

  corpus="$build/corpus-$target"
  seed_corpus "$corpus"

  echo "== fuzzing $target for ${seconds}s (corpus $corpus)"
  if ! ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
       UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
       "$exe" "$corpus" \
         -dict="$here/json.dict" \
         -max_total_time="$seconds" \
         -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
         -artifact_prefix="$build/artifacts/$target-" \
         "${extra_args[@]}"; then
    echo "run-fuzz.sh: $target FAILED; see $build/artifacts/" >&2
    status=1
  fi
done

exit $status
