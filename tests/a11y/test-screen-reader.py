#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real golden-bridge binary through AT-SPI, with dogtail, the way a screen reader or
# keyboard-only user meets it: names of the window, view switcher, timeline rows, map markers,
# zoom buttons and agreement cards; the keyboard through the timeline, the detail pane and search.
#
# Runs under the project's test command (xvfb-run + dbus-run-session): the session bus starts
# the accessibility bus (org.a11y.Bus) and the registry on demand. Expected names come from the
# bundled dossier and the sources, not from copies here. Exit codes: 0 pass, 1 fail, 77 skip
# (only when python3-dogtail is missing).
#
# Usage: test-screen-reader.py SOURCE_ROOT   (GB_BINARY and GSETTINGS_SCHEMA_DIR from the env)

import atexit
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

SKIP = 77

# Under `meson test --setup=valgrind` this script runs under memcheck, which has nothing to say
# about the Python interpreter and the app is not traced: leave valgrind by exec'ing ourselves.
_preload = os.environ.get('LD_PRELOAD', '')
if 'vgpreload' in _preload:
    os.environ['LD_PRELOAD'] = ':'.join(p for p in _preload.split(':') if 'vgpreload' not in p)
    os.execv(sys.executable, [sys.executable] + sys.argv)

# G_DEBUG=fatal-warnings is for the app. In this process libatspi warns that GTK 4 has no AT-SPI
# cache object (harmless), so it goes before GLib is loaded by the imports below.
APP_G_DEBUG = os.environ.setdefault('GB_A11Y_APP_G_DEBUG', os.environ.get('G_DEBUG', ''))
os.environ['G_DEBUG'] = ','.join(f for f in APP_G_DEBUG.split(',')
                                 if f and f not in ('fatal-warnings', 'fatal-criticals'))


def _python_with_dogtail():
    """Another python3 on this machine that has dogtail (pyenv's shims don't)."""
    seen = {os.path.realpath(sys.executable)}
    candidates = []
    for d in os.environ.get('PATH', '').split(os.pathsep) + ['/usr/bin', '/usr/local/bin']:
        path = os.path.join(d, 'python3')
        real = os.path.realpath(path)
        if os.access(path, os.X_OK) and real not in seen:
            seen.add(real)
            candidates.append(path)
    for path in candidates:
        try:
            ok = subprocess.run([path, '-c', 'import dogtail, pyatspi'], capture_output=True,
                                timeout=30).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return path
    return None


try:
    import dogtail  # noqa: F401
except ImportError:
    if os.environ.get('GB_A11Y_REEXEC') is None:
        other = _python_with_dogtail()
        if other is not None:
            os.environ['GB_A11Y_REEXEC'] = '1'
            os.execv(other, [other] + sys.argv)
    print('SKIP: python3-dogtail is not installed for any python3 on this machine '
          '(apt-get install python3-dogtail)')
    sys.exit(SKIP)


BUS_LAUNCHER = None


def a11y_bus_error(wait=0):
    """None once org.a11y.Bus (activated by the session bus, or started here) gives the
    accessibility bus's address; else why not."""
    from gi.repository import Gio, GLib
    deadline = time.monotonic() + wait
    while True:
        try:
            bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            address = bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus',
                                    'GetAddress', None, GLib.VariantType('(s)'),
                                    Gio.DBusCallFlags.NONE, 15000, None).unpack()[0]
            error = None if address else 'org.a11y.Bus gave an empty address'
        except GLib.Error as e:
            error = e.message
        if error is None or time.monotonic() > deadline:
            return error
        time.sleep(0.2)


def start_bus_launcher():
    """Where the session bus cannot activate org.a11y.Bus, start its launcher here."""
    global BUS_LAUNCHER
    for path in ('/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher',
                 '/usr/lib/x86_64-linux-gnu/at-spi2-core/at-spi-bus-launcher'):
        if os.access(path, os.X_OK):
            BUS_LAUNCHER = subprocess.Popen([path, '--launch-immediately'],
                                            stdin=subprocess.DEVNULL, start_new_session=True)
            atexit.register(stop_bus_launcher)
            print(f'started {path} (pid {BUS_LAUNCHER.pid}): the session bus did not')
            return True
    return False


def stop_bus_launcher():
    if BUS_LAUNCHER is not None and BUS_LAUNCHER.poll() is None:
        os.killpg(BUS_LAUNCHER.pid, signal.SIGTERM)  # the launcher and the bus it runs
        try:
            BUS_LAUNCHER.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(BUS_LAUNCHER.pid, signal.SIGKILL)


def preflight():
    """What the test needs from its surroundings, checked before libatspi, which aborts the
    process when it finds no accessibility bus."""
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} SOURCE_ROOT', file=sys.stderr)
        sys.exit(2)
    binary = os.environ.get('GB_BINARY')
    problems = []
    if not binary or not os.access(binary, os.X_OK):
        problems.append(f'GB_BINARY is {binary!r}, not the built golden-bridge')
    if not os.environ.get('GSETTINGS_SCHEMA_DIR'):
        problems.append('GSETTINGS_SCHEMA_DIR is not set')
    if not os.environ.get('DISPLAY'):
        problems.append('no DISPLAY: run under xvfb-run -a')
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        problems.append('no session bus: run under dbus-run-session')
    if not problems:
        error = a11y_bus_error()
        if error is not None and start_bus_launcher():
            error = a11y_bus_error(wait=10)
        if error is not None:
            problems.append('the accessibility bus does not start (org.a11y.Bus on the session '
                            f'bus, from at-spi2-core): {error}')
    if problems:
        print('FAIL: cannot run: ' + '; '.join(problems))
        sys.exit(1)


preflight()

# dogtail checks the GNOME a11y setting when dogtail.tree is imported; GTK 4 always talks AT-SPI
# when the bus is there, and GSettings is an in-memory backend in tests.
from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.defaultDelay = 0.05
config.actionDelay = 0.05
config.typingDelay = 0.03
config.searchBackoffDuration = 0.1
config.searchCutoffCount = 3

import pyatspi  # noqa: E402
from dogtail import rawinput, tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

START = time.monotonic()
TYPE_NAME = re.compile(r'^(Gtk|Adw|Shumate|Gb)[A-Z][A-Za-z]*$')
# How GTK 4.8 names a button with a mnemonic left to itself: "_Edit… Edit…".
MNEMONIC_NAME = re.compile(r'^(.*?)_(.+) \1\2$')
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']
VIEWS = ('Timeline', 'Map', 'Agreements')

