"""Which visible texts of a window do not fit: each QLabel, button or check box must fit its box, wrap
(word wrap and enough height) or be deliberately elided (the widget's ``elided`` property set by the screen
that elides it, its full text in the tooltip)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget


def ancestors(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def fits(widget: QLabel | QAbstractButton) -> bool:
    """True when the whole text of *widget* can be seen in its box."""
    text = widget.text()
    box = widget.contentsRect()
    metrics = widget.fontMetrics()
    if widget.property("elided") and widget.toolTip():
        return True
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) <= widget.height() + 1
    if isinstance(widget, QLabel):
        lines = text.splitlines() or [text]
        return (max(metrics.horizontalAdvance(line) for line in lines) <= box.width() + 1
                and metrics.height() * len(lines) <= box.height() + 1)
    return widget.sizeHint().width() <= widget.width() + 1 and metrics.height() <= widget.height()


def clipped(root: QWidget) -> list[str]:
    """Visible labels, buttons and check boxes of *root* whose text does not fit their box, or that lie
    outside the window (inside a scroll area: outside what scrolling reaches)."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root.window()) or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        if not widget.text().strip():
            continue
        box = widget.contentsRect()
        scroller = next((a for a in ancestors(widget) if isinstance(a, QScrollArea)), None)
        inner = scroller.widget() if scroller is not None else None
        area = inner if inner is not None else root.window()
        place = QRect(widget.mapTo(area, box.topLeft()), box.size())
        if not fits(widget) or not area.rect().contains(place):
            problems.append(f"{widget.objectName() or type(widget).__name__}: {widget.text()[:50]!r}")
    return problems
