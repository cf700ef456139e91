"""The '?' overlay: every action with its keys, built from the actions themselves so it never goes stale.

It is a panel inside the window, not a separate window, so it never steals keyboard focus from the
session: '?' or Esc hides it again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from psoas_coach.i18n import _
from psoas_coach.ui.widgets.text import label


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    rows = []
    for action in actions:
        keys = _(" or ").join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        name = action.text().split(" (")[0]
        rows.append((keys, name))
    return rows


class ShortcutsOverlay(QFrame):
    """A centred panel over *parent* listing every key; it follows the parent's size."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-overlay")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#shortcuts-overlay { background-color: palette(window);"
                           " border: 3px solid palette(highlight); border-radius: 12px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(label(_("Keys"), 2.0, bold=True))
        grid = QGridLayout()
        self.rows = shortcut_rows(actions)
        for r, (keys, name) in enumerate(self.rows):
            grid.addWidget(label(keys, 1.4, bold=True, wrap=False), r, 0)
            grid.addWidget(label(name, 1.4, wrap=False), r, 1)
        layout.addLayout(grid)
        layout.addWidget(label(_("Press ? or Esc to close."), 1.1))
        self.hide()
        parent.installEventFilter(self)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self._place()
            self.show()
            self.raise_()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        size = self.sizeHint()
        self.setGeometry((parent.width() - size.width()) // 2, (parent.height() - size.height()) // 2,
                         size.width(), size.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self.hide()



