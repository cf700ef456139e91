"""The user's coaching state in <data>/coaching.json: levels, decisions on proposals, the safety acceptance.

One small JSON file, written atomically under a lock file and only when something changed. Read through
the safe reader (a regular file of at most MAX_FILE_BYTES, no NaN, bounded nesting) and checked field by
field into typed values. A damaged file is moved aside (never deleted) and the app goes on from the
defaults; one that cannot be read (permission) or comes from a newer version is used as far as it can be
and never rewritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psoas_coach.core.levels import ExerciseLevel, default_level
from psoas_coach.core.program import Exercise
from psoas_coach.paths import ensure_private_dir
from psoas_coach.atomic import write_atomic
from psoas_coach.safe_json import UnsafeJson, read_json_file
from psoas_coach.store.aside import set_aside

if TYPE_CHECKING:
    from psoas_coach.core.progression import Proposal  # the rules: not needed to read the file at start-up

FILE_NAME = "coaching.json"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 32 * 1024 * 1024  # about 100,000 decisions: decades of sessions
MAX_TEXT = 2000  # characters of one stored text (a proposal's reason, a date, an id)


class CoachingStoreError(OSError):
    """The coaching file could not be written; the message is one plain sentence for the user."""


@dataclass(frozen=True)
class Decision:
    """The user's answer to one proposal."""

    key: str
    kind: str
    program_id: str
    exercise_id: str | None
    accepted: bool
    at: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "program_id": self.program_id, "exercise_id": self.exercise_id,
                "accepted": self.accepted, "at": self.at, "reason": self.reason}


@dataclass
class CoachingState:
    safety_accepted: str | None = None  # ISO time the first-run caution was accepted
    current_program: str | None = None  # set when the user accepts a move to another program
    levels: dict[str, dict[str, ExerciseLevel]] = field(default_factory=dict)  # program id -> exercise id -> level
    decisions: list[Decision] = field(default_factory=list)
    read_only: bool = False

    def levels_for(self, program_id: str) -> dict[str, ExerciseLevel]:
        return dict(self.levels.get(program_id, {}))

    def decided_keys(self) -> set[str]:
        return {d.key for d in self.decisions}

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "safety_accepted": self.safety_accepted,
            "current_program": self.current_program,
            "levels": {p: {e: lvl.to_json() for e, lvl in sorted(ex.items())} for p, ex in sorted(self.levels.items())},
            "decisions": [d.to_json() for d in self.decisions],
        }


def _text(item: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = item.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value) or len(value) > MAX_TEXT:
        raise ValueError(f"{key} is not a text of at most {MAX_TEXT} characters")
    return value


def _decision(item: Any) -> Decision:
    if not isinstance(item, dict):
        raise ValueError("a decision is not an object")
    exercise_id = item.get("exercise_id")
    accepted = item.get("accepted", False)
    if not isinstance(accepted, bool):
        raise ValueError("accepted is not true or false")
    return Decision(key=_text(item, "key", required=True), kind=_text(item, "kind"),
                    program_id=_text(item, "program_id"),
                    exercise_id=_text(item, "exercise_id") if exercise_id is not None else None,
                    accepted=accepted, at=_text(item, "at"), reason=_text(item, "reason"))


