"""Painting for widgets in home's first frame: filled and edged shapes and coloured text, from theme colours.

PySide6 builds every enum type of its ``Qt`` namespace (93 of them, about 15 ms) the first time an
overloaded call has to check whether an argument could be a ``Qt`` enum; ``QPainter.setPen``,
``setBrush`` and ``fillRect``, ``QBrush(QColor)``, ``QPen(QColor)`` and ``QColor(QColor)`` all do. The
bare window never pays that, so these helpers call only functions without such overloads: shapes are
filled paths (an edge is the ring between two paths, as a pen of that width would stroke it) and text is
drawn by the style in a palette colour. ``tests/ui/test_qt_values.py`` fails if the first frame builds
the namespace; later frames may use anything.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QApplication

TEXT_ROLE = QPalette.ColorRole.WindowText


@cache
def _palette(colour: str) -> QPalette:
    palette = QPalette()
    palette.setColor(TEXT_ROLE, QColor(colour))
    return palette


def solid(colour: str) -> QBrush:
    """A solid brush of *colour* (a theme token such as ``"#1e6b52"``), made without ``QBrush(QColor)``."""
    return _palette(colour).brush(TEXT_ROLE)


def _rounded(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    radius = max(0.0, radius)
    path.addRoundedRect(rect, radius, radius)
    return path


def _ellipse(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(rect)
    return path


def fill_rounded(painter: QPainter, rect: QRectF, radius: float, colour: str) -> None:
    painter.fillPath(_rounded(rect, radius), solid(colour))


def edge_rounded(painter: QPainter, rect: QRectF, radius: float, colour: str, width: float) -> None:
    """An edge *width* wide inside *rect*: what a pen of that width draws along *rect* inset by half of it,
    with *radius* at the pen's centre line."""
    half = width / 2
    ring = _rounded(rect, radius + half)
    ring.addPath(_rounded(rect.adjusted(width, width, -width, -width), radius - half))  # odd-even: a hole
    painter.fillPath(ring, solid(colour))


def fill_ellipse(painter: QPainter, rect: QRectF, colour: str) -> None:
    painter.fillPath(_ellipse(rect), solid(colour))


def edge_ellipse(painter: QPainter, rect: QRectF, colour: str, width: float) -> None:
    """A ring *width* wide centred on the ellipse in *rect* (as a pen of that width strokes it)."""
    half = width / 2
    ring = _ellipse(rect.adjusted(-half, -half, half, half))
    ring.addPath(_ellipse(rect.adjusted(half, half, -half, -half)))
    painter.fillPath(ring, solid(colour))


def draw_text(painter: QPainter, rect: QRect | QRectF, flags: int, text: str, colour: str) -> None:
    """*text* in *colour* within *rect*, aligned and wrapped by *flags* (values from ``ui.qt_values``)."""
    area = rect.toRect() if isinstance(rect, QRectF) else rect
    QApplication.style().drawItemText(painter, area, flags, _palette(colour), True, text, TEXT_ROLE)
