"""Render every cue of the built-in programs in each shipped language with espeak-ng and measure the clips.

The numbers behind ``core/cues.py``'s per-language estimate (``SECONDS_PER_UNIT``): each cue is rendered
as the app renders it (numbers as ``spoken_form`` writes them, pyttsx3 with the espeak-ng voice ``voice_for_language`` picks, at the given rate),
trimmed and levelled by ``clip_audio.tidy_wav`` like every clip the app plays, and its length read with
sox (``soxi -D``). Prints, per language: clips, total characters, the seconds a character that fits the
clips best, the smallest rate that covers every clip, and the estimate's margin over the longest clip.

    .venv/bin/python scripts/measure_cue_lengths.py [--rate 175] [--lang de ...] [--csv out.csv]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from psoas_coach import i18n
from psoas_coach.core import cues
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import load_library
from psoas_coach.speech.clip_audio import tidy_wav
from psoas_coach.speech.spoken import spoken_form


def texts_of(language: str) -> list[str]:
    """Every text the built-in programs may say in *language* (countdown numbers included)."""
    i18n.set_language(language)
    seen: dict[str, None] = {}
    for program in load_library().programs:
        for text in cues.program_texts(build_plan(program)):
            seen.setdefault(text, None)
    return list(seen)


def sox_seconds(path: Path) -> float:
    return float(subprocess.run(["soxi", "-D", str(path)], check=True, capture_output=True, text=True).stdout)


def backend_for(language: str, rate: int, piper: bool) -> Any:
    """The app's render backend: pyttsx3 with the language's espeak-ng voice, or Piper with the bundled voice."""
    if piper:
        from psoas_coach.speech.piper_engine import PiperEngine
        from psoas_coach.speech.voices import bundled_voice

        voice = bundled_voice()
        if voice is None:
            raise SystemExit("the bundled Piper voice is not installed")
        engine = PiperEngine()
        engine.configure(str(voice.model), rate)
        return engine
    os.environ["PSOAS_COACH_SPEECH_LANGUAGE"] = language
    from psoas_coach.speech.render_process import _Pyttsx3

    backend = _Pyttsx3()
    backend.configure(None, rate)
    return backend


def measure(language: str, rate: int, folder: Path, piper: bool = False) -> list[tuple[str, float]]:
    """(text, trimmed clip seconds) of every cue of *language*, rendered as the app's render process does."""
    backend = backend_for(language, rate, piper)
    out: list[tuple[str, float]] = []
    for i, text in enumerate(texts_of(language)):
        target = folder / f"{language}-{i}.wav"
        if not backend.render(spoken_form(text), target) or not tidy_wav(target):
            print(f"{language}: no clip for {text!r}", file=sys.stderr)
            continue
        out.append((text, sox_seconds(target)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=175, help="espeak-ng words a minute (the app's default: 175)")
    parser.add_argument("--lang", action="append", help="a language code (default: every shipped language)")
    parser.add_argument("--piper", action="store_true", help="the bundled natural voice (English) instead of espeak-ng")
    parser.add_argument("--csv", type=Path, help="write language,rate,units,seconds,estimate,text rows here")
    args = parser.parse_args()
    rows: list[str] = []
    print(f"rate {args.rate}: lang  clips  units  best-fit s/unit  covering s/unit  worst estimate/clip")
    with tempfile.TemporaryDirectory() as tmp:
        for language in args.lang or (["en"] if args.piper else list(i18n.CODES)):
            measured = measure(language, args.rate, Path(tmp), args.piper)
            units = sum(cues.spoken_units(t) for t, _s in measured)
            seconds = sum(s for _t, s in measured)
            best = (seconds - cues.CLIP_BASE * len(measured)) / units
            covering = max((s - cues.CLIP_BASE) / cues.spoken_units(t) for t, s in measured)
            worst = min(cues.estimate_length(t, args.rate, language) / s for t, s in measured)
            print(f"       {language:5} {len(measured):5}  {units:5}  {best * 175 / args.rate:15.4f}"
                  f"  {covering * 175 / args.rate:15.4f}  {worst:19.2f}")
            rows.extend(f"{language},{args.rate},{cues.spoken_units(t)},{s:.3f},"
                        f"{cues.estimate_length(t, args.rate, language):.3f},\"{t}\"" for t, s in measured)
    if args.csv:
        args.csv.write_text("language,rate,units,seconds,estimate,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
