"""`psoas-coach programs list|show ID|check FILE`: the built-in and the user's own programs."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from psoas_coach.core.levels import dosage_words, level_for
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramError, load_catalogue, load_program_file
from psoas_coach.i18n import _, content, ngettext
from psoas_coach.paths import AppPaths


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "programs", help=_("list, show or check programs (your own go in <data dir>/programs/*.json)"),
        description=_("List the programs, show one with your levels, or check a program file you wrote "
                      "(the format is described in docs/program-format.md)."),
    )
    actions = parser.add_subparsers(dest="programs_action", metavar="ACTION")
    actions.add_parser("list", help=_("every program, built-in and yours, and any file that could not be loaded"))
    show = actions.add_parser("show", help=_("one program's exercises, with your level for each"))
    show.add_argument("program_id", metavar="ID")
    check = actions.add_parser("check", help=_("validate a program file; names the field and the reason if it is wrong"))
    check.add_argument("file", metavar="FILE", type=Path)
    parser.set_defaults(func=run, programs_action="list")


def _minutes(program: Program) -> int:
    return max(1, math.ceil(build_plan(program).timed_seconds / 60))


def _origin(program: Program) -> str:
    return _("built-in") if program.source.startswith("built-in") else program.source


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    action = args.programs_action
    if action == "check":
        return check(args.file)
    from psoas_coach.commands.notes import warn
    from psoas_coach.store.context import load_context

    ctx = load_context(paths, sessions=False)
    if action == "show":
        return show(ctx, args.program_id)
    width = max(len(p.id) for p in ctx.library.programs)
    for program in ctx.library.programs:
        mine = ctx.levelled(program)
        current = "  " + _("(current)") if program.id == ctx.program().id else ""
        count = len(program.exercises)
        print(f"{program.id:<{width}}  {content(program.name)} · "
              + ngettext("{count} exercise", "{count} exercises", count).format(count=count)
              + " · " + _("about {minutes} min").format(minutes=_minutes(mine)) + f" · {_origin(program)}{current}")
    if ctx.problems:
        print(ngettext("{count} file could not be loaded:", "{count} files could not be loaded:",
                       len(ctx.problems)).format(count=len(ctx.problems)), file=sys.stderr)
        warn(ctx.problems)
    return 0


def show(ctx: Any, program_id: str) -> int:
    if program_id not in ctx.library.ids():
        print(_("There is no program {program}; the programs are: {known}.").format(
            program=repr(program_id), known=", ".join(ctx.library.ids())), file=sys.stderr)
        return 1
    program = ctx.library.get(program_id)
    levels = ctx.state.levels_for(program.id)
    mine = ctx.levelled(program)
    print(f"{content(program.name)} ({program.id}) · " + _("about {minutes} min").format(minutes=_minutes(mine))
          + f" · {_origin(program)}")
    print(content(program.description))
    print()
    for number, ex in enumerate(program.exercises, start=1):
        level = level_for(ex, levels)
        print(f"{number}. {content(ex.name)} [{ex.level.value}] · {dosage_words(ex, level)}"
              + (" " + _("(your level)") if ex.id in levels else ""))
        print(f"   {content(ex.setup)}")
        if level.range_note:
            print("   " + _("Range: {note}").format(note=content(level.range_note)))
        if ex.equipment:
            print("   " + _("Equipment: {things}").format(things=", ".join(content(e) for e in ex.equipment)))
    return 0


def check(path: Path) -> int:
    """Validate one file; the exit code is 0 when the app would load it."""
    try:
        program = load_program_file(path, load_catalogue())
    except ProgramError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    from psoas_coach.core.program import load_library

    clash = " " + _("It has the same id as a built-in program, so the app will skip it: pick another id.") \
        if program.id in load_library().ids() else ""
    print(ngettext("{file}: ok, program {program} with {count} exercise, about {minutes} min.",
                   "{file}: ok, program {program} with {count} exercises, about {minutes} min.",
                   len(program.exercises)).format(file=path, program=repr(program.id), count=len(program.exercises),
                                                  minutes=_minutes(program)) + clash)
    return 1 if clash else 0