# Controls known to be unnamed, by AT-SPI role and the tooltip that GTK 4.8 exposes as the
# description: printed, not failed on. Empty now that every icon button has a label.
KNOWN_UNNAMED = set()
# Behaviour already reported, by key: where the cause is. The Shift+Tab trap of the
# timeline's grab_focus override is fixed, so it fails again if it comes back.
KNOWN_BUGS = {}
# A role's name as Debian 13's AT-SPI spells it, by the name Debian 12's gives it.
ROLE_ALIASES = {'push button': ('push button', 'button')}
CONTROL_ROLES = {'push button', 'button', 'toggle button', 'page tab', 'check box', 'radio button',
                 'combo box', 'menu item', 'link', 'entry', 'text', 'slider', 'spin button'}


class Failure(Exception):
    pass


def log(msg):
    print(f'[{time.monotonic() - START:5.1f}s] {msg}', flush=True)


def text(value):
    """A dossier text: a plain string or language → string."""
    if isinstance(value, dict):
        return value.get('en') or next(iter(value.values()), '')
    return value or ''


def wait_for(what, fn, timeout=10.0, interval=0.1):
    """Polls fn until it returns something true; fails naming what was missing."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = fn()
            if value:
                return value
        except Failure:
            raise
        except Exception as e:  # AT-SPI objects come and go while we look at them
            last_error = e
        if APP.proc.poll() is not None:
            raise Failure(f'the app exited (status {APP.proc.returncode}) while waiting for {what}')
        if time.monotonic() > deadline:
            extra = f' (last error: {last_error})' if last_error else ''
            raise Failure(f'timed out after {timeout:g} s waiting for {what}{extra}')
        time.sleep(interval)


def has_state(node, state):
    try:
        return node is not None and node.getState().contains(state)
    except Exception:
        return False


def extents(node):
    """(x, y, width, height) in window coordinates: GTK 4 warns on screen coordinates, and
    warnings are fatal in the app under test."""
    e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return e.x, e.y, e.width, e.height


def find_all(node, role=None, name=None):
    """dogtail's search by roleName and name, over the whole subtree."""
    return [n for r in ROLE_ALIASES.get(role, (role,))
            for n in node.findChildren(GenericPredicate(name=name, roleName=r))]


def find_first(node, pred):
    """dogtail's depth-first search, stopping at the first match."""
    def safe(n):
        try:
            return pred(n)
        except Exception:
            return False
    return node.findChild(safe, retry=False, requireResult=False)


def describe(node):
    if node is None:
        return 'nothing'
    try:
        return f'[{node.roleName}] {node.name!r}'
    except Exception as e:
        return f'<gone: {e}>'


def labels_under(node):
    return [n.name for n in find_all(node, 'label')]


def item_name(node):
    """A menu item's name: GTK 4.8 names it after its text; GTK 4.18 leaves the item unnamed,
    labelled by its label (a relation screen readers follow), whose text is its Text."""
    name = node.name or ''
    if name:
        return name
    # GTK 4.18: labelled by its label, whose text is in its Text interface.
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for i in range(relation.getNTargets()):
                    target = relation.getTarget(i)
                    label = target.name or target.queryText().getText(0, -1)
                    if label:
                        return label.replace('_', '')
    except Exception:
        pass
    labels = [n for n in labels_under(node) if n]
    return labels[0] if labels else ''


def focused_child(container):
    """The child of a list that has the keyboard focus (rows are the list's children)."""
    for child in container.children:
        if has_state(child, pyatspi.STATE_FOCUSED):
            return child
    return None


class App:
    proc = None
    home = None
    log_path = None

    def start(self, binary, schema_dir):
        self.home = tempfile.mkdtemp(prefix='gb-a11y-')
        settings_dir = os.path.join(self.home, 'config', 'glib-2.0', 'settings')
        os.makedirs(settings_dir)
        # The keyfile backend lets this process hand the app its settings: the offline basemap
        # only (no tile downloads, no network), the timeline first, one view at a time (the
        # walk below goes through the switcher; the wide layout is /window/beside's).
        with open(os.path.join(settings_dir, 'keyfile'), 'w', encoding='utf-8') as f:
            f.write('[io/github/goldenbridge/GoldenBridge]\n'
                    "map-source='basemap'\n"
                    "tile-url-template='http://127.0.0.1:9/{z}/{x}/{y}.png'\n"
                    "last-view='timeline'\n"
                    'timeline-beside-map=false\n'
                    'window-width=1100\n'
                    'window-height=720\n'
                    'window-maximized=false\n')
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GB_A11Y_APP_G_DEBUG', None)
        env.pop('GB_A11Y_REEXEC', None)
        env.update({
            'G_DEBUG': APP_G_DEBUG,
            'GTK_A11Y': 'atspi',
            # Software GL under Xvfb is slow and tells nothing about the accessibility tree.
            'GSK_RENDERER': os.environ.get('GSK_RENDERER', 'cairo'),
            'GDK_BACKEND': 'x11',
            'GSETTINGS_BACKEND': 'keyfile',
            'GSETTINGS_SCHEMA_DIR': schema_dir,
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            # Drafts of unsaved edits: the user's own would be offered at start.
            'XDG_STATE_HOME': os.path.join(self.home, 'state'),
            'LANGUAGE': 'en',
            'LC_ALL': 'C.UTF-8',
        })
        self.log_path = os.path.join(self.home, 'app.log')
        with open(self.log_path, 'w', encoding='utf-8') as log_file:
            self.proc = subprocess.Popen([binary], env=env, stdin=subprocess.DEVNULL,
                                         stdout=log_file, stderr=subprocess.STDOUT)
        log(f'started {binary} (pid {self.proc.pid})')

    def output(self):
        try:
            with open(self.log_path, encoding='utf-8', errors='replace') as f:
                return f.read()
        except (OSError, TypeError):
            return ''

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def clean(self):
        self.stop()
        if self.home:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None


APP = App()


