"""Piper, the natural voice, as the render process runs it: load a voice model, render one cue to a WAV.

Imported only in the render process (render_process.main): piper and onnxruntime never enter the
window's process. onnxruntime is given one core fewer than the machine has, so the window keeps one.
Qt-free.
"""

from __future__ import annotations

import os
import wave
from pathlib import Path
from typing import Any

from psoas_coach.i18n import _

NATURAL_WPM = 170.0  # words a minute the bundled voice speaks at length_scale 1 (measured on the cue texts)
LENGTH_SCALE_RANGE = (0.5, 2.0)


def piper_missing_reason(exc: BaseException) -> str:
    """One plain sentence on why Piper could not start, naming what to install."""
    text = str(exc)
    if isinstance(exc, ImportError):
        if "onnxruntime" in text:
            return _("onnxruntime is not available on this platform")
        return _("the piper-tts package is not installed")
    return _("Piper did not start ({error}: {detail})").format(error=exc.__class__.__name__, detail=text)


def length_scale(rate: int) -> float:
    """Piper's phoneme length for a rate in words a minute (slower speech: longer phonemes)."""
    low, high = LENGTH_SCALE_RANGE
    return min(high, max(low, NATURAL_WPM / max(rate, 1)))


class PiperEngine:
    """One loaded voice at a time; a voice that fails to load leaves the previous one in place."""

    def __init__(self) -> None:
        import onnxruntime  # noqa: F401 - fail here, at start, if either is missing
        from piper import PiperVoice, SynthesisConfig

        self._voice_class: Any = PiperVoice
        self._config_class: Any = SynthesisConfig
        self.voice: Any = None
        self.model: str | None = None
        self.rate = 175

    def configure(self, model: str | None, rate: int) -> None:
        """Load *model* (an .onnx with its .onnx.json); raises ValueError in one sentence if it cannot be used."""
        if not model:
            raise ValueError(_("no natural voice was named"))
        if model != self.model:
            self.voice = self._load(Path(model))
            self.model = model
        self.rate = rate

    def _load(self, model: Path) -> Any:
        import json

        import onnxruntime
        from piper.config import PiperConfig

        try:
            config = PiperConfig.from_dict(json.loads(model.with_name(model.name + ".json").read_text("utf-8")))
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = max(1, (os.cpu_count() or 2) - 1)
            options.inter_op_num_threads = 1
            session = onnxruntime.InferenceSession(str(model), sess_options=options,
                                                   providers=["CPUExecutionProvider"])
            voice = self._voice_class(session=session, config=config)
            self._synthesize(voice, "Hold.")  # a model that loads but does not match its description fails here
        except Exception as exc:  # noqa: BLE001 - any failure means "this voice cannot be used"
            detail = str(exc).splitlines()[0][:160] if str(exc) else _("no detail")
            raise ValueError(_("the voice {file} could not be used ({error}: {detail})").format(
                file=model.name, error=exc.__class__.__name__, detail=detail)) from exc
        return voice

    def _synthesize(self, voice: Any, text: str) -> list[bytes]:
        syn = self._config_class(length_scale=length_scale(self.rate), normalize_audio=False)
        return [chunk.audio_int16_bytes for chunk in voice.synthesize(text, syn_config=syn)]

    def render(self, text: str, target: Path) -> bool:
        """Render *text* into *target* (16-bit mono at the voice's own rate); True once it holds audio."""
        if self.voice is None:
            return False
        frames = b"".join(self._synthesize(self.voice, text))
        if not frames:
            return False
        with wave.open(str(target), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(int(self.voice.config.sample_rate))
            out.writeframes(frames)
        return True
