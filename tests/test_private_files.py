"""Everything Psoas Coach creates is private (folders 0700, files 0600) even under umask 000: the data folder
the command line makes, sessions/, coaching.json and its lock, settings, window state, the crash log, the
therapist PDF, the calendar file, exports, the caches and speech clips."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from psoas_coach.app import build_gui, install_crash_log, main
from psoas_coach.cli import parse_args
from psoas_coach.core import coaching
from psoas_coach.paths import resolve_paths
from psoas_coach.speech.beeps import beep_files, tone_samples, wav_bytes
from psoas_coach.speech.cache import ClipCache
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.store.settings import SettingsStore, VoiceSettings

pytestmark = [pytest.mark.skipif(os.name != "posix", reason="POSIX permissions"),
              pytest.mark.qt_log_ignore(".*")]  # the audio back-end's warnings about missing libraries


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture(autouse=True)
def close_app_windows() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app = QApplication.instance()
    for coach in [c for c in (app.children() if app else []) if isinstance(c, CuePlayer)]:
        coach.shutdown()
        coach.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _not_private(root: Path) -> list[str]:
    wrong = []
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            info = path.lstat()
            want = 0o700 if stat.S_ISDIR(info.st_mode) else 0o600
            if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
                if stat.S_IMODE(info.st_mode) != want:
                    wrong.append(f"{path.relative_to(root)} {oct(stat.S_IMODE(info.st_mode))}")
    if stat.S_IMODE(root.stat().st_mode) != 0o700:
        wrong.append(f". {oct(stat.S_IMODE(root.stat().st_mode))}")
    return wrong


def test_everything_created_under_umask_000_is_private(qtbot: QtBot, qapp: Any, tmp_path: Path, open_umask: None,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs the crash log hook
    data = tmp_path / "new" / "psoas"  # nothing there yet: the command line makes it
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    assert main(["--data-dir", str(data), "history"]) == 0
    assert main(["--data-dir", str(data), "programs", "list"]) == 0

    # a short session in the real window, rated and saved; the window's size is kept on close
    CoachingStore(data).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    args = parse_args(["--data-dir", str(data), "--mute", "--speed", "20"])
    window = build_gui(args, resolve_paths(args.data_dir))
    assert window is not None
    window.start_program("foundation")
    window.next_step()
    window.next_step()
    assert window.engine is not None
    window.engine.end_early()
    window.save_ratings(3, 0, "fine")
    window.close()
    SettingsStore(resolve_paths(data).config).save_voice(VoiceSettings(rate=150))

    assert main(["--data-dir", str(data), "export", "--output", str(out / "export.json")]) == 0
    assert main(["--data-dir", str(data), "report", "--output", str(out / "report.pdf")]) == 0
    assert main(["--data-dir", str(data), "schedule", "--ics", str(out / "plan.ics")]) == 0

    install_crash_log(resolve_paths(data))
    try:
        raise RuntimeError("a crash, logged")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())

    paths = resolve_paths(data)
    speech = ClipCache(paths.cache / "speech-test", None, 175)
    speech.ensure_folder()
    rendered = speech.temp_path_for("Breathe out.")
    rendered.write_bytes(wav_bytes(tone_samples(next(iter(__import__("psoas_coach.speech.beeps",
                                                                       fromlist=["TONES"]).TONES.values())))))
    os.chmod(rendered, 0o666)  # as a speech engine under umask 000 leaves it
    assert speech.store("Breathe out.", rendered) is not None
    beep_files(paths.cache / "beeps-test")
    capsys.readouterr()

    made = {p.relative_to(data).as_posix() for p in data.rglob("*")}
    for expected in ("sessions", "coaching.json", "coaching.json.lock", "config/settings.json", "config/window.ini",
                     "psoas-coach.log", "cache", "sessions/unfinished/running.lock"):
        assert expected in made, (expected, sorted(made))
    assert [p for p in made if p.startswith("sessions/") and p.endswith(".json") and p.count("/") == 1]
    assert _not_private(data) == []
    for name in ("export.json", "report.pdf", "plan.ics"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700  # made on the way to the data folder
