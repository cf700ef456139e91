"""Screenshots as small PNG files that look the same as Qt's own (used by scripts/screenshots.py).

A window of flat colours has a few hundred to two thousand colours, nearly all of them anti-aliased edges,
so libimagequant (the imagequant package) gives each picture a palette of at most 256 colours, without
dithering, and Qt writes it as a palette PNG at zlib's hardest level: about a third of the size of Qt's
true-colour PNG. A picture that a palette would change visibly (below MIN_QUALITY on libimagequant's 0-100
scale) is kept in true colour, only compressed harder. imagequant is in the test extra
(tests/scripts/test_small_png.py checks this module).
"""

from __future__ import annotations

from pathlib import Path

import imagequant
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, qRgb

MIN_QUALITY = 90  # libimagequant's score of the palette picture against the original (100: identical)
HARDEST = 0  # QImageWriter's PNG "quality" 0: zlib's level 9 (lossless either way)


def png(image: QImage, quality: int = -1) -> bytes:
    """*image* encoded by Qt as a PNG (a palette one for an indexed image); -1 is Qt's default level."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG", quality):
        raise ValueError("Qt could not encode the picture as PNG")
    buffer.close()
    return bytes(data.data())


def with_palette(image: QImage) -> QImage | None:
    """*image* (opaque, as a window is) in at most 256 colours, or None when no palette scores MIN_QUALITY."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)  # 4 bytes a pixel: no padding at a line's end
    width, height = rgba.width(), rgba.height()
    try:
        indices, palette = imagequant.quantize_raw_rgba_bytes(
            bytes(rgba.constBits()), width, height, dithering_level=0.0, min_quality=MIN_QUALITY, max_quality=100)
    except RuntimeError:  # libimagequant's "Quality too low": a palette would show
        return None
    indexed = QImage(indices, width, height, width, QImage.Format.Format_Indexed8).copy()  # owns its bytes
    indexed.setColorTable([qRgb(*palette[i:i + 3]) for i in range(0, len(palette), 4)])
    return indexed


def small_png(image: QImage) -> bytes:
    """*image* as a palette PNG of at most 256 colours, or a harder-compressed true-colour one."""
    indexed = with_palette(image)
    return png(indexed if indexed is not None else image, HARDEST)


def save_small_png(image: QImage, path: Path) -> None:
    path.write_bytes(small_png(image))
