"""An autosave of valid JSON but the wrong shape: Y and N never raise, and the notice never claims that
something was kept when it was not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.ui.test_resume import crash_mid_set, make_window
from tests.window_fixtures import Answers, answer_banner


def _damage(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / "unfinished" / "current.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _saved(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")]


SHAPES: dict[str, Callable[[dict[str, Any]], None]] = {
    "program is a text": lambda d: d["record"].__setitem__("program", "foundation"),
    "record is a list": lambda d: d.__setitem__("record", [1, 2]),
    "no session id": lambda d: d.pop("session_id"),
    "status is a number": lambda d: d["record"].__setitem__("status", 3),
    "notes are an object": lambda d: d["record"].__setitem__("notes", {"a": 1}),
    "engine is a text": lambda d: d.__setitem__("engine", "running"),
    "record of another session": lambda d: d["record"].__setitem__("id", "other"),
}


@pytest.mark.parametrize("answer", [True, False])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_wrong_shape_is_set_aside_and_said_plainly(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path,
                                                     clock: FakeClock, answers: Answers, shape: str, answer: bool) -> None:
    folder = tmp_path / "sessions"
    crash_mid_set(qtbot, library, folder, clock, answers)
    _damage(folder, SHAPES[shape])
    window = make_window(qtbot, library, folder, clock, answers)
    answers.answer = answer
    window.offer_resume()
    answer_banner(window, answers)
    assert answers.asked == [] and window.engine is None
    notice = window.home.notice.text()
    assert "nothing could be kept" in notice and "partial session" not in notice
    assert _saved(folder) == []
    [aside] = (folder / "corrupt").iterdir()
    assert aside.name.startswith("current-")
    assert not (folder / "unfinished" / "current.json").exists()


SNAPSHOTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "index is a text": lambda d: d["engine"].__setitem__("index", "3"),
    "index far out": lambda d: d["engine"].__setitem__("index", 10**30),
    "records are a text": lambda d: d["engine"].__setitem__("records", "none"),
    "a record is a list": lambda d: d["engine"].__setitem__("records", [[1, 2]]),
    "a record with a text count": lambda d: d["engine"]["records"][0].__setitem__("reps_left", "two"),
    "elapsed is a text": lambda d: d["engine"].__setitem__("elapsed", "12"),
    "started_wall is a list": lambda d: d["engine"].__setitem__("started_wall", [1]),
}


@pytest.mark.parametrize("shape", sorted(SNAPSHOTS))
def test_a_damaged_engine_state_cannot_resume_but_the_work_is_kept(
        qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, answers: Answers, shape: str) -> None:
    folder = tmp_path / "sessions"
    session_id = crash_mid_set(qtbot, library, folder, clock, answers)
    _damage(folder, SNAPSHOTS[shape])
    window = make_window(qtbot, library, folder, clock, answers)
    answers.answer = True
    window.offer_resume()
    answer_banner(window, answers)
    assert len(answers.asked) == 1 and window.engine is None
    notice = window.home.notice.text()
    assert notice.startswith("The interrupted session cannot resume (")
    assert "was kept as a partial session" in notice
    assert [r["id"] for r in _saved(folder)] == [session_id]
    assert SessionStore(folder).unfinished() is None


def test_a_refused_partial_save_says_the_autosave_stays(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path,
                                                        clock: FakeClock, answers: Answers,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from psoas_coach import atomic

    folder = tmp_path / "sessions"
    crash_mid_set(qtbot, library, folder, clock, answers)
    window = make_window(qtbot, library, folder, clock, answers)
    answers.answer = False

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "replace", full)
    window.offer_resume()
    answer_banner(window, answers)
    monkeypatch.undo()
    notice = window.home.notice.text()
    assert "could not be kept as a partial session" in notice and "the disk is full" in notice
    assert "stays in place" in notice
    assert SessionStore(folder).unfinished() is not None


def reopened_after_damage(qtbot: QtBot, library: ProgramLibrary, folder: Path, clock: FakeClock,
                          answers: Answers, damage: Callable[[dict[str, Any]], None], language: str) -> MainWindow:
    """A session cut off mid-set, its autosave then damaged by *damage*, and the window opened again in
    *language*."""
    from psoas_coach import i18n

    crash_mid_set(qtbot, library, folder, clock, answers)
    _damage(folder, damage)
    i18n.set_language(language)
    return make_window(qtbot, library, folder, clock, answers)


def test_a_damaged_autosave_is_told_in_french_naming_the_field(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path,
                                                               clock: FakeClock, answers: Answers) -> None:
    folder = tmp_path / "sessions"
    window = reopened_after_damage(qtbot, library, folder, clock, answers, SHAPES["status is a number"], "fr")
    window.offer_resume()
    notice = window.home.notice.text()
    assert notice.startswith("La sauvegarde automatique d'une séance interrompue contient un enregistrement de séance "
                             "inutilisable (le champ « record.status » devrait valoir ")
    assert ', pas 3)' in notice and str(folder / "corrupt") in notice


def test_a_damaged_engine_state_is_told_in_german(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path,
                                                  clock: FakeClock, answers: Answers) -> None:
    folder = tmp_path / "sessions"
    window = reopened_after_damage(qtbot, library, folder, clock, answers, SNAPSHOTS["elapsed is a text"], "de")
    answers.answer = True
    window.offer_resume()
    answer_banner(window, answers)
    assert window.home.notice.text().startswith(
        "Die unterbrochene Einheit kann nicht fortgesetzt werden (die Zeiten der gespeicherten Einheit sind beschädigt).")
