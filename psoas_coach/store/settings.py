"""Settings kept between runs (voice, rate, volume, beeps, mute; text size, theme, motion; language): one
JSON file in the config dir.

Forgiving: a missing file gives the defaults; one that cannot be read (permission) gives the defaults and
is left alone and never overwritten; a damaged one (not JSON, NaN, too big, too deep, not a regular
file) is moved aside and reported in one sentence. Every value is checked once, where it is read: a
wrong type falls back to the default, a number out of range is brought into it. Written atomically, and
only when something changed.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, NamedTuple

from psoas_coach.atomic import write_atomic
from psoas_coach.i18n import _
from psoas_coach.paths import ensure_private_dir
from psoas_coach.safe_json import UnsafeJsonError, read_json_file
from psoas_coach.store.aside import set_aside

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"
RATE_RANGE = (80, 400)  # words a minute
MAX_FILE_BYTES = 256 * 1024
MAX_VOICE_ID = 200  # characters
TEXT_SCALE_RANGE = (100, 200)  # percent of the desktop's font size
THEMES = ("system", "light", "dark", "high-contrast")


class VoiceSettings(NamedTuple):  # quicker to define than a dataclass: read before the first frame
    voice: str | None = None  # engine voice id; None = the engine's default
    rate: int = 175  # words a minute
    volume: float = 1.0  # 0..1
    beeps: bool = True
    muted: bool = False

    def cleaned(self) -> VoiceSettings:
        rate = int(min(max(self.rate, RATE_RANGE[0]), RATE_RANGE[1]))
        return self._replace(rate=rate, volume=float(min(max(self.volume, 0.0), 1.0)))


def _number(value: Any, low: float, high: float, default: float) -> float:
    """*value* brought into [low, high]; *default* when it is not a finite number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    try:
        number = float(value)
    except OverflowError:  # an integer too big for a float
        return high if value > 0 else low
    return min(max(number, low), high) if math.isfinite(number) else default


def _voice_from(data: Any) -> VoiceSettings:
    default = VoiceSettings()
    if not isinstance(data, dict):
        return default
    voice = data.get("voice")
    beeps, muted = data.get("beeps"), data.get("muted")
    return VoiceSettings(
        voice=voice if isinstance(voice, str) and voice and len(voice) <= MAX_VOICE_ID else None,
        rate=round(_number(data.get("rate"), *RATE_RANGE, default.rate)),
        volume=_number(data.get("volume"), 0.0, 1.0, default.volume),
        beeps=beeps if isinstance(beeps, bool) else default.beeps,
        muted=muted if isinstance(muted, bool) else default.muted,
    )


class DisplaySettings(NamedTuple):  # quicker to define than a dataclass: read before the first frame
    text_scale: int = 100  # percent of the desktop's font size
    theme: str = "system"  # system follows the desktop, high contrast included
    reduced_motion: bool = False  # countdowns and bars move in whole steps, nothing glides


def _display_from(data: Any) -> DisplaySettings:
    default = DisplaySettings()
    if not isinstance(data, dict):
        return default
    theme = data.get("theme", default.theme)
    motion = data.get("reduced_motion", default.reduced_motion)
    return DisplaySettings(
        text_scale=round(_number(data.get("text_scale"), *TEXT_SCALE_RANGE, default.text_scale)),
        theme=theme if theme in THEMES else default.theme,
        reduced_motion=motion if isinstance(motion, bool) else default.reduced_motion,
    )


def peek_language(config_dir: Path) -> str | None:
    """The kept language, read without side effects (a damaged file is left for SettingsStore to report)."""
    try:
        data = read_json_file(config_dir / FILE_NAME, MAX_FILE_BYTES, follow_links=True)
    except (OSError, UnsafeJsonError):
        return None
    value = data.get("language") if isinstance(data, dict) else None
    return value if isinstance(value, str) and 0 < len(value) <= 20 else None


class SettingsStore:
    """Reads and writes ``settings.json``; other sections of the file are kept as they are."""

    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME
        self.problem: str | None = None
        self._data: dict[str, Any] = {}
        self._loaded = False
        self._held = False  # the file is there but could not be read: never written over

    def _load(self) -> dict[str, Any]:
        if self._loaded:
            return self._data
        self._loaded = True
        try:
            data = read_json_file(self.path, MAX_FILE_BYTES, follow_links=True)
            if not isinstance(data, dict):
                raise UnsafeJsonError(_("is not a JSON object"), damaged=True)
        except FileNotFoundError:
            return self._data
        except UnsafeJsonError as exc:
            if exc.unreadable:
                self._held = True
                # Translators: {reason} is a phrase such as "cannot be read (permission)"
                self.problem = _("The settings file {path} {reason}; using the defaults, and they are not saved.").format(
                    path=self.path, reason=exc.reason)
                return self._data
            aside = set_aside(self.path)
            if aside is not None:
                self.problem = _("The settings file {reason} and has been moved aside to {file}; using the defaults.").format(
                    reason=exc.reason, file=aside.name)
            else:
                self._held = True
                self.problem = _("The settings file {reason}; using the defaults, and they are not saved.").format(reason=exc.reason)
            return self._data
        self._data = data
        return self._data

    def voice(self) -> VoiceSettings:
        return _voice_from(self._load().get("voice"))

    def save_voice(self, voice: VoiceSettings) -> bool:
        """Store *voice*; returns False (and writes nothing) when it is what the file already says."""
        return self._save_section("voice", voice.cleaned()._asdict())

    def display(self) -> DisplaySettings:
        return _display_from(self._load().get("display"))

    def save_display(self, display: DisplaySettings) -> bool:
        """Store *display* (checked as it is read back); False when nothing changed."""
        return self._save_section("display", _display_from(display._asdict())._asdict())

    def _save_section(self, name: str, new: dict[str, Any]) -> bool:
        data = dict(self._load())
        if self._held:
            return False
        if data.get(name) == new and data.get("schema_version") == SCHEMA_VERSION:
            return False
        data["schema_version"] = SCHEMA_VERSION
        data[name] = new
        ensure_private_dir(self.path.parent)
        text = json.dumps(data, indent=2, sort_keys=True) + "\n"
        write_atomic(self.path, text.encode("utf-8"), through_link=True)  # a dotfiles link stays a link
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
        text = json.dumps(data, indent=2, sort_keys=True) + "\n"
        write_atomic(self.path, text.encode("utf-8"), through_link=True)  # a dotfiles link stays a link
        self._data = data
        return True
