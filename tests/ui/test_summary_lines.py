"""The summary's line per side counts in the language's plural forms ("1 rep", "2 reps", "1 hold")."""

from __future__ import annotations

import pytest

from psoas_coach import i18n
from psoas_coach.core.summary import ExerciseTotals, SideTotals
from psoas_coach.ui.screens.summary import side_lines


def _totals(kind: str, side: SideTotals) -> ExerciseTotals:
    return ExerciseTotals("supine-marching", "Supine Marching", kind, 3, 10, 5.0, {"left": side})


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


def test_one_rep_and_one_hold_are_singular() -> None:
    assert side_lines(_totals("reps", SideTotals(sets_completed=0, reps=1))) == ["left: 0/3 sets, 1 rep"]
    assert side_lines(_totals("reps", SideTotals(sets_completed=1, reps=10))) == ["left: 1/3 sets, 10 reps"]
    assert side_lines(_totals("hold", SideTotals(holds=1, hold_seconds=5.0))) == ["left: 0/3 sets, 1 hold, 5 s held"]
    assert side_lines(_totals("hold", SideTotals(holds=2, hold_seconds=10.0))) == ["left: 0/3 sets, 2 holds, 10 s held"]


def test_french_uses_its_own_plural_rule() -> None:
    i18n.set_language("fr")
    one, two = (side_lines(_totals("hold", SideTotals(holds=n, hold_seconds=5.0)))[0] for n in (1, 2))
    assert "1 maintien," in one and "2 maintiens," in two
