"""A damaged session file is moved aside, and the home screen says so in one line."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from psoas_coach.app import build_gui
from psoas_coach.cli import parse_args
from psoas_coach.core import coaching
from psoas_coach.paths import resolve_paths
from psoas_coach.store.coaching_store import CoachingStore


def test_corrupt_record_is_reported_on_home(qtbot: QtBot, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "2026-11-01T10-00-00_broken.json").write_text('{"id": "x", "started": ', encoding="utf-8")
    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    args = parse_args(["--data-dir", str(tmp_path), "--mute"])
    window = build_gui(args, resolve_paths(args.data_dir))
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "broken.json is not valid JSON" in window.home.notice.text())  # read after the first paint
    assert "moved to" in window.home.notice.text()
    assert list((sessions / "corrupt").glob("*broken*"))  # kept, never deleted
