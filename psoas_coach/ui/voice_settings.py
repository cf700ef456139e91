"""Voice settings: which voice, how fast, how loud, and beeps on or off. Kept between runs.

Natural (Piper) voices are listed first, then the system's espeak-ng voices; a sample cue plays on
request; a Piper voice (.onnx with its .onnx.json) can be added from files, and is copied into
``<data>/voices/``, where voices placed by hand are found too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psoas_coach.i18n import _, lazy
from psoas_coach.store.settings import RATE_RANGE, VoiceSettings
from psoas_coach.ui.widgets.text import label

DEFAULT_VOICE = lazy("Default (the natural voice where it is installed)")
ChooseFile = Callable[[QWidget], "Path | None"]


def choose_voice_file(parent: QWidget) -> Path | None:
    """Ask for a Piper voice model; its .onnx.json must lie beside it."""
    name, _filter = QFileDialog.getOpenFileName(parent, _("Add a Piper voice"), str(Path.home()),
                                               _("Piper voice model ({pattern})").format(pattern="*.onnx"))
    return Path(name) if name else None


class VoiceSettingsDialog(QDialog):
    """Edits a VoiceSettings; ``chosen()`` gives the result once accepted."""

    def __init__(self, current: VoiceSettings, voices: Sequence[tuple[str, str]], parent: QWidget | None = None, *,
                 sample: Callable[[VoiceSettings], None] | None = None, voices_folder: Path | None = None,
                 choose_file: ChooseFile = choose_voice_file) -> None:
        super().__init__(parent)
        self.voices_folder = voices_folder
        self.choose_file = choose_file
        self.sampled = False  # a sample applied these settings for a moment: Cancel puts the old ones back
        self.setWindowTitle(_("Voice — Psoas Coach"))
        self.current = current
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Spoken cues"), 1.6, bold=True))
        if not voices:
            layout.addWidget(label(_("The list of voices appears once the speech engine has started."), 1.0))
        form = QFormLayout()
        self.voice = QComboBox()
        self.voice.setObjectName("voice-choice")
        self.voice.addItem(str(DEFAULT_VOICE), None)
        for voice_id, name in voices:
            self.voice.addItem(name, voice_id)
        index = self.voice.findData(current.voice)
        self.voice.setCurrentIndex(max(0, index))
        self.rate = QSpinBox()
        self.rate.setObjectName("voice-rate")
        self.rate.setRange(*RATE_RANGE)
        self.rate.setSuffix(" " + _("words a minute"))
        self.rate.setValue(current.rate)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("voice-volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(round(current.volume * 100))
        self.beeps = QCheckBox(_("Beep at each change of phase (work, rest, done)"))
        self.beeps.setObjectName("voice-beeps")
        self.beeps.setChecked(current.beeps)
        form.addRow(_("Voice"), self.voice)
        form.addRow(_("Speed"), self.rate)
        form.addRow(_("Volume"), self.volume)
        form.addRow("", self.beeps)
        layout.addLayout(form)
        row = QHBoxLayout()
        if sample is not None:
            play = QPushButton(_("Play a sample"))
            play.setObjectName("voice-sample")
            play.clicked.connect(lambda: self._sample(sample))
            row.addWidget(play)
        if voices_folder is not None:
            add = QPushButton(_("Add a Piper voice…"))
            add.setObjectName("voice-add")
            add.setToolTip(_("An .onnx voice with its .onnx.json; or place both in {folder}").format(folder=voices_folder))
            add.clicked.connect(self.add_voice)
            row.addWidget(add)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setObjectName("voice-status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _sample(self, sample: Callable[[VoiceSettings], None]) -> None:
        self.sampled = True
        sample(self.chosen())

    def add_voice(self) -> None:
        """Copy a chosen Piper voice into the voices folder and select it; a bad one gets one sentence."""
        from psoas_coach.speech.voices import VoiceError, add_voice

        assert self.voices_folder is not None
        model = self.choose_file(self)
        if model is None:
            return
        try:
            voice = add_voice(model, self.voices_folder)
        except VoiceError as exc:
            self.status.setText(str(exc))
            return
        except OSError as exc:
            self.status.setText(_("The voice could not be copied into {folder} ({reason}).").format(
                folder=self.voices_folder, reason=exc.strerror or exc))
            return
        index = self.voice.findData(voice.id)
        if index < 0:
            self.voice.insertItem(1, voice.label, voice.id)
            index = 1
        self.voice.setCurrentIndex(index)
        self.status.setText(_("Added {voice}. It is loaded when you press OK or play a sample.").format(voice=voice.name))

    def chosen(self) -> VoiceSettings:
        return VoiceSettings(
            voice=self.voice.currentData(),
            rate=self.rate.value(),
            volume=self.volume.value() / 100,
            beeps=self.beeps.isChecked(),
            muted=self.current.muted,
        ).cleaned()
