"""CuePlayer: follows a session engine and says each cue of the current step at its moment.

It observes the engine (step changes, pause, finish), fits the step's cues to the speaker's clip
lengths (core.cues), and wakes with one precise single-shot timer at the next cue or the step's
end. Skip, back and pause cancel speech inside the engine call that caused them. Every cue is
also emitted as a caption, muted or not. Only QtCore here: the heavy speech backends are loaded
later (speech.loader) and handed in with ``set_speaker``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from psoas_coach.core.cues import (
    COMPLETED_LINE,
    ENDED_LINE,
    PAIN_LINE,
    BeepKind,
    Cue,
    Timeline,
    program_texts,
    step_timeline,
)
from psoas_coach.core.engine import Outcome, SessionEngine, SessionResult, SessionState
from psoas_coach.core.plan import Step, StepKind
from psoas_coach.speech.base import CaptionOnlySpeaker, Speaker

LATE_LIMIT = 0.3  # real seconds: a cue noticed later than this is stale and dropped
MAX_SLEEP_MS = 1000  # wake at least this often, whatever the timeline says

CLOSING_LINES = {Outcome.COMPLETED: COMPLETED_LINE, Outcome.ENDED_EARLY: ENDED_LINE, Outcome.PAIN_STOP: PAIN_LINE}


def session_texts(engine: SessionEngine) -> list[str]:
    """The cues *engine*'s session will say, in the order it needs them, from the current step on."""
    steps = engine.plan.steps[max(0, engine.index):]
    return program_texts(engine.plan._replace(steps=tuple(steps))) if steps else program_texts(engine.plan)


