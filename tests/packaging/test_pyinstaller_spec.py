"""The PyInstaller spec keeps the speech and multimedia plugins, drops Qt's mock voice, and collects
the app's own modules and data. (packaging/build.sh checks the built folder; packaging/smoke.sh runs it.)"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "packaging" / "psoas-coach.spec").read_text("utf-8")
BUILD = (ROOT / "packaging" / "build.sh").read_text("utf-8")


def test_spec_brings_the_speech_and_multimedia_modules() -> None:
    assert '"PySide6.QtMultimedia"' in SPEC and '"PySide6.QtTextToSpeech"' in SPEC


def test_spec_leaves_out_the_mock_speech_plugin() -> None:
    assert '"qtexttospeech_mock"' in SPEC
    assert "qtexttospeech_mock" in BUILD  # and the build refuses a folder that still has it


def test_spec_collects_the_package_modules_and_data() -> None:
    assert 'collect_submodules("psoas_coach")' in SPEC
    assert 'collect_data_files("psoas_coach"' in SPEC


def test_build_and_smoke_scripts_are_executable() -> None:
    for name in ("build.sh", "smoke.sh"):
        assert (ROOT / "packaging" / name).stat().st_mode & 0o111, name


def test_spec_copies_the_top_level_assets_into_the_package() -> None:
    assert 'ASSETS = os.path.join(ROOT, "assets")' in SPEC
    assert 'os.path.join("psoas_coach", "assets"' in SPEC  # where importlib.resources looks in the bundle
    assert "+ asset_files()" in SPEC
    assert (ROOT / "assets" / "__init__.py").is_file()  # the bundle imports it as psoas_coach.assets


def test_icon_paths_named_by_the_packaging_files_exist() -> None:
    assert 'ICONS = os.path.join(ASSETS, "icons")' in SPEC
    manifest = (ROOT / "packaging" / "io.github.psoascoach.PsoasCoach.yml").read_text("utf-8")
    named = set(re.findall(r"assets/icons/psoas-coach[^ ]*\.(?:svg|png)", manifest))
    assert named, "the Flatpak manifest installs no icon"
    for path in named:
        for size in ("16", "512"):
            assert (ROOT / path.replace("${size}", size)).is_file(), path
