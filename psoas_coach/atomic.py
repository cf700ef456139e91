"""Atomic, private file writes: temp file in the same folder, flush, fsync, os.replace, fsync the folder."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, durable: bool = True, through_link: bool = False) -> None:
    """Replace *path* with *data* so that a crash leaves either the old file or the new one, never half.

    ``durable`` (the default, for session records) also waits for the disk (fsync of the file and its
    folder), which can take hundreds of milliseconds on a busy disk. Files that are rewritten every few
    seconds or can be made again (the autosave, the speech cache) pass ``durable=False``: still never
    half-written after a crash of the app, at most one write behind after a power cut.

    ``through_link`` (the config files): when *path* is a symbolic link, the file it points to is
    replaced and the link kept, as a user who keeps settings in a dotfiles folder expects.
    """
    if through_link and path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if os.name == "posix":
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(folder)


def append_private(path: Path, text: str) -> None:
    """Append *text* to *path* (a log), creating it private to the user whatever the umask (its folder must
    exist). Only a regular file is appended to: a link or a FIFO in its place raises OSError, never followed."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise OSError(f"{path} is not a regular file")
            os.fchmod(fd, 0o600)
        os.write(fd, text.encode("utf-8", "replace"))
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)
