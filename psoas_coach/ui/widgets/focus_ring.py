"""A clearly visible keyboard focus ring, drawn the same way on every widget, style and theme.

One transparent overlay per window follows the focused control and strokes the theme's ``focus`` colour
around it (the phase's accent inside a session), 3 px wide at scale 1 and 3:1 against everything it sits on.
Qt's own styles draw focus faintly or not at all (Fusion's buttons, item views), which is why it is ours.
In an item view it rings the current item, in a painted widget with parts its current part (the calendar's
chosen day), and inside a scroll area only what can be seen (widgets.scrolling):
never a whole scroll area, nor over the controls outside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.ui.painting import edge_rounded
from psoas_coach.ui.qt_values import NO_FOCUS
from psoas_coach.ui.theme import FOCUS_WIDTH, PhaseColour, Radius, current_theme, phase_of, px
from psoas_coach.ui.widgets.scrolling import focus_part, focus_rect, reveal, visible_area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

WATCHED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
NO_RING = "psoas_no_focus_ring"  # a property of whole screens that take keys: no ring around all of the window


def rings(widget: QWidget) -> bool:
    """False for a widget that has the keyboard without being a control: a screen that takes its keys as a whole
    (NO_RING), or a page Qt gave the focus to because it switched to it (a stack's page)."""
    parent = widget.parentWidget()
    return not widget.property(NO_RING) and not (parent is not None and parent.inherits("QStackedWidget"))


class FocusRing(QWidget):
    """Sits on top of *window*; shows a ring around whichever of its controls has the keyboard."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus-ring")
        self.setProperty("focusPolicy", NO_FOCUS)  # by number: built before home's first frame (qt_values)
        self.target: QWidget | None = None
        self.watched: list[QWidget] = []  # the target and its parents: a move of any moves the ring
        self.view: QAbstractItemView | None = None  # the target when it is an item view: its current item is ringed
        self._current: QModelIndex | None = None  # the view's current item when the ring last followed it
        self._part: QRect | None = None  # the target's focus_part (scrolling) when the ring last followed it
        self._outside = QRect()
        self._width = FOCUS_WIDTH
        self._placed: tuple[QRect, QRect, QRect] | None = None
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
        self._watch_view(None)
        self.watched = []
        self.target = new if new is not None and new.window() is self.window() else None
        current: QWidget | None = self.target
        while current is not None and current is not self.window():
            current.installEventFilter(self)
            self.watched.append(current)
            current = current.parentWidget()
        if self.target is not None and self.target.inherits("QAbstractItemView"):  # by name: see widgets.scrolling
            self._watch_view(cast("QAbstractItemView", self.target))
        self._part = focus_part(self.target) if self.target is not None else None
        self.follow()

    def _watch_view(self, view: QAbstractItemView | None) -> None:
        """Watch *view*'s viewport (and stop watching the last one's): a new current item, a scroll or items laid
        out again all repaint it. (Not its scroll bars' or selection's signals: reaching those in home's first
        frame builds their enum types, ui/qt_values.)"""
        old, self.view = self.view, view
        if old is not None:
            try:
                old.viewport().removeEventFilter(self)
            except RuntimeError:  # deleted meanwhile
                pass
        self._current = view.currentIndex() if view is not None else None
        if view is not None:
            view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if (kind in WATCHED and watched in self.watched) or (kind == QEvent.Type.Paint and (
                (self.view is not None and watched is self.view.viewport()) or (watched is self.target and self._part is not None))):
            self.follow()  # a paint of a widget with a current part (an item, a chosen day) may mean it moved
        return False

    def follow(self) -> None:
        """Move over the focused control (or hide when none of this window's controls has the keyboard, or when
        all of it is scrolled out of sight)."""
        target = self.target
        if target is None or not target.isVisible() or not rings(target):
            self._hide()
            return
        if self.view is not None and self.view.currentIndex() != self._current:
            self._current = self.view.currentIndex()  # a new current item (arrow keys, a click): into view in the
            if self.view.hasFocus():  # scroll areas around the view (home's cards in a short window)
                reveal(self.view)
        part = focus_part(target)
        if part is not None and part != self._part:
            self._part = part  # a new current part (the calendar's chosen day): into view too
            if target.hasFocus():
                reveal(target)
        window = self.window()
        rect = focus_rect(target)
        inner = QRect(target.mapTo(window, rect.topLeft()), rect.size())
        clip = visible_area(target, rect)
        if inner.intersected(clip).isEmpty():
            self._hide()
            return
        width = px(target, FOCUS_WIDTH)
        margin = width + 1
        outside = inner.adjusted(-margin, -margin, margin, margin)
        # the ring stands out of a scroll area by its width where the control is whole, and stops at its edge
        # where the control is cut off by it
        bounds = QRect(QPoint(clip.left() - margin if inner.left() >= clip.left() else clip.left(),
                              clip.top() - margin if inner.top() >= clip.top() else clip.top()),
                       QPoint(clip.right() + margin if inner.right() <= clip.right() else clip.right(),
                              clip.bottom() + margin if inner.bottom() <= clip.bottom() else clip.bottom()))
        area = outside.intersected(bounds).intersected(window.rect())
        placed = (area, outside, inner)
        if placed == self._placed and self.isVisible():
            return  # nothing moved (the view's viewport repaints often)
        self._placed = placed
        self._width = width
        self.setGeometry(area)
        self._outside = outside  # the ring's own rectangle, possibly cut by the window's or a scroll area's edge
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inner.translated(-area.topLeft()))))
        self.show()
        self.raise_()
        self.update()

    def _hide(self) -> None:
        self._placed = None
        self.hide()

    def colour(self) -> str:
        theme = current_theme(self)
        phase = phase_of(self.target) if self.target is not None else PhaseColour.NEUTRAL
        return theme.focus if phase is PhaseColour.NEUTRAL else theme.phases[phase].accent

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QRectF(self._outside.translated(-self.geometry().topLeft()))
        radius = Radius.CHIP * self._width / FOCUS_WIDTH
        edge_rounded(painter, ring, radius, self.colour(), self._width)  # in home's first frame (ui.painting)
        painter.end()
