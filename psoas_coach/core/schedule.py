"""The article's rhythm: two to three sessions a week with rest between, what to do today, and a calendar.

Weeks run Monday to Sunday; what counts as a session this week (a training day) is core.weeks' rule. A
training day yesterday makes today a rest day (also across a week's end); three training days in a week
are the target's top, so the rest of that week is rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import Any

from psoas_coach.core.history import pain_stop_of
from psoas_coach.core.weeks import (
    TARGET_HIGH,
    TARGET_LOW,
    days_in_week,
    training_day,
    training_days,
    week_start,
    week_text,
)
from psoas_coach.i18n import _, content, current_language, ngettext

DEFAULT_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class TodayKind(str, Enum):
    TRAIN = "train"
    REST = "rest"
    DONE = "done"


@dataclass(frozen=True)
class Today:
    """What to do today and why, in one sentence, with this week's count against the 2-3 target."""

    kind: TodayKind
    program_id: str
    program_name: str
    reason: str
    week_count: int
    last_session: date | None

    @property
    def week_text(self) -> str:
        return week_text(self.week_count)

    @property
    def line(self) -> str:
        """The home screen's line: '<what and why> This week: 1 of 2-3 training days.'."""
        return _("{reason} {week}.").format(reason=self.reason, week=self.week_text)


def _ago(last: date, today: date) -> str:
    gap = (today - last).days
    return _("yesterday") if gap == 1 else ngettext("{days} day ago", "{days} days ago", gap).format(days=gap)


def today_advice(records: Sequence[Mapping[str, Any]], today: date, program_id: str, program_name: str) -> Today:
    """The home screen's advice for *today* from the session *records* (any programs)."""
    days = training_days(records)
    past = [d for d in days if d <= today]
    count = days_in_week(past, week_start(today), today)
    last = past[-1] if past else None

    name = content(program_name)

    def made(kind: TodayKind, reason: str) -> Today:
        return Today(kind, program_id, program_name, reason, count, last)

    if last == today:
        more = _("that is the target") if count >= TARGET_LOW else _("one more this week reaches the target")
        return made(TodayKind.DONE, _("Done for today: {why}.").format(why=more))
    if last is not None and (today - last).days == 1:
        stopped = [r for r in records if training_day(r) == last and pain_stop_of(r) is not None]
        if stopped:
            return made(TodayKind.REST, _("Rest day: yesterday's session stopped for pain, so let it settle before the "
                                          "next one."))
        return made(TodayKind.REST, _("Rest day: you trained yesterday, and muscles get stronger while they recover."))
    if count >= TARGET_HIGH:
        return made(TodayKind.REST, _("Rest day: {count} training days this week already reach the target, so rest "
                                      "until Monday.").format(count=count))
    if last is None:
        return made(TodayKind.TRAIN, _("{program} today: your first session, about two to three a week from here.")
                    .format(program=name))
    need = TARGET_LOW - count
    room = (7 - today.weekday() + 1) // 2  # sessions still possible this week, with rest days between
    if need > room:
        why = _("one session still counts this week even if two no longer fit")
    elif need == 1:
        why = _("one more this week reaches the target")
    elif need > 1:
        why = _("{count} more this week reach the target").format(count=need)
    else:
        why = _("a third session this week is the top of the target")
    return made(TodayKind.TRAIN, _("{program} today: your last session was {ago}, and {why}.").format(
        program=name, ago=_ago(last, today), why=why))


# --------------------------------------------------------------------------- the coming weeks


@dataclass(frozen=True)
class PlannedSession:
    day: date
    program_id: str
    program_name: str


def parse_days(text: str) -> tuple[int, ...]:
    """'mon,wed,fri' -> (0, 2, 4). Raises ValueError with a plain sentence on a bad list."""
    names = [t.strip().lower()[:3] for t in text.split(",") if t.strip()]
    bad = [n for n in names if n not in WEEKDAYS]
    if bad:
        raise ValueError(_("Unknown day {day}: use three-letter days such as mon,wed,fri.").format(day=repr(bad[0])))
    days = tuple(sorted({WEEKDAYS.index(n) for n in names}))
    if not TARGET_LOW <= len(days) <= TARGET_HIGH:
        raise ValueError(_("Pick {low} or {high} days a week, not {count}.").format(
            low=TARGET_LOW, high=TARGET_HIGH, count=len(days)))
    if any((b - a) % 7 == 1 for a in days for b in days):
        raise ValueError(_("Leave a rest day between two sessions: pick days that are not next to each other."))
    return days


def plan_weeks(records: Sequence[Mapping[str, Any]], today: date, weeks: int, program_id: str, program_name: str,
               days: Sequence[int] = DEFAULT_DAYS) -> list[PlannedSession]:
    """Sessions on the chosen weekdays from today for *weeks* weeks: never the day after a session, never a
    fourth in a week, and not today when today's session is done."""
    done = set(training_days(records))
    planned: list[PlannedSession] = []
    taken: set[date] = set(done)
    for offset in range(weeks * 7):
        day = today + timedelta(days=offset)
        if day.weekday() not in days or day in done:
            continue
        if (day - timedelta(days=1)) in taken:
            continue
        start = week_start(day)
        if sum(1 for d in taken if start <= d < start + timedelta(days=7)) >= TARGET_HIGH:
            continue
        planned.append(PlannedSession(day, program_id, program_name))
        taken.add(day)
    return planned


# --------------------------------------------------------------------------- iCalendar


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 line folding: at most 75 octets a line, continued with a leading space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def to_ics(sessions: Sequence[PlannedSession], at: time, minutes: int, *, stamp: datetime | None = None,
           alarm_minutes: int = 15) -> str:
    """An iCalendar file with one event per planned session, at local (floating) time *at*."""
    stamp = stamp or datetime.now(timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Psoas Coach//Schedule//{current_language().split('_')[0].upper()}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Psoas Coach"]
    for s in sessions:
        start = datetime.combine(s.day, at)
        name = content(s.program_name)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{s.day.isoformat()}-{s.program_id}@psoas-coach",
            f"DTSTAMP:{stamp.astimezone(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART:{start.strftime('%Y%m%dT%H%M%S')}",
            f"DURATION:PT{max(1, minutes)}M",
            _fold("SUMMARY:" + _escape(_("Psoas Coach: {program} session").format(program=name))),
            _fold("DESCRIPTION:" + _escape(
                _("{program} with Psoas Coach, about {minutes} minutes. Keep a neutral pelvis; "
                  "stop on sharp pain. Rest the day after.").format(program=name, minutes=minutes))),
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            _fold("DESCRIPTION:" + _escape(_("Psoas Coach: {program} in {minutes} minutes").format(
                program=name, minutes=alarm_minutes))),
            f"TRIGGER:-PT{alarm_minutes}M",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
