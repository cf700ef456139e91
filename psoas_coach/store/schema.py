"""The session JSON Schema shipped in the package, and a small checker for the parts of it we use.

The checker covers type, enum, required, properties, additionalProperties, items, oneOf, $ref,
minimum/maximum/exclusiveMinimum and minLength: enough for our schema without a new dependency.
It is used on imported files (and in tests); loading the history itself only checks the basics.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

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


@lru_cache(maxsize=1)
def session_schema() -> dict[str, Any]:
    """The JSON Schema of a session record (psoas_coach/data/schemas/session.schema.json)."""
    text = package_folder("psoas_coach.data").joinpath("schemas", "session.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def problems(value: Any, schema: dict[str, Any] | None = None) -> list[str]:
    """Where *value* breaks the session schema (or *schema*), as "path: what" strings; empty when valid."""
    root = session_schema() if schema is None else schema
    out: list[str] = []
    _check(value, root, root, "$", out)
    return out


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _check(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str, out: list[str]) -> None:
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), ref
        _check(value, root["$defs"][ref.split("/")[-1]], root, where, out)
        return
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not _sub(value, s, root, where)]
        if len(matching) != 1:
            out.append(f"{where}: matches {len(matching)} of the allowed shapes, not exactly one")
        return
    kinds = schema.get("type")
    if kinds is not None:
        names = [kinds] if isinstance(kinds, str) else list(kinds)
        if not any(_is_type(value, n) for n in names):
            out.append(f"{where}: should be {' or '.join(names)}")
            return
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: should be one of {schema['enum']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            out.append(f"{where}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            out.append(f"{where}: above {schema['maximum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            out.append(f"{where}: should be above {schema['exclusiveMinimum']}")
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        out.append(f"{where}: too short")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                out.append(f"{where}: missing {key}")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                _check(item, props[key], root, f"{where}.{key}", out)
            elif extra is False:
                out.append(f"{where}: unexpected {key}")
            elif isinstance(extra, dict):
                _check(item, extra, root, f"{where}.{key}", out)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _check(item, schema["items"], root, f"{where}[{i}]", out)


def _sub(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str) -> list[str]:
    found: list[str] = []
    _check(value, schema, root, where, found)
    return found
