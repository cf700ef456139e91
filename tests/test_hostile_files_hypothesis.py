"""Generated hostile files for everything the app reads besides session records: program files, settings,
coaching state and autosaves. Their readers and the commands over them (programs list/check, report,
schedule) never let an exception escape and never delete a file: a bad one is set aside or left alone."""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_coach.cli import parse_args
from psoas_coach.core import coaching
from psoas_coach.core.levels import MAX_HOLD_SECONDS, MAX_REPS, MAX_SETS, MAX_WORK_LIMIT
from psoas_coach.core.program import load_library
from psoas_coach.paths import resolve_paths
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.store.settings import RATE_RANGE, SettingsStore
from psoas_coach.store.unfinished import UnfinishedFile, check_unfinished
from tests.json_mutations import mutated

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

leaf = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=10),
    st.sampled_from(["none", "light", "foundation", "supine-marching", "reps", "hold", "psoas-coach-unfinished"]),
)
values = st.recursive(leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=5)), max_leaves=20)


def _near(shape: dict[str, Any]) -> st.SearchStrategy[Any]:
    """*shape* with some of its values replaced by anything, or keys dropped."""
    return mutated(json.loads(json.dumps(shape)), values)


def _texts(shapes: st.SearchStrategy[Any]) -> st.SearchStrategy[str]:
    """The JSON of a generated value (NaN and Infinity allowed, as a clumsy editor writes them), sometimes cut
    short, nested deep or replaced by junk."""
    plain = shapes.map(lambda v: json.dumps(v, allow_nan=True))
    return st.one_of(
        plain,
        st.tuples(plain, st.integers(min_value=0, max_value=200)).map(lambda t: t[0][: t[1]]),
        st.integers(min_value=60, max_value=5000).map(lambda n: '{"a": ' * n + "1" + "}" * n),
        st.text(max_size=40),
    )


LEVEL = {"sets": 3, "reps": 12, "hold_seconds": 0, "work_seconds": 0, "band": "none", "range_note": "", "since": ""}
COACHING = {"schema_version": 1, "safety_accepted": "2026-01-01T09:00:00+00:00", "current_program": "foundation",
            "levels": {"foundation": {"supine-marching": LEVEL}},
            "decisions": [{"key": "k", "kind": "level", "program_id": "foundation", "exercise_id": "supine-marching",
                           "accepted": True, "at": "2026-01-02T09:00:00+00:00", "reason": "r"}]}
SETTINGS = {"schema_version": 1, "voice": {"voice": "gmw/en", "rate": 175, "volume": 0.8, "beeps": True, "muted": False}}
PROGRAM = {"schema_version": 1, "id": "mine", "name": "Mine", "description": "Mine.", "rest_between_exercises": 45,
           "exercises": [{"id": "supine-marching", "dosage": {"kind": "reps", "sets": 2, "reps": 10,
                                                               "rep_range": [8, 12]}},
                         {"id": "straight-leg-raise", "dosage": {"kind": "hold", "sets": 3, "reps": 6,
                                                                 "hold_seconds": 5, "hold_range": [5, 10]}}]}
RECORD = {"schema_version": 2, "id": "s1", "program": {"id": "foundation", "name": "Foundation"},
          "started": "2026-03-02T07:30:00+01:00", "ended": "2026-03-02T07:40:00+01:00",
          "updated": "2026-03-02T07:40:00+01:00", "duration_seconds": 600.0, "status": "ended_early",
          "exercises": [], "notes": ""}
AUTOSAVE = {"kind": "psoas-coach-unfinished", "version": 1, "session_id": "s1", "program_id": "foundation",
            "finished": False, "engine": {"snapshot_version": 1, "index": 2, "elapsed": 3.0, "records": []},
            "record": RECORD}


def _files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.is_file() or p.is_symlink())


