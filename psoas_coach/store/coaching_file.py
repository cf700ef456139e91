"""Where the coaching state is kept (<data>/coaching.json), its limits, and the one answer start-up needs from
it before the window's first frame: whether the safety note was accepted.

``coaching_store`` reads and writes the whole file; this module keeps start-up from importing the coaching
state's types (levels, decisions) before the first paint.
"""

from __future__ import annotations

from pathlib import Path

from psoas_coach.safe_json import UnsafeJsonError, read_json_file

FILE_NAME = "coaching.json"
MAX_FILE_BYTES = 32 * 1024 * 1024  # about 100,000 decisions: decades of sessions
MAX_TEXT = 2000  # characters of one stored text (a proposal's reason, a date, an id)


def safety_accepted(folder: Path) -> bool:
    """True when *folder*'s coaching file records the safety note as accepted. Anything else (no file, a
    damaged or unreadable one) is False: start-up then loads the whole file at once, which says what is wrong
    and shows the safety note."""
    try:
        data = read_json_file(folder / FILE_NAME, MAX_FILE_BYTES, follow_links=True)
    except (OSError, UnsafeJsonError, ValueError):
        return False
    return accepted_at(data) is not None


def accepted_at(data: object) -> str | None:
    """When the coaching file's JSON *data* says the safety note was accepted; None when it says nothing
    usable (the one rule for the field: start-up's answer and the whole reading in coaching_store)."""
    accepted = data.get("safety_accepted") if isinstance(data, dict) else None
    return accepted if isinstance(accepted, str) and 0 < len(accepted) <= MAX_TEXT else None
