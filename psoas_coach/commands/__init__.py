"""Sub-commands that need no window. Each module has ``register(subparsers)`` and sets ``func`` on its parser.

``func(args, paths) -> int`` runs the command and returns the exit code. Only the module of the command
being run is imported: starting the window imports none of them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from psoas_coach.i18n import N_

# command name -> (module that registers it, one-line help shown by --help)
COMMANDS: dict[str, tuple[str, str]] = {
    "programs": ("programs", N_("list, show or check programs (your own go in <data dir>/programs/*.json)")),
    "schedule": ("schedule", N_("what to do today, and an iCalendar file of the coming sessions")),
    "history": ("history", N_("list saved sessions")),
    "export": ("export", N_("export every session to CSV or JSON")),
    "import": ("export", N_("add sessions from a JSON export, merging by id")),
    "doctor": ("doctor", N_("check which speech engine and audio output this machine has")),
    "report": ("report", N_("write a PDF report for a physical therapist")),
}

COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(module for module, _help in COMMANDS.values()))


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"psoas_coach.commands.{COMMANDS[name][0]}")


def load_command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"psoas_coach.commands.{name}") for name in COMMAND_MODULES]
