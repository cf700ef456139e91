"""``psoas-coach export`` and ``psoas-coach import``: every session to CSV or JSON, and a JSON export back in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from psoas_coach.i18n import _, ngettext
from psoas_coach.paths import AppPaths


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export", help=_("export every session to CSV or JSON"),
        description=_("Export every saved session. JSON keeps everything and can be imported back; "
                      "CSV has one row per session, exercise and side."),
    )
    export.add_argument("--format", choices=("csv", "json"), default="json", help=_("file format (default json)"))
    export.add_argument("--output", metavar="FILE", required=True, help=_("where to write it ('-' for the screen)"))
    export.set_defaults(func=run_export)
    imp = subparsers.add_parser(
        "import", help=_("add sessions from a JSON export, merging by id"),
        description=_("Add the sessions of a JSON export. A session already here is replaced only by a newer copy."),
    )
    imp.add_argument("file", metavar="FILE", help=_("a file written by 'psoas-coach export --format json'"))
    imp.set_defaults(func=run_import)


def run_export(args: argparse.Namespace, paths: AppPaths) -> int:
    from psoas_coach.store.errors import StoreError
    from psoas_coach.store.exporting import to_csv, to_json, write_export
    from psoas_coach.store.sessions import SessionStore

    result = SessionStore(paths.sessions, parse_cache=paths.parse_cache).load_all()
    if result.notice():
        print(result.notice(), file=sys.stderr)
    if args.output == "-":
        sys.stdout.write(to_json(result.sessions) if args.format == "json" else to_csv(result.sessions))
        return 0
    out = Path(args.output).expanduser()
    try:
        write_export(result.sessions, out, args.format)
    except StoreError as exc:
        print(f"psoas-coach: {exc}", file=sys.stderr)
        return 1
    n = len(result.sessions)
    print(ngettext("Exported {count} session to {file}.", "Exported {count} sessions to {file}.", n).format(count=n, file=out))
    return 0


MAX_IMPORT_BYTES = 256 * 1024 * 1024  # an export of ten thousand sessions is about 100 MB
MAX_REFUSALS_SHOWN = 20  # records named one by one; the count of the rest follows


def run_import(args: argparse.Namespace, paths: AppPaths) -> int:
    from psoas_coach.safe_json import UnsafeJsonError, read_bytes
    from psoas_coach.store.errors import StoreError
    from psoas_coach.store.exporting import merge_into, parse_import
    from psoas_coach.store.sessions import SessionStore

    source = Path(args.file).expanduser()
    try:  # the one safe reader: a FIFO or a device is refused, not waited on; a huge file is not read
        incoming = parse_import(read_bytes(source, MAX_IMPORT_BYTES, follow_links=True))
    except FileNotFoundError:
        print("psoas-coach: " + _("Could not read {file} ({reason}).").format(file=source, reason=_("no such file")),
              file=sys.stderr)
        return 1
    except UnsafeJsonError as exc:  # not a regular file, no permission, too large
        # Translators: {file} is a file name, {reason} a phrase such as "is a folder, not a file"
        print("psoas-coach: " + _("{file} {reason}.").format(file=source, reason=exc.reason), file=sys.stderr)
        return 1
    except ValueError as exc:
        print("psoas-coach: " + _("{file} is not a Psoas Coach export: {reason}.").format(file=source, reason=exc),
              file=sys.stderr)
        return 1
    try:
        report = merge_into(SessionStore(paths.sessions), incoming)
    except StoreError as exc:
        print(f"psoas-coach: {exc}", file=sys.stderr)
        return 1
    print(report.sentence())
    for rejection in report.rejected[:MAX_REFUSALS_SHOWN]:
        print("psoas-coach: " + rejection.sentence(source), file=sys.stderr)
    more = len(report.rejected) - MAX_REFUSALS_SHOWN
    if more > 0:
        print("psoas-coach: " + ngettext("{file}: {count} more session could not be used.",
                                         "{file}: {count} more sessions could not be used.", more).format(
            file=source, count=more), file=sys.stderr)
    return 0 if not report.rejected or report.added or report.updated or report.unchanged else 1
