"""A card: the one grouped surface of the design system (rounded, the theme's card colour, a hairline edge).

It paints itself from the theme's tokens (no style sheet), on the neutral window or on a phase colour, so
programs, exercises, results, banners and the safety points all look alike on every screen and theme.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from psoas_coach.ui.focus_handover import HandsFocusOn
from psoas_coach.ui.painting import edge_rounded, fill_rounded
from psoas_coach.ui.theme import Radius, Space, Surface, current_theme, phase_of, px, scale_of, surface


def paint_surface(painter: QPainter, rect: QRectF, colours: Surface, radius: float, edge_width: float = 1.0) -> None:
    """A rounded rectangle filled and edged in *colours* (the edge drawn inside *rect*). Painted with
    ``ui.painting``: program cards are in home's first frame."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    inset = edge_width / 2
    fill_rounded(painter, rect.adjusted(inset, inset, -inset, -inset), radius, colours.fill)
    edge_rounded(painter, rect, radius, colours.edge, edge_width)


class Card(HandsFocusOn, QFrame):
    """A rounded surface whose children read in its text colour, top down from its top edge (*row*: left to
    right). Hidden while a button in it has the focus (a banner answered), it hands the focus on
    (ui.focus_handover)."""

    def __init__(self, parent: QWidget | None = None, *, row: bool = False, name: str = "",
                 padding: int = Space.M, emphasis: bool = False) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.emphasis = emphasis  # a thicker edge: the card that matters most on its screen
        self.box: QBoxLayout = QHBoxLayout(self) if row else QVBoxLayout(self)
        self.box.setContentsMargins(padding, padding, padding, padding)
        self.box.setSpacing(Space.S)
        if not row:
            # a card stretched to its row's height (a grid of cards) keeps its children at its top, the room
            # left over below them: spread out, the titles of one row stood at different heights
            self.box.addStretch(1)
        self._trailing = 0 if row else 1  # the items kept after what ``add`` adds
        self._painted_text = ""

    def colours(self) -> Surface:
        return surface(current_theme(self), phase_of(self))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        colours = self.colours()
        if colours.text != self._painted_text:  # the children's text follows the card, not the window
            self._painted_text = colours.text
            palette = self.palette()  # a copy
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                palette.setColor(role, QColor(colours.text))
            self.setPalette(palette)
        painter = QPainter(self)
        edge = (3.0 if self.emphasis else 1.0) * scale_of(self)
        paint_surface(painter, QRectF(self.rect()), colours, px(self, Radius.CARD), edge)
        painter.end()

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        """*widget* after the card's other children (above the room left over in a column card)."""
        self.box.insertWidget(self.box.count() - self._trailing, widget, stretch)
        return widget
