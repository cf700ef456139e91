"""Plain-text views of session records for the command line: a table row per session."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from psoas_coach.core.history import NOT_KNOWN, STATUS_LABELS
from psoas_coach.core.names import program_name
from psoas_coach.i18n import _, datetime_text, lazy

Record = dict[str, Any]

COLUMNS = (lazy("Date"), lazy("Program"), lazy("Duration"), lazy("Status"), lazy("Effort"), lazy("Pain"), lazy("Notes"))


def when(record: Record) -> str:
    text = record.get("started")
    try:
        return datetime_text(datetime.fromisoformat(str(text)), "short")
    except ValueError:
        return str(text or "?")


def duration(record: Record) -> str:
    seconds = record.get("duration_seconds")
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not math.isfinite(seconds) \
            or not 0 <= seconds < 1e9:
        return str(NOT_KNOWN)
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def status(record: Record) -> str:
    raw = record.get("status")
    label = str(STATUS_LABELS.get(raw, NOT_KNOWN) if isinstance(raw, str) else NOT_KNOWN)
    return label + (" " + _("(recovered)") if record.get("recovered") else "")


def rating(value: Any) -> str:
    return "-" if value is None else str(value)


def row(record: Record, notes_width: int = 30) -> tuple[str, ...]:
    raw = record.get("program")
    program: dict[str, Any] = raw if isinstance(raw, dict) else {}
    notes = " ".join(str(record.get("notes") or "").split())
    if len(notes) > notes_width:
        notes = notes[: notes_width - 1] + "…"
    return (
        when(record),
        program_name(str(program.get("id") or ""), str(program.get("name") or "")) or "?",
        duration(record),
        status(record),
        rating(record.get("effort")),
        rating(record.get("pain")),
        notes,
    )


def table(records: list[Record]) -> str:
    """An aligned text table, one session per line, oldest first."""
    rows = [tuple(str(c) for c in COLUMNS), *(row(r) for r in records)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"
