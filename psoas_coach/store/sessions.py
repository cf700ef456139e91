"""SessionStore: one JSON file per session under <data>/sessions, written atomically.

One file per session keeps a save the same cost however long the history grows, and lets a
file-sync tool merge two machines' folders without conflicts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psoas_coach.paths import ensure_private_dir
from psoas_coach.store.atomic import write_atomic
from psoas_coach.store.records import SCHEMA_VERSION

_SAFE = re.compile(r"[^0-9A-Za-z_-]")


class StoreError(OSError):
    """The store could not write; the message is one plain sentence for the user."""


@dataclass
class LoadResult:
    sessions: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class SessionStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, record: dict[str, Any]) -> Path:
        stamp = _SAFE.sub("-", str(record.get("started", "unknown"))[:19])
        return self.folder / f"{stamp}_{_SAFE.sub('', str(record['id']))}.json"

    def save(self, record: dict[str, Any]) -> Path:
        """Write (or rewrite) *record*; raises StoreError with a plain sentence if the disk refuses."""
        path = self.path_for(record)
        data = (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            ensure_private_dir(self.folder)
            if path.exists() and path.read_bytes() == data:
                return path
            write_atomic(path, data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise StoreError(f"Could not save the session to {path}: {reason}.") from exc
        return path

    def load_all(self) -> LoadResult:
        """Every readable record, oldest first; unreadable files are reported by name, never deleted."""
        out = LoadResult()
        if not self.folder.is_dir():
            return out
        for path in sorted(self.folder.glob("*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                out.problems.append(f"{path.name} could not be read ({exc.__class__.__name__}).")
                continue
            if not isinstance(record, dict) or "id" not in record:
                out.problems.append(f"{path.name} is not a session record.")
                continue
            if int(record.get("schema_version", 0) or 0) > SCHEMA_VERSION:
                record["_read_only"] = True
            out.sessions.append(record)
        out.sessions.sort(key=lambda r: str(r.get("started", "")))
        return out

    def latest(self) -> dict[str, Any] | None:
        sessions = self.load_all().sessions
        return sessions[-1] if sessions else None
