"""Sub-commands that need no window. Each module has ``register(subparsers)`` and sets ``func`` on its parser.

``func(args, paths) -> int`` runs the command and returns the exit code.
"""

from __future__ import annotations

import importlib

# Add a module name here when a new sub-command lands.
COMMAND_MODULES: tuple[str, ...] = ("programs", "schedule", "history", "export", "doctor", "report")


def load_command_modules() -> list[object]:
    return [importlib.import_module(f"psoas_coach.commands.{name}") for name in COMMAND_MODULES]
