"""Colour tokens (light, dark, high contrast), phase colours, marks and type sizes.

Every colour the app paints is a named token here, so a later design pass builds on them and the
contrast test (tests/ui/test_contrast.py) checks each text against its background in every theme.
Phase colours come from the Okabe-Ito palette, darkened so white text reads on them; they stay
distinct for red-green colour blindness, and every phase also has a word and a mark of its own shape.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.core.plan import StepKind
from psoas_coach.i18n import lazy
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


class Swatch(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """A phase's colours: text (and the ring) on background; buttons on that phase; an accent for
    the focus ring, bars and borders on that phase (non-text, 3:1 on background and buttons)."""

    background: str
    foreground: str
    accent: str
    button: str
    button_text: str


class Theme(NamedTuple):  # quicker to define than a dataclass: home's first frame
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
    focus: str  # the keyboard focus ring (drawn by widgets.focus_ring): 3:1 against window, base, cards and buttons
    mid: str
    phases: dict[PhaseColour, Swatch]
    card: str  # the surface of a card (programs, exercises, chips, banners)
    card_border: str  # a card's hairline edge (decorative: the card's text carries the meaning)
    accent: str  # the one obvious action (Start, Save) and chosen chips
    accent_text: str
    done: str  # a day with a completed session (calendar, week strip)
    partial: str  # a day with only a partial session


LIGHT = Theme(
    name="light", window="#EFEFEF", text="#1A1A1A", base="#FFFFFF", alternate_base="#F3F3F3",
    button="#E4E4E4", button_text="#1A1A1A", muted_text="#5C5C5C", highlight="#0A4F8A",
    highlighted_text="#FFFFFF", focus="#B35900", mid="#A0A0A0",
    card="#FFFFFF", card_border="#C8C8C8", accent="#0A4F8A", accent_text="#FFFFFF", done="#10614A", partial="#A85300",
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
    card="#2A2C30", card_border="#4A4D54", accent="#3977C3", accent_text="#FFFFFF", done="#3FB68B", partial="#E0913A",
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
    card="#000000", card_border="#FFFFFF", accent="#FFFF00", accent_text="#000000", done="#00FF7F", partial="#FFB000",
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


THEME_PROPERTY = "psoas_theme"  # on the application: the name of the theme in use


def current_theme(widget: QWidget | None = None) -> Theme:
    """The theme in use (as apply_colour_scheme chose it), else light or dark after the palette."""
    app = QApplication.instance()
    name = app.property(THEME_PROPERTY) if app is not None else None
    if isinstance(name, str) and name in THEMES:
        return THEMES[name]
    return DARK if is_dark(widget) else LIGHT


def phase_of(widget: QWidget) -> PhaseColour:
    """The phase colour *widget* sits on (the session view's), or NEUTRAL outside a session."""
    current: QWidget | None = widget
    while current is not None:
        value = current.property("phase")
        if isinstance(value, str) and value:
            return PhaseColour(value)
        current = current.parentWidget()
    return PhaseColour.NEUTRAL


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
    app.setProperty(THEME_PROPERTY, chosen.name)
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


# ---------------------------------------------------------------- the design system: type, space, radii
# Every screen takes its sizes from here (and its colours from the Theme), so no widget has sizes of its own.


class Type:
    """The type scale, as factors of the desktop's font (set_scaled_font applies them and Ctrl++ rescales)."""

    DISPLAY = 3.0  # the one line read from the mat, 2 m away (today's plan, a screen's title)
    TITLE = 2.4  # a screen's title
    HEADLINE = 1.7  # a card's name, a chip's number, the main buttons
    LEAD = 1.35  # dosage, the first sentence of a block
    BODY = 1.15  # running text
    SMALL = 1.0  # secondary lines, axis labels


class Space:
    """Spacing in pixels: between lines of a block, between blocks, and around a screen."""

    XS = 4
    S = 8
    M = 16
    L = 24
    XL = 40


class Radius:
    """Corner radii in pixels."""

    CHIP = 8
    CARD = 14


FOCUS_WIDTH = 3  # the focus ring's stroke, in pixels
TOUCH = 48  # the smallest height of anything clicked or tapped


# ---------------------------------------------------------------- the scale: the design system follows the window
# Type, Space, Radius, TOUCH and the screens' minimum widths are drawn for a 1366x768 window. Home, the
# briefing, the summary, the safety note, History and the banners scale all of them with the window, as the
# session's ring does, so a 4K screen without desktop scaling shows them at the same share of the screen;
# the user's text size (Ctrl++) multiplies on top. ui/text_scale applies the scale to the widgets.

REFERENCE_SIZE = (1366, 768)  # the window the sizes above are drawn for: scale 1
SCALE_STEP = 0.125  # the scale moves in steps, so resizing re-lays the screens out only now and then
SCALE_PROPERTY = "psoas_scale"  # on a widget: the scale its sizes are laid out at (1 when never set)


def window_scale(width: int, height: int) -> float:
    """The scale for a window of *width* x *height*: the share of the reference window it covers (the
    smaller of width and height), in whole steps, never below 1 (a smaller window scrolls instead)."""
    ratio = min(width / REFERENCE_SIZE[0], height / REFERENCE_SIZE[1])
    return max(1.0, math.floor(ratio / SCALE_STEP + 1e-9) * SCALE_STEP)


def scale_of(widget: QWidget) -> float:
    """The scale *widget* is laid out at (set by ui.text_scale; 1 for the session's own screens)."""
    value = widget.property(SCALE_PROPERTY)
    return float(value) if isinstance(value, (int, float)) else 1.0


def px(widget: QWidget, size: float) -> int:
    """A size of the design system (Space, Radius, TOUCH, a card's least width) in pixels for *widget*."""
    return round(size * scale_of(widget))


class Surface(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """What a card, chip or banner paints: its fill, text and edge, on whatever it sits on."""

    fill: str
    text: str
    edge: str


def surface(theme: Theme, phase: PhaseColour, *, chosen: bool = False) -> Surface:
    """A card's colours on the neutral window or on a phase colour; *chosen* for a selected chip or card.

    On a phase the card is the phase's deeper button colour under white text, and a chosen one its light
    accent under dark text, so the phase still shows around it; tests/ui/test_contrast.py checks each pair."""
    if phase is PhaseColour.NEUTRAL:
        if chosen:
            return Surface(theme.accent, theme.accent_text, theme.accent)
        return Surface(theme.card, theme.text, theme.card_border)
    swatch = theme.phases[phase]
    if chosen:
        return Surface(swatch.accent, "#1A1A1A" if theme is not HIGH_CONTRAST else "#000000", swatch.accent)
    return Surface(swatch.button, swatch.button_text, swatch.accent)
