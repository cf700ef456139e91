"""Spare PySide6's import hook from reading the source of every module already loaded.

Once PySide6 is imported it replaces ``__import__``, and the first time any module's name passes through an
import statement it reads that module's whole source to see whether it mentions "PySide6" (its
``__feature__`` check, for ``from __feature__ import snake_case``). Start-up imports its Qt-free parts and
the standard library first, so PySide6 would then read typing.py, inspect.py, argparse.py, pathlib.py and
some sixty more (about 3 ms) to learn what is already known: none of them selects a ``__feature__``.
``mark_loaded_modules`` records that answer ("not a feature module", -1, PySide6's own value for them) for
every module loaded before PySide6, and ``mark_own_modules`` for the app's own modules, loaded later
(none selects a ``__feature__``: a test checks it); other modules are checked by PySide6 as usual. Where
PySide6 keeps no such table (another version) nothing is done.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

FEATURE_MODULE = "shibokensupport.feature"  # PySide6's own (embedded) __feature__ support
NOT_A_FEATURE_MODULE = -1  # PySide6's value for a module that selects no __feature__


def feature_table() -> dict[str, int] | None:
    """PySide6's per-module feature table (module name -> selection), or None where it has none."""
    table = getattr(sys.modules.get(FEATURE_MODULE), "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def mark_loaded_modules(names: Iterable[str]) -> int:
    """Record *names* (modules loaded before PySide6) as selecting no ``__feature__``; returns how many were new."""
    table = feature_table()
    if table is None:
        return 0
    added = 0
    for name in names:
        if name not in table and not name.startswith(("PySide6", "shiboken", "__feature__")):
            table[name] = NOT_A_FEATURE_MODULE
            added += 1
    return added


def package_modules(folder: Path, package: str) -> Iterator[str]:
    """The dotted names of the modules in the package *package* at *folder*, subpackages included."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False) and os.path.exists(os.path.join(entry.path, "__init__.py")):
            yield f"{package}.{entry.name}"
            yield from package_modules(Path(entry.path), f"{package}.{entry.name}")
        elif entry.name.endswith(".py") and entry.name != "__init__.py":
            yield f"{package}.{entry.name[:-3]}"


def mark_own_modules(subpackage: str = "") -> int:
    """Record Psoas Coach's modules (those of *subpackage*, e.g. "ui", or all) as selecting no ``__feature__``
    before they are imported: the window's before its first frame, the rest in a start-up step after it."""
    root = Path(__file__).resolve().parent.parent
    folder, package = (root / subpackage, f"{root.name}.{subpackage}") if subpackage else (root, root.name)
    return mark_loaded_modules(package_modules(folder, package))
