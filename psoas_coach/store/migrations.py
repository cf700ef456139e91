"""Ordered migrations of session records, oldest first: ``MIGRATIONS[n - 1]`` turns version n into n + 1.

Migrations run in memory when a record is loaded; the file on disk is rewritten only when the record
itself is saved again (a note edit, say), so opening the history never rewrites thousands of files.
A record from a newer version than this app knows is left exactly as it is and marked read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Record = dict[str, Any]

CURRENT_VERSION = 2


def _v1_to_v2(record: Record) -> Record:
    """Version 2 adds ``updated``: when the record last changed, used to merge copies of one session."""
    record["updated"] = record.get("updated") or record.get("ended") or record.get("started") or ""
    return record


MIGRATIONS: tuple[Callable[[Record], Record], ...] = (_v1_to_v2,)

assert len(MIGRATIONS) == CURRENT_VERSION - 1, "one migration per version step"


class MigrationError(ValueError):
    """The record claims a version that no migration can start from."""


def version_of(record: Record) -> int:
    """The record's schema_version; records written before versioning count as version 1."""
    raw = record.get("schema_version", 1)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise MigrationError(f"schema_version {raw!r} is not a positive whole number")
    return raw


def is_newer(record: Record) -> bool:
    """True for a record written by a newer app: it is shown but never overwritten."""
    return version_of(record) > CURRENT_VERSION


def migrate(record: Record) -> Record:
    """Bring *record* up to CURRENT_VERSION in place, one step at a time; newer records are returned untouched."""
    version = version_of(record)
    if version > CURRENT_VERSION:
        return record
    while version < CURRENT_VERSION:
        record = MIGRATIONS[version - 1](record)
        version += 1
        record["schema_version"] = version
    return record
