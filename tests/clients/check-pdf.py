#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The PDF briefing as poppler (poppler-utils) reads it, in A4 and in US Letter: the page size and
# count from pdfinfo; the story's title, every agreement's and every source's title in the text
# pdftotext extracts (the titles read from the bundled dossier), a figure's year not written
# twice, an agreement's follow-up entry, no page ending with a section's heading; every page
# rendered by pdftoppm and none of them blank. Exit 77 (skip) without poppler-utils.
#
# Usage: check-pdf.py SOURCE_ROOT   (GB_BINARY from the environment)

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clients  # noqa: E402

tools = {name: shutil.which(name) for name in ('pdfinfo', 'pdftotext', 'pdftoppm')}
missing = [name for name, path in tools.items() if path is None]
if missing:
    clients.skip(f'{", ".join(missing)} (poppler-utils) not installed')
checks = clients.Checks()
root = sys.argv[1]

# Paper sizes in points, as pdfinfo gives them.
PAPERS = {'pdf': ('A4', 595.276, 841.89), 'pdf-letter': ('Letter', 612, 792)}


def run(tool, *args):
    done = subprocess.run([tools[tool]] + list(args), capture_output=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f'{tool} failed ({done.returncode}): {done.stderr.decode(errors="replace")}')
    return done.stdout


def text_of(value):
    """A dossier text as the app shows it under LC_ALL=C.UTF-8: English, else the first."""
    if isinstance(value, str):
        return value
    return value.get('en') or next(iter(value.values()))


def words(text):
    """The text with its runs of white space as one space: lines wrap in a PDF."""
    return re.sub(r'\s+', ' ', text).strip()


def bundled():
    path = os.path.join(root, 'resources', 'dossiers', 'nurtleu-visit-2024.json')
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def expected_titles(dossier):
    titles = [('story', text_of(dossier['title']))]
    for kind in ('agreements', 'sources'):
        titles += [(item['id'], text_of(item['title'])) for item in dossier[kind]]
    return titles


def read_ppm(path):
    """(width, height, RGB bytes) of a binary PPM (P6, maxval 255), pdftoppm's output."""
    with open(path, 'rb') as f:
        data = f.read()
    match = re.match(rb'P6\s+(\d+)\s+(\d+)\s+255\s', data)
    if match is None:
        sys.exit(f'{path}: not a binary PPM')
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, data[match.end():match.end() + width * height * 3]


def inked_share(pixels):
    """The share of pixels with a channel far from white (below 160 of 255)."""
    n = len(pixels) // 3
    inked = sum(1 for i in range(0, n * 3, 3) if min(pixels[i:i + 3]) < 160)
    return inked / n if n else 0


def check_pages(fmt, path, n_pages):
    folder = tempfile.mkdtemp(prefix='gb-pdf-pages-')
    run('pdftoppm', '-r', '40', path, os.path.join(folder, 'page'))
    pages = sorted(name for name in os.listdir(folder) if name.endswith('.ppm'))
    checks.expect(len(pages) == n_pages, f'{fmt}: pdftoppm renders {n_pages} pages (got {len(pages)})')
    for name in pages:
        width, height, pixels = read_ppm(os.path.join(folder, name))
        share = inked_share(pixels)
        # A page of text at 40 dpi: a few per cent of its pixels are ink; a blank one has none.
        checks.expect(share > 0.005, f'{fmt}: {name} ({width}×{height}) is not blank '
                                     f'({share:.1%} inked)')


def pdf_words(path):
    return words(run('pdftotext', '-enc', 'UTF-8', path, '-').decode('utf-8'))


def check_figures(fmt, text, dossier):
    """A figure whose label names its date already is not given the date again."""
    for figure in dossier['figures']:
        label, date = text_of(figure['label']), figure.get('date')
        if isinstance(date, str) and re.fullmatch(r'\d{4}', date) and date in label:
            checks.expect(f'{label} ({date})' not in text and label in text,
                          f'{fmt}: {figure["id"]}: “{label}” without its year again')


# The briefing's section headings, as the C locale writes them.
HEADINGS = {'Key figures', 'Timeline', 'Agreements and initiatives', 'Map', 'Sources'}


def check_page_ends(fmt, path, n_pages, title):
    """No page ends with a section heading: it goes with the start of its section."""
    for page in range(1, n_pages + 1):
        text = run('pdftotext', '-enc', 'UTF-8', '-f', str(page), '-l', str(page), path,
                   '-').decode('utf-8')
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # The footer: the story's title and the page number.
        body = [line for line in lines
                if line != words(title) and not re.fullmatch(r'Page \d+ of \d+', line)]
        last = body[-1] if body else ''
        checks.expect(last not in HEADINGS, f'{fmt}: page {page} does not end with a heading '
                                            f'(its last line: {last!r})')


def check_briefing(fmt, titles, dossier):
    paper, width, height = PAPERS[fmt]
    path, notes = clients.export(fmt)
    checks.expect('people and organisations have no entry of their own' in notes
                  and 'several languages' in notes,
                  f'{fmt}: what the briefing leaves out is said on standard error')
    info = run('pdfinfo', path).decode()
    size = re.search(r'^Page size:\s+([\d.]+) x ([\d.]+) pts', info, re.M)
    checks.expect(size is not None and abs(float(size.group(1)) - width) < 1
                  and abs(float(size.group(2)) - height) < 1,
                  f'{fmt}: the pages are {paper}, {width:g}×{height:g} pt '
                  f'(got {size.group(0) if size else "no page size"})')
    pages = re.search(r'^Pages:\s+(\d+)$', info, re.M)
    n_pages = int(pages.group(1)) if pages else 0
    checks.expect(n_pages >= 2, f'{fmt}: two pages or more (got {n_pages})')

    text = pdf_words(path)
    for ident, title in titles:
        checks.expect(words(title) in text, f'{fmt}: the text holds the title of {ident}: {title!r}')
    check_figures(fmt, text, dossier)
    check_page_ends(fmt, path, n_pages, text_of(dossier['title']))

    check_pages(fmt, path, n_pages)


def check_follow_up(dossier):
    """The bundled story with a follow-up entry on its first agreement: the entry is printed."""
    note = 'The first projects of the plan start.'
    context = next(source['id'] for source in dossier['sources']
                   if source.get('kind') == 'context')
    dossier['version'] = 2
    dossier['agreements'][0]['follow_up'] = [
        {'date': '2025-03', 'status': 'launched', 'note': {'en': note}, 'source': context},
    ]
    folder = tempfile.mkdtemp(prefix='gb-pdf-follow-up-')
    source = os.path.join(folder, 'follow-up.json')
    with open(source, 'w', encoding='utf-8') as f:
        json.dump(dossier, f, ensure_ascii=False)
    path, _ = clients.export('pdf', source, folder)
    text = pdf_words(path)
    checks.expect(f'Follow-up: March 2025: Launched — {note}' in text,
                  'follow-up: the entry printed under its agreement, with its date, status and note')


dossier = bundled()
titles = expected_titles(dossier)
# Not a list made up here: the bundled story has agreements and sources to look for.
checks.expect(len(titles) > 10, f'the bundled dossier gives {len(titles)} titles to look for')
for fmt in PAPERS:
    check_briefing(fmt, titles, dossier)
check_follow_up(dossier)

checks.finish()
