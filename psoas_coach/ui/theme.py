"""Colour tokens (light, dark, high contrast), phase colours, marks and type sizes.

Every colour the app paints is a named token here, so a later design pass builds on them and the
contrast test (tests/ui/test_contrast.py) checks each text against its background in every theme.
Phase colours come from the Okabe-Ito palette, darkened so white text reads on them; they stay
distinct for red-green colour blindness, and every phase also has a word and a mark of its own shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.i18n import lazy
from psoas_coach.core.plan import StepKind
from psoas_coach.ui.desktop_contrast import desktop_wants_high_contrast

# Qt.ColorScheme values, set through QStyleHints' 'colorScheme' property: this module names no Qt enum,
# since the theme is chosen before the first frame (see ui/qt_values.py)
COLOR_SCHEME_LIGHT = 1
COLOR_SCHEME_DARK = 2


class PhaseColour(str, Enum):
    NEUTRAL = "neutral"
    WORK = "work"
    HOLD = "hold"
    REST = "rest"
    DONE = "done"
    PAIN = "pain"


@dataclass(frozen=True)
class Swatch:
    """A phase's colours: text (and the ring) on background; buttons on that phase; an accent for
    the focus ring, bars and borders on that phase (non-text, 3:1 on background and buttons)."""

    background: str
    foreground: str
    accent: str
    button: str
    button_text: str


@dataclass(frozen=True)
class Theme:
    """The neutral colours of the window and the phase swatches of one theme."""

    name: str
    window: str
    text: str
    base: str
    alternate_base: str
    button: str
    button_text: str
    muted_text: str  # placeholders, secondary lines
    highlight: str
    highlighted_text: str
    focus: str  # the keyboard focus ring (the palette's highlight outline): 3:1 against window, base and buttons
    mid: str
    phases: dict[PhaseColour, Swatch]


LIGHT = Theme(
    name="light", window="#EFEFEF", text="#1A1A1A", base="#FFFFFF", alternate_base="#F3F3F3",
    button="#E4E4E4", button_text="#1A1A1A", muted_text="#5C5C5C", highlight="#0A4F8A",
    highlighted_text="#FFFFFF", focus="#B35900", mid="#A0A0A0",
    phases={
        PhaseColour.WORK: Swatch("#A85300", "#FFFFFF", "#FFD27A", "#7A3C00", "#FFFFFF"),  # orange
        PhaseColour.HOLD: Swatch("#0A4F8A", "#FFFFFF", "#9ED0FF", "#063A66", "#FFFFFF"),  # blue
        PhaseColour.REST: Swatch("#10614A", "#FFFFFF", "#8FE3C8", "#0A4535", "#FFFFFF"),  # bluish green
        PhaseColour.DONE: Swatch("#5E3470", "#FFFFFF", "#E7B8F5", "#43234F", "#FFFFFF"),  # reddish purple
        PhaseColour.PAIN: Swatch("#7A1010", "#FFFFFF", "#FFB4B4", "#560909", "#FFFFFF"),  # deep red + STOP
    },
)

DARK = Theme(
    name="dark", window="#1E1F22", text="#E8E8E8", base="#26282B", alternate_base="#2E3034",
    button="#2E3034", button_text="#E8E8E8", muted_text="#A8A8A8", highlight="#3470BA",
    highlighted_text="#FFFFFF", focus="#FFB454", mid="#55585E",
    phases={
        PhaseColour.WORK: Swatch("#8F4700", "#FFFFFF", "#FFD27A", "#5E2F00", "#FFFFFF"),
        PhaseColour.HOLD: Swatch("#0A4578", "#FFFFFF", "#9ED0FF", "#052C4D", "#FFFFFF"),
        PhaseColour.REST: Swatch("#0D5440", "#FFFFFF", "#8FE3C8", "#07382A", "#FFFFFF"),
        PhaseColour.DONE: Swatch("#522D62", "#FFFFFF", "#E7B8F5", "#381D44", "#FFFFFF"),
        PhaseColour.PAIN: Swatch("#6B0E0E", "#FFFFFF", "#FFB4B4", "#4A0707", "#FFFFFF"),
    },
)

# Black and white with yellow focus, as desktop high-contrast themes do; each phase keeps a deep tint
# of its hue (so it is still told apart) under white text at 13:1 or more.
HIGH_CONTRAST = Theme(
    name="high-contrast", window="#000000", text="#FFFFFF", base="#000000", alternate_base="#141414",
    button="#000000", button_text="#FFFFFF", muted_text="#E0E0E0", highlight="#FFFF00",
    highlighted_text="#000000", focus="#FFFF00", mid="#FFFFFF",
    phases={
        PhaseColour.WORK: Swatch("#4A2500", "#FFFFFF", "#FFD27A", "#000000", "#FFFFFF"),
        PhaseColour.HOLD: Swatch("#00264D", "#FFFFFF", "#9ED0FF", "#000000", "#FFFFFF"),
        PhaseColour.REST: Swatch("#00382A", "#FFFFFF", "#8FE3C8", "#000000", "#FFFFFF"),
        PhaseColour.DONE: Swatch("#2E0F3D", "#FFFFFF", "#E7B8F5", "#000000", "#FFFFFF"),
        PhaseColour.PAIN: Swatch("#4D0000", "#FFFFFF", "#FFB4B4", "#000000", "#FFFFFF"),
    },
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}
THEME_CHOICES = ("system", *THEMES)
SWATCHES = LIGHT.phases  # the light theme's phase colours (kept for existing callers)

PHASE_NAMES = {
    PhaseColour.WORK: lazy("Work"),
    PhaseColour.HOLD: lazy("Hold"),
    PhaseColour.REST: lazy("Rest"),
    PhaseColour.DONE: lazy("Done"),
    PhaseColour.PAIN: lazy("Stopped"),
    PhaseColour.NEUTRAL: "",
}

# A mark of its own shape beside each phase word, so no phase is told by colour alone.
PHASE_MARKS = {
    PhaseColour.WORK: "▲",
    PhaseColour.HOLD: "■",
    PhaseColour.REST: "●",
    PhaseColour.DONE: "★",
    PhaseColour.PAIN: "✖",
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


def theme_palette(theme: Theme) -> QPalette:
    """The QPalette of *theme*'s neutral colours (forced themes, and high contrast)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.alternate_base,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.button,
        QPalette.ColorRole.ButtonText: theme.button_text,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlighted_text,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted_text,
        QPalette.ColorRole.Mid: theme.mid,
        QPalette.ColorRole.Light: theme.alternate_base,
        QPalette.ColorRole.Dark: theme.mid,
        QPalette.ColorRole.Link: theme.highlight if theme is not HIGH_CONTRAST else "#00FFFF",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted_text))
    return palette


