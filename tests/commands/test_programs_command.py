"""`psoas-coach programs`: list, show and check, with bad files named but never fatal; the schema and docs agree."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from psoas_coach.cli import parse_args
from psoas_coach.core import coaching
from psoas_coach.core.program import DosageKind, Sides, load_catalogue, parse_program
from psoas_coach.paths import resolve_paths

ROOT = Path(__file__).resolve().parents[2]


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    args = parse_args(argv)
    code = args.func(args, resolve_paths())
    out = capsys.readouterr()
    return code, out.out, out.err


def _user_programs(home: Path) -> Path:
    folder = home / "programs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


GOOD = {"id": "short", "name": "Short", "description": "One exercise.", "exercises": [{"id": "supine-marching"}]}


def test_list_shows_built_in_and_user_programs_and_names_bad_files(private_home: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = _user_programs(private_home)
    (folder / "short.json").write_text(json.dumps(GOOD), encoding="utf-8")
    bad = dict(GOOD, id="bad", exercises=[{"id": "supine-marching", "dosage": {"kind": "reps", "sets": 0, "reps": 5}}])
    (folder / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    code, out, err = run_cli(["programs", "list"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("foundation") and "(current)" in lines[0]
    assert any(line.startswith("short") and "short.json" in line for line in lines)
    assert "bad.json: field 'exercises[0].dosage.sets' must be between 1 and 10, not 0." in err


def test_list_is_the_default_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["programs"], capsys)
    assert code == 0 and "advanced" in out


def test_show_prints_the_users_levels(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from psoas_coach.core.levels import Band, ExerciseLevel
    from psoas_coach.store.coaching_store import CoachingStore

    CoachingStore(private_home).update(coaching.set_level, "foundation", "standing-hip-flexion",
                                        ExerciseLevel(sets=4, reps=12, band=Band.LIGHT, range_note="Knee to hip height."))
    code, out, _ = run_cli(["programs", "show", "foundation"], capsys)
    assert code == 0
    assert "3. Standing Hip Flexion [foundation] · 4 x 12 with a light band (your level)" in out
    assert "Range: Knee to hip height." in out
    assert "1. Supine Marching [foundation] · 3 x 10\n" in out


def test_show_unknown_program(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["programs", "show", "yoga"], capsys)
    assert code == 1
    assert err.strip() == "There is no program 'yoga'; the programs are: foundation, advanced."


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{", "is not valid JSON"),
        (json.dumps(dict(GOOD, exercises=[{"id": "crunches"}])), "field 'exercises[0].id' names an unknown exercise"),
        (json.dumps(dict(GOOD, id="foundation")), "same id as a built-in program"),
    ],
)
def test_check_names_the_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str) -> None:
    path = tmp_path / "mine.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run_cli(["programs", "check", str(path)], capsys)
    assert code == 1
    assert expected in out + err and str(path) in out + err
    assert len((out + err).strip().splitlines()) == 1


def test_check_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    code, out, _ = run_cli(["programs", "check", str(path)], capsys)
    assert code == 0 and out.startswith(f"{path}: ok, program 'short' with 1 exercise,")


def test_check_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["programs", "check", str(tmp_path / "nope.json")], capsys)
    assert code == 1 and "cannot be read" in err


def test_commands_import_no_qt() -> None:
    script = (
        "import sys\n"
        "from psoas_coach.cli import parse_args\n"
        "from psoas_coach.paths import resolve_paths\n"
        "for argv in (['programs', 'list'], ['schedule']):\n"
        "    a = parse_args(argv); a.func(a, resolve_paths())\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr


# --------------------------------------------------------------------------- the schema and the docs


def _schema() -> dict[str, Any]:
    text = resources.files("psoas_coach.data").joinpath("schemas", "program.schema.json").read_text("utf-8")
    return json.loads(text)


def test_schema_names_the_catalogue_and_the_parser_enums() -> None:
    schema = _schema()
    assert set(schema["$defs"]["entry"]["properties"]["id"]["enum"]) == set(load_catalogue())
    assert schema["$defs"]["dosage"]["properties"]["kind"]["enum"] == [k.value for k in DosageKind]
    assert {s.value for s in Sides}  # sides live in the catalogue, not in programs


def _dosage_bounds() -> list[tuple[str, str, float, float]]:
    schema = _schema()["$defs"]["dosage"]
    out = [("reps", "sets", schema["properties"]["sets"]["minimum"], schema["properties"]["sets"]["maximum"])]
    for branch in schema["oneOf"]:
        kind = branch["properties"]["kind"]["const"]
        for name, spec in branch["properties"].items():
            if "minimum" in spec and "maximum" in spec:
                out.append((kind, name, spec["minimum"], spec["maximum"]))
    return out


BASE = {"reps": {"kind": "reps", "sets": 3, "reps": 10},
        "hold": {"kind": "hold", "sets": 3, "reps": 6, "hold_seconds": 5},
        "timed": {"kind": "timed", "sets": 3, "work_seconds": 20}}
EXERCISE = {"reps": "supine-marching", "hold": "straight-leg-raise", "timed": "mountain-climbers"}


@pytest.mark.parametrize(("kind", "name", "low", "high"), _dosage_bounds())
def test_schema_bounds_match_the_parser(kind: str, name: str, low: float, high: float) -> None:
    catalogue = load_catalogue()

    def attempt(value: float) -> bool:
        dosage = dict(BASE[kind], **{name: value})
        data = dict(GOOD, exercises=[{"id": EXERCISE[kind], "dosage": dosage}])
        try:
            parse_program(data, "t.json", catalogue)
        except ValueError:
            return False
        return True

    step = 1 if isinstance(low, int) and name in ("sets", "reps") else 0.5
    assert attempt(low) and attempt(high)
    assert not attempt(low - step) and not attempt(high + step)


def test_docs_example_is_a_valid_program() -> None:
    text = (ROOT / "docs" / "program-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, re.S)
    assert example is not None
    program = parse_program(json.loads(example.group(1)), "docs example", load_catalogue())
    assert program.id == "short-evening" and len(program.exercises) == 3
