"""Setting a bad file aside under a name no other file has, so nothing is ever overwritten or deleted."""

from __future__ import annotations

import os
import time
from pathlib import Path


def set_aside(path: Path) -> Path | None:
    """Rename *path* (a file, a link or a FIFO: whatever is there) to ``<name>.corrupt-<time>[-n]`` beside it;
    the new path, or None when it cannot be moved (then it is left exactly where it was)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        aside = path.with_name(f"{path.name}.corrupt-{stamp}{'' if n == 0 else f'-{n}'}")
        try:
            os.link(path, aside, follow_symlinks=False)  # fails if the name is taken: never replaces a file
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links here (some file systems): rename, checking the name first
        try:
            os.unlink(path)
        except OSError:
            pass
        return aside
    aside = path.with_name(f"{path.name}.corrupt-{stamp}-{os.getpid()}-{time.monotonic_ns()}")
    try:
        os.rename(path, aside)
    except OSError:
        return None
    return aside
