"""Merging copies of one session: a file-sync tool can leave the same id in two files.

The copy changed last (``updated``) wins; the others are kept aside by the caller, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psoas_coach.store.migrations import version_of
from psoas_coach.store.records import parse_time


@dataclass(frozen=True)
class Candidate:
    """One readable file holding a session record."""

    path: Path
    record: dict[str, Any]
    canonical: bool  # the file sits at the name the store itself would write
    mtime: float


def _rank(c: Candidate) -> tuple[float, int, bool, float, str]:
    return (parse_time(c.record.get("updated")), version_of(c.record), c.canonical, c.mtime, c.path.name)


def pick(candidates: list[Candidate]) -> tuple[Candidate, list[Candidate]]:
    """The winning copy of one session and the losers, newest ``updated`` first, then the canonical file."""
    ordered = sorted(candidates, key=_rank, reverse=True)
    return ordered[0], ordered[1:]
