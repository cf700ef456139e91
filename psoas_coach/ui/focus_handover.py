"""Panels that hide themselves (a rating answered, a question banner, an undo bar) hand the keyboard focus on.

Qt leaves the focus on a hidden widget when nothing after it in the Tab chain takes focus, and otherwise moves
it by the chain's order, not the screen's: a screen reader then loses its place. A widget built with
``HandsFocusOn`` gives the focus, as it hides, to the next control of its window in reading order (wrapping
round, as Tab does), else to the nearest shown widget around it, so something in the window always has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


def focus_heir(leaving: QWidget) -> QWidget | None:
    """Who should get the focus when *leaving* hides: None unless it (or a widget in it) has the focus."""
    focused = QApplication.focusWidget()
    if focused is None or not (focused is leaving or leaving.isAncestorOf(focused)):
        return None
    # here, not at the top: cards are in home's first frame, which must stay cheap (tests/ui/test_qt_values.py)
    from psoas_coach.ui.accessibility import focusable_in_layout_order

    window = leaving.window()
    chain = focusable_in_layout_order(window)

    def outside(widget: QWidget) -> bool:
        return widget is not leaving and not leaving.isAncestorOf(widget)

    inside = [index for index, widget in enumerate(chain) if not outside(widget)]
    start = inside[-1] + 1 if inside else 0
    for widget in chain[start:] + chain[:start]:  # the next in reading order, round to the top as Tab goes
        if outside(widget) and widget.isEnabled() and widget.isVisibleTo(window):
            return widget
    around = leaving.parentWidget()
    while around is not None and around is not window and not around.isVisibleTo(window):
        around = around.parentWidget()
    return around if around is not None else window


class HandsFocusOn(_Base):
    """Mix in before a QWidget class: hiding while focused hands the focus to ``focus_heir``."""

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt override: hide() and show() come here)
        heir = None if visible else focus_heir(self)
        super().setVisible(visible)
        if heir is not None:
            heir.setFocus()
