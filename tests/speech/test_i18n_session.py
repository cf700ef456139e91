"""A whole session in the window in each shipped language: every caption (and so every spoken cue) is in
that language, from the first exercise to the closing line, and the session screens show it too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach import i18n
from psoas_coach.core.cues import COMPLETED_LINE
from psoas_coach.core.engine import SessionState
from psoas_coach.core.program import load_catalogue
from tests.speech.test_window_voice import Rig, rig, start  # noqa: F401 (the rig fixture)
from tests.window_fixtures import AppFactory  # noqa: F401

TRANSLATED = [code for code in i18n.CODES if code != i18n.SOURCE_LANGUAGE]
HOLD = {"de": "Halten.", "fr": "Tenez.", "es": "Mantén.", "it": "Tieni.", "pt_BR": "Segure.", "nl": "Vasthouden."}


def english_texts() -> set[str]:
    """Every English text a session could say or show: the catalogue's msgids and the program content."""
    from babel.messages.pofile import read_po

    from tests.test_i18n_catalogues import LOCALE

    with open(LOCALE / "psoas_coach.pot", "rb") as fh:
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    for ex in load_catalogue().values():
        ids.update((ex.name, ex.setup, *ex.cues))
    return {text for text in ids if len(text.split()) >= 1 and not text.isdigit()}


@pytest.fixture(params=TRANSLATED)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    if app is not None:  # Qt's own German texts must not outlive this test
        for translator in app.findChildren(QTranslator):
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()


def test_whole_session_captions_are_in_the_language(language: str, rig: Rig, qtbot: QtBot) -> None:  # noqa: F811
    captions: list[str] = []
    rig.coach.caption.connect(captions.append)
    start(rig, qtbot)
    while rig.engine.state is not SessionState.FINISHED:
        rig.run(10.0)
    qtbot.wait(0)
    english = english_texts()
    said = [c for c in captions if c and not c.isdigit()]
    assert said, "the session said nothing"
    left_in_english = [c for c in said if c in english]
    assert left_in_english == [], f"{language}: English captions {left_in_english[:5]}"
    assert HOLD[language] in captions
    assert captions[-1] == str(COMPLETED_LINE) != "Session complete. Well done."
    assert rig.window.session.caption.text() == captions[-1]
