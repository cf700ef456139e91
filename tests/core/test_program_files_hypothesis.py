"""Bad program files from a generator: always one clear ProgramError naming file, field and reason, never a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_coach.core.program import Exercise, Program, ProgramError, load_catalogue, load_program_file, parse_program
from tests.json_mutations import mutated

CATALOGUE = load_catalogue()

VALID: dict[str, Any] = {
    "schema_version": 1,
    "id": "mine",
    "name": "Mine",
    "description": "A custom program.",
    "rest_between_exercises": 45,
    "exercises": [
        {"id": "supine-marching",
         "dosage": {"kind": "reps", "sets": 2, "reps": 12, "rep_range": [10, 15],
                    "tempo": {"lift": 2, "hold": 1, "lower": 3, "pause": 1}, "rest_seconds": 30}},
        {"id": "straight-leg-raise",
         "dosage": {"kind": "hold", "sets": 3, "reps": 6, "hold_seconds": 7, "hold_range": [5, 10],
                    "release_seconds": 3}},
        {"id": "alternating-leg-raises", "variant": "hanging"},
        {"id": "mountain-climbers", "dosage": {"kind": "timed", "sets": 2, "work_seconds": 20}},
    ],
}

json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False), st.text(max_size=12),
    st.sampled_from(["reps", "hold", "timed", "each", "supine-marching", "hanging", "", " ", "foundation"]),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


mutated_programs = mutated(VALID, json_value, least=1)  # a valid program with one to three places changed


def _check_outcome(data: Any, source: str) -> None:
    try:
        program = parse_program(data, source, CATALOGUE)
    except ProgramError as exc:
        _assert_clear(exc, source)
        return
    assert isinstance(program, Program)
    assert all(isinstance(ex, Exercise) for ex in program.exercises) and program.exercises


def _assert_clear(exc: ProgramError, source: str) -> None:
    message = str(exc)
    assert exc.source == source
    assert message.startswith(f"{source}: field '")
    assert exc.field_path and exc.reason
    assert "\n" not in message and message.endswith(".")


def test_the_valid_program_loads() -> None:
    program = parse_program(VALID, "mine.json", CATALOGUE)
    assert program.exercise("alternating-leg-raises").default_variant == "hanging"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_programs)
def test_mutated_programs_fail_clearly(data: Any) -> None:
    _check_outcome(data, "mine.json")


@settings(max_examples=200, deadline=None)
@given(json_value)
def test_any_json_value_fails_clearly(data: Any) -> None:
    _check_outcome(data, "any.json")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=64))
def test_any_bytes_fail_clearly(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "raw.json"
    path.write_bytes(raw)
    try:
        load_program_file(path, CATALOGUE)
    except ProgramError as exc:
        _assert_clear(exc, str(path))


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[" * 100_000 + "]" * 100_000, "(file)"),  # nesting too deep for the JSON reader
        ('{"id": "x", "name": "n", "description": "d", "rest_between_exercises": 1' + "0" * 5000 + "}",
         "(file)"),  # an integer too long to read
        ('{"id": "x", "name": "n", "description": "d", "rest_between_exercises": 1' + "0" * 400 + ', "exercises": '
         '[{"id": "supine-marching"}]}', "rest_between_exercises"),  # a huge but readable number
        ('{"id": "x", "name": "n", "description": "d", "exercises": [{"id": "supine-marching", "dosage": '
         '{"kind": "reps", "sets": 3, "reps": 10, "tempo": {"lift": 1e999}}}]}', "(file)"),  # no float holds it
    ],
)
def test_pathological_files_fail_clearly(tmp_path: Path, text: str, field: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProgramError) as err:
        load_program_file(path, CATALOGUE)
    _assert_clear(err.value, str(path))
    assert err.value.field_path.startswith(field)


def test_a_directory_named_json_fails_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(ProgramError) as err:
        load_program_file(folder, CATALOGUE)
    _assert_clear(err.value, str(folder))


def test_files_round_trip_through_json(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")
    assert load_program_file(path, CATALOGUE).id == "mine"
