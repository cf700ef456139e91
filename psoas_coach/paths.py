"""One place decides where files live: --data-dir, then PSOAS_COACH_HOME, then the platform default."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

APP_NAME = "psoas-coach"
ENV_HOME = "PSOAS_COACH_HOME"


class AppPaths(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """Data (sessions, user programs), config (settings) and cache (rendered speech) folders."""

    data: Path
    config: Path
    cache: Path

    @property
    def sessions(self) -> Path:
        return self.data / "sessions"

    @property
    def programs(self) -> Path:
        return self.data / "programs"

    @property
    def voices(self) -> Path:
        """Piper voices the user added (.onnx with its .onnx.json), beside the bundled one."""
        return self.data / "voices"

    @property
    def log_file(self) -> Path:
        return self.data / "psoas-coach.log"

    @property
    def parse_cache(self) -> Path:
        """Decoded session records kept between runs (see psoas_coach.store.parse_cache); safe to delete."""
        return self.cache / "sessions.parsed"


def resolve_paths(data_dir: str | Path | None = None, env: dict[str, str] | None = None) -> AppPaths:
    """An explicit --data-dir or PSOAS_COACH_HOME keeps everything (data, config, cache) under one folder."""
    env = dict(os.environ) if env is None else env
    chosen = data_dir if data_dir is not None else env.get(ENV_HOME) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data=root, config=root / "config", cache=root / "cache")
    if sys.platform.startswith("linux"):
        return AppPaths(data=_xdg(env, "XDG_DATA_HOME", "~/.local/share"),
                        config=_xdg(env, "XDG_CONFIG_HOME", "~/.config"),
                        cache=_xdg(env, "XDG_CACHE_HOME", "~/.cache"))
    import platformdirs  # macOS and Windows; on Linux the XDG rule below is the same, without its imports

    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def _xdg(env: dict[str, str], variable: str, default: str) -> Path:
    """The XDG base directory rule, as platformdirs applies it on Linux: the variable when it holds an
    absolute path, else the default under the home folder; the app's own folder inside."""
    base = env.get(variable, "")
    if not base.strip() or not os.path.isabs(base):
        base = os.path.expanduser(default)
    return Path(base) / APP_NAME


def ensure_private_dir(path: Path) -> Path:
    """Create *path* readable by this user only on POSIX (health data is private), whatever the umask.

    Every folder made on the way (a missing data folder above ``sessions/``, say) is made private too;
    folders that were already there above *path* are left as they are, *path* itself is made 0700.
    """
    missing = []
    here = path
    while not here.exists() and here.parent != here:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass  # made by another process meanwhile
        _private(folder)
    if not missing:
        path.mkdir(parents=True, exist_ok=True)  # raises the usual error if *path* is a file
        _private(path)
    return path


def _private(folder: Path) -> None:
    if os.name == "posix":
        try:
            os.chmod(folder, 0o700)
        except OSError:
            pass
