"""Read a small JSON file the user's folder holds, whatever is there: never hang, never eat memory, never recurse.

Only a regular file is opened (a FIFO, a device, a folder or a symbolic link is refused without
blocking), at most *max_bytes* are read, NaN and Infinity (and numbers too big for a float) are
refused, and nesting deeper than *max_depth* is refused before the parser sees it. Every refusal is
an UnsafeJsonError whose ``reason`` is a few plain words ("is not a regular file (a FIFO)").
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

MAX_DEPTH = 64
# a string, or an unterminated one up to the end: always matches, so the scan stays linear
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"?', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class UnsafeJsonError(ValueError):
    """The file cannot be used. ``reason`` says why in a few words; ``damaged`` is True when the file is a
    regular file whose content is bad (so it may be set aside), False when it could not be read at all."""

    def __init__(self, reason: str, *, damaged: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.damaged = damaged


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a link")):
        if test(mode):
            return name
    return "a special file"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of *path* if it is a regular file of at most *max_bytes*; FileNotFoundError if it is missing,
    UnsafeJsonError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeJsonError("is a symbolic link, not a file", damaged=False) from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise UnsafeJsonError("cannot be read (permission)", damaged=False) from None
        if exc.errno in (errno.ENXIO, errno.EISDIR):
            raise UnsafeJsonError("is not a regular file", damaged=False) from None
        raise UnsafeJsonError(f"cannot be read ({exc.strerror or exc.__class__.__name__})", damaged=False) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeJsonError(f"is not a regular file ({_kind(info.st_mode)})", damaged=False)
        if info.st_size > max_bytes:
            raise UnsafeJsonError(f"is too big ({_size(info.st_size)}; at most {_size(max_bytes)})", damaged=True)
        chunks = []
        left = max_bytes + 1
        while left > 0:
            try:
                chunk = os.read(fd, min(left, 1 << 20))
            except OSError as exc:
                raise UnsafeJsonError(f"cannot be read ({exc.strerror or exc.__class__.__name__})", damaged=False) from None
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:  # grew while it was read
            raise UnsafeJsonError(f"is too big (more than {_size(max_bytes)})", damaged=True)
        return data
    finally:
        os.close(fd)


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.0f} KB"
    return f"{n} bytes"


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is too big")
    return value


def depth_of(text: str) -> int:
    """The deepest nesting of arrays and objects in *text* (brackets inside strings do not count)."""
    brackets = _STRING.sub("", text).encode("ascii", "ignore").translate(None, _NOT_BRACKETS)
    return max(accumulate(1 if c in b"[{" else -1 for c in brackets), default=0)


def parse(text: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Decode *text*; UnsafeJsonError (damaged) if it is not JSON, holds NaN/Infinity or nests deeper than *max_depth*."""
    if depth_of(text) > max_depth:
        raise UnsafeJsonError(f"is nested more than {max_depth} levels deep", damaged=True)
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise UnsafeJsonError(f"is not valid JSON ({exc.msg}: line {exc.lineno} column {exc.colno})", damaged=True) from None
    except RecursionError:  # depth_of should have caught it; never let it escape
        raise UnsafeJsonError("is nested too deeply", damaged=True) from None
    except ValueError as exc:  # NaN, Infinity, 1e999, an integer of thousands of digits
        text = str(exc)
        words = "a number has too many digits" if "digits" in text else text.split(" (")[0].strip().rstrip(".")[:80]
        raise UnsafeJsonError(f"cannot be used ({words})", damaged=True) from None


def read_json_file(path: Path, max_bytes: int, *, max_depth: int = MAX_DEPTH) -> Any:
    """The decoded JSON of *path*. FileNotFoundError when it is missing; UnsafeJsonError for anything else wrong."""
    data = read_bytes(path, max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnsafeJsonError("is not UTF-8 text", damaged=True) from None
    return parse(text, max_depth=max_depth)