def dark_palette() -> QPalette:
    """A dark palette for when the user asks for one and the platform cannot provide it."""
    return theme_palette(DARK)


def resolve_theme(app: QGuiApplication, choice: str) -> Theme:
    """The theme for *choice* ("system", "light", "dark", "high-contrast"); system follows the desktop."""
    if choice in THEMES:
        return THEMES[choice]
    if desktop_wants_high_contrast(app):
        return HIGH_CONTRAST
    return DARK if app.palette().color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def apply_colour_scheme(app: QApplication, theme: str) -> Theme:
    """Follow the system's scheme, or force one with the Fusion style; returns the theme in use.

    High contrast (asked for, or the desktop's preference) uses our black-and-white palette, since
    the platform's own high-contrast palette does not reach the phase colours."""
    chosen = resolve_theme(app, theme)
    if theme != "system" or chosen is HIGH_CONTRAST:
        app.setStyle("Fusion")
        if chosen is not HIGH_CONTRAST:
            app.styleHints().setProperty("colorScheme", COLOR_SCHEME_DARK if chosen is DARK else COLOR_SCHEME_LIGHT)
        app.setPalette(theme_palette(chosen) if chosen is not LIGHT else app.style().standardPalette())
    return chosen


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_phase(widget: QWidget, colour: PhaseColour, theme: Theme = LIGHT) -> None:
    """Colour the whole session area for the current phase (or return it to the application palette)."""
    palette = QPalette(QGuiApplication.palette())
    if colour is not PhaseColour.NEUTRAL:
        swatch = theme.phases[colour]
        bg, fg = QColor(swatch.background), QColor(swatch.foreground)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            palette.setColor(role, bg)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, fg)
        palette.setColor(QPalette.ColorRole.Button, QColor(swatch.button))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor(swatch.button_text))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(swatch.accent))  # the focus ring on this phase
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
