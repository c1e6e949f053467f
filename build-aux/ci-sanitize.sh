#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The sanitizer builds CI runs after the host suite, each in its own build dir:
#
#   build-aux/ci-sanitize.sh asan      AddressSanitizer + UndefinedBehaviorSanitizer (and
#                                      LeakSanitizer), the unit and gui suites, in _build-asan
#   build-aux/ci-sanitize.sh noassert  the app built with G_DISABLE_ASSERT (-Dassertions=false),
#                                      the unit suite, in _build-noassert:
#                                      code that only works because an assertion has a side
#                                      effect fails here
#
# Any finding fails the run: a leak, a memory error, undefined behaviour. Leaks of the
# platform's own libraries are suppressed by tests/lsan.supp, which says why for each entry.
# Further arguments go to `meson test`. The exit code is meson test's.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

kind=${1:-}
shift || true

case "$kind" in
  asan)
    build=_build-asan
    # shellcheck disable=SC2054  # commas inside one option
    setup=(-Db_sanitize=address,undefined -Db_lundef=false)
    suites=(--suite unit --suite gui)
    ;;
  noassert)
    build=_build-noassert
    setup=(-Dassertions=false)
    suites=(--suite unit)
    ;;
  *)
    echo "usage: ci-sanitize.sh asan|noassert [MESON-TEST-ARGS...]" >&2
    exit 2
    ;;
esac

./build-aux/deps.sh

# Warnings are the host and Debian 13 builds' business (they are errors there); the
# sanitizers and the missing assertions give extra, often spurious ones.
if [[ ! -f "$build/build.ninja" ]]; then
  meson setup "$build" -Dwerror=false "${setup[@]}"
fi
meson compile -C "$build"

# halt_on_error and abort_on_error: the first finding ends the test with a report;
# detect_leaks: LeakSanitizer at exit. G_SLICE=always-malloc so that GLib's slice
# allocator does not hide leaks; GDK_DEBUG=gl-glx: see tests/lsan.supp.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_SLICE=always-malloc
export GDK_DEBUG=gl-glx
# GTK 4.8's GL renderer on Mesa's software GLX leaks a 16 KB buffer for some
# windows it realizes (a form, a question); glib has no frame pointers, so the
# stack ends in g_malloc and no suppression can name it. Valgrind, which
# unwinds through glib, finds no definite leak there. The sanitized tests draw
# with the cairo renderer instead: what they check is the app's, not GL's.
export GSK_RENDERER=cairo
# Tests that measure time (a frame every 100 ms) skip: the sanitizers slow the code down.
export GB_TEST_SANITIZED=1

exec xvfb-run -a -s '-screen 0 1280x1024x24' \
  dbus-run-session -- meson test -C "$build" --print-errorlogs "${suites[@]}" "$@"
