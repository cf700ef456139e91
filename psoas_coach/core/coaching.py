"""The coaching context: the user's coaching state and the rules that read and change it.

Today's plan, the current program, the user's levels applied to a program and the answer to a proposal
are decided here, once, for the window and the command line alike. ``store.coaching_store`` only reads
and writes the state; it never decides what a change means.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from psoas_coach.core.coaching_state import CoachingState, Decision
from psoas_coach.core.levels import ExerciseLevel, apply_levels, default_level
from psoas_coach.core.program import Exercise, Program, ProgramLibrary
from psoas_coach.core.progression import (
    FOUNDATION_PROGRAM,
    ControlStatus,
    Proposal,
    ProposalKind,
    control_status,
    pending,
    propose,
)
from psoas_coach.core.schedule import Today, today_advice

# ---------------------------------------------------------------------- reading the state

def current_program(library: ProgramLibrary, state: CoachingState, wanted: str | None = None) -> Program:
    """The program asked for, else the user's current one, else Foundation, else the first."""
    ids = library.ids()
    for candidate in (wanted, state.current_program, FOUNDATION_PROGRAM):
        if candidate and candidate in ids:
            return library.get(candidate)
    return library.programs[0]


def levelled(program: Program, state: CoachingState) -> Program:
    """*program* as the user does it now: their levels (band, reps, holds, range notes) applied."""
    return apply_levels(program, state.levels_for(program.id))


@dataclass(frozen=True)
class Outlook:
    """What home shows from coaching: today's advice, open proposals and the control status."""

    program: Program  # the program today's line is about
    advice: Today
    proposals: list[Proposal]
    control: tuple[ControlStatus, ...]


def outlook(library: ProgramLibrary, state: CoachingState, sessions: Sequence[Mapping[str, Any]],
            today: date) -> Outlook:
    """Today's plan from the history and the coaching state: the same for the window and the CLI."""
    from psoas_coach.core.history import program_id_of

    program = current_program(library, state)
    advice = today_advice(sessions, today, program.id, program.name)
    proposals: list[Proposal] = []
    if sessions:
        last_program = program_id_of(sessions[-1])
        if last_program in library.ids():
            coached = library.get(last_program)
            found = propose(coached, sessions, state.levels_for(coached.id), library.ids())
            proposals = pending(found.proposals, state.decided_keys())
    control = control_status(program, sessions) if program.id == FOUNDATION_PROGRAM else ()
    return Outlook(program, advice, proposals, tuple(control))


@dataclass
class CoachingContext:
    """Everything the coaching commands read: programs, sessions, the coaching state, and any problems."""

    library: ProgramLibrary
    sessions: list[dict[str, Any]]
    state: CoachingState
    problems: list[str]

    def program(self, program_id: str | None = None) -> Program:
        return current_program(self.library, self.state, program_id)

    def levelled(self, program: Program) -> Program:
        return levelled(program, self.state)


# ---------------------------------------------------------------------- changing the state (edits)

def accept_safety(state: CoachingState, at: str) -> None:
    """The first-run caution was read and accepted at *at* (kept from the first time)."""
    state.safety_accepted = state.safety_accepted or at


def set_current_program(state: CoachingState, program_id: str) -> None:
    state.current_program = program_id


def set_level(state: CoachingState, program_id: str, exercise_id: str, level: ExerciseLevel) -> None:
    state.levels.setdefault(program_id, {})[exercise_id] = level


def set_range_note(state: CoachingState, program_id: str, exercise: Exercise, note: str) -> None:
    """The user's own range note for one exercise (empty to clear it); the load stays as it is."""
    levels = state.levels.setdefault(program_id, {})
    current = levels.get(exercise.id) or default_level(exercise)
    levels[exercise.id] = replace(current, range_note=" ".join(note.split()))


def decide(state: CoachingState, proposal: Proposal, accepted: bool, at: str) -> None:
    """Record the answer once; an accepted proposal changes the level (or the program) from *at* on."""
    if proposal.key in state.decided_keys():
        return
    state.decisions.append(Decision(proposal.key, proposal.kind.value, proposal.program_id,
                                    proposal.exercise_id, accepted, at, proposal.reason))
    if not accepted:
        return
    if proposal.kind is ProposalKind.PROGRAM and proposal.next_program:
        state.current_program = proposal.next_program
    elif proposal.exercise_id is not None and proposal.proposed is not None:
        set_level(state, proposal.program_id, proposal.exercise_id, replace(proposal.proposed, since=at))
