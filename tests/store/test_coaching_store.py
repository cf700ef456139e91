"""coaching.json: decisions change levels only when accepted, the file survives damage, and writes are rare."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from psoas_coach.core import coaching
from psoas_coach.core.levels import Band, ExerciseLevel
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.core.progression import ProposalKind, pending, propose
from psoas_coach.store.coaching_store import CoachingStore, CoachingStoreError
from tests.coaching_history import record

AT = "2026-03-04T19:00:00+00:00"


def _proposals(library: ProgramLibrary) -> list:
    program = library.get("foundation")
    history = [record(program, date(2026, 3, 2)), record(program, date(2026, 3, 4))]
    return list(propose(program, history, {}).proposals)


def test_fresh_store_has_defaults(tmp_path: Path) -> None:
    state = CoachingStore(tmp_path).load()
    assert state.safety_accepted is None and state.current_program is None and not state.levels
    assert not (tmp_path / "coaching.json").exists()


def test_accept_changes_the_level_decline_does_not(tmp_path: Path, library: ProgramLibrary) -> None:
    store = CoachingStore(tmp_path)
    first, second, _ = _proposals(library)
    store.update(coaching.decide, first, True, AT)
    state = store.update(coaching.decide, second, False, AT)
    assert state.levels_for("foundation")[first.exercise_id].reps == first.proposed.reps
    assert first.proposed is not None and state.levels_for("foundation")[first.exercise_id].since == AT
    assert second.exercise_id not in state.levels_for("foundation")
    reread = CoachingStore(tmp_path).load()
    assert reread.levels == state.levels
    assert [d.accepted for d in reread.decisions] == [True, False]
    assert pending(_proposals(library), reread.decided_keys()) == [_proposals(library)[2]]


def test_deciding_twice_keeps_the_first_answer(tmp_path: Path, library: ProgramLibrary) -> None:
    store = CoachingStore(tmp_path)
    first = _proposals(library)[0]
    store.update(coaching.decide, first, False, AT)
    state = store.update(coaching.decide, first, True, AT)
    assert len(state.decisions) == 1 and not state.decisions[0].accepted and not state.levels


def test_program_move_sets_the_current_program(tmp_path: Path) -> None:
    from psoas_coach.core.progression import Proposal

    move = Proposal(key="s1:foundation:program", kind=ProposalKind.PROGRAM, program_id="foundation",
                    reason="Move on.", next_program="advanced")
    assert CoachingStore(tmp_path).update(coaching.decide, move, True, AT).current_program == "advanced"


def test_safety_is_accepted_once_and_kept(tmp_path: Path) -> None:
    store = CoachingStore(tmp_path)
    store.update(coaching.accept_safety, AT)
    store.update(coaching.accept_safety, "2027-01-01T00:00:00+00:00")
    assert CoachingStore(tmp_path).load().safety_accepted == AT


def test_range_note_setting(tmp_path: Path, library: ProgramLibrary) -> None:
    ex = library.get("foundation").exercise("supine-marching")
    store = CoachingStore(tmp_path)
    state = store.update(coaching.set_range_note, "foundation", ex, "  Knee only  to hip height. ")
    assert state.levels_for("foundation")["supine-marching"].range_note == "Knee only to hip height."
    assert state.levels_for("foundation")["supine-marching"].reps == ex.dosage.reps


def test_no_rewrite_when_nothing_changes(tmp_path: Path) -> None:
    store = CoachingStore(tmp_path)
    store.update(coaching.accept_safety, AT)
    path = tmp_path / "coaching.json"
    os.utime(path, (1, 1))
    store.update(coaching.accept_safety, AT)
    assert path.stat().st_mtime == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_file_is_private(tmp_path: Path) -> None:
    CoachingStore(tmp_path / "data").update(coaching.accept_safety, AT)
    assert (tmp_path / "data" / "coaching.json").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", ["{", "[]", '{"levels": {"foundation": {"supine-marching": {"sets": 0}}}}',
                                     '{"decisions": [{"no-key": 1}]}', '{"levels": 3}'])
def test_damaged_file_is_moved_aside_and_defaults_used(tmp_path: Path, content: str) -> None:
    (tmp_path / "coaching.json").write_text(content, encoding="utf-8")
    store = CoachingStore(tmp_path)
    state = store.load()
    assert not state.levels and len(store.problems) == 1
    assert "moved to coaching.json.corrupt-" in store.problems[0]
    assert [p.name for p in tmp_path.glob("coaching.json.corrupt-*")]
    store.update(coaching.accept_safety, AT)  # and the app goes on
    assert CoachingStore(tmp_path).load().safety_accepted == AT


def test_newer_file_is_read_but_never_rewritten(tmp_path: Path) -> None:
    level = ExerciseLevel(sets=4, reps=12, band=Band.LIGHT)
    data = {"schema_version": 99, "levels": {"foundation": {"supine-marching": level.to_json()}}, "future": True}
    (tmp_path / "coaching.json").write_text(json.dumps(data), encoding="utf-8")
    store = CoachingStore(tmp_path)
    assert store.load().levels_for("foundation")["supine-marching"] == level
    with pytest.raises(CoachingStoreError) as err:
        store.update(coaching.accept_safety, AT)
    assert "newer Psoas Coach" in str(err.value) and "\n" not in str(err.value)
    assert json.loads((tmp_path / "coaching.json").read_text(encoding="utf-8"))["future"] is True


def test_unwritable_place_gives_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(CoachingStoreError) as err:
        CoachingStore(blocker).update(coaching.accept_safety, AT)
    message = str(err.value)
    assert message.startswith("Could not save your coaching settings") and message.endswith(".")
    assert "\n" not in message
