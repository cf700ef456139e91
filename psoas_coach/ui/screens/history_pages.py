"""History's Calendar and Trends tabs: months of sessions with the weeks against 2-3 training days, and
per-exercise trends per side as small multiples. Each page is built from the records when its tab shows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QVBoxLayout, QWidget

from psoas_coach.core.history import started_at
from psoas_coach.core.history_view import SideTrend, ratings_series, side_trends
from psoas_coach.core.weeks import Week, training_day, week_text, weeks
from psoas_coach.i18n import _, date_text, ngettext
from psoas_coach.ui.text_scale import fit_to_parent, rescaled, set_scaled_font
from psoas_coach.ui.theme import Space, Type
from psoas_coach.ui.widgets.card import Card
from psoas_coach.ui.widgets.charts import weekly_chart
from psoas_coach.ui.widgets.flow_row import ColumnGrid
from psoas_coach.ui.widgets.month_calendar import MonthCalendar
from psoas_coach.ui.widgets.scrolling import ScrollArea
from psoas_coach.ui.widgets.text import label
from psoas_coach.ui.widgets.trend_chart import TrendChart

Record = dict[str, Any]
WEEKS_SHOWN = 12
TREND_MIN_WIDTH = 300
COMPLETED_MARK, PARTIAL_MARK = "■", "□"


def week_line(week: Week) -> str:
    """'Week of 12 Jan 2026: 2 of 2-3 training days (2 sessions) · on target'."""
    text = week_text(week.days, _("Week of {day}").format(day=date_text(week.monday)))
    if week.sessions:
        sessions = ngettext("{count} session", "{count} sessions", week.sessions).format(count=week.sessions)
        if week.partial:
            sessions += ", " + ngettext("{count} partial", "{count} partial", week.partial).format(count=week.partial)
        text += f" ({sessions})"
    return f"{text} · {week.verdict}"


class CalendarPage(ScrollArea):
    """The months with each day's sessions, then the weeks as lines and bars against the target; it scrolls in a
    short window (at 1024x600 the months were cut off)."""

    day_activated = Signal(object)  # a date: show its session in the Sessions tab

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("history-calendar-scroll", parent)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(Space.M, Space.M, Space.M, Space.M)
        layout.setSpacing(Space.M)
        self.calendar = MonthCalendar()
        self.calendar.day_activated.connect(self.day_activated.emit)
        layout.addWidget(self.calendar)
        layout.addWidget(label(_("{done} completed   {partial} partial   Arrows choose a day, Enter shows its session, "
                                 "Page Up and Page Down change the month.").format(done=COMPLETED_MARK,
                                                                                    partial=PARTIAL_MARK),
                               Type.SMALL, name="history-calendar-legend"))
        row = QHBoxLayout()
        row.setSpacing(Space.M)
        self.weeks_list = QListWidget()
        self.weeks_list.setObjectName("history-weeks")
        self.weeks_list.setAccessibleName(_("Weeks, newest first"))
        set_scaled_font(self.weeks_list, Type.BODY)
        self.weeks_list.setWordWrap(True)
        row.addWidget(self.weeks_list, 1)
        self.chart_box = QVBoxLayout()
        row.addLayout(self.chart_box, 1)
        self.shown_weeks: list[Week] = []
        self.chart_stale = True
        layout.addLayout(row, 1)
        self.setWidget(page)

    def show_records(self, records: Sequence[Record], today: date) -> None:
        days = []
        for record in records:
            day = training_day(record)
            if day is not None:
                days.append((day, record.get("status") == "completed"))
        self.calendar.set_days(days, today)
        shown = weeks(records, today, WEEKS_SHOWN)
        self.weeks_list.clear()
        for week in reversed(shown):
            self.weeks_list.addItem(week_line(week))
        self.shown_weeks = shown
        self.chart_stale = True

    def event(self, event: QEvent) -> bool:
        if rescaled(event):  # QtCharts' fonts are set when it is built: built again at the new scale
            self.chart_stale = True
            if self.isVisible():
                self.build_chart()
        return super().event(event)

    def build_chart(self) -> None:
        """The weekly bars (QtCharts): built when the tab shows, not on every change of the records."""
        if self.chart_stale:
            self.chart_stale = False
            _clear(self.chart_box)
            chart = weekly_chart(self.shown_weeks, self)
            self.chart_box.addWidget(chart)
            fit_to_parent([chart])


def trend_card(trend: SideTrend) -> Card:
    """One exercise on one side: reps and, when it has them, seconds held or worked, each as a small chart."""
    side = {"left": _("left"), "right": _("right")}.get(trend.side, "")
    card = Card(name="history-trend")
    card.add(label(f"{trend.name} · {side}" if side else trend.name, Type.BODY, bold=True, name="history-trend-title"))
    if trend.has_reps or not trend.has_seconds:
        card.add(label(_("Reps"), Type.SMALL))
        chart = TrendChart([(p.when, float(p.reps)) for p in trend.points], _("No reps yet."))
        chart.setObjectName("trend-reps")
        card.add(chart)
    if trend.has_seconds:
        card.add(label(_("Seconds held or worked"), Type.SMALL))
        chart = TrendChart([(p.when, p.seconds) for p in trend.points], _("Nothing held yet."), unit=" s")
        chart.setObjectName("trend-seconds")
        card.add(chart)
    return card


def ratings_card(records: Sequence[Record]) -> Card:
    """Effort and pain over time, or in words why there is nothing to show."""
    ratings = ratings_series(records)
    card = Card(name="history-trend")
    card.add(label(_("Effort and pain (0-10)"), Type.BODY, bold=True, name="history-trend-title"))
    for text, points, empty in (
        (_("Effort"), [(w, float(e)) for w, e, _p in ratings if e is not None],
         _("No session has a rated effort yet: rate it on the summary after a session.")),
        (_("Pain"), [(w, float(p)) for w, _e, p in ratings if p is not None],
         _("No session has a rated pain yet: rate it on the summary after a session.")),
    ):
        card.add(label(text, Type.SMALL))
        chart = TrendChart(points, empty, top=10)
        chart.setObjectName(f"trend-{'effort' if text == _('Effort') else 'pain'}")
        card.add(chart)
    return card


class TrendsPage(ScrollArea):
    """Small multiples: a card per exercise and side, then effort and pain; words when there is no session.
    Each chart takes the keyboard (Tab steps from one to the next, each read out in words), not the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("history-trends-scroll", parent)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(Space.M, Space.M, Space.M, Space.M)
        self.empty = label(_("No sessions yet: the trends appear after your first one."), Type.LEAD,
                           name="history-trends-empty")
        layout.addWidget(self.empty)
        self.grid = ColumnGrid(TREND_MIN_WIDTH, spacing=Space.M)
        self.grid.setObjectName("history-trends")
        layout.addWidget(self.grid)
        layout.addStretch(1)
        self.setWidget(page)

    def show_records(self, records: Sequence[Record]) -> None:
        dated = [r for r in records if started_at(r) is not None]
        self.empty.setVisible(not dated)
        cards = [trend_card(t) for t in side_trends(dated)] if dated else []
        self.grid.set_widgets([*cards, ratings_card(dated)] if dated else [])

    def charts(self) -> list[TrendChart]:
        return self.grid.findChildren(TrendChart)


def _clear(box: QVBoxLayout) -> None:
    while box.count():
        item = box.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()



