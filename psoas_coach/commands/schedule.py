"""`psoas-coach schedule [--ics FILE]`: what to do today, this week's count, and the coming sessions."""

from __future__ import annotations

import argparse
import math
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from psoas_coach.core.plan import build_plan
from psoas_coach.core.schedule import DEFAULT_DAYS, WEEKDAYS, parse_days, plan_weeks, to_ics, today_advice
from psoas_coach.i18n import _, content, date_text, ngettext, time_text, weekday_name
from psoas_coach.paths import AppPaths


def _time(text: str) -> time:
    try:
        return datetime.strptime(text, "%H:%M").time()
    except ValueError:
        raise argparse.ArgumentTypeError(_("--time needs HH:MM such as 18:30, not {text}").format(text=repr(text))) from None


def _weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 52:
        raise argparse.ArgumentTypeError(_("--weeks needs a whole number from 1 to 52, not {text}").format(text=repr(text)))
    return int(text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("--today needs a date as YYYY-MM-DD, not {text}").format(text=repr(text))) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schedule", help=_("what to do today, and an iCalendar file of the coming sessions"),
        description=_("Say what to do today (a session or a rest day, and why) and list the coming sessions: "
                      "two to three a week, with a rest day after each."),
    )
    parser.add_argument("--ics", metavar="FILE", type=Path, help=_("also write the coming sessions to this .ics file"))
    parser.add_argument("--weeks", metavar="N", type=_weeks, default=4, help=_("how many weeks ahead (default 4)"))
    parser.add_argument("--days", metavar="DAYS", default=",".join(WEEKDAYS[d] for d in DEFAULT_DAYS),
                        help=_("two or three training days, not next to each other (default mon,wed,fri)"))
    parser.add_argument("--time", metavar="HH:MM", type=_time, default=time(18, 0),
                        help=_("the time of day for calendar events (default 18:00)"))
    parser.add_argument("--program", dest="schedule_program", metavar="ID",
                        help=_("the program to plan (default: your current one)"))
    parser.add_argument("--today", metavar="DATE", type=_date, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from psoas_coach.commands.notes import warn
    from psoas_coach.store.context import load_context

    try:
        days = parse_days(args.days)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    ctx = load_context(paths)
    warn(ctx.problems)
    if args.schedule_program and args.schedule_program not in ctx.library.ids():
        print(_("There is no program {program}; the programs are: {known}.").format(
            program=repr(args.schedule_program), known=", ".join(ctx.library.ids())),
              file=sys.stderr)
        return 1
    program = ctx.program(args.schedule_program)
    today = args.today or date.today()
    advice = today_advice(ctx.sessions, today, program.id, program.name)
    print(advice.line)
    planned = plan_weeks(ctx.sessions, today, args.weeks, program.id, program.name, days)
    minutes = max(1, math.ceil(build_plan(ctx.levelled(program)).timed_seconds / 60))
    print(_("Coming sessions ({program}, about {minutes} min, at {time}):").format(
        program=content(program.name), minutes=minutes, time=time_text(args.time)))
    for session in planned:
        print(f"  {weekday_name(session.day, 'abbreviated')} {date_text(session.day)}")
    if args.ics is not None:
        from psoas_coach.atomic import write_atomic
        from psoas_coach.store.errors import reason_of

        try:  # atomically and private to the user: a full or read-only disk leaves no empty file behind
            write_atomic(args.ics, to_ics(planned, args.time, minutes).encode("utf-8"))
        except OSError as exc:
            print(_("Could not write {path} because {reason}.").format(path=args.ics, reason=reason_of(exc)), file=sys.stderr)
            return 1
        print(ngettext("Wrote {count} session to {file}; import it into your calendar for reminders.",
                       "Wrote {count} sessions to {file}; import it into your calendar for reminders.",
                       len(planned)).format(count=len(planned), file=args.ics))
    return 0
