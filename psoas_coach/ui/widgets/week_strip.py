"""This week as a strip of seven days, each marked when it was a training day, against the 2-3 a week target."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_coach.core.weeks import week_start, week_text
from psoas_coach.i18n import _, pgettext, weekday_name
from psoas_coach.ui.painting import draw_text, edge_ellipse, fill_ellipse, keep_text_colour
from psoas_coach.ui.qt_values import ALIGN_CENTER, ALIGN_HCENTER, ALIGN_TOP
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.theme import Space, Type, current_theme, px

DONE_MARK = "✓"


def week_summary(days: set[date], today: date) -> str:
    """'This week: 1 of 2-3 training days (on Monday)', the strip in words (for screen readers and tooltips)."""
    monday = week_start(today)
    week = sorted(d for d in days if monday <= d <= monday + timedelta(days=6))
    text = week_text(len(week))
    if week:
        text += " " + _("(on {days})").format(days=", ".join(weekday_name(d) for d in week))
    return text


def short_day_names() -> tuple[str, ...]:
    """Monday to Sunday, abbreviated as the language's calendar writes them (CLDR's abbreviated day names:
    tests/ui/test_week_strip.py checks every catalogue against Qt's locale data). From the catalogue, because
    home paints them in its first frame: naming QLocale builds its enum types (about 5 ms) and Babel's locale
    data takes about 25 ms to load."""
    # Translators: Monday to Sunday, abbreviated as your language's calendars write them (CLDR "abbreviated")
    return (pgettext("weekday, abbreviated", "Mon"), pgettext("weekday, abbreviated", "Tue"),
            pgettext("weekday, abbreviated", "Wed"), pgettext("weekday, abbreviated", "Thu"),
            pgettext("weekday, abbreviated", "Fri"), pgettext("weekday, abbreviated", "Sat"),
            pgettext("weekday, abbreviated", "Sun"))


class WeekStrip(QWidget):
    """Monday to Sunday as circles: filled and ticked for a day with a session, ringed for today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home-week")
        set_scaled_font(self, Type.BODY, bold=True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.today = date.today()
        self.days: set[date] = set()
        self.set_week([], self.today)

    def set_week(self, session_days: Iterable[date], today: date) -> None:
        self.today = today
        self.days = set(session_days)
        text = week_summary(self.days, today)
        self.setAccessibleName(text)
        self.setToolTip(text)
        self.updateGeometry()
        self.update()

    def _cell(self) -> int:
        return max(px(self, 36), self.fontMetrics().height() * 2)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        cell = self._cell()
        return QSize(7 * cell + 6 * px(self, Space.S), cell + self.fontMetrics().height() + px(self, Space.XS))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        theme = current_theme(self)
        monday = week_start(self.today)
        cell = self._cell()
        keep_text_colour(self, theme.text)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setBold(False)
        names = short_day_names()
        for i in range(7):
            day = monday + timedelta(days=i)
            x = i * (cell + px(self, Space.S))
            circle = QRectF(x + 2, 2, cell - 4, cell - 4)
            trained = day in self.days
            if trained:
                fill_ellipse(painter, circle, theme.done)
            else:
                fill_ellipse(painter, circle, theme.card)
                edge_ellipse(painter, circle, theme.card_border, 1.5)
            if day == self.today:
                edge_ellipse(painter, circle.adjusted(-1, -1, 1, 1), theme.accent, 3)
            painter.setFont(self.font())
            # the window colour reads on "done"
            draw_text(painter, circle, ALIGN_CENTER, DONE_MARK if trained else str(day.day),
                      theme.window if trained else theme.text)
            painter.setFont(small)
            gap = px(self, Space.XS)
            draw_text(painter, QRectF(x - gap, cell, cell + 2 * gap, self.height() - cell),
                      ALIGN_HCENTER | ALIGN_TOP, names[i], theme.text)
        painter.end()
