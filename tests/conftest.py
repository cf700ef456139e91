"""Shared fixtures: every test gets a private data dir; no test touches a real home."""

from __future__ import annotations

from pathlib import Path

import pytest

from psoas_coach import i18n
from psoas_coach.core.plan import SessionPlan, build_plan
from psoas_coach.core.program import ProgramLibrary, load_library
from tests.fakes import FakeClock


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "psoas-home"
    monkeypatch.setenv("PSOAS_COACH_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):  # the machine's language never leaks in
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(autouse=True)
def english() -> object:
    """Every test starts in English (the source language) and leaves the language as it found it."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def library() -> ProgramLibrary:
    return load_library()


@pytest.fixture
def foundation_plan(library: ProgramLibrary) -> SessionPlan:
    return build_plan(library.get("foundation"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
