"""Home's program cards: one group of radio-like cards, chosen with the arrow keys, started with Enter, laid
out side by side as the width allows, and part of home's one scrolling page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.core.program import ProgramLibrary
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.widgets.program_cards import MAX_CARD_WIDTH, MIN_CARD_WIDTH, ProgramCards, ProgramEntry

EXERCISES = (("supine-march", "Supine march"), ("straight-leg-raise", "Straight-leg raise"),
             ("standing-hip-flexion", "Standing hip flexion"), ("psoas-march", "Psoas march"),
             ("hip-flexion-band", "Band hip flexion"))


def make_cards(qtbot: QtBot, count: int = 3, width: int = 1200) -> ProgramCards:
    cards = ProgramCards()
    qtbot.addWidget(cards)
    for i in range(count):
        cards.add(ProgramEntry(f"p{i}", f"Program {i}", f"{10 + i} min", EXERCISES[: 2 + i], f"About {i}"))
    cards.resize(width, cards.heightForWidth(width))
    cards.show()
    cards.activateWindow()
    qtbot.waitUntil(cards.isActiveWindow)  # the keyboard goes to the active window only
    return cards


def test_the_first_card_is_chosen_and_select_chooses_by_id(qtbot: QtBot) -> None:
    cards = make_cards(qtbot)
    assert cards.current_id() == "p0" and cards.current_index() == 0
    assert cards.select("p2") and cards.current_id() == "p2"
    assert [card.isChecked() for card in cards.cards] == [False, False, True]  # one chosen at a time
    assert not cards.select("nope") and cards.current_id() == "p2"


def test_arrow_keys_home_and_end_choose_and_enter_or_a_double_click_starts(qtbot: QtBot) -> None:
    cards = make_cards(qtbot)
    started: list[str] = []
    cards.activated.connect(started.append)
    cards.focus_chosen()
    qtbot.keyClick(cards.cards[0], Qt.Key.Key_Right)
    assert cards.current_id() == "p1" and cards.cards[1].hasFocus()
    qtbot.keyClick(cards.cards[1], Qt.Key.Key_End)
    assert cards.current_id() == "p2"
    qtbot.keyClick(cards.cards[2], Qt.Key.Key_Left)
    qtbot.keyClick(cards.cards[1], Qt.Key.Key_Home)
    assert cards.current_id() == "p0"
    qtbot.keyClick(cards.cards[0], Qt.Key.Key_Return)
    qtbot.mouseDClick(cards.cards[2], Qt.MouseButton.LeftButton)
    assert started == ["p0", "p2"]


def test_up_and_down_move_by_a_row_and_leave_the_edges_to_the_page(qtbot: QtBot) -> None:
    cards = make_cards(qtbot, count=4, width=2 * MIN_CARD_WIDTH + 20)  # two cards to a row
    rows = sorted({card.y() for card in cards.cards})
    assert len(rows) == 2
    cards.focus_chosen()
    qtbot.keyClick(cards.cards[0], Qt.Key.Key_Down)
    assert cards.current_index() == 2
    assert not cards.move_from(cards.cards[2], Qt.Key.Key_Down)  # the last row: the page may scroll
    qtbot.keyClick(cards.cards[2], Qt.Key.Key_Up)
    assert cards.current_index() == 0


def test_only_the_chosen_card_is_a_tab_stop(qtbot: QtBot) -> None:
    cards = make_cards(qtbot)

    def tab_stops() -> list[bool]:
        return [bool(card.focusPolicy() & Qt.FocusPolicy.TabFocus) for card in cards.cards]

    assert tab_stops() == [True, False, False]
    cards.choose(2)
    assert tab_stops() == [False, False, True]
    assert cards.cards[2].hasFocus()


def test_a_screen_reader_hears_radio_buttons_with_name_length_and_exercises(qtbot: QtBot) -> None:
    cards = make_cards(qtbot)
    card = QAccessible.queryAccessibleInterface(cards.cards[1])
    assert card is not None
    assert card.role() == QAccessible.Role.RadioButton
    assert card.text(QAccessible.Text.Name) == "Program 1 — 11 min"
    assert card.text(QAccessible.Text.Description) == "Supine march, Straight-leg raise, Standing hip flexion"
    assert not card.state().checked
    cards.choose(1)
    assert card.state().checked


@pytest.mark.parametrize("width", [2 * MIN_CARD_WIDTH - 40, 2 * MIN_CARD_WIDTH + 40, 1400, 3000])
def test_cards_share_the_width_in_rows_without_overlap(qtbot: QtBot, width: int) -> None:
    cards = make_cards(qtbot, width=width)
    rects = [card.geometry() for card in cards.cards]
    per_row = sum(1 for rect in rects if rect.y() == 0)
    assert per_row == max(1, min(3, (width + 8) // (MIN_CARD_WIDTH + 8)))
    for i, rect in enumerate(rects):
        assert min(MIN_CARD_WIDTH, width) <= rect.width() <= MAX_CARD_WIDTH
        assert rect.right() < width
        assert rect.height() == max(cards.cards[j].heightForWidth(rect.width()) for j in range(len(rects))
                                    if rects[j].y() == rect.y())  # a row is as tall as its tallest card
        assert all(not rect.intersects(other) for other in rects[i + 1:])
    assert max(rect.bottom() for rect in rects) + 1 == cards.heightForWidth(width)


def test_home_scrolls_as_one_page(qtbot: QtBot, window_factory: Callable[..., MainWindow],
                                  library: ProgramLibrary) -> None:
    window = window_factory(library)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    page = window.home.findChild(QScrollArea, "home-scroll")
    assert page is not None
    inner = [area for area in page.findChildren(QAbstractScrollArea)]
    assert inner == [], [area.objectName() or type(area).__name__ for area in inner]  # no list inside the page
    cards = window.home.programs
    assert cards.count() == len(library.programs)
    content = page.widget()
    assert isinstance(content, QWidget)
    bottom = cards.mapTo(content, QPoint(0, cards.height())).y()
    assert bottom <= content.height()  # every card is on the page: scrolling reaches them all
