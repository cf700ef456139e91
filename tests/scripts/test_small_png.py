"""scripts/small_png.py: a screenshot's palette PNG is much smaller and looks the same; a picture that a
palette would change stays true colour, pixel for pixel."""

from __future__ import annotations

import importlib.util
import random
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "small_png.py"


@pytest.fixture(scope="module")
def small_png() -> ModuleType:
    spec = importlib.util.spec_from_file_location("small_png", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def a_session_screen() -> QImage:
    """Flat phase colour, an anti-aliased ring and large and small text, as the session screens have."""
    image = QImage(683, 384, QImage.Format.Format_RGB32)
    image.fill(QColor("#0A4F8A"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#F7F8FA"))
    painter.drawRoundedRect(QRectF(380, 80, 250, 190), 12, 12)
    painter.setPen(QColor("white"))
    painter.drawEllipse(QRectF(60, 60, 260, 260))
    for size, text, y in ((120, "4", 240), (22, "hold", 290), (14, "Stop before your pelvis tilts.", 360)):
        font = QFont()
        font.setPixelSize(size)
        painter.setFont(font)
        painter.drawText(150 if size > 20 else 230, y, text)
    painter.end()
    return image


def read(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "PNG")
    return image


def differences(first: QImage, second: QImage) -> Counter[int]:
    """How many pixels differ by how much (the largest of their red, green and blue differences)."""
    a = bytes(first.convertToFormat(QImage.Format.Format_RGBA8888).constBits())
    b = bytes(second.convertToFormat(QImage.Format.Format_RGBA8888).constBits())
    assert len(a) == len(b)
    return Counter(max(abs(a[i] - b[i]), abs(a[i + 1] - b[i + 1]), abs(a[i + 2] - b[i + 2]))
                   for i in range(0, len(a), 4))


def test_a_screen_becomes_a_palette_png_that_looks_the_same(qapp: QApplication, small_png: ModuleType) -> None:
    image = a_session_screen()
    original, small = small_png.png(image), small_png.small_png(image)
    assert read(small).format() is QImage.Format.Format_Indexed8  # a palette of at most 256 colours
    assert read(small).colorCount() <= 256
    assert len(small) < len(original) / 2
    counts = differences(read(original), read(small))
    total = sum(counts.values())
    assert sum(n for level, n in counts.items() if level > 8) / total < 0.001  # under 1 pixel in 1,000 moves by 8+
    assert max(counts) <= 48  # and none by much


def test_a_picture_a_palette_would_spoil_stays_true_colour(qapp: QApplication, small_png: ModuleType) -> None:
    noise = random.Random(7)
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    for x in range(64):
        for y in range(64):
            image.setPixelColor(x, y, QColor(noise.randrange(256), noise.randrange(256), noise.randrange(256)))
    kept = read(small_png.small_png(image))
    assert kept.format() is not QImage.Format.Format_Indexed8
    assert set(differences(image, kept)) == {0}  # not one pixel changed


def test_the_file_is_written(qapp: QApplication, small_png: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "hold-light.png"
    small_png.save_small_png(a_session_screen(), path)
    assert read(path.read_bytes()).size().toTuple() == (683, 384)
