"""Babel extractor for program content: the texts of psoas_coach/data/exercises.json and programs/*.json.

Each text becomes a msgid (the English text) with a comment naming the exercise or program and the
field, so a translator sees where it is used. Registered in babel.cfg as ``content``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

# fields of an exercise (and of a program) that people read or hear
EXERCISE_TEXT = ("name", "description", "setup")
EXERCISE_LISTS = ("cues", "compensations", "equipment")
PROGRAM_TEXT = ("name", "description")

Message = tuple[int, str | None, str, list[str]]


def _exercise(ex: dict[str, Any]) -> Iterator[tuple[str, str]]:
    who = ex.get("id", "?")
    for key in EXERCISE_TEXT:
        if isinstance(ex.get(key), str):
            yield f"exercise {who}: {key}", ex[key]
    for key in EXERCISE_LISTS:
        for i, text in enumerate(ex.get(key, [])):
            if isinstance(text, str):
                yield f"exercise {who}: {key}[{i}]", text
    for variant in ex.get("variants", []):
        for key in ("name", "setup"):
            if isinstance(variant.get(key), str):
                yield f"exercise {who}: variant {variant.get('id', '?')} {key}", variant[key]


def texts(data: Any) -> Iterator[tuple[str, str]]:
    """(where, text) for every readable text of an exercise catalogue or a program file."""
    if not isinstance(data, dict):
        return
    for ex in data.get("exercises", []):
        if isinstance(ex, dict) and "name" in ex:
            yield from _exercise(ex)
    if "id" in data:
        for key in PROGRAM_TEXT:
            if isinstance(data.get(key), str):
                yield f"program {data['id']}: {key}", data[key]


def extract(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Message]:
    """The Babel extractor interface: (line number, function name, message, comments)."""
    raw = fileobj.read().decode("utf-8")
    lines = raw.splitlines()
    for where, text in texts(json.loads(raw)):
        needle = json.dumps(text, ensure_ascii=False)
        lineno = next((i for i, line in enumerate(lines, 1) if needle in line), 1)
        yield lineno, None, text, [where]
