"""Where the keyboard is inside scroll areas: the focused control's rectangle (an item view's current item, a
tab bar's current tab), the part of it that can be seen, and scrolling it into view.

The focus ring (widgets.focus_ring) draws around the part that can be seen, never around a whole scroll area
or over what lies outside it; Tab (main_window) and a new current item (the ring) scroll it into view. A
``ScrollArea`` does not centre a control taller than itself on Tab, as Qt's does (that cut home's top off).
Kinds of widget are told by ``inherits`` (a class name), not by their Python classes: the ring runs in home's
first frame, and naming a QtWidgets class there builds its enum types (ui/qt_values).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget

from psoas_coach.ui.qt_values import NO_FOCUS, own_viewport
from psoas_coach.ui.theme import Space, px

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView, QTabBar


class ScrollArea(QScrollArea):
    """A frameless scroll area that takes no focus itself (the controls in it do) and whose content follows
    its width; Tab inside it leaves the scrolling to ``reveal``."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        own_viewport(self)  # the focus ring walks up through it in home's first frame (qt_values)
        self.setProperty("focusPolicy", NO_FOCUS)  # by number: home has one before its first frame (qt_values)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        return QWidget.focusNextPrevChild(self, next)  # Qt's own would centre a tall control: main_window reveals

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt override)
        super().setWidget(widget)
        floor_at_width(widget)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        content = self.widget()
        if content is not None:
            floor_at_width(content)  # before Qt places it: its text may have been filled in since setWidget
        super().resizeEvent(event)


def floor_at_width(content: QWidget) -> None:
    """Let a scroll area hold *content* no taller than its height at the width it is shown at.

    QScrollArea takes the larger of the content's height for the viewport's width and its minimum size hint,
    and a minimum size hint has no width: it is the height at the content's narrowest width (the summary's
    rating chips claim two rows each), so a summary that fits at 1366x768 scrolled by 17 px. An explicit
    minimum height wins over the hint, and 1 leaves the floor to the height for the width. Content whose
    height does not depend on its width keeps its hint (0 clears the explicit minimum)."""
    layout = content.layout()
    content.setMinimumHeight(1 if layout is not None and layout.hasHeightForWidth() else 0)


def scroll_key(area: QAbstractScrollArea, event: QKeyEvent) -> bool:
    """Up, Down, Page Up and Page Down scroll *area*: for a screen whose text takes no focus (the briefing, the
    safety note), so it scrolls from the keyboard too. True when the key was one of them."""
    from PySide6.QtCore import Qt  # here, not at the top: home imports this module before its first paint
    from PySide6.QtWidgets import QAbstractSlider

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
        if parent.inherits("QAbstractScrollArea"):
            area = cast(QAbstractScrollArea, parent)
            if area.viewport().isAncestorOf(widget):
                yield area
        parent = parent.parentWidget()


def focus_part(widget: QWidget) -> QRect | None:
    """The part of a painted widget that has the keyboard, for a widget that has parts (History's month calendar
    and its chosen day): the widget's own ``focus_area()``, or None. The ring goes around that part alone, and the
    widget marks it no other way while it has the keyboard: one mark, never two."""
    area = getattr(widget, "focus_area", None)
    return area() if callable(area) else None


def focus_rect(widget: QWidget) -> QRect:
    """The part of *widget* the keyboard is on, in its own coordinates: an item view's current item (a whole
    row when a table selects rows), a tab bar's current tab, a painted widget's focus_part, or else the whole
    widget."""
    part = focus_part(widget)
    if part is not None:
        return part
    if widget.inherits("QAbstractItemView"):
        view = cast("QAbstractItemView", widget)
        index = view.currentIndex()
        if index.isValid():
            rect = view.visualRect(index)
            if view.inherits("QTableView") and rows_are_chosen(view):
                model = view.model()
                first = model.index(index.row(), 0, index.parent())
                last = model.index(index.row(), model.columnCount(index.parent()) - 1, index.parent())
                rect = view.visualRect(first).united(view.visualRect(last))
            if rect.isValid():
                return QRect(view.viewport().mapTo(view, rect.topLeft()), rect.size())
    elif widget.inherits("QTabBar"):
        tabs = cast("QTabBar", widget)
        if tabs.currentIndex() >= 0:
            return tabs.tabRect(tabs.currentIndex())
    return widget.rect()


def rows_are_chosen(view: QAbstractItemView) -> bool:
    """True for a view that chooses whole rows (History's tables; never home's list, in its first frame)."""
    from PySide6.QtWidgets import QAbstractItemView

    return view.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows


def visible_area(widget: QWidget, rect: QRect) -> QRect:
    """The part of the window in which *rect* (in *widget*'s coordinates) can be seen: inside the viewport of
    every scroll area around it (and of *widget* itself, for an item inside an item view), in window coordinates."""
    window = widget.window()
    clip = window.rect()
    views: list[QAbstractScrollArea] = list(scroll_areas_around(widget))
    if widget.inherits("QAbstractScrollArea") and rect != widget.rect():
        views.insert(0, cast(QAbstractScrollArea, widget))
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
        inner = cast(QScrollArea, area).widget() if area.inherits("QScrollArea") else None
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
