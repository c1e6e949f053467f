#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check a Golden Bridge dossier (format version 1 or 2) against docs/dossier-format.md.

Usage: check-dossier-refs.py DOSSIER.json [ARTICLE.txt]

Checks the safety limits, every member's type, that ids are unique and match the ID grammar,
that every reference resolves to an item of the right type, that every DATE follows the grammar,
that every item of an article source quotes a verbatim substring of that source's "text", and
(strict, for the bundled file) that no member outside the contract is used.  With ARTICLE.txt
(the seed file, "date YYYY-MM-DD " prefix then the body), it also checks that the article
source's "text" is exactly that body and that every sentence of it is quoted by some item.
Exit status 0 when clean, 1 otherwise.  Independent of the C loader on purpose.
"""
import datetime
import json
import math
import os
import re
import sys
import zoneinfo

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
# Years: four digits, or ISO 8601's expanded years before 0 ("-0499" is 500 BC).
DATE_RE = re.compile(r"(\d{4}|-(?:\d{4}|[1-9]\d{4,10}))(?:-(\d{2})(?:-(\d{2})"
                     r"(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?)?)?")
COUNTRY_RE = re.compile(r"[A-Z]{2}")
IATA_RE = re.compile(r"[A-Z]{3}")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


# ---- limits ---------------------------------------------------------------------------------

def check_limits(path):
    if not os.path.isfile(path):
        err(path, "not a regular file")
        return None
    size = os.path.getsize(path)
    if size == 0 or size > 64 * 1024 * 1024:
        err(path, f"size {size} outside 1..64 MiB")
        return None
    raw = open(path, "rb").read()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(path, f"invalid UTF-8: {e}")
        return None

    def bad_constant(name):
        raise ValueError(f"non-finite number {name}")

    try:
        doc = json.loads(raw, parse_constant=bad_constant)
    except ValueError as e:
        err(path, f"not JSON: {e}")
        return None

    def walk(node, depth, where):
        if depth > 64:
            err(where, "nesting deeper than 64")
            return
        if isinstance(node, dict):
            for k, v in node.items():
                if "\0" in k:
                    err(where, "NUL in member name")
                walk(v, depth + 1, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, depth + 1, f"{where}[{i}]")
        elif isinstance(node, bool):
            pass
        elif isinstance(node, int):
            if abs(node) > 2 ** 53:
                err(where, "integer beyond ±2^53")
        elif isinstance(node, float):
            if not math.isfinite(node):
                err(where, "non-finite number")
        elif isinstance(node, str):
            if "\0" in node:
                err(where, "NUL in string")

    walk(doc, 1, "$")
    return doc


# ---- value types ----------------------------------------------------------------------------

def is_text(v):
    if isinstance(v, str):
        return True
    return (isinstance(v, dict) and len(v) > 0
            and all(LANG_RE.fullmatch(k) and isinstance(s, str) for k, s in v.items()))


def text_en(v):
    return v if isinstance(v, str) else v.get("en", next(iter(v.values())))


def parse_part(where, s, zone):
    """Returns (earliest, latest) aware datetimes of the part, or None."""
    if not isinstance(s, str):
        err(where, "date part is not a string")
        return None
    m = DATE_RE.fullmatch(s)
    if not m:
        err(where, f"date {s!r} does not match the DATE grammar")
        return None
    y, mo, d, hh, mi, ss, off = m.groups()
    y = int(y)
    if not -99999999999 <= y <= 9999 or s.startswith("-0000"):
        err(where, f"year {y} outside -99999999999..9999")
        return None
    if hh is not None and y < 1:
        err(where, f"time of day in {s!r} before the year 1")
        return None
    if hh is not None and off is None and zone is None:
        err(where, f"time of day in {s!r} has no zone (offset or \"zone\")")
        return None
    # datetime holds years 1..9999; the calendar repeats every 400 years, so
    # other years are checked 400k years on and ordered by their cycle.
    cycle = 0 if hh is not None else (y - 1) // 400
    y -= cycle * 400
    try:
        if mo is None:
            lo = datetime.datetime(y, 1, 1)
            hi = datetime.datetime(y + 1, 1, 1) if y < 9999 else datetime.datetime(9999, 12, 31)
        elif d is None:
            lo = datetime.datetime(y, int(mo), 1)
            hi = (datetime.datetime(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
                  if y < 9999 or int(mo) < 12 else datetime.datetime(9999, 12, 31))
        elif hh is None:
            lo = datetime.datetime(y, int(mo), int(d))
            hi = lo + datetime.timedelta(days=1)
        else:
            lo = datetime.datetime(y, int(mo), int(d), int(hh), int(mi), int(ss or 0))
            hi = lo + datetime.timedelta(minutes=1)
    except ValueError as e:
        err(where, f"date {s!r}: {e}")
        return None
    tz = datetime.timezone.utc
    if off is not None:
        if off == "Z":
            tz = datetime.timezone.utc
        else:
            oh, om = int(off[1:3]), int(off[4:6])
            if om > 59 or oh * 60 + om > 18 * 60:
                err(where, f"offset {off} out of range")
                return None
            sign = 1 if off[0] == "+" else -1
            tz = datetime.timezone(sign * datetime.timedelta(hours=oh, minutes=om))
    if hh is not None and zone is not None:
        ztz = zoneinfo.ZoneInfo(zone)
        zoned = lo.replace(tzinfo=ztz)
        if off is not None and zoned.utcoffset() != lo.replace(tzinfo=tz).utcoffset():
            err(where, f"offset {off} disagrees with zone {zone}")
        if off is None:
            tz = ztz
    base = datetime.datetime(1, 1, 1, tzinfo=datetime.timezone.utc)
    shift = cycle * 146097 * 86400
    return (shift + (lo.replace(tzinfo=tz) - base) // datetime.timedelta(seconds=1),
            shift + (hi.replace(tzinfo=tz) - base) // datetime.timedelta(seconds=1))


def check_date(where, v):
    if isinstance(v, str):
        parse_part(where, v, None)
        return
    if not isinstance(v, dict) or "start" not in v:
        err(where, "DATE must be a string or an object with \"start\"")
        return
    zone = v.get("zone")
    if zone is not None:
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
            err(where, f"unknown IANA zone {zone!r}")
            zone = None
    for k in v:
        if k not in ("start", "end", "zone"):
            unknown(where, k)
    a = parse_part(where + ".start", v["start"], zone)
    if "end" in v:
        b = parse_part(where + ".end", v["end"], zone)
        if a and b and b[1] <= a[0]:
            err(where, "end is before start")


def check_url(where, v):
    if not (isinstance(v, str) and re.match(r"https?://", v)):
        err(where, "url must be http:// or https://")


# ---- items ----------------------------------------------------------------------------------

STRICT = True


def unknown(where, key):
    if STRICT:
        err(where, f"member {key!r} is not in format version 1")


ARRAYS = {
    "sources": "source", "organisations": "organisation", "people": "person",
    "places": "place", "routes": "route", "events": "event", "agreements": "agreement",
    "figures": "figure",
}
PROV = {"source", "quote", "quote_translation"}
SPEC = {
    # member: (required, checker)
    "source": {
        "id": True, "kind": True, "title": True, "publisher": True, "date": True,
        "url": False, "text": False, "note": False,
    },
    "organisation": {"id": True, "name": True, "short_name": False, "kind": False,
                     "country": False, "description": False, "url": False},
    "person": {"id": True, "name": True, "role": True, "organisation": False, "country": False},
    "place": {"id": True, "name": True, "kind": True, "lat": True, "lon": True,
              "country": False, "timezone": False, "iata": False, "description": False},
    "route": {"id": True, "title": True, "from": True, "to": True, "mode": True,
              "duration_minutes": False, "operators": False, "schedule": False,
              "period": False, "description": False},
    "event": {"id": True, "title": True, "date": True, "description": False, "places": False,
              "people": False, "organisations": False},
    "agreement": {"id": True, "title": True, "kind": True, "status": True, "parties": False,
                  "period": False, "event": False, "places": False, "summary": False,
                  "covers": False, "follow_up": False},
    "figure": {"id": True, "label": True, "value": True, "unit": True, "qualifier": False,
               "date": False, "related": False, "description": False},
}
ENUMS = {
    ("source", "kind"): {"article", "context"},
    ("place", "kind"): {"city", "airport", "venue", "country", "other"},
    ("route", "mode"): {"flight", "rail", "road", "sea", "other"},
    ("agreement", "kind"): {"agreement", "plan", "proposal", "initiative", "programme"},
    ("agreement", "status"): {"signed", "proposed", "planned", "existing", "launched", "ended"},
    ("figure", "qualifier"): {"exact", "about", "over", "more-than", "top"},
}
TEXT_MEMBERS = {"title", "name", "short_name", "description", "summary", "role", "note",
                "schedule", "label"}
DATE_MEMBERS = {"date", "period"}
# reference member -> allowed target types, and whether it is a list
REFS = {
    ("person", "organisation"): ({"organisation"}, False),
    ("route", "from"): ({"place"}, False),
    ("route", "to"): ({"place"}, False),
    ("event", "places"): ({"place"}, True),
    ("event", "people"): ({"person"}, True),
    ("event", "organisations"): ({"organisation"}, True),
    ("agreement", "parties"): ({"organisation", "person"}, True),
    ("agreement", "event"): ({"event"}, False),
    ("agreement", "places"): ({"place"}, True),
    ("figure", "related"): (set(ARRAYS.values()) - {"source"}, True),
}


def main():
    global STRICT
    args = [a for a in sys.argv[1:] if a != "--lenient"]
    STRICT = "--lenient" not in sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    path = args[0]
    doc = check_limits(path)
    if doc is None:
        return report()
    if not isinstance(doc, dict):
        err("$", "top level is not an object")
        return report()
    if doc.get("format") != "golden-bridge-dossier":
        err("$.format", "must be \"golden-bridge-dossier\"")
    if doc.get("version") not in (1, 2) or isinstance(doc.get("version"), bool):
        err("$.version", "must be the integer 1 or 2")
    if not (isinstance(doc.get("id"), str) and ID_RE.fullmatch(doc["id"])):
        err("$.id", "missing or not an ID")
    if not is_text(doc.get("title")):
        err("$.title", "missing or not TEXT")
    if "summary" in doc and not is_text(doc["summary"]):
        err("$.summary", "not TEXT")
    if "period" in doc:
        check_date("$.period", doc["period"])
    if "languages" in doc and not (isinstance(doc["languages"], list) and all(
            isinstance(x, str) and LANG_RE.fullmatch(x) for x in doc["languages"])):
        err("$.languages", "not a list of language tags")
    top = {"format", "version", "id", "title", "summary", "period", "languages",
           "translator"} | set(ARRAYS)
    for k in doc:
        if k not in top:
            unknown("$", k)

    index = {}   # id -> (type, item)
    for arr, typ in ARRAYS.items():
        items = doc.get(arr, [])
        if not isinstance(items, list):
            err(f"$.{arr}", "not an array")
            continue
        for i, it in enumerate(items):
            where = f"$.{arr}[{i}]"
            if not isinstance(it, dict):
                err(where, "not an object")
                continue
            iid = it.get("id")
            if not (isinstance(iid, str) and ID_RE.fullmatch(iid)):
                err(where, f"id {iid!r} does not match the ID grammar")
                continue
            if iid in index:
                err(where, f"duplicate id {iid!r}")
                continue
            index[iid] = (typ, it)
    if doc.get("id") in index:
        err("$.id", "dossier id reused by an item")

    n_items = sum(1 for t, _ in index.values() if t != "source")
    if n_items and not any(t == "source" for t, _ in index.values()):
        err("$.sources", "must be non-empty when any item exists")

    article_text = {}
    for iid, (typ, it) in index.items():
        where = f"{typ} {iid}"
        spec = SPEC[typ]
        allowed = set(spec) | (PROV if typ != "source" else set())
        for k, req in spec.items():
            if req and k not in it:
                err(where, f"missing required member {k!r}")
        for k in it:
            if k not in allowed:
                unknown(where, k)
        for k, v in it.items():
            if k in TEXT_MEMBERS and not is_text(v):
                err(where, f"{k} is not TEXT")
            if k in DATE_MEMBERS:
                check_date(f"{where}.{k}", v)
            if (typ, k) in ENUMS and v not in ENUMS[(typ, k)]:
                err(where, f"{k} {v!r} not one of {sorted(ENUMS[(typ, k)])}")
            if k == "url":
                check_url(where, v)
            if k == "country" and not (isinstance(v, str) and COUNTRY_RE.fullmatch(v)):
                err(where, "country is not ISO 3166 alpha-2")
        if typ == "source":
            if not isinstance(it.get("publisher"), str):
                err(where, "publisher is not a string")
            if "text" in it and not isinstance(it["text"], str):
                err(where, "text is not a string")
            if it.get("kind") == "article":
                article_text[iid] = it.get("text")
            continue
        if typ == "place":
            lat, lon = it.get("lat"), it.get("lon")
            if not (isinstance(lat, (int, float)) and not isinstance(lat, bool)
                    and -90 <= lat <= 90):
                err(where, "lat outside -90..90")
            if not (isinstance(lon, (int, float)) and not isinstance(lon, bool)
                    and -180 <= lon <= 180):
                err(where, "lon outside -180..180")
            if "iata" in it and not (isinstance(it["iata"], str)
                                     and IATA_RE.fullmatch(it["iata"])):
                err(where, "iata is not 3 capital letters")
            if "timezone" in it:
                try:
                    zoneinfo.ZoneInfo(it["timezone"])
                except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
                    err(where, f"unknown timezone {it['timezone']!r}")
        if typ == "route":
            d = it.get("duration_minutes")
            if d is not None and not (isinstance(d, int) and not isinstance(d, bool)
                                      and 1 <= d <= 10000):
                err(where, "duration_minutes not an integer 1..10000")
            ops = it.get("operators")
            if ops is not None and not (isinstance(ops, list)
                                        and all(isinstance(o, str) for o in ops)):
                err(where, "operators is not a list of strings")
        if typ == "agreement" and "covers" in it:
            if not (isinstance(it["covers"], list) and all(is_text(c) for c in it["covers"])):
                err(where, "covers is not a list of TEXT")
        if typ == "figure":
            v = it.get("value")
            if not (isinstance(v, (int, float)) and not isinstance(v, bool)):
                err(where, "value is not a number")
            if not isinstance(it.get("unit"), str):
                err(where, "unit is not a string")
        for (t, k), (targets, many) in REFS.items():
            if t != typ or k not in it:
                continue
            refs = it[k] if many else [it[k]]
            if many and not isinstance(it[k], list):
                err(where, f"{k} is not a list")
                continue
            for r in refs:
                if r not in index:
                    err(where, f"{k} -> {r!r} does not resolve")
                elif index[r][0] not in targets:
                    err(where, f"{k} -> {r!r} is a {index[r][0]}, expected {sorted(targets)}")
        if typ == "agreement" and "follow_up" in it:
            if doc.get("version") != 2:
                unknown(where, "follow_up")
            log = it["follow_up"]
            if not isinstance(log, list):
                err(where, "follow_up is not a list")
                log = []
            for j, entry in enumerate(log):
                fwhere = f"{where}.follow_up[{j}]"
                if not isinstance(entry, dict):
                    err(fwhere, "not an object")
                    continue
                for k in entry:
                    if k not in {"date", "status", "note", "source", "quote"}:
                        unknown(fwhere, k)
                check_date(fwhere + ".date", entry.get("date"))
                if entry.get("status") not in ENUMS[("agreement", "status")]:
                    err(fwhere, f"status {entry.get('status')!r} is not a STATUS")
                if "note" in entry and not is_text(entry["note"]):
                    err(fwhere, "note is not TEXT")
                fsrc = entry.get("source")
                if fsrc not in index or index[fsrc][0] != "source":
                    err(fwhere, f"source {fsrc!r} is not a SOURCE id")
                elif index[fsrc][1].get("kind") == "article":
                    q = entry.get("quote")
                    if not isinstance(q, str) or not q:
                        err(fwhere, "entry from an article source has no quote")
                    elif isinstance(index[fsrc][1].get("text"), str) and \
                            q not in index[fsrc][1]["text"]:
                        err(fwhere, f"quote is not verbatim in the article: {q[:60]!r}…")
        # provenance
        src = it.get("source")
        if src not in index or index[src][0] != "source":
            err(where, f"source {src!r} is not a SOURCE id")
            continue
        if "quote" in it and not isinstance(it["quote"], str):
            err(where, "quote is not a string")
        if index[src][1].get("kind") == "article":
            q = it.get("quote")
            if not q:
                err(where, "item of an article source has no quote")
            elif not isinstance(article_text.get(src) or index[src][1].get("text"), str):
                err(where, "article source has no text to check the quote against")
            elif q not in index[src][1]["text"]:
                err(where, f"quote is not verbatim in the article: {q[:60]!r}…")

    if len(args) > 1:
        raw = open(args[1], encoding="utf-8").read()
        m = re.match(r"\s*date \d{4}-\d{2}-\d{2} ", raw)
        body = raw[m.end():] if m else raw
        arts = [it for t, it in index.values() if t == "source" and it.get("kind") == "article"]
        if not any(a.get("text") == body for a in arts):
            err("sources", "no article source's text equals the article body")
        quotes = {it.get("quote") for t, it in index.values() if t != "source"}
        for para in body.split("\n\n"):
            for sent in re.split(r"(?<=\.)\s+(?=[A-Z])", para.strip()):
                if not any(q and sent in q for q in quotes):
                    err("coverage", f"article sentence not quoted by any item: {sent[:60]!r}…")

    counts = {arr: len(doc.get(arr, [])) for arr in ARRAYS}
    print("counts:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    ctx = sum(1 for t, it in index.values() if t != "source"
              and index.get(it.get("source"), (None, {}))[1].get("kind") == "context")
    print(f"items {n_items} (context {ctx}), ids {len(index)}")
    return report()


def report():
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
