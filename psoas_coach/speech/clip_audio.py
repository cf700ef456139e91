"""Every rendered clip, whatever the engine, is trimmed of silence at both ends and brought to one loudness.

A cue must be heard at the moment it is scheduled (Piper starts each clip with ~60 ms of silence,
espeak-ng with less), and changing engine or voice must not change the volume: Piper peaks near full
scale, espeak-ng lower. Loudness is the RMS of the clip's voiced 20 ms windows, brought to
TARGET_DBFS unless that would push a peak past PEAK_CEILING, in which case the gain stops there.
Pure Python on 16-bit mono/stereo PCM (no numpy: the espeak-ng path must work without it); it runs in
the render process, never in the window's. Qt-free.
"""

from __future__ import annotations

import array
import math
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

TARGET_DBFS = -20.0  # RMS of the voiced part of every clip
PEAK_CEILING = 0.89  # about -1 dBFS: no sample is pushed past this
GATE_DBFS = -40.0  # a 10 ms window quieter than this counts as silence
WINDOW_SECONDS = 0.010
LEAD_PAD = 0.010  # kept before the first sound, so a soft onset ("s", "f") is not cut
TAIL_PAD = 0.060  # kept after the last sound, so the decay is not cut
FULL_SCALE = 32767.0


@dataclass(frozen=True)
class Measure:
    """What a clip sounds like, in the terms the tests and the doctor check."""

    seconds: float
    lead_silence: float  # seconds before the first window above the gate
    peak: float  # 0..1
    loudness_dbfs: float  # RMS of the voiced windows; -inf for a silent clip


def _dbfs(rms: float) -> float:
    return 20 * math.log10(rms / FULL_SCALE) if rms > 0 else -math.inf


def _voiced_windows(samples: array.array, step: int) -> list[tuple[int, float]]:
    """(start index, RMS) of each window louder than the gate."""
    gate = FULL_SCALE * 10 ** (GATE_DBFS / 20)
    out: list[tuple[int, float]] = []
    for start in range(0, len(samples), step):
        chunk = samples[start:start + step]
        rms = math.sqrt(sum(x * x for x in chunk) / len(chunk))
        if rms >= gate:
            out.append((start, rms))
    return out


def tidy_samples(samples: array.array, rate: int, channels: int = 1) -> array.array:
    """Trimmed and levelled copy of 16-bit *samples*; a clip with no sound above the gate is returned as is."""
    step = max(channels, int(rate * WINDOW_SECONDS) * channels)
    voiced = _voiced_windows(samples, step)
    if not voiced:
        return samples
    lead = max(0, voiced[0][0] - int(rate * LEAD_PAD) * channels)
    end = min(len(samples), voiced[-1][0] + step + int(rate * TAIL_PAD) * channels)
    lead -= lead % channels
    body = samples[lead:end]
    loudness = math.sqrt(sum(rms * rms for _, rms in voiced) / len(voiced))
    peak = max(max(body), -min(body), 1)
    gain = min(FULL_SCALE * 10 ** (TARGET_DBFS / 20) / loudness, FULL_SCALE * PEAK_CEILING / peak)
    return array.array("h", (int(round(x * gain)) for x in body))


def tidy_wav(path: Path) -> bool:
    """Rewrite the 16-bit PCM WAV at *path* trimmed and levelled; False (file untouched) if it is not one."""
    try:
        with wave.open(str(path), "rb") as fh:
            params = fh.getparams()
            raw = fh.readframes(fh.getnframes())
    except (OSError, EOFError, wave.Error):
        return False
    if params.sampwidth != 2 or not raw:
        return False
    samples = array.array("h")
    samples.frombytes(raw[: len(raw) - len(raw) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    tidy = tidy_samples(samples, params.framerate, params.nchannels)
    if sys.byteorder == "big":
        tidy.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(params.nchannels)
        out.setsampwidth(2)
        out.setframerate(params.framerate)
        out.writeframes(tidy.tobytes())
    return True


def measure_wav(path: Path) -> Measure:
    """Length, leading silence, peak and loudness of a 16-bit mono WAV (for tests, benchmarks, doctor)."""
    with wave.open(str(path), "rb") as fh:
        rate, channels = fh.getframerate(), fh.getnchannels()
        samples = array.array("h")
        samples.frombytes(fh.readframes(fh.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    step = max(channels, int(rate * WINDOW_SECONDS) * channels)
    voiced = _voiced_windows(samples, step)
    seconds = len(samples) / channels / rate
    if not voiced:
        return Measure(seconds, seconds, 0.0, -math.inf)
    loudness = math.sqrt(sum(rms * rms for _, rms in voiced) / len(voiced))
    peak = max(max(samples), -min(samples)) / FULL_SCALE
    return Measure(seconds, voiced[0][0] / channels / rate, peak, _dbfs(loudness))
