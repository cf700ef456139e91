"""Short, distinct beeps for phase changes, generated as WAV files once and kept in the cache dir."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

from psoas_coach.atomic import write_atomic
from psoas_coach.core.cues import BeepKind
from psoas_coach.paths import ensure_private_dir
from psoas_coach.speech.clip_audio import TARGET_DBFS

SAMPLE_RATE = 22050
BEEP_VERSION = 2  # 2: at the speech clips' loudness
BEEP_AMPLITUDE = 10 ** (TARGET_DBFS / 20) * math.sqrt(2)  # a sine this high has the clips' RMS

# (frequency Hz, seconds) tones played one after the other; 0 Hz is silence.
TONES: dict[BeepKind, tuple[tuple[float, float], ...]] = {
    BeepKind.WORK: ((880.0, 0.12),),  # one high blip: go
    BeepKind.REST: ((523.25, 0.18),),  # one lower tone: ease off
    BeepKind.DONE: ((659.25, 0.12), (0.0, 0.05), (783.99, 0.12), (0.0, 0.05), (1046.5, 0.25)),  # rising chime
}


def tone_samples(tones: tuple[tuple[float, float], ...], volume: float = BEEP_AMPLITUDE) -> array.array:
    """16-bit mono samples with a 10 ms fade in and out on each tone, so beeps never click."""
    out = array.array("h")
    for freq, seconds in tones:
        n = int(seconds * SAMPLE_RATE)
        fade = max(1, int(0.01 * SAMPLE_RATE))
        for i in range(n):
            if freq <= 0:
                out.append(0)
                continue
            envelope = min(1.0, i / fade, (n - 1 - i) / fade)
            out.append(int(32767 * volume * envelope * math.sin(2 * math.pi * freq * i / SAMPLE_RATE)))
    return out


def wav_bytes(samples: array.array) -> bytes:
    import io

    buf = io.BytesIO()
    with wave.open(buf, "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(SAMPLE_RATE)
        fh.writeframes(samples.tobytes())
    return buf.getvalue()


def beep_files(folder: Path) -> dict[BeepKind, Path]:
    """The WAV file of each beep in *folder*, written on first use."""
    ensure_private_dir(folder)
    files: dict[BeepKind, Path] = {}
    for kind, tones in TONES.items():
        path = folder / f"beep-{kind.value}-v{BEEP_VERSION}.wav"
        if not path.exists():
            write_atomic(path, wav_bytes(tone_samples(tones)), durable=False)  # a cache: made again if lost
        files[kind] = path
    return files
