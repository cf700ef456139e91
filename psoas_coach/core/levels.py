"""Per-exercise levels: how many sets, reps, seconds and which band the user is at, and the ladder between levels.

A level starts at the program's dosage and only changes when the user accepts a proposal
(see progression.py). The ladder follows the article: progress by adding reps up to the top of
the range, then a set, then hold time, then a stronger band; regress by taking the last step back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from psoas_coach.core.program import Dosage, DosageKind, Exercise, Program
from psoas_coach.i18n import N_, LazyText, _, content, lazy, ngettext, number

REP_STEP = 2  # reps added (or removed) per side in one step
HOLD_STEP = 2.0  # seconds added (or removed) to a hold in one step
WORK_STEP = 5.0  # seconds added (or removed) to timed work in one step
MAX_WORK_SECONDS = 40.0
# the most a stored level may ask for: the bounds of a program's dosage (docs/program-format.md), and one set
# more than its most sets (max_sets)
MAX_SETS, MAX_REPS, MAX_HOLD_SECONDS, MAX_WORK_LIMIT = 11, 100, 120.0, 600.0
SMALLER_RANGE_NOTE = "Smaller range: stop well before the point where it hurt."  # kept in English, shown translated
N_(SMALLER_RANGE_NOTE)


class Band(str, Enum):
    """Resistance band strengths, from none to the strongest."""

    NONE = "none"
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    EXTRA_HEAVY = "extra-heavy"

    @property
    def label(self) -> str:
        return str(_BAND_LABELS[self])

    def stronger(self) -> Band | None:
        order = list(Band)
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None

    def weaker(self) -> Band | None:
        order = list(Band)
        i = order.index(self)
        return order[i - 1] if i > 0 else None


_BAND_LABELS = {Band.NONE: lazy("no band"), Band.LIGHT: lazy("light band"), Band.MEDIUM: lazy("medium band"),
                Band.HEAVY: lazy("heavy band"), Band.EXTRA_HEAVY: lazy("extra heavy band")}


@dataclass(frozen=True)
class ExerciseLevel:
    """Where the user is on one exercise of one program. Reps are per side; for holds, reps = holds per set."""

    sets: int
    reps: int = 0
    hold_seconds: float = 0.0
    work_seconds: float = 0.0
    band: Band = Band.NONE
    range_note: str = ""
    since: str = ""  # ISO time the level was set; sessions before it were done at another level

    def to_json(self) -> dict[str, Any]:
        return {
            "sets": self.sets,
            "reps": self.reps,
            "hold_seconds": self.hold_seconds,
            "work_seconds": self.work_seconds,
            "band": self.band.value,
            "range_note": self.range_note,
            "since": self.since,
        }

    @staticmethod
    def from_json(data: Any) -> ExerciseLevel:
        """Read a stored level; ValueError naming the field on a malformed one (a wrong type, a number out of
        the ranges a program may ask for, NaN or infinity), so nothing downstream meets a value it cannot use."""
        if not isinstance(data, dict):
            raise ValueError(_("a level is not an object"))

        def field(key: str, low: float, high: float, default: float | None, whole: bool) -> float:
            value = data.get(key, default)
            if value is None:
                raise ValueError(_("{field} is missing").format(field=key))
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high \
                    or (whole and value != int(value)):
                text = _("{field} must be a whole number from {low} to {high}") if whole else \
                    _("{field} must be a number from {low} to {high}")
                raise ValueError(text.format(field=key, low=number(low), high=number(high)))
            return value

        def text(key: str, longest: int) -> str:
            value = data.get(key, "")
            if not isinstance(value, str) or len(value) > longest:
                raise ValueError(_("{field} is not a text of at most {count} characters").format(field=key, count=longest))
            return value

        band = data.get("band", "none")
        if not isinstance(band, str) or band not in {b.value for b in Band}:
            raise ValueError(_("{field} is not a known band").format(field="band"))
        return ExerciseLevel(
            sets=int(field("sets", 1, MAX_SETS, None, True)),
            reps=int(field("reps", 0, MAX_REPS, 0, True)),
            hold_seconds=float(field("hold_seconds", 0, MAX_HOLD_SECONDS, 0.0, False)),
            work_seconds=float(field("work_seconds", 0, MAX_WORK_LIMIT, 0.0, False)),
            band=Band(band),
            range_note=text("range_note", 500),
            since=text("since", 40),
        )

    def same_load(self, other: ExerciseLevel) -> bool:
        """True when both ask for the same work (the range note and date aside)."""
        return (self.sets, self.reps, self.hold_seconds, self.work_seconds, self.band) == (
            other.sets, other.reps, other.hold_seconds, other.work_seconds, other.band
        )


def default_level(exercise: Exercise) -> ExerciseLevel:
    """The level a new user starts at: the program's dosage, no band, no range note."""
    d = exercise.dosage
    return ExerciseLevel(sets=d.sets, reps=d.reps, hold_seconds=d.hold_seconds, work_seconds=d.work_seconds)


