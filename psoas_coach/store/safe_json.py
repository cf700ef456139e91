"""Reading a JSON file the app did not necessarily write: regular files only, bounded size and depth.

Any file in the data folder may be damaged, hand-edited or hostile. ``read_json`` opens a path without
ever blocking (a FIFO, a device or a folder is refused after ``fstat``, before a byte is read), reads
at most ``max_bytes``, parses with ``json`` and then checks, without recursion, that no value is nested
deeper than ``max_depth``. ``NaN``, ``Infinity`` and numbers too large for a float (``1e400``) are
refused, or read as ``None`` when the caller asks (``non_finite="null"``), so no non-finite number
ever reaches the code that does arithmetic. The parsing itself is json's C decoder at full speed. Every refusal is an ``UnsafeJSONError`` whose ``reason`` is a
few plain words for a sentence such as "sessions/x.json {reason}.".
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any, Literal

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32


class UnsafeJSONError(ValueError):
    """The file cannot be read as trusted JSON; ``reason`` says why in a few words ("is not valid JSON")."""

    def __init__(self, reason: str, *, permission: bool = False, special: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permission = permission  # unreadable for lack of permission: leave the file where it is
        self.special = special  # not a regular file (a link to nothing, a loop, a FIFO, a device, a folder)


def _open_reason(exc: OSError) -> UnsafeJSONError:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnsafeJSONError("cannot be read (permission)", permission=True)
    if exc.errno == errno.ELOOP:
        return UnsafeJSONError("is a loop of symbolic links", special=True)
    if exc.errno == errno.ENOENT:
        return UnsafeJSONError("is a link to nothing", special=True)
    if exc.errno == errno.EISDIR:
        return UnsafeJSONError("is a folder, not a file", special=True)
    return UnsafeJSONError(f"could not be opened ({(exc.strerror or str(exc)).rstrip('.').lower()})")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file *path* (a link to one is followed); UnsafeJSONError for anything else.

    Opened non-blocking, so a FIFO never makes the caller wait, and checked with ``fstat`` before any
    read, so a device such as /dev/zero is never read from. A file over *max_bytes* is refused.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _open_reason(exc) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeJSONError(_kind(st.st_mode), special=True)
        if st.st_size > max_bytes:
            raise UnsafeJSONError(f"is too large ({_size(st.st_size)}; the limit is {_size(max_bytes)})")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # the file grew after fstat
                raise UnsafeJSONError(f"is too large (over {_size(max_bytes)})")
    except OSError as exc:
        raise _open_reason(exc) from exc
    finally:
        os.close(fd)
    return b"".join(chunks)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} kB"
    return f"{n} bytes"


def _finite(value: float) -> bool:
    return value - value == 0.0  # False for NaN and for both infinities


def loads(data: bytes | str, *, max_depth: int = MAX_DEPTH, non_finite: Literal["refuse", "null"] = "refuse") -> Any:
    """Parse *data*; UnsafeJSONError if it is not JSON, holds a non-finite number (unless read as null) or nests too deep.

    ``json`` itself parses (its C decoder, at full speed: ``NaN``, ``Infinity`` and ``1e400`` become
    float NaN and infinities); one pass without recursion then checks the depth and refuses, or
    replaces with None, every non-finite number."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise UnsafeJSONError("is nested too deeply") from None
    except (UnicodeDecodeError, ValueError):  # JSONDecodeError, and ints of more than 4,300 digits
        raise UnsafeJSONError("is not valid JSON") from None
    if type(value) is float and not _finite(value):
        if non_finite == "refuse":
            raise UnsafeJSONError(f"holds a number that is not finite ({value})")
        return None
    if type(value) is dict or type(value) is list:
        _check_tree(value, max_depth, non_finite == "null")
    return value


def _check_tree(value: Any, max_depth: int, to_null: bool) -> None:
    """Raise UnsafeJSONError when lists and objects nest deeper than *max_depth* or a number is not finite
    (replaced by None in place when *to_null*). Iterative: no recursion, whatever the depth."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise UnsafeJSONError(f"is nested too deeply (more than {max_depth} levels)")
        keys: Any = item.keys() if type(item) is dict else range(len(item))
        for key in keys:
            child = item[key]
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif kind is float and not child - child == 0.0:
                if not to_null:
                    raise UnsafeJSONError(f"holds a number that is not finite ({child})")
                item[key] = None


def depth_exceeds(value: Any, max_depth: int) -> bool:
    """True when lists and objects in *value* nest more than *max_depth* levels (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        kind = type(item)
        if kind is dict:
            children: Any = item.values()
        elif kind is list:
            children = item
        else:
            continue
        if depth > max_depth:
            return True
        for child in children:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))
    return False


def read_json(path: str | Path, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
              non_finite: Literal["refuse", "null"] = "refuse") -> Any:
    """``loads(read_bytes(path))``: the JSON value of a regular file, within the limits; UnsafeJSONError otherwise."""
    return loads(read_bytes(path, max_bytes), max_depth=max_depth, non_finite=non_finite)
