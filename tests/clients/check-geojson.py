#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GeoJSON export as GDAL's ogrinfo (gdal-bin) reads it: the feature count, the geometry
# types, longitude first, the route split at the antimeridian. Exit 77 (skip) without ogrinfo.
#
# Usage: check-geojson.py SOURCE_ROOT   (GB_BINARY from the environment)

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clients  # noqa: E402

ogrinfo = shutil.which('ogrinfo')
if ogrinfo is None:
    clients.skip('ogrinfo (gdal-bin) is not installed')
checks = clients.Checks()
root = sys.argv[1]


def ogr(path):
    run = subprocess.run([ogrinfo, '-ro', '-al', path], capture_output=True, text=True,
                         timeout=60)
    if run.returncode != 0:
        sys.exit(f'ogrinfo failed: {run.stderr}')
    return run.stdout


def features(text):
    """id → WKT of each feature, from ogrinfo's listing."""
    found = {}
    for block in re.split(r'\nOGRFeature\([^)]*\):\d+\n', text)[1:]:
        ident = re.search(r'^  id \(String\) = (.*)$', block, re.M).group(1)
        wkt = re.search(r'^  ((?:POINT|LINESTRING|MULTILINESTRING) .*)$', block, re.M).group(1)
        found[ident] = wkt
    return found


path, _ = clients.export('geojson')
text = ogr(path)
checks.expect('using driver `GeoJSON\' successful' in text, 'bundled: GDAL opens it as GeoJSON')
checks.expect('Feature Count: 5' in text, 'bundled: 5 features (4 places, 1 route)')
found = features(text)
checks.expect(found.get('place-seoul') == 'POINT (126.978 37.5665)', 'bundled: Seoul, longitude first')
checks.expect(found.get('route-nqz-icn', '').startswith('LINESTRING (71.4669 51.0222,'),
              'bundled: the flight a LineString from Astana')

path, _ = clients.export('geojson', os.path.join(root, 'tests', 'fixtures', 'export', 'timed.json'))
text = ogr(path)
checks.expect('Feature Count: 6' in text, 'timed: 6 features (4 places, 2 routes)')
found = features(text)
crossing = found.get('route-suva-apia', '')
checks.expect(crossing.startswith('MULTILINESTRING ((178.4419 -18.1416,'),
              'timed: Suva–Apia a MultiLineString from Suva')
checks.expect(re.search(r',180(?:\.0)? (-1[0-9.]+)\),\(-180(?:\.0)? \1,', crossing) is not None,
              'timed: split at 180 / -180 at one latitude')
checks.expect(crossing.endswith('-171.7667 -13.8333))'), 'timed: ends at Apia')
checks.expect(found.get('route-berlin-seoul', '').startswith('LINESTRING'),
              'timed: Berlin–Seoul one line')

checks.finish()