def level_for(exercise: Exercise, levels: Mapping[str, ExerciseLevel]) -> ExerciseLevel:
    return levels.get(exercise.id) or default_level(exercise)


def dosage_words(exercise: Exercise, level: ExerciseLevel) -> str:
    """'3 x 12', '3 x 6 holds of 10 s', '3 x 20 s', with the band when there is one."""
    kind = exercise.dosage.kind
    if kind is DosageKind.REPS:
        text = f"{level.sets} x {level.reps}"
    elif kind is DosageKind.HOLD:
        text = ngettext("{sets} x {holds} hold of {seconds} s", "{sets} x {holds} holds of {seconds} s",
                        level.reps).format(sets=level.sets, holds=level.reps, seconds=number(level.hold_seconds))
    else:
        text = f"{level.sets} x {number(level.work_seconds)} s"
    if level.band is not Band.NONE:
        text += " " + _("with a {band}").format(band=level.band.label)
    return text


# --------------------------------------------------------------------------- the ladder


@dataclass(frozen=True)
class LevelStep:
    """One move on the ladder: the new level and what it means in a few words ('add a fourth set')."""

    level: ExerciseLevel
    words: str


_ADD_SET = {2: lazy("add a second set"), 3: lazy("add a third set"), 4: lazy("add a fourth set"),
            5: lazy("add a fifth set"), 6: lazy("add a sixth set")}
_ADD_ROUND = {2: lazy("add a second round"), 3: lazy("add a third round"), 4: lazy("add a fourth round"),
              5: lazy("add a fifth round"), 6: lazy("add a sixth round")}


def _add(table: dict[int, LazyText], count: int, fallback: str) -> str:
    return str(table[count]) if count in table else fallback.format(count=count)


def _ranges(exercise: Exercise) -> tuple[tuple[int, int], tuple[float, float]]:
    d = exercise.dosage
    reps = d.rep_range or (d.reps, d.reps)
    holds = d.hold_range or (d.hold_seconds, d.hold_seconds)
    return (int(reps[0]), int(reps[1])), (float(holds[0]), float(holds[1]))


def _band_words(old: Band, new: Band) -> str:
    return _("a {band}").format(band=new.label) if old is Band.NONE else \
        _("a stronger band ({band})").format(band=new.label)


def max_sets(exercise: Exercise) -> int:
    """One set more than the program asks for: the article's 3 sets can become 4."""
    return exercise.dosage.sets + 1


def next_step(exercise: Exercise, level: ExerciseLevel) -> LevelStep | None:
    """The next harder level, or None at the top of the ladder."""
    d = exercise.dosage
    (rep_low, rep_high), (hold_low, hold_high) = _ranges(exercise)
    if d.kind is DosageKind.REPS:
        if level.reps < rep_high:
            reps = min(rep_high, level.reps + REP_STEP)
            return LevelStep(replace(level, reps=reps), ngettext("{count} more rep per side", "{count} more reps per side",
                                                                      reps - level.reps).format(count=reps - level.reps))
        if level.sets < max_sets(exercise):
            sets = level.sets + 1
            return LevelStep(replace(level, sets=sets), _add(_ADD_SET, sets, _("add a set ({count} in all)")))
        band = level.band.stronger()
        if band is None:
            return None
        return LevelStep(replace(level, band=band, sets=d.sets, reps=rep_low),
                         _("{band} next time, back to {sets} x {reps}").format(
                             band=_band_words(level.band, band), sets=d.sets, reps=rep_low))
    if d.kind is DosageKind.HOLD:
        if level.hold_seconds < hold_high:
            hold = min(hold_high, level.hold_seconds + HOLD_STEP)
            return LevelStep(replace(level, hold_seconds=hold), _("hold {more} s longer ({seconds} s)").format(
                more=number(hold - level.hold_seconds), seconds=number(hold)))
        band = level.band.stronger()
        if band is None:
            return None
        return LevelStep(replace(level, band=band, hold_seconds=hold_low),
                         _("hold {top} s reached, so {band} next time and holds back to {low} s").format(
                             top=number(hold_high), band=_band_words(level.band, band), low=number(hold_low)))
    if level.work_seconds < MAX_WORK_SECONDS:
        work = min(MAX_WORK_SECONDS, level.work_seconds + WORK_STEP)
        return LevelStep(replace(level, work_seconds=work), _("{more} s more each round ({seconds} s)").format(
            more=number(work - level.work_seconds), seconds=number(work)))
    if level.sets < max_sets(exercise):
        sets = level.sets + 1
        return LevelStep(replace(level, sets=sets), _add(_ADD_ROUND, sets, _("add a round ({count} in all)")))
    return None


