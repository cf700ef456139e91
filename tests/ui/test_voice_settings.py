"""Voice, speed, volume and beeps: chosen in a dialog from home, applied at once, kept between runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.store.settings import SettingsStore, VoiceSettings
from psoas_coach.ui.voice_settings import VoiceSettingsDialog
from tests.window_fixtures import AppFactory, FakeVoiceBackend


def click(parent: QWidget, name: str) -> None:
    """Click the button called *name* inside *parent*."""
    button = parent.findChild(QPushButton, name)
    assert button is not None, f"no button {name!r}"
    button.click()


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
    click(window, "home-voice")
    assert loader.applied == [VoiceSettings(voice="en-us", rate=140, volume=0.6, beeps=False, muted=False)]
    again = SettingsStore(tmp_path / "config").voice()
    assert (again.voice, again.rate, again.volume, again.beeps) == ("en-us", 140, 0.6, False)


def test_cancel_changes_nothing(app_factory: AppFactory, tmp_path: Path) -> None:
    startup = app_factory(run_dialog=lambda dialog: False)
    window, loader = startup.window, startup.voice
    assert window is not None and isinstance(loader, FakeVoiceBackend)
    click(window, "home-voice")
    assert loader.applied == []
    assert not (tmp_path / "config" / "settings.json").exists()


def test_not_during_a_session(app_factory: AppFactory) -> None:
    opened: list[QDialog] = []

    def refuse(dialog: QDialog) -> bool:
        opened.append(dialog)
        return False

    window = app_factory(run_dialog=refuse).window
    assert window is not None
    window.start_program("foundation")
    click(window, "home-voice")
    assert opened == []


def test_a_sample_plays_the_choice_and_cancel_puts_the_kept_settings_back(app_factory: AppFactory,
                                                                           tmp_path: Path) -> None:
    def try_then_cancel(dialog: QDialog) -> bool:
        assert isinstance(dialog, VoiceSettingsDialog)
        dialog.voice.setCurrentIndex(dialog.voice.findData("en-gb"))
        click(dialog, "voice-sample")
        return False

    startup = app_factory(run_dialog=try_then_cancel)
    window, loader = startup.window, startup.voice
    assert window is not None and isinstance(loader, FakeVoiceBackend)
    click(window, "home-voice")
    assert [s.voice for s in loader.sampled] == ["en-gb"]
    assert loader.applied == [loader.sampled[0], VoiceSettings()]  # tried, then back to what is kept
    assert not (tmp_path / "config" / "settings.json").exists()


def test_natural_voices_are_listed_first_and_one_can_be_added_from_files(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.speech.test_voices import make_voice

    good = make_voice(tmp_path / "downloads")
    bad = make_voice(tmp_path / "downloads", "en_US-half-medium", config=None)
    chosen: list[Path | None] = [bad, good]
    voices = [("piper:en_US-joe-medium", "Natural: English (United States), joe (medium quality)"),
              ("gmw/en-gb", "English (Great Britain)")]
    dialog = VoiceSettingsDialog(VoiceSettings(), voices, voices_folder=tmp_path / "voices",
                                 choose_file=lambda parent: chosen.pop(0))
    qtbot.addWidget(dialog)
    assert [dialog.voice.itemData(i) for i in range(dialog.voice.count())] == [None, "piper:en_US-joe-medium", "gmw/en-gb"]
    add = dialog.findChild(QPushButton, "voice-add")
    assert add is not None
    add.click()
    assert dialog.status.text() == ("en_US-half-medium.onnx has no en_US-half-medium.onnx.json beside it; "
                                    "a Piper voice needs both files.")
    assert dialog.chosen().voice is None  # the previous choice stays
    add.click()
    assert dialog.chosen().voice == "piper:de_DE-thorsten-low"
    assert dialog.voice.currentText() == "Natural: German (Germany), thorsten (low quality)"
    assert (tmp_path / "voices" / "de_DE-thorsten-low.onnx.json").exists()


def test_home_shows_how_far_the_voice_is_prepared(app_factory: AppFactory) -> None:
    startup = app_factory()
    window = startup.window
    assert window is not None
    startup.finish()
    assert startup.cue_player is not None
    startup.cue_player.voice_progress.emit(40, 82)
    home = window.home
    assert home.voice_progress.text() == "Preparing the voice: 40 of 82 cues" and not home.voice_progress.isHidden()
    startup.cue_player.voice_progress.emit(82, 82)
    assert home.voice_progress.isHidden()
