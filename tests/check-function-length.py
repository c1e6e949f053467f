#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a C function under src/ is longer than the limit (120 lines).

Usage: check-function-length.py SOURCE_ROOT

A function is counted from the line with its name (GNU style: the name starts
its line) to its closing brace at the start of a line. The one exception is the
geodesic solver, which follows Karney's paper step by step.
"""
import os
import re
import sys

LIMIT = 120
EXCEPTIONS = {('src/geo/gb-geodesic.c', 'solve_inverse')}
NAME = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*) \(')


def long_functions(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    i = 0
    while i < len(lines):
        m = NAME.match(lines[i])
        if m is None:
            i += 1
            continue
        # the body opens with "{" alone at the start of a line after the parameters;
        # a prototype ends with ";" first
        j = i
        while j < len(lines) and lines[j] != '{' and not lines[j].rstrip().endswith(';'):
            j += 1
        if j == len(lines) or lines[j] != '{':
            i = j + 1
            continue
        k = j
        while k < len(lines) and not lines[k].startswith('}'):
            k += 1
        length = k - i + 1
        if length > LIMIT:
            yield m.group(1), i + 1, length
        i = k + 1


def main():
    root = sys.argv[1]
    found = 0
    checked = 0
    for dirpath, _, files in os.walk(os.path.join(root, 'src')):
        for name in sorted(files):
            if not name.endswith('.c'):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            checked += 1
            for func, line, length in long_functions(path):
                if (rel, func) in EXCEPTIONS:
                    continue
                print(f'{rel}:{line}: {func} is {length} lines long (at most {LIMIT})')
                found += 1
    print(f'{checked} files checked, {found} functions too long')
    return 1 if found or checked == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
