"""The '?' overlay: every action with its keys, built from the actions themselves so it never goes stale."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from psoas_coach.ui.widgets.text import label


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    rows = []
    for action in actions:
        keys = " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        name = action.text().split(" (")[0]
        rows.append((keys, name))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keys — Psoas Coach")
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.rows = shortcut_rows(actions)
        for r, (keys, name) in enumerate(self.rows):
            grid.addWidget(label(keys, 1.3, bold=True, wrap=False), r, 0)
            grid.addWidget(label(name, 1.3, wrap=False), r, 1)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.hide)
        layout.addWidget(buttons)
