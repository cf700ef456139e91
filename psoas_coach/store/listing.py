"""Plain-text views of session records for the command line: a table row per session."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from psoas_coach.core.history import NOT_KNOWN, STATUS_LABELS

Record = dict[str, Any]
COLUMNS = ("Date", "Program", "Duration", "Status", "Effort", "Pain", "Notes")


def when(record: Record) -> str:
    text = record.get("started")
    try:
        return datetime.fromisoformat(str(text)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(text or "?")


def duration(record: Record) -> str:
    seconds = record.get("duration_seconds")
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not math.isfinite(seconds) \
            or not 0 <= seconds < 1e9:
        return NOT_KNOWN
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def status(record: Record) -> str:
    raw = record.get("status")
    label = STATUS_LABELS.get(raw, NOT_KNOWN) if isinstance(raw, str) else NOT_KNOWN
    return label + (" (recovered)" if record.get("recovered") else "")


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
        str(program.get("name") or program.get("id") or "?"),
        duration(record),
        status(record),
        rating(record.get("effort")),
        rating(record.get("pain")),
        notes,
    )


def table(records: list[Record]) -> str:
    """An aligned text table, one session per line, oldest first."""
    rows = [COLUMNS, *(row(r) for r in records)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"
