"""A copy of SessionStore's in-memory parse cache on disk, so a new process does not decode every JSON file.

The file lives in the app's *cache* folder (never in ``sessions/``, which users sync between machines)
and holds ``{file name: ((mtime_ns, size, inode), migrated record)}`` exactly as SessionStore keeps it in
memory. An entry is used only while the session file's (mtime_ns, size, inode) still matches, so a stale entry
is harmless: the file is simply parsed again.

Layout: a magic line, one line of JSON (the header), then the payload written by ``marshal``. marshal
only builds dicts, lists, tuples, strings, numbers, booleans and None (unlike pickle it cannot run code),
and is several times faster to read than JSON, but its format belongs to one Python version. So the
header names the cache format, the Python version, the marshal version, the store's schema version
(cached records are migrated records: a new migration must not reuse them), the sessions folder the
cache was made from (a different ``--data-dir`` never reuses it), and the payload's length and CRC-32.

Anything unexpected (missing file, other version or folder, truncation, a wrong checksum, a payload of
the wrong shape) means the file is ignored and the history loads as if it did not exist; the next load
writes a fresh one. The cache is never reported to the user, and deleting it is always safe.
"""

from __future__ import annotations

import gc
import json
import logging
import marshal
import math
import os
import sys
import zlib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from psoas_coach.atomic import write_atomic
from psoas_coach.i18n import current_language
from psoas_coach.paths import ensure_private_dir
from psoas_coach.store import migrations

log = logging.getLogger(__name__)

MAGIC = b"psoas-coach parsed sessions\n"
FORMAT = 4  # 2: the inode is part of each entry's key; 3: the payload comes in chunks; 4: records are checked (session_check)
CHUNK = 250  # records per marshal chunk: each decodes in about 2 ms, so a reading thread lets others run
_MAX_HEADER = 64 * 1024
PYTHON = "{}.{}".format(*sys.version_info[:2])  # marshal's format may change with each Python version

Record = dict[str, Any]
Entry = tuple[tuple[int, int, int], Record]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that are all kept.

    Decoding 5,000 records allocates about half a million objects; with the collector running, that
    sets off repeated full collections over the growing heap and costs more than the decoding itself.
    The collector is switched back on only if it was on before.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _header(folder: Path) -> dict[str, Any]:
    """What must match for a cache file to be used (its length and checksum come on top)."""
    return {
        "format": FORMAT,
        "python": PYTHON,
        "implementation": sys.implementation.name,
        "marshal": marshal.version,
        "schema": migrations.CURRENT_VERSION,
        "folder": os.path.realpath(folder),
        "language": current_language(),  # the notes of a checked record are in the language it was read in
    }


