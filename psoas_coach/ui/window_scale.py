"""The window's scale for the screens that follow it (theme.window_scale), measured as the window resizes.

A drag sends dozens of resize events a second: they are coalesced (one measure per interval at most, and
always one after the last event), and the screens are re-laid out only when the scale moves a whole step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.ui.text_scale import WINDOW_SCALE, rescale_widgets
from psoas_coach.ui.theme import window_scale

if TYPE_CHECKING:
    from psoas_coach.ui.scaled_style import ScaledStyle

INTERVAL_MS = 80  # at most one measure per this many milliseconds while the window is being resized


class WindowScaler(QObject):
    """Watches *window*'s size; brings its screens that follow it to the scale of that size."""

    rescaled = Signal(float)  # the new scale, after the screens were re-laid out

    def __init__(self, window: QWidget, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.target = window
        self.scale = 1.0
        self.passes = 0  # how many times the screens were re-laid out (a resize that keeps the step: none)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.apply)
        self._style: ScaledStyle | None = None  # made the first time the scale leaves 1 (not at start-up)
        window.installEventFilter(self)

    @property
    def style(self) -> ScaledStyle:
        """The application's style with its paddings at each widget's scale, for the screens that follow."""
        if self._style is None:
            from psoas_coach.ui.scaled_style import ScaledStyle

            app_style = QApplication.style()
            self._style = ScaledStyle(app_style.name())
            self._style.setParent(self)
        return self._style

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.target and event.type() == QEvent.Type.Resize and not self.timer.isActive():
            self.timer.start()  # not restarted by the next events: a long drag still rescales as it goes
        return False

    def apply(self) -> None:
        """Measure the window now; re-lay its screens out if the scale moved a step."""
        self.timer.stop()
        scale = window_scale(self.target.width(), self.target.height())
        if scale == self.scale:
            return
        self.scale = scale
        self.target.setProperty(WINDOW_SCALE, scale)
        rescale_widgets([self.target], self.style)
        self.passes += 1
        self.rescaled.emit(scale)

    def flush(self) -> None:
        """Apply a measure still waiting for its interval (tests, and a window about to be shown)."""
        if self.timer.isActive():
            self.apply()

    def fit(self, widget: QWidget | None) -> None:
        """Bring *widget*, built at scale 1 after the last measure (History, the session view), to the scale."""
        if widget is not None and self.scale != 1.0:
            rescale_widgets([widget], self.style)
