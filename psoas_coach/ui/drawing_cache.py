"""The exercise drawings on home's program cards, kept as PNGs between runs.

Home's first frame shows a drawing of every exercise. Rendering the seven SVGs (and loading Qt's SVG
module) takes about 5 ms of a start-up that should look as quick as a bare window; reading the same
pixels back from small PNGs takes well under 1 ms. So the first start renders them and, once the window
has painted, writes them to ``<cache>/drawings/``; later starts read them. A file's name carries the
drawing's size and a digest of its SVG, so a new drawing or size is simply another file; the most recently
used ``KEEP`` files are kept. The cache is only ever a shortcut: a file that is missing, damaged, of the
wrong size or too large is rendered again, and a folder that cannot be written is left alone.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap

from psoas_coach.atomic import write_atomic
from psoas_coach.paths import ensure_private_dir
from psoas_coach.resources import exercise_svg, has_exercise_svg

ASPECT = 300 / 400  # height over width of every exercise drawing (view box 0 0 400 300)
KEEP = 48  # files kept: a few window sizes and scales of every drawing
MAX_FILE_BYTES = 2 * 1024 * 1024  # a drawing's PNG is a few kilobytes; anything far larger is not ours


def fitted_rect(width: float, height: float) -> QRectF:
    """The largest 4:3 rectangle centred in a width x height area."""
    w = min(width, height / ASPECT)
    h = w * ASPECT
    return QRectF((width - w) / 2, (height - h) / 2, w, h)


def render_drawing(svg: bytes | None, width: int, height: int, ratio: float) -> QPixmap:
    """The drawing *svg* at 4:3, centred in a width x height pixmap (transparent around it); empty without one."""
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.fill(QColor(0, 0, 0, 0))
    if svg is not None:
        from PySide6.QtSvg import QSvgRenderer  # here: a start with every drawing kept never loads it

        renderer = QSvgRenderer(QByteArray(svg))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(ratio, ratio)
        renderer.render(painter, fitted_rect(width, height))
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class DrawingCache:
    """Exercise drawings by size, from memory, from ``folder`` (None: no files) or rendered."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._pixmaps: dict[tuple[str, int, int, float], QPixmap] = {}
        self._unsaved: dict[Path, QPixmap] = {}  # rendered this run: written by save()
        self._used: set[Path] = set()  # read from the folder this run: kept by save()
        self.rendered = 0  # drawings rendered from their SVG this run (the rest came from memory or files)

    def pixmap(self, exercise_id: str, width: int, height: int, ratio: float) -> QPixmap:
        key = (exercise_id, width, height, ratio)
        if key not in self._pixmaps:
            self._pixmaps[key] = self._load_or_render(exercise_id, width, height, ratio)
        return self._pixmaps[key]

    def _load_or_render(self, exercise_id: str, width: int, height: int, ratio: float) -> QPixmap:
        svg = exercise_svg(exercise_id) if has_exercise_svg(exercise_id) else None
        path = self._file(exercise_id, svg, width, height, ratio)
        if path is not None:
            kept = _read_png(path, round(width * ratio), round(height * ratio))
            if kept is not None:
                kept.setDevicePixelRatio(ratio)
                self._used.add(path)
                return kept
        self.rendered += 1
        pixmap = render_drawing(svg, width, height, ratio)
        if path is not None:
            self._unsaved[path] = pixmap
        return pixmap

    def _file(self, exercise_id: str, svg: bytes | None, width: int, height: int, ratio: float) -> Path | None:
        if self.folder is None or width <= 0 or height <= 0:
            return None
        digest = f"{zlib.crc32(svg or b''):08x}{len(svg or b''):x}"  # zlib is loaded already; hashlib is not
        return self.folder / f"{exercise_id}-{width}x{height}-{round(ratio * 100)}-{digest}.png"  # ratio in hundredths

    def save(self) -> int:
        """Write the drawings rendered this run and keep the most recently used files (a start-up step after
        the first paint). Returns how many were written; a folder that cannot be written changes nothing."""
        if self.folder is None:
            return 0
        written = 0
        try:
            ensure_private_dir(self.folder)
            for path, pixmap in list(self._unsaved.items()):
                data = _png_bytes(pixmap)
                if data:
                    write_atomic(path, data, durable=False)
                    written += 1
                del self._unsaved[path]
            for path in self._used:
                os.utime(path)  # used: among the last to go
            self._prune()
        except OSError:
            pass  # the cache is a shortcut only: the drawings are rendered again next time
        return written

    def _prune(self) -> None:
        assert self.folder is not None
        files = [entry for entry in os.scandir(self.folder) if entry.name.endswith(".png") and entry.is_file(follow_symlinks=False)]
        files.sort(key=lambda entry: entry.stat(follow_symlinks=False).st_mtime, reverse=True)
        for entry in files[KEEP:]:
            os.unlink(entry.path)


def _read_png(path: Path, width: int, height: int) -> QPixmap | None:
    """The PNG at *path* if it is a plain file of a sane size holding a width x height image, else None."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not (0 < info.st_size <= MAX_FILE_BYTES) or (info.st_mode & 0o170000) != 0o100000:
        return None
    pixmap = QPixmap()
    if not pixmap.load(str(path)) or pixmap.width() != width or pixmap.height() != height:
        return None
    return pixmap


def _png_bytes(pixmap: QPixmap) -> bytes:
    from PySide6.QtCore import QBuffer  # here: only a start that rendered a drawing writes one

    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(buffer.data().data())
