"""Every session record is checked once, where it is read, into a shape every consumer can trust.

``check_record`` takes the value parsed from a file (see safe_json: no NaN or Infinity, bounded depth)
and returns a new dict that holds the fields of session.schema.json with the types the schema gives
them, or the "not known" value of each field:

- ``id`` a non-empty string and ``started`` a string, or the file is set aside (``CheckError``);
- ``program`` ``{"id": str, "name": str}``; ``status`` one of completed, ended_early, pain_stop or None;
- ``duration_seconds`` a finite number >= 0 or None; ``effort`` and ``pain`` whole numbers 0-10 or None;
- ``notes`` a string of at most MAX_NOTES characters; ``pain_stop`` None or a dict of strings (or None);
- ``exercises`` a list (at most MAX_ITEMS) of exercises whose targets and sides hold finite numbers >= 0;
- ``ended`` and ``updated`` strings; ``recovered`` a bool; ``speed`` a finite number > 0 or None;
- other fields (a newer version's) are kept while small (MAX_EXTRA characters as JSON), dropped if not.

What had to change is listed under ``read_problems`` (a list of short phrases). A record with problems
is shown, but the store never writes it back (its file keeps everything the user had), so reading a
record can never lose what is in its file.
"""

from __future__ import annotations

import json
import math
from typing import Any

from psoas_coach.i18n import N_, _, ngettext, number
from psoas_coach.store.migrations import MigrationError, migrate

Record = dict[str, Any]

PROBLEMS = "read_problems"  # the key listing what could not be read as it was, in the user's language

# The fields a note may name, in the words a note uses (marked here, translated where the note is made).
FIELDS = (N_("program id"), N_("program name"), N_("notes"), N_("exercises"), N_("skipped steps"),
          N_("app version"), N_("pain stop exercise"), N_("pain stop side"), N_("pain stop time"), N_("exercise id"),
          N_("exercise name"), N_("exercise kind"), N_("target sets"), N_("target reps"), N_("target hold"),
          N_("sets started"), N_("sets completed"), N_("reps"), N_("holds"), N_("hold seconds"), N_("work seconds"),
          N_("skipped step"), N_("skipped step kind"), N_("skipped step exercise id"), N_("skipped step side"),
          N_("skipped step set"), N_("effort"), N_("pain"), N_("end time"), N_("time of the last change"))
MAX_NOTES = 20_000  # characters of notes kept from one record (about ten pages)
MAX_TEXT = 200  # characters of a name, id or time
MAX_ITEMS = 200  # exercises, skipped steps or sides in one record
MAX_EXTRA = 64 * 1024  # characters of JSON in one field this version does not know
MAX_COUNT = 1_000_000  # a count of sets, reps or holds larger than this is not a real session
MAX_SECONDS = 1e9  # seconds (31 years): a bound that keeps sums and roundings of durations and holds finite
STATUSES = ("completed", "ended_early", "pain_stop")
CONTROLS = ("yes", "mostly", "no")
SIDE_COUNTS = ("sets_started", "sets_completed", "reps", "holds", "skipped_steps")
SIDE_SECONDS = ("hold_seconds", "work_seconds")
KNOWN = frozenset({
    "schema_version", "id", "program", "started", "ended", "updated", "duration_seconds", "status",
    "recovered", "pain_stop", "effort", "pain", "notes", "exercises", "skipped_steps", "speed", "app_version",
    PROBLEMS,
})


