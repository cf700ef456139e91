"""Levels: the ladder up and down each kind of exercise, and a program as this user does it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from psoas_coach.core.levels import (
    Band,
    ExerciseLevel,
    apply_levels,
    default_level,
    dosage_words,
    next_step,
    previous_step,
)
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import ProgramLibrary


def _climb(library: ProgramLibrary, program_id: str, exercise_id: str, steps: int) -> list[str]:
    ex = library.get(program_id).exercise(exercise_id)
    level = default_level(ex)
    out = [dosage_words(ex, level)]
    for _ in range(steps):
        step = next_step(ex, level)
        if step is None:
            out.append("top")
            break
        level = step.level
        out.append(dosage_words(ex, level))
    return out


def test_reps_ladder_reps_then_a_set_then_bands(library: ProgramLibrary) -> None:
    assert _climb(library, "foundation", "standing-hip-flexion", 7) == [
        "3 x 8", "3 x 10", "3 x 12", "4 x 12", "3 x 6 with a light band", "3 x 8 with a light band",
        "3 x 10 with a light band", "3 x 12 with a light band",
    ]


def test_hold_ladder_time_then_bands(library: ProgramLibrary) -> None:
    assert _climb(library, "foundation", "straight-leg-raise", 5) == [
        "3 x 6 holds of 5 s", "3 x 6 holds of 7 s", "3 x 6 holds of 9 s", "3 x 6 holds of 10 s",
        "3 x 6 holds of 5 s with a light band", "3 x 6 holds of 7 s with a light band",
    ]


def test_timed_ladder_has_a_top(library: ProgramLibrary) -> None:
    words = _climb(library, "advanced", "mountain-climbers", 10)
    assert words[:3] == ["3 x 20 s", "3 x 25 s", "3 x 30 s"]
    assert words[-2:] == ["4 x 40 s", "top"]


def test_a_warm_up_grows_by_one_set_at_most(library: ProgramLibrary) -> None:
    words = _climb(library, "advanced", "supine-marching", 4)
    assert words == ["1 x 10", "1 x 12", "1 x 14", "1 x 15", "2 x 15"]


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ({"band": Band.MEDIUM, "sets": 4, "reps": 12}, {"band": Band.LIGHT, "sets": 4, "reps": 12}),
        ({"sets": 4, "reps": 12}, {"sets": 3, "reps": 12}),
        ({"reps": 12}, {"reps": 10}),
        ({"reps": 7}, {"reps": 6}),
        ({"reps": 6}, {"sets": 2, "reps": 6}),
        ({"reps": 6, "sets": 1}, None),
    ],
)
def test_regression_takes_the_load_off_first(library: ProgramLibrary, start: dict[str, object],
                                             expected: dict[str, object] | None) -> None:
    ex = library.get("foundation").exercise("standing-hip-flexion")
    level = replace(default_level(ex), **start)  # type: ignore[arg-type]
    step = previous_step(ex, level)
    if expected is None:
        assert step is None
        return
    assert step is not None
    for key, value in expected.items():
        assert getattr(step.level, key) == value


def test_levels_json_round_trip() -> None:
    level = ExerciseLevel(sets=4, reps=12, band=Band.HEAVY, range_note="Knee to hip height only.", since="2026-03-02T18:00:00+00:00")
    assert ExerciseLevel.from_json(level.to_json()) == level
    with pytest.raises(ValueError):
        ExerciseLevel.from_json({"sets": 0})
    with pytest.raises(ValueError):
        ExerciseLevel.from_json({"sets": 3, "band": "rubber"})


def test_apply_levels_changes_the_plan_and_shows_band_and_range(library: ProgramLibrary) -> None:
    foundation = library.get("foundation")
    shf = foundation.exercise("standing-hip-flexion")
    slr = foundation.exercise("straight-leg-raise")
    levels = {
        "standing-hip-flexion": replace(default_level(shf), sets=4, reps=12, range_note="Thigh only to hip height."),
        "straight-leg-raise": replace(default_level(slr), hold_seconds=9.0, band=Band.LIGHT),
    }
    mine = apply_levels(foundation, levels)
    assert mine.exercise("standing-hip-flexion").dosage.sets == 4
    assert mine.exercise("standing-hip-flexion").dosage.reps == 12
    assert mine.exercise("standing-hip-flexion").setup.endswith("Thigh only to hip height.")
    assert mine.exercise("straight-leg-raise").dosage.hold_seconds == 9.0
    assert "light band" in mine.exercise("straight-leg-raise").setup
    assert "resistance band" in mine.exercise("straight-leg-raise").equipment
    assert mine.exercise("supine-marching") == foundation.exercise("supine-marching")
    assert build_plan(mine).timed_seconds > build_plan(foundation).timed_seconds
    assert apply_levels(foundation, {}) is foundation
