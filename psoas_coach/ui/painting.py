"""Painting for widgets in home's first frame: filled and edged shapes and coloured text, from theme colours.

PySide6 builds every enum type of its ``Qt`` namespace (93 of them, about 15 ms) the first time an
overloaded call has to check whether an argument could be a ``Qt`` enum; ``QPainter.setPen``,
``setBrush`` and ``fillRect``, ``QBrush(QColor)``, ``QPen(QColor)`` and ``QColor(QColor)`` all do. The
bare window never pays that, so these helpers call only functions without such overloads: shapes are
filled paths (an edge is the ring between two paths, as a pen of that width would stroke it). Text is drawn
in the pen a painter begins with on a widget, its palette's foreground (``keep_text_colour``), and text of
another colour through a mask filled with it: not through the style's drawItemText, since naming QStyle
builds its enum types too (about 5 ms). ``tests/ui/test_qt_values.py`` fails if the first frame builds
the namespace; later frames may use anything.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

TEXT_ROLE = QPalette.ColorRole.WindowText  # the role of the palettes that make solid brushes


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


@cache
def _name(colour: str) -> str:
    return QColor(colour).name()


def keep_text_colour(widget: QWidget, colour: str) -> None:
    """Make *colour* the pen every QPainter on *widget* begins with (its palette's foreground role), so that
    ``draw_text`` in that colour is a plain drawText. Nothing happens when it already is."""
    palette = widget.palette()
    role = widget.foregroundRole()
    if palette.color(role).name() != _name(colour):
        palette.setColor(role, QColor(colour))
        widget.setPalette(palette)


def draw_text(painter: QPainter, rect: QRect | QRectF, flags: int, text: str, colour: str) -> None:
    """*text* in *colour* within *rect*, aligned and wrapped by *flags* (values from ``ui.qt_values``): drawn
    directly in the painter's pen when that is *colour* (see keep_text_colour), else through a mask."""
    area = rect.toRect() if isinstance(rect, QRectF) else rect
    if painter.pen().color().name() == _name(colour):
        painter.drawText(area, flags, text)
        return
    if area.width() <= 0 or area.height() <= 0:
        return
    ratio = painter.device().devicePixelRatioF()
    mask = QPixmap(round(area.width() * ratio), round(area.height() * ratio))
    mask.setDevicePixelRatio(ratio)
    mask.fill(QColor(0, 0, 0, 0))
    inner = QPainter(mask)
    inner.setFont(painter.font())
    inner.drawText(QRect(0, 0, area.width(), area.height()), flags, text)
    inner.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)  # the glyphs take the colour
    whole = QPainterPath()
    whole.addRect(QRectF(0, 0, area.width(), area.height()))
    inner.fillPath(whole, solid(colour))
    inner.end()
    painter.drawPixmap(area, mask)
