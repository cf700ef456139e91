"""Gathers the therapist report from the user's folder and writes it as a PDF (for the window and the CLI)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psoas_coach.i18n import _, content
from psoas_coach.paths import AppPaths


def write_report(paths: AppPaths, start: date, end: date, output: Path) -> tuple[int, list[str]]:
    """Gather and draw the report; returns the number of sessions in it and the problems met reading the
    user's files (one sentence each: a session file that could not be read is missing from the report, so
    the user is told); StoreError (one sentence with the reason) when it cannot be written, and then nothing
    is left at *output*. Needs a Qt GUI application."""
    from psoas_coach.report.data import build_report
    from psoas_coach.report.pdf import write_pdf
    from psoas_coach.store.context import load_context
    from psoas_coach.store.errors import StoreError, reason_of

    ctx = load_context(paths)
    data = build_report(ctx.sessions, start, end, ctx.state.decisions)
    program = ctx.program()
    try:
        write_pdf(data, output, user_line=_("Current program: {program}.").format(program=content(program.name)))
    except OSError as exc:  # one sentence with the reason, as export gives
        raise StoreError(_("Could not write {path} because {reason}.").format(path=output, reason=reason_of(exc))) from exc
    return len(data.sessions), list(ctx.problems)
