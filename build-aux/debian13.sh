#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Debian 13 leg of CI: build Golden Bridge with warnings as errors and run the whole test
# suite against trixie's GTK, libadwaita and libshumate, in a chroot, under Xvfb and a private
# D-Bus session exactly as test.sh does on the host. Must run as root. Arguments go to
# `meson test` (e.g. --suite a11y).
#
# The root is made once with `debootstrap --variant=minbase trixie` and reused: later runs only
# install what build-aux/debian13-packages.txt adds. The checkout and ../shared are bound into
# it read-only; the build goes to /build/_build inside the root. The exit code is meson test's.
#
#   GB_TRIXIE_ROOT    where the root lives (default /var/tmp/golden-bridge-trixie)
#   GB_TRIXIE_MIRROR  the Debian mirror (default: the one the host's apt uses)

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$(cd "$here/.." && pwd)"
shared="$(cd "$src/.." && pwd)/shared"
root="${GB_TRIXIE_ROOT:-/var/tmp/golden-bridge-trixie}"

if [[ "$(id -u)" -ne 0 ]]; then
  echo "debian13.sh: must run as root (debootstrap, mount and chroot)" >&2
  exit 1
fi

# The host's own Debian mirror, so the leg needs no other host than apt does.
host_mirror () {
  local uri
  uri="$(grep -hoE '^(URIs:|deb)[[:space:]]+[^[:space:]]+/debian/?([[:space:]]|$)' \
           /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
           /etc/apt/sources.list.d/*.sources 2>/dev/null \
         | awk '{ print $2 }' | head -n 1 || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}
mirror="${GB_TRIXIE_MIRROR:-$(host_mirror)}"

step () {
  echo "debian13.sh: $*" >&2
}

# Everything mounted below is listed here and unmounted on exit, innermost first.
mounts=()
cleanup () {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount -R "${mounts[i]}" 2>/dev/null || umount -R -l "${mounts[i]}" || true
  done
}
trap cleanup EXIT

bind () {
  local from="$1" to="$2" mode="${3:-rw}"
  mkdir -p "$to"
  mount --rbind "$from" "$to"
  mounts+=("$to")
  mount --make-rslave "$to"
  if [[ "$mode" == ro ]]; then
    mount -o remount,bind,ro "$to"
  fi
}

if [[ ! -f "$root/.golden-bridge-root" ]]; then
  command -v debootstrap >/dev/null || "$src/build-aux/deps.sh" debootstrap
  step "making a Debian 13 root in $root from $mirror"
  rm -rf "$root"
  start=$SECONDS
  debootstrap --variant=minbase trixie "$root" "$mirror" >&2
  touch "$root/.golden-bridge-root"
  step "debootstrap took $((SECONDS - start)) s"
fi

cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

bind /proc "$root/proc"
bind /dev "$root/dev"
bind "$src" "$root/src/golden-bridge" ro
if [[ -d "$shared" ]]; then
  bind "$shared" "$root/src/shared" ro
fi

in_root () {
  chroot "$root" /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
    "$@"
}

start=$SECONDS
in_root env GB_PACKAGE_LIST=/src/golden-bridge/build-aux/debian13-packages.txt \
  /src/golden-bridge/build-aux/deps.sh </dev/null >&2
in_root apt-get clean
step "packages took $((SECONDS - start)) s"

start=$SECONDS
in_root sh -ec '
  cd /src/golden-bridge
  if [ -f /build/_build/build.ninja ]; then
    meson configure /build/_build -Dwerror=true
  else
    meson setup --werror /build/_build
  fi
  nice meson compile -C /build/_build
' >&2
step "build took $((SECONDS - start)) s"

start=$SECONDS
rc=0
in_root xvfb-run -a -s '-screen 0 1280x1024x24' \
  dbus-run-session -- meson test -C /build/_build --print-errorlogs "$@" </dev/null || rc=$?
step "suite took $((SECONDS - start)) s"
exit "$rc"
