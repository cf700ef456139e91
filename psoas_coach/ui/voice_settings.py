"""Voice settings: which voice, how fast, how loud, and beeps on or off. Kept between runs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psoas_coach.store.settings import RATE_RANGE, VoiceSettings
from psoas_coach.ui.widgets.text import label

DEFAULT_VOICE = "The system's default voice"


class VoiceSettingsDialog(QDialog):
    """Edits a VoiceSettings; ``chosen()`` gives the result once accepted."""

    def __init__(self, current: VoiceSettings, voices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Voice — Psoas Coach")
        self.current = current
        layout = QVBoxLayout(self)
        layout.addWidget(label("Spoken cues", 1.6, bold=True))
        if not voices:
            layout.addWidget(label("The list of voices appears once the speech engine has started.", 1.0))
        form = QFormLayout()
        self.voice = QComboBox()
        self.voice.setObjectName("voice-choice")
        self.voice.addItem(DEFAULT_VOICE, None)
        for voice_id, name in voices:
            self.voice.addItem(name, voice_id)
        index = self.voice.findData(current.voice)
        self.voice.setCurrentIndex(max(0, index))
        self.rate = QSpinBox()
        self.rate.setObjectName("voice-rate")
        self.rate.setRange(*RATE_RANGE)
        self.rate.setSuffix(" words a minute")
        self.rate.setValue(current.rate)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("voice-volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(round(current.volume * 100))
        self.beeps = QCheckBox("Beep at each change of phase (work, rest, done)")
        self.beeps.setObjectName("voice-beeps")
        self.beeps.setChecked(current.beeps)
        form.addRow("Voice", self.voice)
        form.addRow("Speed", self.rate)
        form.addRow("Volume", self.volume)
        form.addRow("", self.beeps)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> VoiceSettings:
        return VoiceSettings(
            voice=self.voice.currentData(),
            rate=self.rate.value(),
            volume=self.volume.value() / 100,
            beeps=self.beeps.isChecked(),
            muted=self.current.muted,
        ).cleaned()