class CheckError(ValueError):
    """The value is not a session record at all; ``reason`` is a few words ("is not a session record")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _number(value: Any, high: float) -> float | None:
    """A finite number from 0 to *high* (not a bool), else None."""
    kind = type(value)
    if kind is not int and kind is not float:
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return value if math.isfinite(number) and 0 <= number <= high else None


def _count(value: Any, high: int = MAX_COUNT) -> int | None:
    """A whole number from 0 to *high* (an integral float such as 3.0 reads as 3), else None."""
    number = _number(value, high)
    if number is None or number != int(number):
        return None
    return int(number)


def _text(value: Any, limit: int = MAX_TEXT) -> str | None:
    return value[:limit] if type(value) is str else None


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def note(self, what: str) -> None:
        if what not in self.problems:
            self.problems.append(what)

    def text(self, value: Any, where: str, *, default: str = "", limit: int = MAX_TEXT,
             optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        out = _text(value, limit)
        if out is None:
            self.note(_("{field} is not text").format(field=_(where)))
            return None if optional else default
        if len(out) < len(value):
            self.note(ngettext("{field} cut to {count} character", "{field} cut to {count} characters",
                                limit).format(field=_(where), count=number(limit)))
        return out

    def record(self, raw: Record) -> Record:
        out: Record = {}
        out["schema_version"] = raw["schema_version"]
        out["id"] = raw["id"]
        out["started"] = raw["started"]
        for key, words in (("ended", "end time"), ("updated", "time of the last change")):
            if key in raw:
                out[key] = self.text(raw[key], words)
        program = raw.get("program")
        if type(program) is dict:
            out["program"] = {"id": self.text(program.get("id"), "program id"),
                              "name": self.text(program.get("name", program.get("id")), "program name")}
        else:
            self.note(_("program is not known"))
            out["program"] = {"id": "", "name": ""}
        duration = raw.get("duration_seconds")
        out["duration_seconds"] = _number(duration, MAX_SECONDS)
        if duration is not None and out["duration_seconds"] is None:
            self.note(_("duration is not known"))
        status = raw.get("status")
        out["status"] = status if type(status) is str and status in STATUSES else None
        if out["status"] is None:
            self.note(_("status is not known"))
        if "recovered" in raw:
            out["recovered"] = raw["recovered"] is True
        out["pain_stop"] = self.pain_stop(raw.get("pain_stop"))
        for key in ("effort", "pain"):
            value = raw.get(key)
            out[key] = _count(value, 10)
            if value is not None and out[key] is None:
                self.note(_("{field} is not a rating from 0 to 10").format(field=_(key)))
        out["notes"] = self.text(raw.get("notes", ""), "notes", limit=MAX_NOTES) if raw.get("notes") is not None else ""
        exercises = (self.exercise(item) for item in self.items(raw.get("exercises"), "exercises"))
        out["exercises"] = [ex for ex in exercises if ex is not None]
        if "skipped_steps" in raw:
            skipped = (self.skipped(item) for item in self.items(raw["skipped_steps"], "skipped steps"))
            out["skipped_steps"] = [step for step in skipped if step is not None]
        if "speed" in raw:
            speed = _number(raw["speed"], 1000.0)
            out["speed"] = speed if speed else None
            if out["speed"] is None:
                self.note(_("speed is not known"))
        if "app_version" in raw:
            out["app_version"] = self.text(raw["app_version"], "app version")
        for key, value in raw.items():
            if key not in KNOWN and type(key) is str:
                try:
                    small = len(json.dumps(value, ensure_ascii=False)) <= MAX_EXTRA
                except (TypeError, ValueError, RecursionError):
                    small = False
                if small:
                    out[key] = value
                else:
                    # Translators: {key} is a name found in the file, shown as it is
                    self.note(_("{key} left out (too large)").format(key=key[:40]))
        return out

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if type(value) is not list:
            self.note(_("{field} are not a list").format(field=_(where)))
            return []
        if len(value) > MAX_ITEMS:
            self.note(_("{field} cut to the first {count}").format(field=_(where), count=MAX_ITEMS))
        return value[:MAX_ITEMS]

    def pain_stop(self, value: Any) -> Record | None:
        if value is None:
            return None
        if type(value) is not dict:
            self.note(_("pain stop is not known"))
            return {"exercise_id": None, "side": None, "at": ""}
        return {"exercise_id": self.text(value.get("exercise_id"), "pain stop exercise", optional=True),
                "side": self.text(value.get("side"), "pain stop side", optional=True),
                "at": self.text(value.get("at", ""), "pain stop time")}

    def exercise(self, value: Any) -> Record | None:
        if type(value) is not dict or type(value.get("id")) is not str:
            self.note(_("an exercise is not known"))
            return None
        ex_id = self.text(value["id"], "exercise id")
        target = value.get("target")
        if type(target) is not dict:
            target = {}
            self.note(_("an exercise target is not known"))
        out: Record = {
            "id": ex_id,
            "name": self.text(value.get("name", ex_id), "exercise name"),
            "kind": self.text(value.get("kind", ""), "exercise kind"),
            "target": {
                "sets": self.count(target.get("sets"), "target sets"),
                "reps": self.count(target.get("reps"), "target reps"),
                "hold_seconds": self.seconds(target.get("hold_seconds"), "target hold"),
            },
            "sides": {},
        }
        sides = value.get("sides")
        if type(sides) is not dict:
            self.note(_("an exercise's sides are not known"))
            sides = {}
        for name, side in list(sides.items())[:MAX_ITEMS]:
            if type(side) is not dict:
                self.note(_("a side is not known"))
                continue
            counts = {key: self.count(side.get(key), key.replace("_", " ")) for key in SIDE_COUNTS}
            seconds = {key: self.seconds(side.get(key), key.replace("_", " ")) for key in SIDE_SECONDS}
            out["sides"][str(name)[:MAX_TEXT]] = {**counts, **seconds}
        rating = value.get("rating")
        if type(rating) is dict:
            control = rating.get("control")
            hard = rating.get("last_reps_hard")
            out["rating"] = {"control": control if type(control) is str and control in CONTROLS else None,
                             "last_reps_hard": hard if type(hard) is bool else None}
        elif rating is not None:
            self.note(_("an exercise rating is not known"))
        return out

    def skipped(self, value: Any) -> Record | None:
        if type(value) is not dict:
            self.note(_("a skipped step is not known"))
            return None
        out: Record = {"step": self.count(value.get("step"), "skipped step"),
                       "kind": self.text(value.get("kind", ""), "skipped step kind")}
        for key in ("exercise_id", "side"):
            out[key] = self.text(value.get(key), f"skipped step {key.replace('_', ' ')}", optional=True)
        out["set"] = self.count(value.get("set"), "skipped step set")
        return out

    def count(self, value: Any, where: str) -> int:
        number = _count(value)
        if number is None:
            if value is not None:
                self.note(_("{field} is not known").format(field=_(where)))
            return 0
        return number

    def seconds(self, value: Any, where: str) -> float:
        number = _number(value, MAX_SECONDS)
        if number is None:
            if value is not None:
                self.note(_("{field} is not known").format(field=_(where)))
            return 0.0
        return number


def check_record(raw: Any) -> Record:
    """The trusted record of the parsed JSON *raw* (migrated to the current schema); CheckError if it is not one."""
    if type(raw) is not dict:
        raise CheckError(_("is not a session record"))
    rid = raw.get("id")
    if type(rid) is not str or not rid or len(rid) > MAX_TEXT:
        raise CheckError(_("is not a session record"))
    if type(raw.get("started", "")) is not str or len(raw.get("started", "")) > MAX_TEXT:
        raise CheckError(_("has an unreadable start time"))
    raw.setdefault("started", "")
    try:
        raw = migrate(raw)
    except (MigrationError, KeyError, TypeError, ValueError):
        raise CheckError(_("has an unknown schema_version")) from None
    checker = _Checker()
    out = checker.record(raw)
    if checker.problems:
        out[PROBLEMS] = checker.problems
    return out


def problems_of(record: Record) -> list[str]:
    """What could not be read as it was in *record*'s file (empty for a sound record)."""
    found = record.get(PROBLEMS)
    return found if type(found) is list else []


def without_problems(record: Record) -> Record:
    """*record* without the ``read_problems`` list, as written to an export."""
    if PROBLEMS not in record:
        return record
    return {k: v for k, v in record.items() if k != PROBLEMS}
