"""Composition root: parse the arguments, build every object, wire them together, start Qt."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Sequence

from psoas_coach.cli import parse_args, quiet_on_closed_stdout
from psoas_coach.core.clock import SystemClock
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramError, ProgramLibrary, load_library
from psoas_coach.keepawake import KeepAwake, Report, SessionKeepAwake, create_keep_awake
from psoas_coach.paths import AppPaths, ensure_private_dir, resolve_paths

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QDialog

    from psoas_coach.first_paint import StartUpSteps
    from psoas_coach.ui.coaching import CoachingController

    from psoas_coach.speech.loader import SpeechLoader
    from psoas_coach.store.settings import SettingsStore
    from psoas_coach.speech.cue_player import CuePlayer
    from psoas_coach.ui.main_window import MainWindow

log = logging.getLogger("psoas_coach")

SUSPEND_GAP_SECONDS = 5.0


def install_crash_log(paths: AppPaths) -> None:
    """Unexpected errors go to a log file in the data dir (and stderr) instead of vanishing."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        try:
            ensure_private_dir(paths.data)
            with open(paths.log_file, "a", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError:
            pass
        if sys.__stderr__ is not None:
            sys.__stderr__.write(text)

    sys.excepthook = hook


def load_programs(paths: AppPaths) -> ProgramLibrary:
    return load_library([paths.programs])


def engine_factory(speed: float) -> Callable[[Program], SessionEngine]:
    def make(program: Program) -> SessionEngine:
        clock = SystemClock(speed)
        return SessionEngine(build_plan(program), clock, suspend_gap=SUSPEND_GAP_SECONDS)

    return make


def resume_factory(speed: float) -> Callable[[Program, dict[str, Any]], SessionEngine]:
    def resume(program: Program, left: dict[str, Any]) -> SessionEngine:
        from psoas_coach.store.unfinished import resume_engine

        return resume_engine(left, build_plan(program), SystemClock(speed), suspend_gap=SUSPEND_GAP_SECONDS)

    return resume


def wire_voice(window: MainWindow, coach: CuePlayer, library: ProgramLibrary, settings: SettingsStore) -> None:
    """Speech follows every session the window starts; captions and notices show in the window; M mutes."""
    from psoas_coach.core.cues import program_texts

    def notify(text: str) -> None:
        window.home.set_notice(text)
        window.show_caption(text)

    window.session_started.connect(coach.attach)
    window.mute_toggled.connect(coach.set_muted)
    coach.caption.connect(window.show_caption)
    coach.notice.connect(notify)
    # pre-render what will be said, with the user's levels (band, range note) applied as they will be
    coach.prepare_texts(text for program in library.programs
                        for text in program_texts(build_plan(window.prepare_program(program))))
    if settings.problem:
        coach.announce(settings.problem)


def remember_mute(window: MainWindow, settings: SettingsStore) -> None:
    """M is kept between runs; wired before the first paint, so a press before the voice is ready counts."""
    from dataclasses import replace

    window.mute_toggled.connect(lambda muted: settings.save_voice(replace(settings.voice(), muted=muted)))


def voice_settings_opener(window: MainWindow, loader: SpeechLoader, settings: SettingsStore,
                          run: Callable[[QDialog], bool] | None = None) -> Callable[[], None]:
    """The 'Voice…' dialog on home: voice, speed, volume and beeps, applied at once and kept between runs."""
    from psoas_coach.ui.voice_settings import VoiceSettingsDialog, run_dialog

    def open_dialog() -> None:
        if window.stack.currentWidget() is not window.home:
            return
        dialog = VoiceSettingsDialog(settings.voice(), loader.voices(), window)
        if not (run or run_dialog)(dialog):
            return
        chosen = dialog.chosen()
        try:
            settings.save_voice(chosen)
        except OSError as exc:
            window.notify(f"Voice settings apply now but could not be kept ({exc.strerror or exc}).")
        loader.apply(chosen)

    return open_dialog


def add_voice_settings_action(window: MainWindow, open_dialog: Callable[[], None]) -> None:
    """'Voice… (V)': a key and a button on home."""
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction("Voice… (V)", window)
    action.setObjectName("voice-settings")
    action.setShortcuts([QKeySequence("V")])
    action.triggered.connect(open_dialog)
    window.addAction(action)
    window.home.add_button("Voice… (V)", "home-voice").clicked.connect(open_dialog)


def wire_voice_settings(window: MainWindow, loader: SpeechLoader, settings: SettingsStore,
                        run: Callable[[QDialog], bool] | None = None) -> None:
    add_voice_settings_action(window, voice_settings_opener(window, loader, settings, run))


def wire_keep_awake(window: MainWindow, make: Callable[[Report], KeepAwake] = create_keep_awake) -> SessionKeepAwake:
    """The screen stays awake while a session runs; it may sleep again when the session ends or stays
    paused for a few minutes. Where that is impossible the window says so once."""

    def report(text: str) -> None:
        window.home.set_notice(text)
        window.show_caption(text)

    policy = SessionKeepAwake(make(report))
    # Lambdas, not bound methods: Qt holds a plain object's bound method weakly, and the policy
    # must live as long as the window.
    window.session_started.connect(lambda engine: policy.attach(engine))
    window.driver.refreshed.connect(lambda: policy.poll())
    return policy


def run_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    gc.disable()  # no collector passes before the first frame (about 5 ms); resume_collector turns it back on
    window = build_gui(args, paths)
    if window is None:
        return 1
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    return int(app.exec())


def build_gui(args: argparse.Namespace, paths: AppPaths) -> MainWindow | None:
    """Build the window and show it; None when there is nothing to coach.

    Only what the first paint needs is built before it: home, the stores, the window's actions. The
    rest (the session view, coaching, voice, keep-awake, the speech backend, the resume offer,
    ``--program``) is added just after it, one step per turn of the event loop, and all at once if a
    session is asked for sooner. The first-run safety note is the exception: it is the first screen.
    """
    # The Qt-free part first: once PySide6 is imported, its import hook reads the source of every
    # module named in an import statement (its __feature__ check), so the stores and the programs
    # are loaded before Qt is.
    from psoas_coach.store.coaching_store import CoachingStore
    from psoas_coach.store.recording import SessionRecorder
    from psoas_coach.store.sessions import SessionStore
    from psoas_coach.store.settings import SettingsStore

    try:
        library = load_programs(paths)
    except ProgramError as exc:  # a broken built-in: nothing to coach, say why
        print(f"psoas-coach: {exc}", file=sys.stderr)
        return None

    from PySide6.QtWidgets import QApplication

    from psoas_coach.first_paint import StartUpSteps
    from psoas_coach.ui.main_window import MainWindow
    from psoas_coach.ui.screens.coaching_panel import CoachingPanel
    from psoas_coach.ui.theme import apply_colour_scheme
    from psoas_coach.ui.window_state import WindowState

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    apply_colour_scheme(app, args.theme)
    app.setApplicationName("Psoas Coach")
    app.setApplicationDisplayName("Psoas Coach")
    app.setDesktopFileName("io.github.psoascoach.PsoasCoach")  # the installed .desktop file (Wayland app id)
    store = SessionStore(paths.sessions, parse_cache=paths.parse_cache)
    recorder = SessionRecorder(store, speed=args.speed)
    settings = SettingsStore(paths.config)
    window = MainWindow(library, store, recorder, engine_factory(args.speed),
                        muted=args.mute or settings.voice().muted, window_state=WindowState(paths.config),
                        resume_engine=resume_factory(args.speed), last_session_now=False)
    recorder.notify = window.home.set_notice
    remember_mute(window, settings)
    steps = StartUpSteps(window)
    window.finish_start_up = steps.finish
    levels = CoachingStore(paths.data)
    panel = CoachingPanel()
    window.home.add_panel(panel)  # on home from the first paint (filled in after it), so home never jumps
    voice_dialog: list[Callable[[], None]] = []  # made by the voice step

    def open_voice_settings() -> None:
        window.finish_start_up()  # V or a click before the voice step: it runs now, then the dialog opens
        if voice_dialog:
            voice_dialog[0]()

    add_voice_settings_action(window, open_voice_settings)  # key and button work from the first paint
    coaching: list[CoachingController] = []

    def add_coaching() -> None:
        from psoas_coach.ui.coaching import CoachingController

        if not coaching:
            controller = CoachingController(window, levels, paths, panel=panel)
            controller.install(refresh=False)  # today's line and proposals: a step of their own, below
            coaching.append(controller)

    if levels.load().safety_accepted is None:
        add_coaching()  # first run: the safety note is the first screen, so coaching is there before the paint
    steps.add("collector", resume_collector)
    steps.add("Qt enum types", build_qt_enum_types)
    steps.add("window icon", lambda: set_window_icon(app))  # no window shows an icon before its first frame
    steps.add("last session", window.refresh_last_session)  # lists the history folder: ~10 ms with 5,000
    steps.add("session view", lambda: window.session)
    steps.add("coaching", add_coaching)
    add_voice(window, paths, settings, app, steps, voice_dialog)
    steps.add("keep-awake", lambda: app.aboutToQuit.connect(wire_keep_awake(window).detach))

    def once_shown() -> None:
        if not window.isVisible():
            return  # closed before the event loop ran
        if coaching[0].needs_safety:
            return  # the first-run safety note always comes first
        window.offer_resume()  # an interrupted session comes before a new one
        if args.program and window.engine is None:
            if window.home.select_program(args.program):
                window.start_program(args.program)
            else:
                window.home.set_notice(f"No program called '{args.program}'; choose one from the list. "
                                       f"Known: {', '.join(library.ids())}.")

    steps.add("resume or --program", once_shown)
    # today's line and proposals read the whole history: last, only while home shows, and on a worker
    # thread with a store object of its own, so a long history never holds up the window
    steps.add("coaching refresh", lambda: coaching[0].refresh_if_home(
        SessionStore(paths.sessions, parse_cache=paths.parse_cache)))
    window.show_restored()
    return window


def resume_collector() -> None:
    """Just after the first paint: what start-up built lives as long as the app, so it is set aside
    (gc.freeze) and the collector resumes with nothing old to scan, so its first pass is no stall."""
    gc.freeze()
    gc.enable()


def build_qt_enum_types() -> None:
    """PySide6 builds all 93 enum types of its Qt namespace (about 13 ms) the first time anything
    names it; nothing before the first paint does (ui/qt_values.py), so they are built here, in a
    step of their own, rather than inside whichever later step names Qt first."""
    from PySide6.QtCore import Qt  # noqa: F401 (importing the name is what builds them)


def set_window_icon(app: QGuiApplication) -> None:
    """The app icon on every window: eight PNG sizes decoded and handed to the window system (about
    10 ms, and 1.4 MB to the X server), so it is a start-up step after the first paint."""
    from psoas_coach.ui.widgets.app_icon import app_icon

    app.setWindowIcon(app_icon())


def add_voice(window: MainWindow, paths: AppPaths, settings: SettingsStore, app: QCoreApplication,
              steps: StartUpSteps, voice_dialog: list[Callable[[], None]]) -> None:
    """Start-up steps of speech: the voice coach wired to the window, then the speech backend
    (QtMultimedia, the audio device, the player and beeps, pyttsx3's render process) piece by piece."""

    def wire() -> None:
        from psoas_coach.speech.cue_player import CuePlayer
        from psoas_coach.speech.loader import SpeechLoader

        voice = settings.voice()
        coach = CuePlayer(muted=window.muted, beeps=voice.beeps, parent=app)  # M may be pressed already
        app.aboutToQuit.connect(coach.shutdown)
        wire_voice(window, coach, window.library, settings)
        loader = SpeechLoader(coach, paths, voice)
        voice_dialog.append(voice_settings_opener(window, loader, settings))
        steps.then([(f"speech: {piece.__name__.strip('_').replace('_', ' ')}", piece) for piece in loader.steps()])

    steps.add("voice", wire)


def main(argv: Sequence[str] | None = None) -> int:
    with quiet_on_closed_stdout():  # `psoas-coach schedule | head -3` ends without a traceback
        args = parse_args(argv)
        paths = resolve_paths(args.data_dir)
        install_crash_log(paths)
        command = getattr(args, "func", None)
        if command is not None:
            return int(command(args, paths))
    return run_gui(args, paths)


if __name__ == "__main__":
    raise SystemExit(main())
