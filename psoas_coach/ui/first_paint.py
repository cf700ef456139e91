"""Run something right after a window's first paint: heavy or slow work waits until the user sees the window."""

from __future__ import annotations

import sys
from collections.abc import Callable

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


class StartUpSteps(QObject):
    """Start-up work that waits for *window*'s first paint, one step per turn of the event loop, so the
    window answers input between steps. ``finish()`` runs whatever is left at once, in order: a session
    must not start before coaching and voice are in place, however early it is asked for."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._pending: list[tuple[str, Callable[[], object]]] = []
        self._painted = False
        self._scheduled = False
        self.done: list[str] = []  # names of the steps run so far, in order
        after_first_paint(window, self._on_painted)

    def add(self, name: str, step: Callable[[], object]) -> None:
        self._pending.append((name, step))
        if self._painted:
            self._schedule()

    def then(self, steps: list[tuple[str, Callable[[], object]]]) -> None:
        """Steps to run right after the current one, before the rest (a step that finds more to do)."""
        self._pending[0:0] = steps
        if self._painted:
            self._schedule()

    @property
    def pending(self) -> list[str]:
        return [name for name, _step in self._pending]

    def finish(self) -> None:
        while self._pending:
            self._run_one()

    def _on_painted(self) -> None:
        self._painted = True
        self._next()

    def _schedule(self) -> None:
        if not self._scheduled and self._pending:
            self._scheduled = True
            QTimer.singleShot(0, self, self._next)

    def _next(self) -> None:
        self._scheduled = False
        if self._pending:
            self._run_one(book_next=self._schedule)

    def _run_one(self, book_next: Callable[[], None] = lambda: None) -> None:
        name, step = self._pending.pop(0)  # popped first: a step that calls finish() never runs twice
        self.done.append(name)
        book_next()  # the next turn is booked before the step runs
        try:
            step()
        except Exception:  # noqa: BLE001 - a broken step (speech, say) must not stop the others, or a session
            sys.excepthook(*sys.exc_info())  # the app's crash log (and stderr); the window goes on