def read_cache(path: Path, folder: Path) -> dict[str, Entry] | None:
    """The cached entries for the sessions in *folder*, or None when *path* is missing or not usable."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.debug("parse cache %s not read: %s", path, exc)
        return None
    try:
        entries = _decode(data, folder)
    except Exception as exc:  # noqa: BLE001 - ValueError, EOFError, TypeError...: whatever is wrong, it is only a cache
        log.debug("parse cache %s ignored: %s", path, exc)
        return None
    return entries


def _decode(data: bytes, folder: Path) -> dict[str, Entry]:
    if not data.startswith(MAGIC):
        raise ValueError("not a parse cache")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + _MAX_HEADER)
    if end < 0:
        raise ValueError("no header")
    header = json.loads(data[len(MAGIC) : end])
    if not isinstance(header, dict):
        raise ValueError("header is not an object")
    length = header.pop("length", None)
    crc = header.pop("crc32", None)
    if header != _header(folder):
        raise ValueError("made by another version, schema or folder")
    payload = memoryview(data)[end + 1 :]
    if type(length) is not int or len(payload) != length:
        raise ValueError("truncated")
    if type(crc) is not int or zlib.crc32(payload) != crc:
        raise ValueError("checksum does not match")
    entries = decode_payload(payload)
    _check_shape(entries)
    return entries  # type: ignore[return-value]  # its shape was just checked


def encode_payload(entries: Any) -> bytes:
    """*entries* as marshal chunks of CHUNK entries each (a marshal list of marshal strings).

    marshal holds the interpreter lock for a whole ``loads``; in chunks, a thread reading the cache
    (the app's coaching read) lets the window's thread run between them."""
    if type(entries) is not dict:
        return marshal.dumps([marshal.dumps(entries)])
    items = list(entries.items())
    return marshal.dumps([marshal.dumps(dict(items[i : i + CHUNK])) for i in range(0, len(items), CHUNK)])


def decode_payload(payload: bytes | memoryview) -> object:
    """The entries written by ``encode_payload``; ValueError if the payload is not chunks of dicts."""
    with gc_paused():
        chunks = marshal.loads(payload)
        if type(chunks) is not list or any(type(chunk) is not bytes for chunk in chunks):
            raise ValueError("payload is not a list of chunks")
        entries: dict[object, object] = {}
        for chunk in chunks:
            part = marshal.loads(chunk)
            if type(part) is not dict:
                return part  # not entries: the shape check says so
            entries.update(part)
    return entries


def _check_shape(entries: object) -> None:
    """Raise ValueError unless *entries* is {name: ((mtime_ns, size, inode), record)} with records load_all can use.

    Cached records are migrated ones, so each has a non-empty string id, a string start time (if any)
    and a whole-number schema_version of at least the current one."""
    if type(entries) is not dict:
        raise ValueError("payload is not a dict")
    current = migrations.CURRENT_VERSION
    for name, entry in entries.items():
        if type(name) is not str or type(entry) is not tuple or len(entry) != 2:
            raise ValueError("bad entry")
        key, record = entry
        if type(key) is not tuple or len(key) != 3 or any(type(part) is not int for part in key):
            raise ValueError("bad file state")
        if type(record) is not dict:
            raise ValueError("bad record")
        rid = record.get("id")
        version = record.get("schema_version")
        if (
            type(rid) is not str
            or not rid
            or type(record.get("started", "")) is not str
            or type(version) is not int
            or version < current
        ):
            raise ValueError("bad record")


def write_cache(path: Path, folder: Path, entries: dict[str, Entry], fresh: Collection[str] = ()) -> bool:
    """Replace the cache file with *entries*; False (and nothing else) if the disk refuses.

    *fresh* names the entries whose records were decoded from JSON rather than read from a cache file:
    they are written as copies with shared keys and values (see _sharing_copier). Records read from a
    cache file are shared already. The records themselves are never changed.
    """
    try:
        ensure_private_dir(path.parent)
        if not os.access(path.parent, os.W_OK):
            return False
        with gc_paused():  # the copies hold no cycles: refcounting frees them
            if fresh:
                copy = _sharing_copier()
                entries = {name: (entry[0], copy(entry[1])) if name in fresh else entry
                           for name, entry in entries.items()}
            payload = encode_payload(entries)
        header = {**_header(folder), "length": len(payload), "crc32": zlib.crc32(payload)}
        head = json.dumps(header, ensure_ascii=True, separators=(",", ":")).encode("ascii")
        write_atomic(path, b"".join((MAGIC, head, b"\n", payload)), durable=False)
    except (OSError, ValueError) as exc:  # ValueError: an object marshal cannot write
        log.debug("parse cache %s not written: %s", path, exc)
        return False
    return True


def _sharing_copier() -> Callable[[Any], Any]:
    """A function copying records so that equal strings and floats are one object: a smaller, faster file.

    marshal writes an object met a second time as a reference, and reading a reference costs nothing,
    so sharing the ~90 dict keys of a record (interned, so after loading they are also the app's own
    key objects) and its repeated values ("reps", "left", 0.0...) makes the file about a quarter
    smaller and its decoding about 40% faster. 0.0 and -0.0 are equal but not the same value: only
    +0.0 is shared among zeros. The originals are not changed.
    """
    strings: dict[str, str] = {}
    floats: dict[float, float] = {}
    share_str = strings.setdefault
    share_float = floats.setdefault
    intern = sys.intern
    copysign = math.copysign

    def value(v: Any) -> Any:
        kind = type(v)
        if kind is str:
            return share_str(v, v)
        if kind is float:
            return share_float(v, v) if v != 0.0 or copysign(1.0, v) > 0 else v
        if kind is dict:
            return mapping(v)
        if kind is list:
            return [value(x) for x in v]
        return v

    def mapping(d: dict[Any, Any]) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for k, v in d.items():
            kind = type(v)
            if kind is str:
                v = share_str(v, v)
            elif kind is dict:
                v = mapping(v)
            elif kind is float or kind is list:
                v = value(v)
            out[intern(k) if type(k) is str else k] = v
        return out

    return value
