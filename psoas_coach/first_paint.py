"""Run something right after a window's first paint: heavy or slow work waits until the user sees the window."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_PAINT_FALLBACK_MS = 1500  # a window that never paints (minimised, offscreen) still gets its callback


class _FirstPaint(QObject):
    """Calls back once, right after *window*'s first paint (or after a fallback delay)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.callback = callback
        self.fired = False
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not self.fired and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # after this paint has finished
        return False

    def _fire(self) -> None:
        if self.fired:
            return
        self.fired = True
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.removeEventFilter(self)
        self.callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    _FirstPaint(window, callback)
