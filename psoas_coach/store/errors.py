"""StoreError and the one plain sentence a user reads when the disk refuses a write."""

from __future__ import annotations

import errno
from pathlib import Path

from psoas_coach.i18n import N_, _


class StoreError(OSError):
    """The store could not do what was asked; ``str(error)`` is one plain sentence for the user."""


_REASONS: dict[int, str] = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EACCES: N_("the folder is not writable"),
    errno.EPERM: N_("the folder is not writable"),
    errno.EIO: N_("the disk reported an error"),
    errno.ENOENT: N_("the folder does not exist"),
    errno.EISDIR: N_("that name is a folder"),
}


def reason_of(exc: OSError) -> str:
    """A short lower-case reason for *exc*, without a trailing full stop."""
    if exc.errno in _REASONS:
        return _(_REASONS[exc.errno])
    text = exc.strerror or str(exc) or exc.__class__.__name__
    return text.rstrip(".").lower() if text[:1].isupper() and text[1:2].islower() else text.rstrip(".")


def save_error(path: Path, exc: OSError) -> StoreError:
    """StoreError for a failed save of *path*, chained to *exc* by the caller."""
    return StoreError(_("Could not save the session in {folder} because {reason}.").format(folder=path.parent,
                                                                                          reason=reason_of(exc)))
