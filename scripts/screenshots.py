"""Render every screen at 1366x768 and 1920x1080, light and dark, into docs/screenshots/.

The first-run safety note, home as today, the briefing, every kind of session step, the summary (after a
pain stop and after ending early), the resume banner, and History's three tabs over three weeks of
sessions. Runs offscreen on a hand-driven clock, so each picture shows a chosen moment exactly:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR] [--theme high-contrast]
1366x768 pictures are named <screen>-<theme>.png; 1920x1080 ones are in the 1920x1080/ folder.
With ``--lang de`` (any shipped language): home, a hold, a rep set and the summary in that language at
1366x768, light, as <screen>-de-light.png. Every picture is written as a palette PNG where that looks the same
(scripts/small_png.py), about a third of the size Qt writes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from small_png import save_small_png  # beside this script

from psoas_coach import i18n
from psoas_coach.core.engine import SessionState
from psoas_coach.core.plan import StepKind
from psoas_coach.keepawake import NullKeepAwake
from psoas_coach.paths import resolve_paths
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.startup import Options, Seams, StartUp

SIZES = ((1366, 768), (1920, 1080))
DAY = 86_400.0
START = datetime(2026, 11, 9, 8, 0).timestamp()  # a Monday: three weeks of sessions up to "today"
TODAY = date(2026, 11, 26)  # a Thursday


class SilentVoice:
    """No speech engine: the pictures need none (captions are set by hand)."""

    def __init__(self, *_args: object) -> None:
        pass

    def steps(self) -> list[Callable[[], None]]:
        return []

    def voices(self) -> list[tuple[str, str]]:
        return []

    def apply(self, settings: object) -> None:
        pass


class ManualClock:
    speed = 1.0

    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t

    def wall(self) -> float:
        return START + self.t


def run_whole(window: MainWindow, clock: ManualClock, program: str, effort: int, pain: int, notes: str) -> None:
    """A whole session, every step run out on the clock, then rated and saved."""
    window.start_program(program)
    engine = window.engine
    assert engine is not None
    while engine.state is not SessionState.FINISHED:
        left = engine.remaining()
        if left is None or left <= 0:
            engine.next()  # steps that wait for Enter
        else:
            clock.t += min(left + 0.05, 4.0)  # small steps: a jump of the clock reads as a suspend, and pauses
        engine.update()
    window.save_ratings(effort, pain, notes)


IN_OTHER_LANGUAGES = ("home", "active-set", "hold", "summary")


def said(*texts: str) -> str:
    """A caption as the cue player would show it, in the active language (cue words and program content)."""
    return " ".join(i18n.content(text) for text in texts)


def capture(app: QApplication, out: Path, theme: str, size: tuple[int, int],
            language: str = i18n.SOURCE_LANGUAGE) -> list[Path]:
    clock = ManualClock()
    paths = resolve_paths(tempfile.mkdtemp())  # a new user: the safety note comes first
    seams = Seams(clock=lambda speed: clock, ask=lambda *a: True, voice_backend=SilentVoice,
                  keep_awake=lambda report: NullKeepAwake(), today=lambda: TODAY)
    startup = StartUp(Options(theme=theme), paths, seams)  # the window as the app builds it
    window = startup.build()
    assert window is not None and startup.coaching is not None
    window.resize(*size)
    saved: list[Path] = []

    def shot(name: str) -> None:
        if language != i18n.SOURCE_LANGUAGE and name not in IN_OTHER_LANGUAGES:
            return
        window.driver.tick()
        window.scaler.flush()  # the screens at the scale of this size (the resize waits for its interval)
        for _ in range(4):  # a changed minimum climbs one layout per pass of the event loop
            app.processEvents()
        path = out / (f"{name}-{theme}.png" if language == i18n.SOURCE_LANGUAGE else f"{name}-{language}-{theme}.png")
        save_small_png(window.grab().toImage(), path)
        saved.append(path)

    def advance_to(kind: StepKind, into: float = 0.0, side: str | None = None) -> None:
        engine = window.engine
        assert engine is not None
        while engine.step.kind is not kind or (side and (engine.step.side is None or engine.step.side.value != side)):
            engine.next()
        end = clock.t + into
        while clock.t < end:  # in steps, as the window's timer would: a long silent gap reads as a suspend
            clock.t = min(end, clock.t + 0.25)
            window.driver.tick()

    shot("safety")
    startup.coaching.safety.accepted.emit()
    startup.finish()
    window.driver.timer.stop()  # the hand-driven clock moves only here
    for day, program, effort, pain, notes in ((0, "foundation", 5, 0, "Felt easy."), (2, "foundation", 6, 1, ""),
                                              (7, "foundation", 6, 0, "Left hip tight at first."),
                                              (9, "foundation", 7, 2, ""), (14, "foundation", 6, 0, ""),
                                              (16, "foundation", 7, 0, "Good control today.")):
        clock.t = day * DAY + 1000.0
        run_whole(window, clock, program, effort, pain, notes)
    clock.t = 17 * DAY + 1000.0  # today
    startup.coaching.refresh()  # today's line and the week strip, now rather than on a worker thread
    window.home.set_notice("")
    window.go_home()
    shot("home")
    window.start_program("foundation")
    shot("briefing")
    advance_to(StepKind.INTRO, 3.2)
    shot("intro")
    advance_to(StepKind.REPS, 7 * 2 + 0.6)
    window.show_caption(said("Lift left.", "Press your lower back gently into the floor."))
    shot("active-set")
    advance_to(StepKind.REST, 12.4)
    shot("rest")
    advance_to(StepKind.HOLD, 1.3, side="right")
    window.show_caption(said("Stop before your pelvis tilts."))
    shot("hold")
    advance_to(StepKind.NEXT_UP, 20.0)
    window.show_caption(i18n._("{rest} Next: {next}.").format(rest=i18n._("Rest."), next=i18n.content("Standing Hip Flexion")))
    shot("next-up")
    assert window.engine is not None
    window.engine.pain_stop()
    shot("pain-stop")
    window.save_ratings(None, 5, "")
    window.start_program("advanced")
    advance_to(StepKind.WORK, 6.5)
    window.show_caption(said("Drive the knees fast toward your chest."))
    shot("work")
    window.engine.end_early()
    window.session.summary.effort.setValue(7)
    shot("summary")
    window.save_ratings(7, None, "")
    window.start_program("foundation")  # a session that the power cut stopped: next start asks about it
    advance_to(StepKind.REPS, 9.0)
    window.recorder.tick()
    window.driver.drive(None)
    window.engine = None
    window.recorder.release()
    window.go_home()
    window.offer_resume()
    shot("resume-banner")
    window.question.answer(False)  # kept as a partial session; its notice shows as a banner
    shot("notice-banner")
    window.home.set_notice("")
    window.show_history()
    shot("history-sessions")
    assert window.history is not None
    window.history.show_tab(1)
    shot("history-calendar")
    window.history.show_tab(2)
    shot("history-trends")
    window.close()
    window.deleteLater()
    return saved


def window_size(text: str) -> tuple[int, int]:
    """"1366x768" as (1366, 768)."""
    width, _, height = text.partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1366x768")
    return int(width), int(height)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    parser.add_argument("--theme", help="one theme only (light, dark, high-contrast)")
    parser.add_argument("--size", type=window_size, help="one window size only, as WIDTHxHEIGHT, into OUT_DIR itself")
    parser.add_argument("--lang", choices=i18n.CODES, default=i18n.SOURCE_LANGUAGE,
                        help="the window's language (not English: home, a hold, a rep set, the summary, light)")
    args = parser.parse_args(argv[1:])
    language = i18n.set_language(args.lang)
    english = language == i18n.SOURCE_LANGUAGE
    themes = (args.theme,) if args.theme else ("light", "dark") if english else ("light",)
    out: Path = args.out
    app = QApplication.instance() or QApplication(argv[:1])
    assert isinstance(app, QApplication)
    paths: list[Path] = []
    sizes = (args.size,) if args.size else SIZES if english else SIZES[:1]
    for size in sizes:
        folder = out if size in (SIZES[0], args.size) else out / f"{size[0]}x{size[1]}"
        folder.mkdir(parents=True, exist_ok=True)
        for theme in themes:
            paths += capture(app, folder, theme, size, language)
    print("\n".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
