# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the client checks share: exporting with the built golden-bridge (GB_BINARY), skipping
# with meson's code 77 when a client is missing, and finding a python3 that has a module when
# the first on PATH (a pyenv shim, say) does not.

import os
import subprocess
import sys
import tempfile

SKIP = 77

# Under `meson test --setup=valgrind` the script itself runs under memcheck, which has nothing to
# say about Python: leave it by exec'ing again (memcheck does not follow an exec).
_preload = os.environ.get('LD_PRELOAD', '')
if 'vgpreload' in _preload:
    os.environ['LD_PRELOAD'] = ':'.join(p for p in _preload.split(':') if 'vgpreload' not in p)
    os.execv(sys.executable, [sys.executable] + sys.argv)


def skip(why):
    print(f'# SKIP: {why}')
    sys.exit(SKIP)


def require_module(module):
    """Import @module, or run this script again under a python3 that has it, or skip."""
    try:
        return __import__(module)
    except ImportError:
        pass
    if os.environ.get('GB_CLIENTS_REEXEC') != module:
        here = os.path.realpath(sys.executable)
        for python in ('/usr/bin/python3', '/usr/local/bin/python3'):
            if not os.access(python, os.X_OK) or os.path.realpath(python) == here:
                continue
            probe = subprocess.run([python, '-c', f'import {module}'], capture_output=True)
            if probe.returncode == 0:
                os.environ['GB_CLIENTS_REEXEC'] = module
                os.execv(python, [python] + sys.argv)
    skip(f'no python3 here has the module {module}')


def export(fmt, source=None, directory=None):
    """Runs `golden-bridge --export FMT`; returns (path of the file written, stderr)."""
    binary = os.environ.get('GB_BINARY')
    if not binary:
        sys.exit('GB_BINARY is not set: run this through meson test')
    directory = directory or tempfile.mkdtemp(prefix='gb-clients-')
    out = os.path.join(directory, f'export.{fmt}')
    args = [binary, '--export', fmt, '--output', out] + ([source] if source else [])
    run = subprocess.run(args, capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        sys.exit(f'{" ".join(args)} failed ({run.returncode}): {run.stderr}')
    return out, run.stderr


class Checks:
    """Counts failed expectations and prints each, so one run shows all of them."""

    def __init__(self):
        self.failures = 0

    def expect(self, ok, what):
        print(('ok: ' if ok else 'FAIL: ') + what)
        if not ok:
            self.failures += 1

    def finish(self):
        sys.exit(1 if self.failures else 0)
