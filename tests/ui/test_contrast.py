"""WCAG 2.2 contrast of every text on every phase colour, computed from the theme's colour tokens, in
light, dark and high contrast (4.5:1 for text, 3:1 for the focus ring, rings and bars; 7:1 in high contrast)."""

from __future__ import annotations

import pytest

from psoas_coach.ui.contrast import AA_NON_TEXT, AA_TEXT, contrast_ratio, relative_luminance
from psoas_coach.ui.theme import HIGH_CONTRAST, PHASE_MARKS, PHASE_NAMES, THEMES, PhaseColour, Theme

AAA_TEXT = 7.0


def text_floor(theme: Theme) -> float:
    return AAA_TEXT if theme is HIGH_CONTRAST else AA_TEXT


def test_the_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    with pytest.raises(ValueError, match="#RRGGBB"):
        relative_luminance("red")


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_every_text_on_every_phase_colour(theme: Theme) -> None:
    for phase, swatch in theme.phases.items():
        assert contrast_ratio(swatch.foreground, swatch.background) >= text_floor(theme), (theme.name, phase)
        assert contrast_ratio(swatch.button_text, swatch.button) >= text_floor(theme), (theme.name, phase)
        assert contrast_ratio(swatch.accent, swatch.background) >= AA_NON_TEXT, (theme.name, phase)
        assert contrast_ratio(swatch.accent, swatch.button) >= AA_NON_TEXT, (theme.name, phase)  # focus ring


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_every_text_on_the_neutral_colours(theme: Theme) -> None:
    floor = text_floor(theme)
    for text, background in ((theme.text, theme.window), (theme.text, theme.base), (theme.text, theme.alternate_base),
                             (theme.button_text, theme.button), (theme.muted_text, theme.window),
                             (theme.muted_text, theme.base), (theme.highlighted_text, theme.highlight)):
        assert contrast_ratio(text, background) >= floor, (theme.name, text, background)
    for background in (theme.window, theme.base, theme.button):
        assert contrast_ratio(theme.focus, background) >= AA_NON_TEXT, (theme.name, background)


def test_every_theme_has_every_phase_and_each_phase_a_word_and_a_mark_of_its_own() -> None:
    phases = [p for p in PhaseColour if p is not PhaseColour.NEUTRAL]
    for theme in THEMES.values():
        assert set(theme.phases) == set(phases)
    assert len({PHASE_MARKS[p] for p in phases}) == len(phases)
    assert len({PHASE_NAMES[p] for p in phases}) == len(phases)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_the_design_systems_cards_chips_and_marks(theme: Theme) -> None:
    """Cards, chosen chips and the one obvious action read in every theme, on the window and on each phase."""
    from psoas_coach.ui.theme import surface

    floor = text_floor(theme)
    for text, background in ((theme.text, theme.card), (theme.muted_text, theme.card), (theme.accent_text, theme.accent),
                             (theme.window, theme.done)):  # the tick on a training day is the window's colour
        assert contrast_ratio(text, background) >= floor, (theme.name, text, background)
    assert contrast_ratio(theme.focus, theme.card) >= AA_NON_TEXT, theme.name
    for colour in (theme.done, theme.partial, theme.accent):  # days in the calendar and the week strip, lines
        assert contrast_ratio(colour, theme.card) >= AA_NON_TEXT, (theme.name, colour)
    for phase in PhaseColour:
        for chosen in (False, True):
            colours = surface(theme, phase, chosen=chosen)
            assert contrast_ratio(colours.text, colours.fill) >= floor, (theme.name, phase, chosen)
