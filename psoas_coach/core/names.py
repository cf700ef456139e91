"""Display names of what a session record refers to by id, in the reader's language.

Records keep program and exercise ids (and the name as the program file wrote it, for people reading
the JSON). Whatever language a record was made in, it shows in the current one: a known id gives the
built-in name translated; an unknown id (a user's own program, since removed) gives the recorded name,
translated where the catalogue knows it (old records carry English names).
"""

from __future__ import annotations

from functools import lru_cache

from psoas_coach.i18n import _, content, lazy

STATUS_WORDS = {
    "completed": lazy("completed"),
    "ended_early": lazy("ended early"),
    "pain_stop": lazy("stopped for pain"),
}


@lru_cache(maxsize=1)
def _builtin_names() -> tuple[dict[str, str], dict[str, str]]:
    """(exercise id -> name, program id -> name) of the built-in content, as written in its files."""
    from psoas_coach.core.program import ProgramError, load_library

    try:
        library = load_library(())
    except ProgramError:
        return {}, {}
    exercises = {ex.id: ex.name for p in library.programs for ex in p.exercises}
    from psoas_coach.core.program import load_catalogue

    exercises.update({ex_id: ex.name for ex_id, ex in load_catalogue().items()})
    return exercises, {p.id: p.name for p in library.programs}


def exercise_name(exercise_id: str, recorded: str = "") -> str:
    """The exercise *exercise_id* in the current language."""
    source = _builtin_names()[0].get(exercise_id) or recorded or exercise_id
    return content(source)


def program_name(program_id: str, recorded: str = "") -> str:
    """The program *program_id* in the current language."""
    source = _builtin_names()[1].get(program_id) or recorded or program_id
    return content(source)


def status_text(status: str) -> str:
    """'completed', 'ended early', 'stopped for pain' in the current language."""
    word = STATUS_WORDS.get(status)
    return str(word) if word is not None else _(status) if status else ""
