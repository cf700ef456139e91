"""Entry point: parse the arguments, then run a sub-command, or build the window (ui.startup) and start Qt."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from psoas_coach.atomic import append_private
from psoas_coach.cli import parse_args, quiet_on_closed_stdout
from psoas_coach.paths import AppPaths, ensure_private_dir, resolve_paths

if TYPE_CHECKING:
    from psoas_coach.ui.main_window import MainWindow
    from psoas_coach.ui.startup import Seams

log = logging.getLogger("psoas_coach")

def install_crash_log(paths: AppPaths) -> None:
    """Unexpected errors go to a log file in the data dir (and stderr) instead of vanishing."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        try:
            ensure_private_dir(paths.data)
            append_private(paths.log_file, text + "\n")
        except OSError:
            pass
        if sys.__stderr__ is not None:
            sys.__stderr__.write(text)

    sys.excepthook = hook


def build_gui(args: argparse.Namespace, paths: AppPaths, seams: Seams | None = None) -> MainWindow | None:
    """The window as the user starts it (tests use this too); None when there is nothing to coach."""
    from psoas_coach.ui.startup import Options, StartUp

    options = Options(speed=args.speed, mute=args.mute, theme=args.theme, program=args.program,
                      reduce_motion=args.reduce_motion)
    return StartUp(options, paths, seams).build()


def load_qt_free_parts() -> None:
    """The Qt-free modules home's first frame needs (programs, plans, settings, the coaching file's safety answer),
    imported before PySide6: once PySide6 is loaded, its import hook reads the source of every module
    imported after it (its __feature__ check). The engine and the session store wait for the first
    session or the history (store.session_services)."""
    import psoas_coach.core.plan  # noqa: F401
    import psoas_coach.core.program  # noqa: F401
    import psoas_coach.store.coaching_file  # noqa: F401
    import psoas_coach.store.settings  # noqa: F401


def run_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    gc.disable()  # no collector passes before the first frame; StartUp's "collector" step turns it back on
    load_qt_free_parts()
    loaded = list(sys.modules)
    from PySide6.QtWidgets import QApplication

    from psoas_coach.ui.pyside_import_hook import mark_loaded_modules, mark_own_modules

    mark_loaded_modules(loaded)  # PySide6's import hook need not read these modules' source (see there)
    mark_own_modules("ui")  # the window's modules: most of what is imported before the first frame
    window = build_gui(args, paths)
    if window is None:
        return 1
    app = QApplication.instance()
    assert app is not None
    return int(app.exec())


def choose_language_early(argv: Sequence[str] | None) -> str:
    """Set the language of this run before anything is shown (the --help text included):
    --lang, then the setting kept from the window, then the system, then English."""
    from psoas_coach.cli import early_options
    from psoas_coach.i18n import choose_language, set_language
    from psoas_coach.store.settings import peek_language

    lang, data_dir = early_options(argv)
    setting = peek_language(resolve_paths(data_dir).config)
    return set_language(choose_language(lang, setting))


def main(argv: Sequence[str] | None = None) -> int:
    with quiet_on_closed_stdout():  # `psoas-coach schedule | head -3` ends without a traceback
        choose_language_early(argv)
        args = parse_args(argv)
        paths = resolve_paths(args.data_dir)
        install_crash_log(paths)
        command = getattr(args, "func", None)
        if command is not None:
            return int(command(args, paths))
    return run_gui(args, paths)


if __name__ == "__main__":
    raise SystemExit(main())
