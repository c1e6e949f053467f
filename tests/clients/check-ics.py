#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The iCalendar export as python3-icalendar reads it: the number of VEVENTs, DATE and
# DATE-TIME values, TZIDs with their VTIMEZONE, and the VTIMEZONE's offsets turned into
# instants by icalendar itself. Exit 77 (skip) without python3-icalendar.
#
# Usage: check-ics.py SOURCE_ROOT   (GB_BINARY from the environment)

import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clients  # noqa: E402

icalendar = clients.require_module('icalendar')
checks = clients.Checks()
root = sys.argv[1]


def read(path):
    with open(path, 'rb') as f:
        return icalendar.Calendar.from_ical(f.read())


def is_date(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


# The bundled story: six events dated to the day, all-day, DTEND the day after.
path, notes = clients.export('ics')
calendar = read(path)
events = calendar.walk('VEVENT')
checks.expect(len(events) == 6, f'bundled: 6 VEVENTs (got {len(events)})')
checks.expect(all(is_date(e.decoded('DTSTART')) for e in events), 'bundled: DTSTART is a DATE')
checks.expect(all(e.decoded('DTEND') > e.decoded('DTSTART') for e in events),
              'bundled: DTEND after DTSTART (exclusive)')
checks.expect(len({str(e['UID']) for e in events}) == 6, 'bundled: UIDs unique')
checks.expect('3 events of year precision left out of the calendar' in notes,
              'bundled: the events left out are counted')
visit = [e for e in events if str(e['UID']).startswith('ctx-evt-yoon-state-visit@')]
checks.expect(len(visit) == 1 and visit[0].decoded('DTSTART') == datetime.date(2024, 6, 11) and
              visit[0].decoded('DTEND') == datetime.date(2024, 6, 14),
              'bundled: 11 to 13 June is DTSTART 2024-06-11, DTEND 2024-06-14')

# Times of day in zones.
path, notes = clients.export('ics', os.path.join(root, 'tests', 'fixtures', 'export', 'timed.json'))
calendar = read(path)
events = {str(e['UID']).split('@')[0]: e for e in calendar.walk('VEVENT')}
zones = {str(z['TZID']): z for z in calendar.walk('VTIMEZONE')}
checks.expect(len(events) == 7, f'timed: 7 VEVENTs (got {len(events)})')
timed = {uid for uid, e in events.items() if not is_date(e.decoded('DTSTART'))}
checks.expect(timed == {'evt-berlin-dst', 'evt-seoul-offset', 'evt-offset-only',
                        'evt-time-to-day'}, f'timed: DATE-TIME exactly for the times ({timed})')
for uid, event in events.items():
    for prop in ('DTSTART', 'DTEND'):
        if prop in event and 'TZID' in event[prop].params:
            tzid = event[prop].params['TZID']
            checks.expect(tzid in zones, f'timed: {uid} {prop} TZID={tzid} has a VTIMEZONE')
checks.expect(set(zones) == {'Europe/Berlin', 'Asia/Seoul'}, f'timed: VTIMEZONEs ({set(zones)})')


def instant(uid, prop):
    """The moment a DATE-TIME stands for, by the VTIMEZONE of the file, in UTC."""
    value = events[uid][prop]
    tzid = value.params.get('TZID')
    local = icalendar.prop.vDDDTypes.from_ical(value.to_ical().decode())
    if tzid is None:
        return local.astimezone(datetime.timezone.utc)
    tz = zones[tzid].to_tz()
    return tz.localize(local.replace(tzinfo=None)).astimezone(datetime.timezone.utc)


utc = datetime.timezone.utc
checks.expect(instant('evt-berlin-dst', 'DTSTART') == datetime.datetime(2024, 3, 30, 9, 0, tzinfo=utc),
              'timed: 10:00 Berlin winter time is 09:00 UTC by the VTIMEZONE')
checks.expect(instant('evt-berlin-dst', 'DTEND') == datetime.datetime(2024, 3, 31, 10, 0, tzinfo=utc),
              'timed: 12:00 Berlin summer time is 10:00 UTC by the VTIMEZONE')
checks.expect(instant('evt-seoul-offset', 'DTSTART') == datetime.datetime(2024, 11, 4, 5, 0, tzinfo=utc),
              'timed: 14:00+09:00 written in Asia/Seoul')
checks.expect(instant('evt-offset-only', 'DTSTART') == datetime.datetime(2024, 6, 1, 5, 30, tzinfo=utc),
              'timed: an offset without a zone in UTC')
hostile = str(events['evt-hostile']['SUMMARY'])
checks.expect('<script>alert(1)</script> & <b>bold</b> "q"' in hostile and '\x07' not in hostile
              and '\x1b' not in hostile, 'timed: markup is text, control characters are gone')
description = events['evt-berlin-dst'].decoded('DESCRIPTION').decode()
checks.expect('Test source; with, commas \\ and a backslash' in description and
              '\n\nA second paragraph; with a semicolon' in description,
              'timed: ; , \\ and newlines come back from their escapes')

# A century and a half apart in one zone: the VTIMEZONE holds only the observances needed.
path, notes = clients.export('ics', os.path.join(root, 'tests', 'fixtures', 'export', 'century.json'))
calendar = read(path)
events = {str(e['UID']).split('@')[0]: e for e in calendar.walk('VEVENT')}
zones = {str(z['TZID']): z for z in calendar.walk('VTIMEZONE')}
checks.expect(instant('evt-1900', 'DTSTART') == datetime.datetime(1900, 1, 1, 9, 0, tzinfo=utc),
              'century: 10:00 in Berlin in 1900 is 09:00 UTC by the VTIMEZONE')
checks.expect(instant('evt-2050', 'DTSTART') == datetime.datetime(2050, 3, 20, 9, 0, tzinfo=utc),
              'century: 10:00 in Berlin in March 2050, winter time, is 09:00 UTC')
checks.expect(instant('evt-2050', 'DTEND') == datetime.datetime(2050, 4, 2, 8, 0, tzinfo=utc),
              'century: 10:00 in Berlin in April 2050, summer time, is 08:00 UTC')

checks.finish()
