"""Start-up, in one place: what is built before the window's first paint, and each step after it.

``StartUp.build()`` makes only what home shows (the stores, the window's actions, home with its coaching
panel and every button), shows the window, and books the rest as steps that run one per turn of the event
loop once the window has painted: the last-session line, the session view, coaching, the cue player, the
speech backend piece by piece, keep-awake, the resume offer or ``--program``, and today's line. Anything
that starts a session first runs whatever is left (``finish()``, handed to the window). Every object a
step builds is an attribute here; a step that fails is logged and the later steps still run.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtWidgets import QApplication

from psoas_coach.core.clock import Clock, SystemClock
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramError, ProgramLibrary, load_library
from psoas_coach.i18n import _, load_number_formats
from psoas_coach.paths import AppPaths
from psoas_coach.store.session_services import SessionServices
from psoas_coach.ui.actions import key_action
from psoas_coach.ui.dialogs import (
    AskFn,
    ChooseFileFn,
    RunDialogFn,
    ask_yes_no,
    choose_report_file,
    choose_session_export,
    run_dialog,
)

if TYPE_CHECKING:
    # imported by the steps after the first paint (the engine and the session store come with a session)
    from typing import Protocol

    from psoas_coach.core.engine import SessionEngine
    from psoas_coach.keepawake import KeepAwake, Report, SessionKeepAwake
    from psoas_coach.speech.cue_player import CuePlayer
    from psoas_coach.store.coaching_store import CoachingStore
    from psoas_coach.store.settings import SettingsStore, VoiceSettings
    from psoas_coach.ui.coaching import CoachingController
    from psoas_coach.ui.drawing_cache import DrawingCache
    from psoas_coach.ui.first_paint import StartUpSteps
    from psoas_coach.ui.main_window import MainWindow
    from psoas_coach.ui.screens.coaching_panel import CoachingPanel

    # for the type checker only: a Protocol class costs its definition before the first frame
    class VoiceBackend(Protocol):
        """What start-up needs of the speech backend (speech.loader.SpeechLoader; tests hand in a fake)."""

        def steps(self) -> list[Callable[[], None]]: ...

        def voices(self) -> list[tuple[str, str]]: ...

        def apply(self, settings: VoiceSettings) -> None: ...

        def sample(self, settings: VoiceSettings) -> None:
            """Say a sample cue with these settings (applied for now)."""

    VoiceBackendFactory = Callable[["CuePlayer", AppPaths, "VoiceSettings"], VoiceBackend]

SUSPEND_GAP_SECONDS = 5.0  # a wall-clock jump this much past the monotonic clock pauses the session


def real_voice_backend(player: CuePlayer, paths: AppPaths, voice: VoiceSettings) -> VoiceBackend:
    from psoas_coach.speech.loader import SpeechLoader

    return SpeechLoader(player, paths, voice)


def local_now() -> str:
    from psoas_coach.store.records import iso_local

    return iso_local(time.time())


def real_keep_awake(report: Report) -> KeepAwake:
    from psoas_coach.keepawake import create_keep_awake

    return create_keep_awake(report)


class Options(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """What the user asked for on the command line."""

    speed: float = 1.0
    mute: bool = False
    theme: str | None = None  # None: the saved setting (default: follow the system)
    program: str | None = None
    reduce_motion: bool = False


class Seams(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """The world outside the window: time, dialogs, speech and keep-awake. Tests hand in fakes."""

    clock: Callable[[float], Clock] = SystemClock  # speed -> the session clock
    ask: AskFn = ask_yes_no
    choose_export: ChooseFileFn = choose_session_export
    choose_report: ChooseFileFn = choose_report_file
    run_dialog: RunDialogFn = run_dialog
    today: Callable[[], date] = date.today
    now: Callable[[], str] = lambda: local_now()
    voice_backend: VoiceBackendFactory = real_voice_backend  # see VoiceBackend (for the type checker)
    keep_awake: Callable[[Report], KeepAwake] = lambda report: real_keep_awake(report)


def import_babel() -> None:
    """Babel's number formatting (about 9 ms of imports): a start-up step of its own, as each step is one turn
    of the event loop and the window must answer between them."""
    import babel.numbers  # noqa: F401


def import_speech_modules() -> None:
    """The speech backend's modules (about 20 ms of imports), before the voice step that uses them."""
    import psoas_coach.speech.cue_player  # noqa: F401
    import psoas_coach.speech.loader  # noqa: F401


