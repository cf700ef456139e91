"""Months as calendars, each day marked with its sessions: filled for a completed one, ringed for a partial one.

Keyboard first: the arrows move a day or a week, Page Up and Page Down a month, Home goes to today and
Enter opens the chosen day's session. The chosen day is said in words (its accessible name); it is ringed in the
text's colour, or, while the calendar has the keyboard, by the app's focus ring alone (``focus_area``).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_coach.i18n import _, date_text, month_text, ngettext, weekday_name
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.theme import Radius, Space, Type, current_theme, px

MONTH_MIN_WIDTH = 260


@dataclass(frozen=True)
class DayMark:
    sessions: int
    completed: int


def shift_month(day: date, months: int) -> date:
    """The same day *months* later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class MonthCalendar(QWidget):
    """As many months as fit side by side, ending with the chosen day's month."""

    day_activated = Signal(object)  # the chosen date (Enter or a double click)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history-calendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        set_scaled_font(self, Type.BODY)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.marks: dict[date, DayMark] = {}
        self.today = date.today()
        self.chosen = self.today

    def set_days(self, days: Iterable[tuple[date, bool]], today: date) -> None:
        """Each session as (its day, completed or not)."""
        counts: dict[date, list[int]] = {}
        for day, completed in days:
            entry = counts.setdefault(day, [0, 0])
            entry[0] += 1
            entry[1] += int(completed)
        self.marks = {d: DayMark(n, c) for d, (n, c) in counts.items()}
        self.today = today
        self.choose(today)

    def choose(self, day: date) -> None:
        self.chosen = day
        self.setAccessibleName(self.describe(day))
        self.update()

    def describe(self, day: date) -> str:
        mark = self.marks.get(day)
        when = f"{weekday_name(day)} {date_text(day, 'long')}"
        if mark is None:
            return _("{day}: no session").format(day=when)
        partial = mark.sessions - mark.completed
        text = ngettext("{day}: {count} session", "{day}: {count} sessions", mark.sessions).format(
            day=when, count=mark.sessions)
        if partial:
            text += " " + ngettext("({count} partial)", "({count} partial)", partial).format(count=partial)
        return text

    # ------------------------------------------------------------------ geometry

    def _cell(self) -> float:
        return max(float(px(self, 30)), self.fontMetrics().height() * 1.9)

    def _gap(self) -> int:
        return px(self, Space.L)  # between two months

    def month_count(self) -> int:
        return max(1, min(3, (self.width() + self._gap()) // (self._month_width() + self._gap())))

    def _month_width(self) -> int:
        return max(px(self, MONTH_MIN_WIDTH), int(self._cell() * 7))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        line = self.fontMetrics().height()
        return QSize(3 * self._month_width() + 2 * self._gap(), int(line * 2.2 + self._cell() * 7))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._month_width(), self.sizeHint().height())

    def _months(self) -> list[date]:
        last = self.chosen.replace(day=1)
        return [shift_month(last, -k) for k in range(self.month_count() - 1, -1, -1)]

    def _cells(self) -> dict[date, QRectF]:
        cells: dict[date, QRectF] = {}
        count = self.month_count()
        width = (self.width() - self._gap() * (count - 1)) / count
        cell_w, cell_h = width / 7, self._cell()
        top = self.fontMetrics().height() * 2.2
        for m, first in enumerate(self._months()):
            left = m * (width + self._gap())
            days = calendar.monthrange(first.year, first.month)[1]
            for d in range(days):
                day = first + timedelta(days=d)
                row = (first.weekday() + d) // 7
                cells[day] = QRectF(left + day.weekday() * cell_w, top + row * cell_h, cell_w, cell_h)
        return cells

    def focus_area(self) -> QRect:
        """The chosen day's cell: the app's focus ring (widgets.focus_ring) goes around it, not around the months,
        and it is the one mark of the chosen day while the calendar has the keyboard."""
        cell = self._cells().get(self.chosen)
        return cell.toAlignedRect() if cell is not None else self.rect()

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        theme = current_theme(self)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.fontMetrics().height()
        count = self.month_count()
        width = (self.width() - self._gap() * (count - 1)) / count
        head = QFont(self.font())
        head.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * Type.SMALL / Type.BODY)
        monday = self.today - timedelta(days=self.today.weekday())
        for m, first in enumerate(self._months()):
            left = m * (width + self._gap())
            painter.setFont(head)
            painter.setPen(QColor(theme.text))
            title = month_text(first)
            painter.drawText(QRectF(left, 0, width, line), Qt.AlignmentFlag.AlignLeft, title[:1].upper() + title[1:])
            painter.setFont(small)
            painter.setPen(QColor(theme.muted_text))
            for i in range(7):
                painter.drawText(QRectF(left + i * width / 7, line * 1.1, width / 7, line), Qt.AlignmentFlag.AlignCenter,
                                 weekday_name(monday + timedelta(days=i), "abbreviated"))
        painter.setFont(self.font())
        radius = px(self, Radius.CHIP)
        for day, rect in self._cells().items():
            box = rect.adjusted(2, 2, -2, -2)
            mark = self.marks.get(day)
            text_colour = theme.text
            if mark is not None and mark.completed:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(theme.done))
                painter.drawRoundedRect(box, radius, radius)
                text_colour = theme.window
            elif mark is not None:
                painter.setPen(QPen(QColor(theme.partial), 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(1.5, 1.5, -1.5, -1.5), radius, radius)
            if day == self.today:
                painter.setPen(QPen(QColor(theme.accent), 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(-1, -1, 1, 1), radius, radius)
            if day == self.chosen and not self.hasFocus():  # with the keyboard, the app's focus ring marks it
                # in the text's colour: never taken for the focus ring (high contrast's accent is its yellow)
                painter.setPen(QPen(QColor(theme.text), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
            painter.setPen(QColor(text_colour))
            label = str(day.day) if mark is None or mark.sessions == 1 else f"{day.day}·{mark.sessions}"
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()

    # ------------------------------------------------------------------ keys and the mouse

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        moves = {int(Qt.Key.Key_Left): -1, int(Qt.Key.Key_Right): 1, int(Qt.Key.Key_Up): -7, int(Qt.Key.Key_Down): 7}
        key = event.key()
        if int(key) in moves:
            self.choose(self.chosen + timedelta(days=moves[int(key)]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.choose(shift_month(self.chosen, -1 if key == Qt.Key.Key_PageUp else 1))
        elif key == Qt.Key.Key_Home:
            self.choose(self.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(self.chosen)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        for day, rect in self._cells().items():
            if rect.contains(event.position()):
                self.choose(day)
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self.mousePressEvent(event)
        self.day_activated.emit(self.chosen)
