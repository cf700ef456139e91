"""``psoas-coach history``: every saved session as a table, or as JSON for machines. No Qt is imported."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from psoas_coach.i18n import _
from psoas_coach.paths import AppPaths


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "history", help=_("list saved sessions"), description=_("List saved sessions, oldest first.")
    )
    parser.add_argument("--json", action="store_true", help=_("print the session records as JSON"))
    parser.add_argument("--last", metavar="N", type=int, help=_("only the N most recent sessions"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from psoas_coach.core.weeks import week_advice, week_count
    from psoas_coach.store.listing import table
    from psoas_coach.store.sessions import SessionStore

    result = SessionStore(paths.sessions, parse_cache=paths.parse_cache).load_all()
    sessions = result.sessions
    if args.last is not None:
        sessions = sessions[-args.last :] if args.last > 0 else []
    notice = result.notice()
    if notice:
        print(notice, file=sys.stderr)
    if args.json:
        json.dump(sessions, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif sessions:
        sys.stdout.write(table(sessions))
        print(week_advice(week_count(result.sessions, date.today())))
    else:
        print(_("No sessions saved yet (looked in {folder}).").format(folder=paths.sessions))
    return 0
