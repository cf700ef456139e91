"""Rendered cue clips on disk: one WAV per (engine, voice, rate, text), under the user cache dir."""

from __future__ import annotations

import hashlib
import json
import os
import wave
from pathlib import Path

from psoas_coach.paths import ensure_private_dir

CACHE_TAG = "pyttsx3-wav-1"  # bump when the way clips are rendered changes


def wav_length(path: Path) -> float | None:
    """Seconds of audio in the WAV at *path*; None when it is missing, empty or not a WAV."""
    try:
        with wave.open(str(path), "rb") as fh:
            frames, rate = fh.getnframes(), fh.getframerate()
    except (OSError, EOFError, wave.Error):
        return None
    if frames <= 0 or rate <= 0:
        return None
    return frames / rate


class ClipCache:
    """Maps a cue text to its clip file for one voice and rate, and remembers measured lengths."""

    def __init__(self, folder: Path, voice: str | None, rate: int) -> None:
        self.folder = folder
        self.voice = voice or "default"
        self.rate = int(rate)
        self._lengths: dict[str, float] = {}

    def key(self, text: str) -> str:
        raw = json.dumps([CACHE_TAG, self.voice, self.rate, text], ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]

    def path_for(self, text: str) -> Path:
        return self.folder / f"{self.key(text)}.wav"

    def temp_path_for(self, text: str) -> Path:
        return self.folder / f".{self.key(text)}.{os.getpid()}.part.wav"

    def length(self, text: str) -> float | None:
        """The clip's length if it is on disk (read from the WAV header once, then remembered)."""
        if text in self._lengths:
            return self._lengths[text]
        length = wav_length(self.path_for(text))
        if length is not None:
            self._lengths[text] = length
        return length

    def ensure_folder(self) -> None:
        ensure_private_dir(self.folder)

    def store(self, text: str, rendered: Path) -> float | None:
        """Move a freshly rendered file into place; None (and the file removed) if it holds no audio."""
        length = wav_length(rendered)
        if length is None:
            try:
                rendered.unlink()
            except OSError:
                pass
            return None
        if os.name == "posix":
            os.chmod(rendered, 0o600)  # the speech engine wrote it with the umask's permissions
        os.replace(rendered, self.path_for(text))
        self._lengths[text] = length
        return length
