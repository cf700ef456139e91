"""Every chart's labels are read whole, upright, and never touch one another, in every language: History's weekly
bars name as many weeks as fit (always the current one) and each trend names its first and last day, or only
the last when the two would touch. (QtCharts cut the weekly labels to "14 se…" in French at 1024x600.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QCategoryAxis, QChartView
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from psoas_coach import i18n
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.widgets.trend_chart import TrendChart
from tests.store.helpers import make_record


@pytest.fixture(params=list(i18n.CODES))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    yield i18n.set_language(request.param)
    i18n.set_language("en")


def history_at(window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path,
               qtbot: QtBot, tab: int) -> MainWindow:
    store_dir = tmp_path / "sessions"
    for n in (1, 3, 8, 10, 15, 30):
        SessionStore(store_dir).save(make_record(n, status="completed"))
    window = window_factory(library, store_dir)
    window.resize(1024, 600)
    window.show_history()
    assert window.history is not None
    window.history.show_tab(tab)
    for _ in range(4):
        QApplication.processEvents()
    return window


def named_weeks(view: QChartView) -> list[tuple[str, float]]:
    """Each week label the chart draws, with the x of the week it names (chart coordinates)."""
    chart = view.chart()
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    bars = next(s for s in chart.series() if isinstance(s, QAbstractBarSeries))
    if isinstance(axis, QCategoryAxis):
        named = [(text, axis.endValue(text)) for text in axis.categoriesLabels()]
    else:
        assert isinstance(axis, QBarCategoryAxis)
        named = [(text, float(i)) for i, text in enumerate(axis.categories())]
    return [(text, chart.mapToPosition(QPointF(value, 0), bars).x()) for text, value in named]


def test_the_weekly_chart_names_its_weeks_whole_upright_and_apart(
        language: str, window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path,
        qtbot: QtBot) -> None:
    window = history_at(window_factory, library, tmp_path, qtbot, 1)
    view = next(v for v in window.findChildren(QChartView) if v.objectName() == "chart-weeks")
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert axis.labelsAngle() == 0, "week labels are read upright, from the floor too"
    assert not axis.truncateLabels(), "QtCharts cuts a label wider than its room: '14 se…'"
    metrics = QFontMetricsF(axis.labelsFont())
    weeks = [i18n.day_month_text(w.monday) for w in window.history.calendar_page.shown_weeks]  # type: ignore[union-attr]
    named = named_weeks(view)
    assert named and named[-1][0] == weeks[-1], "the current week is always named"
    assert [text for text, _x in named] == [w for w in weeks if w in {t for t, _x in named}]
    spans = [(x - metrics.horizontalAdvance(text) / 2, x + metrics.horizontalAdvance(text) / 2) for text, x in named]
    for (_l1, right), (left, _r2) in zip(spans, spans[1:]):
        assert right < left, f"{language}: week labels touch: {named}"
    assert spans[0][0] >= 0 and spans[-1][1] <= view.chart().size().width(), f"{language}: cut by the edge"


def test_the_trends_name_their_days_whole_and_apart(
        language: str, window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path,
        qtbot: QtBot) -> None:
    window = history_at(window_factory, library, tmp_path, qtbot, 2)
    assert window.history is not None
    charts = [c for c in window.history.trends_page.charts() if c.points]
    assert charts
    for chart in charts:
        check_dates(chart)


def check_dates(chart: TrendChart) -> None:
    """Every date label of *chart* is as wide as its text, inside the chart, and apart from the other."""
    boxes = chart.date_boxes(QRectF(0, 0, chart.width(), chart.fontMetrics().height()))
    assert boxes and boxes[-1][1] == i18n.day_month_text(chart.points[-1][0].date()), "the last day is named"
    for box, text in boxes:
        assert box.width() >= chart.fontMetrics().horizontalAdvance(text)
        assert box.left() >= 0 and box.right() <= chart.width()
    if len(boxes) == 2:
        assert boxes[0][0].right() < boxes[1][0].left()


def test_a_narrow_trend_with_large_text_names_only_its_last_day(qtbot: QtBot) -> None:
    i18n.set_language("pt_BR")  # "26 de nov.": among the longest
    try:
        start = datetime(2026, 11, 9, 8)
        chart = TrendChart([(start, 3.0), (start + timedelta(days=17), 5.0)], "-")
        qtbot.addWidget(chart)
        set_scaled_font(chart, 2.0)
        chart.resize(int(chart.fontMetrics().horizontalAdvance("26 de nov.") * 1.5), 200)
        boxes = chart.date_boxes(QRectF(0, 0, chart.width(), 20))
        assert [text for _box, text in boxes] == ["26 de nov."]
        check_dates(chart)
        chart.resize(chart.width() * 3, 200)
        assert [text for _box, text in chart.date_boxes(QRectF(0, 0, chart.width(), 20))] == ["9 de nov.", "26 de nov."]
    finally:
        i18n.set_language("en")
