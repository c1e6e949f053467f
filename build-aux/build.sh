#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Install missing dependencies, configure _build if it is not yet, and compile.
# Shared by run.sh and test.sh. With GB_WERROR=1 (as CI sets it) warnings are
# errors; GB_WERROR=0 turns that off again.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

./build-aux/deps.sh

if [[ ! -f _build/build.ninja ]]; then
  meson setup _build
fi
if [[ -n "${GB_WERROR:-}" ]]; then
  werror=false
  [[ "$GB_WERROR" == 1 ]] && werror=true
  meson configure -Dwerror="$werror" _build
fi
meson compile -C _build
