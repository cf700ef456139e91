"""A voice of the session's language is chosen by the voices' languages, not their ids."""

from __future__ import annotations

from psoas_coach.speech.voice_choice import voice_for_language

ESPEAK = [("gmw/en", ["en-gb"]), ("gmw/en-us", ["en-us"]), ("gmw/de", ["de"]), ("roa/fr-be", ["fr-be"]),
          ("roa/fr", ["fr-fr"]), ("roa/pt", ["pt"]), ("roa/pt-br", ["pt-br"]), ("gmw/nl", ["nl"])]


def test_each_language_gets_its_own_voice() -> None:
    assert voice_for_language("de", ESPEAK, None) == "gmw/de"
    assert voice_for_language("fr", ESPEAK, None) == "roa/fr"
    assert voice_for_language("pt_BR", ESPEAK, None) == "roa/pt-br"
    assert voice_for_language("nl", ESPEAK, None) == "gmw/nl"
    assert voice_for_language("en", ESPEAK, None) is None  # the engine's default


def test_a_chosen_voice_is_kept_only_if_it_speaks_the_language() -> None:
    assert voice_for_language("en", ESPEAK, "gmw/en-us") == "gmw/en-us"
    assert voice_for_language("de", ESPEAK, "gmw/en-us") == "gmw/de"
    assert voice_for_language("it", ESPEAK, None) is None  # no Italian voice here: the default speaks


def test_a_natural_voice_is_chosen_by_the_language_code_of_its_description() -> None:
    from psoas_coach.speech.voice_choice import natural_for_language

    voices = [("piper:en_US-joe-medium", "en_US"), ("piper:pt_PT-tugão-medium", "pt_PT"),
              ("piper:pt_BR-faber-medium", "pt_BR"), ("piper:de_DE-thorsten-low", "de_DE")]
    assert natural_for_language("pt_BR", voices, None) == "piper:pt_BR-faber-medium"  # the region first
    assert natural_for_language("de", voices, "piper:en_US-joe-medium") == "piper:de_DE-thorsten-low"
    assert natural_for_language("en", voices, None) == "piper:en_US-joe-medium"
    assert natural_for_language("nl", voices, None) is None  # espeak-ng's Dutch speaks
