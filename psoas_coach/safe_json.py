"""Read a JSON file the user's folder holds, whatever is there: never hang, never eat memory, never recurse.

The one reader for every file the app reads back (session records, the autosave, settings, the coaching
state, program files, imports). Only a regular file is opened: a FIFO, a device, a socket or a folder is
refused after ``fstat`` without a byte read, and a symbolic link is refused unless the caller follows
links (session files may be links a sync tool made). At most *max_bytes* are read. ``json``'s C decoder
parses at full speed; one pass without recursion then refuses nesting deeper than *max_depth*, and
``NaN``, ``Infinity`` and numbers too big for a float (``1e400``) are refused, or read as ``None`` when
the caller asks (``non_finite="null"``), so no non-finite number reaches code that does arithmetic.
Every refusal is an UnsafeJsonError whose ``reason`` is a few plain words in the user's language for a
sentence such as "sessions/x.json {reason}." and whose flags say what may be done with the file: code
decides by the flags, never by the words.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any, Literal

from psoas_coach.i18n import _, fixed, ngettext

MAX_DEPTH = 64
NonFinite = Literal["refuse", "null"]


class UnsafeJsonError(ValueError):
    """The file cannot be used; ``reason`` says why in a few words ("is not valid JSON").

    ``damaged``: a regular file whose content is bad (it may be set aside); ``permission``: unreadable
    for lack of permission (leave it where it is); ``special``: not a regular file (a link to nothing, a
    loop, a FIFO, a device, a folder); ``too_large``: over the size limit; ``dangling`` (with ``special``): a
    symbolic link whose target is missing, as good as no file when writing."""

    def __init__(self, reason: str, *, damaged: bool = False, permission: bool = False, special: bool = False,
                 too_large: bool = False, dangling: bool = False, where: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.where = where  # for bad JSON: "line 3, column 7", to help whoever wrote the file by hand
        self.damaged = damaged
        self.permission = permission
        self.special = special
        self.too_large = too_large
        self.dangling = dangling

    @property
    def unreadable(self) -> bool:
        """It could not be read at all (permission, an I/O error): left where it is. Told by the flags, never
        by ``reason``, which callers may show translated."""
        return not (self.damaged or self.special or self.too_large)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return _("is a pipe (FIFO), not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a file")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a file")
    return _("is not a regular file")


def _open_error(path: str | Path, exc: OSError, follow_links: bool) -> UnsafeJsonError:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnsafeJsonError(_("cannot be read (permission)"), permission=True)
    if exc.errno == errno.ELOOP:
        reason = _("is a loop of symbolic links") if follow_links else _("is a symbolic link, not a file")
        return UnsafeJsonError(reason, special=True)
    if exc.errno == errno.ENOENT:
        return UnsafeJsonError(_("is a link to nothing"), special=True, dangling=True)
    if exc.errno == errno.EISDIR:
        return UnsafeJsonError(_("is a folder, not a file"), special=True)
    if exc.errno == errno.ENXIO:
        return UnsafeJsonError(_("is not a regular file"), special=True)
    # Translators: {error} is the system's own words, e.g. "input/output error"
    return UnsafeJsonError(_("cannot be read ({error})").format(
        error=(exc.strerror or exc.__class__.__name__).rstrip(".").lower()))


def _size(n: int) -> str:
    if n >= 1 << 20:
        return _("{size} MB").format(size=fixed(n / (1 << 20), 1))
    if n >= 1 << 10:
        return _("{size} KB").format(size=fixed(n / (1 << 10), 0))
    return ngettext("{count} byte", "{count} bytes", n).format(count=n)


def read_bytes(path: str | Path, max_bytes: int, *, follow_links: bool = False) -> bytes:
    """The bytes of the regular file *path*, at most *max_bytes*; FileNotFoundError when there is no such
    name, UnsafeJsonError for anything else. Opened non-blocking and checked with ``fstat`` before any
    read, so neither a FIFO nor a device such as /dev/zero is ever waited on or read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0) | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if not os.path.lexists(path):
            raise
        raise _open_error(path, FileNotFoundError(errno.ENOENT, "dangling"), follow_links) from None
    except OSError as exc:
        raise _open_error(path, exc, follow_links) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeJsonError(_kind(info.st_mode), special=True)
        if info.st_size > max_bytes:  # the sentence is made only then: formatting sizes loads locale data
            raise UnsafeJsonError(_("is too large ({size}; the limit is {limit})").format(
                size=_size(info.st_size), limit=_size(max_bytes)), damaged=True, too_large=True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # the file grew after fstat
                raise UnsafeJsonError(_("is too large (over {limit})").format(limit=_size(max_bytes)), damaged=True,
                                     too_large=True)
    except OSError as exc:
        raise _open_error(path, exc, follow_links) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _refuse_constant(name: str) -> Any:
    # Translators: {name} is a word from the file itself: NaN, Infinity or -Infinity
    raise UnsafeJsonError(_("holds {name}, which is not a number").format(name=name), damaged=True)


def _null_constant(_name: str) -> Any:
    return None


_STRICT = json.JSONDecoder(parse_constant=_refuse_constant)
_LENIENT = json.JSONDecoder(parse_constant=_null_constant)


def loads(data: bytes | str, *, max_depth: int = MAX_DEPTH, non_finite: NonFinite = "refuse") -> Any:
    """Parse *data*; UnsafeJsonError (damaged) if it is not UTF-8 JSON, nests deeper than *max_depth* or holds
    a non-finite number (unless *non_finite* is "null": then it is read as None)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnsafeJsonError(_("is not UTF-8 text"), damaged=True) from None
    decoder = _STRICT if non_finite == "refuse" else _LENIENT
    try:
        value = decoder.decode(data)
    except RecursionError:
        raise UnsafeJsonError(_too_deep(max_depth), damaged=True) from None
    except json.JSONDecodeError as exc:
        raise UnsafeJsonError(_("is not valid JSON"), damaged=True,
                              where=_("line {line}, column {column}").format(line=exc.lineno, column=exc.colno)) from None
    except UnsafeJsonError:
        raise
    except ValueError as exc:  # an integer of thousands of digits
        digits = "digits" in str(exc)  # Python's own message, in English whatever the language
        reason = _("holds a number with too many digits") if digits else _("holds a number it cannot read")
        raise UnsafeJsonError(reason, damaged=True) from None
    if type(value) is float and value - value != 0.0:
        if non_finite == "refuse":
            raise UnsafeJsonError(_("holds a number too big for a float"), damaged=True)
        return None
    if type(value) is dict or type(value) is list:
        _check_tree(value, max_depth, non_finite == "null")
    return value


def _too_deep(max_depth: int) -> str:
    return ngettext("is nested too deeply (more than {count} level)", "is nested too deeply (more than {count} levels)",
                    max_depth).format(count=max_depth)


parse = loads  # text in, value out: the name program files use


def _check_tree(value: Any, max_depth: int, to_null: bool) -> None:
    """Refuse nesting deeper than *max_depth* and numbers that are not finite (replaced by None in place
    when *to_null*). Iterative: no recursion, whatever the depth."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise UnsafeJsonError(_too_deep(max_depth), damaged=True)
        keys: Any = item.keys() if type(item) is dict else range(len(item))
        for key in keys:
            child = item[key]
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif kind is float and child - child != 0.0:  # NaN or an infinity (1e400)
                if not to_null:
                    raise UnsafeJsonError(_("holds a number too big for a float"), damaged=True)
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


def read_json_file(path: str | Path, max_bytes: int, *, max_depth: int = MAX_DEPTH, follow_links: bool = False,
                   non_finite: NonFinite = "refuse") -> Any:
    """The JSON value of the regular file *path*, within the limits. FileNotFoundError when it is missing;
    UnsafeJsonError for anything else wrong."""
    return loads(read_bytes(path, max_bytes, follow_links=follow_links), max_depth=max_depth, non_finite=non_finite)
