"""A scroll area (widgets.scrolling) scrolls only when its content does not fit at the width it is shown at:
a minimum size hint meant for the content's narrowest width never makes it scroll."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.ui.widgets.scrolling import ScrollArea


class Wrapping(QWidget):
    """Like the rating chips: one row (40 px) when wide, two when narrow, and a minimum hint of two rows."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return 40 if width >= 300 else 80

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(300, 40)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(150, 80)


class Tall(QWidget):
    """A block that needs 200 px at any width."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(100, 200)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(100, 200)


def area_of(qtbot: QtBot, *children: QWidget, height: int) -> ScrollArea:
    area = ScrollArea("test-scroll")
    content = QWidget()
    box = QVBoxLayout(content)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    for child in children:
        box.addWidget(child)
    area.setWidget(content)
    qtbot.addWidget(area)
    area.resize(400, height)
    area.show()
    qtbot.waitExposed(area)
    for _ in range(3):
        QApplication.processEvents()
    return area


def test_content_that_fits_at_its_width_does_not_scroll(qtbot: QtBot) -> None:
    area = area_of(qtbot, Wrapping(), Wrapping(), height=100)  # 2 x 40 px at this width; 2 x 80 at the narrowest
    assert area.verticalScrollBar().maximum() == 0


def test_content_that_does_not_fit_still_scrolls(qtbot: QtBot) -> None:
    wrapping = area_of(qtbot, Wrapping(), Wrapping(), Wrapping(), height=100)  # 120 px at this width
    assert wrapping.verticalScrollBar().maximum() > 0
    fixed = area_of(qtbot, Tall(), height=100)  # no height for width: its minimum holds
    assert fixed.verticalScrollBar().maximum() >= 100
