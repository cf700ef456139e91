"""A window's key actions: one function makes each, so every key is named, found by name and on its window."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def key_action(window: QWidget, name: str, text: str, keys: Sequence[str], slot: Callable[[], object]) -> QAction:
    """An action called *name* on *window*, run by any of *keys* (a list even for one key: setShortcut()
    builds PySide6's Qt namespace, which the first frame avoids) and by its button or menu entry."""
    action = QAction(window)  # then its text: QAction(text, parent) checks the QIcon overload, which builds
    action.setText(text)      # QIcon's enum types (ThemeIcon's 151 values) before the first frame
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.triggered.connect(slot)
    window.addAction(action)
    return action
