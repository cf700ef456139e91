"""The article's rules as a table: after each session, what to change next time, and why in one sentence.

Rules for one exercise are tried in order; the first that applies decides. Only a proposal changes a
level, and only when the user accepts it (the store remembers each decision by the proposal's key).

Words used by the rules:
- *no pain*: a pain rating of ``NO_PAIN_MAX`` (1) or less out of 10 and no pain stop in the session.
- *done in full*: every set of the level completed on every side worked.
- *an easy session*: done in full, effort ``EASY_EFFORT`` (7) or less, no pain, pelvis held neutral.

Foundation -> Advanced ("once foundational control is established"): control is established for an
exercise when it has been trained in Foundation for at least ``CONTROL_MIN_DAYS`` (14) days and, in each
of its last ``CONTROL_SESSIONS`` (4) Foundation sessions, it was done in full, the pelvis stayed neutral
("yes") and the session had no pain. The move to the Advanced program is proposed when control is
established for every Foundation exercise and no regression is pending.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from itertools import islice
from typing import Any

from psoas_coach.core.history import Control, ExerciseEntry
from psoas_coach.core.levels import SMALLER_RANGE_NOTE, ExerciseLevel, dosage_words, level_for, next_step, previous_step
from psoas_coach.core.plan import Side
from psoas_coach.core.program import Exercise, Program
from psoas_coach.core.program_history import ProgramHistory
from psoas_coach.i18n import N_, _, content, lazy

NO_PAIN_MAX = 1
PAIN_REGRESS = 4  # a pain rating this high or higher proposes a regression
EASY_EFFORT = 7
VERY_EASY_EFFORT = 5
REPEAT_WINDOW = timedelta(days=28)
CONTROL_SESSIONS = 4
CONTROL_MIN_DAYS = 14
FOUNDATION_PROGRAM = "foundation"
ADVANCED_PROGRAM = "advanced"
THERAPIST_IF_REPEATS = lazy("if it happens again, see a physical therapist")
THERAPIST_NOW = lazy("see a physical therapist before going on")


class ProposalKind(str, Enum):
    PROGRESS = "progress"
    REGRESS = "regress"
    PROGRAM = "program"


@dataclass(frozen=True)
class Proposal:
    """A change the user may accept or decline. ``key`` identifies it across runs."""

    key: str
    kind: ProposalKind
    program_id: str
    reason: str
    exercise_id: str | None = None
    exercise_name: str = ""
    current: ExerciseLevel | None = None
    proposed: ExerciseLevel | None = None
    next_program: str | None = None
    see_therapist: bool = False


@dataclass(frozen=True)
class Assessment:
    """What the rules say about one exercise after the latest session, with or without a proposal."""

    exercise_id: str
    rule: str
    reason: str
    proposal: Proposal | None = None


@dataclass(frozen=True)
class ControlStatus:
    """How many of the last CONTROL_SESSIONS Foundation sessions showed control, per exercise."""

    exercise_id: str
    name: str
    good_sessions: int
    days_trained: int
    needed: int = CONTROL_SESSIONS

    @property
    def established(self) -> bool:
        return self.good_sessions >= self.needed and self.days_trained >= CONTROL_MIN_DAYS

    @property
    def text(self) -> str:
        """'Supine Marching: 3 of 4 good sessions, 9 of 14 days' for the app to show."""
        if self.established:
            return _("{exercise}: control established").format(exercise=content(self.name))
        return _("{exercise}: {good} of {needed} good sessions, {days} of {min_days} days").format(
            exercise=content(self.name), good=self.good_sessions, needed=self.needed,
            days=min(self.days_trained, CONTROL_MIN_DAYS), min_days=CONTROL_MIN_DAYS)


@dataclass(frozen=True)
class Proposals:
    assessments: tuple[Assessment, ...]
    proposals: tuple[Proposal, ...]
    control: tuple[ControlStatus, ...] = ()


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Facts:
    """Everything a rule looks at for one exercise."""

    exercise: Exercise
    program_id: str
    level: ExerciseLevel
    latest: ExerciseEntry
    previous_at_level: ExerciseEntry | None
    pain_events: int  # pain stops here or pain >= PAIN_REGRESS, within REPEAT_WINDOW of the latest

    @property
    def what(self) -> str:
        return dosage_words(self.exercise, self.level)


def no_pain(e: ExerciseEntry) -> bool:
    return e.pain is not None and e.pain <= NO_PAIN_MAX and not e.session_pain_stop


def easy(e: ExerciseEntry) -> bool:
    return (e.done_in_full and e.effort is not None and e.effort <= EASY_EFFORT and no_pain(e)
            and e.control not in (Control.NO, Control.MOSTLY))


def _pain_event(e: ExerciseEntry) -> bool:
    return e.pain_stop_here or (e.pain is not None and e.pain >= PAIN_REGRESS)


def _at_level(e: ExerciseEntry, level: ExerciseLevel) -> bool:
    if level.since:
        since = _parse(level.since)
        if since is not None and _cmp_time(e.started) < _cmp_time(since):
            return False
    if e.target_sets and e.target_sets != level.sets:
        return False
    if e.kind in ("reps", "hold") and e.target_reps and level.reps and e.target_reps != level.reps:
        return False
    if e.kind == "hold" and e.target_hold_seconds and abs(e.target_hold_seconds - level.hold_seconds) > 1e-6:
        return False
    return True


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _cmp_time(moment: datetime) -> float:
    return moment.timestamp()


# --------------------------------------------------------------------------- outcomes


def _keep(rule: str, reason: str) -> Callable[[Facts], Assessment]:
    def outcome(f: Facts) -> Assessment:
        return Assessment(f.exercise.id, rule, _(reason).format(f=f, what=f.what, e=f.latest))
    return outcome


def _progress(rule: str, because: str) -> Callable[[Facts], Assessment]:
    def outcome(f: Facts) -> Assessment:
        step = next_step(f.exercise, f.level)
        head = _(because).format(what=f.what)
        if step is None:
            return Assessment(f.exercise.id, "top", _("{reason}: that is the top of this exercise's ladder, so keep it.")
                              .format(reason=head))
        reason = _("{reason}: {change}.").format(reason=head, change=step.words)
        proposal = Proposal(
            key=f"{f.latest.session_id}:{f.program_id}:{f.exercise.id}", kind=ProposalKind.PROGRESS,
            program_id=f.program_id, reason=reason, exercise_id=f.exercise.id, exercise_name=f.exercise.name,
            current=f.level, proposed=step.level,
        )
        return Assessment(f.exercise.id, rule, reason, proposal)
    return outcome


def _regress(rule: str, because: str) -> Callable[[Facts], Assessment]:
    def outcome(f: Facts) -> Assessment:
        repeated = f.pain_events >= 2
        stop_side = f.latest.pain_stop_side
        side = f" ({Side(stop_side).side_label.lower()})" if stop_side in ("left", "right") else ""
        head = _(because).format(e=f.latest, side=side, exercise=content(f.exercise.name))
        tail = (_("this is the second time in four weeks, so {advice}").format(advice=THERAPIST_NOW) if repeated
                else str(THERAPIST_IF_REPEATS))
        step = previous_step(f.exercise, f.level)
        new = step.level if step is not None else f.level
        if not new.range_note:
            new = replace(new, range_note=SMALLER_RANGE_NOTE)
        if step is None and new == f.level:
            reason = _("{reason}: {what} is already the easiest level, so {advice}.").format(
                reason=head, what=f.what, advice=THERAPIST_NOW)
            return Assessment(f.exercise.id, rule, reason)
        change = (_("a smaller range and {change}").format(change=step.words) if step is not None
                  else _("a smaller range"))
        reason = _("{reason}: next time {change}; {advice}.").format(reason=head, change=change, advice=tail)
        proposal = Proposal(
            key=f"{f.latest.session_id}:{f.program_id}:{f.exercise.id}", kind=ProposalKind.REGRESS,
            program_id=f.program_id, reason=reason, exercise_id=f.exercise.id, exercise_name=f.exercise.name,
            current=f.level, proposed=new, see_therapist=repeated,
        )
        return Assessment(f.exercise.id, rule, reason, proposal)
    return outcome


@dataclass(frozen=True)
class Rule:
    name: str
    applies: Callable[[Facts], bool]
    outcome: Callable[[Facts], Assessment]


RULES: tuple[Rule, ...] = (
    Rule("pain-stop", lambda f: f.latest.pain_stop_here,
         _regress("pain-stop", N_("Sharp pain stopped {exercise}{side}"))),
    Rule("pain-high", lambda f: f.latest.pain is not None and f.latest.pain >= PAIN_REGRESS,
         _regress("pain-high", N_("Pain {e.pain} of 10 after the session"))),
    Rule("stopped-elsewhere", lambda f: f.latest.session_pain_stop,
         _keep("stopped-elsewhere", N_("The session stopped for pain: keep {what} until a session ends without pain."))),
    Rule("control-no", lambda f: f.latest.control is Control.NO,
         _keep("control-no", N_("The pelvis did not stay neutral: keep {what} and move only as far as the lower back stays flat."))),
    Rule("not-full", lambda f: not f.latest.done_in_full,
         _keep("not-full", N_("{e.sets_done} of {e.target_sets} sets done: keep {what} until every set is done."))),
    Rule("not-rated", lambda f: f.latest.effort is None or f.latest.pain is None,
         _keep("not-rated", N_("Effort and pain were not rated: keep {what}; rate them after the session to get the next step."))),
    Rule("effort-high", lambda f: f.latest.effort is not None and f.latest.effort > EASY_EFFORT,
         _keep("effort-high", N_("Effort {e.effort} of 10: keep {what} until it feels like 7 or less."))),
    Rule("some-pain", lambda f: not no_pain(f.latest),
         _keep("some-pain", N_("Pain {e.pain} of 10: keep {what} until it is done without pain."))),
    Rule("control-mostly", lambda f: f.latest.control is Control.MOSTLY,
         _keep("control-mostly", N_("The pelvis stayed mostly neutral: keep {what} until it stays neutral throughout."))),
    Rule("easy-last-reps",
         lambda f: f.latest.last_reps_hard is False and f.latest.effort is not None and f.latest.effort <= VERY_EASY_EFFORT,
         _progress("easy-last-reps", N_("{what} done with easy last reps, effort 5 or less and no pain"))),
    Rule("done-twice", lambda f: f.previous_at_level is not None and easy(f.previous_at_level),
         _progress("done-twice", N_("{what} done twice with effort 7 or less and no pain"))),
    Rule("done-once", lambda f: True,
         _keep("done-once", N_("{what} done with effort 7 or less and no pain: once more like this, then the next step."))),
)


# --------------------------------------------------------------------------- the engine


def _facts(exercise: Exercise, program_id: str, level: ExerciseLevel, history: ProgramHistory) -> Facts:
    """The facts about *exercise*, which *history* has at least one entry of; reads back only as far as needed."""
    newest = history.newest_first(exercise.id)
    latest = next(newest)
    previous_at_level = None
    since = _parse(level.since) if level.since else None
    for e in newest:
        if since is not None and _cmp_time(e.started) < _cmp_time(since):
            break  # this entry and every older one are from before the level was set
        if _at_level(e, level):
            previous_at_level = e
            break
    window_start = _cmp_time(latest.started) - REPEAT_WINDOW.total_seconds()
    events = 0
    for e in history.newest_first(exercise.id):
        if _cmp_time(e.started) < window_start:
            break  # entries come newest first, so every one from here on is older still
        if _pain_event(e):
            events += 1
    return Facts(exercise, program_id, level, latest, previous_at_level, events)


def assess_exercise(facts: Facts, rules: Sequence[Rule] = RULES) -> Assessment:
    for rule in rules:
        if rule.applies(facts):
            return rule.outcome(facts)
    raise AssertionError("the last rule always applies")


def control_status(program: Program, records: Sequence[Mapping[str, Any]],
                   history: ProgramHistory | None = None) -> tuple[ControlStatus, ...]:
    """Per exercise of *program*: how many of its last CONTROL_SESSIONS sessions showed control.

    *history* is ``ProgramHistory.of(records, program.id)`` when the caller has it already.
    """
    if history is None:
        history = ProgramHistory.of(records, program.id)
    out: list[ControlStatus] = []
    for ex in program.exercises:
        good = 0
        for e in islice(history.newest_first(ex.id), CONTROL_SESSIONS):  # a streak: the most recent, unbroken
            if not (e.done_in_full and e.control is Control.YES and no_pain(e)):
                break
            good += 1
        latest, first = history.latest(ex.id), history.first(ex.id)
        days = (latest.started.date() - first.started.date()).days if latest is not None and first is not None else 0
        out.append(ControlStatus(ex.id, ex.name, good, days))
    return tuple(out)


def _program_proposal(program: Program, control: Sequence[ControlStatus], latest_id: str,
                      available: Sequence[str]) -> Proposal | None:
    if program.id != FOUNDATION_PROGRAM or ADVANCED_PROGRAM not in available or not control:
        return None
    if not all(c.established for c in control):
        return None
    reason = _("Every Foundation exercise was done in full with a neutral pelvis and no pain in the last "
               "{sessions} sessions, over {days} days or more: move on to the Advanced program.").format(
        sessions=CONTROL_SESSIONS, days=CONTROL_MIN_DAYS)
    return Proposal(key=f"{latest_id}:{program.id}:program", kind=ProposalKind.PROGRAM, program_id=program.id,
                    reason=reason, next_program=ADVANCED_PROGRAM)


def propose(program: Program, records: Sequence[Mapping[str, Any]], levels: Mapping[str, ExerciseLevel],
          available_programs: Sequence[str] = (FOUNDATION_PROGRAM, ADVANCED_PROGRAM)) -> Proposals:
    """Assess every exercise of *program* after its latest session in *records*; no session, no advice.

    *program* is the program as written (levels not applied); *levels* are the user's, by exercise id.
    """
    history = ProgramHistory.of(records, program.id)
    if history.latest_record is None:
        return Proposals((), (), control_status(program, records, history))
    latest_id = str(history.latest_record.get("id", ""))
    assessments: list[Assessment] = []
    for ex in program.exercises:
        latest = history.latest(ex.id)
        if latest is None or latest.session_id != latest_id:
            continue  # not reached in the latest session: nothing new to say
        level = level_for(ex, levels)
        assessments.append(assess_exercise(_facts(ex, program.id, level, history)))
    control = control_status(program, records, history)
    proposals = [a.proposal for a in assessments if a.proposal is not None]
    move = _program_proposal(program, control, latest_id, available_programs)
    if move is not None and not any(p.kind is ProposalKind.REGRESS for p in proposals):
        proposals.append(move)
    return Proposals(tuple(assessments), tuple(proposals), control)


def pending(proposals: Sequence[Proposal], decided_keys: Sequence[str] | set[str]) -> list[Proposal]:
    """Proposals the user has not yet accepted or declined."""
    done = set(decided_keys)
    return [p for p in proposals if p.key not in done]
