"""The History screen's weekly chart (QtCharts): training days per week against the 2-3 target."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.core.weeks import TARGET, TARGET_HIGH, TARGET_LOW, Week
from psoas_coach.i18n import _, day_month_text
from psoas_coach.ui.text_scale import design_size
from psoas_coach.ui.theme import Type, current_theme, is_dark, scale_of, scaled_font


def _chart(title: str, widget: QWidget | None) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark(widget) else QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    theme = current_theme(widget)
    chart.setBackgroundBrush(QColor(theme.card))  # a card like the others, not the chart theme's own grey
    chart.setTitleBrush(QColor(theme.text))
    chart.legend().setLabelColor(QColor(theme.text))
    return chart


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setObjectName(name)
    view.setAccessibleName(chart.title())
    design_size(view, min_height=220)
    return view


def weekly_chart(weeks: Sequence[Week], parent: QWidget | None = None) -> QChartView:
    """Bars of training days per week (core.weeks' count, as every screen says it) with the target lines."""
    theme = current_theme(parent)
    chart = _chart(_("Training days per week (target {target})").format(target=TARGET), parent)
    days = QBarSet(_("Training days"))
    days.setColor(QColor(theme.done))
    for week in weeks:
        days.append(week.days)
    bars = QStackedBarSeries()
    bars.append(days)
    chart.addSeries(bars)
    x = QBarCategoryAxis()
    x.append([day_month_text(w.monday) for w in weeks])  # one label per week: never the same twice
    x.setLabelsAngle(-90)  # upright labels are never elided, even with twelve weeks in a narrow window
    top = max([TARGET_HIGH + 1, *(w.days + 1 for w in weeks)])
    y = QValueAxis()
    y.setRange(0, top)
    y.setTickCount(top + 1)
    y.setLabelFormat("%d")
    # no axis title: the chart's title says what is counted, and a rotated title was cut to "training ..."
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x)
    bars.attachAxis(y)
    for level in (TARGET_LOW, TARGET_HIGH):
        line = QLineSeries()
        line.setName(_("target {target}").format(target=TARGET) if level == TARGET_LOW else "")
        line.append(-0.5, level)
        line.append(len(weeks) - 0.5, level)
        pen = QPen(QColor(theme.accent))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    # QtCharts has fonts of its own: the type scale's, at the scale of the screen it is on
    scale = scale_of(parent) if parent is not None else 1.0
    small = scaled_font(QApplication.font(), Type.SMALL * scale)
    chart.setTitleFont(scaled_font(QApplication.font(), Type.BODY * scale, bold=True))
    chart.legend().setFont(small)
    for axis in (x, y):
        axis.setLabelsFont(small)
    markers = chart.legend().markers()
    for marker in markers:
        if not marker.label():
            marker.setVisible(False)
    return _view(chart, "chart-weeks", parent)
