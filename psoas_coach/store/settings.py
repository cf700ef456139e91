"""Settings kept between runs (voice, rate, volume, beeps, mute, language): one JSON file in the config dir.

Forgiving: a missing or unreadable file gives the defaults; a corrupt one is moved aside and
reported in one sentence. Written atomically, and only when something changed.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from psoas_coach.atomic import write_atomic
from psoas_coach.paths import ensure_private_dir

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"
RATE_RANGE = (80, 400)  # words a minute


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None  # engine voice id; None = the engine's default
    rate: int = 175  # words a minute
    volume: float = 1.0  # 0..1
    beeps: bool = True
    muted: bool = False

    def cleaned(self) -> VoiceSettings:
        rate = int(min(max(self.rate, RATE_RANGE[0]), RATE_RANGE[1]))
        return replace(self, rate=rate, volume=float(min(max(self.volume, 0.0), 1.0)))


def _voice_from(data: Any) -> VoiceSettings:
    default = VoiceSettings()
    if not isinstance(data, dict):
        return default
    voice = data.get("voice")
    rate = data.get("rate", default.rate)
    volume = data.get("volume", default.volume)
    return VoiceSettings(
        voice=voice if isinstance(voice, str) and voice else None,
        rate=int(rate) if isinstance(rate, (int, float)) and not isinstance(rate, bool) else default.rate,
        volume=float(volume) if isinstance(volume, (int, float)) and not isinstance(volume, bool) else default.volume,
        beeps=bool(data.get("beeps", default.beeps)),
        muted=bool(data.get("muted", default.muted)),
    ).cleaned()


def peek_language(config_dir: Path) -> str | None:
    """The kept language, read without side effects (a damaged file is left for SettingsStore to report)."""
    try:
        data = json.loads((config_dir / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    value = data.get("language") if isinstance(data, dict) else None
    return value if isinstance(value, str) and value else None


class SettingsStore:
    """Reads and writes ``settings.json``; other sections of the file are kept as they are."""

    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME
        self.problem: str | None = None
        self._data: dict[str, Any] = {}
        self._loaded = False

    def _load(self) -> dict[str, Any]:
        if self._loaded:
            return self._data
        self._loaded = True
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return self._data
        except (OSError, UnicodeDecodeError) as exc:
            self.problem = f"Settings could not be read ({exc.__class__.__name__}); using the defaults."
            return self._data
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            aside = self.path.with_name(f"{FILE_NAME}.corrupt-{int(time.time())}")
            try:
                os.replace(self.path, aside)
                self.problem = f"Settings were damaged and have been moved aside to {aside.name}; using the defaults."
            except OSError:
                self.problem = "Settings were damaged; using the defaults."
            return self._data
        self._data = data
        return self._data

    def voice(self) -> VoiceSettings:
        return _voice_from(self._load().get("voice"))

    def save_voice(self, voice: VoiceSettings) -> bool:
        """Store *voice*; returns False (and writes nothing) when it is what the file already says."""
        data = dict(self._load())
        new = asdict(voice.cleaned())
        if data.get("voice") == new and data.get("schema_version") == SCHEMA_VERSION:
            return False
        data["schema_version"] = SCHEMA_VERSION
        data["voice"] = new
        ensure_private_dir(self.path.parent)
        write_atomic(self.path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
        self._data = data
        return True

    def language(self) -> str | None:
        """The language chosen in the window (a code such as "de"), or None to follow the system."""
        value = self._load().get("language")
        return value if isinstance(value, str) and value else None

    def save_language(self, code: str | None) -> bool:
        """Keep *code* (None: follow the system) for the next start; False when nothing changed."""
        data = dict(self._load())
        if data.get("language") == code and data.get("schema_version") == SCHEMA_VERSION:
            return False
        data["schema_version"] = SCHEMA_VERSION
        if code is None:
            data.pop("language", None)
        else:
            data["language"] = code
        ensure_private_dir(self.path.parent)
        write_atomic(self.path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
        self._data = data
        return True
