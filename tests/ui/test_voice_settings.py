"""Voice, speed, volume and beeps: chosen in a dialog from home, applied at once, kept between runs."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Callable

from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from psoas_coach.app import wire_voice_settings
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.settings import SettingsStore, VoiceSettings
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.voice_settings import VoiceSettingsDialog


class FakeLoader:
    def __init__(self, voices_folder: Path = Path("/nonexistent/voices")) -> None:
        self.applied: list[VoiceSettings] = []
        self.sampled: list[VoiceSettings] = []
        self.paths = SimpleNamespace(voices=voices_folder)

    def sample(self, settings: VoiceSettings) -> None:
        self.sampled.append(settings)
        self.apply(settings)

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


def test_a_sample_plays_the_choice_and_cancel_puts_the_kept_settings_back(
        window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path) -> None:
    window = window_factory(library)
    loader = FakeLoader()
    settings = SettingsStore(tmp_path / "config")

    def try_then_cancel(dialog: QDialog) -> bool:
        assert isinstance(dialog, VoiceSettingsDialog)
        dialog.voice.setCurrentIndex(dialog.voice.findData("en-gb"))
        dialog.findChild(QPushButton, "voice-sample").click()
        return False

    wire_voice_settings(window, loader, settings, run=try_then_cancel)  # type: ignore[arg-type]
    window.findChild(type(window.home.start_button), "home-voice").click()
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
    add.click()
    assert dialog.status.text() == ("en_US-half-medium.onnx has no en_US-half-medium.onnx.json beside it; "
                                    "a Piper voice needs both files.")
    assert dialog.chosen().voice is None  # the previous choice stays
    add.click()
    assert dialog.chosen().voice == "piper:de_DE-thorsten-low"
    assert dialog.voice.currentText() == "Natural: German (Germany), thorsten (low quality)"
    assert (tmp_path / "voices" / "de_DE-thorsten-low.onnx.json").exists()


def test_home_shows_how_far_the_voice_is_prepared(window_factory: Callable[..., MainWindow], library: ProgramLibrary) -> None:
    window = window_factory(library)
    home = window.home
    home.set_voice_progress(40, 82)
    assert home.voice_progress.text() == "Preparing the voice: 40 of 82 cues" and not home.voice_progress.isHidden()
    home.set_voice_progress(82, 82)
    assert home.voice_progress.isHidden()
