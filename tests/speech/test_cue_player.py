"""CuePlayer over whole sessions on a fake clock: the timeline actually spoken, skip, pause and mute."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.cues import COMPLETED_LINE, PAIN_LINE, BeepKind
from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.core.plan import SessionPlan, StepKind, build_plan
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.speech.cue_player import CuePlayer
from tests.fakes import FakeClock
from tests.speech.fakes import FakeSpeaker

NUMBERS = {"3", "2", "1"}


@dataclass
class StepSpan:
    kind: StepKind
    start: float
    end: float


def run_session(plan: SessionPlan, clock: FakeClock, qtbot: QtBot, tick: float = 0.05
                ) -> tuple[FakeSpeaker, CuePlayer, SessionEngine, list[StepSpan], list[str]]:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(plan, clock)
    captions: list[str] = []
    coach.caption.connect(captions.append)
    spans: list[StepSpan] = []

    def on_step(step: object) -> None:
        if spans:
            spans[-1].end = engine.step_started_at
        spans.append(StepSpan(engine.step.kind, engine.step_started_at, float("inf")))

    engine.signals.step_changed.connect(on_step)
    coach.attach(engine)
    engine.start()
    engine.next()  # leave the briefing
    while engine.state is not SessionState.FINISHED:
        clock.advance(tick)
        coach.poll()  # what the coach's single-shot timer does when it fires
    qtbot.wait(0)  # one event-loop turn: nothing queued may say anything more
    return speaker, coach, engine, spans, captions


def check_spoken(speaker: FakeSpeaker, spans: list[StepSpan]) -> None:
    said = speaker.said
    assert said, "nothing was said"
    for a, b in zip(said, said[1:]):
        assert a.cut_at is None, f"{a.text!r} was cut off by {b.text!r}"
        assert a.at + a.length <= b.at + 1e-9, f"{a.text!r} at {a.at:.2f} overlaps {b.text!r} at {b.at:.2f}"
    for s in said:
        span = next((p for p in spans if p.start <= s.at < p.end), None)
        if span is None or span.kind is StepKind.SUMMARY:
            continue
        assert s.at + s.length <= span.end + 1e-9, f"{s.text!r} crosses the end of its {span.kind.value} step"
    numbers = [s for s in said if s.text in NUMBERS]
    for n in numbers:
        for other in said:
            if other is n:
                continue
            assert other.at + other.length <= n.at + 1e-9 or other.at >= n.at + n.length - 1e-9, (
                f"{other.text!r} crosses the countdown number {n.text}"
            )


@pytest.mark.parametrize("program_id", ["foundation", "advanced"])
def test_whole_session_timeline_never_overlaps(library: ProgramLibrary, clock: FakeClock, qtbot: QtBot,
                                               program_id: str) -> None:
    plan = build_plan(library.get(program_id))
    speaker, coach, engine, spans, captions = run_session(plan, clock, qtbot)
    check_spoken(speaker, spans)
    texts = speaker.texts()
    assert texts[-1] == COMPLETED_LINE
    assert captions == texts, "every spoken cue is captioned, in order"
    holds = [p for p in spans if p.kind in (StepKind.HOLD, StepKind.WORK)]
    assert holds
    for hold in holds:
        in_hold = [s for s in speaker.said if hold.start <= s.at < hold.end]
        assert in_hold, f"nothing said in a {hold.kind.value} step"
        assert all(s.at + s.length <= hold.end for s in in_hold)
    intros = sum(1 for p in spans if p.kind is StepKind.INTRO)
    assert texts.count("1") >= intros
    assert all(0 <= late <= 0.05 + 1e-9 for late in coach.latencies)
    assert speaker.beeps[-1][1] is BeepKind.DONE
    assert set(speaker.prepared) >= set(texts)


def test_skip_cancels_the_step_at_once(foundation_plan: SessionPlan, clock: FakeClock, qtbot: QtBot) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    assert engine.step.kind is StepKind.INTRO
    assert speaker.texts()[-1].startswith("Supine Marching.")
    clock.advance(1.0)
    coach.poll()
    cancels_before = len(speaker.cancels)
    engine.next()  # skip the intro while its opening line is still being said
    assert len(speaker.cancels) == cancels_before + 1 and speaker.cancels[-1] == clock.now()
    assert speaker.said[0].cut_at == clock.now()
    assert speaker.texts()[-1] == "Go. Lift left."  # the new step speaks at once
    count = len(speaker.said)
    qtbot.wait(0)  # within one event-loop turn nothing of the skipped intro is left
    assert len(speaker.said) == count
    assert engine.step.kind is StepKind.REPS


def test_pause_silences_and_resume_goes_on_without_repeats(foundation_plan: SessionPlan, clock: FakeClock,
                                                            qtbot: QtBot) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    clock.advance(11.5)
    coach.poll()
    engine.pause()
    assert speaker.cancels[-1] == clock.now()
    qtbot.wait(0)
    said = len(speaker.said)
    for _ in range(100):  # a long pause: the countdown of the intro must not be heard
        clock.advance(0.5)
        coach.poll()
    assert len(speaker.said) == said
    engine.resume()
    for _ in range(20):
        clock.advance(0.05)
        coach.poll()
    assert speaker.texts()[said:] == ["3"]
    check_spoken(speaker, [])


def test_back_restarts_the_step_script(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    engine.next()
    clock.advance(3.0)
    coach.poll()
    engine.back()
    assert speaker.texts()[-1].startswith("Supine Marching.")


def test_mute_keeps_captions_and_silences_voice_and_beeps(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker, muted=True)
    captions: list[str] = []
    coach.caption.connect(captions.append)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    for _ in range(400):
        clock.advance(0.05)
        coach.poll()
    assert speaker.said == [] and speaker.beeps == []
    assert captions[0].startswith("Supine Marching.") and "Go. Lift left." in captions
    toggled: list[bool] = []
    coach.muted_changed.connect(toggled.append)
    coach.toggle_mute()
    assert toggled == [False] and not coach.muted
    for _ in range(100):
        clock.advance(0.05)
        coach.poll()
    assert speaker.said
    coach.toggle_mute()
    assert speaker.cancels[-1] == clock.now()


def test_pain_stop_says_the_safety_line(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    engine.pain_stop()
    assert speaker.texts()[-1] == PAIN_LINE


def test_stale_cues_are_dropped_not_bunched(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    clock.advance(12.0)  # the GUI thread was busy: "3" is due right now and still in time
    coach.poll()
    assert speaker.texts()[-1] == "3"
    clock.advance(1.5)  # "2" is half a second late: too late to say
    coach.poll()
    assert speaker.texts()[-1] == "3"


def test_set_speaker_refits_and_prepares(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    first = FakeSpeaker(clock.now)
    coach = CuePlayer(first)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    second = FakeSpeaker(clock.now)
    coach.set_speaker(second)
    assert first.shut and second.prepared[: len(first.prepared)] == first.prepared
    clock.advance(12.0)
    coach.poll()
    assert second.texts() == ["3"]


def test_notice_is_announced_once(qtbot: QtBot) -> None:
    coach = CuePlayer()
    notices: list[str] = []
    coach.notice.connect(notices.append)
    coach.announce("No audio output found: cues are shown as captions only.")
    coach.announce("No audio output found: cues are shown as captions only.")
    assert notices == ["No audio output found: cues are shown as captions only."]


def test_the_coach_timer_wakes_exactly_for_the_next_cue(foundation_plan: SessionPlan, clock: FakeClock,
                                                       qtbot: QtBot) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    assert coach.next_wake_ms is None  # the briefing waits for the user
    engine.next()
    assert coach.next_wake_ms == 1000  # "3" is 12 s away: wake within a second anyway
    clock.advance(11.9)
    coach.poll()
    assert coach.next_wake_ms == 100
    clock.advance(0.1)  # now due: the armed timer alone must say it
    with qtbot.waitSignal(coach.caption, timeout=1000) as caption:
        pass
    assert caption.args == ["3"] and speaker.texts()[-1] == "3"
    engine.pause()
    assert coach.next_wake_ms is None


def test_texts_prepared_early_go_to_a_later_speaker(library: ProgramLibrary, clock: FakeClock) -> None:
    from psoas_coach.core.cues import program_texts

    coach = CuePlayer()
    texts = [t for p in library.programs for t in program_texts(build_plan(p))]
    coach.prepare_texts(texts)
    speaker = FakeSpeaker(clock.now)
    coach.set_speaker(speaker)
    assert speaker.prepared == list(dict.fromkeys(texts))
    plan = build_plan(library.get("foundation"))
    coach.attach(SessionEngine(plan, clock))
    later = speaker.prepared[len(dict.fromkeys(texts)):]
    assert later == speaker.first == program_texts(plan)  # nothing new: the session's own cues move ahead


def test_next_from_a_long_pause_advances_exactly_one_step(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    clock.advance(5.0)
    engine.pause()
    clock.advance(600.0)  # far past the intro's old deadline
    engine.next()
    assert engine.step.index == 2 and engine.step.kind is StepKind.REPS
    assert speaker.texts()[-1] == "Go. Lift left."


def test_a_restored_session_speaks_from_where_it_was(foundation_plan: SessionPlan, clock: FakeClock,
                                                     qtbot: QtBot) -> None:
    first = SessionEngine(foundation_plan, clock)
    first.start()
    first.next()
    clock.advance(10.0)
    first.pause()
    snapshot = first.snapshot()
    engine = SessionEngine.restore(foundation_plan, clock, snapshot)
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    coach.attach(engine)
    assert speaker.said == []
    engine.resume()
    for _ in range(50):
        clock.advance(0.05)
        coach.poll()
    assert speaker.texts() == ["3"]  # 10 s into the intro: its opening line is not repeated, "3" comes at 12 s


def test_a_sped_up_session_still_captions_what_it_cannot_say(foundation_plan: SessionPlan, qtbot: QtBot) -> None:
    clock = FakeClock(speed=10.0)
    speaker = FakeSpeaker(clock.now)
    coach = CuePlayer(speaker)
    captions: list[str] = []
    coach.caption.connect(captions.append)
    engine = SessionEngine(foundation_plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    for _ in range(400):
        clock.advance(0.05)
        coach.poll()
    assert captions[:4] == ["Supine Marching.", "3", "2", "1"]  # the short line still fits when spoken
    assert speaker.texts()[0] == "Supine Marching." and "3" not in speaker.texts()[:2]
    assert len(speaker.said) < len(captions)


def test_go_is_said_before_the_window_hears_of_the_new_step(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    """The window's slots run first (it binds before the coach attaches); "go" must not wait for them."""
    speaker = FakeSpeaker(clock.now)
    engine = SessionEngine(foundation_plan, clock)
    heard_first: list[list[str]] = []
    engine.signals.step_changed.connect(lambda step: heard_first.append(speaker.texts()[-1:]))
    coach = CuePlayer(speaker)
    coach.attach(engine)
    engine.start()
    engine.next()
    for _ in range(400):
        clock.advance(0.05)
        coach.poll()
        if engine.step.kind is StepKind.REPS:
            break
    assert engine.step.kind is StepKind.REPS
    assert heard_first[-1] == ["Go. Lift left."]  # already started when the first slot ran
    assert speaker.texts().count("Go. Lift left.") == 1
    assert speaker.said[-1].cut_at is None  # and the step change did not cut it off
