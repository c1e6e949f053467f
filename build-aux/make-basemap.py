#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts Natural Earth outlines (world-atlas TopoJSON) into the app's
compact basemap file, resources/basemap/ne-50m.gbbm.

    cd build-aux/basemap && npm ci && cd ../..
    python3 build-aux/make-basemap.py \
        build-aux/basemap/node_modules/world-atlas/countries-50m.json \
        resources/basemap/ne-50m.gbbm

The data are public domain (Natural Earth, via world-atlas 2.0.2, ISC).
The output is deterministic: the same input gives the same bytes.

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


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: make-basemap.py countries-50m.json OUTPUT.gbbm\n")
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
    ]

    out = bytearray(b"GBBM")
    out += struct.pack("<BBH", 1, len(layers), 0)
    out += struct.pack("<dddd", sx, sy, tx, ty)
    for data, parts, points in layers:
        out += data

    with open(argv[2], "wb") as f:
        f.write(out)

    names = {KIND_LAND: "land rings", KIND_COAST: "coastlines", KIND_BORDERS: "borders"}
    for (data, parts, points), kind in zip(layers, (KIND_LAND, KIND_COAST, KIND_BORDERS)):
        sys.stderr.write("%s: %d parts, %d points, %d bytes\n" % (names[kind], parts, points, len(data)))
    sys.stderr.write("total %d bytes\n" % len(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
