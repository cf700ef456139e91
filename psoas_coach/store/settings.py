"""Settings kept between runs (voice, rate, volume, beeps, mute; text size, theme, motion): one JSON
file in the config dir.

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

from psoas_coach.paths import ensure_private_dir
from psoas_coach.atomic import write_atomic

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"
RATE_RANGE = (80, 400)  # words a minute
TEXT_SCALE_RANGE = (100, 200)  # percent of the desktop's font size
THEMES = ("system", "light", "dark", "high-contrast")


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None  # engine voice id; None = the engine's default
    rate: int = 175  # words a minute
    volume: float = 1.0  # 0..1
    beeps: bool = True
    muted: bool = False

    def cleaned(self) -> "VoiceSettings":
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


@dataclass(frozen=True)
class DisplaySettings:
    text_scale: int = 100  # percent of the desktop's font size
    theme: str = "system"  # system follows the desktop, high contrast included
    reduced_motion: bool = False  # countdowns and bars move in whole steps, nothing glides


def _display_from(data: Any) -> DisplaySettings:
    default = DisplaySettings()
    if not isinstance(data, dict):
        return default
    scale = data.get("text_scale", default.text_scale)
    if not isinstance(scale, (int, float)) or isinstance(scale, bool) or scale != scale:
        scale = default.text_scale
    theme = data.get("theme", default.theme)
    motion = data.get("reduced_motion", default.reduced_motion)
    return DisplaySettings(
        text_scale=int(min(max(scale, TEXT_SCALE_RANGE[0]), TEXT_SCALE_RANGE[1])),
        theme=theme if theme in THEMES else default.theme,
        reduced_motion=motion if isinstance(motion, bool) else default.reduced_motion,
    )


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
        return self._save_section("voice", asdict(voice.cleaned()))

    def display(self) -> DisplaySettings:
        return _display_from(self._load().get("display"))

    def save_display(self, display: DisplaySettings) -> bool:
        """Store *display* (checked as it is read back); False when nothing changed."""
        return self._save_section("display", asdict(_display_from(asdict(display))))

    def _save_section(self, name: str, new: dict[str, Any]) -> bool:
        data = dict(self._load())
        if data.get(name) == new and data.get("schema_version") == SCHEMA_VERSION:
            return False
        data["schema_version"] = SCHEMA_VERSION
        data[name] = new
        ensure_private_dir(self.path.parent)
        write_atomic(self.path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
        self._data = data
        return True
