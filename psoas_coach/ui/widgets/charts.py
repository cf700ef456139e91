"""QtCharts views for the History screen: sessions per week against the 2-3 target, and values over time."""

from __future__ import annotations

from datetime import datetime
from typing import Mapping, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from psoas_coach.core.weeks import TARGET, TARGET_HIGH, TARGET_LOW, Week
from psoas_coach.ui.theme import is_dark

Points = Sequence[tuple[datetime, float]]


def _chart(title: str, widget: QWidget | None) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark(widget) else QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setObjectName(name)
    view.setAccessibleName(chart.title())
    view.setMinimumHeight(220)
    return view


def weekly_chart(weeks: Sequence[Week], parent: QWidget | None = None) -> QChartView:
    """Bars of training days per week (core.weeks' count, as every screen says it) with the target lines."""
    chart = _chart(f"Training days per week (target {TARGET})", parent)
    days = QBarSet("Training days")
    days.setColor(QColor("#10614A"))
    for week in weeks:
        days.append(week.days)
    bars = QStackedBarSeries()
    bars.append(days)
    chart.addSeries(bars)
    x = QBarCategoryAxis()
    x.append([w.monday.strftime("%d %b") for w in weeks])
    top = max([TARGET_HIGH + 1, *(w.days + 1 for w in weeks)])
    y = QValueAxis()
    y.setRange(0, top)
    y.setTickCount(top + 1)
    y.setLabelFormat("%d")
    y.setTitleText("training days")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x)
    bars.attachAxis(y)
    for level in (TARGET_LOW, TARGET_HIGH):
        line = QLineSeries()
        line.setName(f"target {TARGET}" if level == TARGET_LOW else "")
        line.append(-0.5, level)
        line.append(len(weeks) - 0.5, level)
        pen = QPen(QColor("#5E3470"))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    markers = chart.legend().markers()
    for marker in markers:
        if not marker.label():
            marker.setVisible(False)
    return _view(chart, "chart-weeks", parent)


def time_chart(title: str, y_title: str, series: Mapping[str, Points], name: str,
               parent: QWidget | None = None, y_max: float | None = None) -> QChartView:
    """One line per entry of *series*, against dates; each entry's points are in time order."""
    chart = _chart(title, parent)
    x = QDateTimeAxis()
    x.setFormat("d MMM yy")
    x.setTickCount(6)
    y = QValueAxis()
    y.setTitleText(y_title)
    y.setLabelFormat("%g")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    low: float | None = None
    high: float | None = None
    top = 0.0
    for label_text, points in series.items():
        line = QLineSeries()
        line.setName(label_text)
        line.setPointsVisible(len(points) <= 200)  # dots help a few sessions, clutter thousands
        xy = [QPointF(when.timestamp() * 1000.0, float(value)) for when, value in points]
        line.replace(xy)  # one call: appending point by point is slow with thousands of sessions
        if xy:
            low = min(xy[0].x(), xy[-1].x(), *(() if low is None else (low,)))
            high = max(xy[0].x(), xy[-1].x(), *(() if high is None else (high,)))
            top = max(top, max(p.y() for p in xy))
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    if low is None or high is None:
        now = QDateTime.currentDateTime()
        x.setRange(now.addDays(-30), now)
    else:
        pad = max(86_400_000.0, (high - low) * 0.03)
        x.setRange(QDateTime.fromMSecsSinceEpoch(int(low - pad)), QDateTime.fromMSecsSinceEpoch(int(high + pad)))
    y.setRange(0, y_max if y_max is not None else max(1.0, top * 1.1))
    if y_max is None:
        y.applyNiceNumbers()
    return _view(chart, name, parent)
