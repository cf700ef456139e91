"""Drives the engine from the Qt event loop: a precise timer asks the engine to fire due transitions.

The timer only polls; all timing lives in the engine's deadlines, so a late tick never adds drift.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from psoas_coach.ui.qt_values import PRECISE_TIMER

if TYPE_CHECKING:  # the engine is imported once a session starts, after home's first paint
    from psoas_coach.core.engine import SessionEngine

REFRESH_MS = 50


class SessionDriver(QObject):
    refreshed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine: SessionEngine | None = None
        self.timer = QTimer(self)
        self.timer.setProperty("timerType", PRECISE_TIMER)  # by number: built before the first paint (qt_values)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.tick)

    def drive(self, engine: SessionEngine | None) -> None:
        self.engine = engine
        if engine is None:
            self.timer.stop()
        else:
            self.timer.start()

    def tick(self) -> None:
        engine = self.engine
        if engine is None:
            return
        from psoas_coach.core.engine import SessionState

        engine.update()
        self.refreshed.emit()
        if engine.state is SessionState.FINISHED:
            self.timer.stop()
