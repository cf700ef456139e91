"""`history`, `export` and `import` on the command line: tables, JSON, CSV, merge by id, and no Qt."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from psoas_coach.cli import parse_args
from psoas_coach.paths import resolve_paths
from psoas_coach.store.sessions import Record, SessionStore, Unreadable
from tests.store.helpers import make_record


def run(argv: list[str], home: Path) -> int:
    args = parse_args(["--data-dir", str(home), *argv])
    return int(args.func(args, resolve_paths(args.data_dir)))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    store = SessionStore(tmp_path / "home" / "sessions")
    store.save(make_record(1, notes="first time, felt\nfine"))
    store.save(make_record(2, status="pain_stop", pain=6, pain_stop={"exercise_id": "supine-marching", "side": "left", "at": "2026-01-03T07:40:00+01:00"}))
    store.save(make_record(3, effort=None, pain=None, recovered=True, status="ended_early"))
    return tmp_path / "home"


def test_history_table(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["history"], home) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Date", "Program", "Duration", "Status", "Effort", "Pain", "Notes"]
    assert lines[1].startswith("2026-01-02 07:30  Foundation") and "first time, felt fine" in lines[1]
    assert "partial, pain stop" in lines[2] and "6" in lines[2].split()
    assert "partial (recovered)" in lines[3]
    assert lines[4].startswith("This week: ") and len(lines) == 5
    assert run(["history", "--last", "1"], home) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_history_json_and_empty(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["history", "--json"], home) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data] == [make_record(n)["id"] for n in (1, 2, 3)]
    assert run(["history"], tmp_path / "nobody") == 0
    assert capsys.readouterr().out.startswith("No sessions saved yet")


def test_history_reports_a_corrupt_file_in_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "sessions" / "broken.json").write_text("{", encoding="utf-8")
    assert run(["history"], home) == 0
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 1 and "moved to" in captured.err
    assert len(captured.out.splitlines()) == 5


def test_export_csv(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.csv"
    assert run(["export", "--format", "csv", "--output", str(out)], home) == 0
    assert capsys.readouterr().out.strip() == f"Exported 3 sessions to {out}."
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600  # health data stays private
    assert {r["session_id"] for r in rows} == {make_record(n)["id"] for n in (1, 2, 3)}
    marching = [r for r in rows if r["session_id"] == make_record(1)["id"] and r["exercise_id"] == "supine-marching"]
    assert {r["side"] for r in marching} == {"left", "right"} and int(marching[0]["reps"]) > 0
    assert rows[0]["notes"] == "first time, felt\nfine"


def test_export_json_then_import_merges_by_id(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.json"
    assert run(["export", "--format", "json", "--output", str(out)], home) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "psoas-coach-sessions" and len(doc["sessions"]) == 3
    # Another laptop has session 1 (edited later), session 9, and an older copy of session 2.
    other = tmp_path / "other"
    store = SessionStore(other / "sessions")
    store.save(make_record(1, notes="edited on the other laptop", updated="2027-01-01T00:00:00.000+00:00"))
    store.save(make_record(2, notes="stale", updated="2020-01-01T00:00:00.000+00:00"))
    store.save(make_record(9))
    capsys.readouterr()
    assert run(["import", str(out)], other) == 0
    assert capsys.readouterr().out.strip() == "Imported 1 new session, updated 1; 1 was already here."
    notes = {r["id"]: r["notes"] for r in store.load_all().sessions}
    assert len(notes) == 4
    assert notes[make_record(1)["id"]] == "edited on the other laptop"
    assert notes[make_record(2)["id"]] == ""
    assert run(["import", str(out)], other) == 0  # again: nothing changes, nothing duplicates
    assert capsys.readouterr().out.strip() == "Imported 0 new sessions; 3 were already here."
    assert len(store.load_all().sessions) == 4


def test_import_rejects_bad_input_in_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    assert run(["import", str(bad)], tmp_path / "h") == 1
    assert capsys.readouterr().err.strip() == f"psoas-coach: {bad} is not a Psoas Coach export: the file is not valid JSON."
    assert run(["import", str(tmp_path / "missing.json")], tmp_path / "h") == 1
    assert "Could not read" in capsys.readouterr().err
    broken = make_record(5, effort=42)
    bad.write_text(json.dumps([broken, make_record(6)]), encoding="utf-8")
    assert run(["import", str(bad)], tmp_path / "h") == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Imported 1 new session; 1 could not be used."
    assert err.strip() == (f"psoas-coach: {bad}, session {broken['id']}: the field 'effort' is 42, above the highest "
                           "allowed value 10.")


def test_import_names_each_refused_record_and_counts_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "many.json"
    records: list[object] = [make_record(n, status="done") for n in range(1, 24)]
    bad.write_text(json.dumps([*records, "not a record", {"id": "x", "schema_version": 99}]), encoding="utf-8")
    assert run(["import", str(bad)], tmp_path / "h") == 1  # nothing could be used
    out, err = capsys.readouterr()
    assert out.strip() == "Imported 0 new sessions; 25 could not be used."
    lines = err.strip().splitlines()
    assert len(lines) == 21 and lines[-1] == f"psoas-coach: {bad}: 5 more sessions could not be used."
    assert lines[0].startswith(f"psoas-coach: {bad}, session {make_record(1)['id']}: the field 'status' should be ")


def test_import_refuses_a_pipe_and_a_missing_file_in_one_sentence(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The import file is read by the one safe reader: a FIFO is refused at once, never waited on."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert run(["import", str(fifo)], tmp_path / "h") == 1
    assert capsys.readouterr().err.strip() == f"psoas-coach: {fifo} is a pipe (FIFO), not a file."
    assert run(["import", str(tmp_path / "gone.json")], tmp_path / "h") == 1
    assert capsys.readouterr().err.strip() == f"psoas-coach: Could not read {tmp_path / 'gone.json'} (no such file)."


def test_history_path_imports_no_qt(home: Path) -> None:
    code = (
        "import sys; from psoas_coach.app import main; "
        f"rc = main(['--data-dir', {str(home)!r}, 'history']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'PySide6 imported'; sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    assert "Foundation" in done.stdout


def test_history_export_and_coaching_keep_a_parse_cache_in_the_cache_folder(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from psoas_coach.store import sessions
    from psoas_coach.store.context import load_context

    paths = resolve_paths(home)
    before = sorted(p.name for p in paths.sessions.iterdir())
    assert run(["history", "--json"], home) == 0
    first = capsys.readouterr().out
    assert paths.parse_cache.is_file() and paths.parse_cache.parent == home / "cache"
    assert sorted(p.name for p in paths.sessions.iterdir()) == before  # nothing new in the synced folder
    decoded: list[str] = []
    real = sessions._read_record

    def counting(path: str) -> tuple[Record | None, Unreadable]:
        decoded.append(path)
        return real(path)

    monkeypatch.setattr(sessions, "_read_record", counting)
    assert run(["history", "--json"], home) == 0
    assert capsys.readouterr().out == first
    out = tmp_path / "all.json"
    assert run(["export", "--format", "json", "--output", str(out)], home) == 0
    assert [r["id"] for r in json.loads(out.read_text(encoding="utf-8"))["sessions"]] == [
        make_record(n)["id"] for n in (1, 2, 3)
    ]
    assert len(load_context(paths).sessions) == 3
    assert decoded == []  # all three read the records from the cache
