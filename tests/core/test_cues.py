"""The cue timeline: generated from the program data, fitted so cues never overlap or cross a countdown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psoas_coach.core.cues import (
    GAP,
    BeepKind,
    Candidate,
    CueKind,
    Timeline,
    countdown_count,
    estimate_length,
    fit,
    program_texts,
    step_script,
    step_timeline,
)
from psoas_coach.core.plan import SessionPlan, Step, StepKind, build_plan
from psoas_coach.core.program import ProgramLibrary


def check_timeline(step: Step, timeline: Timeline, gap: float = GAP) -> None:
    """The fitting guarantees, for one step."""
    assert step.duration is not None
    cues = [c for c in timeline.cues if c.spoken]
    for a, b in zip(cues, cues[1:]):
        assert a.end + gap <= b.at + 1e-9, f"{a} overlaps {b}"
    for cue in cues:
        assert 0.0 <= cue.at and cue.end <= step.duration + 1e-9, f"{cue} crosses the end of {step.kind.value}"
        if cue.kind is not CueKind.COUNTDOWN and timeline.countdown_start is not None:
            assert cue.end <= timeline.countdown_start + 1e-9, f"{cue} crosses the countdown"


def all_plans(library: ProgramLibrary) -> list[SessionPlan]:
    return [build_plan(p) for p in library.programs]


def test_every_step_of_every_program_fits(library: ProgramLibrary) -> None:
    for plan in all_plans(library):
        for step in plan.steps:
            timeline = step_timeline(step, estimate_length)
            if step.duration is None:
                assert timeline.cues == ()
                continue
            check_timeline(step, timeline)


def test_countdown_numbers_sit_on_whole_seconds_before_the_end(foundation_plan: SessionPlan) -> None:
    for step in foundation_plan.steps:
        if step.duration is None or step.kind is StepKind.REPS:
            continue
        timeline = step_timeline(step, estimate_length)
        numbers = [(c.at, c.text) for c in timeline.cues if c.kind is CueKind.COUNTDOWN]
        n = countdown_count(step.duration)
        assert numbers == [(step.duration - k, str(k)) for k in range(n, 0, -1)]


def test_intro_says_name_and_setup_then_counts_down(foundation_plan: SessionPlan) -> None:
    intro = next(s for s in foundation_plan.steps if s.kind is StepKind.INTRO)
    texts = [c.text for c in step_timeline(intro, estimate_length).cues]
    assert texts[0] == "Supine Marching. Lie on your back, knees bent, feet flat on the floor."
    assert texts[-3:] == ["3", "2", "1"]


def test_paced_set_prompts_each_phase_on_time(foundation_plan: SessionPlan) -> None:
    reps = next(s for s in foundation_plan.steps if s.kind is StepKind.REPS)
    assert reps.exercise is not None
    tempo = reps.exercise.dosage.tempo
    cues = step_timeline(reps, estimate_length).cues
    by_time = {round(c.at, 6): c.text for c in cues if c.kind is CueKind.TEMPO}
    assert by_time[0.0] == "Go. Lift left."
    assert by_time[tempo.lift] == "Hold."
    assert by_time[tempo.lift + tempo.hold] == "Lower slowly."
    assert by_time[tempo.cycle] == "Lift right."
    assert any(t.startswith("Halfway.") for t in by_time.values())
    assert any(t.startswith("Last one.") for t in by_time.values())
    assert any(c.kind is CueKind.FORM for c in cues)


def test_short_hold_keeps_the_countdown_and_drops_what_does_not_fit(foundation_plan: SessionPlan) -> None:
    hold = next(s for s in foundation_plan.steps if s.kind is StepKind.HOLD)
    assert hold.duration == 5.0
    timeline = step_timeline(hold, estimate_length)
    assert [c.text for c in timeline.cues if c.kind is CueKind.COUNTDOWN] == ["2", "1"]
    assert timeline.cues[0].text == "Left leg. Lift and hold."
    check_timeline(hold, timeline)
    assert timeline.beeps == ((0.0, BeepKind.WORK),)


def test_long_opening_falls_back_to_a_shorter_line() -> None:
    cands = [Candidate(("A very long opening line that cannot fit here at all.", "Short."), CueKind.OPENING, 0.0),
             Candidate(("1",), CueKind.COUNTDOWN, 2.0)]
    timeline = fit(cands, 3.0, estimate_length)
    assert [c.text for c in timeline.cues] == ["Short.", "1"]


def test_rest_names_what_comes_next(foundation_plan: SessionPlan) -> None:
    rest = next(s for s in foundation_plan.steps if s.kind is StepKind.REST)
    first = step_timeline(rest, estimate_length).cues[0]
    assert first.text == "Rest 45 seconds. Next: Supine Marching, Set 2 of 3."
    switch = next(s for s in foundation_plan.steps if s.kind is StepKind.SWITCH)
    assert step_timeline(switch, estimate_length).cues[0].text == "Switch sides. Right side next."


def test_speed_scales_clip_lengths_and_drops_cues_that_no_longer_fit(foundation_plan: SessionPlan) -> None:
    step = foundation_plan.steps[1]
    slow = step_timeline(step, estimate_length)
    fast = step_timeline(step, estimate_length, speed=20.0)
    assert len([c for c in fast.cues if c.spoken]) < len(slow.cues)
    check_timeline(step, fast, gap=GAP * 20.0)
    assert [(c.at, c.text) for c in fast.cues] == [(c.at, c.text) for c in slow.cues]  # still captioned


def test_program_texts_cover_every_possible_cue(library: ProgramLibrary) -> None:
    for plan in all_plans(library):
        texts = set(program_texts(plan))
        for step in plan.steps:
            for cue in step_timeline(step, estimate_length).cues:
                assert cue.text in texts
        first = plan.steps[1].exercise
        assert first is not None
        assert program_texts(plan)[0].startswith(first.name)


def test_untimed_steps_have_no_script(foundation_plan: SessionPlan) -> None:
    assert step_script(foundation_plan.steps[0]) == []
    assert step_script(foundation_plan.steps[-1]) == []


@settings(max_examples=60, deadline=None)
@given(scale=st.floats(0.3, 4.0), rate=st.floats(80, 400), data=st.data())
def test_fitting_holds_for_any_clip_lengths(library: ProgramLibrary, scale: float, rate: float,
                                             data: st.DataObject) -> None:
    plan = build_plan(library.get(data.draw(st.sampled_from(library.ids()))))
    step = data.draw(st.sampled_from([s for s in plan.steps if s.duration is not None]))
    timeline = step_timeline(step, lambda text: estimate_length(text, rate) * scale)
    check_timeline(step, timeline)


@pytest.mark.parametrize("duration,count", [(3.0, 0), (4.0, 2), (5.0, 2), (6.0, 3), (60.0, 3)])
def test_countdown_count(duration: float, count: int) -> None:
    assert countdown_count(duration) == count
