"""What loading the session folder gave: the readable records, what happened to the files that were not,
and the one sentence in the user's language that tells it (History, home, the commands and the report)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psoas_coach.i18n import _, lazy, list_text, ngettext

SPECIAL = lazy("links to nothing, link loops, pipes, devices or folders")

Record = dict[str, Any]


@dataclass
class LoadResult:
    """Every readable session (oldest first) and what happened to the files that were not."""

    sessions: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one entry per unreadable file: "<name> <why>."
    moved_aside: list[Path] = field(default_factory=list)  # damaged files, now in corrupt/
    skipped: list[Path] = field(default_factory=list)  # not regular files (links to nothing, loops, pipes, folders...)
    unreadable: list[Path] = field(default_factory=list)  # left in place: no permission, too large, or not movable
    merged: list[Path] = field(default_factory=list)  # extra copies of a session, now in conflicts/
    read_only: set[str] = field(default_factory=set)  # ids of records from a newer app version or partly read
    corrupt_folder: Path | None = None

    def notice(self) -> str | None:
        """One sentence for the window and the command line about the files that did not load, or None."""
        if not self.problems:
            return None
        if len(self.problems) == 1:
            what = self.problems[0].rstrip(".")
            # Translators: {problem} is a file name and what is wrong with it ("x.json is not valid JSON")
            if self.moved_aside:
                return _("The session file {problem}; it was moved to {folder} and the rest of the history "
                         "loaded.").format(problem=what, folder=self.corrupt_folder)
            if self.skipped:
                return _("The session file {problem}; it was skipped and the rest of the history loaded.").format(
                    problem=what)
            return _("The session file {problem}; it was left in place and the rest of the history loaded.").format(
                problem=what)
        n = len(self.problems)
        kinds = [bool(self.moved_aside), bool(self.skipped), bool(self.unreadable)]
        if kinds == [True, False, False]:
            return ngettext("{count} session file could not be read and was moved to {folder}; the rest of the "
                            "history loaded.", "{count} session files could not be read and were moved to {folder}; "
                            "the rest of the history loaded.", n).format(count=n, folder=self.corrupt_folder)
        if kinds == [False, True, False]:
            return ngettext("{count} session file is not a regular file ({special}) and was skipped; the rest of "
                            "the history loaded.", "{count} session files are not regular files ({special}) and "
                            "were skipped; the rest of the history loaded.", n).format(count=n, special=SPECIAL)
        if kinds == [False, False, True]:
            return ngettext("{count} session file could not be read and was left in place; the rest of the "
                            "history loaded.", "{count} session files could not be read and were left in place; "
                            "the rest of the history loaded.", n).format(count=n)
        parts = []
        if self.moved_aside:
            m = len(self.moved_aside)
            parts.append(ngettext("{count} was damaged and moved to {folder}", "{count} were damaged and moved to "
                                  "{folder}", m).format(count=m, folder=self.corrupt_folder))
        if self.skipped:
            m = len(self.skipped)
            parts.append(ngettext("{count} was not a regular file and skipped", "{count} were not a regular file "
                                  "and skipped", m).format(count=m))
        if self.unreadable:
            m = len(self.unreadable)
            parts.append(ngettext("{count} was unreadable (permission or size) and left in place", "{count} were "
                                  "unreadable (permission or size) and left in place", m).format(count=m))
        return ngettext("{count} session file could not be read ({details}); the rest of the history loaded.",
                        "{count} session files could not be read ({details}); the rest of the history loaded.",
                        n).format(count=n, details=list_text(parts))
