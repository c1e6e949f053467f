#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts Natural Earth outlines (world-atlas TopoJSON) into the app's
compact basemap file, resources/basemap/ne-50m.gbbm.

    cd build-aux/basemap && npm ci && cd ../..
    python3 build-aux/make-basemap.py \
        build-aux/basemap/node_modules/world-atlas/countries-50m.json \
        build-aux/basemap/node_modules/i18n-iso-countries \
        resources/basemap/ne-50m.gbbm

The outlines and English country names are public domain (Natural Earth,
via world-atlas 2.0.2, ISC); the country names in other languages come from
i18n-iso-countries 7.14 (MIT; its names are CLDR's). The output is
deterministic: the same input gives the same bytes.

Format "GBBM" version 1, little-endian:

    offset  size  field
    0       4     magic "GBBM"
    4       1     version = 1
    5       1     number of layers (at most 8)
    6       2     reserved, 0
    8       8×4   float64 sx, sy, tx, ty: a grid point (x, y) is at
                  longitude x·sx + tx, latitude y·sy + ty (degrees)
    40      ...   the layers, one after another

    layer header (16 bytes):
            1     kind: 1 land (closed rings, filled even-odd),
                        2 coastline (open lines), 3 country borders (lines)
            3     reserved, 0
            4     uint32 number of parts (rings or lines)
            4     uint32 number of points in all parts
            4     uint32 payload size in bytes
    payload: per part an unsigned LEB128 varint point count (≥ 2), then per
    point two zigzag LEB128 varints, dx and dy, the step from the previous
    point on the grid (the first point of the layer steps from (0, 0); each
    part continues from the last point of the one before).

    Kind 4, place names, came later in version 1 (readers step over kinds
    they don't know, so the version stayed). Its header's "parts" are the
    number of names, its "points" the number of languages; its payload:
            per language: 1 byte length (2 or 3), the tag ("en", "ko", …)
            per name, most important first:
              1     what it names: 1 a country, 2 a capital city
              1     the least zoom level it is shown at
              2     uint16 rank, 0 the most important
              two zigzag LEB128 varints, the name's point on the grid
                    (absolute, not a step)
              per language, in the order above: an unsigned LEB128 varint
                    byte count (0: none in that language), then the name
                    in UTF-8, plain text
    "en" comes first and every name has it. Names are placed at a point
    inside the country's largest piece of land, in the middle of its widest
    row; the rank follows that piece's area and the least zoom is the one
    at which the piece is LABEL_PIXELS wide (but never below 2).

world-atlas keeps rings whole across the antimeridian (d3 draws on the
sphere): Chukotka's coast steps from 179.9° to -180°, and Antarctica's ring
runs once round the pole. On a flat map such steps would be edges across
the whole world, so rings are unwrapped, closed over the pole where they go
round it, and cut into pieces within [-180°, 180°]; lines are broken at
such steps. Coastlines leave out the cuts along the antimeridian and the
edge of Antarctica at the South Pole, which are not coasts.
"""

import json
import math
import struct
import sys

KIND_LAND = 1
KIND_COAST = 2
KIND_BORDERS = 3
KIND_NAMES = 4

NAME_COUNTRY = 1

# The languages names are written in: the app's, English first. The
# interface falls back to English where a language has no name.
LANGUAGES = ("en", "kk", "ko", "ru")
LABEL_PIXELS = 40
MIN_LABEL_ZOOM = 2


def decode_arcs(topology):
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def arc_points(arcs, index):
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def stitch(arcs, ring):
    points = []
    for index in ring:
        part = arc_points(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def unwrap(points):
    """Longitudes made continuous: no step of more than 180°."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    return out


def clip_strip(ring, x0, x1):
    """Sutherland-Hodgman against x >= x0, then x <= x1."""
    for inside, edge in ((lambda p: p[0] >= x0, x0), (lambda p: p[0] <= x1, x1)):
        out = []
        for i, cur in enumerate(ring):
            prev = ring[i - 1]
            if inside(cur) != inside(prev):
                t = (edge - prev[0]) / (cur[0] - prev[0])
                out.append((edge, prev[1] + t * (cur[1] - prev[1])))
            if inside(cur):
                out.append(cur)
        ring = out
        if not ring:
            break
    return ring


def flat_rings(ring):
    """A ring in degrees (first point repeated last) as rings that each lie
    within [-180, 180] and don't wrap: what a flat map can fill."""
    points = unwrap(ring)
    turn = points[-1][0] - points[0][0]
    if abs(turn) > 180:
        # Round the pole: close the ring along the edge of the map there.
        pole = -89.999 if sum(p[1] for p in points) < 0 else 89.999
        points = points + [(points[-1][0], pole), (points[0][0], pole)]
    else:
        points = points[:-1]

    lo = min(p[0] for p in points)
    hi = max(p[0] for p in points)
    pieces = []
    k = math.floor((lo + 180) / 360)
    while -180 + 360 * k < hi:
        piece = clip_strip(points, -180 + 360 * k, 180 + 360 * k)
        if len(piece) >= 3:
            pieces.append([(lon - 360 * k, lat) for lon, lat in piece])
        k += 1
    return pieces


def break_at_steps(points):
    """Lines cut wherever they jump across the antimeridian."""
    lines = [[points[0]]]
    for p in points[1:]:
        if abs(p[0] - lines[-1][-1][0]) > 180:
            lines.append([])
        lines[-1].append(p)
    return [line for line in lines if len(line) >= 2]


def zigzag(v):
    return -2 * v - 1 if v < 0 else 2 * v


def varint(v):
    out = bytearray()
    while True:
        byte = v & 0x7F
        v >>= 7
        if v:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def dedupe(points):
    out = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    return out


def encode_layer(kind, parts):
    payload = bytearray()
    px = py = 0
    n_points = 0
    kept = 0
    for part in parts:
        if len(part) < 2:
            continue
        kept += 1
        payload += varint(len(part))
        for x, y in part:
            payload += varint(zigzag(x - px))
            payload += varint(zigzag(y - py))
            px, py = x, y
        n_points += len(part)
    header = struct.pack("<B3xIII", kind, kept, n_points, len(payload))
    return header + bytes(payload), kept, n_points


def mercator_y(lat):
    lat = max(-84.0, min(84.0, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def latitude_of(y):
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def ring_area(ring):
    """Twice the signed area, in degrees of longitude × Mercator y."""
    return sum(ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1]
               for i in range(len(ring)))


def widest_row(rings, rows=24):
    """The middle of the widest span inside @rings (even-odd) on one of a
    few rows across them, rows near the middle preferred: a point that is
    inside, with room either side for a name."""
    y0 = min(p[1] for r in rings for p in r)
    y1 = max(p[1] for r in rings for p in r)
    best = None
    for k in range(1, rows):
        t = k / rows
        y = y0 + (y1 - y0) * t
        xs = []
        for ring in rings:
            for i in range(len(ring)):
                (ax, ay), (bx, by) = ring[i - 1], ring[i]
                if (ay > y) != (by > y):
                    xs.append(ax + (y - ay) * (bx - ax) / (by - ay))
        xs.sort()
        for a, b in zip(xs[0::2], xs[1::2]):
            score = (b - a) * (1 - abs(t - 0.5))
            if best is None or score > best[0]:
                best = (score, (a + b) / 2, y)
    return best


def local_name(value):
    """i18n-iso-countries gives a name or a list of them, its usual name
    first: that one, without a parenthesis (a map has little room)."""
    if isinstance(value, list):
        value = value[0]
    return value.split(" (")[0].strip()


def country_names(topology, arcs, degrees, grid, i18n_dir):
    """Per country, its label point, least zoom, rank and names."""
    with open(i18n_dir + "/codes.json", encoding="utf-8") as f:
        alpha2 = {numeric: a2 for a2, _a3, numeric, _iso in json.load(f)}
    names = {}
    for lang in LANGUAGES[1:]:
        with open("%s/langs/%s.json" % (i18n_dir, lang), encoding="utf-8") as f:
            names[lang] = json.load(f)["countries"]

    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        best = None
        for polygon in polygons_of(geometry):
            pieces = [[(lon, mercator_y(lat)) for lon, lat in piece]
                      for ring in polygon
                      for piece in flat_rings([degrees(p) for p in stitch(arcs, ring)])]
            if not pieces:
                continue
            outer = max(pieces, key=lambda r: abs(ring_area(r)))
            area = abs(ring_area(outer))
            if best is None or area > best[0]:
                best = (area, [outer] + [r for r in pieces if r is not outer])
        if best is None:
            continue
        row = widest_row(best[1])
        if row is None:
            continue
        width = (max(p[0] for p in best[1][0]) - min(p[0] for p in best[1][0])) / 360 * 256
        zoom = max(MIN_LABEL_ZOOM, math.ceil(math.log2(LABEL_PIXELS / width)))
        point = grid((row[1], latitude_of(row[2])))
        found.append((best[0], geometry["properties"]["name"], geometry.get("id"), point, zoom))

    # Largest first; an id shared by several pieces names the largest only.
    found.sort(key=lambda c: (-c[0], c[1]))
    labels = []
    seen = set()
    for rank, (_area, name, numeric, point, zoom) in enumerate(found):
        local = {"en": name}
        if numeric in alpha2 and numeric not in seen:
            seen.add(numeric)
            for lang in LANGUAGES[1:]:
                if alpha2[numeric] in names[lang]:
                    local[lang] = local_name(names[lang][alpha2[numeric]])
        labels.append((NAME_COUNTRY, min(zoom, 255), min(rank, 0xFFFF), point, local))
    return labels


def encode_names(labels):
    payload = bytearray()
    for lang in LANGUAGES:
        payload += bytes([len(lang)]) + lang.encode("ascii")
    for kind, zoom, rank, (x, y), local in labels:
        payload += struct.pack("<BBH", kind, zoom, rank)
        payload += varint(zigzag(x)) + varint(zigzag(y))
        for lang in LANGUAGES:
            text = local.get(lang, "").encode("utf-8")
            payload += varint(len(text)) + text
    header = struct.pack("<B3xIII", KIND_NAMES, len(labels), len(LANGUAGES), len(payload))
    return header + bytes(payload), len(labels), len(LANGUAGES)


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: make-basemap.py countries-50m.json I18N-ISO-COUNTRIES-DIR OUTPUT.gbbm\n")
        return 2

    with open(argv[1], encoding="utf-8") as f:
        topology = json.load(f)

    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = decode_arcs(topology)

    def degrees(point):
        return (point[0] * sx + tx, point[1] * sy + ty)

    def grid(point):
        return (round((point[0] - tx) / sx), round((point[1] - ty) / sy))

    # Land: every ring of the merged land, flattened (see above). The
    # reader closes rings itself, so the last point doesn't repeat the first.
    land_rings = []
    land_arcs = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons_of(geometry):
            for ring in polygon:
                land_arcs.extend(ring)
                for piece in flat_rings([degrees(p) for p in stitch(arcs, ring)]):
                    points = dedupe([grid(p) for p in piece])
                    if len(points) > 1 and points[0] == points[-1]:
                        points.pop()
                    if len(points) >= 3:
                        land_rings.append(points)

    # Coastlines: the land's arcs, cut wherever a step runs along the
    # antimeridian or below 85° S (the polygon's closing edge, not a coast)
    # or jumps across the antimeridian.
    def artificial(a, b):
        on_antimeridian = abs(abs(a[0]) - 180) < 1e-9 and abs(abs(b[0]) - 180) < 1e-9
        polar = a[1] < -85 and b[1] < -85
        return on_antimeridian or polar or abs(a[0] - b[0]) > 180

    coast_lines = []
    for index in sorted(set(i if i >= 0 else ~i for i in land_arcs)):
        line = []
        for point in dedupe(arcs[index]):
            if line and artificial(degrees(line[-1]), degrees(point)):
                if len(line) >= 2:
                    coast_lines.append(line)
                line = []
            line.append(point)
        if len(line) >= 2:
            coast_lines.append(line)

    # Borders: arcs that two different countries share.
    users = {}
    for n, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(n)
    border_lines = []
    for i in sorted(users):
        if len(users[i]) >= 2:
            for line in break_at_steps([degrees(p) for p in dedupe(arcs[i])]):
                border_lines.append(dedupe([grid(p) for p in line]))

    layers = [
        encode_layer(KIND_LAND, land_rings),
        encode_layer(KIND_COAST, coast_lines),
        encode_layer(KIND_BORDERS, border_lines),
        encode_names(country_names(topology, arcs, degrees, grid, argv[2])),
    ]

    out = bytearray(b"GBBM")
    out += struct.pack("<BBH", 1, len(layers), 0)
    out += struct.pack("<dddd", sx, sy, tx, ty)
    for data, parts, points in layers:
        out += data

    with open(argv[3], "wb") as f:
        f.write(out)

    names = {KIND_LAND: "land rings", KIND_COAST: "coastlines", KIND_BORDERS: "borders",
             KIND_NAMES: "names (parts: names, points: languages)"}
    for (data, parts, points), kind in zip(layers, (KIND_LAND, KIND_COAST, KIND_BORDERS, KIND_NAMES)):
        sys.stderr.write("%s: %d parts, %d points, %d bytes\n" % (names[kind], parts, points, len(data)))
    sys.stderr.write("total %d bytes\n" % len(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
