"""What the user has told the coach (the safety note, the current program, levels, decisions): plain data.

Kept apart from the coaching rules (``core.coaching``) so that reading the coaching file at start-up
imports no rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from psoas_coach.core.levels import ExerciseLevel


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
    """What the user has told the coach: the safety note, the current program, levels and decisions."""

    safety_accepted: str | None = None  # ISO time the first-run caution was accepted
    current_program: str | None = None  # set when the user accepts a move to another program
    levels: dict[str, dict[str, ExerciseLevel]] = field(default_factory=dict)  # program id -> exercise id -> level
    decisions: list[Decision] = field(default_factory=list)
    read_only: bool = False  # written by a newer version, or unreadable: never rewritten

    def levels_for(self, program_id: str) -> dict[str, ExerciseLevel]:
        return dict(self.levels.get(program_id, {}))

    def decided_keys(self) -> set[str]:
        return {d.key for d in self.decisions}
