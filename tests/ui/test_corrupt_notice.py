"""A damaged session file is moved aside, and the home screen says so in one line."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from psoas_coach.app import build_gui
from psoas_coach.cli import parse_args
from psoas_coach.core import coaching
from psoas_coach.paths import resolve_paths
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.ui.main_window import MainWindow


def started_window(qtbot: QtBot, data: Path) -> MainWindow:
    """The window as the app starts it on the data folder *data*, for a user who accepted the safety note."""
    CoachingStore(data).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    args = parse_args(["--data-dir", str(data), "--mute"])
    window = build_gui(args, resolve_paths(args.data_dir))
    assert window is not None
    qtbot.addWidget(window)
    return window

def test_corrupt_record_is_reported_on_home(qtbot: QtBot, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "2026-11-01T10-00-00_broken.json").write_text('{"id": "x", "started": ', encoding="utf-8")
    window = started_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: "broken.json is not valid JSON" in window.home.notice.text())  # read after the first paint
    assert "moved to" in window.home.notice.text()
    assert list((sessions / "corrupt").glob("*broken*"))  # kept, never deleted


def test_in_german_and_french_the_home_notice_is_a_whole_sentence_of_the_language(qtbot: QtBot, tmp_path: Path) -> None:
    """The notice was English whatever the language ("The session file … was moved to …")."""
    from psoas_coach import i18n

    sessions = tmp_path / "sessions"
    sessions.mkdir(parents=True)
    wanted = {"de": "Die Einheitsdatei {name} ist kein gültiges JSON; sie wurde nach {folder} verschoben, der "
                    "restliche Verlauf wurde geladen.",
              "fr": "Le fichier de séance {name} n'est pas du JSON valide ; il a été déplacé vers {folder} et le reste "
                    "de l'historique a été chargé."}
    for code, sentence in wanted.items():
        name = f"2026-11-01T10-00-00_kaputt-{code}.json"
        (sessions / name).write_text('{"id": "x", "started": ', encoding="utf-8")
        i18n.set_language(code)
        window = started_window(qtbot, tmp_path)
        expected = sentence.format(name=name, folder=sessions / "corrupt")
        qtbot.waitUntil(lambda: expected in window.home.notice.text())  # noqa: B023 (waited on in this pass)
        window.close()


def test_a_damaged_file_not_named_by_its_start_time_is_reported_too(qtbot: QtBot, tmp_path: Path) -> None:
    """The last-session line read the folder first and set such a file aside without a word."""
    sessions = tmp_path / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "kaputt.json").write_text("{", encoding="utf-8")
    window = started_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: "kaputt.json is not valid JSON" in window.home.notice.text())
