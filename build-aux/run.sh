#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build Golden Bridge in _build and run it uninstalled. Arguments go to golden-bridge; file
# names are taken relative to the directory you run this from.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build-aux/build.sh"

exec meson devenv -C "$root/_build" -w "$PWD" golden-bridge "$@"
