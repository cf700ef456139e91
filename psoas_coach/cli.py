"""Command-line parsing: the GUI options and the sub-commands that need no window."""

from __future__ import annotations

import argparse
import os
import select
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from psoas_coach import __version__
from psoas_coach.commands import COMMANDS, command_module
from psoas_coach.i18n import CODES, _


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("--speed needs a number, not {text}").format(text=repr(text))) from None
    if not 0 < value <= 10000:
        raise argparse.ArgumentTypeError(_("--speed must be above 0 and at most 10000, not {text}").format(text=text))
    return value


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for *argv* (default: the process's arguments): only the chosen sub-command is loaded."""
    from psoas_coach.argparse_texts import VERSION_HELP, route_argparse

    route_argparse()
    parser = argparse.ArgumentParser(
        prog="psoas-coach",
        description=_("Psoas Coach: a guided psoas strengthening routine with big countdowns, spoken cues "
                      "and a private record of every session."),
        epilog=_("Keys in a session: Enter/Right start or next, Space pause, Left back, P sharp pain stop, "
                 "M mute, F11 fullscreen, Esc end, ? shortcuts."),
    )
    parser.add_argument("--version", action="version", version=f"psoas-coach {__version__}", help=_(VERSION_HELP))
    parser.add_argument("--data-dir", metavar="DIR", help=_("keep sessions, settings and cache here "
                        "(default: $PSOAS_COACH_HOME, else the usual per-user data folder)"))
    parser.add_argument("--program", metavar="ID", help=_("open this program ready to start (e.g. foundation, advanced)"))
    parser.add_argument("--speed", metavar="F", type=_speed, default=1.0,
                        help=_("run every timer F times faster, for demos and tests (default 1)"))
    parser.add_argument("--mute", action="store_true", help=_("start with spoken cues off (captions stay on)"))
    parser.add_argument("--theme", choices=("system", "light", "dark", "high-contrast"), default=None,
                        help=_("colour scheme of the window (default: the saved setting, else follow the "
                               "system, high contrast included)"))
    parser.add_argument("--reduce-motion", action="store_true",
                        help=_("countdown rings and bars move in whole steps, nothing glides"))
    parser.add_argument("--lang", metavar="CODE", type=_lang, default=None,
                        help=_("language of the window, the spoken cues and the reports, one of {codes} "
                               "(default: the one chosen in the window, else the system's)").format(
                            codes=", ".join(CODES)))
    if not _names_a_command_or_help(argv):
        return parser  # the window is starting: no sub-command parsers to build (seven, about 5 ms)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _command_in(argv)
    if chosen is not None:
        command_module(chosen).register(sub)
    for name, (_module, help_text) in COMMANDS.items():
        if name not in sub.choices:  # named for --help; its module is imported only when it runs
            sub.add_parser(name, help=_(help_text))
    for command in sub.choices.values():
        _accept_after_command(command)
    return parser


# options of the main parser that take a value, so their value is never mistaken for a command
_VALUE_OPTIONS = frozenset({"--data-dir", "--program", "--speed", "--theme", "--lang"})


def _lang(text: str) -> str:
    from psoas_coach.i18n import normalize

    code = normalize(text)
    if code is None:
        raise argparse.ArgumentTypeError(_("--lang must be one of {codes}, not {text}").format(
            codes=", ".join(CODES), text=repr(text)))
    return code


def early_options(argv: Sequence[str] | None) -> tuple[str | None, str | None]:
    """--lang and --data-dir, read before the parser is built, so its help is in the chosen language."""
    args = list(sys.argv[1:] if argv is None else argv)
    found: dict[str, str] = {}
    for i, token in enumerate(args):
        for option in ("--lang", "--data-dir"):
            if token == option and i + 1 < len(args):
                found[option] = args[i + 1]
            elif token.startswith(option + "="):
                found[option] = token.split("=", 1)[1]
    return found.get("--lang"), found.get("--data-dir")


def _names_a_command_or_help(argv: Sequence[str] | None) -> bool:
    """True when the command line has a word that is not an option or its value, or asks for help."""
    skip = False
    for token in list(sys.argv[1:] if argv is None else argv):
        if skip:
            skip = False
        elif token in _VALUE_OPTIONS:
            skip = True
        elif token in ("-h", "--help") or not token.startswith("-"):
            return True
    return False


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


def _accept_after_command(parser: argparse.ArgumentParser) -> None:
    """Let --data-dir and --lang also follow a sub-command (and its own sub-commands), as users tend to type
    them ("psoas-coach history --lang de" was refused; early_options reads both wherever they are).

    SUPPRESS keeps the main option's value when the sub-command does not repeat it.
    """
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help=_("the data folder to use (as the main --data-dir)"))
    parser.add_argument("--lang", metavar="CODE", type=_lang, default=argparse.SUPPRESS,
                        help=_("the language to write in (as the main --lang)"))
    for action in parser._actions:  # noqa: SLF001 (argparse exposes nested sub-parsers only here)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for nested in action.choices.values():
                _accept_after_command(nested)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser(argv).parse_args(argv)


# What a shell reports for a program ended by SIGPIPE (128 + 13), as `yes | head -1` shows.
EXIT_CLOSED_PIPE = 141


@contextmanager
def quiet_on_closed_stdout() -> Iterator[None]:
    """End quietly with EXIT_CLOSED_PIPE when the reader of stdout goes away (``psoas-coach schedule |
    head -3``), instead of a BrokenPipeError traceback; any other error goes on as it is.

    As Python's documentation of SIGPIPE recommends: flush inside the guard, so a late error is
    caught too, then point stdout at devnull so the flush at exit has nowhere to fail.
    """
    try:
        try:
            yield
        finally:
            sys.stdout.flush()  # also after --help/--version, whose text would otherwise fail at exit
    except BrokenPipeError:
        if not _stdout_reader_gone():
            raise  # a pipe of the command's own broke: a real error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise SystemExit(EXIT_CLOSED_PIPE) from None


def _stdout_reader_gone() -> bool:
    """True when stdout is a pipe whose reading end is closed (poll reports an error on it)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return False  # stdout is not a real file (replaced in a test): the broken pipe was not it
    if not hasattr(select, "poll"):
        return True  # no poll (Windows): trust the error
    poller = select.poll()
    poller.register(fd, select.POLLOUT)
    return any(events & select.POLLERR for _fd, events in poller.poll(0))
