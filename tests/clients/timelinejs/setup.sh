#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs Knight Lab's TimelineJS 3 from the npm registry, at the version of package-lock.json
# here, into a cache folder outside the source tree, for tests/clients/check-timelinejs.py.
# Does nothing when that version is there already. Prints the folder that holds node_modules.
#
# The folder: $GB_TIMELINEJS_DIR, else ${XDG_CACHE_HOME:-~/.cache}/golden-bridge/timelinejs.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${GB_TIMELINEJS_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/golden-bridge/timelinejs}"
script="$dir/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"

if [[ -f "$script" ]] && cmp -s "$here/package-lock.json" "$dir/package-lock.json"; then
  echo "$dir"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "setup.sh: npm is not installed; it is needed to fetch TimelineJS" >&2
  exit 1
fi

mkdir -p "$dir"
cp "$here/package.json" "$here/package-lock.json" "$dir/"
# The npm registry only; nothing runs at install time.
(cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts \
   --registry=https://registry.npmjs.org/ >&2)

[[ -f "$script" ]] || { echo "setup.sh: npm ci did not install $script" >&2; exit 1; }
echo "$dir"
