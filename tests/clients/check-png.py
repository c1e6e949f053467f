#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The map image export read as a PNG by a decoder of its own (zlib and the filters of the PNG
# specification, no GTK or cairo): a valid PNG of 1600×1000, a map rather than a uniform fill,
# and the basemap's attribution drawn in its bottom right corner.
#
# Usage: check-png.py SOURCE_ROOT   (GB_BINARY from the environment)

import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clients  # noqa: E402

checks = clients.Checks()

SIGNATURE = b'\x89PNG\r\n\x1a\n'
CHANNELS = {2: 3, 6: 4}   # colour type → samples a pixel: RGB, RGBA


def chunks(data):
    at = len(SIGNATURE)
    while at + 8 <= len(data):
        length, kind = struct.unpack('>I4s', data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        crc, = struct.unpack('>I', data[at + 8 + length:at + 12 + length])
        if zlib.crc32(kind + body) != crc:
            sys.exit(f'PNG chunk {kind!r}: bad CRC')
        yield kind, body
        at += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(kind, line, prior, bpp):
    out = bytearray(line)
    for i in range(len(out)):
        a = out[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        if kind == 1:
            out[i] = (out[i] + a) & 0xff
        elif kind == 2:
            out[i] = (out[i] + b) & 0xff
        elif kind == 3:
            out[i] = (out[i] + ((a + b) >> 1)) & 0xff
        elif kind == 4:
            out[i] = (out[i] + paeth(a, b, c)) & 0xff
    return out


def read_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    with open(path, 'rb') as f:
        data = f.read()
    if not data.startswith(SIGNATURE):
        sys.exit(f'{path}: no PNG signature')
    found = list(chunks(data))
    if not found or found[0][0] != b'IHDR' or found[-1][0] != b'IEND':
        sys.exit(f'{path}: chunks not IHDR … IEND')
    width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', found[0][1])
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        sys.exit(f'{path}: depth {depth}, colour type {colour}, interlace {interlace}: '
                 'not what cairo writes')
    bpp = CHANNELS[colour]
    raw = zlib.decompress(b''.join(body for kind, body in found if kind == b'IDAT'))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        sys.exit(f'{path}: {len(raw)} bytes of image data for {width}×{height}')
    rows, prior = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        prior = unfilter(raw[start], raw[start + 1:start + 1 + stride], prior, bpp)
        rows.append([tuple(prior[x:x + 3]) for x in range(0, stride, bpp)])
    return width, height, rows


def dark_pixels(rows, x0, x1, y0, y1):
    """Pixels of text ink (every channel below 100) in [x0, x1) × [y0, y1)."""
    return sum(1 for row in rows[y0:y1] for pixel in row[x0:x1] if max(pixel) < 100)


path, notes = clients.export('png')
width, height, rows = read_png(path)
checks.expect((width, height) == (1600, 1000), f'a PNG of 1600×1000 (got {width}×{height})')

colours = {pixel for row in rows[::10] for pixel in row[::10]}
checks.expect(len(colours) > 20, f'not uniform: {len(colours)} colours in a sample of the pixels')
checks.expect(dark_pixels(rows, 0, width, 0, height) > 1000, 'names drawn in dark ink')

# The attribution sits in a pale box in the bottom right corner, drawn last over the map: text
# there, and more of it than in the same strip at the bottom left, where the map alone is.
strip = (height - 40, height)
right = dark_pixels(rows, width - 400, width, *strip)
left = dark_pixels(rows, 0, 400, *strip)
checks.expect(right > 300 and right > 4 * left,
              f'the attribution drawn bottom right ({right} ink pixels there, {left} bottom left)')
checks.expect('left out' in notes, 'what the image leaves out is said on standard error')

checks.finish()
