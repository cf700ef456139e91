"""Where the keyboard is inside scroll areas: the focused control's rectangle (an item view's current item, a
tab bar's current tab), the part of it that can be seen, and scrolling it into view.

The focus ring (widgets.focus_ring) draws around the part that can be seen, never around a whole scroll area
or over what lies outside it; Tab (main_window) and a new current item (the ring) scroll it into view. A
``ScrollArea`` does not centre a control taller than itself on Tab, as Qt's does (that cut home's top off).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QScrollArea,
    QTabBar,
    QTableView,
    QWidget,
)

from psoas_coach.ui.qt_values import NO_FOCUS
from psoas_coach.ui.theme import Space, px


class ScrollArea(QScrollArea):
    """A frameless scroll area that takes no focus itself (the controls in it do) and whose content follows
    its width; Tab inside it leaves the scrolling to ``reveal``."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setProperty("focusPolicy", NO_FOCUS)  # by number: home has one before its first frame (qt_values)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        return QWidget.focusNextPrevChild(self, next)  # Qt's own would centre a tall control: main_window reveals


def scroll_key(area: QAbstractScrollArea, event: QKeyEvent) -> bool:
    """Up, Down, Page Up and Page Down scroll *area*: for a screen whose text takes no focus (the briefing, the
    safety note), so it scrolls from the keyboard too. True when the key was one of them."""
    from PySide6.QtCore import Qt  # here, not at the top: home imports this module before its first paint

    steps = {Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
             Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
             Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
             Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd}
    step = steps.get(Qt.Key(event.key()))
    if step is None or event.modifiers() != Qt.KeyboardModifier.NoModifier:
        return False
    area.verticalScrollBar().triggerAction(step)
    return True


def scroll_areas_around(widget: QWidget) -> Iterator[QAbstractScrollArea]:
    """The scroll areas *widget* lies in, innermost first (not *widget* itself)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            yield parent
        parent = parent.parentWidget()


def focus_rect(widget: QWidget) -> QRect:
    """The part of *widget* the keyboard is on, in its own coordinates: an item view's current item (a whole
    row when a table selects rows), a tab bar's current tab, or else the whole widget."""
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        if index.isValid():
            rect = widget.visualRect(index)
            model = widget.model()
            if (isinstance(widget, QTableView) and model is not None
                    and widget.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows):
                first = model.index(index.row(), 0, index.parent())
                last = model.index(index.row(), model.columnCount(index.parent()) - 1, index.parent())
                rect = widget.visualRect(first).united(widget.visualRect(last))
            if rect.isValid():
                return QRect(widget.viewport().mapTo(widget, rect.topLeft()), rect.size())
    elif isinstance(widget, QTabBar) and widget.currentIndex() >= 0:
        return widget.tabRect(widget.currentIndex())
    return widget.rect()


def visible_area(widget: QWidget, rect: QRect) -> QRect:
    """The part of the window in which *rect* (in *widget*'s coordinates) can be seen: inside the viewport of
    every scroll area around it (and of *widget* itself, for an item inside an item view), in window coordinates."""
    window = widget.window()
    clip = window.rect()
    views: list[QAbstractScrollArea] = list(scroll_areas_around(widget))
    if isinstance(widget, QAbstractScrollArea) and rect != widget.rect():
        views.insert(0, widget)
    for view in views:
        viewport = view.viewport()
        clip = clip.intersected(QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size()))
    return clip


def reveal(widget: QWidget, rect: QRect | None = None) -> None:
    """Scroll every scroll area around *widget*, innermost first, just enough to show *rect* (default: its
    focus_rect) with a little room around it; a rectangle taller or wider than the area shows its start."""
    rect = focus_rect(widget) if rect is None else rect
    room = px(widget, Space.M)
    for area in scroll_areas_around(widget):
        inner = area.widget() if isinstance(area, QScrollArea) else None
        if inner is None:
            continue  # an item view scrolls to its own current item
        wanted = QRect(widget.mapTo(inner, rect.topLeft()), rect.size()).adjusted(-room, -room, room, room)
        viewport = area.viewport()
        seen = QRect(-inner.x(), -inner.y(), viewport.width(), viewport.height())
        for bar, start, end, seen_start, seen_end, length in (
            (area.verticalScrollBar(), wanted.top(), wanted.bottom(), seen.top(), seen.bottom(), seen.height()),
            (area.horizontalScrollBar(), wanted.left(), wanted.right(), seen.left(), seen.right(), seen.width()),
        ):
            if end - start + 1 > length or start < seen_start:
                bar.setValue(start)
            elif end > seen_end:
                bar.setValue(end - length + 1)
