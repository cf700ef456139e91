"""Export sessions as JSON or CSV, and import a JSON export back, merging by id.

The JSON export is the records exactly as stored, wrapped with what made them; it is what ``import``
reads back. The CSV has one row per session, exercise and side, for a spreadsheet or a therapist.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from psoas_coach import __version__
from psoas_coach.atomic import write_atomic
from psoas_coach.i18n import _, joined, ngettext
from psoas_coach.safe_json import UnsafeJsonError, loads
from psoas_coach.store.errors import StoreError, reason_of
from psoas_coach.store.migrations import CURRENT_VERSION, MigrationError, is_newer, migrate
from psoas_coach.store.records import parse_time
from psoas_coach.store.schema import MAX_SHOWN, problems, shown_text
from psoas_coach.store.session_check import CheckError, check_record, problems_of, without_problems

FORMAT = "psoas-coach-sessions"

Record = dict[str, Any]

CSV_COLUMNS = (
    "session_id", "started", "ended", "program_id", "program", "duration_seconds", "status", "effort", "pain",
    "pain_stop_exercise", "pain_stop_side", "notes", "exercise_id", "exercise", "side", "sets_started",
    "sets_completed", "reps", "holds", "hold_seconds", "work_seconds", "skipped_steps",
)
_SIDE_FIELDS = ("sets_started", "sets_completed", "reps", "holds", "hold_seconds", "work_seconds", "skipped_steps")


def to_json(records: Iterable[Record]) -> str:
    """Every record in one readable JSON document that ``parse_import`` reads back."""
    doc = {
        "format": FORMAT,
        "schema_version": CURRENT_VERSION,
        "exported": datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
        "app_version": __version__,
        "sessions": [without_problems(r) for r in records],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def csv_rows(record: Record) -> list[dict[str, Any]]:
    """The CSV rows of one session: one per exercise and side, or one bare row if nothing was done."""
    program = _dict(record.get("program"))
    stop = _dict(record.get("pain_stop"))
    base = {
        "session_id": record.get("id"), "started": record.get("started"), "ended": record.get("ended"),
        "program_id": program.get("id"), "program": program.get("name"),
        "duration_seconds": record.get("duration_seconds"), "status": record.get("status"),
        "effort": record.get("effort"), "pain": record.get("pain"),
        "pain_stop_exercise": stop.get("exercise_id"), "pain_stop_side": stop.get("side"),
        "notes": record.get("notes", ""),
    }
    rows = []
    for ex in record.get("exercises") or []:
        ex = _dict(ex)
        for side, totals in _dict(ex.get("sides")).items():
            row = dict(base, exercise_id=ex.get("id"), exercise=ex.get("name"), side=side)
            row.update({k: _dict(totals).get(k) for k in _SIDE_FIELDS})
            rows.append(row)
    return rows or [base]


def to_csv(records: Iterable[Record]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerows(csv_rows(record))
    return out.getvalue()


def write_export(records: list[Record], path: Path, fmt: str) -> None:
    """Write *records* to *path* as "json" or "csv" (atomically, private to the user: it is health data);
    StoreError with one sentence if the disk refuses."""
    text = to_json(records) if fmt == "json" else to_csv(records)
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise StoreError(_("Could not write {path} because {reason}.").format(path=path, reason=reason_of(exc))) from exc


@dataclass(frozen=True)
class Rejection:
    """A record of an import file that was not taken in: which one and why."""

    session: str | None  # its id as the file writes it (quoted when odd, cut when long), None when it has none
    position: int  # its place in the file, from 1
    problem: str  # a clause in the user's language: "the field 'effort' is 42, above the highest allowed value 10"

    def sentence(self, source: object) -> str:
        """One sentence naming the file, the record and what is wrong with it."""
        if self.session is not None:
            # Translators: {file} is the import file, {session} a session id from it, {problem} a clause such as
            # "the field 'effort' is 42, above the highest allowed value 10"
            return _("{file}, session {session}: {problem}.").format(file=source, session=self.session,
                                                                      problem=self.problem)
        # Translators: {number} is the place of a record in the import file (1 for the first)
        return _("{file}, entry {number}: {problem}.").format(file=source, number=self.position, problem=self.problem)


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def sentence(self) -> str:
        """What the import did, in one sentence; each rejected record has a sentence of its own (Rejection)."""
        n = self.added
        text = ngettext("Imported {count} new session", "Imported {count} new sessions", n).format(count=n)
        if self.updated:
            text += ", " + _("updated {count}").format(count=self.updated)
        if self.unchanged:
            text = joined(text, ngettext("{count} was already here", "{count} were already here",
                                         self.unchanged).format(count=self.unchanged))
        if self.rejected:
            count = len(self.rejected)
            text = joined(text, ngettext("{count} could not be used", "{count} could not be used",
                                         count).format(count=count))
        return text + "."


def parse_import(data: bytes | str) -> list[Any]:
    """The records in an export file (or a bare list of records, or one record); ValueError if none."""
    try:
        doc = loads(data, max_depth=64)
    except UnsafeJsonError as exc:
        # Translators: {reason} is a phrase such as "is not valid JSON"
        raise ValueError(_("the file {reason}").format(reason=exc.reason)) from None
    if isinstance(doc, dict) and doc.get("format") == FORMAT:
        sessions = doc.get("sessions")
    elif isinstance(doc, dict) and "id" in doc:
        sessions = [doc]
    else:
        sessions = doc
    if not isinstance(sessions, list):
        raise ValueError(_("the file holds no sessions"))
    return sessions


def _why_not(raw: Any) -> tuple[Record | None, str]:
    """The migrated record of *raw* ready to merge, or None and why not (a clause in the user's language)."""
    if not isinstance(raw, dict):
        return None, _("it is not a session record")
    try:
        record = migrate(dict(raw))
    except MigrationError:
        return None, _("its schema_version is unknown")
    if is_newer(record):
        return None, _("it was made by a newer version of Psoas Coach")
    wrong = [str(p) for p in problems(record)]
    if not wrong:
        try:
            wrong = problems_of(check_record(dict(record)))
        except CheckError as exc:
            # Translators: {reason} is a phrase such as "has an unreadable start time"
            wrong = [_("the record {reason}").format(reason=exc.reason)]
    return (None, wrong[0]) if wrong else (record, "")


def merge_into(store: Any, incoming: list[Any]) -> ImportReport:
    """Add sessions the store lacks and replace the ones *incoming* has a newer copy of."""
    report = ImportReport()
    have = {str(r["id"]): r for r in store.load_all().sessions}
    for position, raw in enumerate(incoming, start=1):
        rid = raw.get("id") if isinstance(raw, dict) else None
        session = (shown_text(rid) if _odd(rid) else rid) if isinstance(rid, str) and rid else None
        record, why = _why_not(raw)
        if record is None:
            report.rejected.append(Rejection(session, position, why))
            continue
        old = have.get(record["id"])
        if old is not None and is_newer(old):
            report.rejected.append(Rejection(session, position,
                                             _("the copy here is from a newer version and stays as it is")))
            continue
        if old is not None and parse_time(record.get("updated")) <= parse_time(old.get("updated")):
            report.unchanged += 1
            continue
        store.save(record)
        have[record["id"]] = record
        if old is None:
            report.added += 1
        else:
            report.updated += 1
    return report


def _odd(text: str) -> bool:
    """A session id that is not shown as it is: long, or with characters a terminal or a sentence would misread."""
    return len(text) > MAX_SHOWN or not text.isprintable() or text != text.strip()
