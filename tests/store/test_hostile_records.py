"""Hostile and clumsy session files: every reader and command survives them, nothing is deleted, the good
sessions are still listed, and each reader returns within a bound (counts and sizes, generous times).

Checked for each generated folder: the store (fresh and from its parse cache), the latest-session shortcut,
the autosave, every consumer of records (list, weeks, schedule, report data, History's numbers, coaching
entries, export), and the commands history, export, schedule and report.
"""

from __future__ import annotations

import json
import os
import tempfile
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_coach.cli import parse_args
from psoas_coach.core.history import entries_by_exercise
from psoas_coach.core.history_view import detail_rows, exercise_series, had_pain, ratings_series, status_text
from psoas_coach.core.schedule import plan_weeks, today_advice
from psoas_coach.core.weeks import weeks
from psoas_coach.paths import resolve_paths
from psoas_coach.report.data import build_report
from psoas_coach.safe_json import depth_exceeds
from psoas_coach.store.exporting import to_csv, to_json
from psoas_coach.store.listing import table
from psoas_coach.store.session_check import MAX_NOTES, problems_of
from psoas_coach.store.sessions import LoadResult, SessionStore, encode
from tests.store.helpers import make_record
from tests.store.hostile import Snapshot, autosave_texts, record_texts, special_tree, within

GOOD = [make_record(n) for n in range(3)]
RECORD_BYTES = 256 * 1024  # no checked record holds more than this as JSON (notes, names and extra fields are capped)
SECONDS = 60.0  # generous: each call takes milliseconds; a blocked reader never returns at all


