"""Illustrations in Qt: every drawing parses in QtSvg, pixmaps fill their size, the view keeps 4:3."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QColor, QPalette, QPixmap
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.resources import illustrated_exercises
from psoas_coach.ui.drawing_cache import DrawingCache, fitted_rect
from psoas_coach.ui.widgets.illustration import IllustrationView, card_colour, exercise_renderer


def exercise_pixmap(exercise_id: str, size: QSize, ratio: float = 1.0) -> QPixmap:
    """The drawing as home's cards get it (no folder: rendered, never kept)."""
    return DrawingCache(None).pixmap(exercise_id, size.width(), size.height(), ratio)


@pytest.mark.parametrize("exercise_id", illustrated_exercises())
def test_every_drawing_renders_in_qt(exercise_id: str, qtbot: QtBot) -> None:
    renderer = exercise_renderer(exercise_id)
    assert renderer is not None and renderer.isValid()
    assert renderer.viewBox().width() == 400 and renderer.viewBox().height() == 300
    image = exercise_pixmap(exercise_id, QSize(200, 150)).toImage()
    assert (image.width(), image.height()) == (200, 150)
    colours = {image.pixelColor(x, y).name() for x in range(0, 200, 2) for y in range(0, 150, 2)}
    assert len(colours) > 3  # drawn, not blank


def test_pixmap_honours_device_pixel_ratio(qtbot: QtBot) -> None:
    pixmap = exercise_pixmap("supine-marching", QSize(100, 75), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert (pixmap.width(), pixmap.height()) == (200, 150)


def test_unknown_exercise_gives_an_empty_pixmap(qtbot: QtBot) -> None:
    image = exercise_pixmap("no-such-exercise", QSize(100, 75)).toImage()
    assert {image.pixelColor(x, y).alpha() for x in range(100) for y in range(75)} == {0}  # a blank tile
    assert exercise_renderer("no-such-exercise") is None


def test_view_shows_swaps_and_clears(qtbot: QtBot) -> None:
    view = IllustrationView("supine-marching")
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.has_drawing() and view.exercise_id == "supine-marching"
    view.set_exercise("mountain-climbers")
    assert view.exercise_id == "mountain-climbers"
    view.set_exercise("no-such-exercise")
    assert not view.has_drawing() and view.isHidden()
    view.set_exercise("high-knee-runs")
    assert view.has_drawing() and not view.isHidden()


def test_view_keeps_the_drawing_in_shape(qtbot: QtBot) -> None:
    view = IllustrationView("standing-hip-flexion")
    qtbot.addWidget(view)
    assert view.hasHeightForWidth() and view.heightForWidth(400) == 300
    view.resize(800, 300)  # wider than 4:3: the drawing is centred, not stretched
    image = view.grab().toImage()
    background = image.pixelColor(2, 2)
    floor_row = [x for x in range(800) if image.pixelColor(x, 252) != background]
    assert floor_row, "the floor line is drawn"
    assert 200 <= floor_row[0] and floor_row[-1] < 600  # the 400x300 box sits in the middle


def test_drawing_sits_on_a_neutral_card_whatever_the_phase_colour(qtbot: QtBot) -> None:
    phase = QWidget()
    qtbot.addWidget(phase)
    palette = phase.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#A85300"))  # an orange "work" phase
    phase.setPalette(palette)
    phase.setAutoFillBackground(True)
    view = IllustrationView("supine-marching")
    QVBoxLayout(phase).addWidget(view)
    phase.resize(440, 340)
    phase.show()
    qtbot.waitExposed(phase)
    image = phase.grab().toImage()
    card = fitted_rect(view.width(), view.height()).translated(QPointF(view.mapTo(phase, QPoint(0, 0))))
    empty_sky = card.topLeft() + QPointF(card.width() * 0.05, card.height() * 0.1)
    assert image.pixelColor(empty_sky.toPoint()).name() == card_colour().name()
    assert image.pixelColor(2, 2).name() == "#a85300"  # outside the card: the phase colour
