"""Atomic, private file writes: temp file in the same folder, flush, fsync, os.replace, fsync the folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace *path* with *data* so that a crash leaves either the old file or the new one, never half.

    ``durable`` (the default, for session records) also waits for the disk (fsync of the file and its
    folder), which can take hundreds of milliseconds on a busy disk. Files that are rewritten every few
    seconds or can be made again (the autosave, the speech cache) pass ``durable=False``: still never
    half-written after a crash of the app, at most one write behind after a power cut.
    """
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
