"""The design system's buttons: one primary action per screen (the accent colour, large), the rest secondary."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPushButton, QWidget

from psoas_coach.ui.text_scale import design_size, set_scaled_font
from psoas_coach.ui.theme import TOUCH, Type, current_theme


def text_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A push button showing *text*. Made empty, then given its text: QPushButton(text) makes PySide6 check
    the constructor's QIcon overload, which builds QIcon's enum types (about 1 ms) in home's first frame."""
    button = QPushButton(parent)
    button.setText(text)
    return button


def primary_button(text: str, name: str, parent: QWidget | None = None) -> QPushButton:
    """The screen's obvious action (Start, Save, Continue): the accent colour, headline type; Enter presses it."""
    button = text_button(text, parent)
    button.setObjectName(name)
    set_scaled_font(button, Type.HEADLINE, bold=True)
    design_size(button, min_height=round(TOUCH * 1.3))
    theme = current_theme(parent)
    palette = button.palette()  # a copy (QPalette(other) would name Qt: ui/qt_values)
    palette.setColor(QPalette.ColorRole.Button, QColor(theme.accent))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(theme.accent_text))
    button.setPalette(palette)
    return button


def secondary_button(text: str, name: str, parent: QWidget | None = None) -> QPushButton:
    """Every other action: the window's button colour, lead type, the same height as the primary one."""
    button = text_button(text, parent)
    button.setObjectName(name)
    set_scaled_font(button, Type.LEAD, bold=True)
    design_size(button, min_height=round(TOUCH * 1.3))
    return button
