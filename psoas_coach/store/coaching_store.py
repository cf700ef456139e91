"""The user's coaching state in <data>/coaching.json: levels, decisions on proposals, the safety acceptance.

One small JSON file, written atomically under a lock file and only when something changed. Read through
the safe reader (a regular file of at most MAX_FILE_BYTES, no NaN, bounded nesting) and checked field by
field into typed values. A damaged file is moved aside (never deleted) and the app goes on from the
defaults; one that cannot be read (permission) or comes from a newer version is used as far as it can be
and never rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec

from psoas_coach.atomic import write_atomic
from psoas_coach.core.coaching_state import CoachingState, Decision
from psoas_coach.core.levels import ExerciseLevel
from psoas_coach.i18n import _
from psoas_coach.paths import ensure_private_dir
from psoas_coach.safe_json import UnsafeJsonError, read_json_file
from psoas_coach.store.aside import set_aside
from psoas_coach.store.coaching_file import FILE_NAME, MAX_FILE_BYTES, MAX_TEXT, accepted_at

P = ParamSpec("P")
SCHEMA_VERSION = 1


class CoachingStoreError(OSError):
    """The coaching file could not be written; the message is one plain sentence for the user."""


def state_to_json(state: CoachingState) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "safety_accepted": state.safety_accepted,
        "current_program": state.current_program,
        "levels": {p: {e: lvl.to_json() for e, lvl in sorted(ex.items())} for p, ex in sorted(state.levels.items())},
        "decisions": [d.to_json() for d in state.decisions],
    }


def _text(item: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = item.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value) or len(value) > MAX_TEXT:
        raise ValueError(_("{field} is not a text of at most {count} characters").format(field=key, count=MAX_TEXT))
    return value


def _decision(item: Any) -> Decision:
    if not isinstance(item, dict):
        raise ValueError(_("a decision is not an object"))
    exercise_id = item.get("exercise_id")
    accepted = item.get("accepted", False)
    if not isinstance(accepted, bool):
        raise ValueError(_("{field} is not true or false").format(field="accepted"))
    return Decision(key=_text(item, "key", required=True), kind=_text(item, "kind"),
                    program_id=_text(item, "program_id"),
                    exercise_id=_text(item, "exercise_id") if exercise_id is not None else None,
                    accepted=accepted, at=_text(item, "at"), reason=_text(item, "reason"))


def _parse_state(data: Any) -> CoachingState:
    """Check the file's JSON into a CoachingState; ValueError (naming the field) when any part is malformed."""
    if not isinstance(data, dict):
        raise ValueError(_("not an object"))
    state = CoachingState()
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError(_("{field} is not a positive whole number").format(field="schema_version"))
    state.read_only = version > SCHEMA_VERSION
    state.safety_accepted = accepted_at(data)
    current = data.get("current_program")
    state.current_program = current if isinstance(current, str) and current and len(current) <= MAX_TEXT else None
    levels = data.get("levels", {})
    if not isinstance(levels, dict):
        raise ValueError(_("{field} is not an object").format(field="levels"))
    for program_id, exercises in levels.items():
        if not isinstance(exercises, dict):
            raise ValueError(_("the levels of one program are not an object"))
        try:
            state.levels[program_id] = {e: ExerciseLevel.from_json(v) for e, v in exercises.items()}
        except ValueError as exc:
            # Translators: {program} is a program id from the file, {problem} what is wrong with its level
            raise ValueError(_("a level of {program}: {problem}").format(program=repr(program_id[:40]), problem=exc)) from None
    decisions = data.get("decisions", [])
    if not isinstance(decisions, list):
        raise ValueError(_("{field} is not a list").format(field="decisions"))
    state.decisions = [_decision(item) for item in decisions]
    return state


class CoachingStore:
    """Reads and changes coaching.json. Every change re-reads the file under the lock, so two windows agree."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / FILE_NAME
        self.problems: list[str] = []

    # ------------------------------------------------------------------ reading

    def load(self) -> CoachingState:
        """The stored state, or the defaults when there is none or it is unreadable (then moved aside)."""
        try:
            state = _parse_state(read_json_file(self.path, MAX_FILE_BYTES, follow_links=True))
        except FileNotFoundError:
            return CoachingState()
        except UnsafeJsonError as exc:
            if exc.unreadable:
                self._report(_("{path} {reason}, so defaults are used and it is not changed.").format(path=self.path, reason=exc.reason))
                return CoachingState(read_only=True)
            return self._set_aside(exc.reason)
        except ValueError as exc:
            return self._set_aside(_("is damaged ({detail})").format(detail=exc))
        return state

    def _report(self, text: str) -> None:
        if text not in self.problems:  # every change re-reads the file: say it once
            self.problems.append(text)

    def _set_aside(self, reason: str) -> CoachingState:
        aside = set_aside(self.path)
        if aside is None:
            self._report(_("{path} {reason}; defaults are used and it is not changed.").format(path=self.path, reason=reason))
            return CoachingState(read_only=True)
        self._report(_("{file} {reason} and was moved to {aside}; levels start again from the program.").format(
            file=self.path.name, reason=reason, aside=aside.name))
        return CoachingState()


    # ------------------------------------------------------------------ changing

    def update(self, edit: Callable[Concatenate[CoachingState, P], None], *args: P.args, **kwargs: P.kwargs) -> CoachingState:
        """Load under the lock, apply ``edit(state, *args)`` (one of core.coaching's edits), and write the
        file only if its JSON changed. Returns the state as saved."""
        from filelock import FileLock, Timeout  # here, not at start-up (about 10 ms of imports)

        try:
            ensure_private_dir(self.folder)
            with FileLock(str(self.path) + ".lock", timeout=10, mode=0o600):
                state = self.load()
                if state.read_only:
                    raise CoachingStoreError(
                        _("{path} was written by a newer Psoas Coach or cannot be read, so it is not changed.").format(path=self.path))
                before = state_to_json(state)
                edit(state, *args, **kwargs)
                after = state_to_json(state)
                if after != before or not self.path.exists():
                    text = json.dumps(after, indent=2, ensure_ascii=False) + "\n"
                    write_atomic(self.path, text.encode("utf-8"), through_link=True)
                return state
        except Timeout:
            raise CoachingStoreError(_("{path} is locked by another Psoas Coach; try again in a moment.").format(
                path=self.path)) from None
        except CoachingStoreError:
            raise
        except OSError as exc:
            raise CoachingStoreError(_("Could not save your coaching settings to {path}: {reason}.").format(
                path=self.path, reason=exc.strerror or exc)) from exc
