"""Hypothesis helpers shared by the hostile-file tests: a valid JSON value with a few places replaced or removed,
close enough to a real file to get past the first checks and reach the deeper ones."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st


def places(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path inside *value* (not the value itself)."""
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(places(item, (*prefix, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(places(item, (*prefix, i)))
    return out


def mutated(shape: Any, values: st.SearchStrategy[Any], *, least: int = 0, most: int = 3) -> st.SearchStrategy[Any]:
    """*shape* with *least* to *most* of its places replaced by a drawn value, or removed from their object."""
    paths = places(shape)

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        data = copy.deepcopy(shape)
        for _ in range(draw(st.integers(min_value=least, max_value=most))):
            path = draw(st.sampled_from(paths))
            parent: Any = data
            try:
                for key in path[:-1]:
                    parent = parent[key]
                if draw(st.booleans()) and isinstance(parent, dict):
                    parent.pop(path[-1], None)
                else:
                    parent[path[-1]] = draw(values)
            except (KeyError, IndexError, TypeError):
                continue  # an earlier change removed this place
        return data

    return build()