def resume_collector() -> None:
    """The first step after the paint (app.run_gui turns the cyclic collector off for start-up, about 60
    passes): what start-up built lives as long as the app, so it is set aside (gc.freeze) and the
    collector resumes with nothing old to scan, so its first pass is no stall."""
    gc.freeze()
    gc.enable()


def build_qt_enum_types() -> None:
    """PySide6 builds all 93 enum types of its Qt namespace (about 13 ms) the first time anything names it;
    nothing before the first paint does (ui/qt_values.py), so they are built here, in a step of their own,
    rather than inside whichever later step names Qt first."""
    from PySide6.QtCore import Qt  # noqa: F401 (importing the name is what builds them)


class StartUp:
    """Owns start-up: builds the window, then finishes building it step by step after its first paint."""

    def __init__(self, options: Options, paths: AppPaths, seams: Seams | None = None) -> None:
        self.options = options
        self.paths = paths
        self.seams = seams or Seams()
        self.app: QApplication | None = None
        self.library: ProgramLibrary | None = None
        self.window: MainWindow | None = None
        self.steps: StartUpSteps | None = None
        self.services: SessionServices | None = None  # the session store and recorder, made on first use
        self.settings: SettingsStore | None = None
        self.coaching_store: CoachingStore | None = None  # made by the coaching step
        self.panel: CoachingPanel | None = None
        self.coaching: CoachingController | None = None  # built by its step (before the paint on a first run)
        self.cue_player: CuePlayer | None = None  # built by the voice step
        self.voice: VoiceBackend | None = None  # built by the voice step
        self.keep_awake: SessionKeepAwake | None = None
        self.drawings: DrawingCache | None = None  # home's exercise drawings (made by build)
        self._program_started = False

    # ------------------------------------------------------------------ before the first paint

    def build(self) -> MainWindow | None:
        """Build the window and show it; None (with the reason on stderr) when there is nothing to coach."""
        from psoas_coach.store.coaching_file import safety_accepted
        from psoas_coach.store.settings import SettingsStore
        from psoas_coach.ui.display import apply_display
        from psoas_coach.ui.drawing_cache import DrawingCache
        from psoas_coach.ui.first_paint import StartUpSteps
        from psoas_coach.ui.main_window import MainWindow
        from psoas_coach.ui.pyside_import_hook import mark_own_modules
        from psoas_coach.ui.screens.coaching_panel import CoachingPanel
        from psoas_coach.ui.window_state import WindowState

        self.app = app = self._application()
        settings = SettingsStore(self.paths.config)
        display = apply_display(app, settings, self.options.theme, self.options.reduce_motion)  # before any widget
        from psoas_coach.ui.qt_translations import install_qt_translations

        install_qt_translations(app)
        try:
            self.library = library = load_library([self.paths.programs])
        except ProgramError as exc:  # a broken built-in: nothing to coach, say why
            print(f"psoas-coach: {exc}", file=sys.stderr)
            return None
        paths = self.paths
        self.services = services = SessionServices(paths.sessions, parse_cache=paths.parse_cache,
                                                   speed=self.options.speed)
        self.settings = settings
        self.drawings = DrawingCache(paths.cache / "drawings")  # home's exercise drawings, kept between runs
        self.window = window = MainWindow(
            library, services, self._new_engine, ask=self.seams.ask,
            muted=self.options.mute or settings.voice().muted, window_state=WindowState(paths.config),
            resume_engine=self._resumed_engine, choose_file=self.seams.choose_export,
            last_session_now=False, finish_start_up=self.finish, today=self.seams.today, theme=display.theme,
            reduced_motion=display.reduced_motion, drawings=self.drawings)
        display.add_keys(window)  # Ctrl++ / Ctrl+- / Ctrl+0
        services.notify_with(window.home.set_notice)
        # M is kept between runs; wired now, so a press before the voice is ready counts
        window.mute_toggled.connect(self._keep_mute)
        self.panel = CoachingPanel()
        window.home.add_panel(self.panel)  # on home from the first paint (filled in after it): home never jumps
        self._add_voice_action()
        self.steps = StartUpSteps(window)
        if not safety_accepted(paths.data):
            self._coaching()  # first run: the safety note is the first screen, so coaching is there before the paint
        for name, step in (
            ("collector", resume_collector),
            ("import hook", mark_own_modules),
            ("qt enums", build_qt_enum_types),
            ("tab order", window.order_home_tabs),
            ("window icon", self._window_icon),
            ("drawing cache", self.drawings.save),  # the drawings rendered for the first frame, for next time
            ("last session", window.refresh_last_session),  # lists the history folder: ~10 ms with 5,000
            ("session view", lambda: window.session),
            ("coaching", self._coaching),
            ("babel", import_babel),  # then its data for the language, before the voice step writes the cues
            ("number formats", load_number_formats),
            ("speech modules", import_speech_modules),  # the voice step's imports, in a turn of their own
            ("voice", self._voice),
            ("keep-awake", self._keep_awake),
            ("resume or --program", self._resume_or_program),
            ("coaching refresh", self._coaching_refresh),
        ):
            self.steps.add(name, step)
        window.show_restored()
        return window

    def _keep_mute(self, muted: bool) -> None:
        """M is kept between runs; a disk that refuses it costs one sentence, never the key."""
        settings = self.settings
        assert settings is not None
        try:
            settings.save_voice(settings.voice()._replace(muted=muted))
        except OSError as exc:
            self._window().notify(_("Mute applies now but could not be kept ({reason}).").format(
                reason=exc.strerror or exc))

    def _application(self) -> QApplication:
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        app.setApplicationName("Psoas Coach")
        app.setApplicationDisplayName("Psoas Coach")
        app.setDesktopFileName("io.github.psoascoach.PsoasCoach")  # the installed .desktop file (Wayland app id)
        return app

    def _add_voice_action(self) -> None:
        """'Voice… (V)': a key and a button on home that work from the first paint."""
        window = self._window()
        key_action(window, "voice-settings", _("Voice… (V)"), ["V"], self.open_voice_settings)
        window.home.add_button(_("Voice… (V)"), "home-voice").clicked.connect(self.open_voice_settings)
        if self.settings is not None:
            from psoas_coach.ui.language_choice import add_language_button

            add_language_button(window, window.home.add_button, self.settings, window.home.set_notice)

    def _window_icon(self) -> None:
        """Every size of the app icon: eight PNGs decoded and handed to the window system (about 10 ms,
        and 1.4 MB to the X server), so it comes just after the first paint; no window shows its icon
        before its first frame anyway."""
        from psoas_coach.ui.widgets.app_icon import app_icon

        if self.app is not None:
            self.app.setWindowIcon(app_icon())

    def _new_engine(self, program: Program) -> SessionEngine:
        from psoas_coach.core.engine import SessionEngine

        clock = self.seams.clock(self.options.speed)
        return SessionEngine(build_plan(program), clock, suspend_gap=SUSPEND_GAP_SECONDS)

    def _resumed_engine(self, program: Program, left: dict[str, Any]) -> SessionEngine:
        from psoas_coach.store.unfinished import resume_engine

        return resume_engine(left, build_plan(program), self.seams.clock(self.options.speed),
                             suspend_gap=SUSPEND_GAP_SECONDS)

    def _window(self) -> MainWindow:
        assert self.window is not None, "build() first"
        return self.window

    # ------------------------------------------------------------------ after it, one step per turn

    def finish(self) -> None:
        """Run every step still waiting, now (a session is about to start)."""
        if self.steps is not None:
            self.steps.finish()

    def _coaching(self) -> None:
        from psoas_coach.store.coaching_store import CoachingStore
        from psoas_coach.ui.coaching import CoachingController

        if self.coaching is not None:
            return
        self.coaching_store = CoachingStore(self.paths.data)
        controller = CoachingController(
            self._window(), self.coaching_store, self.paths, today=self.seams.today, now=self.seams.now,
            choose_file=self.seams.choose_report, dialog=self.seams.run_dialog, panel=self.panel)
        controller.install(refresh=False)  # today's line and proposals: a step of their own
        controller.safety.accepted.connect(self._resume_or_program)  # after a first-run note, --program still runs
        self.coaching = controller

    def _voice(self) -> None:
        """The cue player wired to the window, then the speech backend's own steps (run next)."""
        from psoas_coach.core.cues import program_texts
        from psoas_coach.speech.cue_player import CuePlayer

        window, settings, app = self._window(), self.settings, self.app
        assert settings is not None and app is not None
        voice = settings.voice()
        player = CuePlayer(muted=window.muted, beeps=voice.beeps, parent=window)  # M may be pressed already
        app.aboutToQuit.connect(player.shutdown)
        window.announcer.voice_on = lambda: player.audible  # screen readers hear the steps only when it is not
        window.session_started.connect(player.attach)
        window.mute_toggled.connect(player.set_muted)
        player.caption.connect(window.show_caption)
        player.notice.connect(self._say)
        player.voice_progress.connect(window.home.set_voice_progress)
        # pre-render what will be said, with the user's levels (band, range note) applied as they will be
        player.prepare_texts(text for program in window.library.programs
                             for text in program_texts(build_plan(window.prepare_program(program))))
        if settings.problem:
            player.announce(settings.problem)
        self.cue_player = player
        self.voice = backend = self.seams.voice_backend(player, self.paths, voice)
        assert self.steps is not None
        self.steps.then([(f"speech: {piece.__name__.strip('_').replace('_', ' ')}", piece)
                         for piece in backend.steps()])

    def _say(self, text: str) -> None:
        """A one-line notice from speech or keep-awake: on home, and as a caption in a session."""
        window = self._window()
        window.home.set_notice(text)
        window.show_caption(text)

    def _keep_awake(self) -> None:
        """The screen stays awake while a session runs; where that is impossible the window says so once."""
        window = self._window()
        from psoas_coach.keepawake import SessionKeepAwake

        policy = SessionKeepAwake(self.seams.keep_awake(self._say))
        # Lambdas, not bound methods: Qt holds a plain object's bound method weakly
        window.session_started.connect(lambda engine: policy.attach(engine))
        window.driver.refreshed.connect(lambda: policy.poll())
        if self.app is not None:
            self.app.aboutToQuit.connect(lambda: policy.detach())
        self.keep_awake = policy

    def _resume_or_program(self) -> None:
        """An interrupted session comes before a new one; then ``--program``, once, after any first-run note."""
        window = self._window()
        if not window.isVisible():
            return  # closed before the event loop ran
        if self.coaching is not None and self.coaching.needs_safety:
            return  # the first-run safety note always comes first; accepting it runs this again
        if self._program_started:
            return
        self._program_started = True
        window.offer_resume()
        wanted = self.options.program
        if wanted and window.engine is None:
            if window.home.select_program(wanted):
                window.start_program(wanted)
            else:
                window.home.set_notice(_("No program called '{program}'; choose one from the list. Known: {known}.")
                                       .format(program=wanted, known=", ".join(window.library.ids())))

    def _coaching_refresh(self) -> None:
        """Today's line and proposals read the whole history: last, only while home shows, and on a worker
        thread with a store object of its own, so a long history never holds up the window."""
        from psoas_coach.store.sessions import SessionStore

        if self.coaching is not None:
            self.coaching.refresh_if_home(SessionStore(self.paths.sessions, parse_cache=self.paths.parse_cache))

    # ------------------------------------------------------------------ the Voice dialog

    def open_voice_settings(self) -> None:
        """Voice, speed, volume and beeps: applied at once and kept between runs (home only)."""
        from psoas_coach.ui.voice_settings import VoiceSettingsDialog

        window = self._window()
        self.finish()  # V or a click before the voice step: it runs now, then the dialog opens
        if self.voice is None or self.settings is None or window.stack.currentWidget() is not window.home:
            return
        previous = self.settings.voice()
        dialog = VoiceSettingsDialog(previous, self.voice.voices(), window, sample=self.voice.sample,
                                     voices_folder=self.paths.voices)
        if not self.seams.run_dialog(dialog):
            if dialog.sampled:
                self.voice.apply(previous)  # a sample tried other settings: back to the kept ones
            return
        chosen = dialog.chosen()
        try:
            self.settings.save_voice(chosen)
        except OSError as exc:
            window.notify(_("Voice settings apply now but could not be kept ({reason}).").format(reason=exc.strerror or exc))
        self.voice.apply(chosen)
