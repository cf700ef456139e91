"""Voice, speed, volume and beeps: chosen in a dialog from home, applied at once, kept between runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from psoas_coach.store.settings import SettingsStore, VoiceSettings
from psoas_coach.ui.voice_settings import VoiceSettingsDialog
from tests.window_fixtures import AppFactory, FakeVoiceBackend


def test_choices_apply_at_once_and_are_kept(app_factory: AppFactory, tmp_path: Path) -> None:
    def choose(dialog: QDialog) -> bool:
        assert isinstance(dialog, VoiceSettingsDialog)
        assert dialog.voice.count() == 3  # the default voice and the engine's two
        dialog.voice.setCurrentIndex(dialog.voice.findData("en-us"))
        dialog.rate.setValue(140)
        dialog.volume.setValue(60)
        dialog.beeps.setChecked(False)
        return True

    startup = app_factory(run_dialog=choose)
    window, loader = startup.window, startup.voice
    assert window is not None and isinstance(loader, FakeVoiceBackend)
    window.findChild(type(window.home.start_button), "home-voice").click()
    assert loader.applied == [VoiceSettings(voice="en-us", rate=140, volume=0.6, beeps=False, muted=False)]
    again = SettingsStore(tmp_path / "config").voice()
    assert (again.voice, again.rate, again.volume, again.beeps) == ("en-us", 140, 0.6, False)


def test_cancel_changes_nothing(app_factory: AppFactory, tmp_path: Path) -> None:
    startup = app_factory(run_dialog=lambda dialog: False)
    window, loader = startup.window, startup.voice
    assert window is not None and isinstance(loader, FakeVoiceBackend)
    window.findChild(type(window.home.start_button), "home-voice").click()
    assert loader.applied == []
    assert not (tmp_path / "config" / "settings.json").exists()


def test_not_during_a_session(app_factory: AppFactory) -> None:
    opened: list[QDialog] = []
    window = app_factory(run_dialog=lambda d: opened.append(d) or False).window
    assert window is not None
    window.start_program("foundation")
    window.findChild(type(window.home.start_button), "home-voice").click()
    assert opened == []
