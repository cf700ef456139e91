"""Small config files (settings.json, coaching.json) get the care of a session record: read safely, checked
into typed values once, a bad file set aside and named in one sentence, the defaults used; nothing stops
the window, `report` or `schedule`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from psoas_coach.core.levels import ExerciseLevel
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.store.settings import SettingsStore, VoiceSettings
from tests.commands.test_programs_command import run_cli

LEVEL = {"sets": 3, "reps": 12, "hold_seconds": 0, "work_seconds": 0, "band": "none", "range_note": "", "since": ""}


def _coaching(level: dict[str, Any]) -> str:
    return json.dumps({"schema_version": 1, "levels": {"foundation": {"supine-marching": level}}})


@pytest.mark.parametrize("text", [
    '{"voice": {"rate": NaN}}', '{"voice": {"rate": Infinity}}', '{"voice": {"volume": 1e999}}',
    '{"voice": ' * 100 + "{}" + "}" * 100, "[1, 2]", '{"voice": {"rate": 1' + "0" * 5000 + "}}",
])
def test_damaged_settings_are_set_aside_and_the_defaults_used(tmp_path: Path, text: str) -> None:
    (tmp_path / "settings.json").write_text(text, encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.voice() == VoiceSettings()
    assert store.problem is not None and "moved aside" in store.problem and "\n" not in store.problem
    [aside] = tmp_path.glob("settings.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("voice", "expected"), [
    ({"rate": 10**400, "volume": -(10**400)}, VoiceSettings(rate=400, volume=0.0)),
    ({"rate": "fast", "volume": [1], "beeps": "no", "muted": 1}, VoiceSettings()),
    ({"voice": "v" * 10_000, "rate": 79.6, "volume": 0.25}, VoiceSettings(rate=80, volume=0.25)),
])
def test_odd_values_fall_back_field_by_field(tmp_path: Path, voice: dict[str, Any], expected: VoiceSettings) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"voice": voice}), encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.voice() == expected and store.problem is None


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_a_fifo_for_settings_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "settings.json")
    store = SettingsStore(tmp_path)
    assert store.voice() == VoiceSettings()
    assert store.problem is not None and "FIFO" in store.problem


@pytest.mark.parametrize("level", [
    '{"sets": Infinity}', '{"sets": 3, "reps": 1e300}', '{"sets": 3, "reps": -1}', '{"sets": 3.5}',
    '{"sets": 3, "hold_seconds": "long"}', '{"sets": 3, "band": "titanium"}', '{"sets": 3, "range_note": []}',
    '[3]', '{"sets": 3, "since": "' + "x" * 100 + '"}',
])
def test_damaged_coaching_is_set_aside_and_levels_start_again(tmp_path: Path, level: str) -> None:
    text = '{"schema_version": 1, "levels": {"foundation": {"supine-marching": ' + level + "}}}"
    (tmp_path / "coaching.json").write_text(text, encoding="utf-8")
    store = CoachingStore(tmp_path)
    state = store.load()
    assert state.levels == {} and not state.read_only
    [problem] = store.problems
    assert "moved to coaching.json.corrupt-" in problem and "\n" not in problem
    [aside] = tmp_path.glob("coaching.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == text


def test_decisions_of_the_wrong_shape_are_damage(tmp_path: Path) -> None:
    for decisions in ('{"a": 1}', "[1]", '[{"kind": "level"}]', '[{"key": "k", "accepted": "yes"}]'):
        (tmp_path / "coaching.json").write_text('{"decisions": ' + decisions + "}", encoding="utf-8")
        store = CoachingStore(tmp_path)
        assert store.load().decisions == [] and store.problems, decisions


def test_two_bad_files_in_one_second_are_both_kept(tmp_path: Path) -> None:
    for text in ("{1", "{2"):
        (tmp_path / "coaching.json").write_text(text, encoding="utf-8")
        CoachingStore(tmp_path).load()
    assert sorted(p.read_text(encoding="utf-8") for p in tmp_path.glob("coaching.json.corrupt-*")) == ["{1", "{2"]


def test_a_good_level_round_trips(tmp_path: Path) -> None:
    (tmp_path / "coaching.json").write_text(_coaching(LEVEL), encoding="utf-8")
    state = CoachingStore(tmp_path).load()
    assert state.levels["foundation"]["supine-marching"] == ExerciseLevel.from_json(LEVEL)


@pytest.mark.parametrize("text", ['{"sets": Infinity}', '{"sets": 11, "reps": 1e300}'])
def test_report_and_schedule_go_on_past_a_damaged_coaching_file(
        private_home: Path, tmp_path: Path, qapp: Any, capsys: pytest.CaptureFixture[str], text: str) -> None:
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "coaching.json").write_text(
        '{"levels": {"foundation": {"supine-marching": ' + text + "}}}", encoding="utf-8")
    (private_home / "config").mkdir()
    (private_home / "config" / "settings.json").write_text('{"voice": {"rate": NaN}}', encoding="utf-8")
    code, out, err = run_cli(["schedule", "--ics", str(tmp_path / "s.ics")], capsys)
    assert code == 0 and "Coming sessions" in out
    assert "coaching.json" in err and "moved to" in err
    code, out, err = run_cli(["report", "--output", str(tmp_path / "r.pdf")], capsys)
    assert code == 0 and (tmp_path / "r.pdf").stat().st_size > 0


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_settings_kept_in_a_dotfiles_folder_are_read_and_saved_through_the_link(tmp_path: Path) -> None:
    """settings.json as a link into a dotfiles folder: read as the file, and saving replaces the file it
    points to, privately, leaving the link in place."""
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "psoas-settings.json"
    target.write_text(json.dumps({"voice": {"rate": 150}, "language": "de"}), encoding="utf-8")
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").symlink_to(target)
    store = SettingsStore(config)
    assert store.voice().rate == 150 and store.language() == "de" and store.problem is None
    assert store.save_language("fr")
    assert (config / "settings.json").is_symlink() and os.readlink(config / "settings.json") == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["language"] == "fr"
    assert json.loads(target.read_text(encoding="utf-8"))["voice"]["rate"] == 150
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in dotfiles.iterdir()) == ["psoas-settings.json"]  # no temporary file left


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_linked_coaching_file_is_updated_through_the_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text(_coaching(LEVEL), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "coaching.json").symlink_to(target)
    store = CoachingStore(data)
    assert store.load().levels_for("foundation")["supine-marching"].sets == 3 and store.problems == []
    store.update(lambda state: setattr(state, "current_program", "advanced"))
    assert (data / "coaching.json").is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["current_program"] == "advanced"


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and devices")
@pytest.mark.parametrize("points_to", ["/dev/zero", "fifo", "nowhere"])
def test_a_settings_link_to_a_device_a_fifo_or_nothing_is_set_aside(tmp_path: Path, points_to: str) -> None:
    if points_to == "fifo":
        os.mkfifo(tmp_path / "fifo")
    (tmp_path / "settings.json").symlink_to(points_to if points_to.startswith("/") else tmp_path / points_to)
    store = SettingsStore(tmp_path)
    assert store.voice() == VoiceSettings()
    assert store.problem is not None and "moved aside" in store.problem
    assert not (tmp_path / "settings.json").exists() or not (tmp_path / "settings.json").is_symlink()
