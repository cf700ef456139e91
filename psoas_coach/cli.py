"""Command-line parsing: the GUI options and the sub-commands that need no window."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from psoas_coach import __version__
from psoas_coach.commands import COMMANDS, command_module


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--speed needs a number, not {text!r}") from None
    if not 0 < value <= 10000:
        raise argparse.ArgumentTypeError(f"--speed must be above 0 and at most 10000, not {text}")
    return value


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for *argv* (default: the process's arguments): only the chosen sub-command is loaded."""
    parser = argparse.ArgumentParser(
        prog="psoas-coach",
        description="Psoas Coach: a guided psoas strengthening routine with big countdowns, spoken cues "
        "and a private record of every session.",
        epilog="Keys in a session: Enter/Right start or next, Space pause, Left back, P sharp pain stop, "
        "M mute, F11 fullscreen, Esc end, ? shortcuts.",
    )
    parser.add_argument("--version", action="version", version=f"psoas-coach {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep sessions, settings and cache here "
                        "(default: $PSOAS_COACH_HOME, else the usual per-user data folder)")
    parser.add_argument("--program", metavar="ID", help="open this program ready to start (e.g. foundation, advanced)")
    parser.add_argument("--speed", metavar="F", type=_speed, default=1.0,
                        help="run every timer F times faster, for demos and tests (default 1)")
    parser.add_argument("--mute", action="store_true", help="start with spoken cues off (captions stay on)")
    parser.add_argument("--theme", choices=("system", "light", "dark", "high-contrast"), default=None,
                        help="colour scheme of the window (default: the saved setting, else follow the "
                        "system, high contrast included)")
    parser.add_argument("--reduce-motion", action="store_true",
                        help="countdown rings and bars move in whole steps, nothing glides")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _command_in(argv)
    if chosen is not None:
        command_module(chosen).register(sub)
    for name, (_module, help_text) in COMMANDS.items():
        if name not in sub.choices:  # named for --help; its module is imported only when it runs
            sub.add_parser(name, help=help_text)
    for command in sub.choices.values():
        _accept_data_dir(command)
    return parser


# options of the main parser that take a value, so their value is never mistaken for a command
_VALUE_OPTIONS = frozenset({"--data-dir", "--program", "--speed", "--theme"})


def _command_in(argv: Sequence[str] | None) -> str | None:
    """The sub-command named on the command line, if any."""
    args = list(sys.argv[1:] if argv is None else argv)
    skip = False
    for token in args:
        if skip:
            skip = False
        elif token in _VALUE_OPTIONS:
            skip = True
        elif token.startswith("-"):
            continue
        else:
            return token if token in COMMANDS else None
    return None


def _accept_data_dir(parser: argparse.ArgumentParser) -> None:
    """Let --data-dir also follow a sub-command (and its own sub-commands), as users tend to type it.

    SUPPRESS keeps the main option's value when the sub-command does not repeat it.
    """
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="the data folder to use (as the main --data-dir)")
    for action in parser._actions:  # noqa: SLF001 (argparse exposes nested sub-parsers only here)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for nested in action.choices.values():
                _accept_data_dir(nested)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser(argv).parse_args(argv)
