"""The application's style with its paddings at each widget's scale, for the screens that follow the window.

Made the first time the window's scale leaves 1 (ui.window_scale), never at start-up: defining a QProxyStyle
subclass makes PySide6 build QStyle's enum types (about 4 ms, ui/qt_values).
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from psoas_coach.ui.theme import scale_of


class ScaledStyle(QProxyStyle):
    """The application's style with its pixel metrics (a button's padding, a tab's, a table cell's, frames and
    scroll bars) at each widget's scale: Qt's paddings stayed at 1366x768 sizes around 2.75 times larger text.
    Only widgets at a scale other than 1 use it."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802 (Qt)
                    widget: QWidget | None = None) -> int:
        value = super().pixelMetric(metric, option, widget)
        return round(value * scale_of(widget)) if widget is not None else value
