"""Phase colours read from 2 m in light and dark themes: white text contrast, distinct hues, and words too."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QColor, QPalette

from psoas_coach.core.plan import StepKind
from psoas_coach.ui.theme import PHASE_NAMES, SWATCHES, PhaseColour, dark_palette, phase_colour


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_text_on_every_phase_colour_passes_wcag_aa() -> None:
    for swatch in SWATCHES.values():
        assert contrast(swatch.background, swatch.foreground) >= 4.5


def test_phase_colours_differ_in_hue_for_colour_blind_users() -> None:
    hues = {p: QColor(s.background).hsvHue() for p, s in SWATCHES.items()}
    for a, b in itertools.combinations(hues, 2):
        gap = abs(hues[a] - hues[b])
        assert min(gap, 360 - gap) >= 25, (a, b)
    # orange, blue and bluish green: the palette that stays apart for red-green colour blindness
    assert 20 <= hues[PhaseColour.WORK] <= 40 and 195 <= hues[PhaseColour.HOLD] <= 215


def test_every_phase_also_has_a_word() -> None:
    for kind in StepKind:
        colour = phase_colour(kind)
        assert colour is PhaseColour.NEUTRAL or PHASE_NAMES[colour]


def test_dark_palette_is_dark_with_readable_text() -> None:
    palette = dark_palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    assert window.lightness() < 60
    assert contrast(window.name(), text.name()) >= 7
