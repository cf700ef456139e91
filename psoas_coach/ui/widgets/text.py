"""Labels sized relative to the system font, so text follows the user's font setting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget

from psoas_coach.ui.qt_values import ALIGN_CENTER, PLAIN_TEXT
from psoas_coach.ui.text_scale import set_scaled_font


def label(text: str = "", factor: float = 1.0, *, bold: bool = False, wrap: bool = True,
          center: bool = False, name: str = "", parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    _style(widget, factor, bold=bold, wrap=wrap, center=center, name=name)
    return widget


def _style(widget: QLabel, factor: float, *, bold: bool, wrap: bool, center: bool, name: str) -> None:
    set_scaled_font(widget, factor, bold=bold)
    widget.setWordWrap(wrap)
    widget.setProperty("textFormat", PLAIN_TEXT)  # by number: labels are on home's first frame (qt_values)
    if center:
        widget.setProperty("alignment", ALIGN_CENTER)
    if name:
        widget.setObjectName(name)


class MarkLabel(QLabel):
    """A sign before a text (⚕, ✖, ⟂), as wide as the widest sign of its *column*, centred in that width: the
    texts beside a column of signs start at one x whatever each sign's own width, at every scale and font."""

    def __init__(self, mark: str, column: Sequence[str], factor: float, *, bold: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(mark, parent)
        self.column = tuple(column) or (mark,)
        _style(self, factor, bold=bold, wrap=False, center=True, name="")

    def column_width(self) -> int:
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(sign) for sign in self.column)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.column_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()
