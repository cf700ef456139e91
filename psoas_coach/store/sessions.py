"""SessionStore: one JSON file per session under <data>/sessions, written atomically under a lock.

One file per session keeps a save the same cost however long the history grows (a save touches only
its own file and never lists the folder), and lets a file-sync tool merge two machines' folders.
Loading migrates old records in memory, moves unreadable files into ``corrupt/`` and extra copies of
one session into ``conflicts/``; nothing is ever deleted except by an explicit ``delete``.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psoas_coach.atomic import fsync_dir, write_atomic
from psoas_coach.i18n import _, lazy
from psoas_coach.paths import ensure_private_dir
from psoas_coach.safe_json import UnsafeJsonError, loads, read_bytes
from psoas_coach.store.errors import StoreError, reason_of, save_error
from psoas_coach.store.load_result import LoadResult
from psoas_coach.store.locking import StoreLock
from psoas_coach.store.merge import Candidate, pick
from psoas_coach.store.migrations import MigrationError, is_newer
from psoas_coach.store.parse_cache import gc_paused, read_cache, write_cache
from psoas_coach.store.records import SCHEMA_VERSION, parse_time, touch
from psoas_coach.store.session_check import CheckError, check_record, problems_of
from psoas_coach.store.unfinished import UnfinishedFile

__all__ = ["LoadResult", "SessionStore", "StoreError", "SCHEMA_VERSION"]

_SAFE = re.compile(r"[^0-9A-Za-z_-]")
_STAMPED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}_")
CORRUPT = "corrupt"
CONFLICTS = "conflicts"
READ_ONLY = lazy("This session was saved by a newer version of Psoas Coach, so this version leaves it unchanged.")
PARTLY_READ = lazy("Parts of this session's file could not be read, so Psoas Coach leaves the file unchanged.")
MAX_RECORD_BYTES = 64 * 1024 * 1024  # a record is about 10 kB; larger files are left where they are, unread
MAX_RECORD_DEPTH = 32  # a record nests 5 levels deep; deeper files are set aside as damaged

Record = dict[str, Any]


class SessionStore:
    """Sessions in *folder*; every write holds the folder's lock, so two instances never lose a session."""

    def __init__(self, folder: Path, *, lock_timeout: float = 10.0, parse_cache: Path | None = None) -> None:
        self.folder = folder
        # A file in the app's cache folder holding a copy of _parsed (see psoas_coach.store.parse_cache),
        # so the first load_all of a new process need not decode every file. None: no such file.
        self.parse_cache = parse_cache
        self.corrupt_folder = folder / CORRUPT
        self.conflicts_folder = folder / CONFLICTS
        self._lock = StoreLock(folder, lock_timeout)
        self._unfinished = UnfinishedFile(folder / "unfinished" / "current.json", self.corrupt_folder)
        self._names: dict[str, str] = {}  # id -> name of the file it was loaded from
        # name -> ((mtime_ns, size, inode), record): a file unchanged since the last load is not parsed again,
        # so the History screen after start-up (or a second load) costs stat calls, not JSON decoding.
        # Records are never changed in place (update() saves a copy), so sharing them is safe.
        self._parsed: dict[str, tuple[tuple[int, int, int], Record]] = {}
        self._cache_looked = False  # the parse cache file was read (once per store, by the first load_all)
        self._cache_usable = False  # the file on disk is a cache of this folder, as far as this store knows
        self._cache_drift = 0  # entries of _parsed added, replaced or dropped since the file was read or written
        self._cache_fresh: set[str] = set()  # names in _parsed decoded from JSON since then
        self._cache_refused = False  # a write failed (read-only or full disk): do not try again

    # ------------------------------------------------------------------ writing

    def path_for(self, record: Record) -> Path:
        stamp = _SAFE.sub("-", str(record.get("started", "unknown"))[:19])
        return self.folder / f"{stamp}_{_SAFE.sub('', str(record['id']))}.json"

    def save(self, record: Record) -> Path:
        """Write (or rewrite) *record*; raises StoreError with one plain sentence if it cannot.

        Costs one small read (of this session's own file) and one atomic write, whatever the history size.
        """
        _check(record)
        if is_newer(record):
            raise StoreError(str(READ_ONLY))
        if problems_of(record):
            raise StoreError(str(PARTLY_READ))
        path = self.path_for(record)
        data = encode(record)
        try:
            with self._lock.held():
                old = _read_bytes(path)
                if old == data:
                    return path
                if old is not None:
                    state = _bytes_state(old)
                    if state == "newer":
                        raise StoreError(str(READ_ONLY))
                    if state == "unreadable":
                        self._move_aside(path, self.corrupt_folder)
                write_atomic(path, data)
        except StoreError:
            raise
        except OSError as exc:
            raise save_error(path, exc) from exc
        self._names[str(record["id"])] = path.name
        self._parsed.pop(path.name, None)
        return path

    def update(self, record: Record, **changes: Any) -> Record:
        """Save a changed copy of *record* (notes, effort, pain), stamped as changed now; returns the copy."""
        changed = touch({**record, **changes})
        self.save(changed)
        return changed

    def delete(self, record: Record) -> None:
        """Remove *record*'s file. Undo is ``save(record)`` with the record the caller kept."""
        if is_newer(record):
            raise StoreError(str(READ_ONLY))
        if problems_of(record):
            raise StoreError(str(PARTLY_READ))
        targets = {self.path_for(record)}
        known = self._names.pop(str(record["id"]), None)
        if known is not None:
            targets.add(self.folder / known)
        try:
            with self._lock.held():
                for path in targets:
                    try:
                        path.unlink()
                    except FileNotFoundError:
                        pass
                fsync_dir(self.folder)
        except StoreError:
            raise
        except OSError as exc:
            raise StoreError(_("Could not delete the session in {folder} because {reason}.").format(
                folder=self.folder, reason=reason_of(exc))) from exc

    # ------------------------------------------------------------------ reading

    def load_all(self) -> LoadResult:
        """Every readable record, migrated, one per id, oldest first. Unreadable files go to corrupt/."""
        out = LoadResult(corrupt_folder=self.corrupt_folder)
        if not self.folder.is_dir():
            return out
        if self.parse_cache is not None and not self._cache_looked and not self._parsed:
            self._cache_looked = True
            cached = read_cache(self.parse_cache, self.folder)
            if cached is not None:
                self._parsed = cached
                self._cache_usable = True
        with self._maybe_locked() as locked:
            groups: dict[str, list[tuple[str, Record]]] = {}
            names = _json_names(self.folder, clean_temp=locked)
            if locked:
                self._unfinished.tidy()  # autosave temp files a killed window left behind
            gone_names = self._parsed.keys() - set(names)
            for gone in gone_names:
                del self._parsed[gone]
            self._cache_drift += len(gone_names)
            folder = os.path.join(self.folder, "")
            with gc_paused():  # thousands of records decoded and all kept: no collections
                for name in names:
                    record, problem = self._read_cached(name, folder)
                    if record is None:
                        if not problem.gone:
                            self._unreadable(name, problem, locked, out)
                        continue
                    groups.setdefault(str(record["id"]), []).append((name, record))
            self._names = {}
            for session_id, found in groups.items():
                name, record = found[0]
                if len(found) > 1:
                    winner, losers = pick([self._candidate(n, r) for n, r in found])
                    if locked:
                        winner = self._settle(winner, losers, out)
                    name, record = winner.path.name, winner.record
                self._names[session_id] = name
                if is_newer(record) or problems_of(record):
                    out.read_only.add(session_id)
                out.sessions.append(record)
        out.sessions.sort(key=lambda r: (parse_time(r.get("started")), str(r.get("id"))))
        self._write_parse_cache()
        return out

    def _unreadable(self, name: str, problem: Unreadable, locked: bool, out: LoadResult) -> None:
        """Say why *name* gave no record; a damaged file is moved to corrupt/, anything else stays put."""
        # Translators: {file} is a file name, {reason} a phrase such as "is not valid JSON"
        out.problems.append(_("{file} {reason}.").format(file=name, reason=problem.reason))
        path = self.folder / name
        if problem.special:
            out.skipped.append(path)
        elif (not problem.permission and not problem.left and locked
              and self._move_aside(path, self.corrupt_folder) is not None):
            out.moved_aside.append(path)
        else:
            out.unreadable.append(path)

    def _write_parse_cache(self) -> None:
        """Save _parsed to the parse cache file when that is worth a write (after the lock is released).

        Written when no usable file exists and at least one record was parsed (even a small history:
        a few kilobytes, written once), or when at least 16 entries, or 1% of them if more, were
        parsed afresh or dropped since the file was read or written. Up to that point a stale file costs
        only those few files' decoding at each start, and a file is not rewritten on every new session.
        A refused write (read-only or full disk) is ignored and not tried again by this store.
        """
        if self.parse_cache is None or self._cache_refused or self._cache_drift == 0:
            return
        if self._cache_usable and self._cache_drift < max(16, len(self._parsed) // 100):
            return
        if write_cache(self.parse_cache, self.folder, self._parsed, self._cache_fresh & self._parsed.keys()):
            self._cache_usable = True
            self._cache_drift = 0
            self._cache_fresh = set()
        else:
            self._cache_refused = True

    def _read_cached(self, name: str, folder: str) -> tuple[Record | None, Unreadable]:
        path = folder + name
        try:
            st = os.stat(path)
        except OSError:
            return _read_record(path)
        key = (st.st_mtime_ns, st.st_size, st.st_ino)  # a replaced file is a new inode, even if it looks the same
        cached = self._parsed.get(name)
        if cached is not None and cached[0] == key:
            return cached[1], _SOUND
        record, problem = _read_record(path)
        if record is not None:
            self._parsed[name] = (key, record)
            self._cache_drift += 1
            if self.parse_cache is not None:
                self._cache_fresh.add(name)
        elif self._parsed.pop(name, None) is not None:
            self._cache_drift += 1
        return record, problem

    def latest(self) -> Record | None:
        """The most recent session, cheaply: file names start with the start time, so only the newest
        readable file is opened (the full load_all is the fallback for odd names)."""
        if not self.folder.is_dir():
            return None
        names = sorted((n for n in _json_names(self.folder, clean_temp=False) if _STAMPED.match(n)), reverse=True)
        for name in names[:20]:
            record, _problem = _read_record(os.path.join(self.folder, name))
            if record is not None:
                return record
        if names:
            return None  # only unreadable files: leave them for load_all, which moves them aside and says so
        # No file is named by its start time (renamed by hand, say): read them all, but move nothing, or the
        # unreadable ones would be set aside here, where no one tells the user, instead of by load_all
        found = (_read_record(os.path.join(self.folder, n))[0] for n in _json_names(self.folder, clean_temp=False))
        return max((r for r in found if r is not None), key=lambda r: (parse_time(r.get("started")), str(r.get("id"))),
                   default=None)

    # ------------------------------------------------------------------ unfinished session

    def save_unfinished(self, snapshot: dict[str, Any]) -> None:
        """Autosave the session in progress (see psoas_coach.store.unfinished for the shape and the flow)."""
        self._unfinished.save(snapshot)

    def unfinished(self) -> dict[str, Any] | None:
        """The autosave a crash or power loss left behind, or None."""
        return self._unfinished.load()

    @property
    def unfinished_problem(self) -> str | None:
        """One sentence when the last ``unfinished()`` found an autosave it could not use, else None."""
        return self._unfinished.problem

    def clear_unfinished(self) -> None:
        """Forget the autosave once the session is saved for good (or the user discards it)."""
        self._unfinished.clear()

    # ------------------------------------------------------------------ internals

    @contextmanager
    def _maybe_locked(self) -> Iterator[bool]:
        """Hold the lock while loading when possible; a read-only folder is still read, without tidying."""
        with ExitStack() as stack:
            try:
                stack.enter_context(self._lock.held())
            except OSError:  # includes StoreError: busy elsewhere, or the lock file cannot be made
                yield False
                return
            yield True

    def _candidate(self, name: str, record: Record) -> Candidate:
        path = self.folder / name
        try:
            mtime = path.stat().st_mtime
        except OSError:
            mtime = 0.0
        return Candidate(path, record, path == self.path_for(record), mtime)

    def _settle(self, winner: Candidate, losers: list[Candidate], out: LoadResult) -> Candidate:
        """Keep the losing copies in conflicts/ and the winner at its canonical name."""
        canonical = self.path_for(winner.record)
        for loser in losers:
            if self._move_aside(loser.path, self.conflicts_folder) is not None:
                out.merged.append(loser.path)
                self._parsed.pop(loser.path.name, None)
        if winner.path != canonical and not canonical.exists():
            try:
                os.replace(winner.path, canonical)
                fsync_dir(self.folder)
                entry = self._parsed.pop(winner.path.name, None)
                if entry is not None:  # a rename keeps the file's mtime and size: the entry stays valid
                    self._parsed[canonical.name] = entry
                    if winner.path.name in self._cache_fresh:
                        self._cache_fresh.add(canonical.name)
                return Candidate(canonical, winner.record, True, winner.mtime)
            except OSError:
                pass
        return winner

    def _move_aside(self, path: Path, folder: Path) -> Path | None:
        """Move *path* into *folder* under a free name; None if the disk refuses (the file then stays)."""
        try:
            ensure_private_dir(folder)
            target = folder / path.name
            n = 1
            while target.exists():
                target = folder / f"{path.stem}.{n}{path.suffix}"
                n += 1
            os.replace(path, target)
            fsync_dir(folder)
            fsync_dir(path.parent)
        except OSError:
            return None
        return target


def encode(record: Record) -> bytes:
    """The bytes of a record file: indented UTF-8 JSON, readable in any text editor."""
    return (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _check(record: Record) -> None:
    if not isinstance(record.get("id"), str) or not record["id"]:
        raise ValueError("a session record needs a non-empty string id")


def _read_bytes(path: Path) -> bytes | None:
    """The bytes now at *path* before a save replaces it; None when there is no file there."""
    try:
        return read_bytes(path, MAX_RECORD_BYTES, follow_links=True)
    except FileNotFoundError:
        return None
    except UnsafeJsonError as exc:
        if exc.dangling:
            return None
        if exc.permission:
            raise PermissionError(errno.EACCES, "permission denied", str(path)) from None
        return b""  # a special file or too large: unreadable, so it is moved aside before the write


def _bytes_state(data: bytes) -> str:
    """"newer" (never overwrite), "unreadable" (keep aside before writing) or "ok"."""
    try:
        old = loads(data, max_depth=MAX_RECORD_DEPTH, non_finite="null")
    except UnsafeJsonError:
        return "unreadable"
    if not isinstance(old, dict):
        return "unreadable"
    try:
        return "newer" if is_newer(old) else "ok"
    except MigrationError:
        return "unreadable"


@dataclass(frozen=True)
class Unreadable:
    """Why a file gave no record: a few words, and whether it stays where it is or is set aside."""

    reason: str
    special: bool = False  # not a regular file: skipped
    permission: bool = False  # no permission to read it: left where it is
    left: bool = False  # too large: left where it is
    gone: bool = False  # removed (or moved aside by another instance) since the folder was listed


_SOUND = Unreadable("")


def _read_record(path: str) -> tuple[Record | None, Unreadable]:
    """The checked, migrated record in *path*, or None and why not."""
    try:
        raw = loads(read_bytes(path, MAX_RECORD_BYTES, follow_links=True), max_depth=MAX_RECORD_DEPTH,
                    non_finite="null")
    except FileNotFoundError:  # removed (or moved aside by another instance) since the folder was listed
        return None, Unreadable(_("is gone"), gone=True)
    except UnsafeJsonError as exc:
        return None, Unreadable(exc.reason, exc.special, exc.permission, exc.too_large)
    try:
        return check_record(raw), _SOUND
    except CheckError as exc:
        return None, Unreadable(exc.reason)


def _json_names(folder: Path, *, clean_temp: bool) -> list[str]:
    """Names of the record files directly in *folder*. With the lock held, temp files of interrupted
    writes (which only a writer holding the lock could be making) are removed."""
    names = []
    with os.scandir(folder) as it:
        for entry in it:
            name = entry.name
            if name.startswith("."):
                if clean_temp and name.endswith(".tmp") and ".json." in name:
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
                continue
            if name.endswith(".json"):  # folders, links and pipes too: the reader skips them and says so
                names.append(name)
    return names
