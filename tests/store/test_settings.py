"""Voice settings kept between runs: forgiving reads, atomic writes only when something changed."""

from __future__ import annotations

import json
from pathlib import Path

from psoas_coach.store.settings import SettingsStore, VoiceSettings


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path).voice() == VoiceSettings()


def test_round_trip_and_no_needless_write(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "config")
    wanted = VoiceSettings(voice="gmw/en-gb-x-rp", rate=160, volume=0.5, beeps=False, muted=True)
    assert store.save_voice(wanted)
    mtime = store.path.stat().st_mtime_ns
    again = SettingsStore(tmp_path / "config")
    assert again.voice() == wanted
    assert not again.save_voice(wanted)
    assert store.path.stat().st_mtime_ns == mtime
    assert oct(store.path.stat().st_mode & 0o777) == "0o600"


def test_other_sections_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "window": {"fullscreen": True}}))
    store = SettingsStore(tmp_path)
    store.save_voice(VoiceSettings(rate=150))
    data = json.loads(path.read_text())
    assert data["window"] == {"fullscreen": True} and data["voice"]["rate"] == 150


def test_bad_values_are_clamped_or_defaulted(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"voice": {"rate": 5000, "volume": "loud", "voice": 3}}))
    voice = SettingsStore(tmp_path).voice()
    assert voice.rate == 400 and voice.volume == 1.0 and voice.voice is None


def test_a_corrupt_file_is_moved_aside_and_reported(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json")
    store = SettingsStore(tmp_path)
    assert store.voice() == VoiceSettings()
    assert store.problem is not None and "moved aside" in store.problem
    assert list(tmp_path.glob("settings.json.corrupt-*"))
