"""The language menu on home: a button (and the L key) with every shipped language, kept between runs.

The choice takes effect at the next start (every text, caption and rendered clip of a run is in one
language); the window says so in one sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from psoas_coach.i18n import LANGUAGES, _, current_language, language_name
from psoas_coach.store.settings import SettingsStore
from psoas_coach.ui.actions import key_action

SYSTEM = ""  # the menu's data for "follow the system"


def language_button_text() -> str:
    """'Language: français (L)': the name follows a label inside the line, so it is written as in a sentence."""
    names = {lang.code: lang.in_text for lang in LANGUAGES}
    return _("Language: {name} (L)").format(name=names.get(current_language(), current_language()))


def language_menu(parent: QWidget, settings: SettingsStore, notify: Callable[[str], None]) -> QMenu:
    """A menu of the languages; choosing one keeps it in the settings and tells when it applies."""
    menu = QMenu(parent)
    menu.setObjectName("language-menu")
    kept = settings.language() or SYSTEM
    entries = [(SYSTEM, _("The system's language"))] + [(lang.code, lang.name) for lang in LANGUAGES]
    for code, name in entries:
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == kept)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: choose(c))

    def choose(code: str) -> None:
        try:
            changed = settings.save_language(code or None)
        except OSError as exc:
            notify(_("The language could not be kept ({reason}).").format(reason=exc.strerror or exc))
            return
        for action in menu.actions():
            action.setChecked(action.data() == code)
        if changed:
            notify(_("The new language applies the next time Psoas Coach starts.") if not code else
                   # Translators: {language} is a language's name as it is written inside a sentence
                   _("Psoas Coach will be in {language} from the next time it starts.").format(
                       language=language_name(code) or code))

    return menu


def add_language_button(window: QWidget, add_button: Callable[[str, str], QPushButton], settings: SettingsStore,
                        notify: Callable[[str], None]) -> QPushButton:
    """The 'Language: … (L)' button on home with its menu, and the L key."""
    button = add_button(language_button_text(), "home-language")
    menu = language_menu(button, settings, notify)
    button.setMenu(menu)
    key_action(window, "language", _("Language… (L)"), ["L"], button.showMenu)
    return button
