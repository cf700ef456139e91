"""Where files live: --data-dir, then PSOAS_COACH_HOME, then the platform's folders (on Linux the XDG rule,
the same folders platformdirs gives, without importing it at every start)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from psoas_coach.paths import APP_NAME, resolve_paths

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")


def test_a_data_dir_keeps_everything_in_one_folder(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path, env={"PSOAS_COACH_HOME": "/elsewhere"})
    assert (paths.data, paths.config, paths.cache) == (tmp_path, tmp_path / "config", tmp_path / "cache")
    assert resolve_paths(None, env={"PSOAS_COACH_HOME": str(tmp_path)}).data == tmp_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
@pytest.mark.parametrize("values", [
    {}, {"XDG_DATA_HOME": "/x/data", "XDG_CONFIG_HOME": "/x/config", "XDG_CACHE_HOME": "/x/cache"},
    {"XDG_DATA_HOME": "   "}, {"XDG_CONFIG_HOME": "relative/dir"}, {"XDG_CACHE_HOME": "/with space/c"},
])
def test_the_folders_are_platformdirs_own(values: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    paths = resolve_paths(None, env={**values, "HOME": str(Path.home())})
    assert str(paths.data) == platformdirs.user_data_dir(APP_NAME, appauthor=False)
    assert str(paths.config) == platformdirs.user_config_dir(APP_NAME, appauthor=False)
    assert str(paths.cache) == platformdirs.user_cache_dir(APP_NAME, appauthor=False)
