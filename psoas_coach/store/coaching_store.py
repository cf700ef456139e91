"""The user's coaching state in <data>/coaching.json: levels, decisions on proposals, the safety acceptance.

One small JSON file, written atomically under a lock file and only when something changed. A corrupt
file is moved aside (never deleted) and the app goes on from the defaults; a file from a newer version
is read but never rewritten.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec

from psoas_coach.atomic import write_atomic
from psoas_coach.core.coaching_state import CoachingState, Decision
from psoas_coach.core.levels import ExerciseLevel
from psoas_coach.paths import ensure_private_dir

P = ParamSpec("P")
FILE_NAME = "coaching.json"
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


def _parse_state(data: Any) -> CoachingState:
    """Read the file's JSON; raises ValueError, TypeError or KeyError when it is malformed."""
    if not isinstance(data, dict):
        raise ValueError("not an object")
    state = CoachingState()
    version = data.get("schema_version", 1)
    if not isinstance(version, int):
        raise ValueError("bad schema_version")
    state.read_only = version > SCHEMA_VERSION
    safety = data.get("safety_accepted")
    state.safety_accepted = safety if isinstance(safety, str) and safety else None
    current = data.get("current_program")
    state.current_program = current if isinstance(current, str) and current else None
    levels = data.get("levels", {})
    if not isinstance(levels, dict):
        raise ValueError("levels is not an object")
    for program_id, exercises in levels.items():
        if not isinstance(exercises, dict):
            raise ValueError(f"levels of {program_id} is not an object")
        state.levels[str(program_id)] = {str(e): ExerciseLevel.from_json(v) for e, v in exercises.items()}
    for item in data.get("decisions", []):
        state.decisions.append(Decision(
            key=str(item["key"]), kind=str(item.get("kind", "")), program_id=str(item.get("program_id", "")),
            exercise_id=item.get("exercise_id") if isinstance(item.get("exercise_id"), str) else None,
            accepted=bool(item.get("accepted")), at=str(item.get("at", "")), reason=str(item.get("reason", "")),
        ))
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
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return CoachingState()
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(f"{self.path.name} could not be read ({exc.__class__.__name__}), so defaults are used.")
            return CoachingState(read_only=True)
        try:
            return _parse_state(json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            aside = self._move_aside()
            self.problems.append(f"{self.path.name} was damaged ({exc.__class__.__name__}) and was moved to "
                                 f"{aside.name if aside else 'nowhere'}; levels start again from the program.")
            return CoachingState()

    def _move_aside(self) -> Path | None:
        aside = self.path.with_name(f"{FILE_NAME}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.path.replace(aside)
        except OSError:
            return None
        return aside

    # ------------------------------------------------------------------ changing

    def update(self, edit: Callable[Concatenate[CoachingState, P], None], *args: P.args, **kwargs: P.kwargs) -> CoachingState:
        """Load under the lock, apply ``edit(state, *args)`` (one of core.coaching's edits), and write the
        file only if its JSON changed. Returns the state as saved."""
        from filelock import FileLock, Timeout  # here, not at start-up (about 10 ms of imports)

        try:
            ensure_private_dir(self.folder)
            with FileLock(str(self.path) + ".lock", timeout=10):
                state = self.load()
                if state.read_only:
                    raise CoachingStoreError(
                        f"{self.path} was written by a newer Psoas Coach or cannot be read, so it is not changed.")
                before = state_to_json(state)
                edit(state, *args, **kwargs)
                after = state_to_json(state)
                if after != before or not self.path.exists():
                    write_atomic(self.path, (json.dumps(after, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
                return state
        except Timeout:
            raise CoachingStoreError(f"{self.path} is locked by another Psoas Coach; try again in a moment.") from None
        except CoachingStoreError:
            raise
        except OSError as exc:
            raise CoachingStoreError(f"Could not save your coaching settings to {self.path}: "
                                     f"{exc.strerror or exc}.") from exc