def _write(folder: Path, files: list[tuple[str, bytes]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    store = SessionStore(folder)
    for record in GOOD:
        store.save(record)
    for name, data in files:
        (folder / name).write_bytes(data)


def _consumers(records: list[dict[str, object]]) -> None:
    """Everything the window, the report and the commands compute from records."""
    today = date(2026, 3, 1)
    table(records)
    to_json(records)
    to_csv(records)
    weeks(records, today)
    today_advice(records, today, "foundation", "Foundation")
    plan_weeks(records, today, 4, "foundation", "Foundation")
    build_report(records, date(2025, 1, 1), today)
    exercise_series(records)
    ratings_series(records)
    entries_by_exercise(records, "foundation")
    for record in records:
        detail_rows(record)
        had_pain(record)
        status_text(record)


def _check(result: LoadResult, snapshot: Snapshot, folder: Path) -> None:
    ids = {r["id"] for r in result.sessions}
    assert {r["id"] for r in GOOD} <= ids, "a good session is missing"
    for record in result.sessions:
        assert len(json.dumps(record, allow_nan=False)) <= RECORD_BYTES  # finite, bounded, serialisable
        assert not depth_exceeds(record, 32)
        if problems_of(record):
            assert record["id"] in result.read_only
    assert snapshot.kept_in(folder) == []
    notice = result.notice()
    assert (notice is None) == (not result.problems)
    assert notice is None or "\n" not in notice


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=st.lists(st.integers(100, 10_000).flatmap(record_texts), max_size=4, unique_by=lambda f: f[0]),
       autosave=st.one_of(st.none(), autosave_texts), specials=st.booleans())
def test_readers_survive_hostile_records(files: list[tuple[str, bytes]], autosave: bytes | None, specials: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sessions"
        cache = Path(tmp) / "cache" / "parsed"
        _write(folder, files)
        if specials:
            special_tree(folder)
        if autosave is not None:
            (folder / "unfinished").mkdir()
            (folder / "unfinished" / "current.json").write_bytes(autosave)
        snapshot = Snapshot.of(folder)
        fresh = within(SECONDS, lambda: SessionStore(folder, parse_cache=cache).load_all())
        _check(fresh, snapshot, folder)
        cached = within(SECONDS, lambda: SessionStore(folder, parse_cache=cache).load_all())
        assert [r["id"] for r in cached.sessions] == [r["id"] for r in fresh.sessions]
        assert cached.sessions == fresh.sessions
        within(SECONDS, lambda: SessionStore(folder).latest())
        left = within(SECONDS, lambda: SessionStore(folder).unfinished())
        assert left is None or isinstance(left, dict)
        within(SECONDS, lambda: _consumers(fresh.sessions))
        assert snapshot.kept_in(folder) == []


def test_each_kind_of_bad_file_is_said_once_and_handled_as_documented(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    nan = make_record(10)
    nan["duration_seconds"] = float("nan")
    odd = make_record(11, program="foundation", status=5, notes={"text": "x"})
    _write(folder, [
        ("2026-02-01T07-30-00_nan.json", encode(nan).replace(b'"duration_seconds": NaN', b'"duration_seconds": NaN')),
        ("2026-02-02T07-30-00_odd.json", encode(odd)),
        ("2026-02-03T07-30-00_deep.json", b"[" * 100_000 + b"]" * 100_000),
        ("2026-02-04T07-30-00_field.json", encode(make_record(12)).replace(b'"notes": ""', b'"notes": ' + b"[" * 700 + b"]" * 700)),
    ])
    specials = special_tree(folder)
    snapshot = Snapshot.of(folder)
    result = within(SECONDS, lambda: SessionStore(folder).load_all())
    by_id = {r["id"]: r for r in result.sessions}
    # the NaN duration and the wrong types: shown, with "not known" values, read-only
    assert by_id[nan["id"]]["duration_seconds"] is None
    assert by_id[odd["id"]]["program"] == {"id": "", "name": ""} and by_id[odd["id"]]["status"] is None
    assert by_id[odd["id"]]["notes"] == "" and "notes is not text" in problems_of(by_id[odd["id"]])
    assert odd["id"] in result.read_only
    assert "not known" in table(result.sessions)
    # nested too deeply (the whole file, or one field 700 levels down): set aside in corrupt/
    assert sorted(p.name for p in result.moved_aside) == ["2026-02-03T07-30-00_deep.json", "2026-02-04T07-30-00_field.json"]
    assert all("nested too deeply" in p for p in result.problems if "deep" in p or "field" in p)
    # links, the FIFO and the folder: skipped and left as they are
    assert sorted(result.skipped) == sorted(specials)
    assert all(os.path.lexists(p) for p in specials)
    notice = result.notice()
    assert notice is not None and notice.startswith("8 session files could not be read (2 were damaged and moved to ")
    assert "6 were not a regular file and skipped" in notice
    assert snapshot.kept_in(folder) == []
    again = SessionStore(folder).load_all()
    assert len(again.problems) == 6 and not again.moved_aside  # the skipped ones are said again, nothing moves


def test_a_file_without_read_permission_stays_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psoas_coach import safe_json

    folder = tmp_path / "sessions"
    _write(folder, [])
    locked = SessionStore(folder).path_for(make_record(20))
    locked.write_bytes(encode(make_record(20)))
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads it anyway: refuse it as the kernel would for anyone else
        real_open = os.open

        def refuse(path: object, *args: object) -> int:
            if str(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(safe_json.os, "open", refuse)
    result = SessionStore(folder).load_all()
    assert result.problems == [f"{locked.name} cannot be read (permission)."]
    assert result.notice() == (f"The session file {locked.name} cannot be read (permission); it was left in "
                               "place and the rest of the history loaded.")
    assert locked.exists() and not (folder / "corrupt").exists()
    assert len(result.sessions) == len(GOOD)


def test_fifty_megabytes_of_notes_are_cut_when_read_and_the_rest_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    big = make_record(30, notes="n" * (50 * 1024 * 1024))
    _write(folder, [(SessionStore(folder).path_for(big).name, encode(big))])
    size = SessionStore(folder).path_for(big).stat().st_size
    tracemalloc.start()
    try:
        result = within(SECONDS, lambda: SessionStore(folder, parse_cache=tmp_path / "parsed").load_all())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * size  # the file, its text and the parsed notes at most; 3.15 GB (60 times) before
    record = next(r for r in result.sessions if r["id"] == big["id"])
    assert len(record["notes"]) == MAX_NOTES
    assert record["exercises"] == big["exercises"] and record["status"] == big["status"]
    assert record["id"] in result.read_only  # saving it would cut the notes in the file: never written back
    assert f"notes cut to {MAX_NOTES:,} characters" in problems_of(record)
    tracemalloc.start()
    try:
        _consumers(result.sessions)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # the report, History's numbers and the export see 20,000 characters, not 50 MB


def test_a_file_over_the_size_limit_is_left_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psoas_coach.store import sessions

    monkeypatch.setattr(sessions, "MAX_RECORD_BYTES", 10_000)
    folder = tmp_path / "sessions"
    big = make_record(31, notes="n" * 20_000)
    _write(folder, [(SessionStore(folder).path_for(big).name, encode(big))])
    result = SessionStore(folder).load_all()
    assert result.problems and "is too large" in result.problems[0]
    assert result.unreadable and SessionStore(folder).path_for(big).exists()


def _cli(argv: list[str], home: Path) -> int:
    args = parse_args(["--data-dir", str(home), *argv])
    return int(args.func(args, resolve_paths(args.data_dir)))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.integers(100, 10_000).flatmap(record_texts), min_size=1, max_size=3, unique_by=lambda f: f[0]))
def test_commands_survive_hostile_records(files: list[tuple[str, bytes]], capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        _write(home / "sessions", files)
        special_tree(home / "sessions")
        snapshot = Snapshot.of(home / "sessions")
        for argv in (["history"], ["history", "--json"], ["export", "--output", "-"],
                     ["export", "--format", "csv", "--output", str(Path(tmp) / "out.csv")],
                     ["schedule", "--today", "2026-03-01"],
                     ["report", "--from", "2026-01-01", "--to", "2026-03-01", "--output", str(Path(tmp) / "r.pdf")]):
            code = within(SECONDS, lambda: _cli(argv, home))
            out, err = capsys.readouterr()
            assert code == 0, (argv, err)
            assert "Traceback" not in err
            session_lines = [line for line in err.splitlines() if "session file" in line]
            assert len(session_lines) <= 1, err  # the unreadable files are said once
            if argv == ["history", "--json"]:
                assert {r["id"] for r in GOOD} <= {r["id"] for r in json.loads(out)}
        assert snapshot.kept_in(home / "sessions") == []


def test_autosave_temp_files_left_by_kills_are_cleaned_by_any_reader(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    _write(folder, [])
    (folder / "unfinished").mkdir()
    old = [folder / "unfinished" / f".current.json.{n}abc.tmp" for n in range(5)]
    for path in old:
        path.write_bytes(b'{"kind": "psoas-coach-unfinished"')
        os.utime(path, (1, 1))
    live = folder / "unfinished" / ".current.json.live.tmp"  # one being written right now stays
    live.write_bytes(b"{")
    SessionStore(folder).load_all()  # what history, export, schedule and report do
    assert not any(p.exists() for p in old) and live.exists()