def previous_step(exercise: Exercise, level: ExerciseLevel) -> LevelStep | None:
    """One step easier: less band first (the biggest load), then fewer sets above the program's, then
    fewer reps or shorter holds down to the bottom of the range, then fewer sets; None when nothing is left."""
    d = exercise.dosage
    (rep_low, _rep_high), (hold_low, _hold_high) = _ranges(exercise)
    weaker = level.band.weaker()
    if weaker is not None:
        words = _("no band next time") if weaker is Band.NONE else _("a {band} next time").format(band=weaker.label)
        return LevelStep(replace(level, band=weaker), words)
    if level.sets > d.sets:
        return LevelStep(replace(level, sets=level.sets - 1), _("one set fewer ({sets})").format(sets=level.sets - 1))
    if d.kind is DosageKind.REPS and level.reps > rep_low:
        reps = max(rep_low, level.reps - REP_STEP)
        return LevelStep(replace(level, reps=reps), ngettext("{count} fewer rep per side ({reps})",
                                                                    "{count} fewer reps per side ({reps})",
                                                                    level.reps - reps).format(count=level.reps - reps, reps=reps))
    if d.kind is DosageKind.HOLD and level.hold_seconds > hold_low:
        hold = max(hold_low, level.hold_seconds - HOLD_STEP)
        return LevelStep(replace(level, hold_seconds=hold), _("shorter holds ({seconds} s)").format(seconds=number(hold)))
    if d.kind is DosageKind.TIMED and level.work_seconds > WORK_STEP * 2:
        work = level.work_seconds - WORK_STEP
        return LevelStep(replace(level, work_seconds=work), _("shorter rounds ({seconds} s)").format(seconds=number(work)))
    if level.sets > 1:
        return LevelStep(replace(level, sets=level.sets - 1), _("one set fewer ({sets})").format(sets=level.sets - 1))
    return None


# --------------------------------------------------------------------------- applying levels


def apply_level(exercise: Exercise, level: ExerciseLevel) -> Exercise:
    """The exercise as this user does it: the level's dosage, and the band and range note in the setup."""
    d: Dosage = exercise.dosage
    dosage = d._replace(sets=level.sets, reps=level.reps or d.reps, hold_seconds=level.hold_seconds or d.hold_seconds,
                     work_seconds=level.work_seconds or d.work_seconds)
    setup = content(exercise.setup)  # shown as it is built here: in the reader's language
    equipment = exercise.equipment
    if level.band is not Band.NONE:
        setup = f"{setup} " + _("Use a {band}.").format(band=level.band.label)
        if not any("band" in item for item in equipment):
            equipment = (*equipment, "resistance band")
    if level.range_note:
        setup = f"{setup} {content(level.range_note)}"
    return exercise._replace(dosage=dosage, setup=setup, equipment=equipment)


def apply_levels(program: Program, levels: Mapping[str, ExerciseLevel]) -> Program:
    """*program* with the user's levels (keyed by exercise id) applied; exercises without a level keep the program's."""
    if not levels:
        return program
    exercises = tuple(apply_level(ex, levels[ex.id]) if ex.id in levels else ex for ex in program.exercises)
    return program._replace(exercises=exercises)