def _in_fresh_folder(test: Callable[[Path], None]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        test(Path(folder))


@SLOW
@given(_texts(_near(SETTINGS)))
def test_settings_never_raise_and_stay_in_range(text: str) -> None:
    def check(folder: Path) -> None:
        (folder / "settings.json").write_text(text, encoding="utf-8")
        store = SettingsStore(folder)
        voice = store.voice()
        assert RATE_RANGE[0] <= voice.rate <= RATE_RANGE[1] and 0.0 <= voice.volume <= 1.0
        assert isinstance(voice.beeps, bool) and isinstance(voice.muted, bool)
        store.save_voice(voice)
        assert _files(folder) >= 1 and store.voice() == voice
    _in_fresh_folder(check)


@SLOW
@given(_texts(_near(COACHING)))
def test_coaching_state_never_raises_and_every_level_is_bounded(text: str) -> None:
    def check(folder: Path) -> None:
        (folder / "coaching.json").write_text(text, encoding="utf-8")
        store = CoachingStore(folder)
        state = store.load()
        for levels in state.levels.values():
            for level in levels.values():
                assert 1 <= level.sets <= MAX_SETS and 0 <= level.reps <= MAX_REPS
                assert 0 <= level.hold_seconds <= MAX_HOLD_SECONDS and 0 <= level.work_seconds <= MAX_WORK_LIMIT
                assert math.isfinite(level.hold_seconds) and math.isfinite(level.work_seconds)
        assert len(store.problems) <= 1 and all("\n" not in p for p in store.problems)
        assert _files(folder) == 1  # kept where it was, or set aside: never gone
        if not state.read_only:
            store.update(coaching.accept_safety, "2026-03-01T09:00:00+00:00")
    _in_fresh_folder(check)


@SLOW
@given(_texts(_near(AUTOSAVE)))
def test_autosaves_are_usable_or_set_aside(text: str) -> None:
    def check(folder: Path) -> None:
        path = folder / "unfinished" / "current.json"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        autosave = UnfinishedFile(path, folder / "corrupt")
        left = autosave.load()
        if left is None:
            assert autosave.problem is not None and "\n" not in autosave.problem
            assert list((folder / "corrupt").iterdir())
        else:
            assert check_unfinished(left) is None and autosave.problem is None
        assert _files(folder) == 1
    _in_fresh_folder(check)


@SLOW
@given(st.lists(_texts(_near(PROGRAM)), min_size=1, max_size=4))
def test_program_files_never_stop_the_library_or_the_commands(texts: list[str]) -> None:
    def check(folder: Path) -> None:
        programs = folder / "programs"
        programs.mkdir()
        for n, text in enumerate(texts):
            (programs / f"p{n}.json").write_text(text, encoding="utf-8")
        library = load_library([programs])
        assert {"foundation", "advanced"} <= set(library.ids())
        notice = library.problems_notice()
        assert notice is None or ("\n" not in notice and len(notice) < 800)
        for argv in (["programs", "list"], ["programs", "check", str(programs / "p0.json")]):
            args = parse_args(["--data-dir", str(folder), *argv])
            assert args.func(args, resolve_paths(args.data_dir)) in (0, 1)
        assert _files(programs) == len(texts)
    _in_fresh_folder(check)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(_texts(_near(COACHING)), _texts(_near(SETTINGS)), _texts(_near(PROGRAM)))
def test_report_and_schedule_go_on_whatever_the_config_files_hold(
        qapp: Any, capsys: pytest.CaptureFixture[str], coaching: str, voice: str, program: str) -> None:
    def check(folder: Path) -> None:
        (folder / "config").mkdir()
        (folder / "programs").mkdir()
        (folder / "coaching.json").write_text(coaching, encoding="utf-8")
        (folder / "config" / "settings.json").write_text(voice, encoding="utf-8")
        (folder / "programs" / "mine.json").write_text(program, encoding="utf-8")
        before = _files(folder)
        for argv in (["schedule", "--ics", str(folder / "plan.ics")], ["report", "--output", str(folder / "r.pdf")]):
            args = parse_args(["--data-dir", str(folder), *argv])
            assert args.func(args, resolve_paths(args.data_dir)) == 0, capsys.readouterr().err
        assert _files(folder) >= before + 2
        capsys.readouterr()
    _in_fresh_folder(check)
