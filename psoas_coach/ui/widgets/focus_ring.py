"""A clearly visible keyboard focus ring, drawn the same way on every widget, style and theme.

One transparent overlay per window follows the focused widget and strokes the theme's ``focus`` colour
around it (the phase's accent inside a session), 3 px wide and 3:1 against everything it sits on. Qt's
own styles draw focus faintly or not at all (Fusion's buttons, item views), which is why it is ours.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.ui.painting import edge_rounded
from psoas_coach.ui.qt_values import NO_FOCUS
from psoas_coach.ui.theme import FOCUS_WIDTH, PhaseColour, Radius, current_theme, phase_of

WATCHED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
NO_RING = "psoas_no_focus_ring"  # a property of whole screens that take keys: no ring around all of the window


class FocusRing(QWidget):
    """Sits on top of *window*; shows a ring around whichever of its widgets has the keyboard."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus-ring")
        self.setProperty("focusPolicy", NO_FOCUS)  # by number: built before home's first frame (qt_values)
        self.target: QWidget | None = None
        self.watched: list[QWidget] = []  # the target and its parents: a move of any moves the ring
        self._outside = QRect()
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self.watched:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # deleted meanwhile
                pass
        self.watched = []
        self.target = new if new is not None and new.window() is self.window() else None
        current: QWidget | None = self.target
        while current is not None and current is not self.window():
            current.installEventFilter(self)
            self.watched.append(current)
            current = current.parentWidget()
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in WATCHED and watched in self.watched:
            self.follow()
        return False

    def follow(self) -> None:
        """Move over the focused widget (or hide when none of this window's widgets has the keyboard)."""
        target = self.target
        if target is None or not target.isVisible() or target.property(NO_RING):
            self.hide()
            return
        margin = FOCUS_WIDTH + 1
        top_left = target.mapTo(self.window(), target.rect().topLeft())
        area = QRect(top_left, target.size()).adjusted(-margin, -margin, margin, margin)
        self.setGeometry(area.intersected(self.window().rect()))
        self._outside = area  # the ring's own rectangle, possibly cut by the window's edge
        inner = QRect(target.mapTo(self.window(), target.rect().topLeft()), target.size()).translated(-self.pos())
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inner)))  # only the ring: clicks inside reach the widget
        self.show()
        self.raise_()
        self.update()

    def colour(self) -> str:
        theme = current_theme(self)
        phase = phase_of(self.target) if self.target is not None else PhaseColour.NEUTRAL
        return theme.focus if phase is PhaseColour.NEUTRAL else theme.phases[phase].accent

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QRectF(self._outside.translated(-self.geometry().topLeft()))
        edge_rounded(painter, ring, Radius.CHIP, self.colour(), FOCUS_WIDTH)  # in home's first frame (ui.painting)
        painter.end()