def _parse_state(data: Any) -> CoachingState:
    """Check the file's JSON into a CoachingState; ValueError (naming the field) when any part is malformed."""
    if not isinstance(data, dict):
        raise ValueError("not an object")
    state = CoachingState()
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError("schema_version is not a positive whole number")
    state.read_only = version > SCHEMA_VERSION
    safety = data.get("safety_accepted")
    state.safety_accepted = safety if isinstance(safety, str) and safety and len(safety) <= MAX_TEXT else None
    current = data.get("current_program")
    state.current_program = current if isinstance(current, str) and current and len(current) <= MAX_TEXT else None
    levels = data.get("levels", {})
    if not isinstance(levels, dict):
        raise ValueError("levels is not an object")
    for program_id, exercises in levels.items():
        if not isinstance(exercises, dict):
            raise ValueError("the levels of one program are not an object")
        try:
            state.levels[program_id] = {e: ExerciseLevel.from_json(v) for e, v in exercises.items()}
        except ValueError as exc:
            raise ValueError(f"a level of {program_id[:40]!r}: {exc}") from None
    decisions = data.get("decisions", [])
    if not isinstance(decisions, list):
        raise ValueError("decisions is not a list")
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
            state = _parse_state(read_json_file(self.path, MAX_FILE_BYTES))
        except FileNotFoundError:
            return CoachingState()
        except UnsafeJson as exc:
            if not exc.damaged and exc.reason.startswith("cannot be read"):
                self._report(f"{self.path} {exc.reason}, so defaults are used and it is not changed.")
                return CoachingState(read_only=True)
            return self._set_aside(exc.reason)
        except ValueError as exc:
            return self._set_aside(f"is damaged ({exc})")
        return state

    def _report(self, text: str) -> None:
        if text not in self.problems:  # every change re-reads the file: say it once
            self.problems.append(text)

    def _set_aside(self, reason: str) -> CoachingState:
        aside = set_aside(self.path)
        if aside is None:
            self._report(f"{self.path} {reason}; defaults are used and it is not changed.")
            return CoachingState(read_only=True)
        self._report(f"{self.path.name} {reason} and was moved to {aside.name}; levels start again from the program.")
        return CoachingState()


    # ------------------------------------------------------------------ changing

    def _change(self, edit: Any) -> CoachingState:
        """Load under the lock, apply *edit* (state -> None), write if the JSON changed."""
        from filelock import FileLock, Timeout  # here, not at start-up (about 10 ms of imports)

        try:
            ensure_private_dir(self.folder)
            with FileLock(str(self.path) + ".lock", timeout=10, mode=0o600):
                state = self.load()
                if state.read_only:
                    raise CoachingStoreError(
                        f"{self.path} was written by a newer Psoas Coach or cannot be read, so it is not changed.")
                before = state.to_json()
                edit(state)
                after = state.to_json()
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

    def accept_safety(self, at: str) -> CoachingState:
        def edit(state: CoachingState) -> None:
            state.safety_accepted = state.safety_accepted or at
        return self._change(edit)

    def set_current_program(self, program_id: str) -> CoachingState:
        def edit(state: CoachingState) -> None:
            state.current_program = program_id
        return self._change(edit)

    def set_level(self, program_id: str, exercise_id: str, level: ExerciseLevel) -> CoachingState:
        def edit(state: CoachingState) -> None:
            state.levels.setdefault(program_id, {})[exercise_id] = level
        return self._change(edit)

    def set_range_note(self, program_id: str, exercise: Exercise, note: str) -> CoachingState:
        """The user's own range note for one exercise (empty to clear it); the load stays as it is."""
        def edit(state: CoachingState) -> None:
            levels = state.levels.setdefault(program_id, {})
            current = levels.get(exercise.id) or default_level(exercise)
            levels[exercise.id] = replace(current, range_note=" ".join(note.split()))
        return self._change(edit)

    def decide(self, proposal: Proposal, accepted: bool, at: str) -> CoachingState:
        """Record the answer; an accepted proposal changes the level (or the program) from *at* on."""
        from psoas_coach.core.progression import ProposalKind

        def edit(state: CoachingState) -> None:
            if proposal.key in state.decided_keys():
                return
            state.decisions.append(Decision(proposal.key, proposal.kind.value, proposal.program_id,
                                            proposal.exercise_id, accepted, at, proposal.reason))
            if not accepted:
                return
            if proposal.kind is ProposalKind.PROGRAM and proposal.next_program:
                state.current_program = proposal.next_program
            elif proposal.exercise_id is not None and proposal.proposed is not None:
                state.levels.setdefault(proposal.program_id, {})[proposal.exercise_id] = replace(proposal.proposed, since=at)
        return self._change(edit)
