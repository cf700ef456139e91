"""Render every screen of a session at 1366x768, light and dark, into docs/screenshots/.

Runs offscreen on a hand-driven clock, so each picture shows a chosen moment exactly:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]
With ``--lang de`` (any shipped language): home, a hold, a rep set and the summary in that language, light,
as <screen>-de-light.png.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from psoas_coach import i18n
from psoas_coach.core import coaching
from psoas_coach.core.plan import StepKind
from psoas_coach.keepawake import NullKeepAwake
from psoas_coach.paths import resolve_paths
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.ui.startup import Options, Seams, StartUp


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
        return 1_767_000_000.0 + self.t


IN_OTHER_LANGUAGES = ("home", "active-set", "hold", "summary")


def said(*texts: str) -> str:
    """A caption as the cue player would show it, in the active language (cue words and program content)."""
    return " ".join(i18n.content(text) for text in texts)


def capture(app: QApplication, out: Path, theme: str, language: str = i18n.SOURCE_LANGUAGE) -> list[Path]:
    clock = ManualClock()
    paths = resolve_paths(tempfile.mkdtemp())  # a new user who has read the safety note
    CoachingStore(paths.data).update(coaching.accept_safety, "2026-01-01T08:00:00+00:00")
    seams = Seams(clock=lambda speed: clock, ask=lambda *a: True, voice_backend=SilentVoice,
                  keep_awake=lambda report: NullKeepAwake())
    startup = StartUp(Options(theme=theme), paths, seams)  # the window as the app builds it
    window = startup.build()
    assert window is not None and startup.coaching is None
    startup.finish()
    assert startup.coaching is not None
    startup.coaching.refresh()  # today's line, now rather than on a worker thread
    window.resize(1366, 768)
    saved: list[Path] = []

    def shot(name: str) -> None:
        if language != i18n.SOURCE_LANGUAGE and name not in IN_OTHER_LANGUAGES:
            return
        window.driver.tick()
        app.processEvents()
        path = out / (f"{name}-{theme}.png" if language == i18n.SOURCE_LANGUAGE else f"{name}-{language}-{theme}.png")
        window.grab().save(str(path))
        saved.append(path)

    def advance_to(kind: StepKind, into: float = 0.0, side: str | None = None) -> None:
        engine = window.engine
        assert engine is not None
        while engine.step.kind is not kind or (side and (engine.step.side is None or engine.step.side.value != side)):
            engine.next()
        clock.t += into

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
    window.close()
    window.start_program("advanced")
    advance_to(StepKind.WORK, 6.5)
    window.show_caption(said("Drive the knees fast toward your chest."))
    shot("work")
    window.engine.end_early()
    shot("summary")
    window.close()
    window.deleteLater()
    return saved


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    parser.add_argument("--lang", choices=i18n.CODES, default=i18n.SOURCE_LANGUAGE,
                        help="the language of the window (not English: home, a hold, a rep set, the summary)")
    args = parser.parse_args(argv[1:])
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    language = i18n.set_language(args.lang)
    app = QApplication.instance() or QApplication(argv[:1])
    assert isinstance(app, QApplication)
    paths: list[Path] = []
    for theme in ("light", "dark") if language == i18n.SOURCE_LANGUAGE else ("light",):
        paths += capture(app, out, theme, language)
    print("\n".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
