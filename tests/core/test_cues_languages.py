"""Cue fitting in every shipped language: the translated cues, at the per-language length estimate, still fit
every hold and timed step of both built-in programs and never reach into the final countdown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from psoas_coach import i18n
from psoas_coach.core.cues import CueKind, countdown_count, estimate_length, spoken_units, step_script, step_timeline
from psoas_coach.core.plan import StepKind, build_plan
from psoas_coach.core.program import load_library
from tests.core.test_cues import check_timeline


@pytest.fixture(params=list(i18n.CODES))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    yield i18n.set_language(request.param)
    i18n.set_language("en")


def test_every_cue_of_every_hold_ends_before_the_final_countdown(language: str) -> None:
    holds = 0
    for program in load_library().programs:
        for step in build_plan(program).steps:
            if step.duration is None:
                continue
            timeline = step_timeline(step, lambda text: estimate_length(text, language=language))
            check_timeline(step, timeline)
            if step.kind is not StepKind.HOLD:
                continue
            holds += 1
            assert timeline.countdown_start is not None
            numbers = [c for c in timeline.cues if c.kind is CueKind.COUNTDOWN]
            expected = [str(n) for n in range(countdown_count(step.duration), 0, -1)]
            assert [c.text for c in numbers] == expected, f"{language}: countdown of {step}"
            for cue in timeline.cues:
                if cue.kind is not CueKind.COUNTDOWN:
                    assert cue.end <= timeline.countdown_start, f"{language}: {cue.text!r} runs into the countdown"
            opening = [c for c in timeline.cues if c.kind is CueKind.OPENING]
            said = set(step_script(step)[0].texts)
            assert len(opening) == 1 and opening[0].text in said, f"{language}: no opening line fits {step}"
    assert holds >= 10


def test_the_estimate_follows_the_language() -> None:
    text = "Keep your back flat."
    assert estimate_length(text, language="pt_BR") > estimate_length(text, language="fr")
    i18n.set_language("de")
    try:
        assert estimate_length(text) == estimate_length(text, language="de")
    finally:
        i18n.set_language("en")
    assert estimate_length(text, language="xx") == max(estimate_length(text, language=c) for c in i18n.CODES)


def test_numbers_count_as_the_words_they_are_said_as() -> None:
    assert spoken_units("Rest 45 seconds.") == len("Rest  seconds") + 12
    assert spoken_units("  ") == 1


@pytest.mark.parametrize("rate", [80.0, 175.0, 400.0])
def test_a_slower_rate_is_never_estimated_shorter(rate: float) -> None:
    assert estimate_length("Lower slowly.", rate) >= estimate_length("Lower slowly.", rate + 1)


def test_a_pause_inside_a_cue_counts_and_the_closing_mark_does_not() -> None:
    assert spoken_units("Go. Lift.") == len("Go Lift") + 6
    assert spoken_units("Lift.") == spoken_units("Lift")
