"""Draw the home-screen icons (docs/images/icons/*.png) the web app manifest names:
a white tick on the handbook's teal, with nothing but the standard library.

    python scripts/make_icons.py

"any" icons are a rounded square; the maskable one fills its square, with the tick
inside the middle 80 % that every launcher's mask keeps.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

TEAL, WHITE = (0x00, 0x69, 0x5C), (0xFF, 0xFF, 0xFF)
OUT = Path(__file__).resolve().parent.parent / "docs" / "images" / "icons"
SAMPLES = 4  # per axis: edges are averaged over 16 points a pixel
TICK = ((0.28, 0.52), (0.44, 0.68), (0.74, 0.34))  # the tick's corners, as fractions of the glyph box
STROKE = 0.09


def _segment_distance(px: float, py: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def _inside_rounded(x: float, y: float, radius: float) -> bool:
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def draw(size: int, maskable: bool) -> bytes:
    glyph = 0.8 if maskable else 1.0  # the tick's box, inside the safe zone when maskable
    offset = (1 - glyph) / 2
    rows = []
    for row in range(size):
        line = bytearray([0])  # PNG filter: none
        for column in range(size):
            cover = background = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (column + (sx + 0.5) / SAMPLES) / size
                    y = (row + (sy + 0.5) / SAMPLES) / size
                    if not maskable and not _inside_rounded(x, y, 0.2):
                        continue
                    background += 1
                    gx, gy = (x - offset) / glyph, (y - offset) / glyph
                    if min(_segment_distance(gx, gy, TICK[i], TICK[i + 1]) for i in range(2)) <= STROKE / 2:
                        cover += 1
            total = SAMPLES * SAMPLES
            colour = [round((t * (background - cover) + w * cover) / max(background, 1))
                      for t, w in zip(TEAL, WHITE, strict=True)]
            line += bytes([*colour, round(255 * background / total)])
        rows.append(bytes(line))
    return _png(size, b"".join(rows))


def _png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in (("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                 ("icon-maskable-512.png", 512, True)):
        (OUT / name).write_bytes(draw(size, maskable))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
