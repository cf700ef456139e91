"""The rule engine over scripted histories: each row is a history and the proposal the article implies."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import pytest

from psoas_coach.core.levels import SMALLER_RANGE_NOTE, Band, ExerciseLevel, apply_levels, default_level
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.core.progression import (
    CONTROL_MIN_DAYS,
    CONTROL_SESSIONS,
    ProposalKind,
    control_status,
    pending,
    propose,
)
from tests.coaching_history import record

MONDAY = date(2026, 3, 2)


@dataclass(frozen=True)
class Case:
    name: str
    sessions: list[dict[str, Any]]  # keyword arguments of record(); "day" is an offset from MONDAY
    exercise: str
    rule: str
    reason: str  # a fragment of the one-sentence reason
    proposed: dict[str, Any] | None = None  # fields of the proposed level, or None for no proposal
    level: dict[str, Any] = field(default_factory=dict)  # the user's level for *exercise* before
    therapist: bool = False


CASES = [
    Case("one easy session: once more", [dict(day=0)], "supine-marching", "done-once",
         "3 x 10 done with effort 7 or less and no pain: once more like this, then the next step."),
    Case("two easy sessions: two more reps", [dict(day=0), dict(day=2)], "supine-marching", "done-twice",
         "3 x 10 done twice with effort 7 or less and no pain: 2 more reps per side.", {"reps": 12}),
    Case("3 x 12 twice: a fourth set (the issue's example)", [dict(day=0), dict(day=2, effort=7)],
         "standing-hip-flexion", "done-twice",
         "3 x 12 done twice with effort 7 or less and no pain: add a fourth set.", {"sets": 4, "reps": 12},
         level={"reps": 12}),
    Case("hold 10 s reached: a band", [dict(day=0), dict(day=3)], "straight-leg-raise", "done-twice",
         "hold 10 s reached, so a light band next time", {"band": Band.LIGHT, "hold_seconds": 5.0},
         level={"hold_seconds": 10.0}),
    Case("shorter holds grow first", [dict(day=0), dict(day=3)], "straight-leg-raise", "done-twice",
         "hold 2 s longer (7 s)", {"hold_seconds": 7.0}),
    Case("four sets at the top of the range: a band, back to three sets", [dict(day=0), dict(day=2)],
         "standing-hip-flexion", "done-twice", "a light band next time, back to 3 x 6",
         {"band": Band.LIGHT, "sets": 3, "reps": 6}, level={"sets": 4, "reps": 12}),
    Case("strongest band at the top: keep", [dict(day=0), dict(day=2)], "standing-hip-flexion", "top",
         "top of this exercise's ladder", None, level={"sets": 4, "reps": 12, "band": Band.EXTRA_HEAVY}),
    Case("easy last reps and low effort: progress after one session", [dict(day=0, effort=4, hard=False)],
         "supine-marching", "easy-last-reps", "easy last reps, effort 5 or less and no pain: 2 more reps", {"reps": 12}),
    Case("easy last reps but effort 6: wait for a second session", [dict(day=0, effort=6, hard=False)],
         "supine-marching", "done-once", "once more like this"),
    Case("effort 8: keep", [dict(day=0, effort=8), dict(day=2, effort=8)], "supine-marching", "effort-high",
         "Effort 8 of 10: keep 3 x 10 until it feels like 7 or less."),
    Case("one hard session between easy ones: not twice in a row", [dict(day=0), dict(day=2, effort=9), dict(day=4)],
         "supine-marching", "done-once", "once more"),
    Case("pain 2: keep", [dict(day=0), dict(day=2, pain=2)], "supine-marching", "some-pain", "Pain 2 of 10"),
    Case("pain 5: regress with a smaller range", [dict(day=0, pain=5)], "supine-marching", "pain-high",
         "Pain 5 of 10 after the session: next time a smaller range and one set fewer (2); if it happens again, "
         "see a physical therapist.", {"sets": 2, "range_note": SMALLER_RANGE_NOTE}),
    Case("pain 4 on a banded level: the band goes first", [dict(day=0, pain=4)], "standing-hip-flexion", "pain-high",
         "a light band next time", {"band": Band.LIGHT, "sets": 3, "reps": 8},
         level={"band": Band.MEDIUM}),
    Case("pain stop: regress that exercise, with the side", [dict(day=0, pain_stop=("straight-leg-raise", "left"), pain=6)],
         "straight-leg-raise", "pain-stop", "Sharp pain stopped Controlled Straight Leg Raise (left side)",
         {"sets": 2, "range_note": SMALLER_RANGE_NOTE}),
    Case("pain stop elsewhere: keep the exercise done before it",
         [dict(day=0, pain_stop=("straight-leg-raise", "left"), pain=2)], "supine-marching", "stopped-elsewhere",
         "The session stopped for pain"),
    Case("pain stop again within four weeks: see a physical therapist",
         [dict(day=0, pain_stop=("straight-leg-raise", "right")), dict(day=9),
          dict(day=20, pain_stop=("straight-leg-raise", "left"))],
         "straight-leg-raise", "pain-stop", "second time in four weeks, so see a physical therapist before going on",
         {"sets": 2}, therapist=True),
    Case("pain stops five weeks apart: not a repeat",
         [dict(day=0, pain_stop=("straight-leg-raise", "right")), dict(day=35, pain_stop=("straight-leg-raise", "left"))],
         "straight-leg-raise", "pain-stop", "if it happens again", {"sets": 2}),
    Case("easiest level and pain again: no lower, see a therapist", [dict(day=0, pain=6)], "supine-marching",
         "pain-high", "already the easiest level, so see a physical therapist", None,
         level={"sets": 1, "range_note": SMALLER_RANGE_NOTE}),
    Case("pelvis not neutral: keep", [dict(day=0), dict(day=2, control="no")], "supine-marching", "control-no",
         "The pelvis did not stay neutral"),
    Case("pelvis mostly neutral: keep", [dict(day=0), dict(day=2, control="mostly")], "supine-marching",
         "control-mostly", "mostly neutral"),
    Case("pelvis mostly neutral before: not twice", [dict(day=0, control="mostly"), dict(day=2)], "supine-marching",
         "done-once", "once more"),
    Case("sets missed: keep", [dict(day=0), dict(day=2, sets_done={"supine-marching": 2})], "supine-marching",
         "not-full", "2 of 3 sets done: keep 3 x 10 until every set is done."),
    Case("no ratings: keep, and say why", [dict(day=0, effort=None), dict(day=2, effort=None)], "supine-marching",
         "not-rated", "rate them after the session"),
    Case("ratings not asked per exercise: the twice rule still applies", [dict(day=0, control=None, hard=None),
                                                                           dict(day=2, control=None, hard=None)],
         "supine-marching", "done-twice", "done twice", {"reps": 12}),
    Case("timed work grows by five seconds", [dict(day=0), dict(day=2)], "mountain-climbers", "done-twice",
         "3 x 20 s done twice with effort 7 or less and no pain: 5 s more each round (25 s).", {"work_seconds": 25.0}),
]


def _level(program: Program, exercise_id: str, fields: dict[str, Any]) -> ExerciseLevel:
    return replace(default_level(program.exercise(exercise_id)), **fields)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rules_over_scripted_histories(library: ProgramLibrary, case: Case) -> None:
    program_id = "advanced" if case.exercise == "mountain-climbers" else "foundation"
    program = library.get(program_id)
    levels = {case.exercise: _level(program, case.exercise, case.level)} if case.level else {}
    history = []
    for session in case.sessions:
        kwargs = dict(session)
        day = MONDAY + timedelta(days=kwargs.pop("day"))
        history.append(record(program, day, levels=levels, **kwargs))
    result = propose(program, history, levels)
    found = {a.exercise_id: a for a in result.assessments}
    assert case.exercise in found, result.assessments
    assessment = found[case.exercise]
    assert assessment.rule == case.rule, assessment.reason
    assert case.reason in assessment.reason
    assert re.search(r"\. [A-Z]", assessment.reason) is None, "one sentence"
    assert assessment.reason.endswith(".") and "\n" not in assessment.reason
    if case.proposed is None:
        assert assessment.proposal is None
        return
    proposal = assessment.proposal
    assert proposal is not None and proposal.reason == assessment.reason
    assert proposal.kind is (ProposalKind.REGRESS if case.rule.startswith("pain") else ProposalKind.PROGRESS)
    assert proposal.see_therapist is case.therapist
    assert proposal.proposed is not None
    for key, value in case.proposed.items():
        assert getattr(proposal.proposed, key) == value, key


def test_no_history_no_advice(library: ProgramLibrary) -> None:
    result = propose(library.get("foundation"), [], {})
    assert result.assessments == () and result.proposals == ()


def test_exercise_not_reached_in_the_latest_session_gets_no_advice(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    history = [record(program, MONDAY), record(program, MONDAY + timedelta(days=2),
                                               pain_stop=("straight-leg-raise", "left"), pain=3)]
    ids = {a.exercise_id for a in propose(program, history, {}).assessments}
    assert "standing-hip-flexion" not in ids


def test_sessions_before_a_level_change_do_not_count(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    old: dict[str, ExerciseLevel] = {}
    history = [record(program, MONDAY, levels=old), record(program, MONDAY + timedelta(days=2), levels=old)]
    new_level = replace(default_level(program.exercise("supine-marching")), reps=12,
                        since=history[-1]["ended"])
    levels = {"supine-marching": new_level}
    history.append(record(program, MONDAY + timedelta(days=4), levels=levels))
    found = {a.exercise_id: a for a in propose(program, history, levels).assessments}
    assert found["supine-marching"].rule == "done-once"
    assert found["supine-marching"].reason.startswith("3 x 12 done")


def test_pending_drops_decided_proposals(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    history = [record(program, MONDAY), record(program, MONDAY + timedelta(days=2))]
    proposals = propose(program, history, {}).proposals
    assert len(proposals) == 3
    assert len({p.key for p in proposals}) == 3
    assert pending(proposals, {proposals[0].key}) == list(proposals[1:])


def _weeks_of_foundation(library: ProgramLibrary, days: list[int], **kwargs: Any) -> list[dict[str, Any]]:
    program = library.get("foundation")
    return [record(program, MONDAY + timedelta(days=d), **kwargs) for d in days]


def test_foundation_to_advanced_needs_control_everywhere_for_two_weeks(library: ProgramLibrary) -> None:
    foundation = library.get("foundation")
    too_soon = _weeks_of_foundation(library, [0, 2, 4, 7])
    assert not any(p.kind is ProposalKind.PROGRAM for p in propose(foundation, too_soon, {}).proposals)
    status = control_status(foundation, too_soon)
    assert all(s.good_sessions == CONTROL_SESSIONS and not s.established for s in status)
    assert "7 of 14 days" in status[0].text

    enough = _weeks_of_foundation(library, [0, 2, 4, 7, 9, 11, 14])
    move = [p for p in propose(foundation, enough, {}).proposals if p.kind is ProposalKind.PROGRAM]
    assert len(move) == 1 and move[0].next_program == "advanced"
    assert "neutral pelvis" in move[0].reason and f"{CONTROL_MIN_DAYS} days" in move[0].reason

    one_wobble = enough[:-1] + [record(foundation, MONDAY + timedelta(days=14), control="mostly")]
    assert not any(p.kind is ProposalKind.PROGRAM for p in propose(foundation, one_wobble, {}).proposals)
    wobbly = {s.exercise_id: s for s in control_status(foundation, one_wobble)}
    assert wobbly["supine-marching"].good_sessions == 0


def test_simulated_weeks_follow_the_article(library: ProgramLibrary) -> None:
    """Three easy sessions a week, every proposal accepted: the ladder climbs reps, then a set, then a band,
    and the move to Advanced comes once control has held for two weeks."""
    foundation = library.get("foundation")
    levels: dict[str, ExerciseLevel] = {}
    history: list[dict[str, Any]] = []
    seen: list[str] = []
    moved_on = None
    for week in range(6):
        for weekday in (0, 2, 4):
            day = MONDAY + timedelta(days=week * 7 + weekday)
            history.append(record(foundation, day, levels=levels, effort=6))
            advice = propose(foundation, history, levels)
            for p in advice.proposals:
                if p.kind is ProposalKind.PROGRAM:
                    moved_on = moved_on or day
                    continue
                assert p.exercise_id is not None and p.proposed is not None
                levels[p.exercise_id] = replace(p.proposed, since=history[-1]["ended"])
                if p.exercise_id == "standing-hip-flexion":
                    seen.append(p.reason.split(": ", 1)[1])
    assert seen[:4] == ["2 more reps per side.", "2 more reps per side.", "add a fourth set.",
                        "a light band next time, back to 3 x 6."]
    assert levels["straight-leg-raise"].hold_seconds > 5
    assert moved_on == MONDAY + timedelta(days=14)
    # the levels are what the next session asks for
    planned = apply_levels(foundation, levels)
    assert planned.exercise("standing-hip-flexion").dosage.sets == levels["standing-hip-flexion"].sets
    assert "band" in planned.exercise("standing-hip-flexion").setup


def test_sessions_before_the_level_was_set_do_not_count_even_at_the_same_dosage(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    history = [record(program, MONDAY), record(program, MONDAY + timedelta(days=2))]
    levels = {"supine-marching": replace(default_level(program.exercise("supine-marching")),
                                         since=history[-1]["ended"])}
    history.append(record(program, MONDAY + timedelta(days=4), levels=levels))
    found = {a.exercise_id: a for a in propose(program, history, levels).assessments}
    assert found["supine-marching"].rule == "done-once"
    assert found["standing-hip-flexion"].rule == "done-twice"  # no level set: the earlier sessions count


def test_a_pain_stop_exactly_four_weeks_before_is_a_repeat(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    stop = ("straight-leg-raise", "left")
    for days, repeated in ((28, True), (29, False)):
        history = [record(program, MONDAY, pain_stop=stop), record(program, MONDAY + timedelta(days=10)),
                   record(program, MONDAY + timedelta(days=days), pain_stop=stop)]
        found = {a.exercise_id: a for a in propose(program, history, {}).assessments}
        proposal = found["straight-leg-raise"].proposal
        assert proposal is not None and proposal.see_therapist is repeated, days


def test_control_status_counts_an_exercise_skipped_lately(library: ProgramLibrary) -> None:
    foundation = library.get("foundation")
    history = _weeks_of_foundation(library, [0, 2, 4, 7, 9])
    history += [record(foundation, MONDAY + timedelta(days=d), only=("supine-marching",)) for d in (11, 14, 16)]
    status = {s.exercise_id: s for s in control_status(foundation, list(reversed(history)))}
    assert (status["supine-marching"].good_sessions, status["supine-marching"].days_trained) == (4, 16)
    assert (status["standing-hip-flexion"].good_sessions, status["standing-hip-flexion"].days_trained) == (4, 9)
    assert propose(foundation, history, {}).control == tuple(status.values())


def test_coaching_reads_only_the_recent_sessions(library: ProgramLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long history: the rules look back four weeks, four sessions and to the first day, no further; sessions
    from before a level was set end the search for an earlier session at that level."""
    import psoas_coach.core.program_history as program_history

    foundation = library.get("foundation")
    history = [record(foundation, MONDAY + timedelta(days=10 * n)) for n in range(30)]
    levels = {ex.id: replace(default_level(ex), since=history[-1]["started"]) for ex in foundation.exercises}
    read: list[str] = []
    real = program_history.read_entries

    def counting(rec: Any, started: Any) -> Any:
        read.append(rec["id"])
        return real(rec, started)

    monkeypatch.setattr(program_history, "read_entries", counting)
    result = propose(foundation, history, levels)
    assert {a.rule for a in result.assessments} == {"done-once"}
    assert sorted(read) == sorted(r["id"] for r in history[:1] + history[-4:])  # each read once
