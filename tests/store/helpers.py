"""Session records for store tests: one real record from a finished engine, copied under new ids."""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import load_library
from psoas_coach.store.records import session_record
from tests.fakes import FakeClock


@lru_cache(maxsize=1)
def _template() -> dict[str, Any]:
    clock = FakeClock()
    engine = SessionEngine(build_plan(load_library().get("foundation")), clock)
    engine.start()
    engine.next()
    for _ in range(6):
        clock.advance(20)
        engine.update()
    engine.end_early()
    assert engine.result is not None
    return session_record(engine.result, session_id="template", effort=5, pain=1, notes="")


def make_record(n: int, **changes: Any) -> dict[str, Any]:
    """Session number *n*: a unique id and a start time one day after session n - 1."""
    record = copy.deepcopy(_template())
    day = 1 + n % 28
    month = 1 + (n // 28) % 12
    year = 2026 + n // (28 * 12)
    record["id"] = f"00000000-0000-4000-8000-{n:012d}"
    record["started"] = f"{year}-{month:02d}-{day:02d}T07:30:00+01:00"
    record["ended"] = f"{year}-{month:02d}-{day:02d}T07:50:00+01:00"
    record["updated"] = f"{year}-{month:02d}-{day:02d}T07:50:00.000+01:00"
    record.update(changes)
    return record
