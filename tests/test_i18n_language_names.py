"""Language names follow each language's rules: inside a sentence French, Spanish, Italian and Portuguese write
them in lower case ("en français", "em português") and German and Dutch capitalise them ("auf Deutsch", "in het
Nederlands"); a name standing alone as a menu item starts with a capital in every language ("Français")."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from babel import Locale

from psoas_coach import i18n
from psoas_coach.commands.doctor import EngineReport, NaturalReport, QtReport, report_lines

LOWER_IN_TEXT = {"fr", "es", "it", "pt_BR"}
TRANSLATED = [code for code in i18n.CODES if code != i18n.SOURCE_LANGUAGE]


@pytest.mark.parametrize("language", i18n.LANGUAGES, ids=lambda lang: lang.code)
def test_each_autonym_is_written_as_its_language_writes_it(language: i18n.Language) -> None:
    """Babel's (CLDR's) name of the language in itself is the in-sentence form; the menu capitalises it."""
    assert language.in_text == Locale.parse(language.code).get_display_name(language.code)
    assert language.name == language.in_text[:1].upper() + language.in_text[1:]
    assert language.in_text[0].islower() == (language.code in LOWER_IN_TEXT)


@pytest.mark.parametrize("code", TRANSLATED)
def test_other_languages_are_named_inside_a_sentence_by_the_rule_of_the_active_one(code: str) -> None:
    i18n.set_language(code)
    names = [i18n.language_name(other) for other in i18n.CODES if other != code]
    assert all(names) and all(name[0].islower() == (code in LOWER_IN_TEXT) for name in names), names
    assert i18n.language_name("xx_nope") == ""


def _natural_missing(code: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The loader's reason when only a voice of *code* is missing (the piper package is there)."""
    from psoas_coach.speech.loader import natural_missing

    real = importlib.util.find_spec

    def found(name: str, *args: Any) -> Any:
        return object() if name == "piper" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", found)
    i18n.set_language(code)
    return natural_missing()


NO_VOICE = {
    "de": ("keine natürliche Stimme für Deutsch ist installiert", "Für eine natürliche Stimme auf Deutsch: "),
    "fr": ("aucune voix naturelle en français n'est installée", "Pour une voix naturelle en français : "),
    "es": ("no hay ninguna voz natural en español instalada", "Para una voz natural en español: "),
    "it": ("non è installata nessuna voce naturale in italiano", "Per una voce naturale in italiano: "),
    "pt_BR": ("nenhuma voz natural em português (Brasil) está instalada",
              "Para uma voz natural em português (Brasil): "),
    "nl": ("er is geen natuurlijke stem in het Nederlands geïnstalleerd", "Voor een natuurlijke stem in het Nederlands: "),
}


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_missing_voice_notice_and_the_doctor_name_the_language_inside_their_sentences(
        code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    reason, language = _natural_missing(code, monkeypatch)
    notice, doctor = NO_VOICE[code]
    assert reason.startswith(notice + " ("), reason
    natural = NaturalReport(False, reason, missing_language=language, voices_folder="/voices")
    lines, _works = report_lines(EngineReport(True, "", 11.0, 2.1, 131), QtReport(outputs=["Out"], default_output="Out"),
                                 system="Linux", natural=natural)
    assert any(line.startswith(doctor) for line in lines), lines


def test_a_natural_voice_in_the_voice_list_names_its_language_in_the_sentence_form() -> None:
    """"Naturelle : anglais (États-Unis), joe (qualité moyenne)": after the label, lower case in French."""
    from pathlib import Path

    from psoas_coach.speech.voices import NaturalVoice

    voice = NaturalVoice("en_US-joe-medium", "English (United States)", "medium", Path("m.onnx"), Path("m.onnx.json"),
                         code="en_US")
    i18n.set_language("fr")
    assert voice.label == "Naturelle : anglais (États-Unis), joe (qualité moyenne)"
    i18n.set_language("nl")
    assert voice.label == "Natuurlijk: Engels (Verenigde Staten), joe (gemiddelde kwaliteit)"
