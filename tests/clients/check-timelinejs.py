#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The TimelineJS export opened in the real TimelineJS 3 (@knight-lab/timelinejs from the npm
# registry, installed by timelinejs/setup.sh outside the tree) in Debian's headless Chromium:
# one slide per event and the title slide, a marker per event, the eras, no error message,
# headlines shown as the text they are; for the bundled story, a fixture of times and hostile
# text, and Knight Lab's eras sample as Golden Bridge imports and exports it again. The page is
# served from 127.0.0.1 and every other host name fails to resolve. A screenshot of each
# timeline goes to meson-logs.
# Exit 77 (skip) without chromium, or when TimelineJS cannot be installed.
#
# Usage: check-timelinejs.py SOURCE_ROOT   (GB_BINARY from the environment)

import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clients  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
root = sys.argv[1]
chromium = shutil.which('chromium') or shutil.which('chromium-browser')
if chromium is None:
    clients.skip('chromium is not installed')

setup = subprocess.run([os.path.join(here, 'timelinejs', 'setup.sh')], capture_output=True,
                       text=True, timeout=600)
if setup.returncode != 0:
    clients.skip(f'TimelineJS could not be installed: {setup.stderr.strip()}')
dist = os.path.join(setup.stdout.strip(), 'node_modules', '@knight-lab', 'timelinejs', 'dist')

logs = os.path.join(os.environ.get('G_TEST_BUILDDIR', tempfile.gettempdir()), '..', 'meson-logs')
os.makedirs(logs, exist_ok=True)
checks = clients.Checks()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_chromium(url, profile, *extra):
    args = [chromium, '--headless', '--no-sandbox', '--disable-gpu',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--no-first-run', '--no-default-browser-check', f'--user-data-dir={profile}',
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
            '--window-size=1280,800', '--virtual-time-budget=20000', *extra, url]
    return subprocess.run(args, capture_output=True, text=True, timeout=180)


def open_timeline(name, source=None, shot_of=None):
    """Exports, serves and opens one timeline; returns (exported JSON, what the page saw).
    The screenshot shows the title slide, or the slide of the event @shot_of."""
    work = tempfile.mkdtemp(prefix='gb-timelinejs-')
    data_path, _ = clients.export('timelinejs', source, work)
    os.rename(data_path, os.path.join(work, 'data.json'))
    shutil.copy(os.path.join(here, 'timelinejs', 'page.html'), os.path.join(work, 'index.html'))
    os.symlink(dist, os.path.join(work, 'tl'))
    with open(os.path.join(work, 'data.json'), encoding='utf-8') as f:
        data = json.load(f)

    server = serve(work)
    url = f'http://127.0.0.1:{server.server_address[1]}/index.html'
    try:
        dom = run_chromium(url, tempfile.mkdtemp(prefix='gb-chromium-'), '--dump-dom')
        shot = os.path.abspath(os.path.join(logs, f'timelinejs-{name}.png'))
        ids = [e['unique_id'] for e in data['events']]
        slide = ids.index(shot_of) + 1 if shot_of else 0
        run_chromium(f'{url}?slide={slide}', tempfile.mkdtemp(prefix='gb-chromium-'),
                     f'--screenshot={shot}')
    finally:
        server.shutdown()

    match = re.search(r'<pre id="gb-result"[^>]*>(.*?)</pre>', dom.stdout, re.S)
    if match is None or not match.group(1):
        sys.exit(f'{name}: the page reported nothing; chromium said: {dom.stderr[-2000:]}')
    seen = json.loads(html.unescape(match.group(1)))
    print(f'# {name}: {json.dumps(seen, ensure_ascii=False)[:600]}')
    print(f'# screenshot: {shot}')
    checks.expect(os.path.exists(shot) and os.path.getsize(shot) > 20000,
                  f'{name}: a screenshot of the timeline')
    return data, seen


def check(name, data, seen):
    n = len(data['events'])
    checks.expect(seen.get('ready') is True, f'{name}: TimelineJS is ready')
    checks.expect(not seen.get('config_errors'), f'{name}: no configuration errors '
                  f'{seen.get("config_errors")}')
    checks.expect(not seen.get('messages'), f'{name}: no message shown {seen.get("messages")}')
    checks.expect(not seen.get('errors'), f'{name}: no script errors {seen.get("errors")}')
    checks.expect(seen.get('slides') == n + 1, f'{name}: {n} event slides and the title slide '
                  f'(got {seen.get("slides")})')
    checks.expect(seen.get('title_slides') == 1, f'{name}: one title slide')
    checks.expect(seen.get('markers') == n, f'{name}: {n} markers (got {seen.get("markers")})')
    checks.expect(seen.get('eras') == len(data['eras']),
                  f'{name}: {len(data["eras"])} eras (got {seen.get("eras")})')
    expected = sorted(html.unescape(e['text']['headline']) for e in data['events'])
    checks.expect(sorted(seen.get('headlines', [])) == expected,
                  f'{name}: each slide shows its event\'s headline as text')
    checks.expect(seen.get('title') == html.unescape(data['title']['text']['headline']),
                  f'{name}: the title slide shows the story\'s title')
    checks.expect(seen.get('scripts_in_slides') == 0, f'{name}: no script or image in the slides')


data, seen = open_timeline('bundled')
check('bundled', data, seen)
checks.expect(len(data['events']) == 15, 'bundled: 15 events')

data, seen = open_timeline('timed', os.path.join(root, 'tests', 'fixtures', 'export', 'timed.json'),
                           shot_of='evt-hostile')
check('timed', data, seen)
checks.expect(any('<script>alert(1)</script> & <b>bold</b>' in h for h in seen.get('headlines', [])),
              'timed: the hostile headline is shown as the characters it is')

# Knight Lab's own sample, opened in Golden Bridge and written out again.
sample = os.path.join(root, 'tests', 'fixtures', 'import', 'TimelineJS3_eras.json')
data, seen = open_timeline('eras-sample', sample)
check('eras-sample', data, seen)
checks.expect(len(data['events']) == 20 and len(data['eras']) == 3,
              'eras-sample: its 20 events and its 3 eras, as eras again')

checks.finish()
