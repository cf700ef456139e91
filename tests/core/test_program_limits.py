"""Every number in a program file has a sane range, bad values are quoted short, and the programs folder is
read without hanging or growing whatever sits in it (FIFOs, links to devices, huge files)."""

from __future__ import annotations

import copy
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from psoas_coach.core.program import MAX_FILE_BYTES, ProgramError, load_catalogue, load_library, parse_program

CATALOGUE = load_catalogue()
GOOD: dict[str, Any] = {
    "schema_version": 1, "id": "mine", "name": "Mine", "description": "Mine.",
    "exercises": [
        {"id": "supine-marching", "dosage": {"kind": "reps", "sets": 3, "reps": 10, "rep_range": [8, 12]}},
        {"id": "straight-leg-raise", "dosage": {"kind": "hold", "sets": 3, "reps": 6, "rep_range": [6, 12],
                                                "hold_seconds": 5, "hold_range": [5, 10]}},
    ],
}


def _with(change: dict[str, Any], index: int | None = None) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    target = data if index is None else data["exercises"][index]["dosage"]
    target.update(change)
    return data


def _error(data: Any) -> ProgramError:
    with pytest.raises(ProgramError) as err:
        parse_program(data, "mine.json", CATALOGUE)
    return err.value


def test_the_good_program_loads() -> None:
    assert parse_program(GOOD, "mine.json", CATALOGUE).id == "mine"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (_with({"schema_version": 0}), "schema_version", "must be 1"),
        (_with({"schema_version": -1}), "schema_version", "not -1"),
        (_with({"schema_version": 99999}), "schema_version", "not 99999"),
        (_with({"schema_version": 2**63}), "schema_version", "not a huge number"),
        (_with({"schema_version": "é"}), "schema_version", "not a text"),
        (_with({"schema_version": 1.5}), "schema_version", "not 1.5"),
        (_with({"hold_range": [5, 1e300]}, 1), "exercises[1].dosage.hold_range", "between 1 and 120"),
        (_with({"hold_range": [0.5, 10]}, 1), "exercises[1].dosage.hold_range", "between 1 and 120"),
        (_with({"hold_range": [6, 10]}, 1), "exercises[1].dosage.hold_range", "contain the dosage's own 5"),
        (_with({"rep_range": [0, 0], "reps": 50}, 0), "exercises[0].dosage.rep_range", "between 1 and 100"),
        (_with({"rep_range": [1, 10], "reps": 50}, 0), "exercises[0].dosage.rep_range", "contain the dosage's own 50"),
        (_with({"rep_range": [6, 40]}, 1), "exercises[1].dosage.rep_range", "between 1 and 30"),
        (_with({"rep_range": [12, 8]}, 0), "exercises[0].dosage.rep_range", "from low to high"),
        (_with({"sets": 11}, 0), "exercises[0].dosage.sets", "between 1 and 10"),
        (_with({"sets": float("nan")}, 0), "exercises[0].dosage.sets", "whole number, not NaN"),
        (_with({"sets": 2.5}, 0), "exercises[0].dosage.sets", "whole number, not 2.5"),
        (_with({"rest_seconds": float("nan")}, 0), "exercises[0].dosage.rest_seconds", "not NaN"),
        (_with({"rest_seconds": float("inf")}, 0), "exercises[0].dosage.rest_seconds", "not infinity"),
        (_with({"rest_between_exercises": 10**400}), "rest_between_exercises", "not a huge number"),
        (_with({"name": "n" * 81}), "name", "at most 80 characters"),
        (_with({"id": "x" * 65}), "id", "at most 64 characters"),
        (_with({"exercises": [{"id": "supine-marching"}] * 21}), "exercises", "at most 20"),
    ],
)
def test_out_of_range_values_are_refused(data: dict[str, Any], field: str, words: str) -> None:
    error = _error(data)
    assert error.field_path == field
    assert words in error.reason, error.reason


def test_a_huge_value_is_cut_in_the_error_line() -> None:
    huge = "x" * 1_000_000
    for data in (_with({"kind": huge}, 0), {**GOOD, "exercises": [{"id": huge}]},
                 {**GOOD, "exercises": [{"id": "alternating-leg-raises", "variant": "v" * 50}]}):
        message = str(_error(data))
        assert len(message) < 500, message[:200]


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and device links")
def test_fifos_links_and_huge_files_in_the_folder_are_skipped_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    (tmp_path / "big.json").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    (tmp_path / "good.json").write_text(json.dumps(GOOD), encoding="utf-8")
    started = time.monotonic()
    library = load_library([tmp_path])
    assert time.monotonic() - started < 5
    assert "mine" in library.ids()
    reasons = {Path(p.source).name: p.reason for p in library.problems}
    assert reasons["p.json"] == "is a pipe (FIFO), not a file"
    assert "symbolic link" in reasons["zero.json"] and "symbolic link" in reasons["loop.json"]
    assert reasons["big.json"].startswith("is too large")


def test_many_rejected_files_are_summarised_on_one_short_line(tmp_path: Path) -> None:
    for n in range(40):
        (tmp_path / f"bad-{n:02d}.json").write_text("{", encoding="utf-8")
    notice = load_library([tmp_path]).problems_notice()
    assert notice is not None and "\n" not in notice and len(notice) < 200
    assert notice.startswith("40 program files were skipped (bad-00.json and 39 more)")
    assert "programs list" in notice


def test_one_rejected_file_is_named_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    notice = load_library([tmp_path]).problems_notice()
    assert notice is not None and "bad.json" in notice and "not valid JSON" in notice
    assert load_library().problems_notice() is None
