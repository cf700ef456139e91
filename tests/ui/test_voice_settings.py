"""Voice, speed, volume and beeps: chosen in a dialog from home, applied at once, kept between runs."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from psoas_coach.app import wire_voice_settings
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.settings import SettingsStore, VoiceSettings
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.voice_settings import VoiceSettingsDialog


class FakeLoader:
    def __init__(self) -> None:
        self.applied: list[VoiceSettings] = []

    def voices(self) -> list[tuple[str, str]]:
        return [("en-gb", "English (Great Britain)"), ("en-us", "English (America)")]

    def apply(self, settings: VoiceSettings) -> None:
        self.applied.append(settings)


def test_choices_apply_at_once_and_are_kept(window_factory: Callable[..., MainWindow], library: ProgramLibrary,
                                            tmp_path: Path) -> None:
    window = window_factory(library)
    loader = FakeLoader()
    settings = SettingsStore(tmp_path / "config")

    def choose(dialog: QDialog) -> bool:
        assert isinstance(dialog, VoiceSettingsDialog)
        assert dialog.voice.count() == 3  # the default voice and the engine's two
        dialog.voice.setCurrentIndex(dialog.voice.findData("en-us"))
        dialog.rate.setValue(140)
        dialog.volume.setValue(60)
        dialog.beeps.setChecked(False)
        return True

    wire_voice_settings(window, loader, settings, run=choose)  # type: ignore[arg-type]
    window.findChild(type(window.home.start_button), "home-voice").click()
    assert loader.applied == [VoiceSettings(voice="en-us", rate=140, volume=0.6, beeps=False, muted=False)]
    again = SettingsStore(tmp_path / "config").voice()
    assert (again.voice, again.rate, again.volume, again.beeps) == ("en-us", 140, 0.6, False)


def test_cancel_changes_nothing(window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path) -> None:
    window = window_factory(library)
    loader = FakeLoader()
    settings = SettingsStore(tmp_path / "config")
    wire_voice_settings(window, loader, settings, run=lambda dialog: False)  # type: ignore[arg-type]
    window.findChild(type(window.home.start_button), "home-voice").click()
    assert loader.applied == []
    assert not (tmp_path / "config" / "settings.json").exists()


def test_not_during_a_session(window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path) -> None:
    window = window_factory(library)
    opened: list[QDialog] = []
    wire_voice_settings(window, FakeLoader(), SettingsStore(tmp_path), run=lambda d: opened.append(d) or False)  # type: ignore[arg-type]
    window.start_program("foundation")
    window.findChild(type(window.home.start_button), "home-voice").click()
    assert opened == []
