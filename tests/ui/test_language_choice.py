"""The language button and menu on home: the button names the language inside its line as the language writes
it ("Langue : français (L)"), the menu lists each language by its own name standing alone ("Français"), and
the notice after a choice names the chosen language inside a sentence ("sera en allemand")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from psoas_coach import i18n
from psoas_coach.store.settings import SettingsStore
from psoas_coach.ui.language_choice import language_button_text, language_menu

BUTTON = {"en": "Language: English (L)", "de": "Sprache: Deutsch (L)", "fr": "Langue : français (L)",
          "es": "Idioma: español (L)", "it": "Lingua: italiano (L)", "pt_BR": "Idioma: português (Brasil) (L)",
          "nl": "Taal: Nederlands (L)"}
CHOSEN = {"de": ("fr", "Psoas Coach ist ab dem nächsten Start auf Französisch."),
          "fr": ("de", "Psoas Coach sera en allemand à partir du prochain démarrage."),
          "es": ("de", "Psoas Coach estará en alemán a partir del próximo inicio."),
          "it": ("de", "Psoas Coach sarà in tedesco dal prossimo avvio."),
          "pt_BR": ("de", "O Psoas Coach estará em alemão a partir da próxima vez que for aberto."),
          "nl": ("de", "Psoas Coach is vanaf de volgende start in het Duits."),
          "en": ("pt_BR", "Psoas Coach will be in Portuguese (Brazil) from the next time it starts.")}


@pytest.mark.parametrize("code", i18n.CODES)
def test_button_menu_and_notice_write_language_names_by_the_rules_of_the_language(
        code: str, qtbot: QtBot, tmp_path: Path) -> None:
    i18n.set_language(code)
    assert language_button_text() == BUTTON[code]
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    menu = language_menu(parent, SettingsStore(tmp_path), said.append)
    labels = [action.text() for action in menu.actions()]
    assert labels[1:] == ["English", "Deutsch", "Français", "Español", "Italiano", "Português (Brasil)", "Nederlands"]
    other, notice = CHOSEN[code]
    next(action for action in menu.actions() if action.data() == other).trigger()
    assert said == [notice]
    next(action for action in menu.actions() if action.data() == "").trigger()  # back to the system's language
    assert said[-1] == i18n._("The new language applies the next time Psoas Coach starts.")
