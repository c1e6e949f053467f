#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build Golden Bridge in _build and run the whole test suite under a virtual display and a
# private session bus. Arguments go to `meson test` (e.g. --suite unit, --setup valgrind).
# The exit code is meson test's.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build-aux/build.sh"

exec xvfb-run -a -s '-screen 0 1280x1024x24' \
  dbus-run-session -- meson test -C "$root/_build" --print-errorlogs "$@"
