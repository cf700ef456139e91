"""The session screens from a portrait window to a 4K screen: the drawing beside the ring or the rep counter in
a wide view and below it in a narrow one (one rule for every screen), nothing scrolled out of sight, nothing
overlapping; and the phase colour reaching the window's top edge in every theme."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.core.plan import StepKind
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.text_scale import rescale_widgets
from psoas_coach.ui.theme import THEMES, PhaseColour
from psoas_coach.ui.widgets.adaptive_grid import AdaptiveGrid, LeastGrid, is_narrow
from psoas_coach.ui.widgets.countdown_ring import CountdownRing
from psoas_coach.ui.widgets.illustration import FILLING_MINIMUM, IllustrationView
from tests.ui.layout_check import clipped
from tests.window_fixtures import AppFactory, step_to

NARROW, WIDE = (800, 1000), [(1024, 600), (1366, 768), (3840, 2160)]
SHOWN = {StepKind.INTRO, StepKind.REPS, StepKind.HOLD, StepKind.REST, StepKind.NEXT_UP, StepKind.SWITCH,
         StepKind.WORK}


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def box(widget: QWidget, window: MainWindow) -> QRect:
    """*widget*'s rectangle in the window's coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def below(lower: QRect, upper: QRect) -> bool:
    return lower.top() > upper.bottom()


def beside(right: QRect, left: QRect) -> bool:
    return right.left() > left.right()


def parts(window: MainWindow, kind: StepKind) -> tuple[list[QWidget], QWidget, list[QWidget]]:
    """What a step screen shows: what stays on top (the ring or the counter's words), its drawing (or what
    comes next), and every visible part that must not overlap another."""
    session = window.session
    if kind is StepKind.REPS:
        reps = session.reps
        top: list[QWidget] = [reps.count, reps.count_caption, reps.phase, reps.side]
        return top, reps.illustration, [*top, reps.illustration, reps.phase_bar, reps.left_in_set]
    if kind is StepKind.INTRO:
        intro = session.intro
        return [intro.ring], intro.illustration, [intro.ring, intro.illustration, intro.watch, intro.name]
    timer = session.timer
    drawing = timer.illustration if timer.next_panel.isHidden() else timer.next_panel
    return [timer.ring], drawing, [timer.ring, drawing, timer.title]


def check_step(window: MainWindow, kind: StepKind, narrow: bool) -> list[str]:
    """Where the drawing is against the ring or counter, and whatever is scrolled out of sight, overlaps or
    is cut short, in words."""
    problems = []
    settle()
    top, drawing, every = parts(window, kind)
    drawing_box = box(drawing, window)
    if kind is StepKind.INTRO:  # the drawing under the words; the ring beside both, or stacked, beside the drawing
        ring, words = box(top[0], window), box(window.session.intro.watch, window)
        placed = below(drawing_box, words) and (beside(drawing_box, ring) and below(ring, words) if narrow
                                                else beside(ring, drawing_box) and beside(ring, words))
    elif narrow:
        placed = all(below(drawing_box, box(widget, window)) for widget in top)
    else:
        placed = all(beside(drawing_box, box(widget, window)) for widget in top if widget is not window.session.reps.phase
                     and widget is not window.session.reps.side)
    if not placed:
        problems.append(f"{kind.value}: the drawing is not {'below' if narrow else 'beside'} the ring or counter")
    scroller = window.session.scroller
    if scroller.verticalScrollBar().maximum() or scroller.horizontalScrollBar().maximum():
        problems.append(f"{kind.value}: scrolls")
    view = box(scroller.viewport(), window)
    shown = [w for w in every if w.isVisibleTo(window)]
    for widget in shown:
        if not view.contains(box(widget, window)):
            problems.append(f"{kind.value}: {widget.objectName() or type(widget).__name__} is outside the view")
    for i, first in enumerate(shown):
        for second in shown[i + 1:]:
            if first.isAncestorOf(second) or second.isAncestorOf(first):
                continue
            if box(first, window).intersects(box(second, window)):
                problems.append(f"{kind.value}: {first.objectName()} overlaps {second.objectName()}")
    for widget in shown:
        if isinstance(widget, (IllustrationView, CountdownRing)) and (
                widget.width() < FILLING_MINIMUM[0] or widget.height() < FILLING_MINIMUM[1]):
            problems.append(f"{kind.value}: {widget.objectName()} is squeezed to {widget.width()}x{widget.height()}")
    problems += [f"{kind.value}: {text}" for text in clipped(window)]
    return problems


