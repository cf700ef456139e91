"""The app's own text size, 100 % to 200 % of the desktop's font size, on keys and kept between runs.

Every text of the app is sized as a factor of the application font (``set_scaled_font``), and the
widget remembers its factor, so a new scale re-sizes every text that exists and every one made later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.i18n import _
from psoas_coach.ui.actions import key_action
from psoas_coach.ui.theme import scaled_font

MIN_PERCENT = 100
MAX_PERCENT = 200
STEP_PERCENT = 25
PERCENT_PROPERTY = "psoas_text_percent"  # on the application: the scale in use
FACTOR_PROPERTY = "psoas_font_factor"
BOLD_PROPERTY = "psoas_font_bold"


def clamp_percent(percent: int) -> int:
    return int(min(max(percent, MIN_PERCENT), MAX_PERCENT))


def text_percent() -> int:
    """The app's text scale in use (100 when none was set)."""
    app = QApplication.instance()
    value = app.property(PERCENT_PROPERTY) if app is not None else None
    return int(value) if isinstance(value, (int, float)) else MIN_PERCENT


def set_scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Give *widget* a font *factor* times the application's (so the desktop's size times the app's
    scale), and remember the factor for the next change of scale."""
    widget.setProperty(FACTOR_PROPERTY, float(factor))
    widget.setProperty(BOLD_PROPERTY, bool(bold))
    widget.setFont(scaled_font(QApplication.font(), factor, bold=bold))


def rescale_widgets(roots: list[QWidget]) -> None:
    """Apply the application font's current size to every widget below *roots* that has a factor."""
    base = QApplication.font()
    for root in roots:
        for widget in (root, *root.findChildren(QWidget)):
            factor = widget.property(FACTOR_PROPERTY)
            if factor is not None:
                widget.setFont(scaled_font(base, float(factor), bold=bool(widget.property(BOLD_PROPERTY))))


class TextScale(QObject):
    """Holds the desktop's font (read once, at start) and the app's percentage on top of it."""

    changed = Signal(int)  # the new percentage

    def __init__(self, app: QApplication, percent: int = MIN_PERCENT) -> None:
        super().__init__(app)
        self.app = app
        self.desktop_font = QFont(app.font())
        self.percent = MIN_PERCENT
        self.set_percent(percent)

    def set_percent(self, percent: int) -> None:
        percent = clamp_percent(percent)
        font = QFont(self.desktop_font)
        if self.desktop_font.pointSizeF() > 0:
            font.setPointSizeF(self.desktop_font.pointSizeF() * percent / 100)
        else:
            font.setPixelSize(round(self.desktop_font.pixelSize() * percent / 100))
        self.app.setFont(font)
        self.app.setProperty(PERCENT_PROPERTY, percent)
        changed = percent != self.percent
        self.percent = percent
        rescale_widgets(list(self.app.topLevelWidgets()))
        if changed:
            self.changed.emit(percent)

    def bigger(self) -> None:
        self.set_percent(self.percent + STEP_PERCENT)

    def smaller(self) -> None:
        self.set_percent(self.percent - STEP_PERCENT)

    def reset(self) -> None:
        self.set_percent(MIN_PERCENT)


def add_text_size_actions(window: QWidget, scale: TextScale, keep: Callable[[int], None]) -> list[QAction]:
    """Ctrl++ (or Ctrl+=) larger, Ctrl+- smaller, Ctrl+0 back to the desktop's size; each change is kept."""
    specs: list[tuple[str, str, list[str], Callable[[], None]]] = [
        ("text-bigger", _("Larger text (Ctrl++)"), ["Ctrl++", "Ctrl+=", "Ctrl+Shift+="], scale.bigger),
        ("text-smaller", _("Smaller text (Ctrl+-)"), ["Ctrl+-"], scale.smaller),
        ("text-reset", _("Text at the desktop's size (Ctrl+0)"), ["Ctrl+0"], scale.reset),
    ]
    actions = [key_action(window, name, text, keys, slot) for name, text, keys, slot in specs]
    scale.changed.connect(keep)
    return actions
