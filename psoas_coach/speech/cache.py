"""Rendered cue clips on disk: one WAV per (engine, voice and its model's hash, rate, text), under the user cache dir."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import wave
from pathlib import Path

from psoas_coach.paths import ensure_private_dir
from psoas_coach.speech.render_process import PIPER, PYTTSX3

__all__ = ["ClipCache", "PIPER", "PYTTSX3", "wav_length"]

CACHE_TAG = "clip-2"  # bump when the way clips are rendered changes (2: trimmed, one loudness, numbers as words)
HASH_MEMO = "voice-hashes.json"


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
    """Maps a cue text to its clip file for one engine, voice and rate, and remembers measured lengths.

    For a Piper voice the key also names the model file's SHA-256, so a changed or replaced voice file
    never plays old clips. The hash is worked out once, on the render thread (``model_identity``), and
    remembered on disk by the file's size and mtime.
    """

    def __init__(self, folder: Path, voice: str | None, rate: int, *, engine: str = PYTTSX3,
                 model: Path | None = None) -> None:
        self.folder = folder
        from psoas_coach.i18n import SOURCE_LANGUAGE, current_language

        language = current_language()  # one text may sound different in another language's default voice
        self.voice = (voice or "default") if language == SOURCE_LANGUAGE else f"{language}/{voice or 'default'}"
        self.rate = int(rate)
        self.engine = engine
        self.model = model
        self._model_hash: str | None = None if model is not None else ""
        self._hash_lock = threading.Lock()
        self._lengths: dict[str, float] = {}

    def model_identity(self) -> str:
        """The voice model's hash ("" for engines without a model file); slow only the first time ever."""
        with self._hash_lock:
            if self._model_hash is None:
                from psoas_coach.speech.voices import model_hash

                assert self.model is not None
                self._model_hash = model_hash(self.model, self.folder / HASH_MEMO)
            return self._model_hash

    def key(self, text: str) -> str:
        raw = json.dumps([CACHE_TAG, self.engine, self.voice, self.model_identity(), self.rate, text],
                         ensure_ascii=False)
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
