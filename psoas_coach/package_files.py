"""The folder of a package's own files (programs, catalogues, drawings), found without importlib.resources.

A package installed as a folder (a wheel, an editable checkout, the PyInstaller bundle) is read as a plain
folder: importlib.resources and its readers cost about 2.5 ms of imports that home's first frame would
wait for. A package that is not a folder on disk (inside a zip) is still read through importlib.resources.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def package_folder(package: str) -> Traversable:
    """The files of *package* (``"psoas_coach.data"``), as a Path when they are a folder on disk."""
    spec = importlib.util.find_spec(package)
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        folder = Path(location)
        if folder.is_dir():
            return folder
    from importlib.resources import files

    return files(package)
