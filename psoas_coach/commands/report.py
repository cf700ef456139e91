"""`psoas-coach report --from DATE --to DATE --output FILE.pdf`: a PDF to bring to a physical therapist."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from psoas_coach.commands.notes import warn
from psoas_coach.i18n import _, ngettext
from psoas_coach.paths import AppPaths

DEFAULT_WEEKS = 8


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("dates are written YYYY-MM-DD, such as 2026-03-02, not {text}").format(
            text=repr(text))) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report", help=_("write a PDF report for a physical therapist"),
        description=_("Write a PDF with the program, adherence per week, per-exercise progression, pain events "
                      "and notes, with charts. Without dates it covers the last {weeks} weeks.").format(weeks=DEFAULT_WEEKS),
    )
    parser.add_argument("--from", dest="date_from", metavar="DATE", type=_date, help=_("first day (YYYY-MM-DD)"))
    parser.add_argument("--to", dest="date_to", metavar="DATE", type=_date, help=_("last day (YYYY-MM-DD, default today)"))
    parser.add_argument("--output", "-o", metavar="FILE", type=Path, help=_("the PDF to write "
                        "(default psoas-coach-report-FROM-TO.pdf here)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    end = args.date_to or date.today()
    start = args.date_from or end - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1)
    if start > end:
        print(_("The report's first day {start} is after its last day {end}.").format(start=start, end=end),
              file=sys.stderr)
        return 2
    output = args.output or Path(f"psoas-coach-report-{start}-{end}.pdf")
    if output.suffix.lower() != ".pdf":
        output = output.with_suffix(output.suffix + ".pdf") if output.suffix else output.with_suffix(".pdf")
    if not output.parent.is_dir():
        print(_("Could not write {file}: the folder {folder} does not exist.").format(file=output, folder=output.parent),
              file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a report needs no window or display
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["psoas-coach"])
    from psoas_coach.report.write import write_report

    try:
        count, problems = write_report(paths, start, end, output)
    except OSError as exc:
        print(str(exc) if str(exc).endswith(".") else _("Could not write {file}: {reason}.").format(file=output, reason=exc),
              file=sys.stderr)
        return 1
    finally:
        del app
    warn(problems)  # a session file that could not be read is not in the report: say so
    print(ngettext("Wrote {file} ({count} session, {start} to {end}).", "Wrote {file} ({count} sessions, {start} to {end}).",
                   count).format(file=output, count=count, start=start, end=end))  # the dates as typed
    return 0
