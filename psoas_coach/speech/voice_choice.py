"""Which voice speaks a language: one small function, so another engine (Piper) can add its voices here.

pyttsx3 voices are chosen by their ``languages`` (espeak-ng: "de", "pt-br", "fr-fr"), never by id: the ids
changed between pyttsx3 versions.
"""

from __future__ import annotations

from collections.abc import Sequence


def voice_for_language(language: str, voices: Sequence[tuple[str, Sequence[str]]], chosen: str | None) -> str | None:
    """The voice id to use for *language* ("de", "pt_BR"): the user's *chosen* voice if it speaks that
    language, else the voice whose language matches best (region too, then the language's own region, then
    any), else *chosen* (None: the engine's default). *voices* are (id, languages)."""
    want = language.replace("_", "-").lower()
    base = want.split("-")[0]

    def langs(entry: tuple[str, Sequence[str]]) -> list[str]:
        return [str(code).lower().replace("_", "-") for code in entry[1]]

    if chosen is not None:
        for entry in voices:
            if entry[0] == chosen and any(code.split("-")[0] == base for code in langs(entry)):
                return chosen
    if base == "en" and chosen is None:
        return None  # English keeps the engine's default voice
    for rank in (lambda c: c == want, lambda c: c in (base, f"{base}-{base}"), lambda c: c.split("-")[0] == base):
        for entry in voices:
            if any(rank(code) for code in langs(entry)):
                return entry[0]
    return chosen


def natural_for_language(language: str, voices: Sequence[tuple[str, str]], chosen: str | None) -> str | None:
    """The natural (Piper) voice id to speak *language* ("de", "pt_BR"), from *voices* as (id, language code of
    its .onnx.json, e.g. "de_DE"): the *chosen* one if it speaks that language, else the one whose code matches
    best (region too, then the language alone), else None (espeak-ng of the language speaks). So the bundled
    en_US voice speaks only English, and German text is never read by an English voice."""
    want = language.replace("-", "_").lower()
    base = want.split("_")[0]

    def code_of(entry: tuple[str, str]) -> str:
        return entry[1].replace("-", "_").lower()

    if chosen is not None:
        for entry in voices:
            if entry[0] == chosen and code_of(entry).split("_")[0] == base:
                return chosen
    for rank in (lambda c: c == want, lambda c: c.split("_")[0] == base):
        for entry in voices:
            if code_of(entry) and rank(code_of(entry)):
                return entry[0]
    return None
