"""The session JSON Schema shipped in the package, and a small checker for the parts of it we use.

The checker covers type, enum, required, properties, additionalProperties, items, oneOf, $ref,
minimum/maximum/exclusiveMinimum and minLength: enough for our schema without a new dependency.
It is used on imported files and autosaves (and in tests); loading the history itself uses session_check.
Each problem it finds is a clause in the user's language ("the field 'effort' is 42, above the highest
allowed value 10") naming the field by its path in the file and quoting the offending value as the file
writes it, for a sentence that also names the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from psoas_coach.i18n import N_, _, current_language, ngettext, number
from psoas_coach.package_files import package_folder

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
# What each JSON type is called in a sentence (marked here, translated where the sentence is made).
_TYPE_WORDS = {"object": N_("an object"), "array": N_("a list"), "string": N_("a text"),
               "integer": N_("a whole number"), "number": N_("a number"), "boolean": N_("true/false"),
               "null": N_("nothing (null)")}
MAX_SHOWN = 40  # characters of a value or a field name from the file quoted in a message
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One way a value breaks the schema: where (the path of keys and indexes) and what, as a clause."""

    path: Path
    text: str  # "the field 'exercises[0].sides.left.reps' should be a whole number, not \"many\""

    @property
    def field(self) -> str:
        return field_text(self.path)

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=1)
def session_schema() -> dict[str, Any]:
    """The JSON Schema of a session record (psoas_coach/data/schemas/session.schema.json)."""
    text = package_folder("psoas_coach.data").joinpath("schemas", "session.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def problems(value: Any, schema: dict[str, Any] | None = None, *, at: Path = ()) -> list[Problem]:
    """Where *value* breaks the session schema (or *schema*), in the active language; empty when valid.
    *at* is where *value* sits in its file (("record",) in an autosave), so the fields are named as found there."""
    root = session_schema() if schema is None else schema
    out: list[Problem] = []
    _check(value, root, root, at, out)
    return out


def field_text(path: Path) -> str:
    """*path* as a user finds it in the file: ``exercises[0].sides.left.reps``; a key that is not a plain name
    is quoted as JSON writes it (control characters escaped), a long one cut; the record itself is "(top level)"."""
    if not path:
        return _("(top level)")
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif _PLAIN_KEY.fullmatch(part) and len(part) <= MAX_SHOWN:
            parts.append(f".{part}" if parts else part)
        else:
            parts.append(f"[{shown_text(part)}]")
    return "".join(parts)


def shown_text(text: str) -> str:
    """A text from the file quoted as JSON writes it (so a newline or an escape code cannot reach a terminal),
    cut to MAX_SHOWN characters."""
    cut = text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
    return json.dumps(cut, ensure_ascii=False)


def shown_value(value: Any) -> str:
    """*value* as the file writes it (``"many"``, ``-1``, ``true``, ``null``); a list or an object by its kind."""
    if isinstance(value, str):
        return shown_text(value)
    if isinstance(value, dict):
        return _(_TYPE_WORDS["object"])
    if isinstance(value, list):
        return _(_TYPE_WORDS["array"])
    text = json.dumps(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _or(items: list[str]) -> str:
    """'a, b or c' as the language writes a choice."""
    from babel.lists import format_list

    return str(format_list(items, style="or", locale=current_language()))


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _type_names(schema: dict[str, Any]) -> list[str]:
    kinds = schema.get("type")
    if kinds is None:
        return []
    return [kinds] if isinstance(kinds, str) else list(kinds)


def _check(value: Any, schema: dict[str, Any], root: dict[str, Any], where: Path, out: list[Problem]) -> None:
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), ref
        _check(value, root["$defs"][ref.split("/")[-1]], root, where, out)
        return
    if "oneOf" in schema:
        _one_of(value, schema["oneOf"], root, where, out)
        return
    field = field_text(where)
    names = _type_names(schema)
    if names and not any(_is_type(value, n) for n in names):
        # Translators: {field} is a field's path in the file (exercises[0].target.reps), {kinds} what it may be
        # ("a whole number or nothing (null)"), {value} what the file holds, as written there ("many", -1)
        out.append(Problem(where, _("the field '{field}' should be {kinds}, not {value}").format(
            field=field, kinds=_or([_(_TYPE_WORDS[n]) for n in names]), value=shown_value(value))))
        return
    if "enum" in schema and value not in schema["enum"]:
        allowed = _or([shown_value(v) for v in schema["enum"]])
        out.append(Problem(where, _("the field '{field}' should be {allowed}, not {value}").format(
            field=field, allowed=allowed, value=shown_value(value))))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = shown_value(value)
        if "minimum" in schema and value < schema["minimum"]:
            out.append(Problem(where, _("the field '{field}' is {value}, below the lowest allowed value {limit}").format(
                field=field, value=shown, limit=number(schema["minimum"]))))
        if "maximum" in schema and value > schema["maximum"]:
            out.append(Problem(where, _("the field '{field}' is {value}, above the highest allowed value {limit}").format(
                field=field, value=shown, limit=number(schema["maximum"]))))
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            out.append(Problem(where, _("the field '{field}' is {value}, but it must be above {limit}").format(
                field=field, value=shown, limit=number(schema["exclusiveMinimum"]))))
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        least = schema["minLength"]
        out.append(Problem(where, _("the field '{field}' is empty").format(field=field) if not value else
                           ngettext("the field '{field}' is shorter than {count} character",
                                    "the field '{field}' is shorter than {count} characters", least).format(
                               field=field, count=least)))
    if isinstance(value, dict):
        _object(value, schema, root, where, out)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _check(item, schema["items"], root, (*where, i), out)


def _object(value: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], where: Path,
            out: list[Problem]) -> None:
    for key in schema.get("required", []):
        if key not in value:
            out.append(Problem((*where, key), _("the field '{field}' is missing").format(
                field=field_text((*where, key)))))
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in props:
            _check(item, props[key], root, (*where, key), out)
        elif extra is False:
            out.append(Problem((*where, key), _("the field '{field}' is not allowed here").format(
                field=field_text((*where, key)))))
        elif isinstance(extra, dict):
            _check(item, extra, root, (*where, key), out)


def _one_of(value: Any, branches: list[dict[str, Any]], root: dict[str, Any], where: Path,
            out: list[Problem]) -> None:
    """Exactly one branch must fit. When none does, the problems of the branch of the value's own type are
    the useful ones (pain_stop is null or an object: an object lacking "at" is told so)."""
    found = [_sub(value, branch, root, where) for branch in branches]
    fitting = [f for f in found if not f]
    if len(fitting) == 1:
        return
    if fitting:
        out.append(Problem(where, _("the field '{field}' fits more than one of the allowed forms").format(
            field=field_text(where))))
        return
    for branch, wrong in zip(branches, found):
        names = _type_names(_resolved(branch, root))
        if not names or any(_is_type(value, n) for n in names):
            out.extend(wrong)
            return
    kinds = [n for branch in branches for n in _type_names(_resolved(branch, root))]
    out.append(Problem(where, _("the field '{field}' should be {kinds}, not {value}").format(
        field=field_text(where), kinds=_or([_(_TYPE_WORDS[n]) for n in dict.fromkeys(kinds)]),
        value=shown_value(value))))


def _resolved(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].split("/")[-1]]
    return schema


def _sub(value: Any, schema: dict[str, Any], root: dict[str, Any], where: Path) -> list[Problem]:
    found: list[Problem] = []
    _check(value, schema, root, where, found)
    return found
