"""The first-run safety note: each point's sign, then its text, and every point's text starts at one x."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from psoas_coach.ui.screens.safety import MARKS, SafetyScreen
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.widgets.card import Card
from psoas_coach.ui.widgets.text import MarkLabel


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768), (1920, 1080)], ids=["1024x600", "1366x768", "1920x1080"])
def test_every_points_text_starts_at_one_x(qtbot: QtBot, size: tuple[int, int]) -> None:
    screen = SafetyScreen()
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    cards = [c for c in screen.findChildren(Card) if c.objectName() == "safety-point"]
    texts = [next(w for w in card.findChildren(QLabel) if w.wordWrap()) for card in cards]
    assert len(texts) == len(MARKS) == 3
    starts = {t.text()[:20]: t.mapTo(card, t.rect().topLeft()).x() for t, card in zip(texts, cards)}
    assert len(set(starts.values())) == 1, f"the points' texts start at different x: {starts}"


def test_a_column_of_marks_shares_the_widest_marks_width_at_every_size(qtbot: QtBot) -> None:
    narrow, wide = MarkLabel("⚕", MARKS, 2.0), MarkLabel("✖", MARKS, 2.0)
    for mark in (narrow, wide):
        qtbot.addWidget(mark)
    assert narrow.fontMetrics().horizontalAdvance("⚕") != wide.fontMetrics().horizontalAdvance("✖")
    assert narrow.sizeHint().width() == wide.sizeHint().width() == wide.fontMetrics().horizontalAdvance("✖")
    before = narrow.sizeHint().width()
    for mark in (narrow, wide):
        set_scaled_font(mark, 4.0, bold=True)  # a larger scale: the column widens with its font
    assert narrow.sizeHint().width() == wide.sizeHint().width() > before