def walk(window: MainWindow, program: str, seen: set[StepKind], narrow: bool,
         look: Callable[[StepKind], None] | None = None) -> list[str]:
    """Every kind of step of *program* not seen yet, checked as it shows (and handed to *look*, the briefing too)."""
    window.start_program(program)
    engine = window.engine
    assert engine is not None
    if look is not None:
        settle()
        look(engine.step.kind)
    problems: list[str] = []
    while engine.step.kind is not StepKind.SUMMARY:
        window.next_step()
        kind = engine.step.kind
        if kind in SHOWN and kind not in seen:
            seen.add(kind)
            problems += check_step(window, kind, narrow)
            if look is not None:
                look(kind)
    window.save_ratings(5, 0, "")
    return problems


@pytest.mark.parametrize("size", [NARROW, *WIDE], ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_drawing_stands_beside_in_a_wide_window_and_below_in_a_narrow_one(
        qtbot: QtBot, app_factory: AppFactory, size: tuple[int, int]) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(*size)
    window.scaler.flush()  # the window's scale now, not at a moment its timer picks during the walk
    settle()
    narrow = size == NARROW
    seen: set[StepKind] = set()
    problems = walk(window, "foundation", seen, narrow) + walk(window, "advanced", seen, narrow)
    assert seen == SHOWN
    assert problems == []
    screens = [s for s in window.session.findChildren(StepScreen) if s.fills_view]
    assert {type(s).__name__ for s in screens} == {"IntroScreen", "RepsScreen", "TimerScreen"}
    assert all(grid.narrow is narrow for s in screens for grid in s.findChildren(AdaptiveGrid))


def words(window: MainWindow, kind: StepKind) -> dict[str, QLabel]:
    """The words a step screen shows around its ring or counter: its title, where in the session, what comes
    next, and the session's header over every screen."""
    session = window.session
    shown: dict[str, QLabel] = {"phase badge": session.phase_badge, "program": session.program_label}
    if kind is StepKind.BRIEFING:
        shown |= {"title": session.briefing.title, "prompt": session.briefing.prompt}
    elif kind is StepKind.INTRO:
        intro = session.intro
        shown |= {"kicker": intro.kicker, "name": intro.name, "setup": intro.setup, "dosage": intro.dosage}
    elif kind is StepKind.REPS:
        reps = session.reps
        shown |= {"name": reps.name, "position": reps.position, "of": reps.count_caption, "left": reps.left_in_set}
    else:
        timer = session.timer
        shown |= {"title": timer.title, "position": timer.position, "next up": timer.next_kicker,
                  "next name": timer.next_name}
    return {f"{kind.value} {name}": text for name, text in shown.items() if text.isVisibleTo(window) and text.text()}


def test_at_3840x2160_every_step_screens_words_grow_with_the_window_and_nothing_clips(
        qtbot: QtBot, app_factory: AppFactory) -> None:
    """The titles, "Set 1 of 3" lines, the intro's words, "Next up" and the header grow as the ring does."""
    window = app_factory().window
    assert window is not None
    sizes: dict[tuple[int, int], dict[str, float]] = {}
    problems: list[str] = []
    for size in ((1366, 768), (3840, 2160)):
        window.resize(*size)
        window.scaler.flush()
        settle()
        seen: set[StepKind] = set()
        found = sizes[size] = {}

        def look(kind: StepKind, found: dict[str, float] = found) -> None:
            found |= {name: text.font().pointSizeF() for name, text in words(window, kind).items()}

        problems += walk(window, "foundation", seen, False, look) + walk(window, "advanced", seen, False, look)
        assert seen == SHOWN
    small, large = sizes[(1366, 768)], sizes[(3840, 2160)]
    assert small.keys() == large.keys()
    assert {"intro kicker", "reps position", "hold title", "next_up next up", "rest title"} <= small.keys()
    assert {name: round(large[name] / small[name], 2) for name in small if large[name] < 2.4 * small[name]} == {}
    assert problems == []


def test_one_rule_rearranges_every_screen_when_the_window_turns_narrow(qtbot: QtBot, app_factory: AppFactory) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(1366, 768)
    window.start_program("foundation")
    settle()
    grids = [g for s in window.session.findChildren(StepScreen) for g in s.findChildren(AdaptiveGrid)]
    assert len(grids) >= 4 and not any(g.narrow for g in grids)  # intro, reps, timer, and what comes next
    window.resize(800, 600)  # as wide as it is tall or less: stacked
    settle()
    assert all(g.narrow for g in grids)
    window.resize(1024, 600)
    settle()
    assert not any(g.narrow for g in grids)


def at_step(window: MainWindow | None, kind: StepKind) -> MainWindow:
    """*window* at 1366x768 on the first step of *kind* of the Foundation session."""
    assert window is not None
    window.resize(1366, 768)
    window.start_program("foundation")
    step_to(window, kind)
    settle()
    return window


def test_a_pass_of_the_window_scale_leaves_the_rep_counters_size_alone(qtbot: QtBot, app_factory: AppFactory) -> None:
    window = at_step(app_factory().window, StepKind.REPS)
    reps = window.session.reps
    sizes = [w.font().pixelSize() for w in (reps.count, reps.phase, reps.side)]
    assert min(sizes) > 30  # (the words are sized for the longest phase word, so they keep it through the set)
    rescale_widgets([window])  # what a change of the window's scale or of the text size does to every screen
    assert [w.font().pixelSize() for w in (reps.count, reps.phase, reps.side)] == sizes


@pytest.mark.parametrize(("width", "height", "narrow"), [(899, 300, True), (900, 300, False), (1000, 1001, True),
                                                         (1000, 1000, False), (3800, 2000, False)])
def test_narrow_means_under_900_pixels_or_taller_than_wide(width: int, height: int, narrow: bool) -> None:
    assert is_narrow(width, height) is narrow


def cell(grid: AdaptiveGrid, widget: QWidget) -> tuple[int, int]:
    position = grid.getItemPosition(grid.indexOf(widget))
    assert isinstance(position, tuple)
    return position[0], position[1]


def test_an_adaptive_grid_moves_each_widget_to_its_cell_and_stretch(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    grid = AdaptiveGrid(holder)
    ring, drawing = QLabel("ring"), QLabel("drawing")
    grid.place(ring, (0, 0, 1, 1), (0, 0, 1, 1))
    grid.place(drawing, (0, 1, 1, 1), (1, 0, 1, 1))
    grid.set_stretches(False, columns=(3, 2))
    grid.set_stretches(True, rows=(3, 2))
    assert grid.arrange(False) and not grid.arrange(False)  # nothing to move the second time
    assert cell(grid, drawing) == (0, 1)
    assert (grid.columnStretch(0), grid.columnStretch(1), grid.rowStretch(0)) == (3, 2, 0)
    assert grid.arrange(True)
    assert cell(grid, drawing) == (1, 0)
    assert (grid.columnStretch(0), grid.columnStretch(1), grid.rowStretch(0), grid.rowStretch(1)) == (0, 0, 3, 2)
    grid.setRowStretch(1, 0)
    grid.restretch()
    assert grid.rowStretch(1) == 2


def test_a_ring_in_a_least_grid_asks_only_for_the_height_it_needs_at_least(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    grid = LeastGrid(holder)
    caption = QLabel("Get into position " * 4)
    caption.setWordWrap(True)
    grid.addWidget(caption, 0, 0)
    grid.addWidget(CountdownRing(), 1, 0)
    least = grid.minimumHeightForWidth(200)
    assert grid.heightForWidth(200) == least
    assert least < CountdownRing().sizeHint().height()  # a plain grid would ask for the ring's 360 px hint


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_the_phase_colour_reaches_the_top_edge_of_the_window(qtbot: QtBot, app_factory: AppFactory, app_look: None,
                                                              theme: str) -> None:
    """No band of the window's colour above the session (the hidden banner's margin once left 16 px)."""
    window = at_step(app_factory(theme=theme).window, StepKind.HOLD)
    expected = QColor(THEMES[theme].phases[PhaseColour.HOLD].background)
    assert window.session.phase() == PhaseColour.HOLD.value
    image = window.grab().toImage()
    rows = range(6)  # above the phase badge's text: the session view's own margin
    off = {(x, y): image.pixelColor(x, y).name() for y in rows for x in range(0, image.width(), 7)
           if image.pixelColor(x, y).rgb() != expected.rgb()}
    assert off == {}, f"{len(off)} pixels of the top rows are not {expected.name()}: {list(off.items())[:5]}"
    assert box(window.session, window).top() == 0


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_control_bar_keeps_one_row_at_1024x600_with_each_key_under_its_words(
        qtbot: QtBot, app_factory: AppFactory, language: str) -> None:
    from psoas_coach import i18n
    from tests.ui.test_i18n_layout import back_to_english

    i18n.set_language(language)
    try:
        window = at_step(app_factory().window, StepKind.HOLD)
        bar = window.session.control_bar
        buttons = list(window.session.buttons.values())
        assert bar.columns == len(buttons) and all("\n" not in b.text() for b in buttons)  # 1366x768: one line each
        one_line = bar.height()
        window.resize(1024, 600)
        settle()
        assert bar.columns == len(buttons)  # "Keys (?)" no longer alone on a second row
        assert bar.height() <= one_line + 4  # and the row is no taller
        for button in buttons:
            action = button.defaultAction()
            assert action is not None
            assert button.text().replace("\n", " ") == action.text()  # the same words, the key under them
            assert button.sizeHint().height() <= button.height() and button.sizeHint().width() <= button.width()
        assert clipped(window) == []
        window.resize(1366, 768)
        settle()
        assert all("\n" not in b.text() for b in buttons)
    finally:
        back_to_english()
