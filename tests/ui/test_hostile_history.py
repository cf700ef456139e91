"""The window's History screen over hostile session files: H opens it, every row can be selected, the
weeks and charts tabs build, the good sessions are listed, nothing is deleted and nothing escapes.

A NaN duration used to end in a segmentation fault here (select_row after reload): an exception in
the list model's data() inside Qt. Any exception raised inside Qt fails these tests (pytest-qt)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.sessions import SessionStore, encode
from psoas_coach.ui.main_window import MainWindow
from tests.store.helpers import make_record
from tests.store.hostile import Snapshot, record_texts, special_tree

GOOD = [make_record(n) for n in range(3)]


def _fill(folder: Path, files: list[tuple[str, bytes]]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    store = SessionStore(folder)
    for record in GOOD:
        store.save(record)
    for name, data in files:
        (folder / name).write_bytes(data)


def _open_history_and_look_everywhere(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.home.programs, Qt.Key.Key_H)
    history = window.history
    assert history is not None and window.stack.currentWidget() is history
    for row in range(history.model.rowCount()):
        history.select_row(row)
        for column in range(history.model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                history.model.data(history.model.index(row, column), role)
    for key in (Qt.Key.Key_W, Qt.Key.Key_C, Qt.Key.Key_S):
        qtbot.keyClick(history.list, key)
    qtbot.keyClick(history.list, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.home


def test_nan_duration_and_wrong_types_in_the_window(
    window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path, qtbot: QtBot
) -> None:
    folder = tmp_path / "sessions"
    nan = make_record(10)
    nan["duration_seconds"] = float("nan")
    odd = make_record(11, program="foundation", status=5, notes={"a": 1}, effort="high")
    _fill(folder, [("2026-02-01T07-30-00_nan.json", encode(nan)), ("2026-02-02T07-30-00_odd.json", encode(odd)),
                   ("2026-02-03T07-30-00_deep.json", b"[" * 50_000 + b"]" * 50_000)])
    special_tree(folder)
    snapshot = Snapshot.of(folder)
    window = window_factory(library, folder)
    _open_history_and_look_everywhere(window, qtbot)
    history = window.history
    assert history is not None
    assert history.model.rowCount() == 5
    history.select_row(history.model.row_of(nan["id"]))
    assert "not known" in history.detail.title.text()
    assert history.detail.read_only_line.isVisible() is False  # NaN reads as null, JSON's "not known"
    history.select_row(history.model.row_of(odd["id"]))
    assert not history.detail.delete_button.isEnabled() and not history.detail.notes.isEnabled()
    assert "could not be read" in history.detail.read_only_line.text()
    # the deep file was moved aside by start-up's read already; the links, the FIFO and the folder stay and are said
    assert history.notice.isVisibleTo(history) and "session files" in history.notice.text()
    assert "skipped" in history.notice.text()
    assert (folder / "corrupt" / "2026-02-03T07-30-00_deep.json").exists()
    assert snapshot.kept_in(folder) == []


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=st.lists(st.integers(100, 10_000).flatmap(record_texts), min_size=1, max_size=3, unique_by=lambda f: f[0]))
def test_history_screen_survives_hostile_records(
    window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path, qtbot: QtBot,
    files: list[tuple[str, bytes]],
) -> None:
    folder = tmp_path / "hostile" / "sessions"  # the data folder is its parent
    _fill(folder, files)
    snapshot = Snapshot.of(folder)
    window = window_factory(library, folder)
    _open_history_and_look_everywhere(window, qtbot)
    assert window.history is not None
    listed = {record["id"] for record in window.history.model.records()}
    assert {r["id"] for r in GOOD} <= listed
    assert snapshot.kept_in(folder) == []
    window.close()
