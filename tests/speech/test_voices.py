"""Natural voices on disk: the bundled one, voices added or placed by hand, broken ones in one sentence,
and a clip cache key that changes with the voice file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from psoas_coach import i18n
from psoas_coach.speech.cache import PIPER, ClipCache
from psoas_coach.speech.voices import (
    VoiceError,
    add_voice,
    bundled_voice,
    find_voice,
    model_hash,
    natural_voices,
    read_voice,
)

CONFIG = {"num_symbols": 256, "num_speakers": 1, "phoneme_id_map": {"_": [0]},
          "audio": {"sample_rate": 22050, "quality": "low"}, "espeak": {"voice": "de"},
          "language": {"code": "de_DE", "name_english": "German", "country_english": "Germany"}}


def make_voice(folder: Path, name: str = "de_DE-thorsten-low", config: object = CONFIG, model: bytes = b"\x08\x07fake") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    onnx = folder / f"{name}.onnx"
    onnx.write_bytes(model)
    if config is not None:
        (folder / f"{name}.onnx.json").write_text(json.dumps(config) if not isinstance(config, str) else config)
    return onnx


def test_a_voice_is_described_by_its_json(tmp_path: Path) -> None:
    voice = read_voice(make_voice(tmp_path))
    assert voice.id == "piper:de_DE-thorsten-low"
    assert voice.label == "Natural: German (Germany), thorsten (low quality)"


def test_voices_placed_in_the_folder_are_listed_after_the_bundled_one(tmp_path: Path) -> None:
    make_voice(tmp_path / "voices")
    make_voice(tmp_path / "voices", "broken", config="{not json")
    names = [v.name for v in natural_voices(tmp_path / "voices")]
    bundled = bundled_voice()
    assert names == ([bundled.name] if bundled else []) + ["de_DE-thorsten-low"]
    assert find_voice("piper:de_DE-thorsten-low", tmp_path / "voices") is not None
    assert find_voice("piper:nothing", tmp_path / "voices") is None


@pytest.mark.parametrize("config,model,sentence", [
    (None, b"\x08\x07", "de_DE-thorsten-low.onnx has no de_DE-thorsten-low.onnx.json beside it; a Piper voice needs both files."),
    ("{not json", b"\x08\x07", "de_DE-thorsten-low.onnx.json is not a readable voice description (JSONDecodeError)."),
    ({"num_symbols": 1}, b"\x08\x07", "de_DE-thorsten-low.onnx.json is not a Piper voice description (it lacks num_speakers, phoneme_id_map)."),
    (CONFIG, b"<html>", "de_DE-thorsten-low.onnx is not a Piper voice model (an .onnx file)."),
])
def test_a_broken_voice_gets_one_clear_sentence(tmp_path: Path, config: object, model: bytes, sentence: str) -> None:
    with pytest.raises(VoiceError) as raised:
        add_voice(make_voice(tmp_path / "downloads", config=config, model=model), tmp_path / "voices")
    assert str(raised.value) == sentence
    assert not (tmp_path / "voices").exists() or not list((tmp_path / "voices").iterdir())


def test_an_added_voice_is_copied_privately(tmp_path: Path) -> None:
    voice = add_voice(make_voice(tmp_path / "downloads"), tmp_path / "voices")
    assert voice.model == tmp_path / "voices" / "de_DE-thorsten-low.onnx"
    assert stat.S_IMODE((tmp_path / "voices").stat().st_mode) == 0o700
    for path in (voice.model, voice.config):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list((tmp_path / "voices").glob(".*"))


def test_the_cache_key_changes_with_the_voice_file(tmp_path: Path) -> None:
    model = make_voice(tmp_path / "voices")
    first = ClipCache(tmp_path / "speech", "piper:x", 175, engine=PIPER, model=model)
    key = first.key("Lift.")
    assert key == ClipCache(tmp_path / "speech", "piper:x", 175, engine=PIPER, model=model).key("Lift.")
    model.write_bytes(b"\x08\x07another model of the same name")
    assert ClipCache(tmp_path / "speech", "piper:x", 175, engine=PIPER, model=model).key("Lift.") != key
    assert ClipCache(tmp_path / "speech", "piper:x", 175).key("Lift.") != key  # espeak-ng under the same id
    assert ClipCache(tmp_path / "speech", "piper:x", 200, engine=PIPER, model=model).key("Lift.") != key


def test_the_model_hash_is_remembered_by_size_and_mtime(tmp_path: Path) -> None:
    model = make_voice(tmp_path)
    memo = tmp_path / "memo.json"
    value = model_hash(model, memo)
    assert len(value) == 64 and memo.exists()
    known = json.loads(memo.read_text())
    stamp = next(iter(known))
    known[stamp] = "remembered"
    memo.write_text(json.dumps(known))
    assert model_hash(model, memo) == "remembered"  # not read again while size and mtime match


def test_each_language_gets_a_natural_voice_of_its_own_or_none(tmp_path: Path) -> None:
    """A fake German voice pair in <data>/voices speaks German; the bundled en_US voice only English; a
    language with no natural voice gets none (espeak-ng of that language speaks)."""
    make_voice(tmp_path / "voices")  # de_DE-thorsten-low.onnx + .onnx.json
    german = find_voice(None, tmp_path / "voices", "de")
    assert german is not None and german.name == "de_DE-thorsten-low" and german.code == "de_DE"
    assert find_voice("piper:de_DE-thorsten-low", tmp_path / "voices", "de") == german
    assert find_voice(None, tmp_path / "voices", "fr") is None
    bundled = bundled_voice()
    english = find_voice("piper:de_DE-thorsten-low", tmp_path / "voices", "en")  # a German voice never reads English
    assert english == bundled
    i18n.set_language("de")
    assert find_voice(None, tmp_path / "voices") == german  # the active language by default
