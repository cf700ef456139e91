"""Exercises, dosages and programs: the coached content as dataclasses, loaded and validated from JSON.

A broken file never crashes the app: every problem becomes a ProgramError that names the file,
the field and the reason in one sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

from psoas_coach.i18n import N_, _, number
from psoas_coach.package_files import package_folder
from psoas_coach.safe_json import UnsafeJsonError, parse, read_json_file

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 256 * 1024  # a program is a few hundred bytes; the built-in catalogue is under 10 KB
MAX_EXERCISES = 20
MAX_SHOWN = 40  # characters of a bad value quoted in an error line


class ProgramError(ValueError):
    """A program or exercise file is unusable; the message names the file, the field and the reason."""

    def __init__(self, source: str, field_path: str, reason: str) -> None:
        self.source = source
        self.field_path = field_path
        self.reason = reason if len(reason) <= 300 else reason[:299] + "…"
        super().__init__(_("{source}: field '{field}' {reason}.").format(source=source, field=field_path, reason=self.reason))


class Level(str, Enum):
    FOUNDATION = "foundation"
    ADVANCED = "advanced"
    DYNAMIC = "dynamic"


class DosageKind(str, Enum):
    REPS = "reps"  # repetitions paced by a tempo (lift / hold / lower)
    HOLD = "hold"  # isometric holds with a short release between them
    TIMED = "timed"  # dynamic work for a fixed time (mountain climbers, high knees)


class Sides(str, Enum):
    NONE = "none"  # both legs together, or no side at all
    EACH = "each"  # all reps on one side, switch, then the other side
    ALTERNATING = "alternating"  # left and right alternate within one set


class Tempo(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """Seconds for each phase of one repetition."""

    lift: float = 2.0
    hold: float = 1.0
    lower: float = 3.0
    pause: float = 1.0

    @property
    def cycle(self) -> float:
        return self.lift + self.hold + self.lower + self.pause


class Dosage(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """How much of an exercise one session asks for. Reps are counted per side."""

    kind: DosageKind
    sets: int
    reps: int = 0
    rep_range: tuple[int, int] | None = None
    hold_seconds: float = 0.0
    hold_range: tuple[float, float] | None = None
    release_seconds: float = 3.0
    work_seconds: float = 0.0
    tempo: Tempo = Tempo()
    rest_seconds: float = 45.0


class Variant(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """An easier or harder way to do the same exercise (e.g. hanging vs supine)."""

    id: str
    name: str
    setup: str


class Exercise(NamedTuple):  # quicker to define than a dataclass: home's first frame
    id: str
    name: str
    level: Level
    description: str
    setup: str
    cues: tuple[str, ...]
    compensations: tuple[str, ...]
    equipment: tuple[str, ...]
    sides: Sides
    dosage: Dosage
    setup_seconds: float = 15.0
    variants: tuple[Variant, ...] = ()
    default_variant: str | None = None

    @property
    def per_side(self) -> bool:
        return self.sides is not Sides.NONE


class Program(NamedTuple):  # quicker to define than a dataclass: home's first frame
    id: str
    name: str
    description: str
    exercises: tuple[Exercise, ...]
    rest_between_exercises: float = 60.0
    source: str = ""

    def exercise(self, exercise_id: str) -> Exercise:
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        raise KeyError(exercise_id)


# --------------------------------------------------------------------------- parsing helpers


class _Reader:
    """Reads typed fields out of a JSON object, raising ProgramError with a precise field path."""

    def __init__(self, source: str, data: Any, path: str) -> None:
        self.source = source
        self.path = path
        if not isinstance(data, dict):
            raise ProgramError(source, path or _("(top level)"), _("must be an object, not {kind}").format(kind=_type_name(data)))
        self.data: Mapping[str, Any] = data

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, reason: str) -> ProgramError:
        return ProgramError(self.source, self._where(key), reason)

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, default: str | None = None, *, longest: int = 2000) -> str:
        if key not in self.data:
            if default is not None:
                return default
            raise self.fail(key, _("is missing"))
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, _("must be a non-empty text, not {kind}").format(kind=_type_name(value)))
        if len(value.strip()) > longest:
            raise self.fail(key, _("must be at most {limit} characters long, not {length}").format(limit=longest, length=len(value.strip())))
        return value.strip()

    def texts(self, key: str, minimum: int = 0, maximum: int | None = None) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, _("must be a list of texts, not {kind}").format(kind=_type_name(value)))
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise ProgramError(self.source, f"{self._where(key)}[{i}]", _("must be a non-empty text"))
        if len(value) < minimum:
            raise self.fail(key, _("needs at least {minimum} item(s), has {count}").format(minimum=minimum, count=len(value)))
        if maximum is not None and len(value) > maximum:
            raise self.fail(key, _("allows at most {maximum} items, has {count}").format(maximum=maximum, count=len(value)))
        return tuple(item.strip() for item in value)

    def number(self, key: str, default: float | None = None, *, low: float = 0.0, high: float = 3600.0) -> float:
        if key not in self.data:
            if default is not None:
                return default
            raise self.fail(key, _("is missing"))
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, _("must be a number, not {kind}").format(kind=_type_name(value)))
        if not low <= value <= high:  # NaN fails this too
            raise self.fail(key, _("must be between {low} and {high}, not {value}").format(low=number(low), high=number(high), value=_shown_number(value)))
        return float(value)

    def integer(self, key: str, default: int | None = None, *, low: int = 0, high: int = 1000) -> int:
        if key not in self.data:
            if default is not None:
                return default
            raise self.fail(key, _("is missing"))
        value = self.data[key]
        if isinstance(value, float):
            raise self.fail(key, _("must be a whole number, not {kind}").format(kind=_shown_number(value)))
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, _("must be a whole number, not {kind}").format(kind=_type_name(value)))
        if not low <= value <= high:
            raise self.fail(key, _("must be between {low} and {high}, not {value}").format(low=low, high=high, value=_shown_number(value)))
        return value

    def choice(self, key: str, enum: type[Enum], default: Enum | None = None) -> Any:
        if key not in self.data and default is not None:
            return default
        raw = self.text(key)
        try:
            return enum(raw)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum)
            raise self.fail(key, _("must be one of {allowed}, not {value}").format(allowed=allowed, value=_shown(raw))) from None

    def range(self, key: str, *, integer: bool, within: tuple[float, float], holding: float
              ) -> tuple[Any, Any] | None:
        """An optional [low, high] inside *within* that contains *holding* (the dosage's own value)."""
        if key not in self.data:
            return None
        value = self.data[key]
        ok_item = (lambda v: isinstance(v, int) and not isinstance(v, bool)) if integer else (
            lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
        )
        if not (isinstance(value, list) and len(value) == 2 and all(ok_item(v) for v in value)):
            raise self.fail(key, _("must be a list of two whole numbers [low, high]") if integer
                            else _("must be a list of two numbers [low, high]"))
        low, high = value
        if not within[0] <= low <= high <= within[1]:
            raise self.fail(key, _("must go from low to high between {low} and {high}, not [{first}, {second}]").format(
                low=number(within[0]), high=number(within[1]), first=_shown_number(low), second=_shown_number(high)))
        if not low <= holding <= high:
            raise self.fail(key, _("must contain the dosage's own {value}, not [{low}, {high}]").format(
                value=number(holding), low=number(low), high=number(high)))
        return (low, high)

    def child(self, key: str) -> _Reader:
        if key not in self.data:
            raise self.fail(key, _("is missing"))
        return _Reader(self.source, self.data[key], self._where(key))

    def items(self, key: str, most: int = 1000) -> list[_Reader]:
        value = self.data.get(key)
        if not isinstance(value, list):
            raise self.fail(key, _("must be a list, not {kind}").format(kind=_type_name(value)))
        if len(value) > most:
            raise self.fail(key, _("allows at most {maximum} items, has {count}").format(maximum=most, count=len(value)))
        return [_Reader(self.source, item, f"{self._where(key)}[{i}]") for i, item in enumerate(value)]


def _shown(value: Any) -> str:
    """*value* as quoted in an error line: its repr, cut to MAX_SHOWN characters."""
    text = repr(value[: MAX_SHOWN + 1] if isinstance(value, str) else value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _shown_number(value: float) -> str:
    """A number of the user's file as it is written there (99999, 0.5, 1e300), not as the language writes it."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return _("infinity") if value > 0 else _("minus infinity")
    if isinstance(value, int) and abs(value) >= 10**15:
        return _("a huge number")
    return repr(value).replace("e+", "e")


def _type_name(value: Any) -> str:
    if value is None:
        return _("nothing (null)")
    names = {bool: N_("true/false"), int: N_("a number"), float: N_("a number"), str: N_("a text"), list: N_("a list"),
             dict: N_("an object")}
    return _(names[type(value)]) if type(value) in names else type(value).__name__


def _parse_tempo(r: _Reader) -> Tempo:
    tempo = Tempo(
        lift=r.number("lift", 2.0, low=0.5, high=10),
        hold=r.number("hold", 0.0, low=0, high=30),
        lower=r.number("lower", 3.0, low=0.5, high=10),
        pause=r.number("pause", 1.0, low=0, high=10),
    )
    return tempo


def _parse_dosage(r: _Reader) -> Dosage:
    kind: DosageKind = r.choice("kind", DosageKind)
    sets = r.integer("sets", low=1, high=10)
    rest = r.number("rest_seconds", 45.0, low=5, high=600)
    if kind is DosageKind.REPS:
        reps = r.integer("reps", low=1, high=100)
        rep_range = r.range("rep_range", integer=True, within=(1, 100), holding=reps)
        tempo = _parse_tempo(r.child("tempo")) if r.has("tempo") else Tempo()
        return Dosage(kind, sets, reps=reps, rep_range=rep_range, tempo=tempo, rest_seconds=rest)
    if kind is DosageKind.HOLD:
        reps = r.integer("reps", low=1, high=30)
        hold = r.number("hold_seconds", low=1, high=120)
        return Dosage(
            kind,
            sets,
            reps=reps,
            rep_range=r.range("rep_range", integer=True, within=(1, 30), holding=reps),
            hold_seconds=hold,
            hold_range=r.range("hold_range", integer=False, within=(1, 120), holding=hold),
            release_seconds=r.number("release_seconds", 3.0, low=1, high=60),
            rest_seconds=rest,
        )
    return Dosage(kind, sets, work_seconds=r.number("work_seconds", low=5, high=600), rest_seconds=rest)


def _parse_exercise(r: _Reader) -> Exercise:
    variants = tuple(
        Variant(id=v.text("id"), name=v.text("name"), setup=v.text("setup")) for v in (r.items("variants") if r.has("variants") else [])
    )
    default_variant = r.text("default_variant") if r.has("default_variant") else None
    if default_variant is not None and default_variant not in {v.id for v in variants}:
        raise r.fail("default_variant", _("names no variant of this exercise: {value}").format(value=_shown(default_variant)))
    return Exercise(
        id=r.text("id"),
        name=r.text("name"),
        level=r.choice("level", Level),
        description=r.text("description"),
        setup=r.text("setup"),
        cues=r.texts("cues", minimum=2, maximum=5),
        compensations=r.texts("compensations", minimum=1),
        equipment=r.texts("equipment"),
        sides=r.choice("sides", Sides),
        dosage=_parse_dosage(r.child("dosage")),
        setup_seconds=r.number("setup_seconds", 15.0, low=0, high=120),
        variants=variants,
        default_variant=default_variant,
    )


def parse_exercises(data: Any, source: str) -> dict[str, Exercise]:
    """Parse an exercise catalogue: {"schema_version": 1, "exercises": [...]}."""
    root = _Reader(source, data, "")
    exercises: dict[str, Exercise] = {}
    for item in root.items("exercises"):
        ex = _parse_exercise(item)
        if ex.id in exercises:
            raise ProgramError(source, f"{item.path}.id", _("repeats the id {id}").format(id=repr(ex.id)))
        exercises[ex.id] = ex
    return exercises


def parse_program(data: Any, source: str, catalogue: Mapping[str, Exercise]) -> Program:
    """Parse a program; its exercises refer to the catalogue by id and may override the dosage."""
    r = _Reader(source, data, "")
    if r.has("schema_version"):
        version = r.data["schema_version"]
        if isinstance(version, bool) or not isinstance(version, int) or version != SCHEMA_VERSION:
            shown = _shown_number(version) if isinstance(version, (int, float)) and not isinstance(version, bool) \
                else _type_name(version)
            raise r.fail("schema_version", _("must be {version} (the format this app reads), not {value}").format(
                version=SCHEMA_VERSION, value=shown))
    exercises: list[Exercise] = []
    for item in r.items("exercises", most=MAX_EXERCISES):
        ex_id = item.text("id", longest=64)
        if ex_id not in catalogue:
            known = ", ".join(sorted(catalogue))
            raise ProgramError(source, f"{item.path}.id", _("names an unknown exercise {value} (known: {known})").format(
                value=_shown(ex_id), known=known))
        ex = catalogue[ex_id]
        if item.has("dosage"):
            ex = ex._replace(dosage=_parse_dosage(item.child("dosage")))
        if item.has("variant"):
            variant = item.text("variant", longest=64)
            if variant not in {v.id for v in ex.variants}:
                raise item.fail("variant", _("names no variant of {exercise}: {value}").format(exercise=repr(ex_id), value=_shown(variant)))
            ex = ex._replace(default_variant=variant)
        exercises.append(ex)
    if not exercises:
        raise r.fail("exercises", _("needs at least one exercise"))
    return Program(
        id=r.text("id", longest=64),
        name=r.text("name", longest=80),
        description=r.text("description", longest=1000),
        exercises=tuple(exercises),
        rest_between_exercises=r.number("rest_between_exercises", 60.0, low=5, high=600),
        source=source,
    )


# --------------------------------------------------------------------------- loading


class ProgramLibrary(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """Every program the app can offer, with the problems found in files that could not be loaded."""

    programs: tuple[Program, ...]
    problems: tuple[ProgramError, ...] = ()

    def get(self, program_id: str) -> Program:
        for p in self.programs:
            if p.id == program_id:
                return p
        raise KeyError(program_id)

    def ids(self) -> list[str]:
        return [p.id for p in self.programs]

    def problems_notice(self) -> str | None:
        """One short line about the skipped files for home: the whole sentence for one file, a count and
        the first file's name for several (``psoas-coach programs list`` names every one)."""
        if not self.problems:
            return None
        if len(self.problems) == 1:
            return _("A program file was skipped: {problem}").format(problem=self.problems[0])
        first = Path(self.problems[0].source).name
        first = first if len(first) <= MAX_SHOWN else first[: MAX_SHOWN - 1] + "…"
        return _("{count} program files were skipped ({first} and {more} more); {command} says why for each.").format(
            count=len(self.problems), first=first, more=len(self.problems) - 1, command="`psoas-coach programs list`")


def _with_position(exc: UnsafeJsonError) -> str:
    """A program file is written by hand: bad JSON is named with where it goes wrong."""
    return f"{exc.reason} ({exc.where})" if exc.where else exc.reason


def _read_json(text: str, source: str) -> Any:
    try:
        return parse(text)
    except UnsafeJsonError as exc:
        raise ProgramError(source, _("(file)"), _with_position(exc)) from None


def load_catalogue() -> dict[str, Exercise]:
    """The built-in exercise catalogue (package data). A broken built-in raises ProgramError."""
    ref = package_folder("psoas_coach.data").joinpath("exercises.json")
    return parse_exercises(_read_json(ref.read_text(encoding="utf-8"), "built-in exercises.json"), "built-in exercises.json")


def load_program_file(path: Path, catalogue: Mapping[str, Exercise]) -> Program:
    """One user program file: only a regular file of at most MAX_FILE_BYTES is read (a FIFO, a device or a
    link is refused at once, never waited on); every problem is a ProgramError."""
    source = str(path)
    try:
        data = read_json_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise ProgramError(source, _("(file)"), _("cannot be read (there is no such file)")) from None
    except UnsafeJsonError as exc:
        raise ProgramError(source, _("(file)"), _with_position(exc)) from None
    return parse_program(data, source, catalogue)


def load_library(user_dirs: Sequence[Path] = ()) -> ProgramLibrary:
    """Built-in programs, then user programs from *user_dirs*; a bad user file is reported, not fatal."""
    catalogue = load_catalogue()
    programs: list[Program] = []
    problems: list[ProgramError] = []
    builtin = package_folder("psoas_coach.data").joinpath("programs")
    for entry in sorted(builtin.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            source = f"built-in programs/{entry.name}"
            programs.append(parse_program(_read_json(entry.read_text(encoding="utf-8"), source), source, catalogue))
    seen = {p.id for p in programs}
    for folder in user_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            try:
                program = load_program_file(path, catalogue)
            except ProgramError as exc:
                problems.append(exc)
                continue
            if program.id in seen:
                problems.append(ProgramError(str(path), "id", _("repeats the id {id} of another program").format(id=repr(program.id))))
                continue
            seen.add(program.id)
            programs.append(program)
    return ProgramLibrary(tuple(programs), tuple(problems))
