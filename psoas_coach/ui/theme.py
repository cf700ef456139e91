"""Phase colours and type sizes. Colours come from the Okabe-Ito palette, darkened so white text reads
on them; they stay distinct for red-green colour blindness and work in light and dark themes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.core.plan import StepKind


class PhaseColour(str, Enum):
    NEUTRAL = "neutral"
    WORK = "work"
    HOLD = "hold"
    REST = "rest"
    DONE = "done"
    PAIN = "pain"


@dataclass(frozen=True)
class Swatch:
    background: str
    foreground: str
    accent: str


SWATCHES: dict[PhaseColour, Swatch] = {
    PhaseColour.WORK: Swatch("#A85300", "#FFFFFF", "#FFD27A"),  # orange
    PhaseColour.HOLD: Swatch("#0A4F8A", "#FFFFFF", "#9ED0FF"),  # blue
    PhaseColour.REST: Swatch("#10614A", "#FFFFFF", "#8FE3C8"),  # bluish green
    PhaseColour.DONE: Swatch("#5E3470", "#FFFFFF", "#E7B8F5"),  # reddish purple
    PhaseColour.PAIN: Swatch("#7A1010", "#FFFFFF", "#FFB4B4"),  # deep red, always with the word STOP
}

PHASE_NAMES = {
    PhaseColour.WORK: "Work",
    PhaseColour.HOLD: "Hold",
    PhaseColour.REST: "Rest",
    PhaseColour.DONE: "Done",
    PhaseColour.PAIN: "Stopped",
    PhaseColour.NEUTRAL: "",
}


def phase_colour(kind: StepKind) -> PhaseColour:
    if kind in (StepKind.REPS, StepKind.WORK):
        return PhaseColour.WORK
    if kind is StepKind.HOLD:
        return PhaseColour.HOLD
    if kind in (StepKind.REST, StepKind.NEXT_UP, StepKind.RELEASE, StepKind.SWITCH):
        return PhaseColour.REST
    if kind is StepKind.SUMMARY:
        return PhaseColour.DONE
    return PhaseColour.NEUTRAL


def dark_palette() -> QPalette:
    """A dark palette for when the user asks for one and the platform cannot provide it."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1E1F22",
        QPalette.ColorRole.WindowText: "#E8E8E8",
        QPalette.ColorRole.Base: "#26282B",
        QPalette.ColorRole.AlternateBase: "#2E3034",
        QPalette.ColorRole.Text: "#E8E8E8",
        QPalette.ColorRole.Button: "#2E3034",
        QPalette.ColorRole.ButtonText: "#E8E8E8",
        QPalette.ColorRole.Highlight: "#3D7CC9",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: "#2E3034",
        QPalette.ColorRole.ToolTipText: "#E8E8E8",
        QPalette.ColorRole.PlaceholderText: "#9A9A9A",
        QPalette.ColorRole.Mid: "#55585E",
        QPalette.ColorRole.Light: "#45484D",
        QPalette.ColorRole.Dark: "#141517",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7A7A7A"))
    return palette


def apply_colour_scheme(app: QApplication, theme: str) -> None:
    """Follow the system's light or dark scheme, or force one ("light"/"dark") with the Fusion style."""
    if theme == "system":
        return
    from PySide6.QtCore import Qt  # here: naming Qt costs 13 ms, and the system theme needs none (qt_values)
    app.setStyle("Fusion")
    dark = theme == "dark"
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_phase(widget: QWidget, colour: PhaseColour) -> None:
    """Colour the whole session area for the current phase (or return it to the system palette)."""
    palette = QPalette(QGuiApplication.palette())
    if colour is not PhaseColour.NEUTRAL:
        swatch = SWATCHES[colour]
        bg, fg = QColor(swatch.background), QColor(swatch.foreground)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            palette.setColor(role, bg)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(role, fg)
        palette.setColor(QPalette.ColorRole.Button, bg.lighter(125))
    widget.setAutoFillBackground(True)
    widget.setPalette(palette)
    widget.setProperty("phase", colour.value)


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """A font *factor* times the system size, so all text follows the user's font setting."""
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def pixel_font(base: QFont, pixels: int, *, bold: bool = True) -> QFont:
    """A font of an absolute pixel height: for digits sized to the window, readable from 2 m."""
    font = QFont(base)
    font.setPixelSize(max(8, pixels))
    font.setBold(bold)
    return font
