"""The article's content loads as data, and a broken program file names the file, field and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psoas_coach.core.program import (
    DosageKind,
    Level,
    ProgramError,
    Sides,
    load_catalogue,
    load_library,
    load_program_file,
    parse_program,
)

ARTICLE_EXERCISES = {
    "supine-marching",
    "straight-leg-raise",
    "standing-hip-flexion",
    "front-support-hip-flexion",
    "alternating-leg-raises",
    "high-knee-runs",
    "mountain-climbers",
}


def test_catalogue_has_the_seven_article_exercises() -> None:
    catalogue = load_catalogue()
    assert set(catalogue) == ARTICLE_EXERCISES
    for ex in catalogue.values():
        assert 2 <= len(ex.cues) <= 5
        assert ex.compensations
        # each cue must be speakable in about 3 s: ~2.5 words a second
        for cue in ex.cues:
            assert len(cue.split()) <= 9, cue


def test_dosage_follows_the_article() -> None:
    c = load_catalogue()
    marching = c["supine-marching"]
    assert marching.sides is Sides.ALTERNATING and marching.dosage.rep_range == (10, 15)
    assert 10 <= marching.dosage.reps <= 15
    assert marching.dosage.tempo.lower > marching.dosage.tempo.lift  # slow, controlled lowering
    standing = c["standing-hip-flexion"]
    assert 2 <= standing.dosage.tempo.hold <= 3  # hold the top 2-3 s
    slr = c["straight-leg-raise"]
    assert slr.dosage.kind is DosageKind.HOLD and 5 <= slr.dosage.hold_seconds <= 10
    for ex in c.values():
        if ex.dosage.kind is not DosageKind.TIMED:
            assert ex.dosage.sets == 3
            low, high = ex.dosage.rep_range or (0, 0)
            assert low <= ex.dosage.reps <= high
    assert c["alternating-leg-raises"].default_variant == "supine"
    assert {v.id for v in c["alternating-leg-raises"].variants} == {"supine", "hanging"}
    assert c["mountain-climbers"].level is Level.DYNAMIC
    assert c["front-support-hip-flexion"].level is Level.ADVANCED
    assert "resistance band" in c["front-support-hip-flexion"].equipment


def test_builtin_programs() -> None:
    lib = load_library()
    assert lib.ids()[:2] == ["foundation", "advanced"]
    assert not lib.problems
    foundation = lib.get("foundation")
    assert all(ex.level is Level.FOUNDATION for ex in foundation.exercises)
    advanced = lib.get("advanced")
    assert advanced.exercises[-1].level is Level.DYNAMIC  # dynamic finisher


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_broken_json_names_file_and_position(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"id": "x", ')
    with pytest.raises(ProgramError) as err:
        load_program_file(path, load_catalogue())
    assert str(path) in str(err.value)
    assert "not valid JSON" in str(err.value)
    assert "line 1" in str(err.value)


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        ({"name": "n", "description": "d", "exercises": [{"id": "supine-marching"}]}, "id", "is missing"),
        ({"id": "p", "name": "n", "description": "d", "exercises": [{"id": "sit-ups"}]}, "exercises[0].id", "unknown exercise"),
        ({"id": "p", "name": "n", "description": "d", "exercises": []}, "exercises", "at least one"),
        (
            {"id": "p", "name": "n", "description": "d",
             "exercises": [{"id": "supine-marching", "dosage": {"kind": "reps", "sets": 0, "reps": 10}}]},
            "exercises[0].dosage.sets", "between 1 and 10",
        ),
        (
            {"id": "p", "name": "n", "description": "d",
             "exercises": [{"id": "supine-marching", "dosage": {"kind": "jumps", "sets": 3}}]},
            "exercises[0].dosage.kind", "must be one of",
        ),
        (
            {"id": "p", "name": "n", "description": "d",
             "exercises": [{"id": "straight-leg-raise", "dosage": {"kind": "hold", "sets": 3, "reps": 5, "hold_seconds": "ten"}}]},
            "exercises[0].dosage.hold_seconds", "must be a number",
        ),
        ([1, 2], "(top level)", "must be an object"),
    ],
)
def test_bad_program_names_field_and_reason(tmp_path: Path, data: object, field: str, reason: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(ProgramError) as err:
        load_program_file(path, load_catalogue())
    message = str(err.value)
    assert message.startswith(str(path))
    assert f"'{field}'" in message
    assert reason in message
    assert message.count("\n") == 0


def test_bad_user_program_is_reported_and_good_ones_load(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    good = {"id": "short", "name": "Short", "description": "One exercise.", "exercises": [{"id": "supine-marching"}]}
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    lib = load_library([tmp_path])
    assert "short" in lib.ids()
    assert len(lib.problems) == 1 and "bad.json" in str(lib.problems[0])


def test_program_dosage_override() -> None:
    catalogue = load_catalogue()
    data = {"id": "p", "name": "n", "description": "d",
            "exercises": [{"id": "supine-marching", "dosage": {"kind": "reps", "sets": 1, "reps": 12}}]}
    program = parse_program(data, "test", catalogue)
    assert program.exercises[0].dosage.sets == 1 and program.exercises[0].dosage.reps == 12