class CuePlayer(QObject):
    """Say a cue, cancel all, mute: the speech interface of the window and the composition root."""

    caption = Signal(str)  # every cue, spoken or not
    notice = Signal(str)  # one plain line when speech falls back (no engine, no audio output)
    muted_changed = Signal(bool)
    voice_progress = Signal(int, int)  # (clips ready, cues asked for) while the voice is being prepared

    def __init__(self, speaker: Speaker | None = None, *, muted: bool = False, beeps: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker: Speaker = speaker if speaker is not None else CaptionOnlySpeaker()
        self._muted = muted
        self._beeps = beeps
        self._engine: SessionEngine | None = None
        self._timeline = Timeline(())
        self._step_index = -1
        self._next_cue = 0
        self._next_beep = 0
        self._texts: list[str] = []
        self._notices: set[str] = set()
        self._in_poll = False
        self._led_in: tuple[int, float] | None = None  # (step index, start) begun ahead of the engine
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self.spoken: list[tuple[float, Cue]] = []  # (session time, cue) of every cue started
        self.latencies: list[float] = []  # real seconds between a cue's moment and its start

    # ------------------------------------------------------------------ the speech interface

    @property
    def speaker(self) -> Speaker:
        return self._speaker

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def audible(self) -> bool:
        """True while cues are heard: not muted, and a voice with an audio output (not captions only)."""
        return not self._muted and not isinstance(self._speaker, CaptionOnlySpeaker)

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    @property
    def next_wake_ms(self) -> int | None:
        """Milliseconds until the coach wakes for its next cue or step end; None when idle."""
        return self._timer.interval() if self._timer.isActive() else None

    def set_muted(self, muted: bool) -> None:
        if muted == self._muted:
            return
        self._muted = muted
        if muted:
            self._speaker.cancel()
        self.muted_changed.emit(muted)

    def toggle_mute(self) -> None:
        self.set_muted(not self._muted)

    def set_beeps(self, on: bool) -> None:
        self._beeps = on

    def set_volume(self, volume: float) -> None:
        self._speaker.set_volume(volume)

    def say(self, text: str) -> None:
        """Say *text* now (and caption it), cutting off the current cue."""
        self.caption.emit(text)
        if not self._muted:
            self._speaker.say(text)

    def cancel(self) -> None:
        """Stop speaking now and drop what the current step still had to say."""
        self._speaker.cancel()
        self._next_cue = len(self._timeline.cues)
        self._next_beep = len(self._timeline.beeps)
        self._timer.stop()

    def announce(self, text: str) -> None:
        """Emit a fallback notice, once per text for the life of the coach."""
        if text and text not in self._notices:
            self._notices.add(text)
            self.notice.emit(text)

    def set_speaker(self, speaker: Speaker) -> None:
        """Swap the backend (the loader does this once it knows what works); refits the current step."""
        old, self._speaker = self._speaker, speaker
        if old is not speaker:
            old.cancel()
            old.shutdown()
        speaker.prepare(self._texts)
        engine = self._engine
        if engine is not None:
            speaker.prepare(session_texts(engine), first=True)
        if engine is not None and engine.state is SessionState.RUNNING:
            self._load_step(engine.step, engine.elapsed(), resumed=True)

    def shutdown(self) -> None:
        self.detach()
        self._speaker.shutdown()

    # ------------------------------------------------------------------ following an engine

    def attach(self, engine: SessionEngine) -> None:
        """Follow *engine* from now on and start rendering every cue its program may need."""
        self.detach()
        self._engine = engine
        engine.signals.step_changed.connect(self._on_step_changed)
        engine.signals.state_changed.connect(self._on_state_changed)
        engine.signals.finished.connect(self._on_finished)
        self.prepare_texts(program_texts(engine.plan))
        self._speaker.prepare(session_texts(engine), first=True)  # this session's clips before any other's
        if engine.state is SessionState.RUNNING:
            self._load_step(engine.step, engine.elapsed())

    def detach(self) -> None:
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.signals.step_changed.disconnect(self._on_step_changed)
            engine.signals.state_changed.disconnect(self._on_state_changed)
            engine.signals.finished.disconnect(self._on_finished)
        self.cancel()
        self._timeline = Timeline(())
        self._step_index = -1

    def prepare_texts(self, texts: Iterable[str]) -> None:
        """Render these cues ahead (e.g. every program's, at start-up); kept for a later speaker too."""
        known = set(self._texts)
        fresh: list[str] = []
        for text in texts:
            if text not in known:
                known.add(text)
                fresh.append(text)
        self._texts.extend(fresh)
        self._speaker.prepare(fresh)

    def poll(self) -> None:
        """The timer's entry: let the engine fire a due step change (so "go" is on time), then speak."""
        engine = self._engine
        if engine is None or self._in_poll:
            return
        self._in_poll = True
        try:
            if engine.state is SessionState.RUNNING:
                self._lead_in(engine)
            engine.update()
        finally:
            self._in_poll = False
        self._speak_due()

    def _lead_in(self, engine: SessionEngine) -> None:
        """At a step's end, start the next step's first words and beep *before* the step change is fired,
        so the window's own work on the new step (building its screen) never delays "go"."""
        deadline = engine.deadline
        if deadline is None or engine.clock.now() < deadline:
            return
        index = engine.index + 1
        steps = engine.plan.steps
        if index >= len(steps) - 1 or steps[index].kind is StepKind.SUMMARY:
            return  # the session ends here: the closing line follows the finish
        self._speaker.cancel()
        self._load_timeline(steps[index], engine.clock.now() - deadline, resumed=False)
        self._play_due(engine, engine.clock.now() - deadline)
        self._led_in = (index, deadline)

    # ------------------------------------------------------------------ internals

    def _speed(self) -> float:
        return self._engine.clock.speed if self._engine is not None else 1.0

    def _on_step_changed(self, step: Step) -> None:
        engine = self._engine
        led_in, self._led_in = self._led_in, None
        if engine is not None and led_in == (step.index, engine.step_started_at):
            return  # the step the lead-in already started, on time: its first words are playing
        self._speaker.cancel()
        if engine is None or engine.state is SessionState.FINISHED:
            self._timeline = Timeline(())
            self._timer.stop()
            return
        self._load_step(step, engine.elapsed())

    def _load_step(self, step: Step, elapsed: float, *, resumed: bool = False) -> None:
        """Fit *step*'s cues; a fresh step may still say a cue just due, a resumed one only later cues."""
        self._load_timeline(step, elapsed, resumed=resumed)
        self._speak_due()

    def _load_timeline(self, step: Step, elapsed: float, *, resumed: bool) -> None:
        speed = self._speed()
        self._step_index = step.index
        self._timeline = step_timeline(step, self._speaker.clip_length, speed=speed)
        self._skip_before(elapsed + 1e-9 if resumed else elapsed - LATE_LIMIT * speed)

    def _speak_due(self) -> None:
        """Start what is due and sleep until the next moment. Reads the engine, never drives it, so it is
        safe inside the engine's own signals."""
        engine = self._engine
        if engine is not None and engine.state is SessionState.RUNNING:
            self._play_due(engine)
        self._schedule()

    def _skip_before(self, moment: float) -> None:
        cues, beeps = self._timeline.cues, self._timeline.beeps
        self._next_cue = next((i for i, c in enumerate(cues) if c.at >= moment), len(cues))
        self._next_beep = next((i for i, b in enumerate(beeps) if b[0] >= moment), len(beeps))

    def _on_state_changed(self, state: SessionState) -> None:
        engine = self._engine
        if state is SessionState.PAUSED:
            self._speaker.cancel()
            self._timer.stop()
        elif state is SessionState.RUNNING and engine is not None:
            if engine.step.index == self._step_index:
                self._skip_before(engine.elapsed())  # what was cut off by the pause is not repeated
            else:  # a restored session resumes in a step this coach has not loaded yet
                self._step_index = engine.step.index
                self._timeline = step_timeline(engine.step, self._speaker.clip_length, speed=self._speed())
                self._skip_before(engine.elapsed() + 1e-9)
            # The engine may be half-way through an operation (next or back from a pause) that is about
            # to change the step: speak on the next event-loop turn, when it is done.
            self._timer.start(0)

    def _on_finished(self, result: SessionResult) -> None:
        self._timer.stop()
        self._timeline = Timeline(())
        line = CLOSING_LINES.get(result.outcome)
        if result.outcome is Outcome.COMPLETED:
            self._beep(BeepKind.DONE)
        if line:
            self.say(str(line))

    def _beep(self, kind: BeepKind) -> None:
        if self._beeps and not self._muted:
            self._speaker.beep(kind)

    def _play_due(self, engine: SessionEngine, elapsed: float | None = None) -> None:
        elapsed = engine.elapsed() if elapsed is None else elapsed
        speed = self._speed()
        beeps = self._timeline.beeps
        due_beep: BeepKind | None = None
        while self._next_beep < len(beeps) and beeps[self._next_beep][0] <= elapsed:
            at, kind = beeps[self._next_beep]
            self._next_beep += 1
            if (elapsed - at) / speed <= LATE_LIMIT:
                due_beep = kind
        if due_beep is not None:
            self._beep(due_beep)
        cues = self._timeline.cues
        due: Cue | None = None
        while self._next_cue < len(cues) and cues[self._next_cue].at <= elapsed:
            cue = cues[self._next_cue]
            self._next_cue += 1
            if (elapsed - cue.at) / speed <= LATE_LIMIT:
                due = cue  # when several are due, only the latest is still worth saying
        if due is not None and due.spoken:
            self.latencies.append((elapsed - due.at) / speed)
            self.spoken.append((engine.clock.now(), due))
            self.say(due.text)
        elif due is not None:
            self.caption.emit(due.text)

    def _schedule(self) -> None:
        engine = self._engine
        if engine is None or engine.state is not SessionState.RUNNING:
            self._timer.stop()
            return
        elapsed = engine.elapsed()
        moments: list[float] = []
        if self._next_cue < len(self._timeline.cues):
            moments.append(self._timeline.cues[self._next_cue].at)
        if self._next_beep < len(self._timeline.beeps):
            moments.append(self._timeline.beeps[self._next_beep][0])
        remaining = engine.remaining()
        if remaining is not None:
            moments.append(elapsed + remaining)
        if not moments:
            self._timer.stop()
            return
        delay = max(0.0, (min(moments) - elapsed) / self._speed())
        self._timer.start(min(MAX_SLEEP_MS, math.ceil(delay * 1000 - 1e-6)))

