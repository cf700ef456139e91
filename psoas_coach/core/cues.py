"""What to say when: the cue timeline of one session step, fitted to the known length of each clip.

A step's script is a list of candidate cues. Anchored cues belong at one moment (the opening line,
the countdown numbers, a rep's "lift"); each has shorter alternatives for when the long one does not
fit. Form cues float: they are spread through the step and dropped when no gap is long enough.
Fitting guarantees, in session seconds: no two cues overlap, no cue runs past the end of its step,
and no cue other than a countdown number overlaps the final countdown. Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from psoas_coach.core.plan import SessionPlan, Step, StepKind, lifts_in_set
from psoas_coach.core.program import Exercise
from psoas_coach.i18n import _, content, current_language, lazy, ngettext, number

GAP = 0.15  # real seconds of silence kept between two cues
# Clip length before a clip is rendered (then the measured length is used): CLIP_BASE + units x
# SECONDS_PER_UNIT[language] x (175 / rate), the last factor to the power SLOW_EXPONENT below 175. A unit is a
# character; a digit counts DIGIT_UNITS ("45": "fünfundvierzig"), a pause mark inside the text PAUSE_UNITS, the
# closing mark none. Measured with scripts/measure_cue_lengths.py: all 571 cues of both built-in programs in
# the seven languages, espeak-ng 1.51 through pyttsx3 at 175, trimmed by clip_audio, length by sox. Best fit
# (s/unit): en 0.047, de 0.047, fr 0.040, es 0.049, it 0.049, pt_BR 0.053, nl 0.048; the numbers below are the
# smallest that cover every clip, plus about 3 %. So at 175 every clip's estimate is at least 1.02x its
# length (1.26x on average; "1" to "3" up to 2.8x), at least 1.00x at every rate tried from 80 to 400, and
# at least 1.12x for the bundled Piper English voice.
REFERENCE_RATE = 175.0  # espeak-ng words a minute the numbers were measured at (the app's default)
CLIP_BASE = 0.35
DIGIT_UNITS = 6
PAUSE_UNITS = 6
SLOW_EXPONENT = 1.6
SECONDS_PER_UNIT: dict[str, float] = {"en": 0.056, "de": 0.059, "fr": 0.049, "es": 0.061, "it": 0.061,
                                      "pt_BR": 0.066, "nl": 0.057}

LengthOf = Callable[[str], float]


class CueKind(str, Enum):
    OPENING = "opening"  # first words of a step: what to do now
    COUNTDOWN = "countdown"  # "3", "2", "1" in the last seconds of a timed step
    TEMPO = "tempo"  # "lift", "hold", "lower slowly" at the phases of a paced rep
    MARKER = "marker"  # "halfway", "get ready"
    FORM = "form"  # a form cue from the exercise, spread through holds and sets
    CLOSING = "closing"  # the last words of a session


class BeepKind(str, Enum):
    WORK = "work"
    REST = "rest"
    DONE = "done"


# Lower number wins a clash: countdown numbers are never moved or dropped for anything else.
_PRIORITY = {CueKind.COUNTDOWN: 0, CueKind.OPENING: 1, CueKind.TEMPO: 2, CueKind.MARKER: 3, CueKind.CLOSING: 1}


@dataclass(frozen=True)
class Cue:
    """One fitted cue: start ``at`` and ``length`` in session seconds from the start of its step."""

    at: float
    text: str
    length: float
    kind: CueKind
    spoken: bool = True  # False: only captioned, because at this --speed the clip no longer fits

    @property
    def end(self) -> float:
        return self.at + self.length


@dataclass(frozen=True)
class Candidate:
    """A cue before fitting: alternatives from longest to shortest; ``at`` None means it floats."""

    texts: tuple[str, ...]
    kind: CueKind
    at: float | None = None


@dataclass(frozen=True)
class Timeline:
    """The fitted cues and beeps of one step, both sorted by time. Only spoken cues take up time."""

    cues: tuple[Cue, ...]
    beeps: tuple[tuple[float, BeepKind], ...] = ()
    countdown_start: float | None = None


def spoken_units(text: str) -> int:
    """What the estimate counts: a character each, a digit DIGIT_UNITS ("45" is said "forty-five"), a pause
    mark inside the text PAUSE_UNITS; runs of spaces count once and the closing mark not at all."""
    said = " ".join(text.split()).rstrip(".!?… ")
    return max(1, sum(DIGIT_UNITS if ch.isdigit() else PAUSE_UNITS if ch in ".,;:!?" else 1 for ch in said))


def estimate_length(text: str, rate: float = REFERENCE_RATE, language: str | None = None) -> float:
    """Seconds espeak-ng takes to say *text* at *rate* words a minute in *language* (default: the active one),
    trimmed as every clip is; used until the clip is rendered, so it errs long (see SECONDS_PER_UNIT)."""
    per_unit = SECONDS_PER_UNIT.get(language or current_language(), max(SECONDS_PER_UNIT.values()))
    slower = REFERENCE_RATE / max(rate, 50.0)
    if slower > 1.0:  # below 175 espeak-ng stretches its pauses more than its words: measured at 80-140
        slower **= SLOW_EXPONENT
    return CLIP_BASE + spoken_units(text) * per_unit * slower


def countdown_count(duration: float) -> int:
    """How many numbers a timed step counts down: 3 from six seconds, 2 from four, none below."""
    if duration >= 6.0:
        return 3
    if duration >= 4.0:
        return 2
    return 0


def _seconds(value: float) -> str:
    return number(value)


def _label(text: str) -> str:
    return text.replace(" · ", ", ")


def _setup_line(ex: Exercise) -> str:
    if ex.default_variant is not None:
        for variant in ex.variants:
            if variant.id == ex.default_variant:
                return content(variant.setup)
    return content(ex.setup)


def _rotated(items: Sequence[str], start: int) -> list[str]:
    if not items:
        return []
    start %= len(items)
    return list(items[start:]) + list(items[:start])


def _reps_script(step: Step) -> list[Candidate]:
    assert step.exercise is not None
    tempo = step.exercise.dosage.tempo
    total = lifts_in_set(step)
    out: list[Candidate] = []
    for i in range(total):
        t0 = i * tempo.cycle
        if step.alternating:
            base = _("Lift left.") if i % 2 == 0 else _("Lift right.")
        else:
            base = _("Lift.")
        texts = [base]
        if i == 0:
            texts.insert(0, _("Go. {lift}").format(lift=base))
        elif i == total - 1 and total > 2:
            texts.insert(0, _("Last one. {lift}").format(lift=base))
        elif total >= 6 and i == total // 2:
            texts.insert(0, _("Halfway. {lift}").format(lift=base))
        out.append(Candidate(tuple(texts), CueKind.TEMPO, t0))
        if tempo.hold > 0:
            out.append(Candidate((_("Hold."),), CueKind.TEMPO, t0 + tempo.lift))
        out.append(Candidate((_("Lower slowly."), _("Lower.")), CueKind.TEMPO, t0 + tempo.lift + tempo.hold))
    out.extend(Candidate((content(text),), CueKind.FORM) for text in _rotated(step.exercise.cues, step.set_number - 1))
    return out


def step_script(step: Step) -> list[Candidate]:
    """The candidate cues of *step*, generated from the program data; nothing for untimed steps."""
    if step.duration is None:
        return []
    d = step.duration
    ex = step.exercise
    out: list[Candidate] = []
    if step.kind is StepKind.INTRO and ex is not None:
        name = content(ex.name)
        out.append(Candidate((f"{name}. {_setup_line(ex)}", f"{name}."), CueKind.OPENING, 0.0))
    elif step.kind is StepKind.REPS:
        out.extend(_reps_script(step))
    elif step.kind is StepKind.HOLD and ex is not None:
        texts = [_("Hold.")]
        if step.rep_number == 1:
            texts.insert(0, _("Lift and hold."))
            if step.side is not None:
                texts.insert(0, _("{leg}. Lift and hold.").format(leg=step.side.leg_label))
        out.append(Candidate(tuple(texts), CueKind.OPENING, 0.0))
        if d >= 20:
            out.append(Candidate((_("Halfway."),), CueKind.MARKER, d / 2))
        start = (step.set_number - 1) * max(1, step.rep_count) + step.rep_number - 1
        out.extend(Candidate((content(text),), CueKind.FORM) for text in _rotated(ex.cues, start))
    elif step.kind is StepKind.RELEASE:
        out.append(Candidate((_("Release."),), CueKind.OPENING, 0.0))
    elif step.kind is StepKind.WORK and ex is not None:
        out.append(Candidate((_("Go."),), CueKind.OPENING, 0.0))
        if d >= 10:
            out.append(Candidate((_("Halfway."),), CueKind.MARKER, d / 2))
        out.extend(Candidate((content(text),), CueKind.FORM) for text in _rotated(ex.cues, step.set_number - 1))
    elif step.kind is StepKind.SWITCH:
        side = step.side.side_label if step.side is not None else _("The other side")
        out.append(Candidate((_("Switch sides. {side} next.").format(side=side), _("Switch sides.")),
                             CueKind.OPENING, 0.0))
    elif step.kind in (StepKind.REST, StepKind.NEXT_UP):
        seconds = int(d) if float(d).is_integer() else 2  # the plural form only needs "one or many"
        rest = ngettext("Rest {seconds} second.", "Rest {seconds} seconds.", seconds).format(seconds=_seconds(d))
        nxt = _label(step.next_label)
        lines = ((_("{rest} Next: {next}.").format(rest=rest, next=nxt), rest, _("Rest.")) if nxt
                 else (rest, _("Rest.")))
        out.append(Candidate(lines, CueKind.OPENING, 0.0))
        if d >= 15:
            out.append(Candidate((_("Get ready."),), CueKind.MARKER, d - countdown_count(d) - 3.0))
    count = 0 if step.kind is StepKind.REPS else countdown_count(d)  # a set ends on its last rep
    out.extend(Candidate((str(n),), CueKind.COUNTDOWN, d - n) for n in range(count, 0, -1))
    return out


def step_beeps(step: Step) -> tuple[tuple[float, BeepKind], ...]:
    """A short beep at each change of phase: work starts, rest starts."""
    if step.kind in (StepKind.REPS, StepKind.HOLD, StepKind.WORK):
        return ((0.0, BeepKind.WORK),)
    if step.kind in (StepKind.REST, StepKind.NEXT_UP, StepKind.RELEASE, StepKind.SWITCH):
        return ((0.0, BeepKind.REST),)
    return ()


class _Slots:
    """Occupied intervals of a step, each padded by the gap on both sides when tested."""

    def __init__(self, gap: float) -> None:
        self.gap = gap
        self.taken: list[tuple[float, float]] = []

    def free(self, start: float, end: float) -> bool:
        return all(end + self.gap <= s or start >= e + self.gap for s, e in self.taken)

    def take(self, start: float, end: float) -> None:
        self.taken.append((start, end))
        self.taken.sort()

    def next_start(self, start: float, length: float, limit: float) -> float | None:
        """The earliest moment at or after *start* where *length* seconds fit before *limit*."""
        candidates = [start] + [e + self.gap for _, e in self.taken if e + self.gap > start]
        for t in sorted(candidates):
            if t + length <= limit and self.free(t, t + length):
                return t
        return None


def fit(candidates: Iterable[Candidate], duration: float, length_of: LengthOf, *, speed: float = 1.0,
        gap: float = GAP) -> Timeline:
    """Place *candidates* in a step of *duration* session seconds; clip lengths are real seconds × speed."""
    cands = list(candidates)
    slots = _Slots(gap * speed)
    placed: list[Cue] = []
    numbers = [c for c in cands if c.kind is CueKind.COUNTDOWN and c.at is not None]
    countdown_start = min((c.at for c in numbers if c.at is not None), default=None)
    limit = duration if countdown_start is None else countdown_start
    anchored = sorted((c for c in cands if c.at is not None), key=lambda c: (_PRIORITY.get(c.kind, 5), c.at))
    for cand in anchored:
        assert cand.at is not None
        end_limit = duration if cand.kind is CueKind.COUNTDOWN else limit
        for text in cand.texts:
            length = length_of(text) * speed
            if cand.at >= 0 and cand.at + length <= end_limit and slots.free(cand.at, cand.at + length):
                slots.take(cand.at, cand.at + length)
                placed.append(Cue(cand.at, text, length, cand.kind))
                break
    floating = [c for c in cands if c.at is None]
    if floating:
        first = max((c.end for c in placed if c.kind is CueKind.OPENING), default=0.0) + gap * speed
        if countdown_start is None:  # a form cue ends a gap before the step does, as before a countdown
            limit = duration - gap * speed
        span = max(0.0, limit - first)
        for i, cand in enumerate(floating):
            target = first + span * i / len(floating)
            text = cand.texts[0]
            length = length_of(text) * speed
            at = slots.next_start(target, length, limit)
            if at is not None:
                slots.take(at, at + length)
                placed.append(Cue(at, text, length, cand.kind))
    placed.sort(key=lambda c: c.at)
    return Timeline(tuple(placed), (), countdown_start)


def step_timeline(step: Step, length_of: LengthOf, *, speed: float = 1.0) -> Timeline:
    """The fitted cue timeline of *step* with its beeps."""
    if step.duration is None:
        return Timeline(())
    script = step_script(step)
    timeline = fit(script, step.duration, length_of, speed=speed)
    cues = list(timeline.cues)
    if speed > 1.0:  # a sped-up session still captions what real time would have said
        taken = {c.at for c in cues}
        cues.extend(replace(c, spoken=False) for c in fit(script, step.duration, length_of).cues if c.at not in taken)
        cues.sort(key=lambda c: c.at)
    return Timeline(tuple(cues), step_beeps(step), timeline.countdown_start)


COMPLETED_LINE = lazy("Session complete. Well done.")
ENDED_LINE = lazy("Session ended.")
PAIN_LINE = lazy("Stopping now. Rest, and don't push through sharp pain.")


def program_texts(plan: SessionPlan) -> list[str]:
    """Every text a session of *plan* may say, in the order it is first needed (for pre-rendering)."""
    seen: dict[str, None] = {}
    for step in plan.steps:
        for cand in step_script(step):
            for text in cand.texts:
                seen.setdefault(text, None)
    for line in (COMPLETED_LINE, ENDED_LINE, PAIN_LINE):
        seen.setdefault(str(line), None)
    return list(seen)
