"""Labels sized relative to the system font, so text follows the user's font setting."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from psoas_coach.ui.qt_values import ALIGN_CENTER, PLAIN_TEXT
from psoas_coach.ui.text_scale import set_scaled_font


def label(text: str = "", factor: float = 1.0, *, bold: bool = False, wrap: bool = True,
          center: bool = False, name: str = "", parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    set_scaled_font(widget, factor, bold=bold)
    widget.setWordWrap(wrap)
    widget.setProperty("textFormat", PLAIN_TEXT)  # by number: labels are on home's first frame (qt_values)
    if center:
        widget.setProperty("alignment", ALIGN_CENTER)
    if name:
        widget.setObjectName(name)
    return widget