class Test:
    def __init__(self, source_root):
        self.source_root = source_root
        with open(os.path.join(source_root, 'resources', 'dossiers', 'nurtleu-visit-2024.json'),
                  encoding='utf-8') as f:
            self.dossier = json.load(f)
        self.failures = []
        self.unnamed = {}
        self.notes = []

    def known(self, key, ok, msg):
        """A problem already reported: logged, not failed on; says so once it is fixed."""
        if ok:
            if key in KNOWN_BUGS:
                log(f'ok: {msg} -- known bug {key!r} is fixed: drop it from KNOWN_BUGS')
            else:
                log(f'ok: {msg}')
        elif key in KNOWN_BUGS:
            log(f'known a11y bug ({KNOWN_BUGS[key]}): {msg}')
        else:
            self.check(False, msg)

    def check(self, cond, msg):
        if not cond:
            log(f'FAIL: {msg}')
            self.failures.append(msg)
        return cond

    # -- finding things ---------------------------------------------------------------------

    def find_app(self):
        def lookup():
            for child in tree.root.children:
                try:
                    if child.get_process_id() == APP.proc.pid:
                        return child
                except Exception:
                    continue
            return None
        # The app id is unique on the bus: a second instance hands its work over and exits.
        app = wait_for('the golden-bridge application on the accessibility bus '
                       '(is the a11y bus up? is another golden-bridge running in this session?)',
                       lookup, timeout=20)
        self.check(app.name == 'golden-bridge',
                   f'the application is named {app.name!r} on AT-SPI, expected golden-bridge')
        return app

    # The parts shown only at times, by key: what they are, and how AT-SPI shows them.
    # GTK 4.8 keeps hidden widgets in the tree; GTK 4.10 and later (Debian 13's 4.18) leave
    # them out until they are shown, so these are looked up when they should be on screen.
    SHOWN_PARTS = {
        'Agreements': ('a table of cards named "Agreements and initiatives"',
                       ('table',), 'Agreements and initiatives'),
        # A group: AT-SPI "panel" on GTK 4.8, "grouping" on 4.10 and later.
        'Details': ('the detail pane, a panel named "Details"', ('panel', 'grouping'),
                    'Details'),
        'Search': ('the search entry, named "Search the story"', ('entry', 'text'),
                   'Search the story'),
    }

    def shown_part(self, key):
        """A part in SHOWN_PARTS as the tree has it now, or None."""
        _, roles, name = self.SHOWN_PARTS[key]
        return find_first(self.frame, lambda n: n.roleName in roles and n.name == name)

    def wait_part(self, key, when):
        what = self.SHOWN_PARTS[key][0]
        try:
            return wait_for(f'{what} {when}', lambda: self.shown_part(key), timeout=5)
        except Failure:
            raise Failure(f'the window does not expose {what} {when}')

    def find_parts(self):
        """The window's landmarks, there from the start: GTK keeps them for the window's life."""
        def lookup():
            tabs = {v: [] for v in VIEWS}
            parts = {}
            for node in self.frame.findChildren(lambda n: n.roleName in (
                    'page tab', 'list', 'panel', 'filler') and n.name in VIEWS):
                role, name = node.roleName, node.name
                if role == 'page tab':
                    tabs[name].append(node)
                elif role == 'list' and name == 'Timeline':
                    parts['Timeline'] = node
                elif name == 'Map' and role != 'page tab':
                    parts['Map'] = node
            missing = [v for v in VIEWS if not tabs[v]] and \
                [f'a view switcher button (page tab) named {v!r}' for v in VIEWS if not tabs[v]]
            missing = missing or []
            for key, what in (('Timeline', 'a list named "Timeline"'),
                              ('Map', 'the map, named "Map"')):
                if key not in parts:
                    missing.append(what)
            self.missing_parts = missing
            return None if missing else (tabs, parts)
        try:
            self.tabs, self.parts = wait_for('the parts of the window', lookup, timeout=10)
        except Failure:
            raise Failure('the window does not expose: ' + '; '.join(self.missing_parts))

    def on_screen(self, node):
        """GTK 4.8 sets no SHOWING state; a laid-out widget has a size inside the window."""
        x, y, w, h = extents(node)
        fx, fy, fw, fh = extents(self.frame)
        return w > 0 and h > 0 and x < fw and y < fh and x + w > 0 and y + h > 0

    def fully_on_screen(self, node):
        x, y, w, h = extents(node)
        _, _, fw, fh = extents(self.frame)
        return w > 0 and h > 0 and x >= 0 and y >= 0 and x + w <= fw and y + h <= fh

    def selected_tabs(self):
        return [v for v in VIEWS
                if any(has_state(t, pyatspi.STATE_SELECTED) for t in self.tabs[v])]

    def view_shown(self, view):
        part = self.shown_part(view) if view in self.SHOWN_PARTS else self.parts[view]
        return self.selected_tabs() == [view] and part is not None and self.on_screen(part)

    def details_show(self, title):
        pane = self.shown_part('Details')
        return pane is not None and self.on_screen(pane) and title in labels_under(pane)

    def details_closed(self, title):
        pane = self.shown_part('Details')
        return pane is None or not self.on_screen(pane) or title not in labels_under(pane)

    def lint_names(self, where):
        """Every control in the window has a name: not empty, not a GType name."""
        for node in self.frame.findChildren(lambda n: n.roleName in CONTROL_ROLES):
            name = node.name or ''
            self.check(not MNEMONIC_NAME.match(name),
                       f'{where}: the {node.roleName} {name!r} is named by its mnemonic and its '
                       'label both')
            if name.strip() and not TYPE_NAME.match(name):
                continue
            # GtkDropDown's inner button takes the focus: it needs a name of its own
            key = (node.roleName, node.description or '')
            self.unnamed.setdefault(key, (where, name))

    # -- the checks -------------------------------------------------------------------------

    def test_window(self):
        title = text(self.dossier['title'])

        def frame():
            frames = find_all(self.app, 'frame')
            return next((f for f in frames if f.name == title), None)
        try:
            self.frame = wait_for(f'a frame titled {title!r}', frame, timeout=20)
        except Failure:
            raise Failure(f'no window titled {title!r}; frames: '
                          f'{[f.name for f in find_all(self.app, "frame")]}')
        self.find_parts()
        log(f'ok: main window titled {title!r}')

    def switch_view(self, view):
        tab = self.tabs[view][0]
        tab.doActionNamed('click')
        wait_for(f'the {view} view after the action "click" on its switcher button',
                 lambda: self.view_shown(view), timeout=5)

    def test_view_switcher(self):
        self.check(self.view_shown('Timeline'),
                   f'the Timeline view is not shown at start (selected: {self.selected_tabs()})')
        for view in ('Map', 'Agreements', 'Timeline'):
            self.switch_view(view)
        # The same from the keyboard: Alt+2, Alt+3, Alt+1.
        for key, view in (('2', 'Map'), ('3', 'Agreements'), ('1', 'Timeline')):
            rawinput.keyCombo(f'<Alt>{key}')
            wait_for(f'the {view} view after Alt+{key}', lambda: self.view_shown(view), timeout=5)
        self.lint_names('window')
        log('ok: view switcher buttons Timeline, Map, Agreements are named and switch views '
            '(click action and Alt+1/2/3)')

    def is_context(self, entry):
        """Background to the story: an item whose source is a context source."""
        kinds = {src['id']: src.get('kind') for src in self.dossier.get('sources', [])}
        return kinds.get(entry.get('source')) == 'context'

    def check_background(self, name, entry, what):
        said = 'Background to the story' in name
        self.check(said == self.is_context(entry),
                   f'{what} {name!r} ' + ('says' if said else 'does not say') +
                   ' "Background to the story", but the item is ' +
                   ('' if self.is_context(entry) else 'not ') + 'background')

    def row_label(self, item):
        """A timeline list item's label: its own, or its row widget's."""
        if item.name:
            return item.name
        for child in item.children:
            if child.name and not TYPE_NAME.match(child.name):
                return child.name
        return ''

    def timeline_rows(self, timeline):
        """The list items' own names and their labels, all of them, read while each is on
        screen: GTK 4.10 and later expose only the rows on screen and drop the others, whose
        objects then answer with an empty name, so scroll the list through its scroll bar and
        gather them as they pass."""
        names, labels = [], []

        def gather():
            for item in timeline.children:
                if item.roleName == 'list item':
                    label = self.row_label(item)
                    if label not in labels:
                        names.append(item.name or '')
                        labels.append(label)
        gather()
        pane = timeline.parent
        while pane is not None and pane.roleName != 'scroll pane':
            pane = pane.parent
        bar = next((c for c in pane.children if c.roleName == 'scroll bar'), None) \
            if pane is not None else None
        try:
            value = bar.queryValue() if bar is not None else None
        except NotImplementedError:
            value = None
        if value is not None and value.maximumValue > value.minimumValue:
            start, step = value.currentValue, max(extents(pane)[3] / 2, 1)
            position = value.minimumValue
            while position < value.maximumValue:
                position = min(position + step, value.maximumValue)
                value.currentValue = position
                time.sleep(0.2)
                gather()
            value.currentValue = start
            time.sleep(0.2)
        return names, labels

    def test_timeline_labels(self):
        timeline = self.parts['Timeline']
        names, labels = self.timeline_rows(timeline)
        if not names:
            raise Failure('the timeline list has no list items')
        # The list item is what takes the focus: its own name, not a child's, is heard.
        unnamed = sum(1 for n in names if not n.strip())
        self.check(not unnamed, f'{unnamed} of {len(names)} timeline rows (list items) have an '
                                'empty name')
        missing = []
        for event in self.dossier['events']:
            title = text(event['title'])
            date = event['date']
            start = date['start'] if isinstance(date, dict) else date
            parts = start.split('-')
            words = [parts[0]] + ([MONTHS[int(parts[1]) - 1]] if len(parts) > 1 else [])
            rows = [lb for lb in labels if title in lb]
            if not rows:
                missing.append(f'{title!r}: no row label contains the title')
            elif not any(all(w in lb[:lb.index(title)] for w in words) for lb in rows):
                missing.append(f'{title!r}: row label {rows[0]!r} lacks the date in words '
                               f'({" ".join(reversed(words))}) before the title')
            else:
                self.check_background(rows[0], event, 'the timeline row')
        if missing:
            raise Failure('timeline rows without a proper accessible label:\n  ' +
                          '\n  '.join(missing) + '\nrow labels seen:\n  ' + '\n  '.join(labels))
        diplomatic = [lb for lb in labels if '1992' in lb and 'diplomatic relations' in lb]
        if not diplomatic:
            raise Failure('no timeline row label mentions 1992 and diplomatic relations')
        log(f'ok: all {len(self.dossier["events"])} events have row labels with the date in words '
            f'and the title, e.g. {diplomatic[0]!r}')

    def item_title_in(self, label):
        titles = [text(e['title']) for e in self.dossier['events']] + \
                 [text(a['title']) for a in self.dossier['agreements']]
        inside = [t for t in titles if t in label]
        return max(inside, key=len) if inside else None

    def press_until_row_changes(self, key, timeline, previous):
        rawinput.pressKey(key)
        return wait_for(f'{key} to move the focus to another timeline row (from {previous!r})',
                        lambda: (lambda r: r if r is not None and self.row_label(r) != previous
                                 else None)(focused_child(timeline)), timeout=5)

    def test_timeline_keyboard(self):
        timeline = self.parts['Timeline']
        # Tab from the switcher, like a keyboard user, until a row has the focus.
        row = None
        for _ in range(12):
            rawinput.pressKey('Tab')
            try:
                row = wait_for('a focused row', lambda: focused_child(timeline), timeout=0.3,
                               interval=0.05)
                break
            except Failure:
                continue
        if row is None:
            where = find_first(self.frame, lambda n: has_state(n, pyatspi.STATE_FOCUSED))
            raise Failure('12 presses of Tab never put the focus on a timeline row; focus on '
                          f'{describe(where)}')
        first = self.row_label(row)
        log(f'Tab: focus on timeline row {first!r}')

        if self.item_title_in(first) is None:
            raise Failure(f'Tab put the focus on a row that is no event: {first!r}')
        # Each Down goes to the next event: date headers and gaps are not stops.
        label = first
        for _ in range(3):
            row = self.press_until_row_changes('Down', timeline, label)
            label = self.row_label(row)
            if self.item_title_in(label) is None:
                raise Failure(f'Down stopped on a row that is no event: {label!r}')
        title = self.item_title_in(label)
        log(f'Down x3: focus on events only, now {label!r}')

        rawinput.pressKey('Return')
        wait_for(f'the detail pane to show {title!r} after Enter on its timeline row',
                 lambda: self.details_show(title), timeout=5)
        log(f'ok: Enter opened the detail pane on {title!r}')
        pane = self.shown_part('Details')
        wait_for('the focus to move into the detail pane after Enter',
                 lambda: find_first(pane, lambda n: has_state(n, pyatspi.STATE_FOCUSED)),
                 timeout=5)
        log('ok: the focus moved into the detail pane')
        self.lint_names('detail pane')

        rawinput.pressKey('Escape')
        wait_for('Escape to close the detail pane', lambda: self.details_closed(title), timeout=5)
        back = focused_child(timeline)
        if back is None:
            where = find_first(self.frame, lambda n: has_state(n, pyatspi.STATE_FOCUSED))
            self.check(False, 'after Escape closed the detail pane the focus is not back on the '
                              f'timeline row {label!r} but on {describe(where)}')
        else:
            self.check(self.row_label(back) == label,
                       'after Escape closed the detail pane the focus is on the timeline row '
                       f'{self.row_label(back)!r}, not on {label!r} where Enter was pressed')
        log('ok: Escape closed the detail pane; the focus is back on the row')

        # Tab goes on past the timeline, not down its rows.
        rawinput.pressKey('Tab')
        time.sleep(0.3)
        row = focused_child(timeline)
        where = find_first(self.frame, lambda n: has_state(n, pyatspi.STATE_FOCUSED))
        self.check(row is None and where is not None,
                   f'Tab on the timeline row {label!r} does not leave the timeline: focus on '
                   f'{describe(row if row is not None else where)}')
        log(f'ok: Tab leaves the timeline, to {describe(where)}')
        rawinput.keyCombo('<Shift>Tab')
        wait_for('Shift+Tab to come back to the timeline row', lambda: focused_child(timeline),
                 timeout=5)

        # No keyboard trap: Shift+Tab goes back up the rows and out to the controls above.
        # (Tab stops on every row on its way down, GtkListView's way in GTK 4.8.)
        previous, stuck = None, 0
        for presses in range(1, len(timeline.children) + 6):
            rawinput.keyCombo('<Shift>Tab')
            time.sleep(0.1)
            row = focused_child(timeline)
            if row is None:
                where = wait_for('Shift+Tab out of the timeline to focus something else',
                                 lambda: find_first(self.frame, lambda n: has_state(
                                     n, pyatspi.STATE_FOCUSED)), timeout=3)
                self.known('shift-tab-trap', True,
                           f'Shift+Tab leaves the timeline after {presses} press(es), to '
                           f'{describe(where)}')
                break
            label = self.row_label(row)
            stuck = stuck + 1 if label == previous else 0
            previous = label
            if stuck >= 2:
                self.known('shift-tab-trap', False,
                           f'keyboard trap: Shift+Tab on the first timeline row {label!r} keeps '
                           'the focus there; the controls above can\'t be reached backwards')
                break
        else:
            self.check(False, 'Shift+Tab never left the timeline')

    def click(self, node):
        """A real mouse click (XTest, through the registry) on the middle of node. Without a
        window manager under Xvfb the window sits at the screen's origin, so window
        coordinates are screen coordinates."""
        x, y, w, h = extents(node)
        rawinput.click(x + w // 2, y + h // 2)

    def test_timeline_click(self):
        """One click on an event row opens it, as on the cards and the markers."""
        timeline = self.parts['Timeline']
        rows = [c for c in timeline.children if c.roleName == 'list item' and
                self.item_title_in(self.row_label(c)) and self.on_screen(c)]
        if not rows:
            raise Failure('no event row of the timeline is on screen to click')
        row = rows[min(1, len(rows) - 1)]
        title = self.item_title_in(self.row_label(row))
        self.click(row)
        wait_for(f'the detail pane to show {title!r} after one click on its timeline row',
                 lambda: self.details_show(title), timeout=5)
        rawinput.pressKey('Escape')
        wait_for('Escape to close the detail pane', lambda: self.details_closed(title), timeout=5)
        log(f'ok: one click on the timeline row {title!r} opened it')

    def marker_name(self, place):
        """The name src/ui/map/gb-map-place-layer.c gives a marker: title — first sentence."""
        title = text(place.get('name') or place.get('title'))
        description = text(place.get('description')).strip()
        if not description:
            return title
        first = description.split('. ', 1)[0].strip()
        if first.endswith('.'):
            first = first[:-1]
        return f'{title} — {first}'

    def map_button_labels(self):
        """Accessible labels of the map's buttons, as ui/gb-map-view.ui declares them."""
        root = ET.parse(os.path.join(self.source_root, 'ui', 'gb-map-view.ui')).getroot()
        labels = {}
        for obj in root.iter('object'):
            action = obj.findtext("property[@name='action-name']")
            if obj.get('class') == 'GtkButton' and action:
                labels[action] = obj.findtext("accessibility/property[@name='label']")
        return labels

    def test_map(self):
        self.switch_view('Map')
        # Looked up again: GTK 4.10 and later build the hidden view's subtree when it shows.
        # The map widget itself, which takes the focus, must carry the name, not only its page.
        the_map = wait_for('the map widget, focusable and named "Map"',
                           lambda: find_first(self.frame, lambda n: n.name == 'Map' and
                                              n.roleName in ('panel', 'grouping', 'filler') and
                                              has_state(n, pyatspi.STATE_FOCUSABLE)), timeout=5)
        expected = [self.marker_name(p) for p in self.dossier['places']]

        def markers():
            found = find_all(the_map, 'push button')
            names = [b.name for b in found]
            return None if [n for n in expected if n not in names] else found
        try:
            buttons = wait_for('map markers', markers, timeout=5)
        except Failure:
            buttons = find_all(the_map, 'push button')
        names = [b.name for b in buttons]
        missing = [n for n in expected if n not in names]
        if missing:
            raise Failure('map markers missing (no push button so named): ' +
                          '; '.join(repr(m) for m in missing) +
                          '\nbuttons on the map: ' + '; '.join(repr(n) for n in names))
        log(f'ok: {len(expected)} markers are buttons named like {expected[0]!r}')

        labels = self.map_button_labels()
        overlay = the_map.parent
        for action in ('map.zoom-in', 'map.zoom-out'):
            label = labels.get(action)
            if self.check(label, f'ui/gb-map-view.ui: the {action} button has no accessible '
                                 'label'):
                self.check(find_all(overlay, 'push button', label),
                           f'no push button named {label!r} over the map')
        log('ok: map buttons are named ' + ', '.join(repr(v) for v in labels.values()))

        # A marker works from its button: Seoul's opens the detail pane on Seoul.
        seoul = next((p for p in self.dossier['places'] if text(p.get('name')) == 'Seoul'),
                     self.dossier['places'][0])
        place = text(seoul.get('name'))
        marker = next(b for b in buttons if b.name == self.marker_name(seoul))
        marker.doActionNamed('click')
        wait_for(f'the detail pane to show {place!r} after the action "click" on its marker',
                 lambda: self.details_show(place), timeout=5)
        rawinput.pressKey('Escape')
        wait_for('Escape to close the detail pane', lambda: self.details_closed(place), timeout=5)
        log(f'ok: the {place} marker opens its place in the detail pane; Escape closes it')

    def test_cards(self):
        self.switch_view('Agreements')
        table = self.wait_part('Agreements', 'in the Agreements view')
        cells = [c.name for c in find_all(table, 'table cell')]
        titles = [text(a['title']) for a in self.dossier['agreements']]
        missing = [t for t in titles if not any(c.startswith(t) for c in cells)]
        if missing:
            raise Failure('agreement cards missing (no table cell named with the title): ' +
                          '; '.join(repr(t) for t in missing) + '\ncards seen: ' +
                          '; '.join(repr(c) for c in cells))
        self.check(len(cells) == len(titles),
                   f'{len(cells)} agreement cards, expected {len(titles)}')
        for agreement in self.dossier['agreements']:
            name = next((c for c in cells if c.startswith(text(agreement['title']))), None)
            if name is None:
                continue
            date = agreement.get('date')
            start = (date.get('start') if isinstance(date, dict) else date) or ''
            if start:
                self.check(start[:4] in name, f'the card {name!r} does not say its date '
                                              f'({start})')
            self.check_background(name, agreement, 'the card')
        log(f'ok: all {len(titles)} agreement cards are named with their titles, dates and '
            'whether they are background')
        self.lint_names('agreements view')
        self.test_filter_from_popup(table)

    def test_filter_from_popup(self, table):
        """Choosing a filter from its popup, opened with the mouse: the popup closes, the cards
        and the count change, and the app still answers (it used to hang for good)."""
        initiatives = [a for a in self.dossier['agreements'] if a.get('kind') == 'initiative']
        option = f'Initiative ({len(initiatives)})'
        combo = wait_for('the kind filter, a combo box named "Kind"',
                         lambda: find_first(self.frame, lambda n: n.roleName == 'combo box' and
                                            n.name == 'Kind'), timeout=5)
        # The focus goes to the combo box's button (a push button on GTK 4.8, a toggle button
        # later): it says the filter's name too, not the option chosen.
        buttons = [c for c in combo.children if c.roleName in ('push button', 'toggle button')]
        self.check(len(buttons) == 1 and buttons[0].name == 'Kind',
                   'the kind filter\'s button is not named "Kind": ' +
                   ('; '.join(describe(b) for b in buttons) or 'it has no button'))
        # Below the key figures in a short window: brought into view as a user scrolls.
        if buttons and not self.fully_on_screen(combo):
            buttons[0].queryComponent().grabFocus()
            wait_for('the kind filter scrolled into view', lambda: self.fully_on_screen(combo),
                     timeout=5)
        self.click(combo)
        wait_for(f'the option {option!r} in the kind filter\'s popup',
                 lambda: find_first(self.app, lambda n: n.roleName == 'label' and
                                    n.name == option and extents(n)[2] > 0 and
                                    extents(n)[3] > 0), timeout=5)
        # The popup is a surface of its own, whose place on the screen AT-SPI does not give
        # in window coordinates (nor is it bound by the window's edge): the option is reached with the arrows and chosen with Enter,
        # which activates the row as a click on it does.
        kinds = ['Agreement', 'Plan', 'Proposal', 'Initiative']
        present = [k for k in kinds if any(a.get('kind') == k.lower()
                                           for a in self.dossier['agreements'])]
        for _ in range(present.index('Initiative') + 1):
            rawinput.pressKey('Down')
            time.sleep(0.1)
        rawinput.pressKey('Return')

        def shown():
            return len(find_all(table, 'table cell')) == len(initiatives) and \
                option in labels_under(combo)
        wait_for(f'{len(initiatives)} cards and {option!r} on the kind filter after choosing it',
                 shown, timeout=10)
        # Still answering: the keyboard switches views.
        rawinput.keyCombo('<Alt>1')
        wait_for('the Timeline view after Alt+1, once a filter was chosen',
                 lambda: self.view_shown('Timeline'), timeout=5)
        rawinput.keyCombo('<Alt>3')
        wait_for('the Agreements view again', lambda: self.view_shown('Agreements'), timeout=5)
        log(f'ok: choosing {option!r} from the kind filter popup shows {len(initiatives)} '
            'cards; the app still answers')

    def test_search(self):
        self.switch_view('Timeline')
        rawinput.keyCombo('<Control>f')
        entry = self.wait_part('Search', 'after Ctrl+F')
        wait_for('Ctrl+F to put the focus in the search entry "Search the story"',
                 lambda: has_state(entry, pyatspi.STATE_FOCUSED), timeout=5)
        rawinput.typeText('seoul')

        # The results float over the content; hidden, they are not in the tree at all.
        def results():
            lst = find_first(self.frame, lambda n: n.roleName == 'list' and
                             n.name == 'Search results')
            if lst is not None and find_all(lst, 'list item'):
                return lst
            return None
        result_list = wait_for('a list "Search results" with results for "seoul"', results,
                               timeout=5)
        items = [c for c in result_list.children if c.roleName == 'list item']
        texts = [labels_under(i) for i in items]
        log(f'search "seoul": {len(items)} results, first {texts[0]}')
        self.check(any('Seoul' in ' '.join(t) for t in texts),
                   f'no result for "seoul" mentions Seoul: {texts}')
        entries = {text(e['title']): e for e in self.dossier['events'] + self.dossier['agreements']}
        for item, shown in zip(items, texts):
            name = item.name or ''
            if not self.check(name.strip() and shown and shown[0] in name,
                              f'the search result {shown} is named {name!r}, not with its '
                              'title'):
                continue
            entry = entries.get(shown[0])
            if entry is not None:
                date = entry.get('date')
                start = (date.get('start') if isinstance(date, dict) else date) or ''
                self.check(start[:4] in name, f'the search result {name!r} does not say its '
                                              f'date ({start})')
                self.check_background(name, entry, 'the search result')
        self.lint_names('search results')

        # Down goes from the entry to the results, Enter chooses the focused one.
        rawinput.pressKey('Down')
        chosen = wait_for('Down to move the focus from the entry into the search results',
                          lambda: focused_child(result_list), timeout=5)
        chosen_labels = labels_under(chosen)
        if not chosen_labels:
            raise Failure('the focused search result has no text')
        title = chosen_labels[0]
        rawinput.pressKey('Return')
        wait_for(f'the detail pane to show the chosen result {title!r} after Enter',
                 lambda: self.details_show(title), timeout=5)
        self.check(results() is None, 'the search results stay on screen after choosing one')
        log(f'ok: Ctrl+F, "seoul", Down, Enter opened the detail pane on {title!r}')
        rawinput.pressKey('Escape')
        wait_for('Escape to close the detail pane', lambda: self.details_closed(title),
                 timeout=5)

    # -- editing, with the keyboard alone -----------------------------------------------------

    FORM_ROLES = ('dialog', 'frame', 'window')
    FIELD_ROLES = ('entry', 'text', 'combo box', 'spin button')

    def field_specs(self, table):
        """(label, hint) of each field of a FieldSpec table in src/ui/gb-editor-fields.c: the
        names the form's rows must carry, from the source, not copied here."""
        with open(os.path.join(self.source_root, 'src', 'ui', 'gb-editor-fields.c'),
                  encoding='utf-8') as f:
            source = f.read()
        hints = {name: ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', value))
                 for name, value in re.findall(r'#define (\w+_HINT) N_\((.*?)\)\n', source,
                                               re.S)}
        body = re.search(r'static const FieldSpec %s\[\] = \{(.*?)\n\};' % table, source, re.S)
        if body is None:
            raise Failure(f'src/ui/gb-editor-fields.c has no FieldSpec table {table}')
        specs = []
        for line in re.findall(r'\{ [^\n]*(?:\n    [^\n]*)*\}', body.group(1)):
            label = re.search(r'N_\("([^"]+)"\)', line).group(1)
            hint = re.search(r'\.hint = (?:N_\("([^"]+)"\)|(\w+_HINT))', line)
            specs.append((label, hint and (hint.group(1) or hints[hint.group(2)])))
        return specs

    def wait_form(self, title, when):
        def form():
            return next((w for w in self.app.children if w.roleName in self.FORM_ROLES and
                         w.name == title), None)
        try:
            return wait_for(f'a window named {title!r} {when}', form, timeout=10)
        except Failure:
            raise Failure(f'no dialog or frame named {title!r} {when}; windows: ' +
                          '; '.join(describe(w) for w in self.app.children))

    def back_to_frame(self):
        """Gives the keyboard focus back to the main window once a form over it has closed,
        as a window manager does; Xvfb has none. Without it the X focus falls to the root
        window: keys still reach the window under the pointer, but GTK 4.18 counts the window
        inactive and so shows no widget in it as focused (GTK 4.8 does)."""
        if has_state(self.frame, pyatspi.STATE_ACTIVE):
            return
        try:
            from Xlib import X, display
        except ImportError:
            raise Failure('the main window is not active after its form closed, and '
                          'python3-xlib is not installed to give it the focus back')
        xd = display.Display()
        net_wm_name = xd.intern_atom('_NET_WM_NAME')
        utf8 = xd.intern_atom('UTF8_STRING')

        def named(window):
            prop = window.get_full_property(net_wm_name, utf8)
            if prop is not None and prop.value.decode('utf-8', 'replace') == self.frame.name:
                return window
            for child in window.query_tree().children:
                found = named(child)
                if found is not None:
                    return found
            return None

        window = named(xd.screen().root)
        if window is None:
            raise Failure(f'no X window titled {self.frame.name!r} to give the focus back to')
        xd.set_input_focus(window, X.RevertToParent, X.CurrentTime)
        xd.sync()
        wait_for('the main window to be active again', lambda: has_state(self.frame,
                 pyatspi.STATE_ACTIVE), timeout=5)

    def form_gone(self, form):
        try:
            return form.name is None or form not in self.app.children
        except Exception:
            return True

    def focused_in(self, node):
        return find_first(node, lambda n: has_state(n, pyatspi.STATE_FOCUSED))

    def start_focus(self, form):
        """Where a form opens with the focus: on a button of its header (Tab goes on to its
        fields from there) or on a field."""
        focused = wait_for(f'the focus in the form {form.name!r}',
                           lambda: self.focused_in(form), timeout=5)
        names = [n.name for n in self.fields_in(form)]
        if focused.roleName in self.FIELD_ROLES and focused.name in names:
            self.form_focus = names.index(focused.name)
        elif focused.roleName in ROLE_ALIASES['push button']:
            self.form_focus = None
        else:
            raise Failure(f'the form {form.name!r} opens with the focus on {describe(focused)}, '
                          'neither a button of its header nor a field')
        log(f'the form {form.name!r} opens with the focus on {describe(focused)}')

    def check_form_fields(self, form, specs, where):
        """Every entry and combo box of the form is named after its field's label, and a
        field's hint is its description, read with it. A date field has rows of its own
        for its end and time zone (build_date)."""
        labels = [label for label, _ in specs]
        fields = self.fields_in(form)
        if not fields:
            raise Failure(f'{where}: no entry or combo box in the form')
        for node in fields:
            name = node.name or ''
            ok = name.strip() and not TYPE_NAME.match(name) and any(
                name == lb or name.startswith(lb + ' (') or name.startswith(lb + ' Ends') or
                name == 'Time Zone' for lb in labels)
            self.check(ok, f'{where}: the {node.roleName} {name!r} is not named after a field '
                           f'label ({", ".join(labels)})')
        names = [n.name for n in fields]
        for label, hint in specs:
            node = next((n for n in fields if n.name == label or
                         n.name.startswith(label + ' (')), None)
            if not self.check(node is not None, f'{where}: no field named {label!r}; fields: '
                                                f'{names}'):
                continue
            if hint:
                # GTK 4.18 also exposes an entry row's inner text field, under the same
                # name; the row, which has the focus there, carries the description.
                same = [n for n in fields if n.name == node.name]
                if any(n.description == hint for n in same):
                    node = next(n for n in same if n.description == hint)
                self.check(node.description == hint,
                           f'{where}: the field {node.name!r} does not have its hint '
                           f'{hint!r} as its description, so it is not read with it (it has '
                           f'{node.description!r})')
        log(f'ok: {where}: {len(fields)} fields named after their labels ({", ".join(names)}); '
            'hints are their descriptions')
        return fields

    def fields_in(self, form):
        return form.findChildren(lambda n: n.roleName in self.FIELD_ROLES)

    def tab_to(self, form, name):
        """Tab until the field named name has the focus. GTK 4.8 exposes neither the focus
        nor the text of an AdwEntryRow (its GtkText is not in the tree), so there the Tab
        stops are counted along the fields, in the form's order, from the header's buttons;
        what was typed is checked where it shows (the window's title, the details)."""
        fields = self.fields_in(form)
        names = [n.name for n in fields]
        if name not in names:
            raise Failure(f'no field named {name!r} in the form: {names}')
        target = names.index(name)
        for _ in range(len(fields) + 4):
            focused = self.focused_in(form)
            if focused is not None and focused.roleName in self.FIELD_ROLES and \
                    focused.name in names:
                self.form_focus = names.index(focused.name)
            if self.form_focus == target:
                return
            rawinput.pressKey('Tab')
            time.sleep(0.15)
            self.form_focus = 0 if self.form_focus is None else self.form_focus + 1
        raise Failure(f'Tab never reached the field {name!r}; focus on '
                      f'{describe(self.focused_in(form))}')

    def type_into(self, form, name, value):
        self.tab_to(form, name)
        rawinput.typeText(value)
        time.sleep(0.2)

    def menu_to(self, menu_name, parent, names):
        """Down through an open menu until the item named menu_name has the focus."""
        for _ in range(30):
            focused = find_first(self.app, lambda n: n.roleName == 'menu item' and
                                 has_state(n, pyatspi.STATE_FOCUSED))
            if focused is not None and item_name(focused) == menu_name:
                return focused
            rawinput.pressKey('Down')
            time.sleep(0.15)
        raise Failure(f'Down through the {parent} never reached {menu_name!r}; items: {names}')

    def open_add_menu(self, item):
        """F10 opens the main menu; Down to Add, Right into its submenu, Down to item, Enter."""
        rawinput.pressKey('F10')

        def items():
            found = [n for n in find_all(self.app, 'menu item') if self.on_screen(n)]
            return found if any(item_name(n) == 'Add' for n in found) else None
        try:
            shown = wait_for('the main menu, with an item "Add", after F10', items, timeout=5)
        except Failure:
            raise Failure('F10 does not open the main menu with an item named "Add": menu '
                          'items ' + '; '.join(describe(n) for n in find_all(self.app,
                                                                             'menu item')))
        self.menu_to('Add', 'main menu', [item_name(n) for n in shown])
        rawinput.pressKey('Right')
        wait_for(f'the Add submenu with {item!r}',
                 lambda: any(item_name(n) == item and self.on_screen(n)
                             for n in find_all(self.app, 'menu item')), timeout=5)
        self.menu_to(item, 'Add submenu',
                     [item_name(n) for n in find_all(self.app, 'menu item') if self.on_screen(n)])
        rawinput.pressKey('Return')

    def test_edit_keyboard(self):
        """Issue 11 with the keyboard alone: a new story's form, a source added through the
        main menu, undone, and the question on closing answered. Closes the app: last."""
        # Xvfb runs no window manager: when a form closes, the X focus falls back to the root
        # window and the keys go to the window under the pointer, so it rests on this one.
        x, y, w, h = extents(self.frame)
        rawinput.absoluteMotion(x + w // 2, y + h - 40)
        rawinput.keyCombo('<Control>n')
        form = self.wait_form('Edit Story', 'after Ctrl+N')
        self.start_focus(form)
        log(f'ok: Ctrl+N opens the story form, a {form.roleName!r} named {form.name!r}')
        self.check_form_fields(form, self.field_specs('story_fields'), 'the story form')
        self.lint_form(form, 'the story form')
        story = 'Keyboard visit'
        self.type_into(form, 'Title (en)', story)
        wait_for(f'the main window titled "• {story}"',
                 lambda: self.frame.name == f'• {story}', timeout=5)
        rawinput.pressKey('Escape')
        wait_for('Escape to close the story form', lambda: self.form_gone(form), timeout=5)
        log(f'ok: typed {story!r} into "Title (en)"; the window says "• {story}"; Escape closed '
            'the form')

        self.open_add_menu('Source…')
        form = self.wait_form('New Source', 'after F10, Add, Source… with the keyboard')
        self.start_focus(form)
        self.check_form_fields(form, self.field_specs('source_fields'), 'the new source form')
        self.lint_form(form, 'the new source form')
        title, publisher = 'Keyboard notes', 'Keyboard press'
        self.type_into(form, 'Title (en)', title)
        self.type_into(form, 'Publisher', publisher)
        self.type_into(form, 'Date', '2025-05-02')
        rawinput.pressKey('Return')
        wait_for('Enter to add the source and close its form', lambda: self.form_gone(form),
                 timeout=5)
        self.back_to_frame()
        wait_for(f'the detail pane to show the new source {title!r}',
                 lambda: self.details_show(title), timeout=5)
        # Each value went into its own field: the Tab stops were where the test counted them.
        shown = labels_under(self.shown_part('Details'))
        self.check(publisher in shown and '2 May 2025' in shown,
                   f'the new source\'s details do not show the publisher {publisher!r} and the '
                   f'date 2 May 2025 typed into its form: {shown}')
        self.check(self.frame.name.startswith('•'),
                   f'the window does not show unsaved edits: titled {self.frame.name!r}')
        log(f'ok: F10 → Add → Source…, Tab and typing, Enter added {title!r}; the window is '
            f'titled {self.frame.name!r}')

        rawinput.keyCombo('<Control>z')
        # The Add submenu opened from the keyboard used to keep every key afterwards.
        wait_for(f'Ctrl+Z to take {title!r} away from the detail pane',
                 lambda: self.details_closed(title), timeout=5)
        log('ok: Ctrl+Z undid the source')

        rawinput.keyCombo('<Control>w')

        def alert():
            # A window of its own on libadwaita 1.2 (AdwMessageDialog); inside the window
            # it asks over from 1.5 (AdwAlertDialog).
            candidates = [w for w in self.app.children if w.roleName in ('alert', 'dialog')]
            candidates += find_all(self.frame, 'alert')
            return next((w for w in candidates
                         if 'Save Changes?' in (w.name or '') + ' '.join(labels_under(w))), None)
        question = wait_for('an alert "Save Changes?" after Ctrl+W', alert, timeout=5)
        self.check(question.roleName == 'alert',
                   f'the question on closing is a {question.roleName}, not an alert')
        buttons = {b.name: b for b in find_all(question, 'push button')}
        for name in ('Save', 'Discard', 'Cancel'):
            self.check(name in buttons, f'the question has no button named {name!r}: '
                                        f'{list(buttons)}')
        log(f'ok: Ctrl+W asks {question.name!r}, exposed as {question.roleName!r}, with buttons '
            f'{", ".join(buttons)}')
        for _ in range(6):
            focused = self.focused_in(question)
            if focused is not None and focused.name == 'Discard':
                break
            rawinput.pressKey('Tab')
            time.sleep(0.15)
        else:
            raise Failure('Tab never reached the Discard button; focus on '
                          f'{describe(self.focused_in(question))}')
        rawinput.pressKey('Return')
        try:
            APP.proc.wait(10)
        except subprocess.TimeoutExpired:
            raise Failure('Discard, chosen with Tab and Enter, did not close the app')
        self.check(APP.proc.returncode == 0, f'the app exited with {APP.proc.returncode}')
        log('ok: Tab to Discard, Enter: the app closed')

    def lint_form(self, form, where):
        """The form's controls, its buttons too, have names without mnemonic marks."""
        for node in form.findChildren(lambda n: n.roleName in CONTROL_ROLES):
            name = node.name or ''
            self.check(name.strip() and not TYPE_NAME.match(name) and
                       not MNEMONIC_NAME.match(name),
                       f'{where}: the {node.roleName} is named {name!r}')

    def run(self):
        self.app = self.find_app()
        self.test_window()
        self.test_view_switcher()
        self.test_timeline_labels()
        self.test_timeline_keyboard()
        self.test_timeline_click()
        self.test_map()
        self.test_cards()
        self.test_search()
        self.test_edit_keyboard()

    def summary(self):
        for (role, desc), (where, name) in sorted(self.unnamed.items()):
            if (role, desc) in KNOWN_UNNAMED:
                log(f'known a11y bug: {role} with tooltip {desc!r} has no name '
                    f'(AT-SPI shows {name!r})')
            else:
                self.check(False, f'unnamed control ({where}): {role} shown as {name!r}, '
                                  f'tooltip {desc!r}')
        for note in self.notes:
            log(f'note: {note}')


def main():
    binary = os.environ['GB_BINARY']
    schema_dir = os.environ['GSETTINGS_SCHEMA_DIR']
    atexit.register(APP.clean)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    test = Test(sys.argv[1])
    APP.start(binary, schema_dir)
    try:
        test.run()
    except Failure as e:
        log(f'FAIL: {e}')
        test.failures.append(str(e))
    finally:
        APP.stop()
    test.summary()
    if test.failures:
        output = APP.output().rstrip()
        if output:
            print('--- app output ---\n' + output)
        print(f'FAIL: {len(test.failures)} problem(s)')
        return 1
    log('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
